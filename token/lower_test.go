package token

import (
	"math/rand"
	"testing"
)

// TestLowerASCII compares LowerASCII, which lowers eight bytes at a time,
// with lowering byte by byte: every byte value at every offset and
// length, and random texts of ASCII and UTF-8.
func TestLowerASCII(t *testing.T) {
	slow := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	check := func(s string) {
		t.Helper()
		if got, want := LowerASCII(s), slow(s); got != want {
			t.Fatalf("LowerASCII(%q) = %q, want %q", s, got, want)
		}
	}
	for n := 0; n <= 20; n++ {
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				b := []byte("xyzxyzxyzxyzxyzxyzxyzxyz"[:n])
				b[at] = byte(c)
				check(string(b))
			}
		}
	}
	r := rand.New(rand.NewSource(1))
	parts := []string{"A", "Z", "a", "z", "@", "[", "`", "{", " ", "É", "é", "“", "Ω", "\x00", "\xff", "\xc1", "\xda"}
	for k := 0; k < 5000; k++ {
		s := ""
		for n := r.Intn(40); n > 0; n-- {
			s += parts[r.Intn(len(parts))]
		}
		check(s)
	}
}
