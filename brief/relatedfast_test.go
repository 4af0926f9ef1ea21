package brief

import (
	"math/rand"
	"slices"
	"sort"
	"testing"
)

// relatedSorted is relatedFrom as a sort of each row: what the one-pass
// pick must give.
func relatedSorted(sims [][]float64) [][]bool {
	n := len(sims)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range n {
		var order []int
		for j := range n {
			if j != i && sims[i][j] >= relatedSim {
				order = append(order, j)
			}
		}
		sort.Slice(order, func(a, b int) bool {
			if sims[i][order[a]] != sims[i][order[b]] {
				return sims[i][order[a]] > sims[i][order[b]]
			}
			return order[a] < order[b]
		})
		for _, j := range order[:min(relatedNeighbours, len(order))] {
			parent[find(i)] = find(j)
		}
	}
	related := make([][]bool, n)
	for i := range related {
		related[i] = make([]bool, n)
		for j := range n {
			related[i][j] = j != i && find(i) == find(j)
		}
	}
	return related
}

// TestRelatedPick checks relatedFrom against a sort of each row, on
// random similarities with many ties.
func TestRelatedPick(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for trial := range 2000 {
		n := 1 + r.Intn(12)
		sims := make([][]float64, n)
		for i := range sims {
			sims[i] = make([]float64, n)
			for j := range sims[i] {
				sims[i][j] = float64(r.Intn(6)) * 0.04 // 0 to 0.2: ties, and some under relatedSim
			}
		}
		got, want := relatedFrom(sims), relatedSorted(sims)
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("trial %d: row %d: got %v, want %v", trial, i, got[i], want[i])
			}
		}
	}
}
