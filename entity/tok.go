package entity

import (
	"strings"
	"sync"

	"github.com/storyline-news/storyline/news"
)

// tok is a token with its text, as the tagger reads the Doc's tokens
// (which hold only their spans).
type tok struct {
	news.Span
	Text string
	// low and cls are the word as lowerWord gives it and its classes as
	// a title's word, worked out once (classOf) when first asked
	low string
	cls tokClass
}

// tokClass holds what a token's word is among the words of titles, as
// the lookups of titles.go say of lowerWord(word).
type tokClass uint16

const (
	clsKnown tokClass = 1 << iota // low and the classes below are set
	clsRole                       // isRoleLow
	clsRank                       // a word of rankWords
	clsTitle                      // isTitleLow
	clsHon                        // an honorific
	clsHead                       // hasHead of the word alone
	clsConn                       // a connector
	clsLead                       // a leadStop word
)

// classOf returns the classes of toks[k], working them out the first
// time.
func (t *Tagger) classOf(toks []tok, k int) tokClass {
	tk := &toks[k]
	if tk.cls&clsKnown == 0 {
		tk.low = lowerWord(tk.Text)
		tk.cls = t.classify(tk.low)
	}
	return tk.cls
}

// lowOf returns lowerWord(toks[k].Text), worked out once.
func (t *Tagger) lowOf(toks []tok, k int) string {
	t.classOf(toks, k)
	return toks[k].low
}

// classify returns the classes of a word given as lowerWord gives it:
// a word without a hyphen from t.classes, a lookup of the words in
// titles.go's tables, and any other word from those tables.
func (t *Tagger) classify(l string) tokClass {
	if t.classes != nil && strings.IndexByte(l, '-') < 0 {
		return t.classes[l] | clsKnown
	}
	return t.classifySlow(l)
}

// wordClasses maps every word of the tables classify reads to its
// classes; a word without a hyphen that none holds has none.
func (t *Tagger) wordClasses() map[string]tokClass {
	m := map[string]tokClass{}
	add := func(w string) {
		if _, ok := m[w]; !ok {
			m[w] = t.classifySlow(w)
		}
	}
	for _, words := range []map[string]bool{roleHeads, roleWords, t.titles, honorifics(), connectors, leadStop} {
		for w := range words {
			add(w)
		}
	}
	for w := range rankWords() {
		add(w)
	}
	return m
}

// classifySlow is classify, from the tables.
func (t *Tagger) classifySlow(l string) tokClass {
	c := clsKnown
	if t.isRoleLow(l) {
		c |= clsRole
	}
	if rankWords()[l] != "" {
		c |= clsRank
	}
	if t.isTitleLow(l) {
		c |= clsTitle
	}
	if honorifics()[l] {
		c |= clsHon
	}
	if headLow(l) {
		c |= clsHead
	}
	if connectors[l] {
		c |= clsConn
	}
	if leadStop[l] {
		c |= clsLead
	}
	return c
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
