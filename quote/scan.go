package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
)

// tok is one word, punctuation mark or double quotation mark, with its
// byte span in the document text: one or more of the segment stage's
// tokens (see appendDocTokens).
type tok struct {
	news.Span
	text string
	low  string
	// kind is 'w' for a word, 'p' for punctuation and 'q' for a double
	// quotation mark.
	kind byte
	// upper reports that text starts with a capital (startsUpper).
	upper bool
	// open reports, for a curly or low quotation mark, that it opens.
	open, close bool
	// lx is the token's lexical class and cue its kind of cue, if lx
	// has lxCue (see classify).
	lx  lexBits
	cue cueKind
	// cw is the entry of low in the cue model's memo, nil until the
	// cue model reads the token (see cueScore).
	cw *cueWord
}

func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneOther(r)
}

// asciiWord marks the ASCII letters of either case and the digits.
var asciiWord = func() (m [utf8.RuneSelf]bool) {
	for c := range m {
		m[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return m
}()

// isWordRuneOther is isWordRune for a rune past ASCII, apart so that
// isWordRune is inlined.
func isWordRuneOther(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// appendDocTokens appends to out the finder's tokens made from dts, the
// segment stage's tokens of one paragraph of text, and sets their
// lexical classes. A finder token is a Doc token, with three regroupings
// the finder's rules read as one word or mark: a clitic the tokenizer
// split off keeps its word (don't, Trump’s, I'm), and two apostrophes
// or two backticks in a row are a double quotation mark (three
// apostrophes are an apostrophe and a closing mark).
// Every finder token's span is a run of whole Doc tokens. lower is text
// as token.LowerASCII gives it, or "": an ASCII word's lowercase form is then
// its span of lower, not a string of its own.
func appendDocTokens(out []tok, text, lower string, dts []news.Token) []tok {
	first := len(out)
	// adjacent reports that Doc token j starts where token j-1 ends and
	// reads s.
	adjacent := func(j int, s string) bool {
		return j < len(dts) && dts[j].Start == dts[j-1].End && dts[j].In(text) == s
	}
	for k := 0; k < len(dts); k++ {
		sp := dts[k].Span
		s := text[sp.Start:sp.End]
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case s == "'" && adjacent(k+1, "'") && adjacent(k+2, "'"):
			// Three apostrophes close a single quotation inside a
			// double one.
			out = append(out, tok{Span: sp, text: s, low: s, kind: 'p'})
		case (s == "'" || s == "`") && adjacent(k+1, s):
			sp.End = dts[k+1].End
			t := tok{Span: sp, text: text[sp.Start:sp.End], kind: 'q', open: s == "`"}
			t.low = t.text
			out = append(out, t)
			k++
		case n == len(s) && sentence.IsQuoteMark(r):
			t := tok{Span: sp, text: s, low: s, kind: 'q'}
			switch r {
			case '“', '„', '«', '‟':
				t.open = true
			case '”', '»':
				t.close = true
			}
			out = append(out, t)
		case isWordRune(r):
			for k+1 < len(dts) && dts[k+1].Start == sp.End && clitic(dts[k+1].In(text)) {
				k++
				sp.End = dts[k].End
			}
			// made in place: a tok is large, and copying one in while
			// the GC runs costs a barrier over all of it
			out = append(out, tok{Span: sp, kind: 'w'})
			t := &out[len(out)-1]
			t.text = text[sp.Start:sp.End]
			// only a word can start with a capital: the other
			// tokens start with no letter
			t.upper = startsUpper(t.text)
			if lower != "" && ascii.All(t.text) {
				t.low = lower[sp.Start:sp.End]
			} else {
				t.low = strings.ToLower(t.text)
			}
		default:
			out = append(out, tok{Span: sp, text: s, low: s, kind: 'p'})
		}
	}
	classify(out[first:])
	return out
}

// clitic reports whether s is a clitic the tokenizer splits off its
// word: n't, 's, 're, 've, 'll, 'd or 'm, with either apostrophe, in any
// case.
func clitic(s string) bool {
	neg := len(s) > 1 && (s[0] == 'n' || s[0] == 'N')
	if neg {
		s = s[1:]
	}
	switch {
	case strings.HasPrefix(s, "'"):
		s = s[1:]
	case strings.HasPrefix(s, "’"):
		s = s[len("’"):]
	default:
		return false
	}
	if neg {
		return s == "t" || s == "T"
	}
	switch strings.ToLower(s) {
	case "s", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// tokensIn returns the Doc tokens that lie in text[lo:hi]: a slice of
// dts, which are in text order.
func tokensIn(dts []news.Token, lo, hi int) []news.Token {
	a := sort.Search(len(dts), func(i int) bool { return dts[i].Start >= lo })
	b := a + sort.Search(len(dts)-a, func(i int) bool { return dts[a+i].End > hi })
	return dts[a:b]
}

// tokenize returns the finder's tokens of text[lo:hi], tokenized as the
// segment stage tokenizes: for text that is not a Doc's (a name's
// forms) and Docs that did not pass the segment stage.
func tokenize(text string, lo, hi int) []tok {
	var buf [16]news.Token // a name's tokens, without a heap allocation
	dts := token.Append(buf[:0], text, news.Span{Start: lo, End: hi})
	// a name's words are capitalised: lowering the text once makes one
	// string, not one per word
	return appendDocTokens(make([]tok, 0, len(dts)), text, token.LowerASCII(text[:hi]), dts)
}

// qspan is a direct quotation: the tokens from its opening mark to its
// closing mark, both included. end is exclusive. open reports that the
// quotation was not closed in its paragraph.
type qspan struct {
	start, end int
	unclosed   bool
}

// maxSentence is the most tokens the finder reads as one sentence. Every
// window of the finder lies within a sentence, so that bounding it keeps
// the finder linear in the paragraph's length even when a text has no
// stops at all. At 240, no figure of `storyline eval quotes` moves (at
// 160, exact content F1 lost 0.05).
const maxSentence = 240

// capSentences splits sentences longer than maxSentence tokens: at the
// last comma, semicolon or dash of the second half of the window, or at
// the window's end when there is none.
func capSentences(ts []tok, sents [][2]int) [][2]int {
	long := false
	for _, s := range sents {
		if s[1]-s[0] > maxSentence {
			long = true
			break
		}
	}
	if !long {
		return sents
	}
	out := make([][2]int, 0, len(sents)+len(ts)/maxSentence)
	for _, s := range sents {
		a := s[0]
		for s[1]-a > maxSentence {
			cut := a + maxSentence
			for k := cut - 1; k > a+maxSentence/2; k-- {
				if t := ts[k]; t.kind == 'p' && (t.text == "," || t.text == ";" || isDash(t.text)) {
					cut = k + 1
					break
				}
			}
			out = append(out, [2]int{a, cut})
			a = cut
		}
		out = append(out, [2]int{a, s[1]})
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func startsUpper(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0]-'A' < 26
	}
	return startsUpperOther(s)
}

// startsUpperOther is startsUpper for a word that starts past ASCII,
// apart so that startsUpper is inlined.
func startsUpperOther(s string) bool { return unicode.IsUpper(firstRune(s)) }

// paragraphs returns the spans of the paragraphs of d: d.Paragraphs split
// further at line breaks, or the text's lines when there are none.
func paragraphs(d *news.Doc) []news.Span {
	spans := d.Paragraphs
	if len(spans) == 0 {
		spans = []news.Span{{Start: 0, End: len(d.Text)}}
	}
	var out []news.Span
	for _, p := range spans {
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End {
			continue
		}
		s := p.Start
		for s < p.End {
			e := strings.IndexByte(d.Text[s:p.End], '\n')
			if e < 0 {
				e = p.End
			} else {
				e += s
			}
			if strings.TrimSpace(d.Text[s:e]) != "" {
				out = append(out, news.Span{Start: s, End: e})
			}
			s = e + 1
		}
	}
	return out
}

// attributionFollows reports whether the words from token j are a short
// source and a reporting verb, or a verb and a source: "Trump said",
// "said Sen. Murphy".
func attributionFollows(ts []tok, j int, stop byte) bool {
	for k := j; k < len(ts) && k < j+6; k++ {
		t := &ts[k]
		if t.kind != 'w' {
			return false
		}
		if ok := t.has(lxPronoun); ok && stop == '.' {
			// “… .” He said … starts a new sentence.
			return false
		}
		if kind := t.cue; kind == cueSay || kind == cueTell {
			// After a full stop only a bare attribution stays: “… .”
			// Trump said.
			return stop != '.' || k+1 >= len(ts) || ts[k+1].kind == 'p'
		}
		if !t.upper && !t.has(lxTitleWord) && !t.has(lxDeterminer) {
			return false
		}
	}
	return false
}

// segmented returns d when it has tokens, else a copy of d with the
// sentences and tokens the segment stage gives it (sentence.Split, then
// token.Append over each sentence).
func segmented(d *news.Doc) *news.Doc {
	if len(d.Tokens) > 0 || strings.TrimSpace(d.Text) == "" {
		return d
	}
	c := *d
	c.Sentences, c.Tokens = nil, nil
	for _, sp := range sentence.Split(d.Text) {
		first := len(c.Tokens)
		c.Tokens = token.Append(c.Tokens, d.Text, sp)
		c.Sentences = append(c.Sentences, news.Sentence{Span: sp, FirstToken: first, EndToken: len(c.Tokens)})
	}
	return &c
}

// abbreviated reports whether a word is an abbreviation written with its
// period (Sen., U.S.), as the tokenizer keeps it.
func abbreviated(w string) bool {
	core, ok := strings.CutSuffix(w, ".")
	return ok && sentence.Abbreviation(core) != sentence.NotAbbrev
}

// segmentSpan returns the tokens and sentences of text[sp.Start:sp.End]
// as the segment stage splits a Doc.
func segmentSpan(text string, sp news.Span) ([]news.Token, []news.Span) {
	sents := sentence.Split(text[sp.Start:sp.End])
	var toks []news.Token
	for k := range sents {
		sents[k].Start += sp.Start
		sents[k].End += sp.Start
		toks = token.Append(toks, text, sents[k])
	}
	return toks, sents
}

// sentencesIn appends to out the spans of the sentences of d that lie in
// sp, cut at its edges, in text order.
func sentencesIn(out []news.Span, d *news.Doc, sp news.Span) []news.Span {
	ss := d.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > sp.Start })
	for ; k < len(ss) && ss[k].Start < sp.End; k++ {
		s := news.Span{Start: max(ss[k].Start, sp.Start), End: min(ss[k].End, sp.End)}
		for s.Start < s.End && unicode.IsSpace(rune(d.Text[s.Start])) {
			s.Start++
		}
		for s.End > s.Start && unicode.IsSpace(rune(d.Text[s.End-1])) {
			s.End--
		}
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}
