package brief

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkConflictStages times the conflict stages of Build that read
// the whole pile (figures, days, ranks) and the date judgements on the
// dated piles of BenchmarkBuildClusters, each alone, so that how each
// grows from 100 to 300 articles shows (its cpu-ms/op at 300 against 100).
func BenchmarkConflictStages(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		s := &news.Story{ID: "pile", Docs: clusterPile(b, all, n)}
		cpuBench(b, fmt.Sprintf("dates/N=%d", n), func(b *testing.B) { datedStoryRead(s) })
		ds, r := datedStoryRead(s)
		ents := entities(ds)
		orig := copies(ds.Docs)
		cpuBench(b, fmt.Sprintf("dateConflicts/N=%d", n), func(b *testing.B) { dateConflictsRead(ds, r) })
		cpuBench(b, fmt.Sprintf("figures/N=%d", n), func(b *testing.B) { figureConflicts(ds, ents, orig) })
		cpuBench(b, fmt.Sprintf("days/N=%d", n), func(b *testing.B) { dayConflicts(ds, orig) })
		cpuBench(b, fmt.Sprintf("outcomes/N=%d", n), func(b *testing.B) { outcomeConflicts(ds, orig) })
		cpuBench(b, fmt.Sprintf("ranks/N=%d", n), func(b *testing.B) { entityConflicts(ds, ents) })
	}
}
