package brief

import (
	"math"
	"slices"
	"unicode"

	"github.com/storyline-news/storyline/textvec"
)

// How a line finds the sentences that may state it without reading every
// sentence of the story that shares a word with it.
//
// A sentence adds to a line's sources only when it holds at least
// `least` of the line's content words and a share `frac` of their weight
// (share). Both bounds prune exactly (prefix filtering): a sentence
// holding least of n words holds one of any n-least+1 of them, so only
// the postings of the n-least+1 rarest words are read; and a sentence
// holding none of the line's heaviest words, those whose weight the
// rest cannot reach frac of, cannot reach frac. The cheaper of the two
// word sets is read, and every sentence found is still checked in full
// (holds, share), so the lines cite what the scan of every sentence
// sharing two words cited.
//
// A line copied from sentences holds each word that lies wholly inside
// it, so a sentence holding the line's text is among those holding the
// line's rarest inner content word.

// shareSlack keeps float rounding from pruning a sentence that share,
// summing in another order, puts just at the threshold.
const shareSlack = 1e-9

// weightOf is the weight share gives a word of line l.
func (c *lineCiter) weightOf(l citeSent, w string) float64 {
	idf, ok := c.idf[w]
	if !ok {
		idf = c.unseenIDF()
	}
	return l.words[w] * idf
}

// unseenIDF is the idf share gives a word no sentence of the story holds.
func (c *lineCiter) unseenIDF() float64 {
	return math.Log(float64(len(c.docs))+1) + citeIDFFloor
}

// stating lists, in sentence order, a superset of the sentences that
// hold at least least of l's content words and a share frac of their
// weight: every sentence for which share(l, ·) may reach frac.
func (c *lineCiter) stating(l citeSent, frac float64, least int) []int32 {
	n := len(l.order)
	if n == 0 || least > n {
		return nil // share is 0 for a line of no words
	}
	least = max(least, 1)
	// by count: the n-least+1 words of the shortest postings
	byLen := slices.Clone(l.order)
	slices.SortStableFunc(byLen, func(a, b string) int { return len(c.posting[a]) - len(c.posting[b]) })
	countSet := byLen[:n-least+1]
	countCost := 0
	for _, w := range countSet {
		countCost += len(c.posting[w])
	}
	// by weight: the heaviest words until the rest weigh less than frac
	// of the line
	byWeight := slices.Clone(l.order)
	weight := make(map[string]float64, n)
	all := 0.0
	for _, w := range byWeight {
		weight[w] = c.weightOf(l, w)
		all += weight[w]
	}
	slices.SortStableFunc(byWeight, func(a, b string) int {
		switch {
		case weight[a] > weight[b]:
			return -1
		case weight[a] < weight[b]:
			return 1
		}
		return len(c.posting[a]) - len(c.posting[b])
	})
	rest := all
	k := 0
	for k < n && rest*(1+shareSlack) >= frac*all*(1-shareSlack) {
		rest -= weight[byWeight[k]]
		k++
	}
	if rest < 0 {
		rest = 0
	}
	weightSet := byWeight[:k]
	weightCost := 0
	for _, w := range weightSet {
		weightCost += len(c.posting[w])
	}
	set := countSet
	if weightCost < countCost {
		set = weightSet
	}
	return c.union(set)
}

// union lists, in order, the sentences holding one of the words.
func (c *lineCiter) union(ws []string) []int32 {
	if len(c.count) < len(c.refs) {
		c.count = make([]int32, len(c.refs))
	}
	var out []int32
	for _, w := range ws {
		for _, r := range c.posting[w] {
			if c.count[r] == 0 {
				c.count[r] = 1
				out = append(out, r)
			}
		}
	}
	for _, r := range out {
		c.count[r] = 0
	}
	slices.Sort(out)
	return out
}

// innerWord returns the content word (as citeSent.words keys it) of
// folded's inner letter runs that the fewest sentences hold, and false
// when no run inside folded is a content word. Every sentence whose
// text holds folded holds that word: a run of letters and hyphens
// inside folded is bounded by the same characters in the sentence.
func (c *lineCiter) innerWord(folded string) (string, bool) {
	best, found := "", false
	start := -1
	for i, r := range folded {
		if unicode.IsLetter(r) || r == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start > 0 {
			if w, ok := contentWord(folded[start:i]); ok && (!found || len(c.posting[w]) < len(c.posting[best])) {
				best, found = w, true
			}
		}
		start = -1
	}
	return best, found
}

// contentWord is the key contentBag and stemBag give one field, and
// false when contentBag drops it.
func contentWord(f string) (string, bool) {
	w, _, ok := contentField(f)
	if !ok {
		return "", false
	}
	return textvec.Stem(textvec.Fold(w)), true
}
