package entity

import "unicode"

// Helpers of the analysis fast path.

// fieldsInto appends the fields of s, as strings.Fields splits them, to
// buf: given a buffer on the stack, a short name is split without a heap
// allocation.
func fieldsInto(buf []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				buf = append(buf, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		buf = append(buf, s[start:])
	}
	return buf
}
