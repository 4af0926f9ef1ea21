package token

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// appendByRune is Append as it was written before its chunks' ASCII was
// read in a table-driven loop (asciiChunk) and splitWord passed letters
// and digits without decoding them: the oracle of TestAppendOracle.
func appendByRune(out []news.Token, text string, span news.Span) []news.Token {
	i, end := span.Start, span.End
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if ascii.IsSpace(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		dash := false
		for i < end {
			c := text[i]
			if c < utf8.RuneSelf {
				if ascii.IsSpace(c) {
					break
				}
				dash = dash || c == '-' || c == '|'
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			dash = dash || c == 0xE2
			i += size
		}
		e := min(i, end)
		if dash {
			out = splitChunkByRune(text, start, e, out)
		} else {
			out = splitWordByRune(text, start, e, out)
		}
	}
	return out
}

func splitChunkByRune(text string, s, e int, out []news.Token) []news.Token {
	for i := s; i < e; {
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
			out = splitWordByRune(text, s, i, out)
			out = add(text, i, j, out)
			s, i = j, j
			continue
		}
		i += size
	}
	return splitWordByRune(text, s, e, out)
}

func splitWordByRune(text string, s, e int, out []news.Token) []news.Token {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !isLeading(r) {
			break
		}
		out = add(text, s, s+size, out)
		s += size
	}
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

// TestAppendOracle checks Append against appendByRune on random text of
// words, marks, dashes, clitics, Unicode spaces and broken UTF-8, over
// random spans (which may cut a rune).
func TestAppendOracle(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\v", "\x00", "\x1f", "\u00a0", "\u2028", "\u3000",
		"word", "Word", "U.S.", "Sept.", "Gen.", "no.", "...", "1,000", "3.5", "9/25/2017", "5:30", "al-Ghanmi",
		"--", "-", "|", "—", "–", "―", "\"", "'", "`", "(", ")", "[", "]", "«", "»", "“", "”", "‘", "’", "$", "€", "%", "…",
		",", ";", ":", "!", "?", ".", "'s", "n't", "n’t", "’s", "'ll", "'re", "é", "ß", "\xe2", "\xe2\x80", "\xc2", "\xa0", "x"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		sp := news.Span{Start: 0, End: len(text)}
		if len(text) > 0 && rng.Intn(2) == 0 {
			sp.Start = rng.Intn(len(text))
			sp.End = sp.Start + rng.Intn(len(text)-sp.Start+1)
		}
		got, want := Append(nil, text, sp), appendByRune(nil, text, sp)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Append(%q, %v) = %v, want %v", text, sp, got, want)
		}
	}
}
