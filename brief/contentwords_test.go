package brief

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/internal/testdocs"
)

// TestContentWords checks contentWords against strings.FieldsFunc of the
// lowered text, and tidy against strings.Join of strings.Fields, on the
// texts of BASIL articles and on edge cases.
func TestContentWords(t *testing.T) {
	texts := []string{"", "A", "Ünïcode WORDS, 42!", "x\xffy", "it's 1,200", "\u00a0a  b\t", "İstanbul ΣΑΣ"}
	for _, d := range testdocs.Basil(t, 30) {
		texts = append(texts, d.Text)
	}
	for _, text := range texts {
		want := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if got := contentWords(text); !slices.Equal(got, want) {
			t.Errorf("contentWords(%.40q) = %d words, want %d", text, len(got), len(want))
		}
		if got, want := tidy(text), strings.Join(strings.Fields(text), " "); got != want {
			t.Errorf("tidy(%.40q) = %.40q, want %.40q", text, got, want)
		}
	}
}
