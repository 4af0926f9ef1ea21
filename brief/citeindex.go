package brief

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
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
// Exact but for one cut: past the first word read, no posting longer
// than citeCommonCap sentences is read to find sentences, nor to count
// the words of those found (each found sentence is looked up instead).
// In a large pile a common word's posting grows with the pile, and
// reading it for each line, whose number grows with the pile too, made
// citing grow with its square: on the piles of BenchmarkCiteLines the
// exact index reads 5.3 times as much at N=300 as at N=100 (387,824 to
// 2,058,130 entries), the pile growing 3.1 times (2,542 to 7,977
// sentences); with the cut, 3.0 times (219,795 to 654,247), and the
// model compares 2.3 times as many sentences (3,819 to 8,736), not 3.0.
// The cut changes nothing on the briefs set (with caps of 32 to 256)
// or in the seeds' brief.
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
// weight: every sentence for which share(l, ·) may reach frac, and
// for which keep (when not nil) holds.
//
// The line's words are read rarest first (shortest posting first),
// counting for each sentence met how many of them it holds and their
// weight. Once the words left are fewer than least, or weigh less than
// frac of the line, a sentence holding none of the words read cannot
// state the line, so no more postings are read; a sentence met keeps its
// place only if, holding every word left besides, it could reach both
// bounds.
func (c *lineCiter) stating(l citeSent, frac float64, least int, keep func(int32) bool) []int32 {
	n := len(l.order)
	if n == 0 || least > n {
		return nil // share is 0 for a line of no words
	}
	least = max(least, 1)
	lw := c.lineWeights(l)
	all := 0.0
	for _, v := range lw.weight {
		all += v
	}
	need := frac*all - shareSlack*all
	// Two orders bound the reading: rarest first, heaviest first; the
	// one that reads fewer postings before the bounds stop it is taken.
	st := &c.st
	rare := grow(st.rare, n)
	for k, w := range l.order {
		rare[k] = lineWord{w, len(c.posting[w]), lw.weight[k]}
	}
	slices.SortStableFunc(rare, func(a, b lineWord) int { return a.posts - b.posts })
	heavy := append(grow(st.heavy, n)[:0], rare...)
	slices.SortStableFunc(heavy, func(a, b lineWord) int { return cmp.Compare(b.weight, a.weight) })
	st.rare, st.heavy = rare, heavy
	ws, weight, rest, k := st.prefix(0, rare, need, least)
	if hw, hwt, hr, hk := st.prefix(1, heavy, need, least); postings(heavy[:hk]) < postings(rare[:k]) {
		ws, weight, rest, k = hw, hwt, hr, hk
	}
	// A word of a long posting is not read to find sentences once a
	// rarer one has been: a sentence sharing only such words with the
	// line is not offered.
	if c.commonCap > 0 {
		for j := 1; j < k; j++ {
			if len(c.posting[ws[j]]) > c.commonCap {
				k = j
				break
			}
		}
	}
	if len(c.cnt) < len(c.refs) {
		c.cnt = make([]int32, len(c.refs))
		c.acc = make([]float64, len(c.refs))
	}
	met := st.met[:0]
	for j := 0; j < k; j++ {
		c.reads += len(c.posting[ws[j]])
		for _, r := range c.posting[ws[j]] {
			if c.cnt[r] == 0 {
				met = append(met, r)
			}
			c.cnt[r]++
			c.acc[r] += weight[j]
		}
	}
	live := met[:0]
	for _, r := range met {
		if int(c.cnt[r])+n-k >= least && c.acc[r]+rest[k] >= need && (keep == nil || keep(r)) {
			live = append(live, r)
		} else {
			c.cnt[r], c.acc[r] = 0, 0
		}
	}
	// The words left are counted for the sentences met alone: from the
	// word's posting when that is short, else from each sentence's words.
	for ; k < n && len(live) > 0; k++ {
		if p := c.posting[ws[k]]; len(p) <= postingScan*len(live) && (c.commonCap == 0 || len(p) <= c.commonCap) {
			c.reads += len(p)
			for _, r := range p {
				if c.cnt[r] > 0 {
					c.cnt[r]++
					c.acc[r] += weight[k]
				}
			}
			continue
		}
		c.reads += len(live)
		for _, r := range live {
			if _, cs := c.ref(r); cs.words[ws[k]] > 0 {
				c.cnt[r]++
				c.acc[r] += weight[k]
			}
		}
	}
	out := live[:0]
	for _, r := range live {
		if int(c.cnt[r]) >= least && c.acc[r] >= need {
			out = append(out, r)
		}
		c.cnt[r], c.acc[r] = 0, 0
	}
	slices.Sort(out)
	st.met = met[:0]
	return slices.Clone(out) // the caller's own: met is reused
}

// onDay returns, for a timeline line of days on (nil for another line),
// whether a sentence may add a source to it by its date: it names a day
// of on or within citeDateSlack of it (a day a sentence names is known
// to a day, as its article's date is: "on Sunday" where it happened is
// Monday where it was written, and "on Sunday night" runs into Monday),
// or it names none and its article came out within citeSoon of on (only
// for a line not planned, whose notBefore is set). Without the slack,
// eval briefs gave 94.02/58.61.
func (c *lineCiter) onDay(notBefore time.Time, on [2]time.Time) func(int32) bool {
	if on[0].IsZero() {
		return nil
	}
	near := [2]time.Time{on[0].Add(-citeDateSlack), on[1].Add(citeDateSlack)}
	return func(r int32) bool {
		spans := c.spans[c.spanAt[r]:c.spanAt[r+1]]
		if during(spans, near) {
			return true
		}
		return c.dateAllows(spans, c.docs[c.refs[r].doc], notBefore, on)
	}
}

