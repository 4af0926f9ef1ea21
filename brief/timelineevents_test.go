package brief

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

// goldEvent is an event of a briefs story's gold.json.
type goldEvent struct {
	ID      string   `json:"id"`
	Date    string   `json:"date"`
	What    string   `json:"what"`
	Keys    []string `json:"keys"`
	Sources []string `json:"sources"`
}

// eventsStory reads one story folder of the briefs set through the whole
// analysis chain, with its gold events.
func eventsStory(tb testing.TB, chain analyze.Chain, dir string) (*news.Story, []goldEvent) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var g struct {
		Events []goldEvent `json:"events"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatalf("%s: %v", dir, err)
	}
	return storyFolder(tb, chain, dir), g.Events
}

// foldKey folds text as the briefs scoring does, roughly: lower case,
// marks dropped, spaces folded.
func foldKey(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// tellsKeys reports whether text holds every key (an alternative of
// it) at the start of a word; a rough copy of eval.Tells for the
// diagnostics.
func tellsKeys(text string, keys []string) bool {
	f := foldKey(text)
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		ok := false
		for _, alt := range strings.Split(k, "|") {
			a := foldKey(alt)
			for i := 0; a != "" && !ok; {
				j := strings.Index(f[i:], a)
				if j < 0 {
					break
				}
				j += i
				if j == 0 || !unicode.IsLetter(rune(f[j-1])) && !unicode.IsDigit(rune(f[j-1])) {
					end := j + len(a)
					if !unicode.IsDigit(rune(a[len(a)-1])) || end >= len(f) || !unicode.IsDigit(rune(f[end])) {
						ok = true
					}
				}
				i = j + 1
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// TestTimelineEventsDiag prints, for each gold event of the briefs set,
// whether the timeline tells it and, when it does not, every sentence of
// the articles that would: its source, index, dates and why the timeline
// left it out. Run on demand:
//
//	STORYLINE_EVENTS=1 go test ./brief -run TestTimelineEventsDiag -v
//
// STORYLINE_EVENTS may name one story.
func TestTimelineEventsDiag(t *testing.T) {
	chain, dirs := diagDirs(t, "STORYLINE_EVENTS")
	for _, dir := range dirs {
		s, events := eventsStory(t, chain, dir)
		ds := datedStory(s)
		tl := timeline(ds)
		var sb strings.Builder
		fmt.Fprintf(&sb, "\n#### %s: %d lines\n", s.ID, len(tl))
		for _, ev := range events {
			told := false
			for _, l := range tl {
				if tellsKeys(l.Text, ev.Keys) {
					told = true
				}
			}
			if told {
				continue
			}
			fmt.Fprintf(&sb, "  untold %s %s %q keys %q in %v\n", ev.ID, ev.Date, ev.What, ev.Keys, ev.Sources)
			for _, d := range ds.Docs {
				sd := sentenceDates(d)
				dated := map[int]string{}
				for _, tx := range sd {
					dated[tx.Sentence] += tx.Value + " "
				}
				und := map[string]bool{}
				for _, c := range undatedCandidates(d, sd) {
					und[c.text] = true
				}
				for i := range d.Sentences {
					text := d.SentenceText(i)
					if !tellsKeys(text, ev.Keys) {
						continue
					}
					_, why, _ := undatedReject(d, i, dropDateline(tidy(text)))
					fmt.Fprintf(&sb, "      %s #%d dated[%s] reject=%q undatedCand=%v: %.160q\n", d.ID, i, strings.TrimSpace(dated[i]), why, und[dropDateline(tidy(text))], tidy(text))
				}
			}
		}
		t.Log(sb.String())
	}
}

// TestTimelineSimDiag prints, over the briefs set, how alike (by plain
// and by rarity-weighed content overlap) two undated candidates of
// different sources are when they tell one gold event (same) and when
// they tell two different ones (other), as deciles: it shows where a
// threshold for grouping them into one event falls. Run on demand:
//
//	STORYLINE_EVENTS=1 go test ./brief -run TestTimelineSimDiag -v
func TestTimelineSimDiag(t *testing.T) {
	chain, dirs := diagDirs(t, "STORYLINE_EVENTS")
	var same, other [2][]float64
	for _, dir := range dirs {
		s, events := eventsStory(t, chain, dir)
		ds := datedStory(s)
		r := storyRarity(ds)
		var cs []*candidate
		for _, d := range ds.Docs {
			sd := sentenceDates(d)
			cs = append(cs, undatedCandidates(d, sd)...)
			cs = append(cs, datedCandidates(d, sd)...)
		}
		tells := make([][]string, len(cs))
		for k, c := range cs {
			for _, ev := range events {
				if tellsKeys(c.text, ev.Keys) {
					tells[k] = append(tells[k], ev.ID)
				}
			}
		}
		for a := range cs {
			for b := a + 1; b < len(cs); b++ {
				if cs[a].source == cs[b].source || len(tells[a]) == 0 || len(tells[b]) == 0 {
					continue
				}
				shared := false
				for _, x := range tells[a] {
					for _, y := range tells[b] {
						shared = shared || x == y
					}
				}
				p, q := cs[a].words.sim(cs[b].words), r.sim(cs[a].words, cs[b].words)
				if shared {
					same[0], same[1] = append(same[0], p), append(same[1], q)
				} else {
					other[0], other[1] = append(other[0], p), append(other[1], q)
				}
			}
		}
	}
	dec := func(xs []float64) string {
		sort.Float64s(xs)
		var sb strings.Builder
		for k := 1; k < 10; k++ {
			if len(xs) > 0 {
				fmt.Fprintf(&sb, " %.2f", xs[k*len(xs)/10])
			}
		}
		return sb.String()
	}
	t.Logf("plain  same  (%d):%s", len(same[0]), dec(same[0]))
	t.Logf("plain  other (%d):%s", len(other[0]), dec(other[0]))
	t.Logf("rarity same  (%d):%s", len(same[1]), dec(same[1]))
	t.Logf("rarity other (%d):%s", len(other[1]), dec(other[1]))
}
