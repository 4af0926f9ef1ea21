package summarize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// basilPile returns the first n BASIL articles, analysed: a pile of
// unrelated stories, as a mixed brief gets.
func basilPile(tb testing.TB, n int) []*news.Doc {
	tb.Helper()
	docs := testdocs.Basil(tb, n)
	if len(docs) < n {
		tb.Skipf("summarize: only %d BASIL articles for a pile of %d", len(docs), n)
	}
	return docs[:n]
}

// sourcesScan is sources as a scan of every sentence: what the indexed
// version must return.
func (c *pool) sourcesScan(i int) []string {
	s := c.sents[i]
	var also []bool
	if c.ev != nil {
		also = make([]bool, len(c.docs))
		for j, t := range c.sents {
			if t.doc != s.doc && !also[t.doc] && !c.docs[t.doc].InOpinion(c.docs[t.doc].Sentences[t.idx].Span) && c.sameHappening(i, j) {
				also[t.doc] = true
			}
		}
	}
	best := make([]float64, len(c.docs))
	for j, t := range c.sents {
		if t.doc == s.doc {
			continue
		}
		if s.days != 0 && t.days != 0 && s.days&t.days == 0 {
			continue
		}
		if v := c.cosine(s, t); v > best[t.doc] && shared(s, t) >= citeShared && c.sameContent(i, j) {
			best[t.doc] = v
		}
	}
	out := []string{c.docs[s.doc].ID}
	seen := map[string]bool{c.docs[s.doc].ID: true}
	for d, v := range best {
		if (v >= citeSimilarity || also != nil && also[d]) && !seen[c.docs[d].ID] {
			seen[c.docs[d].ID] = true
			out = append(out, c.docs[d].ID)
		}
	}
	return out
}

// TestSourcesIndexed checks that the indexed sources equal a scan of
// every sentence, on a pile of unrelated stories and on one story.
func TestSourcesIndexed(t *testing.T) {
	piles := map[string][]*news.Doc{"quake": loadStory(t, "quake").Docs}
	if !testing.Short() {
		piles["basil"] = basilPile(t, 60)
	}
	for name, docs := range piles {
		c := newPool(docs, nil)
		if c.ev == nil && name == "basil" {
			t.Fatalf("%s: not analysed", name)
		}
		cited := 0
		for i := range c.sents {
			got, want := c.sources(i), c.sourcesScan(i)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: sentence %d: sources %v, a scan gives %v", name, i, got, want)
			}
			if len(want) > 1 {
				cited++
			}
		}
		if cited == 0 {
			t.Errorf("%s: no sentence cites another article; the test compares nothing", name)
		}
	}
}

// BenchmarkStoryPile summarises piles of 30, 100 and 200 unrelated BASIL
// articles, analysed outside the timer, and reports CPU time per summary
// besides the wall clock (steadier on a shared machine).
func BenchmarkStoryPile(b *testing.B) {
	all := basilPile(b, 200)
	for _, n := range []int{30, 100, 200} {
		s := &news.Story{ID: "pile", Docs: all[:n]}
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			c := testutil.CPUTime()
			for b.Loop() {
				Story(s, Options{Words: 100})
			}
			b.ReportMetric(float64(testutil.CPUTime()-c)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// BenchmarkStorySmall summarises stories of three BASIL articles (one
// event told by three outlets), as a stream mostly briefs them, and
// reports CPU time per article.
func BenchmarkStorySmall(b *testing.B) {
	docs := testdocs.Basil(b, 60)
	c := testutil.CPUTime()
	for b.Loop() {
		for k := 0; k+3 <= len(docs); k += 3 {
			Story(&news.Story{ID: "small", Docs: docs[k : k+3]}, Options{Words: 100})
		}
	}
	b.ReportMetric(float64(testutil.CPUTime()-c)/float64(b.N*(len(docs)/3*3))/1e6, "cpu-ms/doc")
}
