package brief

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// TestDateConflictsRead checks that dateConflicts, given what the date
// judgements read (datedStoryRead), reports what it reports computing
// it again from the dated docs, on the seeds and on a pile of BASIL
// articles some of whose dates are moved so that they are rejected.
func TestDateConflictsRead(t *testing.T) {
	for name, s := range movedDateStories(t, 30) {
		ds, r := datedStoryRead(s)
		want, err := json.Marshal(dateConflicts(ds))
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(dateConflictsRead(ds, r))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: dateConflictsRead gives\n%s\nwant\n%s", name, got, want)
		}
		if string(want) == "null" {
			t.Errorf("%s: no date conflicts to compare", name)
		}
	}
}

// BenchmarkDateConflicts times dateConflicts on the dated piles of
// BenchmarkBuildClusters, computing again what the date judgements read
// ("again", as Build did before) and given it ("read", as Build does).
func BenchmarkDateConflicts(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		ds, r := datedStoryRead(&news.Story{ID: "pile", Docs: clusterPile(b, all, n)})
		cpuBench(b, fmt.Sprintf("N=%d/again", n), func(b *testing.B) { dateConflicts(ds) })
		cpuBench(b, fmt.Sprintf("N=%d/read", n), func(b *testing.B) { dateConflictsRead(ds, r) })
	}
}
