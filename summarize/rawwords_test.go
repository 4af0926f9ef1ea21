package summarize

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// TestRawWords checks on analysed BASIL articles that a sentence's
// words, split and stemmed once (rawWords), give the tokens of its
// clean text and its happening's words as reading each text afresh
// does.
func TestRawWords(t *testing.T) {
	docs := testdocs.Basil(t, 60)
	memo := tokenMemo{}
	n, blanked := 0, 0
	for _, d := range docs {
		ix := indexBySentence(d)
		for i, sp := range d.Sentences {
			raw := sp.In(d.Text)
			rw := memo.words(raw)
			if !slices.Equal(rw.stems, tokens(raw)) {
				t.Fatalf("%s %d: words %q, tokens %q", d.ID, i, rw.stems, tokens(raw))
			}
			text := cleanText(raw)
			if got, want := memo.cleanTokens(text, rw), tokens(text); !slices.Equal(got, want) {
				t.Fatalf("%s %d: clean tokens %q, want %q", d.ID, i, got, want)
			}
			got, want := eventWordsIn(d, ix, i, sp.Span, memo, rw), eventWordsAfresh(d, ix, i, sp.Span)
			if !slices.Equal(got, slices.Sorted(maps.Keys(want))) {
				t.Fatalf("%s %d: event words %v, want %v", d.ID, i, got, want)
			}
			n++
			if len(ix.mentions[i])+len(ix.timexes[i]) > 0 {
				blanked++
			}
		}
	}
	t.Logf("%d sentences, %d with spans blanked", n, blanked)
}

// eventWordsAfresh is eventWords reading the blanked text afresh: the
// way it was written before rawWords.
func eventWordsAfresh(d *news.Doc, ix bySentence, i int, sp news.Span) map[string]bool {
	text := sp.In(d.Text)
	if i < len(ix.mentions) && len(ix.mentions[i])+len(ix.timexes[i]) > 0 {
		b := []byte(text)
		mask := func(s news.Span) {
			for k := max(s.Start, sp.Start); k < min(s.End, sp.End); k++ {
				b[k-sp.Start] = ' '
			}
		}
		for _, k := range ix.mentions[i] {
			mask(d.Mentions[k].Span)
			mask(d.Mentions[k].TitleSpan)
		}
		for _, k := range ix.timexes[i] {
			mask(d.Timexes[k].Span)
		}
		text = string(b)
	}
	out := map[string]bool{}
	if strings.ContainsAny(text, "0123456789") {
		for _, f := range figureRE.FindAllString(text, -1) {
			if len(f) != 4 || strings.ContainsAny(f, ",.") {
				out["#"+strings.TrimRight(f, ".,")] = true
			}
		}
	}
	for _, t := range tokens(text) {
		if !textvec.IsStopword(t) && !eventStop()[t] && (len(t) > 2 || eventClass()[t] != "") && (t[0] < '0' || t[0] > '9') {
			out[t] = true
			if k, ok := eventClass()[t]; ok {
				out[k] = true
			}
		}
	}
	return out
}

// TestAcceptableASCII checks that acceptableASCII agrees with
// acceptableRunes on the ASCII sentences of BASIL articles, and on
// sentences made to test each rule.
func TestAcceptableASCII(t *testing.T) {
	texts := []string{
		"I think the government will announce its plan on Monday morning.",
		"The US said it will send more troops to the region next week.",
		"We've said the ATTENTION EDITORS note goes in the WIRE today now.",
		"(The minister said the plan would be announced on Monday next.)",
		"the minister said the plan would be announced on Monday next week.",
		"THE MINISTER SAID THE PLAN WOULD BE ANNOUNCED ON MONDAY NEXT WEEK.",
		"The minister said\tthe plan would be\nannounced on Monday, you'll see.",
		"The minister said 'you' would be announced on Monday next week.",
		"[Our] minister said the plan would be announced on Monday next week.",
	}
	for _, d := range testdocs.Basil(t, 60) {
		for i := range d.Sentences {
			texts = append(texts, cleanText(d.SentenceText(i)))
		}
	}
	n := 0
	for _, text := range texts {
		if !ascii.All(text) || text == "" {
			continue
		}
		n++
		if got, want := acceptableASCII(text), acceptableRunes(text); got != want {
			t.Errorf("%q: acceptableASCII %v, acceptableRunes %v", text, got, want)
		}
	}
	t.Logf("%d ASCII texts", n)
}

