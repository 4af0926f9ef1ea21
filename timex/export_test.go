package timex

import "github.com/storyline-news/storyline/news"

// TenseWhole is Tense reading the whole sentence's words, as it did
// before it read only the words near the span: the oracle of the tests
// and the baseline of the benchmarks.
func TenseWhole(d *news.Doc, sp news.Span) int {
	si := d.SentenceAt(sp.Start)
	if si < 0 {
		return 0
	}
	sent := d.Sentences[si]
	if sent.FirstToken < 0 || sent.EndToken > len(d.Tokens) || sent.FirstToken >= sent.EndToken || sent.End > len(d.Text) {
		return 0
	}
	return tenseWhole(d, sent, sp)
}

// NamesEventWhole is NamesEvent reading the whole sentence's words (see
// TenseWhole).
func NamesEventWhole(d *news.Doc, x news.Timex) bool {
	if x.Sentence < 0 || x.Sentence >= len(d.Sentences) || x.Type != tDate {
		return false
	}
	sent := d.Sentences[x.Sentence]
	if sent.FirstToken < 0 || sent.EndToken > len(d.Tokens) || sent.FirstToken >= sent.EndToken || sent.End > len(d.Text) {
		return false
	}
	return namesEventWhole(d, sent, x)
}
