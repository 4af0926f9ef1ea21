package cluster

import (
	"math"

	"github.com/storyline-news/storyline/news"
)

// Example is one comparison of a doc with a candidate story, labelled
// with whether the doc belongs to it.
type Example struct {
	X    [nFeatures]float64
	Same bool
	// W is the example's weight in Fit; 0 counts as 1.
	W float64
}

// Examples replays docs in order, placing each in its gold story
// (gold[i] names the story of docs[i]), and returns the comparison of
// each doc with every candidate story the index offers it, as Add would
// score them. A doc found to be a near-duplicate gives no example: Add
// places it without the model. docs are not modified.
func Examples(docs []*news.Doc, gold []string, cfg Config) []Example {
	c := New(cfg)
	var out []Example
	for i, d := range docs {
		f := c.x.extract(d, &c.cfg)
		c.advance(f.date)
		v := c.weigh(f)
		orig, _ := c.duplicate(f.sig)
		if orig < 0 {
			cands := c.candidates(v.text)
			for k, x := range c.compareAll(cands, f, v) {
				out = append(out, Example{X: x, Same: c.stories[cands[k]].id == gold[i]})
			}
		}
		si, ok := c.byID[gold[i]]
		if !ok {
			si = c.newStory(gold[i])
		}
		c.join(si, d.ID, f, v, int32(orig), orig < 0)
	}
	return out
}

// Fit fits a logistic model to examples by Newton's method with an L2
// penalty l2 on the weights (not the bias). It is deterministic. The
// returned model's Threshold is 0.5; choose it by clustering held-out
// streams.
func Fit(ex []Example, l2 float64) Model {
	const n = nFeatures + 1 // weights, then bias
	w := make([]float64, n)
	for iter := 0; iter < 50; iter++ {
		var g [n]float64
		var h [n][n]float64
		for _, e := range ex {
			var x [n]float64
			copy(x[:], e.X[:])
			x[nFeatures] = 1
			z := 0.0
			for i := range x {
				z += w[i] * x[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.Same {
				y = 1
			}
			ew := e.W
			if ew == 0 {
				ew = 1
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
		for i := 0; i < nFeatures; i++ {
			g[i] += l2 * w[i]
			h[i][i] += l2
		}
		h[nFeatures][nFeatures] += 1e-9
		step := solve(h, g)
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change = math.Max(change, math.Abs(step[i]))
		}
		if change < 1e-8 {
			break
		}
	}
	return Model{
		Features:  append([]string(nil), FeatureNames...),
		Weights:   w[:nFeatures],
		Bias:      w[nFeatures],
		Threshold: 0.5,
	}
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [nFeatures + 1][nFeatures + 1]float64, b [nFeatures + 1]float64) []float64 {
	const n = nFeatures + 1
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

// Balance weighs a set's examples so that they count 1000 in all, half
// for the same-story ones and half for the others: sets of different
// sizes and shapes then weigh alike in Fit.
func Balance(ex []Example) {
	var pos, neg int
	for _, e := range ex {
		if e.Same {
			pos++
		} else {
			neg++
		}
	}
	for i := range ex {
		if ex[i].Same {
			ex[i].W = 500 / float64(pos)
		} else {
			ex[i].W = 500 / float64(neg)
		}
	}
}
