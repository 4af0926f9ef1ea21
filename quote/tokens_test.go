package quote_test

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

// TestSpansOnDocTokens checks that the quote stage reads the segment
// stage's tokens: every span of every quote it finds in the BASIL
// articles starts where a Doc token starts and ends where one ends.
func TestSpansOnDocTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 210 articles; not in -short")
	}
	n := 0
	for _, d := range basilQuoteDocs(t) {
		starts, ends := map[int]bool{}, map[int]bool{}
		for _, tk := range d.Tokens {
			starts[tk.Start], ends[tk.End] = true, true
		}
		dd := *d
		if err := (quote.Stage{}).Apply(&dd); err != nil {
			t.Fatal(err)
		}
		for _, q := range dd.Quotes {
			for _, sp := range []news.Span{q.Content, q.Cue, q.Source, q.ViaSource, q.ViaCue} {
				if sp.IsZero() {
					continue
				}
				n++
				if !starts[sp.Start] || !ends[sp.End] {
					t.Errorf("%s: span %v %q is not on the Doc's tokens", d.ID, sp, sp.In(d.Text))
				}
			}
		}
	}
	if n == 0 {
		t.Error("no quote spans")
	}
}

// TestStageNeedsTokens checks that the stage refuses a Doc that did not
// pass the segment stage, naming it, rather than splitting its text
// again.
func TestStageNeedsTokens(t *testing.T) {
	d := &news.Doc{Article: news.Article{ID: "untokenized", Text: "“We won,” he said."}}
	err := (quote.Stage{}).Apply(d)
	if err == nil || !strings.Contains(err.Error(), "untokenized") {
		t.Errorf("Apply on a Doc without tokens: %v", err)
	}
	empty := &news.Doc{Article: news.Article{ID: "empty", Text: " \n"}}
	if err := (quote.Stage{}).Apply(empty); err != nil || len(empty.Quotes) != 0 {
		t.Errorf("Apply on a blank Doc: %v, %v", err, empty.Quotes)
	}
}
