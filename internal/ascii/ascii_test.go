package ascii

import (
	"strings"
	"testing"
	"unicode"
)

// TestAsUnicode checks IsSpace and IsLetter against package unicode on
// every ASCII byte.
func TestAsUnicode(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		if got, want := IsSpace(byte(c)), unicode.IsSpace(rune(c)); got != want {
			t.Errorf("IsSpace(%#x) = %v, want %v", c, got, want)
		}
		if got, want := IsLetter(byte(c)), unicode.IsLetter(rune(c)); got != want {
			t.Errorf("IsLetter(%#x) = %v, want %v", c, got, want)
		}
	}
}

// TestLowerAsStrings checks All, AppendLower and Lookup against package
// strings, on ASCII and other text, short and past Lookup's array.
func TestLowerAsStrings(t *testing.T) {
	long := strings.Repeat("Ab", maxLookup)
	m := map[string]int{"the": 1, "élysée": 2, strings.ToLower(long): 3}
	for _, s := range []string{"", "The", "THE", "thE", "Élysée", "ÉLYSÉE", long, "the\xff", "x"} {
		want := true
		for _, r := range s {
			if r >= 0x80 {
				want = false
			}
		}
		if got := All(s); got != want {
			t.Errorf("All(%q) = %v, want %v", s, got, want)
		}
		if got := string(AppendLower([]byte("<"), s)); got != "<"+strings.ToLower(s) {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, "<"+strings.ToLower(s))
		}
		v, ok := Lookup(m, s)
		if wv, wok := m[strings.ToLower(s)]; v != wv || ok != wok {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", s, v, ok, wv, wok)
		}
	}
}

// TestLookupAllocates checks that a short ASCII lookup builds no string.
func TestLookupAllocates(t *testing.T) {
	m := map[string]bool{"monday": true}
	if n := testing.AllocsPerRun(100, func() {
		if _, ok := Lookup(m, "Monday"); !ok {
			t.Fatal("Monday not found")
		}
	}); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}
