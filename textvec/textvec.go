// Package textvec turns text into vectors: the one home of storyline's
// word handling for similarity. It holds
//
//   - word splitting: Words splits text as ROUGE does (runs of ASCII
//     letters and digits), Fold lowercases a token and folds accents;
//   - the stopword test (IsStopword, over lexicon's list), used by the
//     summarizer, the timeline and the clusterer alike;
//   - Porter stems with a bounded, concurrency-safe cache (Stem,
//     StemWord), and WordMemo, the one process-wide memo of a pure
//     function of a word, for a package with its own word key;
//   - a Vocab interning terms as dense integer ids, so that hot loops
//     compare and hash integers, not strings;
//   - sparse vectors (Vector) with dot product and cosine;
//   - a document-frequency table (DF) that grows online as documents
//     arrive, and TF-IDF weighting over it;
//   - MinHash signatures over word shingles and an LSH index with
//     banding (LSH) for near-duplicate detection.
//
// A Vocab, a DF and an LSH are not safe for concurrent use; Stem,
// IsStopword, Words and Fold are.
package textvec

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/internal/porter"
)

// Vocab interns terms: each distinct string gets a dense id from 0 in
// order of first sight, so ids are deterministic for a given input order.
type Vocab struct {
	ids   map[string]uint32
	terms []string
}

// NewVocab returns an empty vocabulary.
func NewVocab() *Vocab { return &Vocab{ids: map[string]uint32{}} }

// ID returns the id of term, adding it when new.
func (v *Vocab) ID(term string) uint32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := uint32(len(v.terms))
	term = strings.Clone(term)
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

// Lookup returns the id of term and whether it is known, without adding it.
func (v *Vocab) Lookup(term string) (uint32, bool) {
	id, ok := v.ids[term]
	return id, ok
}

// Term returns the string of id.
func (v *Vocab) Term(id uint32) string { return v.terms[id] }

// Len returns the number of terms.
func (v *Vocab) Len() int { return len(v.terms) }

// stems memoises porter stems, wordStems StemWord, each up to a quarter
// million words.
var (
	stems     = NewWordMemo(stemCacheMax, porter.Stem)
	wordStems = NewWordMemo(stemCacheMax, stemWord)
)

const stemCacheMax = 1 << 18

// Stem returns the Porter stem of a lowercase word. Results are cached
// (up to a quarter million words); it is safe for concurrent use.
func Stem(w string) string { return stems.Get(w) }

// StemWord returns a word as ROUGE counts it with stemming: lowercased,
// and Porter-stemmed when longer than three letters. Results are cached
// by the word as written (up to a quarter million words), so a repeated
// word costs one lookup and no allocation; it is safe for concurrent
// use.
func StemWord(w string) string { return wordStems.Get(w) }

func stemWord(w string) string {
	t := strings.ToLower(w)
	if len(t) > 3 {
		t = Stem(t)
	}
	return t
}

// Words calls fn with the start and end byte offsets of each run of
// ASCII letters and digits in s: ROUGE's tokenisation. It allocates
// nothing.
func Words(s string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(s); i++ {
		if ascii.IsAlnum(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// Fold returns a token lowercased with its Latin accents removed
// ("Café" → "cafe") and its apostrophes and hyphens kept; a token with
// no letter or digit gives "". ASCII input allocates only when it has an
// uppercase letter.
func Fold(tok string) string {
	ascii, upper, alnum := true, false, false
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case 'A' <= c && c <= 'Z':
			upper, alnum = true, true
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			alnum = true
		}
	}
	if ascii {
		if !alnum {
			return ""
		}
		if !upper {
			return tok
		}
		return strings.ToLower(tok)
	}
	var b strings.Builder
	any := false
	for _, r := range tok {
		r = foldRune(unicode.ToLower(r))
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			any = true
		}
		if r == '’' {
			r = '\''
		}
		b.WriteRune(r)
	}
	if !any {
		return ""
	}
	return b.String()
}

// foldRune maps a lowercase Latin letter with a diacritic to its base
// letter.
func foldRune(r rune) rune {
	if r < 0xc0 || r > 0x17f {
		return r
	}
	if f, ok := foldMap[r]; ok {
		return f
	}
	return r
}

var foldMap = func() map[rune]rune {
	m := map[rune]rune{}
	i := 0
	for _, r := range foldFrom {
		m[r] = rune(foldTo[i])
		i++
	}
	return m
}()

const (
	foldFrom = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž"
	foldTo   = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz"
)

// CountFields returns len(strings.Fields(s)) without building the
// fields.
func CountFields(s string) int { return countFields(s, -1) }

// HasFields reports whether s has at least n white-space separated
// words (CountFields(s) >= n), reading s only as far as its n-th.
func HasFields(s string, n int) bool { return n <= 0 || countFields(s, n) >= n }

// countFields is CountFields, stopping at the stop-th word (none when
// stop < 0).
func countFields(s string, stop int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = ascii.IsSpace(c)
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += w
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
			if n == stop {
				return n
			}
		}
	}
	return n
}
