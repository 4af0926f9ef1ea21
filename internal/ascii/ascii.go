// Package ascii holds the byte tests and the case folding that the
// stages' fast paths apply to ASCII text, where decoding runes or
// building a lowered string would cost more than the test. For ASCII
// input each gives what package unicode or strings gives: IsSpace is
// unicode.IsSpace, IsLetter unicode.IsLetter, IsDigit unicode.IsDigit,
// AppendLower and Lookup strings.ToLower. A text that is not ASCII
// takes the general path.
package ascii

import (
	"strings"
	"unicode/utf8"
)

// IsSpace reports whether c is a space to unicode.IsSpace (and so to
// strings.Fields) when c is ASCII: ' ', '\t', '\n', '\v', '\f', '\r'.
func IsSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// IsLetter reports whether c is an ASCII letter.
func IsLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// IsDigit reports whether c is an ASCII digit (unicode.IsDigit of an
// ASCII byte).
func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

// IsAlnum reports whether c is an ASCII letter or digit.
func IsAlnum(c byte) bool { return IsLetter(c) || IsDigit(c) }

// All reports whether every byte of s is ASCII.
func All(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// AppendLower appends strings.ToLower(s) to b, folding an ASCII s byte
// by byte without making the lowered string.
func AppendLower(b []byte, s string) []byte {
	n := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:n], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// maxLookup is the longest s Lookup lowers on the stack.
const maxLookup = 64

// Lookup returns m[strings.ToLower(s)]. An ASCII s of up to 64 bytes is
// lowered into an array on the stack, in one pass, so that the lookup
// builds no string.
func Lookup[V any](m map[string]V, s string) (V, bool) {
	if len(s) <= maxLookup {
		var buf [maxLookup]byte
		b := buf[:len(s)]
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if i == len(s) {
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(s)]
	return v, ok
}
