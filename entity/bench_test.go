package entity_test

import (
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// basilDocs reads the BASIL articles (real news from three outlets) and
// segments them as the analysis chain does.
func basilDocs(tb testing.TB) []*news.Doc {
	var out []*news.Doc
	for _, a := range testutil.Basil(tb) {
		out = append(out, docOf(tb, filepath.Base(a.File), a.Text()))
	}
	return out
}

// BenchmarkApplyBASIL runs the entity stage over segmented BASIL articles
// and reports articles and tokens per second.
func BenchmarkApplyBASIL(b *testing.B) {
	docs := basilDocs(b)
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if err := tg.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(tokens)/float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	// the CPU time per article: on a shared machine it varies less than
	// the wall clock
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkMergeBASIL merges the entities of 100 BASIL articles, as the
// brief of a pile of them does.
func BenchmarkMergeBASIL(b *testing.B) {
	docs := basilDocs(b)
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:min(100, len(docs))]
	for _, d := range docs {
		if err := tg.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		entity.Merge(docs)
	}
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}
