package pipeline

import (
	"context"
	"flag"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testutil"
)

var ingestN = flag.Int("ingest.n", 3000, "BenchmarkIngest: articles stored per iteration")

// BenchmarkIngest is the whole of `storyline ingest` on -ingest.n real
// articles (the corpus of BenchmarkScale, replayed with shifted dates,
// keys and words): read, analysed by the default chain on every CPU,
// placed, stored in a new SQLite file, and every changed story's brief
// rebuilt. It reports articles/s (wall) and cpu-ms/article, the process's
// CPU time per article, which a busy machine disturbs less.
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
		b.Logf("%d stored, %d briefs (%d in the background); wait %v, store %v, briefs at the end %v", sum.Stored, sum.Briefs, sum.Background, sum.Times.Wait, sum.Times.Store, sum.Times.Briefs)
	}
	b.ReportMetric(float64(arts)/wall.Seconds(), "articles/s")
	b.ReportMetric(float64(cpu)/float64(arts)/1e6, "cpu-ms/article")
}
