// Package testutil finds the evaluation data beside the repository for
// tests and benchmarks, and compares output with golden files.
package testutil

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cputime"
)

// update is go test -update: the golden files are rewritten rather than
// compared.
var update = flag.Bool("update", false, "rewrite the golden files")

// Golden compares got with the golden file at path, or rewrites the file
// when the tests run with -update.
func Golden(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the golden file; run go test -update and review the diff\n--- got\n%s", path, got)
	}
}

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

// CPUTime returns the CPU time, user and system, the process has used
// (cputime.Process): on a machine shared with other work it measures a
// benchmark better than the wall clock, so benchmarks report it per
// operation beside ns/op.
func CPUTime() time.Duration { return cputime.Process() }

// NoteCommand returns the arguments of the command a shipped model's
// note records it was made by: the note starts with cmd (as "go run
// ./brief/citetrain"), its flags and a colon. A quoted argument is
// unquoted. It fails tb when the note does not start so.
func NoteCommand(tb testing.TB, note, cmd string) []string {
	tb.Helper()
	line, _, ok := strings.Cut(note, ":")
	if !ok || !strings.HasPrefix(line, cmd) {
		tb.Fatalf("the model's note %q does not start with the command that made it (%s ...:)", note, cmd)
	}
	var args []string
	for _, f := range strings.Fields(strings.TrimPrefix(line, cmd)) {
		if uq, err := strconv.Unquote(f); err == nil {
			f = uq
		}
		args = append(args, f)
	}
	return args
}
