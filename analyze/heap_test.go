package analyze_test

import (
	"runtime"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

// liveHeap returns the live heap after collecting twice (what sync.Pools
// hold survives one collection).
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkDocHeap keeps the BASIL articles analysed and reports the live
// heap per kept doc, the articles' text not counted: as Chain.Doc leaves
// them (heap-B/doc), and before its compaction, the stages applied one
// by one (raw-heap-B/doc), with what each stage adds (<stage>-B/doc).
// The chain is warmed over the articles first, so that models loaded
// and caches grown on first use are not counted.
func BenchmarkDocHeap(b *testing.B) {
	arts := basil(b)
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		if _, err := chain.Doc(a); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(len(arts))
	for b.Loop() {
		before := liveHeap()
		kept := make([]*news.Doc, len(arts))
		for i, a := range arts {
			if kept[i], err = chain.Doc(a); err != nil {
				b.Fatal(err)
			}
		}
		after := liveHeap()
		runtime.KeepAlive(kept)
		kept = nil
		b.ReportMetric(float64(after-before)/n, "heap-B/doc")

		// The same stages without the compaction, one at a time.
		start := liveHeap()
		raw := make([]*news.Doc, len(arts))
		for i, a := range arts {
			raw[i] = &news.Doc{Article: *a}
		}
		last := liveHeap()
		for _, s := range chain {
			for _, d := range raw {
				if err := s.Apply(d); err != nil {
					b.Fatal(err)
				}
			}
			h := liveHeap()
			b.ReportMetric((float64(h)-float64(last))/n, s.Name()+"-B/doc")
			last = h
		}
		b.ReportMetric((float64(last)-float64(start))/n, "raw-heap-B/doc")
		runtime.KeepAlive(raw)
	}
}
