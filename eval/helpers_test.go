package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// writeFiles writes a tree of files under dir: each key is a slash
// path relative to dir, each value the file's text.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for path, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// atLeast fails the test for each storyline metric of r that is missing
// or below its floor, and reports whether all of them held.
func atLeast(t *testing.T, r *Report, floors map[string]float64) bool {
	t.Helper()
	held := true
	for metric, floor := range floors {
		if v, ok := r.Value("storyline", metric); !ok || v < floor {
			t.Errorf("%s = %.4f, want at least %.2f", metric, v, floor)
			held = false
		}
	}
	return held
}
