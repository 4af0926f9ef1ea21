package cluster

import (
	"fmt"
	"math"
	"slices"
)

// TreeNode is one node of a regression tree of a Model. At an inner
// node (Feature ≥ 0) a comparison goes Left when its feature
// x[Feature] < Split and Right otherwise; a leaf (Feature -1) adds
// Value to the log-odds.
type TreeNode struct {
	Feature int     `json:"f"`
	Split   float64 `json:"s,omitempty"`
	Left    int     `json:"l,omitempty"`
	Right   int     `json:"r,omitempty"`
	Value   float64 `json:"v,omitempty"`
}

// Tree is a regression tree over the features of FeatureNames; node 0
// is its root, and a node's children come after it.
type Tree []TreeNode

func (t Tree) eval(x *[nFeatures]float64) float64 {
	i := 0
	for t[i].Feature >= 0 {
		if x[t[i].Feature] < t[i].Split {
			i = t[i].Left
		} else {
			i = t[i].Right
		}
	}
	return t[i].Value
}

func (t Tree) check() error {
	if len(t) == 0 {
		return fmt.Errorf("%w: empty tree", ErrConfig)
	}
	for i, n := range t {
		if n.Feature < -1 || n.Feature >= nFeatures {
			return fmt.Errorf("%w: tree node %d: feature %d", ErrConfig, i, n.Feature)
		}
		if n.Feature >= 0 && (n.Left <= i || n.Right <= i || n.Left >= len(t) || n.Right >= len(t)) {
			return fmt.Errorf("%w: tree node %d: children %d, %d", ErrConfig, i, n.Left, n.Right)
		}
		if math.IsNaN(n.Split) || math.IsNaN(n.Value) {
			return fmt.Errorf("%w: tree node %d: NaN", ErrConfig, i)
		}
	}
	return nil
}

// BoostConfig sets how Boost grows trees on the examples.
type BoostConfig struct {
	// Trees is how many trees to grow (0: none); Depth how deep each
	// may be; Rate how much of each tree's Newton step is taken.
	Trees, Depth int
	Rate         float64
	// L2 is the penalty on a leaf's value; MinWeight the least summed
	// Hessian (example weight times p(1-p)) on either side of a split.
	L2, MinWeight float64
	// Without, when it names a 0/1 feature of FeatureNames, is the
	// first split of every tree, and Depth counts below it: comparisons
	// where it is 1 get nothing from the trees, which are grown on the
	// others alone.
	Without string
}

