package brief

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// smallStories cuts the first BASIL articles into small stories, as a
// stream mostly briefs them: each triplet (one event told by three
// outlets) gives a story of its first k articles, k going 1, 2, 3, 4, 5
// in turn; k above three adds the first articles of the next triplet.
func smallStories(tb testing.TB, n int) []*news.Story {
	docs := testdocs.Basil(tb, n)
	var groups [][]*news.Doc
	for _, d := range docs {
		id := strings.SplitN(d.ID, "_", 2)[0]
		if len(groups) == 0 || strings.SplitN(groups[len(groups)-1][0].ID, "_", 2)[0] != id {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], d)
	}
	var out []*news.Story
	for i, g := range groups {
		k := i%5 + 1
		ds := append([]*news.Doc(nil), g[:min(k, len(g))]...)
		if len(ds) < k && i+1 < len(groups) {
			next := groups[i+1]
			ds = append(ds, next[:min(k-len(ds), len(next))]...)
		}
		out = append(out, &news.Story{ID: fmt.Sprintf("small-%02d", i), Docs: ds})
	}
	return out
}

// BenchmarkBuildSmall briefs many small stories (1 to 5 real articles,
// see smallStories) and reports the process's CPU time per article: the
// fixed cost of Build, which a stream pays once per story update.
func BenchmarkBuildSmall(b *testing.B) {
	stories := smallStories(b, 150)
	docs := 0
	for _, s := range stories {
		docs += len(s.Docs)
	}
	c := testutil.CPUTime()
	for b.Loop() {
		for _, s := range stories {
			if _, err := Build(s, DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(testutil.CPUTime()-c)/float64(b.N*docs)/1e6, "cpu-ms/doc")
	b.ReportMetric(float64(docs), "docs")
}

// BenchmarkBuildOne briefs stories of one real article each, as a
// stream mostly has, and reports the process's CPU time per article:
// what Build costs however small the story.
func BenchmarkBuildOne(b *testing.B) {
	docs := testdocs.Basil(b, 40)
	c := testutil.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Build(&news.Story{ID: d.ID, Docs: []*news.Doc{d}}, DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(testutil.CPUTime()-c)/float64(b.N*len(docs))/1e6, "cpu-ms/doc")
}

// TestPileDumpSmall is TestPileDump for the small stories of
// BenchmarkBuildSmall: with -pile-dump it writes their JSON briefs to
// that folder, so that a speed change can show the same bytes.
func TestPileDumpSmall(t *testing.T) {
	if *pileDump == "" {
		t.Skip("brief: no -pile-dump folder given")
	}
	if err := os.MkdirAll(*pileDump, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range smallStories(t, 150) {
		dumpBrief(t, s.ID, s)
	}
}
