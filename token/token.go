// Package token splits text into words and punctuation, keeping byte
// offsets, in the manner of the Penn Treebank and CoNLL-2003: punctuation
// is split off, possessive 's and n't are tokens of their own, while
// abbreviations (U.S., Gen., Sept.), hyphenated names (al-Ghanmi),
// numbers (1,000, 3.5, 9/25/2017) and times (5:30) stay whole.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// Tokenize returns the tokens of text[span.Start:span.End], with offsets
// into text.
func Tokenize(text string, span news.Span) []news.Token {
	return Append(nil, text, span)
}

// Append appends the tokens of text[span.Start:span.End] to out, as
// Tokenize returns them, and returns the extended slice: a caller that
// tokenizes sentence after sentence into one slice allocates no slice
// per sentence.
func Append(out []news.Token, text string, span news.Span) []news.Token {
	i, end := span.Start, span.End
	for i < end {
		// the spaces before a chunk
		if c := text[i]; c < utf8.RuneSelf {
			if ascii.IsSpace(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		// the chunk, up to the next space; dash tells that it holds a
		// byte that may start a dash (see splitChunk)
		start := i
		dash := false
		for i < end {
			var d bool
			i, d = asciiChunk(text, i, end)
			dash = dash || d
			if i >= end {
				break
			}
			c := text[i]
			if c < utf8.RuneSelf {
				break // a space: asciiChunk stops at nothing else below utf8.RuneSelf
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			dash = dash || c == 0xE2
			i += size
		}
		// a rune read past the span's end is cut at it, as the span is
		e := min(i, end)
		if dash {
			out = splitChunk(text, start, e, out)
		} else {
			out = splitWord(text, start, e, out)
		}
	}
	return out
}

// The flags chunkByte gives an ASCII byte.
const (
	cSpace = 1 << iota // unicode.IsSpace
	cDash              // may start a dash (see splitChunk)
	cHigh              // not ASCII: a rune to decode
)

// chunkByte gives each byte its flags for asciiChunk.
var chunkByte = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = cHigh
		case ascii.IsSpace(byte(c)):
			t[c] = cSpace
		case c == '-' || c == '|':
			t[c] = cDash
		}
	}
	return t
}()

// asciiChunk returns the end of the run of ASCII bytes other than spaces
// from i, at most end, and whether the run holds a '-' or '|'. It is
// not inlined: in Append's loop the index would live on the stack.
//
//go:noinline
func asciiChunk(text string, i, end int) (int, bool) {
	var dash byte
	if end > len(text) {
		end = len(text)
	}
	for ; i < end; i++ {
		f := chunkByte[text[i]]
		if f&(cSpace|cHigh) != 0 {
			break
		}
		dash |= f
	}
	return i, dash != 0
}

// Words returns the token texts of s.
func Words(s string) []string {
	toks := Tokenize(s, news.Span{Start: 0, End: len(s)})
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.In(s)
	}
	return out
}

func add(text string, s, e int, out []news.Token) []news.Token {
	if e <= s {
		return out
	}
	return append(out, news.Token{Span: news.Span{Start: s, End: e}})
}

// leading marks are split off the front of a chunk one at a time: a
// closing mark (” ») at a word's start opens a quotation all the same.
func isLeading(r rune) bool {
	switch r {
	case '"', '\'', '`', '(', '[', '{', '«', '“', '‘', '„', '”', '»', '$', '£', '€', '¿', '¡':
		return true
	}
	return false
}

// trailing marks are split off the end of a chunk one at a time.
func isTrailing(r rune) bool {
	switch r {
	case '"', '\'', '`', ')', ']', '}', '»', '”', '’', ',', ';', ':', '!', '?', '%', '…':
		return true
	}
	return false
}

// isDash reports whether r is a dash or bar that separates words.
func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' || r == '|' }

// splitChunk splits a run of non-space text into tokens. Dashes split it
// into parts: "Sputnik)—Turkish", "word--word".
func splitChunk(text string, s, e int, out []news.Token) []news.Token {
	for i := s; i < e; {
		// the dashes are '-', '|' and three runes whose UTF-8 starts
		// with 0xE2: every other byte is passed without decoding
		c := text[i]
		if c != '-' && c != '|' && c != 0xE2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:e])
		if isDash(r) || (r == '-' && i+1 < e && text[i+1] == '-') {
			j := i + size
			for j < e && text[j] == '-' && r == '-' {
				j++
			}
			out = splitWord(text, s, i, out)
			out = add(text, i, j, out)
			s, i = j, j
			continue
		}
		i += size
	}
	return splitWord(text, s, e, out)
}

