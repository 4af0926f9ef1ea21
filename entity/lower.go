package entity

import "strings"

// maxLowerBuf is the longest ASCII key lowerIn lowers on the stack.
const maxLowerBuf = 64

// lowerIn returns m[strings.ToLower(s)]. An ASCII s of up to maxLowerBuf
// bytes, which ToLower lowers byte by byte, is lowered into a buffer on
// the stack, so that the lookup builds no string.
func lowerIn[V any](m map[string]V, s string) V {
	var buf [maxLowerBuf]byte
	if b, ok := asciiLower(&buf, s); ok {
		return m[string(b)]
	}
	return m[strings.ToLower(s)]
}

// lowerWordIn returns m[lowerWord(w)] as lowerIn does.
func lowerWordIn[V any](m map[string]V, w string) V {
	return lowerIn(m, strings.TrimRight(w, "."))
}

// asciiLower lowers s into buf when s is ASCII and fits, and reports
// whether it did.
func asciiLower(buf *[maxLowerBuf]byte, s string) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b, true
}
