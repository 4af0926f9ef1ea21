package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkPut measures what the pipeline adds after analysis: placing
// analysed seed articles (under new keys) and storing them, article, doc,
// sketch and placement, in a SQLite file, in transactions of 1 and of
// DefaultBatch docs. Besides ns/op (one article) it reports cpu-ns/op,
// the process's CPU time, which a busy machine disturbs less.
func BenchmarkPut(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*news.Doc
	for r := range chain.All(context.Background(), ingest.Read(seeds(b)), 0) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		docs = append(docs, r.Doc)
	}
	for _, batch := range []int{1, DefaultBatch} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			s := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
			p := newTest(b, s, Config{NewAssigner: newClusterAssigner})
			if err := p.restore(context.Background()); err != nil {
				b.Fatal(err)
			}
			var sum Summary
			stories := map[string]bool{}
			var pend []pending
			i := 0
			c0 := testutil.CPUTime()
			for b.Loop() {
				d := *docs[i%len(docs)]
				d.Key = fmt.Sprintf("%s#%d", d.Key, i)
				pend = append(pend, pending{doc: &d, index: i})
				i++
				if len(pend) == batch {
					if err := p.put(context.Background(), pend, &sum, stories); err != nil {
						b.Fatal(err)
					}
					pend = pend[:0]
				}
			}
			if len(pend) > 0 {
				if err := p.put(context.Background(), pend, &sum, stories); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkPutReplay is BenchmarkPut on BenchmarkIngest's input: the
// -ingest.n replayed real articles, analysed once before timing, placed
// by package cluster's clusterer and stored in a new SQLite file in
// transactions of 4, 16 and DefaultBatch docs. It reports the process's
// CPU time per article: what placing and storing cost after analysis,
// and how much of it each transaction adds (its commit, the full-text
// index's segment).
func BenchmarkPutReplay(b *testing.B) {
	c := loadArticles(b)
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*news.Doc
	for r := range chain.All(context.Background(), c.replay(*ingestN), 0) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		d := r.Doc
		if d.Key == "" {
			d.Key = news.KeyOf(&d.Article)
		}
		docs = append(docs, d)
	}
	for _, batch := range []int{4, 16, DefaultBatch} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				s := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
				p := newTest(b, s, Config{NewAssigner: newClusterAssigner})
				if err := p.restore(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				var sum Summary
				stories := map[string]bool{}
				c0 := testutil.CPUTime()
				for i := 0; i < len(docs); i += batch {
					pend := make([]pending, 0, batch)
					for j := i; j < min(i+batch, len(docs)); j++ {
						pend = append(pend, pending{doc: docs[j], index: j})
					}
					if err := p.put(context.Background(), pend, &sum, stories); err != nil {
						b.Fatal(err)
					}
				}
				cpu += testutil.CPUTime() - c0
			}
			b.ReportMetric(float64(cpu)/float64(b.N*len(docs))/1e6, "cpu-ms/article")
		})
	}
}
