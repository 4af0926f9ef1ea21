package brief

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkDatesClusters times the date judgements alone (datedStory)
// on the piles of BenchmarkBuildClusters, as `storyline bench` makes
// them: their growth from 100 to 300 articles is the date scorer's.
func BenchmarkDatesClusters(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		s := &news.Story{ID: "pile", Docs: clusterPile(b, all, n)}
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) {
			datedStory(s)
		})
	}
}
