package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/timex"
)

// dataDir returns ../shared/data relative to the module root.
func timeDataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("eval: module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "data", "time", "tbaq")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("eval: TimeML data missing at %s", p)
	}
	return p
}

// TestTimexDump prints every disagreement with the gold data; it runs only
// with TIMEX_DUMP set (a development aid).
func TestTimexDump(t *testing.T) {
	if os.Getenv("TIMEX_DUMP") == "" {
		t.Skip("set TIMEX_DUMP=1 to list disagreements")
	}
	files, err := TimeMLFiles(filepath.Join(timeDataDir(t), os.Getenv("TIMEX_DUMP_SUB")))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc, err := ParseTimeML(string(b))
		if err != nil {
			continue
		}
		d, _ := TimeMLNewsDoc(doc)
		timex.Tag(d, doc.DCT)
		used := map[int]bool{}
		for _, g := range doc.Timexes {
			found := false
			for k, x := range d.Timexes {
				if x.Start < g.End && g.Start < x.End {
					found = true
					used[k] = true
					if x.Start != g.Start || x.End != g.End || x.Value != g.Value || x.Type != g.Type {
						fmt.Fprintf(&out, "DIFF\t%s\t%q/%s/%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), doc.Text[g.Start:g.End], g.Type, g.Value, x.Text, x.Type, x.Value, ctx(doc.Text, g.Start, g.End))
					}
				}
			}
			if !found {
				fmt.Fprintf(&out, "MISS\t%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), doc.Text[g.Start:g.End], g.Type, g.Value, ctx(doc.Text, g.Start, g.End))
			}
		}
		for k, x := range d.Timexes {
			if !used[k] {
				fmt.Fprintf(&out, "FP\t%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), x.Text, x.Type, x.Value, ctx(doc.Text, x.Start, x.End))
			}
		}
	}
	os.WriteFile(os.Getenv("TIMEX_DUMP"), []byte(out.String()), 0o644)
}

func ctx(s string, a, b int) string {
	lo, hi := a-60, b+60
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	return strings.ReplaceAll(s[lo:a]+"[["+s[a:b]+"]]"+s[b:hi], "\n", " ")
}
