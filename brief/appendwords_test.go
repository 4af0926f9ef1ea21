package brief

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/internal/testdocs"
)

// appendWordsRef is appendWords as first written, decoding every rune
// and asking unicode of each: the reference its ASCII path must match.
func appendWordsRef(out []word, text string, base int) []word {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '$' && r != '€' && r != '£' {
			i += n
			continue
		}
		if r == '%' || r == '$' || r == '€' || r == '£' {
			out = append(out, word{text[i : i+n], base + i, base + i + n})
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
				j += n
				continue
			}
			if (r == '.' || r == ',') && j > i && ascii.IsDigit(text[j-1]) && j+1 < len(text) && ascii.IsDigit(text[j+1]) {
				j++
				continue
			}
			break
		}
		out = append(out, word{text[i:j], base + i, base + j})
		i = j
	}
	return out
}

// TestAppendWords checks appendWords against appendWordsRef on the texts
// of BASIL articles and on edge cases.
func TestAppendWords(t *testing.T) {
	texts := []string{"", "a", "$5 and 5%", "1,200.50 vs 3.", "O'Neill’s €3 £4", "Élysée x\xffy", "12,a 3.4.5", ",.", "naïve café 2,000"}
	for _, d := range testdocs.Basil(t, 30) {
		texts = append(texts, d.Text)
	}
	for _, text := range texts {
		if got, want := appendWords(nil, text, 7), appendWordsRef(nil, text, 7); !slices.Equal(got, want) {
			t.Errorf("appendWords(%.40q) = %d words, want %d", text, len(got), len(want))
		}
	}
}
