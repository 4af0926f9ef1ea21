package summarize

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Tuning of the coverage summarizer, measured on DUC 2003 (100 words) and
// DUC 2006 (250 words); the figures are flat around these values.
const (
	// lengthExp divides a sentence's gain by its length^lengthExp: 1 is
	// gain per word, 0 plain gain.
	lengthExp = 0.7
	// positionWeight is the bonus of an article's first sentence (its
	// gain times 1+positionWeight/(1+index), counting prose sentences).
	positionWeight = 0.6
	// rareWeight weighs a bigram used by fewer than minDF docs, per doc:
	// enough to fill a budget the concepts cannot, too little to matter
	// otherwise.
	rareWeight = 0.001
	// centralityWeight scales a bonus for central sentences: a
	// sentence's gain is multiplied by 1+centralityWeight*its MEAD
	// score (centroid, position and lead overlap), scaled to 0..1.
	centralityWeight = 1.0
	// minDF is the number of docs that must use a bigram for it to be a
	// concept in a cluster of eight docs or more (two for four to seven,
	// one below).
	minDF = 3
)

// concepts returns each sentence's concepts (stemmed bigrams, not both
// stopwords) and each concept's weight: the number of docs that use it,
// for concepts used by at least minDF docs (rareWeight times it for the
// others).
func (c *pool) concepts() ([][]int32, []float64) {
	per := make([][]int32, len(c.sents))
	n := 0
	for _, s := range c.sents {
		n += len(s.ids)
	}
	c.conceptIDs = make(map[uint64]int32, n/2+16)
	// each concept's docs, and the doc+1 that last counted it and the
	// sentence+1 that last saw it, in one list
	type conceptStat struct{ df, lastDoc, seen int }
	stats := make([]conceptStat, 0, n/2+16)
	// Each sentence's concepts are a run of one slab, as long as its
	// bigrams at most.
	slab := make([]int32, 0, n)
	for i, s := range c.sents {
		start := len(slab)
		per[i] = slab[start:start:min(start+max(len(s.ids)-1, 0), cap(slab))]
		for k := 0; k+1 < len(s.ids); k++ {
			a, b := s.ids[k], s.ids[k+1]
			if c.stop[a] && c.stop[b] {
				continue
			}
			key := uint64(a)<<32 | uint64(b)
			g, ok := c.conceptIDs[key]
			if !ok {
				g = int32(len(stats))
				c.conceptIDs[key] = g
				stats = append(stats, conceptStat{})
			}
			st := &stats[g]
			if st.seen == i+1 {
				continue
			}
			st.seen = i + 1
			per[i] = append(per[i], g)
			slab = slab[:start+len(per[i])]
			if st.lastDoc != s.doc+1 {
				st.df++
				st.lastDoc = s.doc + 1
			}
		}
	}
	nd := len(c.docs)
	minDF := minDF
	switch {
	case nd < 4:
		minDF = 1
	case nd < 8:
		minDF = 2
	}
	w := make([]float64, len(stats))
	for g, st := range stats {
		if n := st.df; n >= minDF {
			w[g] = float64(n)
		} else {
			w[g] = rareWeight * float64(n)
		}
	}
	return per, w
}

// coverage chooses sentences that cover the most concept weight within
// the budget, greedily by gain per length.
func (c *pool) coverage(opt Options) []int {
	per, weight := c.concepts()
	chosen, _ := c.greedy(opt, per, weight)
	return chosen
}

// size is the length a sentence's gain is divided by.
func (c *pool) size(s *sent, lw int) float64 {
	if lw == 0 {
		return math.Max(float64(s.bytes)/6, 1)
	}
	return math.Max(float64(s.words), 1)
}