// TestFieldOpensOnDigit checks fieldOpensOnDigit against strings.Fields.
func TestFieldOpensOnDigit(t *testing.T) {
	texts := []string{"", "7", "a7", "a 7", "a\u00a07", "a\u20037", "é7", "x,7 y", "(7)", "abc\t\n9x"}
	for _, d := range testdocs.Basil(t, 30) {
		for i := range d.Sentences {
			texts = append(texts, d.SentenceText(i))
		}
	}
	for _, text := range texts {
		want := false
		for _, f := range strings.Fields(text) {
			if f[0] >= '0' && f[0] <= '9' {
				want = true
				break
			}
		}
		if got := fieldOpensOnDigit(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// TestCapitalisedASCII checks capitalisedASCII against capitalised's
// reading of any text on BASIL sentences.
func TestCapitalisedASCII(t *testing.T) {
	texts := []string{"", "Baqeri", "Baqeri's al-Ghanmi met Tehran2020 and IRAN-Iraq, Washington.", "ABCDE abcde Abcd"}
	for _, d := range testdocs.Basil(t, 30) {
		for i := range d.Sentences {
			texts = append(texts, d.SentenceText(i))
		}
	}
	memo := tokenMemo{}
	for _, text := range texts {
		if !ascii.All(text) {
			continue
		}
		var want []string
		for f := range strings.FieldsFuncSeq(text, notLetter) {
			r, _ := utf8.DecodeRuneInString(f)
			if len(f) >= 5 && unicode.IsUpper(r) {
				for _, t := range tokens(f) {
					if len(t) >= 5 {
						want = append(want, t)
					}
				}
			}
		}
		if got := capitalisedASCII(text, memo); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestSharedWordsMerge checks sharedWords, which merges two sorted word
// lists, against the count over word sets it stands for, on every two
// happenings of a pile.
func TestSharedWordsMerge(t *testing.T) {
	docs := testdocs.Basil(t, 30)
	c := newPoolFrom(docs, func() []news.Entity { return nil })
	asSet := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	// the count as it was read from word sets
	bySets := func(a, b map[string]bool) (n int, kind bool) {
		var kinds uint32
		for w := range a {
			if w[0] == '=' && b[w] {
				kind = true
				kinds |= classBit()[w]
				n++
			}
		}
		for w := range a {
			if w[0] != '=' && b[w] && kinds&classBit()[eventClass()[w]] == 0 {
				n++
			}
		}
		return n, kind
	}
	pairs := 0
	for i, a := range c.ev {
		if a == nil || i%3 != 0 {
			continue
		}
		for _, b := range c.ev {
			if b == nil {
				continue
			}
			n, k := sharedWords(a, b)
			wn, wk := bySets(asSet(a.words), asSet(b.words))
			if n != wn || k != wk {
				t.Fatalf("sharedWords(%v, %v) = %d %v, want %d %v", a.words, b.words, n, k, wn, wk)
			}
			pairs++
		}
	}
	if pairs == 0 {
		t.Fatal("no happenings compared")
	}
}

// figureRE is what eachFigure reads, as a regular expression.
var figureRE = regexp.MustCompile(`\d[\d,.]*\d|\d`)

// TestEachFigure checks that eachFigure finds what figureRE finds, on
// the words of BASIL articles and on edge cases.
func TestEachFigure(t *testing.T) {
	texts := []string{"", "7", "7.", "1,200 and 3.5.", "1..2,,", "a1b22c", ",.9,.", "2019-05-01", "$1,000,000.00!", "12,", "x 4.5.6 y"}
	for _, d := range testdocs.Basil(t, 30) {
		texts = append(texts, d.Text)
	}
	for _, text := range texts {
		var got []string
		eachFigure(text, func(f string) { got = append(got, f) })
		if want := figureRE.FindAllString(text, -1); !slices.Equal(got, want) {
			t.Errorf("eachFigure(%.40q) = %q, want %q", text, got, want)
		}
	}
}

// TestSingleSpaced checks singleSpaced against what it stands for, on
// the sentences of BASIL articles as written and cleaned, and on edge
// cases; and that a sentence's fields, which newPool counts once for the
// text as written and reuses for the clean text when cleaning cut
// nothing, count alike.
func TestSingleSpaced(t *testing.T) {
	texts := []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "“a” b", "a \u2003b", "\xff b", "é  è"}
	for _, d := range testdocs.Basil(t, 30) {
		for _, sp := range d.Sentences {
			raw := sp.In(d.Text)
			texts = append(texts, raw, cleanText(raw))
		}
	}
	for _, s := range texts {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
		if c := cleanText(s); len(c) == len(s) && textvec.CountFields(c) != textvec.CountFields(s) {
			t.Errorf("cleanText(%q) = %q: as long, but %d fields against %d", s, c, textvec.CountFields(c), textvec.CountFields(s))
		}
	}
}

// TestApostrophe checks apostrophe against strings.IndexAny.
func TestApostrophe(t *testing.T) {
	for _, w := range []string{"", "a", "I've", "we’re", "’'", "'’", "a’b'c", "a'b’c", "\xe2\x80", "é'", "don’t’"} {
		if got, want := apostrophe(w), strings.IndexAny(w, "'’"); got != want {
			t.Errorf("apostrophe(%q) = %d, want %d", w, got, want)
		}
	}
}
