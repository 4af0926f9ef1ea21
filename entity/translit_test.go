package entity

import (
	"strings"
	"testing"
)

// TestTranslitAt checks translitAt, which tries only the pairs that
// start with the string's first byte, against trying every pair in
// order, at every place of every pair's spelling run into others and of
// names of several scripts' transliterations.
func TestTranslitAt(t *testing.T) {
	every := func(s string) (string, int) {
		for _, p := range &translitPairs {
			if strings.HasPrefix(s, p[0]) {
				return p[1], len(p[0])
			}
		}
		return "", 0
	}
	var texts []string
	for _, p := range &translitPairs {
		for _, q := range &translitPairs {
			texts = append(texts, p[0]+q[0], p[0][:1]+q[0])
		}
	}
	texts = append(texts, "", "schwarzkopf", "mouammar kadhafi", "xochitl", "tchaikovsky", "o'neill", "jean-paul", "zaeem", "ü")
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			gv, gn := translitAt(s[i:])
			wv, wn := every(s[i:])
			if gv != wv || gn != wn {
				t.Errorf("translitAt(%q) = %q, %d; every pair gives %q, %d", s[i:], gv, gn, wv, wn)
			}
		}
	}
}
