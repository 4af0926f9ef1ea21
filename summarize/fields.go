package summarize

import (
	"unicode"
	"unicode/utf8"
)

// Words of text without a slice per call: the fields strings.Fields
// gives (runs of non-space), counted or walked in order.

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n := 0
	eachField(s, func(string) bool { n++; return true })
	return n
}

// eachField calls f with each field of s in order, as strings.Fields
// splits it, until f returns false.
func eachField(s string, f func(string) bool) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				if !f(s[start:i]) {
					return
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		f(s[start:])
	}
}

// eachLetterRun calls f with each run of letters of s in order: the
// fields strings.FieldsFunc(s, not unicode.IsLetter) gives.
func eachLetterRun(s string, f func(string)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsLetter(r) {
			if start >= 0 {
				f(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		f(s[start:])
	}
}
