package entity

import (
	"sync"

	"github.com/storyline-news/storyline/news"
)

// tok is a token with its text, as the tagger reads the Doc's tokens
// (which hold only their spans).
type tok struct {
	news.Span
	Text string
}

// tokBufs keeps the tok slices of Apply from Doc to Doc.
var tokBufs = sync.Pool{New: func() any { return new([]tok) }}

// tokensOf returns d's tokens with their texts, in a buffer from tokBufs
// that putTokens gives back.
func tokensOf(d *news.Doc) *[]tok {
	buf := tokBufs.Get().(*[]tok)
	out := (*buf)[:0]
	for _, t := range d.Tokens {
		out = append(out, tok{Span: t.Span, Text: t.In(d.Text)})
	}
	*buf = out
	return buf
}

// putTokens gives a buffer of tokensOf back, without the Doc's text.
func putTokens(buf *[]tok) {
	clear(*buf)
	*buf = (*buf)[:0]
	tokBufs.Put(buf)
}

// modelWords holds the words Apply gives the tagger, kept from Doc to
// Doc in wordBufs.
type modelWords struct {
	words []string
	sents [][]string
}

// wordBufs keeps the modelWords of Apply from Doc to Doc.
var wordBufs = sync.Pool{New: func() any { return new(modelWords) }}

// put gives mw back to wordBufs, without the Doc's text.
func (mw *modelWords) put() {
	clear(mw.words)
	clear(mw.sents)
	mw.words, mw.sents = mw.words[:0], mw.sents[:0]
	wordBufs.Put(mw)
}
