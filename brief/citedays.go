package brief

import "time"

// The days a summary line names. A timeline line has a day, and is
// cited only to sentences of that day (onDay). A summary line has none
// of its own; the sentence it was taken from may name one ("on
// Wednesday"), and then it tells one event among others of its kind
// (two meetings, two votes), where a sentence the model thinks near
// may tell the other. A summary line naming no day says what the story
// is about, which most of its sources report: it is cited at a lower
// threshold (citeSummaryEase).

// citeDaySpan is the longest period a date may cover to name a day.
const citeDaySpan = 48 * time.Hour

// namesDay reports whether the sentences of doc origin that a line was
// copied from name a day.
func (c *lineCiter) namesDay(copies []int32, origin int) bool {
	for _, r := range copies {
		if i, _ := c.ref(r); i != origin {
			continue
		}
		for _, sp := range c.spans[c.spanAt[r]:c.spanAt[r+1]] {
			if sp[1].Sub(sp[0]) <= citeDaySpan {
				return true
			}
		}
	}
	return false
}
