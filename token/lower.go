package token

import "encoding/binary"

// LowerASCII folds the ASCII letters of s to lower case and leaves every
// other byte as it is, so that byte offsets into s hold in the result; s
// itself is returned when it has no ASCII capital. It reads and lowers
// eight bytes at a time (upperMask). The quote and time stages lower a
// doc's text once with it, rather than word by word.
func LowerASCII(s string) string {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if upperMask(load8(s, i)) != 0 {
			break
		}
	}
	if i+8 > len(s) {
		// no capital in the whole eights: the last few bytes
		for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
			i++
		}
		if i == len(s) {
			return s
		}
	}
	b := []byte(s)
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := upperMask(x); m != 0 {
			// 0x80 >> 2 is 0x20, the bit that lowers an ASCII capital
			binary.LittleEndian.PutUint64(b[i:], x|m>>2)
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// load8 returns the eight bytes of s from i, the first in the lowest
// byte.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// upperMask returns 0x80 in each byte of x that is an ASCII capital, 0
// in the others. The sums stay within their bytes: a byte's low seven
// bits plus 0x3f or 0x25 is at most 0xbe.
func upperMask(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		low7 = 0x7f * ones
		high = 0x80 * ones
	)
	h := x & low7
	ge := h + (0x80-'A')*ones   // high bit: h >= 'A'
	gt := h + (0x80-'Z'-1)*ones // high bit: h > 'Z'
	return ge &^ gt &^ x & high
}
