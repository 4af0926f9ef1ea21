package brief

import (
	"math"
	"testing"
)

// TestRaritySimOrderFree: rarity.sim gives the same bits however its maps
// happen to be walked, so briefs do not change from run to run.
func TestRaritySimOrderFree(t *testing.T) {
	words := []string{"quake", "toll", "rescue", "rubble", "province", "aftershock", "village", "collapsed",
		"hospital", "injured", "magnitude", "epicentre", "survivor", "tent", "winter", "aid", "minister", "army"}
	// weights as a story's varied sentence frequencies give them
	r := rarity{of: map[string]float64{}, n: 997}
	a, b := bag{}, bag{}
	for i, w := range words {
		r.of[w] = exactWeight(math.Log(1 + 997/float64(1+7*i)))
		a[w] = float64(1 + i%2)
		if i%3 != 0 {
			b[w] = float64(1 + i%2)
		}
	}
	want := r.sim(a, b)
	for range 300 {
		// fresh maps, so that their walk order is drawn afresh
		a2, b2 := bag{}, bag{}
		for k, v := range a {
			a2[k] = v
		}
		for k, v := range b {
			b2[k] = v
		}
		if got := r.sim(a2, b2); got != want {
			t.Fatalf("sim gave %v and %v for the same bags", want, got)
		}
	}
}
