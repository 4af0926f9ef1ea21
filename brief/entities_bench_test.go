package brief

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkEntities times merging the people, organisations and places
// of the dated piles of BenchmarkBuildClusters (entities, the part of
// Build that entities.go owns).
func BenchmarkEntities(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		s := datedStory(&news.Story{ID: "pile", Docs: clusterPile(b, all, n)})
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) { entities(s) })
	}
}
