package quote

// Pre-filters of the finder's loops: each names the words one loop can
// act on, so that the loop passes over the others before its costlier
// tests. A filter may let through a word its loop then turns down, never
// the reverse.

// impressionWord reports whether impressions can take low as its cue
// word: the heads of the cases of its switch.
func impressionWord(low string) bool {
	switch low {
	case "asked", "reportedly", "expected":
		return true
	}
	return seemVerbs[low] || isCueWord(low) && participle(low)
}
