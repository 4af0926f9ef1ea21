package summarize_test

import (
	"testing"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/summarize"
)

// BenchmarkDUC2003 summarises every DUC 2003 cluster (segmented, not
// timed) to 100 words: one op is one cluster, as the eval suite runs it.
func BenchmarkDUC2003(b *testing.B) {
	dir := testutil.Shared(b, "data/summarization/duc2003")
	cs, _, err := eval.ReadSummarization(dir)
	if err != nil {
		b.Fatal(err)
	}
	var docs [][]*news.Doc
	for _, c := range cs {
		ds, err := summarize.Analyse(c.Docs)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, ds)
	}
	opt := summarize.Options{Words: 100, Overflow: true}
	i := 0
	for b.Loop() {
		summarize.Docs(docs[i%len(docs)], opt)
		i++
	}
}