// greedy runs the greedy selection and returns the sentences and the
// weight they cover (the overflowing last sentence pro rata).
func (c *pool) greedy(opt Options, per [][]int32, weight []float64) ([]int, float64) {
	central := c.centroid()
	top := 0.0
	for _, v := range central {
		top = max(top, v)
	}
	for i := range central {
		if top > 0 {
			central[i] /= top
		}
	}
	lw, lb := opt.budget()
	covered := make([]bool, len(weight))
	in := make([]bool, len(c.sents))
	// the length each sentence's gain is divided by, raised to lengthExp
	size := make([]float64, len(c.sents))
	for i, s := range c.sents {
		size[i] = math.Pow(c.size(s, lw), lengthExp)
	}
	rejected := make([]bool, len(c.sents))
	var chosen []int
	words, bytes := 0, 0
	value := 0.0
	// weighted is sentence i's gain before its brief factor, and gain its
	// gain. weighted times briefFactorBound is at least the gain without
	// finding the sentence's sources: both multiply the same positive
	// values in the same order, so the bound holds in floating point, and
	// a sentence whose bound does not beat the best so far is skipped
	// with the same outcome as comparing its gain.
	weighted := func(i int) float64 {
		g := 0.0
		for _, x := range per[i] {
			if !covered[x] {
				g += weight[x]
			}
		}
		return g * (1 + positionWeight*c.sents[i].pos + centralityWeight*central[i])
	}
	gain := func(i int) float64 { return weighted(i) * c.briefFactor(i, chosen) }
	eligible := func(i int) bool {
		s := c.sents[i]
		if in[i] || rejected[i] || !s.ok {
			return false
		}
		if s.dangling {
			return c.follows(i, in)
		}
		return true
	}
	take := func(i int) {
		value += gain(i)
		in[i] = true
		chosen = append(chosen, i)
		words += c.sents[i].words
		bytes += c.sents[i].bytes + 1
		for _, x := range per[i] {
			covered[x] = true
		}
	}
	for {
		best, bestScore := -1, 0.0
		for i, s := range c.sents {
			if !eligible(i) || !fits(words, bytes, s, lw, lb) {
				continue
			}
			w := weighted(i)
			if w*c.briefFactorBound(i, chosen)/size[i] <= bestScore {
				continue // its gain per size cannot beat bestScore
			}
			g := w * c.briefFactor(i, chosen)
			if g <= 0 {
				continue
			}
			if v := g / size[i]; v > bestScore {
				best, bestScore = i, v
			}
		}
		if best < 0 {
			break
		}
		if c.redundant(c.sents[best], chosen) {
			rejected[best] = true
			continue
		}
		take(best)
	}
	if c.ev != nil && !opt.Overflow {
		chosen, words, bytes = c.clearest(chosen, opt, words, bytes)
	}
	n := len(chosen)
	// score ranks the candidates of finish, with the brief factor bf
	// gives: briefFactor, or briefFactorBound for a bound of the rank.
	score := func(i int, bf func(int, []int) float64) float64 {
		if !eligible(i) {
			return 0
		}
		s := c.sents[i]
		if !opt.Overflow || lw == 0 || words+s.words <= lw {
			return weighted(i) * bf(i, chosen)
		}
		// The scorer will keep only the first lw-words words: count the
		// concepts there.
		k := len(s.toks) * (lw - words) / max(s.words, 1)
		g, seen := 0.0, map[int32]bool{}
		for j := 0; j+1 < k && j+1 < len(s.ids); j++ {
			x, ok := c.conceptIDs[uint64(s.ids[j])<<32|uint64(s.ids[j+1])]
			if ok && !covered[x] && !seen[x] {
				seen[x] = true
				g += weight[x]
			}
		}
		return g * (1 + positionWeight*s.pos + centralityWeight*central[i]) * bf(i, chosen)
	}
	chosen = c.finish(chosen, opt, words, bytes,
		func(i int) float64 { return score(i, c.briefFactor) },
		func(i int) float64 { return score(i, c.briefFactorBound) })
	if len(chosen) > n {
		last := c.sents[chosen[n]]
		frac := 1.0
		if lw > 0 && words+last.words > lw {
			frac = float64(lw-words) / float64(last.words)
		} else if lb > 0 && bytes+last.bytes > lb {
			frac = float64(lb-bytes) / float64(last.bytes)
		}
		value += frac * gain(chosen[n])
	}
	return chosen, value
}

// Weights of the brief path (analysed stories only).
const (
	// supportWeight is the bonus of a sentence every article supports
	// over one only its own article states.
	supportWeight = 0.5
	// infoFloor is the factor of a sentence that names nobody, no date
	// and no figure; a fully informative one gets 1.
	infoFloor = 0.4
	// emptyFactor is the factor of a sentence that names no person,
	// body, place, date or figure at all ("It is a lesson politicians
	// never learn").
	emptyFactor = 0.15
	// sameEventFactor discounts a sentence about a happening the
	// summary already tells, so that distinct happenings come first.
	sameEventFactor = 0.5
	// newDayFactor favours a sentence placed on a day no chosen
	// sentence is placed on.
	newDayFactor = 1.5
	// backgroundFactor discounts a sentence about what happened before
	// the story's own days (an earlier visit, last year's figures).
	backgroundFactor = 0.6
)

// briefFactor is what a sentence's gain is multiplied by in an analysed
// story: more for sentences several articles support and for informative
// ones, less for one about a happening already chosen. It is 1 for plain
// documents.
//
// It favours a sentence about a day the summary has not told yet, and
// disfavours background: a happening dated well before the first article.
func (c *pool) briefFactor(i int, chosen []int) float64 {
	if c.ev == nil {
		return 1
	}
	n := 0 // a sentence that may not enter has no support counted
	if c.sents[i].ok {
		n = len(c.sources(i))
	}
	return c.briefFactorWith(i, chosen, n)
}

