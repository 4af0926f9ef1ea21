package pipeline

import (
	"context"
	"flag"
	"path/filepath"
	"runtime"
	"runtime/metrics"
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
// CPU time per article, which a busy machine disturbs less, and idle-%,
// the share of the processors the Go scheduler had nothing to run on
// (see watchIdle; the log splits it between placing and the briefs at
// the end), and gc-%, the share of the busy processors' time that went
// to the garbage collector (see gcClasses). With idle-% near 0 every
// core is kept busy, so on an idle machine articles/s is
// GOMAXPROCS*1000/cpu-ms/article: only less CPU per article makes an
// ingest faster, not more overlap of its stages.
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
	var idleAll float64        // idle processor-seconds
	var gcSec, busySec float64 // the collector's and all busy processor-seconds
	if *ingestTuneGC {
		defer TuneGC()()
	}
	for b.Loop() {
		b.StopTimer()
		s := openTest(b, filepath.Join(b.TempDir(), "ingest.db"))
		p := newTest(b, s, cfg)
		b.StartTimer()
		c0, t0 := testutil.CPUTime(), time.Now()
		idle := watchIdle()
		gc0, busy0 := gcClasses()
		sum, err := p.Run(context.Background(), c.replay(n))
		if err != nil {
			b.Fatal(err)
		}
		took := time.Since(t0)
		wall += took
		cpu += int64(testutil.CPUTime() - c0)
		arts += int64(n)
		b.StopTimer()
		placing, end := idle(took - sum.Times.Briefs)
		gc1, busy1 := gcClasses() // idle collected, so both are current
		gcSec += gc1 - gc0
		busySec += busy1 - busy0
		idleAll += placing*(took-sum.Times.Briefs).Seconds() + end*sum.Times.Briefs.Seconds()
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
		b.Logf("%d stored in %d stories (%d of one article) in %d transactions, %d briefs (%d in the background); wait %v, store %v, briefs at the end %v; processors idle %.0f%% while placing, %.0f%% in the briefs at the end", sum.Stored, stories, single, sum.Batches, sum.Briefs, sum.Background, sum.Times.Wait, sum.Times.Store, sum.Times.Briefs, 100*placing, 100*end)
	}
	b.ReportMetric(float64(arts)/wall.Seconds(), "articles/s")
	b.ReportMetric(float64(cpu)/float64(arts)/1e6, "cpu-ms/article")
	b.ReportMetric(100*idleAll/(wall.Seconds()*float64(runtime.GOMAXPROCS(0))), "idle-%")
	if busySec > 0 {
		b.ReportMetric(100*gcSec/busySec, "gc-%")
	}
}

// gcClasses returns the processor-seconds the runtime estimates the
// collector took (its marking, assists and pauses) and those it found
// work for at all (every class but idle), as of the last collection:
// gc-% is the share of the work that went to the collector.
func gcClasses() (gc, busy float64) {
	m := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
	metrics.Read(m)
	return m[0].Value.Float64(), m[2].Value.Float64() - m[1].Value.Float64()
}

// watchIdle samples, until the function it returns is called, the share
// of the processors (GOMAXPROCS) that the Go scheduler found nothing to
// run on, as runtime/metrics estimates it (idle time, and the collector's
// marking on idle processors, which would otherwise be idle). The share
// is the scheduler's, not the machine's: a goroutine whose thread waits
// for a CPU that other processes hold counts as running, so it says
// whether the pipeline kept every processor busy, whatever the load.
// The returned function gives the share before and after split (time
// since the watch began).
func watchIdle() func(split time.Duration) (before, after float64) {
	type sample struct {
		at          time.Duration
		idle, total float64
	}
	read := func() (float64, float64) {
		m := []metrics.Sample{{Name: "/cpu/classes/idle:cpu-seconds"}, {Name: "/cpu/classes/gc/mark/idle:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
		metrics.Read(m)
		return m[0].Value.Float64() + m[1].Value.Float64(), m[2].Value.Float64()
	}
	// The metrics move at the end of each collection: one now marks the
	// start.
	runtime.GC()
	t0 := time.Now()
	i, tot := read()
	samples := []sample{{0, i, tot}}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			i, tot := read()
			if tot > samples[len(samples)-1].total {
				samples = append(samples, sample{time.Since(t0), i, tot})
			}
		}
	}()
	return func(split time.Duration) (float64, float64) {
		close(stop)
		<-done
		runtime.GC()
		i, tot := read()
		samples = append(samples, sample{time.Since(t0), i, tot})
		// The sample nearest the split divides the two.
		k := 0
		for j, s := range samples {
			if (s.at - split).Abs() < (samples[k].at - split).Abs() {
				k = j
			}
		}
		share := func(a, b sample) float64 {
			if b.total <= a.total {
				return 0
			}
			return (b.idle - a.idle) / (b.total - a.total)
		}
		last := samples[len(samples)-1]
		return share(samples[0], samples[k]), share(samples[k], last)
	}
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
