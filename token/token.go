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
	start := -1
	for i := span.Start; i < span.End; {
		var space bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				out = splitChunk(text, start, i, out)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = splitChunk(text, start, span.End, out)
	}
	return out
}

// asciiSpace is unicode.IsSpace of an ASCII byte, without decoding it.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

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
	return strings.ContainsRune("\"'`([{«“‘„”»$£€¿¡", r)
}

// trailing marks are split off the end of a chunk one at a time.
func isTrailing(r rune) bool {
	return strings.ContainsRune("\"'`)]}»”’,;:!?%…", r)
}

// isDash reports whether r is a dash or bar that separates words.
func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' || r == '|' }

// splitChunk splits a run of non-space text into tokens. Dashes split it
// into parts: "Sputnik)—Turkish", "word--word".
func splitChunk(text string, s, e int, out []news.Token) []news.Token {
	for i := s; i < e; {
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
func splitClitics(text string, s, e int, out []news.Token) []news.Token {
	w := text[s:e]
	for _, suf := range []string{"n't", "n’t"} {
		if len(w) > len(suf) && hasSuffixFold(w, suf) {
			out = add(text, s, e-len(suf), out)
			return add(text, e-len(suf), e, out)
		}
	}
	for _, ap := range []string{"'", "’"} {
		i := strings.LastIndex(w, ap)
		if i <= 0 {
			continue
		}
		switch suf := w[i+len(ap):]; {
		case asciiFold(suf, "s"), asciiFold(suf, "re"), asciiFold(suf, "ve"), asciiFold(suf, "ll"), asciiFold(suf, "d"), asciiFold(suf, "m"):
			out = add(text, s, s+i, out)
			return add(text, s+i, e, out)
		}
	}
	return add(text, s, e, out)
}

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
