//go:build unix

// Package cputime reads the CPU time the process has used, which
// measures work better than the wall clock on a machine shared with
// other work: the benchmarks report it per operation beside ns/op, and
// `storyline ingest --stats` per article.
package cputime

import (
	"syscall"
	"time"
)

// Process returns the CPU time, user and system, the process has used.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
