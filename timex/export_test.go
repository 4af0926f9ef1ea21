package timex

import "github.com/storyline-news/storyline/news"

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
