package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// TestSeedTimeline checks the seed story's timeline against EXPECTED.md:
// each happening on its date, with the sources that report it.
func TestSeedTimeline(t *testing.T) {
	s := datedStory(seedStory(t))
	tl := timeline(s)
	for _, e := range tl {
		t.Logf("%s planned=%v %v %s", e.Date, e.Planned, e.Sources, e.Text)
	}
	want := []struct {
		date    string
		words   []string // words the entry's text must hold (any of them)
		sources []string // prefixes of the files that must be cited
		planned bool
	}{
		{"2017-08", []string{"August"}, []string{"001", "002"}, false},
		{"2017-09-25", []string{"referendum", "vote"}, []string{"000", "001", "002"}, false},
		{"2017-09-27", []string{"Tehran", "counterpart", "Ghan"}, []string{"000", "001", "004"}, false},
		{"2017-09-28", []string{"visit"}, []string{"001", "004"}, true},
		{"2017-10-01", []string{"Akar"}, []string{"002"}, false},
		{"2017-10-02", []string{"talks", "meeting"}, []string{"002", "003"}, false},
		{"2017-10-04", []string{"Erdogan"}, []string{"003"}, true},
	}
	for _, w := range want {
		found := false
		for _, e := range tl {
			if e.Date != w.date || !containsAny(e.Text, w.words) {
				continue
			}
			ok := true
			for _, p := range w.sources {
				if !citesPrefix(e.Sources, p) {
					ok = false
				}
			}
			if ok && e.Planned == w.planned {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %s entry with %v citing %v (planned=%v)", w.date, w.words, w.sources, w.planned)
		}
	}
	// Dates in order: weeks at their Monday, months at their 15th.
	for i := 1; i < len(tl); i++ {
		a, b := tl[i-1], tl[i]
		as, ae, _ := timex.Interval(a.Date)
		bs, be, _ := timex.Interval(b.Date)
		if sortKey(as, ae).After(sortKey(bs, be)) {
			t.Errorf("timeline out of order: %s before %s", a.Date, b.Date)
		}
	}
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func citesPrefix(srcs []string, p string) bool {
	for _, s := range srcs {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func TestDropDateline(t *testing.T) {
	for in, want := range map[string]string{
		"RAFAH, Egypt/MITZPE HILA, Israel: More than 450 prisoners were freed.": "More than 450 prisoners were freed.",
		"SIRTE, Libya Deposed leader Muammar Gaddafi died of his wounds.":       "Deposed leader Muammar Gaddafi died of his wounds.",
		"WASHINGTON — The House voted to override the veto.":                    "The House voted to override the veto.",
		"NATO said its aircraft struck two vehicles.":                           "NATO said its aircraft struck two vehicles.",
		"UN, US and EU leaders met in Brussels.":                                "UN, US and EU leaders met in Brussels.",
		"SOLDIER returned home as part of a deal.":                              "SOLDIER returned home as part of a deal.",
	} {
		if got := dropDateline(in); got != want {
			t.Errorf("dropDateline(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDatedClause checks that a sentence naming a happening and a plan
// gives each date's line its own clause, and that a cut that does not
// part the dates keeps the sentence whole.
func TestDatedClause(t *testing.T) {
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{ID: "a.txt", StatedDate: time.Date(2019, 4, 22, 0, 0, 0, 0, time.UTC), Text: "Ukrainian President Petro Poroshenko on Sunday conceded defeat to Volodymyr Zelenskiy and said that next month he would step down from the presidency. " +
		"The offer was made by the chief of staff through a prominent intermediary -- a former president -- during the months of June and July of 2018."}
	d, err := chain.Doc(a)
	if err != nil {
		t.Fatal(err)
	}
	d = datedStory(&news.Story{Docs: []*news.Doc{d}}).Docs[0]
	texts := map[string]string{}
	for _, c := range datedCandidates(d, sentenceDates(d)) {
		texts[c.date] = c.text
		t.Logf("%s %q", c.date, c.text)
	}
	want := map[string]string{
		"2019-04-21": "Ukrainian President Petro Poroshenko on Sunday conceded defeat to Volodymyr Zelenskiy.",
		"2019-05":    "Ukrainian President Petro Poroshenko said that next month he would step down from the presidency.",
		"2018-06":    "The offer was made by the chief of staff through a prominent intermediary -- a former president -- during the months of June and July of 2018.",
	}
	for date, text := range want {
		if texts[date] != text {
			t.Errorf("%s: got %q, want %q", date, texts[date], text)
		}
	}
}
