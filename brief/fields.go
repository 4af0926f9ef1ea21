package brief

import (
	"unicode"
	"unicode/utf8"
)

// This file holds allocation-free readers of the few words a caller
// wants from a text, where strings.Fields would build the whole list.

// lastField is the last of strings.Fields(s), or "" when s has none.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	return s[start:end]
}

// firstFields are the first two of strings.Fields(s), with n the number
// of fields up to two.
func firstFields(s string) (f0, f1 string, n int) {
	var f [2]string
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				f[n] = s[start:i]
				n++
				start = -1
				if n == 2 {
					return f[0], f[1], n
				}
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		f[n] = s[start:]
		n++
	}
	return f[0], f[1], n
}
