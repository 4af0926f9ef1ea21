package summarize

import "math"

// Tuning of the coverage summarizer (measured on DUC 2003 and DUC 2006).
const (
	// lengthExp scales a sentence's gain by its length^-lengthExp: 1 is
	// gain per word, 0 plain gain.
	lengthExp = 0.7
	// positionWeight is the bonus of an article's first sentence over
	// its last, as a fraction of its gain.
	positionWeight = 0.3
)

// concepts returns each sentence's concepts (stemmed bigrams, not both
// stopwords) and each concept's weight: the number of docs that use it,
// for concepts used by at least minDF docs.
func (c *cluster) concepts() ([][]string, map[string]float64) {
	per := make([][]string, len(c.sents))
	df := map[string]int{}
	lastDoc := map[string]int{}
	for i, s := range c.sents {
		seen := map[string]bool{}
		for k := 0; k+1 < len(s.toks); k++ {
			a, b := s.toks[k], s.toks[k+1]
			if stopwords[a] && stopwords[b] {
				continue
			}
			g := a + " " + b
			if seen[g] {
				continue
			}
			seen[g] = true
			per[i] = append(per[i], g)
			if d, ok := lastDoc[g]; !ok || d != s.doc+1 {
				df[g]++
				lastDoc[g] = s.doc + 1
			}
		}
	}
	nd := len(c.docs)
	minDF := 3
	switch {
	case nd < 4:
		minDF = 1
	case nd < 8:
		minDF = 2
	}
	w := map[string]float64{}
	for g, n := range df {
		if n >= minDF {
			w[g] = float64(n)
		}
	}
	if len(w) == 0 && minDF > 1 {
		for g, n := range df {
			w[g] = float64(n)
		}
	}
	return per, w
}

// coverage chooses sentences that cover the most concept weight within
// the budget: greedily by gain per length, then improved by swaps.
func (c *cluster) coverage(opt Options) []int {
	lw, lb := opt.budget()
	per, weight := c.concepts()
	covered := map[string]bool{}
	in := make([]bool, len(c.sents))
	var chosen []int
	words, bytes := 0, 0
	gain := func(i int) float64 {
		g := 0.0
		for _, x := range per[i] {
			if !covered[x] {
				g += weight[x]
			}
		}
		return g * (1 + positionWeight*c.sents[i].pos)
	}
	eligible := func(i int) bool {
		s := c.sents[i]
		if in[i] || !s.ok {
			return false
		}
		if s.dangling {
			// Only right after the sentence it follows in its article.
			return s.idx > 0 && i > 0 && in[i-1] && c.sents[i-1].doc == s.doc
		}
		return true
	}
	for {
		best, bestScore := -1, 0.0
		for i, s := range c.sents {
			if !eligible(i) || !fits(words, bytes, s, lw, lb) {
				continue
			}
			g := gain(i)
			if g <= 0 {
				continue
			}
			size := float64(s.words)
			if lw == 0 {
				size = float64(s.bytes) / 6
			}
			if v := g / math.Pow(size, lengthExp); v > bestScore {
				best, bestScore = i, v
			}
		}
		if best < 0 {
			break
		}
		if c.redundant(c.sents[best], chosen) {
			in[best] = true // never again
			continue
		}
		in[best] = true
		chosen = append(chosen, best)
		words += c.sents[best].words
		bytes += c.sents[best].bytes + 1
		for _, x := range per[best] {
			covered[x] = true
		}
	}
	// in also marks redundant rejects; keep only the chosen.
	for i := range in {
		in[i] = false
	}
	for _, i := range chosen {
		in[i] = true
	}
	return c.finish(chosen, opt, words, bytes, func(i int) float64 {
		if !eligible(i) {
			return 0
		}
		return gain(i)
	})
}
