package pipeline

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestTuneGC: an ingest runs the collector at GCPercent and puts back
// what was set before; a GOGC or GOMEMLIMIT the user set is left alone.
func TestTuneGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set in the environment")
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := TuneGC()
	if got := debug.SetGCPercent(GCPercent); got != GCPercent {
		t.Errorf("during an ingest GOGC is %d, want %d", got, GCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != MemLimit {
		t.Errorf("during an ingest the memory limit is %d, want %d", got, MemLimit)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after an ingest GOGC is %d, want 100 back", got)
	}
	t.Setenv("GOGC", "100")
	restore = TuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, an ingest changed GOGC to %d", got)
	}
	restore()
}
