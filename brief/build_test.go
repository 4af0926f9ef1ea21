package brief

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// basilDocs reads up to n BASIL articles through the default chain, in
// file order.
func basilDocs(tb testing.TB, n int) []*news.Doc {
	tb.Helper()
	root := testutil.Data(tb, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.json"))
	if len(files) == 0 {
		tb.Skipf("brief: BASIL data missing at %s", root)
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

// TestBuildLeavesStoryAlone checks that Build changes nothing it is
// given: the docs, their fields and layers, and their order are the
// same, byte for byte as JSON, before and after, on the seeds (whose
// dates Build rejects and infers) and on a pile of BASIL articles.
func TestBuildLeavesStoryAlone(t *testing.T) {
	stories := map[string]*news.Story{"seeds": seedStory(t)}
	if docs := basilDocs(t, 12); len(docs) > 0 {
		// Hide some dates so that Build infers them.
		for i := 1; i < len(docs); i += 3 {
			docs[i].StatedDate = docs[i].StatedDate.AddDate(0, 0, -60*(i%2))
			if i%2 == 0 {
				docs[i].StatedDate = docs[i].StatedDate.AddDate(-100, 0, 0)
			}
		}
		// Latest first, so that Build's time order differs from the input's.
		sort.SliceStable(docs, func(i, j int) bool { return docs[i].StatedDate.After(docs[j].StatedDate) })
		stories["basil"] = &news.Story{ID: "basil", Docs: docs}
	}
	for name, s := range stories {
		before, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		order := append([]*news.Doc(nil), s.Docs...)
		b, err := Build(s, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Sources) != len(s.Docs) {
			t.Errorf("%s: %d sources for %d docs", name, len(b.Sources), len(s.Docs))
		}
		after, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if string(before) != string(after) {
			t.Errorf("%s: Build changed the story it was given", name)
		}
		for i := range order {
			if order[i] != s.Docs[i] {
				t.Errorf("%s: Build reordered the docs (%s at %d)", name, s.Docs[i].ID, i)
				break
			}
		}
	}
}

// BenchmarkBuild briefs piles of 10, 30, 100 and 300 BASIL articles,
// analysed outside the timer: unrelated stories of three outlets each,
// as a mixed pile gives.
func BenchmarkBuild(b *testing.B) {
	all := basilDocs(b, 300)
	for _, n := range []int{10, 30, 100, 300} {
		if n > len(all) {
			break
		}
		s := &news.Story{ID: "pile", Docs: all[:n]}
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Build(s, DefaultConfig()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
