package summarize

import (
	"slices"
	"strings"
	"testing"
)

// TestFields checks countFields and eachField against strings.Fields,
// on spaces of every kind and on bytes that are no UTF-8.
func TestFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "x\u00a0y\u2003z\u0085w", "\xffa \xfe", "“Quoted,” he said.  ", "a\u3000b"} {
		want := strings.Fields(s)
		if got := countFields(s); got != len(want) {
			t.Errorf("countFields(%q) = %d, want %d", s, got, len(want))
		}
		var got []string
		eachField(s, func(f string) bool { got = append(got, f); return true })
		if !slices.Equal(got, want) {
			t.Errorf("eachField(%q) = %q, want %q", s, got, want)
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
