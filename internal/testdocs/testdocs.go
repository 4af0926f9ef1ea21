// Package testdocs gives tests and benchmarks real articles analysed by
// the default chain, read from the evaluation data beside the repository.
package testdocs

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// Basil reads up to n BASIL articles (real news from three outlets, a pile
// of unrelated stories) through the default chain, in file order, and
// skips tb when the set is missing.
func Basil(tb testing.TB, n int) []*news.Doc {
	tb.Helper()
	root := testutil.Data(tb, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.json"))
	if len(files) == 0 {
		tb.Skipf("BASIL data missing at %s", root)
	}
	sort.Strings(files)
	chain, err := analyze.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*news.Doc
	for _, f := range files {
		if len(docs) >= n {
			break
		}
		for a, err := range ingest.Read(f) {
			if err != nil {
				continue
			}
			d, err := chain.Doc(a)
			if err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, d)
		}
	}
	return docs
}
