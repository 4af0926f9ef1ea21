package brief

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// TestSharedWordIndex checks that the index finds exactly the later
// claims that share at least the asked number of words, as a scan of
// every pair does.
func TestSharedWordIndex(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	bags := make([]bag, 60)
	for i := range bags {
		bags[i] = bag{}
		for range r.Intn(8) {
			bags[i][fmt.Sprint("w", r.Intn(15))] = float64(1 + r.Intn(2))
		}
	}
	x := newSharedWordIndex(bags)
	for least := 1; least <= 3; least++ {
		for i := range bags {
			var want []int
			for j := i + 1; j < len(bags); j++ {
				n := 0
				for w := range bags[i] {
					if bags[j][w] > 0 {
						n++
					}
				}
				if n >= least {
					want = append(want, j)
				}
			}
			if got := x.later(i, least); !slices.Equal(got, want) {
				t.Fatalf("later(%d, %d) = %v, want %v", i, least, got, want)
			}
		}
	}
}

// TestWholeSim checks that wholeSim gives bag.sim's bits on bags of
// whole weights, and that wholeNorm refuses other weights.
func TestWholeSim(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 500 {
		a, b := bag{}, bag{}
		for range r.Intn(12) {
			a[fmt.Sprint("w", r.Intn(20))] = float64(1 + r.Intn(2))
		}
		for range r.Intn(12) {
			b[fmt.Sprint("w", r.Intn(20))] = float64(1 + r.Intn(2))
		}
		na, oka := wholeNorm(a)
		nb, okb := wholeNorm(b)
		if !oka || !okb {
			t.Fatal("wholeNorm refused whole weights")
		}
		if got, want := wholeSim(a, na, b, nb), a.sim(b); got != want {
			t.Fatalf("wholeSim = %v, bag.sim = %v", got, want)
		}
	}
	if _, ok := wholeNorm(bag{"a": 1.5}); ok {
		t.Error("wholeNorm took a weight of 1.5 as whole")
	}
}
