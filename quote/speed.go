package quote

import (
	"unicode"
	"unicode/utf8"
)

// Pre-filters of the finder's loops: each names the words one loop can
// act on, so that the loop passes over the others before its costlier
// tests. A filter may let through a word its loop then turns down, never
// the reverse.

// impressionWord reports whether impressions can take t as its cue
// word: the heads of the cases of its switch, told from t's class.
func impressionWord(t *tok) bool {
	switch t.low {
	case "asked", "reportedly", "expected":
		return true
	}
	return t.has(lxSeemVerb) || t.participle() && t.has(lxCue)
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s
// itself: ASCII spaces alone between words, one at a time, none at either
// end.
func singleSpaced(s string) bool {
	prevSpace := true // at the start, a space is one too many
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
				continue
			case '\t', '\n', '\v', '\f', '\r':
				return false
			}
			prevSpace = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}
