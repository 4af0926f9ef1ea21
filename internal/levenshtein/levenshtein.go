// Package levenshtein computes the edit distance of two strings, byte by
// byte (Distance) or rune by rune (RuneDistance), for the name matching
// of entity, the sentence matching of summarize and the name spellings
// of the brief's citations.
package levenshtein

import "unsafe"

// Distance returns the Levenshtein distance of a and b, counted in bytes,
// or limit+1 as soon as it is known to be larger than limit. A limit of
// max(len(a), len(b)) or more never cuts the computation short.
func Distance(a, b string, limit int) int {
	// the strings' bytes, read in place
	return distance(unsafe.Slice(unsafe.StringData(a), len(a)), unsafe.Slice(unsafe.StringData(b), len(b)), limit)
}

// RuneDistance is Distance counted in runes.
func RuneDistance(a, b string, limit int) int {
	return distance([]rune(a), []rune(b), limit)
}

func distance[E comparable](a, b []E, limit int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	// rows for names and words fit on the stack; longer strings get
	// rows of their own
	var buf [2 * 48]int
	var prev, cur []int
	if len(b)+1 <= len(buf)/2 {
		prev, cur = buf[:len(b)+1], buf[len(buf)/2:len(buf)/2+len(b)+1]
	} else {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		// The smallest value of a row never decreases in later rows.
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
