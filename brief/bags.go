package brief

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// Words read once per Build.
//
// The date judgements and the timeline each read the content
// words (contentBag) of the same sentences. A wordCache holds them for
// the docs of one Build: each doc's sentences are read together on the
// first use of any of them (the timeline reads every sentence of every
// doc), with each sentence's text tidied, and the words of the doc's
// whole text on first use. Nothing is changed after it is read, so a
// wordCache is safe for use by many goroutines; the bags it gives are
// shared, and a caller that adds to one copies it first.
//
// A nil wordCache, or a doc it does not hold, reads the words afresh:
// callers need not tell whether they were given one.
type wordCache struct {
	docs map[*news.Doc]*docWords
}

// docWords holds what a wordCache read of one doc.
type docWords struct {
	d    *news.Doc
	once sync.Once
	// sents holds the content words of each sentence, tidied its text
	// (see tidy).
	sents  []bag
	tidied []string
	// all holds the content words of the whole text.
	allOnce sync.Once
	all     bag
}

// newWordCache makes a wordCache for docs; nothing is read yet.
func newWordCache(docs []*news.Doc) *wordCache {
	c := &wordCache{docs: make(map[*news.Doc]*docWords, 2*len(docs))}
	for _, d := range docs {
		if _, ok := c.docs[d]; !ok {
			c.docs[d] = &docWords{d: d}
		}
	}
	return c
}

// alias lets cp, a copy of the doc of that holds its text and sentences,
// read what was read of of. It must be called before c is read by more
// than one goroutine; a cp that holds another text or other sentences
// is not aliased (it reads afresh).
func (c *wordCache) alias(cp, of *news.Doc) {
	if c == nil {
		return
	}
	w, ok := c.docs[of]
	if !ok || cp.Text != of.Text || !sameSentences(cp.Sentences, of.Sentences) {
		return
	}
	c.docs[cp] = w
}

// sameSentences reports whether a and b are the same slice.
func sameSentences(a, b []news.Sentence) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// of returns what c holds of d, or nil.
func (c *wordCache) of(d *news.Doc) *docWords {
	if c == nil {
		return nil
	}
	return c.docs[d]
}

// sentences returns the content words of each sentence of d, indexed by
// sentence (sentenceBag of each).
func (c *wordCache) sentences(d *news.Doc) []bag {
	if w := c.of(d); w != nil {
		w.read()
		return w.sents
	}
	bs := make([]bag, len(d.Sentences))
	for i := range bs {
		bs[i] = sentenceBag(d, i)
	}
	return bs
}

// sentence returns the content words of sentence i of d (sentenceBag).
func (c *wordCache) sentence(d *news.Doc, i int) bag {
	if w := c.of(d); w != nil && i >= 0 && i < len(d.Sentences) {
		w.read()
		return w.sents[i]
	}
	return sentenceBag(d, i)
}

// tidied returns the text of sentence i of d, its whitespace folded
// (tidy).
func (c *wordCache) tidied(d *news.Doc, i int) string {
	if w := c.of(d); w != nil && i >= 0 && i < len(d.Sentences) {
		w.read()
		return w.tidied[i]
	}
	return tidy(d.SentenceText(i))
}

// text returns the content words of d's whole text (contentBag of it).
func (c *wordCache) text(d *news.Doc) bag {
	if w := c.of(d); w != nil {
		w.allOnce.Do(w.readAll)
		return w.all
	}
	return contentBag(d.Text)
}

// read reads the words of every sentence, once.
func (w *docWords) read() {
	w.once.Do(func() {
		d := w.d
		w.sents = make([]bag, len(d.Sentences))
		w.tidied = make([]string, len(d.Sentences))
		for i := range d.Sentences {
			text := d.SentenceText(i)
			w.sents[i] = contentBag(text)
			w.tidied[i] = tidy(text)
		}
	})
}

// readAll reads the words of the whole text: the words of its sentences
// together when every run of letters of the text lies whole in one
// sentence (as contentBag reads runs of letters alone, the two are the
// same), else the text read afresh.
func (w *docWords) readAll() {
	d := w.d
	if !sentencesCoverWords(d) {
		w.all = contentBag(d.Text)
		return
	}
	w.read()
	n := 0
	for _, b := range w.sents {
		n += len(b)
	}
	all := make(bag, n/2)
	for _, b := range w.sents {
		all.add(b)
	}
	w.all = all
}

// sentencesCoverWords reports whether d's sentences are in order, do not
// overlap, and hold every run of the characters contentBag reads
// (letters and hyphens) of d's text whole: none lies outside them or
// crosses a sentence's edge.
func sentencesCoverWords(d *news.Doc) bool {
	at := 0 // the end of the sentence before
	for _, s := range d.Sentences {
		if s.Start < at || s.End < s.Start || s.End > len(d.Text) {
			return false
		}
		if !runeStart(d.Text, s.Start) || !runeStart(d.Text, s.End) || hasWordRune(d.Text[at:s.Start]) {
			return false
		}
		if s.Start > 0 && s.Start < len(d.Text) && wordRuneBefore(d.Text, s.Start) && wordRuneAt(d.Text, s.Start) {
			return false
		}
		if s.End > s.Start && s.End < len(d.Text) && wordRuneBefore(d.Text, s.End) && wordRuneAt(d.Text, s.End) {
			return false
		}
		at = s.End
	}
	return !hasWordRune(d.Text[at:])
}

// isWordRune reports whether contentBag reads r as part of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || r == '-' }

// runeStart reports whether i is the end of s or a rune starts there.
func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func hasWordRune(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}
