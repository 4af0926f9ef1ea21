package summarize

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestFields checks countFields and eachField against strings.Fields,
// and eachLetterRun against strings.FieldsFunc,
// on spaces of every kind and on bytes that are no UTF-8.
func TestFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "x\u00a0y\u2003z\u0085w", "\xffa \xfe", "“Quoted,” he said.  ", "a\u3000b", "Élysée-Palace, O'Neill\u00e9x", "ab12cd"} {
		want := strings.Fields(s)
		if got := countFields(s); got != len(want) {
			t.Errorf("countFields(%q) = %d, want %d", s, got, len(want))
		}
		var got []string
		eachField(s, func(f string) bool { got = append(got, f); return true })
		if !slices.Equal(got, want) {
			t.Errorf("eachField(%q) = %q, want %q", s, got, want)
		}
		runs := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		var gotRuns []string
		eachLetterRun(s, func(f string) { gotRuns = append(gotRuns, f) })
		if !slices.Equal(gotRuns, runs) {
			t.Errorf("eachLetterRun(%q) = %q, want %q", s, gotRuns, runs)
		}
		if len(want) > 1 {
			got = got[:0]
			eachField(s, func(f string) bool { got = append(got, f); return false })
			if len(got) != 1 || got[0] != want[0] {
				t.Errorf("eachField(%q) stopping at once gave %q", s, got)
			}
		}
	}
}
