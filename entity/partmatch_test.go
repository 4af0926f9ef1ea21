package entity

import (
	"testing"

	"github.com/storyline-news/storyline/internal/levenshtein"
)

// TestPartMatchLimit checks partMatch, whose edit distance stops at the
// most its tests allow, against the distance computed in full, on every
// pair of a list of names and of their one- and two-letter edits.
func TestPartMatchLimit(t *testing.T) {
	full := func(a, b part) bool {
		if a.t == b.t || hypocorisms()[a.t+"|"+b.t] != "" || hypocorisms()[b.t+"|"+a.t] != "" {
			return true
		}
		if a.init || b.init {
			return a.t != "" && b.t != "" && a.t[0] == b.t[0]
		}
		if len(a.t) < 3 || len(b.t) < 3 {
			return false
		}
		if max(len(a.t), len(b.t)) <= 4 {
			return a.t[1:] == b.t[1:] && isVowel(a.t[0]) && isVowel(b.t[0])
		}
		d := levenshtein.Distance(a.t, b.t, max(len(a.t), len(b.t)))
		if a.sk == b.sk {
			return d <= max(1, max(len(a.t), len(b.t))/3)
		}
		return d == 1 && min(len(a.t), len(b.t)) >= 6 && len(a.t) != len(b.t)
	}
	names := []string{"mohammad", "muhamed", "bagheri", "baqeri", "vicente", "vincente", "ghanmi", "ghanemi",
		"omar", "umar", "bush", "bash", "abdelhakim", "belhaj", "bilhajj", "jackson", "johnson", "robert",
		"roberts", "kim", "jongun", "garzon", "amo", "michael", "mike", "alexander", "alexandra", "schwarzenegger"}
	var words []string
	for _, n := range names {
		words = append(words, n, n[1:], n[:len(n)-1], n+"a", "e"+n, n[:len(n)/2]+n[len(n)/2+1:], n[:1]+"x"+n[2:])
	}
	var parts []part
	for _, w := range words {
		pn := parseName(w)
		if len(pn.parts) == 1 {
			parts = append(parts, pn.parts[0])
		}
	}
	for _, a := range parts {
		for _, b := range parts {
			if got, want := partMatch(a, b), full(a, b); got != want {
				t.Errorf("partMatch(%q, %q) = %v, the full distance gives %v", a.t, b.t, got, want)
			}
		}
	}
}
