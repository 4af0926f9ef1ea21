package summarize

import (
	"math"
	"sort"
)

// lexRank scores sentences by LexRank: PageRank (damping 0.85) over the
// graph of sentences whose tf-idf cosine similarity is at least 0.1.
func (c *pool) lexRank() []float64 {
	n := len(c.sents)
	if n == 0 {
		return nil
	}
	adj := make([][]int, n)
	deg := make([]float64, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if c.cosine(c.sents[i], c.sents[j]) >= 0.1 {
				adj[i] = append(adj[i], j)
				adj[j] = append(adj[j], i)
			}
		}
	}
	for i := range n {
		deg[i] = float64(len(adj[i]))
	}
	const d = 0.85
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range 50 {
		dangling := 0.0
		for i := range n {
			next[i] = 0
			if deg[i] == 0 {
				dangling += p[i]
			}
		}
		for i := range n {
			for _, j := range adj[i] {
				next[j] += p[i] / deg[i]
			}
		}
		diff := 0.0
		for i := range n {
			v := (1-d)/float64(n) + d*(next[i]+dangling/float64(n))
			diff += math.Abs(v - p[i])
			p[i] = v
		}
		if diff < 1e-6 {
			break
		}
	}
	return p
}

// centroid scores sentences as MEAD does: the sum of the centroid values
// of their words (tf-idf averaged over the docs, top words only), plus a
// position score and the overlap with their article's first sentence.
func (c *pool) centroid() []float64 {
	n := len(c.sents)
	if n == 0 {
		return nil
	}
	tf := make([]float64, len(c.terms))
	var used []int32
	for _, s := range c.sents {
		for _, w := range s.content {
			if tf[w] == 0 {
				used = append(used, w)
			}
			tf[w]++
		}
	}
	type wv struct {
		w int32
		v float64
	}
	all := make([]wv, 0, len(used))
	for _, w := range used {
		all = append(all, wv{w, tf[w] * c.idf[w] / float64(max(len(c.docs), 1))})
	}
	// term ids order as their words
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].w < all[j].w })
	if len(all) > 100 {
		all = all[:100]
	}
	cent := make([]float64, len(c.terms))
	for _, x := range all {
		cent[x.w] = x.v
	}
	first := map[int]*sent{}
	for _, s := range c.sents {
		if s.idx == 0 {
			first[s.doc] = s
		}
	}
	score := make([]float64, n)
	maxC := 0.0
	cv := make([]float64, n)
	seen := make([]int, len(c.terms)) // sentence+1 that last counted the term
	for i, s := range c.sents {
		for _, w := range s.content {
			if seen[w] != i+1 {
				seen[w] = i + 1
				cv[i] += cent[w]
			}
		}
		maxC = max(maxC, cv[i])
	}
	for i, s := range c.sents {
		score[i] = cv[i] + maxC*s.pos
		if f := first[s.doc]; f != nil {
			score[i] += maxC * c.cosine(s, f)
		}
	}
	return score
}

// rankSelect takes sentences in order of score, skipping those that are
// not acceptable or repeat a chosen one, until the budget is spent.
func (c *pool) rankSelect(score []float64, opt Options) []int {
	lw, lb := opt.budget()
	order := make([]int, len(c.sents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	var chosen []int
	words, bytes := 0, 0
	for _, i := range order {
		s := c.sents[i]
		if !s.ok || s.dangling || c.redundant(s, chosen) || !fits(words, bytes, s, lw, lb) {
			continue
		}
		chosen = append(chosen, i)
		words += s.words
		bytes += s.bytes + 1
		if full(words, bytes, lw, lb) {
			break
		}
	}
	return c.finish(chosen, opt, words, bytes, func(i int) float64 {
		if c.sents[i].dangling {
			return 0
		}
		return score[i] + 1e-12
	}, nil)
}
