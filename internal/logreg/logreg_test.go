package logreg

import (
	"math"
	"testing"
)

// TestFitSeparates fits one feature that decides the label and one that
// is noise: the first weight must come out clearly positive, the second
// near zero, and a second fit must give the same bits.
func TestFitSeparates(t *testing.T) {
	var xs [][]float64
	var ys []bool
	for i := 0; i < 200; i++ {
		v := float64(i%20)/10 - 1 // -1 .. 0.9
		noise := float64((i*7)%11)/5 - 1
		xs = append(xs, []float64{v, noise})
		ys = append(ys, v+0.3*noise > 0)
	}
	at := func(k int) ([]float64, bool, float64) { return xs[k], ys[k], 1 }
	w, b := Fit(2, len(xs), at, 1, 50)
	if w[0] < 2 || math.Abs(w[1]) >= w[0] {
		t.Fatalf("weights %v bias %v: want the deciding feature to dominate", w, b)
	}
	w2, b2 := Fit(2, len(xs), at, 1, 50)
	if w2[0] != w[0] || w2[1] != w[1] || b2 != b {
		t.Fatalf("second fit %v %v differs from %v %v", w2, b2, w, b)
	}
}

// TestSolve solves a small system whose first pivot is zero.
func TestSolve(t *testing.T) {
	a := [][]float64{{0, 2, 1}, {1, 1, 1}, {2, 1, 3}}
	b := []float64{5, 6, 13}
	x := Solve(a, b)
	orig := [][]float64{{0, 2, 1}, {1, 1, 1}, {2, 1, 3}}
	rhs := []float64{5, 6, 13}
	for i := range orig {
		s := 0.0
		for j := range x {
			s += orig[i][j] * x[j]
		}
		if math.Abs(s-rhs[i]) > 1e-9 {
			t.Fatalf("row %d: %v·%v = %v, want %v", i, orig[i], x, s, rhs[i])
		}
	}
}