// Boost returns m with bc.Trees regression trees grown on top of it by
// gradient boosting of the logistic loss (Newton steps, each tree fitted
// to the residuals of m and the trees before it): the trees let the
// model weigh one feature differently by the value of another (text
// similarity far in time and near it, in small stories and large ones),
// which the logistic model cannot. Examples weigh as in Fit. It is
// deterministic: splits are searched over the examples sorted by each
// feature (ties by position), features in order, and the first of equal
// gains wins.
func Boost(m Model, ex []Example, bc BoostConfig) Model {
	if bc.Trees <= 0 || bc.Depth <= 0 || len(ex) == 0 {
		return m
	}
	n := len(ex)
	margin := make([]float64, n)
	w := make([]float64, n)
	y := make([]float64, n)
	for i := range ex {
		margin[i] = m.margin(&ex[i].X)
		w[i] = ex[i].W
		if w[i] == 0 {
			w[i] = 1
		}
		if ex[i].Same {
			y[i] = 1
		}
	}
	var order [nFeatures][]int32
	for f := range order {
		o := make([]int32, n)
		for i := range o {
			o[i] = int32(i)
		}
		slices.SortStableFunc(o, func(a, b int32) int {
			xa, xb := ex[a].X[f], ex[b].X[f]
			switch {
			case xa < xb:
				return -1
			case xa > xb:
				return 1
			}
			return 0
		})
		order[f] = o
	}
	regime := slices.Index(FeatureNames, bc.Without)
	depth := bc.Depth
	if regime >= 0 {
		depth++
	}
	g := make([]float64, n)
	h := make([]float64, n)
	node := make([]int32, n)
	out := m
	out.Trees = slices.Clone(m.Trees)
	for range bc.Trees {
		for i := range g {
			p := 1 / (1 + math.Exp(-margin[i]))
			g[i] = w[i] * (p - y[i])
			h[i] = w[i] * math.Max(p*(1-p), 1e-6)
			node[i] = 0
		}
		t := Tree{{Feature: -1}}
		level := []int32{0} // open nodes of this level
		for d := 0; d < depth && len(level) > 0; d++ {
			slot := make([]int, len(t)) // node → its place in level, -1 when closed
			for i := range slot {
				slot[i] = -1
			}
			for k, nd := range level {
				slot[nd] = k
			}
			G := make([]float64, len(level))
			H := make([]float64, len(level))
			for i := range g {
				if k := slot[node[i]]; k >= 0 {
					G[k] += g[i]
					H[k] += h[i]
				}
			}
			bestGain := make([]float64, len(level))
			bestF := make([]int, len(level))
			bestS := make([]float64, len(level))
			for k := range bestF {
				bestF[k] = -1
			}
			gl := make([]float64, len(level))
			hl := make([]float64, len(level))
			last := make([]float64, len(level))
			seen := make([]bool, len(level))
			score := func(gs, hs float64) float64 { return gs * gs / (hs + bc.L2) }
			for f := range nFeatures {
				clear(gl)
				clear(hl)
				clear(seen)
				for _, i := range order[f] {
					k := slot[node[i]]
					if k < 0 {
						continue
					}
					v := ex[i].X[f]
					if seen[k] && v > last[k] && hl[k] >= bc.MinWeight && H[k]-hl[k] >= bc.MinWeight {
						gain := score(gl[k], hl[k]) + score(G[k]-gl[k], H[k]-hl[k]) - score(G[k], H[k])
						if gain > bestGain[k]+1e-12 {
							bestGain[k], bestF[k], bestS[k] = gain, f, (last[k]+v)/2
						}
					}
					gl[k] += g[i]
					hl[k] += h[i]
					last[k] = v
					seen[k] = true
				}
			}
			if d == 0 && regime >= 0 {
				bestF[0], bestS[0] = regime, 0.5
			}
			var next []int32
			for k, nd := range level {
				if d == 1 && regime >= 0 && int(nd) == t[0].Right {
					continue // the side without trees: a leaf of 0
				}
				if bestF[k] < 0 {
					t[nd].Value = -bc.Rate * G[k] / (H[k] + bc.L2)
					continue
				}
				l, r := int32(len(t)), int32(len(t)+1)
				t[nd] = TreeNode{Feature: bestF[k], Split: bestS[k], Left: int(l), Right: int(r)}
				t = append(t, TreeNode{Feature: -1}, TreeNode{Feature: -1})
				next = append(next, l, r)
			}
			for i := range node {
				nd := node[i]
				if int(nd) < len(slot) && slot[nd] >= 0 && t[nd].Feature >= 0 {
					if ex[i].X[t[nd].Feature] < t[nd].Split {
						node[i] = int32(t[nd].Left)
					} else {
						node[i] = int32(t[nd].Right)
					}
				}
			}
			level = next
		}
		if len(level) > 0 { // leaves at full depth
			G := map[int32]float64{}
			H := map[int32]float64{}
			for i := range g {
				G[node[i]] += g[i]
				H[node[i]] += h[i]
			}
			for _, nd := range level {
				t[nd].Value = -bc.Rate * G[nd] / (H[nd] + bc.L2)
			}
		}
		if regime >= 0 {
			t[t[0].Right].Value = 0
		}
		for i := range margin {
			margin[i] += t[node[i]].Value
		}
		out.Trees = append(out.Trees, t)
	}
	return out
}
