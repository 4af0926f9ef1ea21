package entity

import (
	"slices"
	"testing"
)

// TestCoPeopleBounded: a doc of many people records each beside at most
// maxCoPeople others, the most named, in the doc's order; an article's
// few people are all kept.
func TestCoPeopleBounded(t *testing.T) {
	items := make([]item, 3*maxCoPeople)
	var idx []int
	for i := range items {
		items[i].count = 1
		if i%3 == 0 {
			items[i].count = 2 // every third is named twice
		}
		idx = append(idx, i)
	}
	got := coPeople(items, idx)
	if len(got) != maxCoPeople || !slices.IsSorted(got) {
		t.Fatalf("coPeople kept %d, sorted %v; want %d in order", len(got), slices.IsSorted(got), maxCoPeople)
	}
	for _, i := range got {
		if items[i].count != 2 {
			t.Fatalf("kept item %d, named once, over one named twice", i)
		}
	}
	few := idx[:10]
	if got := coPeople(items, few); !slices.Equal(got, few) {
		t.Errorf("a doc of 10 people keeps %v, want all", got)
	}
}