func splitWord(text string, s, e int, out []news.Token) []news.Token {
	// Leading marks.
	for s < e {
		if alnum(text[s]) {
			break // most words: no mark to split off
		}
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !isLeading(r) {
			break
		}
		out = add(text, s, s+size, out)
		s += size
	}
	// Trailing marks, kept aside to be added after the core (seldom
	// more than four, which the array holds without an allocation).
	var tailBuf [4]news.Token
	tail := tailBuf[:0]
	for e > s {
		if alnum(text[e-1]) {
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if isTrailing(r) {
			tail = add(text, e-size, e, tail)
			e -= size
			continue
		}
		if r == '.' {
			core := text[s : e-1]
			if strings.HasSuffix(core, "..") {
				tail = add(text, e-3, e, tail)
				e -= 3
				continue
			}
			if core != "" && sentence.Abbreviation(core) != sentence.NotAbbrev {
				break
			}
			tail = add(text, e-1, e, tail)
			e--
			continue
		}
		break
	}
	if e > s {
		out = splitClitics(text, s, e, out)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// splitClitics splits 's, 're, 've, 'll, 'd, 'm and n't off a word.
// A clitic is the word's last one or two letters after an apostrophe
// (' or ’) that is not the word's first byte, so only those places are
// read.
func splitClitics(text string, s, e int, out []news.Token) []news.Token {
	w := text[s:e]
	n := len(w)
	if n > 3 && (w[n-1] == 't' || w[n-1] == 'T') {
		if hasSuffixFold(w, "n't") {
			out = add(text, s, e-3, out)
			return add(text, e-3, e, out)
		}
		if n > len("n’t") && hasSuffixFold(w, "n’t") {
			out = add(text, s, e-len("n’t"), out)
			return add(text, e-len("n’t"), e, out)
		}
	}
	// i is the apostrophe's offset in w
	i := -1
	switch {
	case n > 2 && w[n-2] == '\'' && oneLetterClitic(w[n-1]):
		i = n - 2
	case n > 3 && w[n-3] == '\'' && twoLetterClitic(w[n-2], w[n-1]):
		i = n - 3
	case n > 4 && w[n-4:n-1] == "’" && oneLetterClitic(w[n-1]):
		i = n - 4
	case n > 5 && w[n-5:n-2] == "’" && twoLetterClitic(w[n-2], w[n-1]):
		i = n - 5
	}
	if i > 0 {
		out = add(text, s, s+i, out)
		return add(text, s+i, e, out)
	}
	return add(text, s, e, out)
}

// oneLetterClitic reports whether c is the letter of 's, 'd or 'm, in
// either case.
func oneLetterClitic(c byte) bool {
	switch c | 0x20 { // only 'S' and 's' give 's', and so on
	case 's', 'd', 'm':
		return true
	}
	return false
}

// twoLetterClitic reports whether a, b are the letters of 're, 've or
// 'll, in any case.
func twoLetterClitic(a, b byte) bool {
	if !ascii.IsLetter(a) || !ascii.IsLetter(b) {
		return false
	}
	a, b = a|0x20, b|0x20
	return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l'
}

// alnum reports whether c is an ASCII letter or digit: a byte that is
// no mark (isLeading, isTrailing, '.') and no part of one.
func alnum(c byte) bool { return ascii.IsLetter(c) || '0' <= c && c <= '9' }

// hasSuffixFold reports whether w ends with suf, a lowercase suffix whose
// letters are ASCII, in either case: what strings.HasSuffix of
// strings.ToLower(w) tells, since only the ASCII capitals lower to ASCII
// letters, without the copy.
func hasSuffixFold(w, suf string) bool {
	return len(w) >= len(suf) && asciiFold(w[len(w)-len(suf):], suf)
}

// asciiFold reports whether s equals low, a lowercase string, once the
// ASCII capitals of s are lowered.
func asciiFold(s, low string) bool {
	if len(s) != len(low) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// FieldsInto appends the fields of s, as strings.Fields splits them, to
// buf: given a buffer on the stack, a short name is split without a heap
// allocation.
func FieldsInto(buf []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				buf = append(buf, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		buf = append(buf, s[start:])
	}
	return buf
}
