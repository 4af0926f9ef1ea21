package pipeline

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

var (
	ingestN      = flag.Int("ingest.n", 3000, "BenchmarkIngest: articles stored per iteration")
	ingestTuneGC = flag.Bool("ingest.tunegc", true, "BenchmarkIngest: run with the collector settings of `storyline ingest` (TuneGC)")
)

// BenchmarkIngest is the whole of `storyline ingest` on -ingest.n real
// articles (the corpus of BenchmarkScale, replayed with shifted dates,
// keys and words): read, analysed by the default chain on every CPU,
// placed, stored in a new SQLite file, and every changed story's brief
// rebuilt. It reports articles/s (wall) and cpu-ms/article, the process's
// CPU time per article, which a busy machine disturbs less.
//
// It runs with the collector settings `storyline ingest` uses (TuneGC),
// unless -ingest.tunegc=false.
//
// Its sub-benchmarks differ in when briefs are rebuilt: "end" only when
// the stream ends (Config.BriefAfter -1), "background" debounced while
// articles are placed (the default).
func BenchmarkIngest(b *testing.B) {
	c := loadArticles(b)
	for _, bc := range []struct {
		name  string
		after int
	}{{"briefs=end", -1}, {"briefs=background", 0}} {
		b.Run(bc.name, func(b *testing.B) { benchIngest(b, c, Config{NewAssigner: newClusterAssigner, BriefAfter: bc.after}) })
	}
}

func benchIngest(b *testing.B, c *corpus, cfg Config) {
	n := *ingestN
	var arts, cpu int64
	var wall time.Duration
	if *ingestTuneGC {
		defer TuneGC()()
	}
	for b.Loop() {
		b.StopTimer()
		s := openTest(b, filepath.Join(b.TempDir(), "ingest.db"))
		p := newTest(b, s, cfg)
		b.StartTimer()
		c0, t0 := testutil.CPUTime(), time.Now()
		sum, err := p.Run(context.Background(), c.replay(n))
		if err != nil {
			b.Fatal(err)
		}
		wall += time.Since(t0)
		cpu += int64(testutil.CPUTime() - c0)
		arts += int64(n)
		b.StopTimer()
		stories, single := 0, 0
		for st, err := range s.Stories(context.Background(), store.StoryQuery{}) {
			if err != nil {
				b.Fatal(err)
			}
			stories++
			if st.Articles == 1 {
				single++
			}
		}
		b.StartTimer()
		b.Logf("%d stored in %d stories (%d of one article) in %d transactions, %d briefs (%d in the background); wait %v, store %v, briefs at the end %v", sum.Stored, stories, single, sum.Batches, sum.Briefs, sum.Background, sum.Times.Wait, sum.Times.Store, sum.Times.Briefs)
	}
	b.ReportMetric(float64(arts)/wall.Seconds(), "articles/s")
	b.ReportMetric(float64(cpu)/float64(arts)/1e6, "cpu-ms/article")
}

// BenchmarkAnalyzeReplay is the analysis alone of BenchmarkIngest's
// input (-ingest.n replayed articles, read and analysed by the default
// chain on every CPU, nothing stored), to tell what analysis costs in an
// ingest from what it costs on its own; "basil" is its BASIL articles
// only, the set `storyline bench` measures analysis on.
func BenchmarkAnalyzeReplay(b *testing.B) {
	c := loadArticles(b)
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	n := *ingestN
	for _, bc := range []struct {
		name string
		keep func(*news.Article) bool
	}{{"all", func(*news.Article) bool { return true }}, {"basil", func(a *news.Article) bool { return strings.Contains(a.ID, ":basil/") }}} {
		b.Run(bc.name, func(b *testing.B) {
			in := func(yield func(*news.Article, error) bool) {
				for a, err := range c.replay(n) {
					if bc.keep(a) && !yield(a, err) {
						return
					}
				}
			}
			var arts, bytes, cpu int64
			for b.Loop() {
				c0 := testutil.CPUTime()
				for r := range chain.All(context.Background(), in, 0) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
					arts++
					bytes += int64(len(r.Doc.Text))
				}
				cpu += int64(testutil.CPUTime() - c0)
			}
			b.ReportMetric(float64(cpu)/float64(arts)/1e6, "cpu-ms/article")
			b.ReportMetric(float64(bytes)/float64(arts), "bytes/article")
		})
	}
}
