// Package testutil finds the evaluation data beside the repository for
// tests and benchmarks.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root: the nearest folder above the working
// directory that holds go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("testutil: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of rel inside ../shared beside the repository,
// and skips the test when it is missing.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s is missing: %v", rel, err)
	}
	return p
}

// Data returns the path of rel inside ../shared/data, and skips the test
// when it is missing.
func Data(tb testing.TB, rel string) string {
	tb.Helper()
	return Shared(tb, filepath.Join("data", rel))
}