// briefFactorBound is at least briefFactor(i, chosen) without finding
// sentence i's sources: it counts every article as supporting it. The
// greedy search skips a sentence whose bound cannot beat the best found,
// so that only the sentences in the running are compared with the pool.
func (c *pool) briefFactorBound(i int, chosen []int) float64 {
	if c.ev == nil {
		return 1
	}
	return c.briefFactorWith(i, chosen, len(c.docs))
}

// briefFactorWith is briefFactor with the number of articles supporting
// sentence i given. It grows with that number, so briefFactorBound is a
// bound in floating point too: each step multiplies or divides by the
// same positive values.
func (c *pool) briefFactorWith(i int, chosen []int, support int) float64 {
	info := infoFloor + (1-infoFloor)*c.ev[i].info
	if c.ev[i].info == 0 {
		info = emptyFactor // names nobody and nothing: a teaser or a generality
	}
	f := info *
		(1 + supportWeight*float64(support-1)/float64(max(len(c.docs)-1, 1)))
	newDay := true
	for _, j := range chosen {
		if c.nearHappening(i, j) {
			f *= sameEventFactor
			break
		}
	}
	for _, j := range chosen {
		if c.ev[j].date.Equal(c.ev[i].date) {
			newDay = false
			break
		}
	}
	switch d := c.ev[i].date; {
	case !d.IsZero() && !c.recent(d):
		f *= backgroundFactor
	case newDay && len(chosen) > 0 && (len(c.ev[i].spans) > 0 || c.ev[i].hasImplied):
		f *= newDayFactor
	}
	return f
}

// recentDays is how long before its first article a happening counts as
// part of the story rather than background.
const recentDays = 7

// recent reports whether t falls in the story's own days: from recentDays
// before its first dated article on.
func (c *pool) recent(t time.Time) bool {
	if !c.firstKnown {
		for _, d := range c.docs {
			if !d.Date.IsZero() && (c.first.IsZero() || d.Date.Before(c.first)) {
				c.first = d.Date
			}
		}
		c.firstKnown = true
	}
	first := c.first
	return !t.IsZero() && (first.IsZero() || !t.Before(dayOf(first).AddDate(0, 0, -recentDays)))
}

// swapGain is how much better (informativeness times support) another
// report of the same happening must be to replace a chosen sentence, and
// swapRoom how far past the budget the swap may take the summary.
const (
	swapGain = 1.2
	swapRoom = 1.15
)

// clearest replaces each chosen sentence by the clearest report of the
// same happening: the one naming more people, bodies, dates and figures,
// and supported by more articles, when it is clearly better and the
// summary stays within swapRoom times the budget.
func (c *pool) clearest(chosen []int, opt Options, words, bytes int) ([]int, int, int) {
	lw, lb := opt.budget()
	value := func(i int) float64 {
		return (infoFloor + (1-infoFloor)*c.ev[i].info) *
			(1 + supportWeight*float64(len(c.sources(i))-1)/float64(max(len(c.docs)-1, 1)))
	}
	in := make([]bool, len(c.sents))
	for _, i := range chosen {
		in[i] = true
	}
	for k, i := range chosen {
		if i+1 < len(c.sents) && in[i+1] && c.sents[i+1].dangling {
			continue // the next sentence leans on it
		}
		best, bestV := -1, swapGain*value(i)
		for j, t := range c.sents {
			if in[j] || !t.ok || t.dangling || definite(t.text) || !c.closeHappening(i, j) {
				continue
			}
			w, b := words-c.sents[i].words+t.words, bytes-c.sents[i].bytes+t.bytes
			if lw > 0 && float64(w) > swapRoom*float64(lw) || lb > 0 && float64(b) > swapRoom*float64(lb) {
				continue
			}
			others := make([]int, 0, len(chosen)-1)
			for _, o := range chosen {
				if o != i {
					others = append(others, o)
				}
			}
			if c.redundant(t, others) {
				continue
			}
			if v := value(j); v > bestV {
				best, bestV = j, v
			}
		}
		if best >= 0 {
			words += c.sents[best].words - c.sents[i].words
			bytes += c.sents[best].bytes - c.sents[i].bytes
			in[i], in[best] = false, true
			chosen[k] = best
		}
	}
	return chosen, words, bytes
}

// definite reports whether text opens on "The" and a common noun ("The
// latest criticism comes…"), which often points back at what came
// before: such a sentence replaces no other.
func definite(text string) bool {
	// strings.Fields read in place: the first field is "The", and the
	// second opens on a lower-case letter.
	rest, ok := strings.CutPrefix(strings.TrimLeftFunc(text, unicode.IsSpace), "The")
	if !ok {
		return false
	}
	if r, n := utf8.DecodeRuneInString(rest); n == 0 || !unicode.IsSpace(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, unicode.IsSpace))
	return unicode.IsLower(r)
}
