// Package seedtest reads the five seed articles of ../shared/seeds into a
// story for the tests of the stages downstream of ingest. It lives apart
// from internal/testutil because it imports ingest, whose own tests use
// testutil.
package seedtest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// Story reads the seed articles with ingest, runs chain on each and
// returns them as one story. EXPECTED.md is left out. The test is skipped
// when ../shared/seeds is missing and fails unless five articles are read.
func Story(tb testing.TB, chain analyze.Chain) *news.Story {
	tb.Helper()
	s := &news.Story{ID: "seeds"}
	for a, err := range ingest.Read(testutil.Shared(tb, "seeds")) {
		if err != nil {
			tb.Fatalf("reading seeds: %v", err)
		}
		if !strings.HasPrefix(filepath.Base(a.Path), "0") {
			continue // EXPECTED.md
		}
		d, err := chain.Doc(a)
		if err != nil {
			tb.Fatal(err)
		}
		s.Docs = append(s.Docs, d)
	}
	if len(s.Docs) != 5 {
		tb.Fatalf("read %d seed articles, want 5", len(s.Docs))
	}
	return s
}

// Analysed returns the seed story run through the whole default chain.
func Analysed(tb testing.TB) *news.Story {
	tb.Helper()
	chain, err := analyze.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return Story(tb, chain)
}
