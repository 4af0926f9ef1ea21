package timex

import (
	"unicode"
	"unicode/utf8"

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
	kind  byte // 'a' letters, 'd' digits, 'p' anything else
	glued bool // no space between the previous word and this one
	upper bool // starts with an upper-case letter in the original text
	num   int  // value of a digit run (capped), -1 otherwise
}

// splitWords appends the words of the tokens toks to ws. text is the doc's
// text and lo the lower-cased copy of text[base:].
func splitWords(ws []word, text, lo string, base int, toks []news.Token) []word {
	prevEnd := -1
	for _, t := range toks {
		if t.Start < base || t.End > len(text) || t.Start >= t.End || t.End-base > len(lo) {
			continue
		}
		i := t.Start
		first := true
		for i < t.End {
			c := text[i]
			start := i
			var kind byte
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
				first = true
				prevEnd = -1
				continue
			case c >= '0' && c <= '9':
				kind = 'd'
				for i < t.End && text[i] >= '0' && text[i] <= '9' {
					i++
				}
			case c < utf8.RuneSelf:
				if isASCIILetter(c) {
					kind = 'a'
					i++
					for i < t.End && isASCIILetter(text[i]) {
						i++
					}
					if i < t.End && text[i] >= utf8.RuneSelf {
						i = letterRun(text, i, t.End)
					}
				} else {
					kind = 'p'
					i++
				}
			default:
				r, n := utf8.DecodeRuneInString(text[i:])
				if unicode.IsLetter(r) {
					kind = 'a'
					i = letterRun(text, i, t.End)
				} else {
					kind = 'p'
					if n < 1 {
						n = 1
					}
					i += n
				}
			}
			w := word{lo: lo[start-base : i-base], start: start, end: i, kind: kind, num: -1}
			if first {
				w.glued = prevEnd == start
			} else {
				w.glued = true
			}
			if kind == 'a' {
				if c < utf8.RuneSelf {
					w.upper = c >= 'A' && c <= 'Z'
				} else {
					r, _ := utf8.DecodeRuneInString(text[start:])
					w.upper = unicode.IsUpper(r)
				}
			}
			if kind == 'd' {
				n := 0
				for k := start; k < i && k < start+9; k++ {
					n = n*10 + int(text[k]-'0')
				}
				w.num = n
			}
			ws = append(ws, w)
			first = false
			prevEnd = i
		}
	}
	return ws
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// letterRun returns the end of the run of letters starting at i.
func letterRun(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
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
