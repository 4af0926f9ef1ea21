package summarize

import (
	"maps"
	"math/bits"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/internal/levenshtein"
)

// pairwiseNameVariants is nameVariants as it was written before the
// deletion index: every two names of one first letter and lengths
// within two compared. It is the reference TestNameVariantsPairwise
// checks the index against.
func pairwiseNameVariants(names map[string]bool) map[string]string {
	byFirst := map[byte][]string{}
	for n := range names {
		byFirst[n[0]] = append(byFirst[n[0]], n)
	}
	parent := map[string]string{}
	find := func(x string) string { return disjoint.Find(parent, x) }
	for _, group := range byFirst {
		sort.Slice(group, func(i, j int) bool {
			if len(group[i]) != len(group[j]) {
				return len(group[i]) < len(group[j])
			}
			return group[i] < group[j]
		})
		for i, a := range group {
			for j := i + 1; j < len(group); j++ {
				b := group[j]
				if len(b)-len(a) > 2 {
					break
				}
				limit := 1
				if min(len(a), len(b)) >= 6 {
					limit = 2
				}
				if d := len(a) - len(b); d > limit || -d > limit {
					continue
				}
				if bits.OnesCount64(byteMask(a)&^byteMask(b)) > limit || bits.OnesCount64(byteMask(b)&^byteMask(a)) > limit {
					continue
				}
				if levenshtein.Distance(a, b, limit) <= limit {
					disjoint.UnionMin(parent, a, b)
				}
			}
		}
	}
	out := map[string]string{}
	for n := range parent {
		if r := find(n); r != n {
			out[n] = r
		}
	}
	return out
}

// TestNameVariantsPairwise checks that nameVariants gives the classes
// of comparing every two names, on sets of names made by editing a few
// stems once or twice (so that many are within the limits), over a small
// alphabet.
func TestNameVariantsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "abcdeAB"
	word := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return b
	}
	edit := func(b []byte) []byte {
		b = append([]byte(nil), b...)
		p := rng.IntN(len(b))
		switch rng.IntN(3) {
		case 0:
			b[p] = letters[rng.IntN(len(letters))]
		case 1:
			if len(b) > 1 {
				b = append(b[:p], b[p+1:]...)
			}
		default:
			b = append(b[:p], append([]byte{letters[rng.IntN(len(letters))]}, b[p:]...)...)
		}
		return b
	}
	for round := range 300 {
		names := map[string]bool{}
		for range 1 + rng.IntN(6) {
			stem := word(3 + rng.IntN(9))
			names[string(stem)] = true
			for range rng.IntN(12) {
				v := stem
				for range 1 + rng.IntN(3) {
					v = edit(v)
				}
				names[string(v)] = true
			}
		}
		want, got := pairwiseNameVariants(names), nameVariants(names)
		if !maps.Equal(want, got) {
			t.Fatalf("round %d: names %v:\nnameVariants %v\npairwise     %v", round, names, got, want)
		}
	}
}
