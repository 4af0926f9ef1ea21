package timex

import (
	"sort"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// Reading a few words of a sentence.
//
// Tense and NamesEvent look at a handful of words around a span, but the
// scanner's words are made for whole sentences. They split only the
// tokens near the span, into a buffer the caller keeps on its stack, and
// lower-case only the text of those tokens: the words they read are the
// same as the whole sentence's (splitting a token does not depend on its
// neighbours but for the glued flag of its first word, which they never
// read at the window's edge).

// tenseReach is how many words either side of an expression the tense
// rules read: tenseFrom reads ten words either way and cue two more
// around each (TestWindowMatchesSentence fails with 11).
const tenseReach = 12

// eventReach is how many words NamesEvent reads before the word after an
// expression (the test fails with 1).
const eventReach = 2

// wordsAround splits into buf[:0] the words of sentence sent of d that
// lie near the byte offsets from and to: i is the first word starting at
// or after from (or j, if that comes first) and j the first starting at
// or after to, and the words run at least reach words before i and reach
// words after j, or to the sentence's ends, so that indices within reach
// of i and j read what they would in the sentence's words (an index < 0
// or past the end means the same, too). ok is false when the sentence's
// tokens are not in order; the caller then splits the whole sentence.
func wordsAround(buf []word, d *news.Doc, sent news.Sentence, from, to, reach int) (ws []word, i, j int, ok bool) {
	toks := d.Tokens[sent.FirstToken:sent.EndToken]
	for k, t := range toks {
		if t.Start > t.End || k > 0 && t.Start < toks[k-1].End {
			return buf[:0], 0, 0, false
		}
	}
	n := len(toks)
	// Tokens wholly before from hold no word starting at or after it,
	// tokens starting at or after to none before it.
	a := sort.Search(n, func(k int) bool { return toks[k].End > min(from, to) })
	b := sort.Search(n, func(k int) bool { return toks[k].Start >= max(from, to) })
	back, ahead := reach, reach+1
	for {
		lo, hi := max(0, a-back), min(n, b+ahead)
		ws, i, j = splitWindow(buf[:0], d.Text, sent, toks[lo:hi], from, to)
		okLo := lo == 0 || i >= reach
		okHi := hi == n || len(ws)-j > reach
		if okLo && okHi {
			return ws, i, j, true
		}
		if !okLo {
			back *= 2
		}
		if !okHi {
			ahead *= 2
		}
	}
}

// splitWindow splits the tokens toks of sentence sent, as splitWords does
// the sentence's, and finds i and j (see wordsAround).
func splitWindow(ws []word, text string, sent news.Sentence, toks []news.Token, from, to int) ([]word, int, int) {
	if len(toks) == 0 {
		return ws, 0, 0
	}
	// The text the tokens span, within the sentence: splitWords skips a
	// token that starts before the sentence or ends after it (or after
	// the text).
	base, end := toks[0].Start, toks[len(toks)-1].End
	for _, t := range toks {
		base, end = min(base, t.Start), max(end, t.End)
	}
	base, end = max(base, sent.Start), min(end, sent.End, len(text))
	if base > end {
		base = end
	}
	ws = splitWords(ws, text, token.LowerASCII(text[base:end]), base, toks)
	i, j := len(ws), len(ws)
	for k, w := range ws {
		if w.start >= from && i == len(ws) {
			i = k
		}
		if w.start >= to {
			j = k
			break
		}
	}
	if i > j {
		i = j
	}
	return ws, i, j
}
