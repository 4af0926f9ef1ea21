// Package logreg fits a logistic regression by Newton's method with an
// L2 penalty on the weights (not the bias). The fit is deterministic:
// the same examples in the same order give the same bits. The story
// model of package cluster and the citation model of package brief are
// both fitted with it.
package logreg

import "math"

// Fit fits weights and a bias to n examples of dim features each. at(k)
// returns example k: its features (len dim), its label and its weight.
// Fit stops after iters Newton steps, or sooner when no parameter moves
// by 1e-8.
func Fit(dim, n int, at func(k int) (x []float64, y bool, w float64), l2 float64, iters int) (weights []float64, bias float64) {
	m := dim + 1 // the weights, then the bias
	w := make([]float64, m)
	x := make([]float64, m)
	g := make([]float64, m)
	h := make([][]float64, m)
	for i := range h {
		h[i] = make([]float64, m)
	}
	for iter := 0; iter < iters; iter++ {
		clear(g)
		for i := range h {
			clear(h[i])
		}
		for k := 0; k < n; k++ {
			xk, yk, ew := at(k)
			copy(x, xk)
			x[dim] = 1
			z := 0.0
			for i := range x {
				z += w[i] * x[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if yk {
				y = 1
			}
			r := ew * (p - y)
			v := ew * math.Max(p*(1-p), 1e-9)
			for i := range x {
				g[i] += r * x[i]
				for j := range x {
					h[i][j] += v * x[i] * x[j]
				}
			}
		}
		for i := 0; i < dim; i++ {
			g[i] += l2 * w[i]
			h[i][i] += l2
		}
		h[dim][dim] += 1e-9
		step := Solve(h, g)
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change = math.Max(change, math.Abs(step[i]))
		}
		if change < 1e-8 {
			break
		}
	}
	return w[:dim], w[dim]
}

// Solve solves a·x = b by Gaussian elimination with partial pivoting. It
// overwrites a and b. A zero pivot leaves its unknown 0.
func Solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for col := 0; col < n; col++ {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		a[col], a[p] = a[p], a[col]
		b[col], b[p] = b[p], b[col]
		if a[col][col] == 0 {
			continue
		}
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k < n; k++ {
				a[r][k] -= f * a[col][k]
			}
			b[r] -= f * b[col]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		if a[r][r] != 0 {
			x[r] = s / a[r][r]
		}
	}
	return x
}

// Balanced returns the weights that make n examples count 1000 in all,
// half for the positives (label true) and half for the negatives, so
// that sets with few positives weigh them alike in Fit.
func Balanced(n int, label func(k int) bool) (pos, neg float64) {
	var np, nn int
	for k := 0; k < n; k++ {
		if label(k) {
			np++
		} else {
			nn++
		}
	}
	return 500 / float64(np), 500 / float64(nn)
}
