package pipeline

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// The garbage collector's settings that TuneGC applies for an ingest
// (and for the brief and serve commands, which build briefs as it does),
// unless the user set GOGC or GOMEMLIMIT: GCPercent lets the heap grow
// to four times what is live between collections, not twice (the
// collector's background marking was 7% of an ingest's CPU time at the
// default 100, most of it for what brief.Build allocates; `ingest
// --stats` of 3,000 articles took 6–7% less CPU per article at 200;
// brief.Build alone, BenchmarkBuildClusters at 200 against 100, 11–19%
// less for 300 articles and 2–9% less for 100; BenchmarkIngest at 300
// against 200, 3.95 against 4.18 cpu-ms/article, gc-% 4.0 against 5.4,
// peak RSS of the benchmark process 610 against 510 MB, and at 400 3.91,
// 3.3% and 790 MB), and the
// soft limit MemLimit makes it collect sooner when the heap nears it, so
// that a long ingest stays within the memory it would have used at the
// default (the 100,000-article replay peaked at 1.43 GB RSS at GOGC 100).
// A heap whose live part outgrows a third of the limit, where the limit
// would leave it less than three times its live size between collections,
// gets the defaults back (see TuneGC); from a quarter to a third, the
// limit, not GCPercent, sets the pace (the heap grows to the limit,
// three to four times what is live).
const (
	GCPercent = 300
	MemLimit  = 1536 << 20
)

// TuneGC applies the collector settings `storyline ingest` (and brief
// and serve) run with (GCPercent, MemLimit), unless GOGC or GOMEMLIMIT is set,
// and returns what restores the previous ones. A watcher reads the live
// heap every second; once it passes MemLimit/3, the previous settings
// are restored for the rest of the run, so that a large live heap is
// collected as it would be by default, never squeezed under the limit.
// The settings are the process's: call it from a command, not from a
// library, and not from two goroutines at once.
func TuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(GCPercent)
	limit := debug.SetMemoryLimit(MemLimit)
	var once sync.Once
	back := func() {
		once.Do(func() {
			debug.SetGCPercent(gc)
			debug.SetMemoryLimit(limit)
		})
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > MemLimit/3 {
				back()
				return
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		back()
	}
}
