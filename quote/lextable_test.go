package quote

import "testing"

// TestLexIndex requires lexIndex to give what lexClasses and cues give,
// for every key, for words near the keys and for words of no list.
func TestLexIndex(t *testing.T) {
	classes, cs := lexClasses(), cues()
	x := lexIndex()
	check := func(w string) {
		t.Helper()
		lx, cue := x.get(w)
		wantLx, wantCue := classes[w], cueKind(0)
		if wantLx&lxCue != 0 {
			wantCue = cs[w]
		}
		if lx != wantLx || cue != wantCue {
			t.Fatalf("get(%q) = %v, %q; want %v, %q", w, lx, cue, wantLx, wantCue)
		}
	}
	for _, w := range []string{"", "a", "the", "said", "zzz", ",", "“", "1990", "é", "Said", "according"} {
		check(w)
	}
	for w := range classes {
		check(w)
		check(w + "s")
		check(w[1:])
		check(w[:len(w)-1])
		check("x" + w)
	}
	for w := range cs {
		check(w)
	}
}