// dateAllows reports whether a sentence of spans in doc d may state a
// timeline line of days on (always, for a line without days): it names
// a day of on, or it names none and its article came out after the
// line's day, within citeSoon (for a line not planned, whose notBefore
// is set).
func (c *lineCiter) dateAllows(spans [][2]time.Time, d *news.Doc, notBefore time.Time, on [2]time.Time) bool {
	if on[0].IsZero() || during(spans, on) {
		return true
	}
	if len(spans) > 0 || d.Date.IsZero() {
		return false
	}
	if notBefore.IsZero() {
		return false // a plan is told by sentences that date it
	}
	return !d.Date.Before(on[0].Add(-citeDateSlack)) && d.Date.Sub(on[1]) <= citeSoon
}

// lineWord is a word of a line with the length of its posting and its
// weight (weightOf), found once a line for stating to order them.
type lineWord struct {
	w      string
	posts  int
	weight float64
}

// prefix returns the words of ws and their weights, the weight of each
// suffix (rest[k] the weight of ws[k:]), and how many of them, read
// first, leave too few words or too little weight for a sentence
// holding none of them to reach least words and need.
// It fills slot i of st's slices.
func (st *statingScratch) prefix(i int, ws []lineWord, need float64, least int) ([]string, []float64, []float64, int) {
	n := len(ws)
	words := grow(st.words[i], n)
	weight := grow(st.weight[i], n)
	for k, w := range ws {
		words[k], weight[k] = w.w, w.weight
	}
	rest := grow(st.rest[i], n+1)
	rest[n] = 0
	st.words[i], st.weight[i], st.rest[i] = words, weight, rest
	for k := n - 1; k >= 0; k-- {
		rest[k] = rest[k+1] + weight[k]
	}
	k := 0
	for k < n && n-k >= least && rest[k] >= need {
		k++
	}
	return words, weight, rest, k
}

// postings counts the sentences the words' postings list.
func postings(ws []lineWord) int {
	n := 0
	for _, w := range ws {
		n += w.posts
	}
	return n
}

// postingScan is how many times longer than the sentences met a posting
// may be for stating to read it rather than look the word up in each
// sentence.
const postingScan = 16

// innerWord returns the content word (as citeSent.words keys it) of
// folded's inner letter runs that the fewest sentences hold, and false
// when no run inside folded is a content word. Every sentence whose
// text holds folded holds that word: a run of letters and hyphens
// inside folded is bounded by the same characters in the sentence.
// words are the content words of folded's text (all its runs): those
// but the words of its first and last runs come from inner runs.
func (c *lineCiter) innerWord(folded string, words bag) (string, bool) {
	notRun := func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }
	var edges []string
	switch i := strings.IndexFunc(folded, notRun); {
	case i < 0:
		edges = append(edges, folded) // one run
	case i > 0:
		edges = append(edges, folded[:i])
	}
	if j := strings.LastIndexFunc(folded, notRun); j >= 0 {
		_, size := utf8.DecodeRuneInString(folded[j:])
		if j+size < len(folded) {
			edges = append(edges, folded[j+size:])
		}
	}
	var edge []string
	for _, f := range edges {
		if w, ok := c.contentWord(f); ok {
			edge = append(edge, w)
		}
	}
	best, found := "", false
	for w := range words {
		if slices.Contains(edge, w) {
			continue
		}
		if !found || len(c.posting[w]) < len(c.posting[best]) || len(c.posting[w]) == len(c.posting[best]) && w < best {
			best, found = w, true
		}
	}
	return best, found
}

// contentWord is the key contentBag and stemBag give one field, and
// false when contentBag drops it.
func (c *lineCiter) contentWord(f string) (string, bool) {
	w := citeWords.Get(f)
	if v, ok := c.names[w]; ok {
		w = v
	}
	return w, w != citeDropped
}

// reread is sentence, read once for the texts the story's sentences
// have. What it returns shares its maps with the story's sentence: the
// caller must not change them.
func (c *lineCiter) reread(text string) citeSent {
	if cs, ok := c.read[text]; ok {
		return cs
	}
	return c.sentence(text)
}

// citeCommonCap is the longest posting stating reads, beyond the
// first word's: a word held by more sentences than that ("said",
// "people" in a pile of many stories) names no event, and reading its
// posting for every line would make citing grow with the square of the
// pile. It is each lineCiter's commonCap, which 0 turns off (the exact
// index, for the tests and CiteExamples).
const citeCommonCap = 64

// statingScratch holds the slices stating reuses from call to call: its
// two orders of the line's words, prefix's words, weights and suffix
// weights of each (slot 0 rarest first, 1 heaviest first), and the
// sentences met.
type statingScratch struct {
	rare, heavy []lineWord
	words       [2][]string
	weight      [2][]float64
	rest        [2][]float64
	met         []int32
}

// grow returns s resized to n, reusing its array when it holds n.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
