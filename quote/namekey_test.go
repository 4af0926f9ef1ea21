package quote

import (
	"strings"
	"testing"
)

// TestNameKeyFast checks nameKey's ASCII path against nameKeyFields.
func TestNameKeyFast(t *testing.T) {
	for _, name := range []string{
		"", " ", "Smith", "John Smith", "  John  Smith  ", "Jesse Jackson Jr.", "Jr.",
		"Martin Luther King III", "O'Neil's", "Obama'S", "Bashar al-Assad", "AL-ASSAD",
		"Ash-Sharif", "al-el-Foo", "el-Baz", "AS-Sad", "ash-x", "abc-d", "as-ash-z", "Al-", "a-b", "..Smith..", "Smith.", "Smith,", ".,", "'s", "Ayman al-Zawahiri’s",
		"José Núñez", "Núñez Smith", "A\u00a0Smith", "Smith\u00a0", "x\u2009Smith",
		"John\tSmith\n", "Ib", "Ash-", "Mr. Smith-Jones", "X ii", "Charles IV",
	} {
		if got, want := nameKey(name), nameKeyFields(name); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestTrimDotsCommas(t *testing.T) {
	for _, w := range []string{"", ".", ",.,", "a", ".a,", "a.b", ",,Jr.", "é.", ".é"} {
		if got, want := trimDotsCommas(w), strings.Trim(w, ".,"); got != want {
			t.Errorf("trimDotsCommas(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b",
		"é b", "a é", "a\u2009b", "\xff b", "a \xff", "Jean-Luc Picard", "a\nb", "a\rb"} {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}
