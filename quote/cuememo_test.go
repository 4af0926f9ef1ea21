package quote

import (
	"strconv"
	"testing"
)

// TestCueMemoEntry requires the memo's table to give each word one entry,
// the same on every look-up, as it grows, and to start afresh past
// maxMemo words.
func TestCueMemoEntry(t *testing.T) {
	c := newCueMemo()
	seen := map[string]*cueWord{}
	for k := 0; k < maxMemo; k++ {
		w := "w" + strconv.Itoa(k)
		e := c.entry(w)
		if e.word != w || seen[w] != nil {
			t.Fatalf("entry(%q) = %q, new: %v", w, e.word, seen[w] == nil)
		}
		seen[w] = e
		if k%97 == 0 {
			for v, want := range seen {
				if got := c.entry(v); got != want {
					t.Fatalf("after %d words, entry(%q) is a new entry", k+1, v)
				}
			}
		}
	}
	if c.n != maxMemo || len(c.slots) != 2*maxMemo {
		t.Fatalf("%d entries in %d slots, want %d in %d", c.n, len(c.slots), maxMemo, 2*maxMemo)
	}
	if e := c.entry("new"); c.n != 1 || e.word != "new" || c.entry("w1") == seen["w1"] {
		t.Fatalf("past maxMemo words the memo did not start afresh: %d entries", c.n)
	}
}
