package analyze_test

import (
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkAnalyzeUnseen is BenchmarkAnalyze on articles whose words the
// taggers' per-word memos have not seen: each iteration reads a BASIL
// article with about a third of its words of four letters or more
// turned into new ones (testutil.Garble, as pipeline's replayed
// corpus does), so the memos' misses cost what they cost on a stream of
// new text. BenchmarkAnalyze, over the same 210 articles again and again,
// measures a warm memo.
func BenchmarkAnalyzeUnseen(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	arts := basil(b)
	// the articles of the first passes, made beforehand
	const copies = 40
	n := min(b.N, copies*len(arts))
	in := make([]*news.Article, n)
	for i := range in {
		a := *arts[i%len(arts)]
		a.Text = testutil.Garble(a.Text, 1+i/len(arts))
		in[i] = &a
	}
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		if _, err := chain.Doc(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}
