package brief

import (
	"cmp"
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// TestWholeSimIDs checks that the scorers' merge of numbered parts
// (numberParts, wholeSimIDs) gives wholeSim's bits for every two parts,
// of one doc or two.
func TestWholeSimIDs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	bagOf := func() bag {
		b := bag{}
		for range rng.Intn(14) {
			b[fmt.Sprintf("w%d", rng.Intn(40))] = float64(1 + rng.Intn(2))
		}
		return b
	}
	var dds []*docDates
	for range 6 {
		dd := &docDates{}
		for p := range 5 {
			b := bagOf()
			// two expressions of one part share its bag
			dd.bags = append(dd.bags, b, b)
			dd.partOf = append(dd.partOf, p, p)
			n, whole := wholeNorm(b)
			dd.partNorm, dd.partWhole = append(dd.partNorm, n), append(dd.partWhole, whole)
		}
		dd.parts = 5
		dds = append(dds, dd)
	}
	numberParts(dds)
	for _, a := range dds {
		for _, b := range dds {
			for p := range a.parts {
				for q := range b.parts {
					want := wholeSim(a.bags[2*p], a.partNorm[p], b.bags[2*q], b.partNorm[q])
					got := wholeSimIDs(a.partIDsOf(p), a.partNorm[p], b.partIDsOf(q), b.partNorm[q])
					if got != want && !(got != got && want != want) {
						t.Fatalf("wholeSimIDs = %v, wholeSim %v (%v, %v)", got, want, a.bags[2*p], b.bags[2*q])
					}
				}
			}
		}
	}
}

// TestCandNorms checks that addUndated's numbered comparisons give
// bag.sim's and rarity.sim's bits.
func TestCandNorms(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	r := rarity{of: map[string]float64{}, n: 50}
	for k := range 30 { // the other words are as rare as can be
		r.of[fmt.Sprintf("w%d", k)] = exactWeight(rng.Float64() * 4)
	}
	var cs []*candidate
	for range 40 {
		b := bag{}
		for range rng.Intn(14) {
			b[fmt.Sprintf("w%d", rng.Intn(40))] = float64(1 + rng.Intn(2))
		}
		cs = append(cs, &candidate{words: b})
	}
	cn := newCandNorms(r)
	for _, o := range cs {
		for _, c := range cs {
			if got, want := cn.sim(o, c), o.words.sim(c.words); got != want && !(got != got && want != want) {
				t.Fatalf("sim = %v, bag.sim %v (%v, %v)", got, want, o.words, c.words)
			}
			if got, want := cn.raritySim(o, c), r.sim(o.words, c.words); got != want {
				t.Fatalf("raritySim = %v, rarity.sim %v (%v, %v)", got, want, o.words, c.words)
			}
		}
	}
}

// TestSortOccurrences checks sortOccurrences against a stable sort by
// shingle, with shingles that share their top bytes and repeat.
func TestSortOccurrences(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, n := range []int{0, 1, 2, 10, 1000, 50000} {
		a := make([]occurrence, n)
		for i := range a {
			h := rng.Uint64()
			switch rng.Intn(4) {
			case 0:
				h &= 0xffff00000000ffff // many share their top bytes
			case 1:
				h = uint64(rng.Intn(8)) // repeats
			}
			a[i] = occurrence{h, int32(i)}
		}
		want := slices.Clone(a)
		slices.SortStableFunc(want, func(x, y occurrence) int { return cmp.Compare(x.h, y.h) })
		if got := sortOccurrences(a); !slices.Equal(got, want) {
			t.Fatalf("n=%d: sortOccurrences differs from a stable sort", n)
		}
	}
}
