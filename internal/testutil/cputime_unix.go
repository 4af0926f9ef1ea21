//go:build unix

package testutil

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time, user and system, the process has used: on
// a machine shared with other work it measures a benchmark better than the
// wall clock, so benchmarks report it per operation beside ns/op.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
