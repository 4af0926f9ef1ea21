package timex

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// TestSplitWordsOracle checks splitWords against splitWordsByRune, the
// version before it wrote words in place and marked them, on the BASIL
// articles and on random text (with the token spans of the tokenizer and
// random ones), and the marks against mayStart and approx.
func TestSplitWordsOracle(t *testing.T) {
	st := starters()
	check := func(text string, toks []news.Token, base int) {
		t.Helper()
		lo := token.LowerASCII(text[base:])
		got := splitWords(nil, text, lo, base, toks)
		want := splitWordsByRune(nil, text, lo, base, toks)
		if len(got) != len(want) {
			t.Fatalf("%q: %d words, want %d", text, len(got), len(want))
		}
		for k := range got {
			g, w := got[k], want[k]
			g.may, g.cls = false, 0
			if g != w {
				t.Fatalf("%q: word %d = %+v, want %+v", text, k, g, w)
			}
			if got[k].may != mayStart(&want[k], st) {
				t.Fatalf("%q: word %q may = %v", text, w.lo, got[k].may)
			}
			if w.kind == 'a' && (got[k].cls&sApprox != 0) != (approx[w.lo] != "") {
				t.Fatalf("%q: word %q approx class %v", text, w.lo, got[k].cls)
			}
		}
	}
	for _, text := range testutil.BasilTexts(t) {
		check(text, token.Tokenize(text, news.Span{Start: 0, End: len(text)}), 0)
	}
	pieces := []string{" ", "\t", "\n", "\v", "The", "the", "a", "About", "over", "Sept", ".", "27", "2017", "9/25/2017", "5:30", "mid-August",
		"'", "’", "90s", "'s", "n't", "é", "Éte", "ß", "\xe2", "\xc2", "1234567890123", "x1y", "—", "-", "Monday", "MAY", "may", "week"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(20); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		toks := token.Tokenize(text, news.Span{Start: 0, End: len(text)})
		if len(text) > 0 && rng.Intn(3) == 0 {
			// random spans, overlapping, cutting runes, out of the base
			toks = nil
			for k := rng.Intn(6); k > 0; k-- {
				s := rng.Intn(len(text) + 1)
				toks = append(toks, news.Token{Span: news.Span{Start: s, End: s + rng.Intn(len(text)-s+2)}})
			}
		}
		base := 0
		if len(text) > 0 && rng.Intn(4) == 0 {
			base = rng.Intn(len(text))
		}
		check(text, toks, base)
	}
}

// splitWordsByRune is splitWords as it was before it wrote the words in
// place and marked them: the oracle of TestSplitWordsOracle.
func splitWordsByRune(ws []word, text, lo string, base int, toks []news.Token) []word {
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
				if ascii.IsLetter(c) {
					kind = 'a'
					i++
					for i < t.End && ascii.IsLetter(text[i]) {
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
