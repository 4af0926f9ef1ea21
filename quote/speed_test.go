package quote

import (
	"strings"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/news"
)

// TestShortcutsAgree requires the finder's shortcuts to give the answers
// of the forms they replace, on every token of a text with quotations,
// punctuation and names: endsLike is strings.ContainsAny over the marks
// that end a sentence, subjClassIndex is subjIndex of subjClass, and
// opensClause is the first test of clauseCue.
func TestShortcutsAgree(t *testing.T) {
	text := `“It's over,” Trump said: he won't quit. Sen. Mitch McConnell, R-Ky., ` +
		`told reporters — and they said that the U.S. “wasn’t” ready!? Who knows… ` +
		`While Democrats defended it -- but we and whereas, the 3 of them; “Q:” ‘A’ "B" (C) 10:30 ` +
		"``D'' \xe2\x80 \xe2\x80\x9c bad\xff utf8 < > <q> <s> & % $ 5,000."
	p := newPara(text, news.Span{Start: 0, End: len(text)}, nil)
	if len(p.ts) < 60 {
		t.Fatalf("%d tokens", len(p.ts))
	}
	for i := range p.ts {
		tk := &p.ts[i]
		if got, want := endsLike(tk.text), strings.ContainsAny(tk.text, ".!?\"“”:"); got != want {
			t.Errorf("endsLike(%q) = %v, want %v", tk.text, got, want)
		}
		if got, want := subjClassIndex(tk), subjIndex(subjClass(*tk)); got != want {
			t.Errorf("subjClassIndex(%q) = %d, want %d", tk.text, got, want)
		}
		switch tk.low {
		case "but", "while", "whereas", "and":
			// contentEnd skips a word without lxClauseConj
			if !tk.has(lxClauseConj) {
				t.Errorf("%q has no lxClauseConj", tk.low)
			}
		}
		dash := tk.kind == 'p' && (tk.text == "-" || tk.text == "—" || tk.text == "–" || tk.text == "--")
		if got, want := opensClause(tk), tk.text == "," || dash || tk.has(lxClauseConj); got != want {
			t.Errorf("opensClause(%q) = %v, want %v", tk.text, got, want)
		}
	}
	for _, s := range []string{"", "a.b", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e", "\xe2\x80", "x\xe2\x80\x9c", "\xf0\xe2\x80\x9c", "é:", "no marks"} {
		if got, want := endsLike(s), strings.ContainsAny(s, ".!?\"“”:"); got != want {
			t.Errorf("endsLike(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestWordRuneCases requires isWordRune and startsUpper to answer as
// the unicode package does, on every rune of the first planes and on
// runes no text decodes to.
func TestWordRuneCases(t *testing.T) {
	for r := rune(-2); r < 0x3000; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		if r < 0 {
			continue
		}
		s := string(r) + "x"
		if got, want := startsUpper(s), unicode.IsUpper(r); got != want {
			t.Errorf("startsUpper(%q) = %v, want %v", s, got, want)
		}
	}
	if startsUpper("") || startsUpper("\xff") {
		t.Error("startsUpper of no rune")
	}
}
