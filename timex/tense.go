package timex

import "strings"

// tense reads the tense of the clause around words [i, j): +1 when it
// points to the future (will, is expected to, planned, 'll), -1 when it is
// past (a past-tense verb, has + participle, ago), 0 when it cannot tell.
// The nearest cue wins; the search stops at the sentence's end, a
// semicolon or a colon, and goes at most ten words either way.
func (s *scanner) tense(i, j int) int {
	const window = 10
	best, bestDist := 0, window+1
	present := false
	for k := i - 1; k >= 0 && i-k <= window; k-- {
		c := s.cue(k)
		if c == stop {
			break
		}
		if c == presentCue {
			present = true
			continue
		}
		if c != 0 {
			best, bestDist = c, i-k
			break
		}
	}
	for k := j; k < len(s.ws) && k-j+1 < bestDist; k++ {
		c := s.cue(k)
		if c == stop {
			break
		}
		if c == presentCue {
			present = true
			continue
		}
		if c != 0 {
			best = c
			break
		}
	}
	_ = present
	return best
}

const (
	stop       = 9
	presentCue = 2
)

// cue classifies word k as a tense cue.
func (s *scanner) cue(k int) int {
	w := s.ws[k]
	switch w.kind {
	case 'p':
		switch w.lo {
		case ".", ";", ":", "!", "?":
			return stop
		}
		return 0
	case 'd':
		return 0
	}
	lo := w.lo
	switch lo {
	case "won":
		if s.gluedIs(k+1, "'") || s.is(k+1, "n") {
			return 1
		}
		return -1
	case "is", "are", "am":
		if s.is(k+1, "to") || s.is(k+1, "set") && s.is(k+2, "to") || s.is(k+1, "due") {
			return 1
		}
		return presentCue
	case "to":
		return 0
	case "as":
		// as soon as Tuesday, as early as next week
		if s.is(k-2, "as") && (s.is(k-1, "soon") || s.is(k-1, "early")) {
			return 1
		}
	}
	if futureCues[lo] {
		return 1
	}
	if pastCues[lo] {
		return -1
	}
	if len(lo) > 4 && strings.HasSuffix(lo, "ed") && !w.upper && !notPast[lo] {
		if s.is(k-1, "be") || s.is(k-1, "being") {
			return 0 // must be returned by Jan. 14
		}
		return -1
	}
	return 0
}
