package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
)

// TestMain lets the test binary stand in for storyline when the bench
// command times the start-up of its own executable.
func TestMain(m *testing.M) {
	if os.Getenv("STORYLINE_TEST_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestBenchQuick runs every measure of bench on a few articles and checks
// that each metric is printed, in both formats. It asserts no timing.
func TestBenchQuick(t *testing.T) {
	data := testutil.Shared(t, "data")
	testutil.Data(t, "stories/basil")
	testutil.Data(t, "summarization/duc2003")
	t.Setenv("STORYLINE_TEST_AS_MAIN", "1")
	code, out, errs := storyline("bench", "--quick", "--format", "json", "--data", data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r eval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("bench --format json: %v\n%s", err, out)
	}
	names := []string{
		"analysis_articles_per_second_one_core", "analysis_articles_per_second_all_cores",
		"brief_seconds_10", "brief_seconds_30", "brief_seconds_100", "brief_seconds_300",
		"summarizer_ms_per_cluster", "startup_ms", "doc_heap_bytes",
	}
	for _, n := range names {
		v, ok := r.Value("storyline", n)
		if !ok {
			t.Errorf("no %s in the JSON report", n)
		} else if v <= 0 && n != "doc_heap_bytes" {
			t.Errorf("%s is %v", n, v)
		}
	}
	for _, n := range names[:2] {
		if _, ok := r.Value("prose", n); !ok {
			t.Errorf("no prose baseline for %s", n)
		}
	}

	code, out, errs = storyline("bench", "--quick", "--data", data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, n := range names {
		if !strings.Contains(out, n) {
			t.Errorf("the table has no %s:\n%s", n, out)
		}
	}
	if !strings.Contains(out, "quick run") {
		t.Errorf("the table does not say the run was quick:\n%s", out)
	}
}

// TestBenchMissingData names the folder it could not read.
func TestBenchMissingData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing")
	code, _, errs := storyline("bench", "--quick", "--data", dir)
	if code == 0 || !strings.Contains(errs, dir) {
		t.Errorf("exit %d, stderr %q: want a failure naming %s", code, errs, dir)
	}
}
