package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
)

// word is one piece of a token: a run of letters, a run of digits, or a
// single other character. Splitting tokens this fine makes the tagger
// independent of how the tokenizer treats "Sept.", "mid-August", "9/25/2017"
// or "5:30".
type word struct {
	lo    string // lower-cased text (ASCII folding only)
	start int    // byte offsets into the doc's text
	end   int
	kind  byte  // 'a' letters, 'd' digits, 'p' anything else
	glued bool  // no space between the previous word and this one
	upper bool  // starts with an upper-case letter in the original text
	may   bool  // an expression may start here (see mayStart)
	cls   uint8 // a word of letters' classes in the starters (sStart, sApprox)
	num   int   // value of a digit run (capped), -1 otherwise
}

// The classes of ASCII bytes splitWords tells apart.
const (
	bOther byte = iota // a mark: a word of its own
	bSpace             // white space between words
	bDigit             // 0-9
	bUpper             // A-Z
	bLower             // a-z
	bHigh              // the first or a later byte of a multi-byte rune
)

// byteClass gives each byte its class.
var byteClass = func() (t [256]byte) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t[c] = bSpace
		case c >= '0' && c <= '9':
			t[c] = bDigit
		case c >= 'A' && c <= 'Z':
			t[c] = bUpper
		case c >= 'a' && c <= 'z':
			t[c] = bLower
		case c >= utf8.RuneSelf:
			t[c] = bHigh
		}
	}
	return t
}()

// isLetterClass reports whether a byte of class b is an ASCII letter.
func isLetterClass(b byte) bool { return b-bUpper <= bLower-bUpper }

// splitWords appends the words of the tokens toks to ws. text is the doc's
// text and lo the lower-cased copy of text[base:]. Each word is marked
// with mayStart, so that Find reads a flag.
func splitWords(ws []word, text, lo string, base int, toks []news.Token) []word {
	st := starters()
	prevEnd := -1
	for _, t := range toks {
		if t.Start < base || t.End > len(text) || t.Start >= t.End || t.End-base > len(lo) {
			continue
		}
		// Most tokens are one word of ASCII letters: they are written
		// here, the others split by splitToken.
		tok := text[t.Start:t.End]
		if asciiLetters(tok) < len(tok) {
			ws, prevEnd = splitToken(ws, st, text, lo, base, t, prevEnd)
			continue
		}
		ws = grow(ws)
		w := &ws[len(ws)-1]
		w.lo = lo[t.Start-base : t.End-base]
		w.start, w.end, w.num = t.Start, t.End, -1
		w.kind, w.glued, w.upper = 'a', prevEnd == t.Start, byteClass[tok[0]] == bUpper
		w.cls = st.get(w.lo)
		w.may = w.cls != 0
		prevEnd = t.End
	}
	return ws
}

// asciiLetters returns the length of the run of ASCII letters s starts
// with. It is not inlined: splitWords' loop, with its many live values,
// keeps the index of an inlined loop on the stack.
//
//go:noinline
func asciiLetters(s string) int {
	for i := 0; i < len(s); i++ {
		if !isLetterClass(byteClass[s[i]]) {
			return i
		}
	}
	return len(s)
}

// grow returns ws one word longer. The word is then written in place: a
// word built aside and appended is copied with a bulk write barrier while
// the collector marks.
func grow(ws []word) []word {
	if n := len(ws); n < cap(ws) {
		return ws[:n+1]
	}
	return append(ws, word{})
}

// splitToken appends the words of token t to ws, for splitWords, given
// the end of the word before it (-1 after a space) and returns the end of
// its last.
func splitToken(ws []word, st *wordIndex, text, lo string, base int, t news.Token, prevEnd int) ([]word, int) {
	i := t.Start
	first := true
	for i < t.End {
		c := text[i]
		start := i
		kind, upper, may, num := byte('p'), false, false, -1
		switch cl := byteClass[c]; cl {
		case bSpace:
			i++
			first = true
			prevEnd = -1
			continue
		case bDigit:
			kind, may = 'd', true
			n := int(c - '0')
			i++
			for i < t.End && byteClass[text[i]] == bDigit {
				if i < start+9 {
					n = n*10 + int(text[i]-'0')
				}
				i++
			}
			num = n
		case bUpper, bLower:
			kind, upper = 'a', cl == bUpper
			i++
			for i < t.End && isLetterClass(byteClass[text[i]]) {
				i++
			}
			if i < t.End && text[i] >= utf8.RuneSelf {
				i = letterRun(text, i, t.End)
			}
		case bOther:
			may = c == '\''
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				kind, upper = 'a', unicode.IsUpper(r)
				i = letterRun(text, i, t.End)
			} else {
				i += max(n, 1)
			}
		}
		wlo := lo[start-base : i-base]
		var cls uint8
		if kind == 'a' {
			cls = st.get(wlo)
			may = cls != 0
		}
		ws = grow(ws)
		w := &ws[len(ws)-1]
		w.lo, w.start, w.end, w.num = wlo, start, i, num
		w.kind, w.glued, w.upper, w.may, w.cls = kind, !first || prevEnd == start, upper, may, cls
		first = false
		prevEnd = i
	}
	return ws, prevEnd
}

// letterRun returns the end of the run of letters starting at i.
func letterRun(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !ascii.IsLetter(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}
