package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
)

// determinismInputs returns the piles the determinism test briefs: the
// seeds and, when the data set is there, the articles of two brief cases.
func determinismInputs(t *testing.T) map[string]string {
	t.Helper()
	in := map[string]string{"seeds": seeds(t)}
	dir := filepath.Join(testutil.Root(t), "..", "shared", "data", "briefs")
	cases, err := filepath.Glob(filepath.Join(dir, "*", "articles"))
	if err != nil || len(cases) == 0 {
		t.Logf("no brief cases under %s; briefing the seeds only", dir)
		return in
	}
	sort.Strings(cases)
	// The first and the last case: a BASIL story and a web one.
	for _, c := range []string{cases[0], cases[len(cases)-1]} {
		in[filepath.Base(filepath.Dir(c))] = c
	}
	return in
}

// TestDeterminism builds the same briefs several times, at GOMAXPROCS 1,
// 2 and 4, in Markdown and JSON, and requires the same bytes every time:
// the brief is a pure function of its input.
func TestDeterminism(t *testing.T) {
	inputs := determinismInputs(t)
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	procs := []int{1, 2, 4, 1, 4}
	if testing.Short() {
		procs = []int{1, 4}
	}
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, name := range names {
		path := inputs[name]
		for _, format := range []string{"md", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var first []byte
				firstProcs := 0
				for run := 0; run < len(procs); run++ {
					runtime.GOMAXPROCS(procs[run])
					var out, errb bytes.Buffer
					code := runCmd(&out, &errb, "brief", "--format", format, path)
					if code != 0 {
						t.Fatalf("run %d (GOMAXPROCS %d): exit %d: %s", run, procs[run], code, errb.String())
					}
					if first == nil {
						first, firstProcs = out.Bytes(), procs[run]
						continue
					}
					if !bytes.Equal(first, out.Bytes()) {
						t.Fatalf("run %d (GOMAXPROCS %d) differs from run 0 (GOMAXPROCS %d):\n%s",
							run, procs[run], firstProcs, firstDiff(first, out.Bytes()))
					}
				}
			})
		}
	}
}

func runCmd(stdout, stderr *bytes.Buffer, args ...string) int {
	return run(context.Background(), args, stdout, stderr)
}

// firstDiff describes the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "same lines, different bytes"
}
