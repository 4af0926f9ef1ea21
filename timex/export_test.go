package timex

import (
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// TenseWhole is Tense reading the whole sentence's words, as it did
// before it read only the words near the span: the oracle of the tests
// and the baseline of the benchmarks.
func TenseWhole(d *news.Doc, sp news.Span) int {
	sent, ok := wordedSentence(d, d.SentenceAt(sp.Start))
	if !ok {
		return 0
	}
	return tenseWhole(d, sent, sp)
}

// NamesEventWhole is NamesEvent reading the whole sentence's words (see
// TenseWhole).
func NamesEventWhole(d *news.Doc, x news.Timex) bool {
	sent, ok := wordedSentence(d, x.Sentence)
	if !ok || x.Type != tDate {
		return false
	}
	return namesEventWhole(d, sent, x)
}

// MissedStarts returns the words of d at which Find does not try its
// rules (mayStart is false) but match would find an expression: none, when
// startWords holds every first word the rules read. It needs d.Sentences
// and d.Tokens.
func MissedStarts(d *news.Doc, anchor time.Time) []string {
	var out []string
	st := starters()
	lo := token.LowerASCII(d.Text)
	for _, sent := range d.Sentences {
		if sent.FirstToken < 0 || sent.EndToken > len(d.Tokens) || sent.FirstToken >= sent.EndToken {
			continue
		}
		s := scanner{anchor: day(anchor), has: true, dayEnd: -1, tryAll: true}
		s.ws = splitWords(nil, d.Text, lo, 0, d.Tokens[sent.FirstToken:sent.EndToken])
		for i := range s.ws {
			if mayStart(&s.ws[i], st) {
				continue
			}
			if c, ok := s.match(i); ok {
				out = append(out, d.Text[s.ws[i].start:s.ws[max(i, c.end-1)].end])
			}
		}
	}
	return out
}
