package entity

import (
	"strings"
	"testing"
)

func TestLowerIn(t *testing.T) {
	m := map[string]int{"mr": 1, "président": 2, "x": 3}
	for _, s := range []string{"Mr", "MR", "mr", "Président", "PRÉSIDENT", "x", "X", "", "Mrs", strings.Repeat("A", 70), "Mr."} {
		if got, want := lowerIn(m, s), m[strings.ToLower(s)]; got != want {
			t.Errorf("lowerIn(%q) = %d, want %d", s, got, want)
		}
		if got, want := lowerWordIn(m, s), m[lowerWord(s)]; got != want {
			t.Errorf("lowerWordIn(%q) = %d, want %d", s, got, want)
		}
	}
}
