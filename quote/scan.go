package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// tok is one word, punctuation mark or double quotation mark, with its
// byte span in the document text. The finder keeps its own tokens so that
// it does not depend on how the segment stage split the text.
type tok struct {
	news.Span
	text string
	low  string
	// kind is 'w' for a word, 'p' for punctuation and 'q' for a double
	// quotation mark.
	kind byte
	// open reports, for a curly or low quotation mark, that it opens.
	open, close bool
	// lx is the token's lexical class and cue its kind of cue, if lx
	// has lxCue (see classify).
	lx  lexBits
	cue cueKind
}

// isQuoteRune reports whether r is a double quotation mark.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟', '＂':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// abbreviations that take a period without ending a sentence.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true, "adm": true,
	"st": true, "jr": true, "sr": true, "prof": true, "rev": true, "hon": true, "pres": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "gens": true, "reps": true, "sens": true,
	"cmdr": true, "brig": true, "supt": true, "mt": true, "ft": true, "approx": true, "dept": true,
	"univ": true, "assn": true, "bros": true, "ave": true, "e.g": true, "i.e": true, "etc": true,
}

// tokenize splits text[lo:hi] into tokens, each with its lexical class.
func tokenize(text string, lo, hi int) []tok {
	// about one token in five bytes of news text
	return appendTokens(make([]tok, 0, (hi-lo)/5+4), text, lo, hi)
}

// appendTokens appends the tokens of text[lo:hi] to out.
func appendTokens(out []tok, text string, lo, hi int) []tok {
	first := len(out)
	i := lo
	for i < hi {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '\'' && i+2 < hi && text[i+1] == '\'' && text[i+2] == '\'':
			// Three apostrophes close a single quotation inside a double one.
			out = append(out, tok{Span: news.Span{Start: i, End: i + 1}, text: "'", low: "'", kind: 'p'})
			i++
		case (r == '\'' || r == '`') && i+1 < hi && text[i+1] == byte(r):
			// '' and `` stand for double quotation marks.
			t := tok{Span: news.Span{Start: i, End: i + 2}, text: text[i : i+2], kind: 'q'}
			t.low = t.text
			t.open = r == '`'
			out = append(out, t)
			i += 2
		case isQuoteRune(r):
			t := tok{Span: news.Span{Start: i, End: i + n}, text: text[i : i+n], kind: 'q'}
			t.low = t.text
			switch r {
			case '“', '„', '«', '‟':
				t.open = true
			case '”', '»':
				t.close = true
			}
			out = append(out, t)
			i += n
		case isWordRune(r):
			j := i + n
			for j < hi {
				r2, n2 := utf8.DecodeRuneInString(text[j:hi])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// Inner apostrophes, hyphens, periods and ampersands
				// join word characters: don't, al-Ghanmi, U.S, AT&T.
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '‑' {
					if j+n2 < hi {
						r3, _ := utf8.DecodeRuneInString(text[j+n2 : hi])
						if isWordRune(r3) {
							j += n2
							continue
						}
					}
				}
				break
			}
			// A period after an abbreviation, an initial or a dotted
			// acronym belongs to the word.
			low := ""
			if j < hi && text[j] == '.' {
				w := strings.ToLower(text[i:j])
				if abbrev[w] || strings.Contains(w, ".") || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
					j++
				} else {
					low = w
				}
			}
			t := tok{Span: news.Span{Start: i, End: j}, text: text[i:j], kind: 'w'}
			if t.low = low; low == "" {
				t.low = strings.ToLower(t.text)
			}
			out = append(out, t)
			i = j
		default:
			// Runs of the same punctuation (..., --) are one token.
			j := i + n
			for j < hi {
				r2, n2 := utf8.DecodeRuneInString(text[j:hi])
				if r2 != r {
					break
				}
				j += n2
			}
			t := tok{Span: news.Span{Start: i, End: j}, text: text[i:j], kind: 'p'}
			t.low = t.text
			out = append(out, t)
			i = j
		}
	}
	classify(out[first:])
	return out
}

// qspan is a direct quotation: the tokens from its opening mark to its
// closing mark, both included. end is exclusive. open reports that the
// quotation was not closed in its paragraph.
type qspan struct {
	start, end int
	unclosed   bool
}

// pairQuotes pairs the quotation marks of one paragraph's tokens.
func pairQuotes(ts []tok) []qspan {
	var out []qspan
	openAt := -1
	for i, t := range ts {
		if t.kind != 'q' {
			continue
		}
		if openAt < 0 {
			if t.close && !t.open && !opensStraight(ts, i) {
				continue // a stray closing mark
			}
			openAt = i
			continue
		}
		if t.open && !t.close && i == openAt+1 {
			openAt = i
			continue
		}
		out = append(out, qspan{start: openAt, end: i + 1})
		openAt = -1
	}
	if openAt >= 0 && openAt < len(ts)-1 {
		out = append(out, qspan{start: openAt, end: len(ts), unclosed: true})
	}
	return out
}

// opensStraight reports whether a closing-looking mark at i sits where a
// quotation would open: at the start or after a space and before a word.
func opensStraight(ts []tok, i int) bool {
	if i+1 >= len(ts) || ts[i+1].kind != 'w' || ts[i+1].Start != ts[i].End {
		return false
	}
	return i == 0 || ts[i-1].End < ts[i].Start
}

// sentences splits a paragraph's tokens into sentences, never inside a
// quotation closed in the paragraph. Each sentence is a half-open range
// of token indexes.
func sentences(ts []tok, qs []qspan) [][2]int {
	inQuote := make([]bool, len(ts))
	closing := make([]bool, len(ts))
	for _, q := range qs {
		if q.unclosed {
			continue
		}
		closing[q.end-1] = true
		// The stop that ends a quotation may end its sentence too.
		for i := q.start + 1; i < q.end-2; i++ {
			inQuote[i] = true
		}
	}
	var out [][2]int
	start := 0
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		end := false
		if t.kind == 'p' && (t.text[0] == '.' || t.text[0] == '?' || t.text[0] == '!') && !inQuote[i] {
			end = true
		} else if t.kind == 'w' && strings.HasSuffix(t.text, ".") && len(t.text) > 2 && strings.Contains(t.text[:len(t.text)-1], ".") && !inQuote[i] {
			// A dotted acronym may end a sentence (in the U.S. The ...).
			end = i+1 < len(ts) && ts[i+1].kind == 'w' && startsUpper(ts[i+1].text) && functionCap[ts[i+1].low]
		}
		if !end {
			continue
		}
		j := i + 1
		// Closing quotation marks and brackets stay with the sentence.
		for j < len(ts) && (ts[j].kind == 'q' && !ts[j].open && closing[j] || ts[j].text == ")" || ts[j].text == "]") {
			j++
		}
		if j < len(ts) {
			n := ts[j]
			if !(n.kind == 'q' || startsUpper(n.text) || unicode.IsDigit(firstRune(n.text))) {
				continue
			}
			// A quotation ending in a stop and followed by its
			// attribution stays one sentence: “Can she stay?” Trump said.
			if j > i+1 && attributionFollows(ts, j, t.text[0]) {
				continue
			}
		}
		out = append(out, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < len(ts) {
		out = append(out, [2]int{start, len(ts)})
	}
	return capSentences(ts, out)
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

func startsUpper(s string) bool { return unicode.IsUpper(firstRune(s)) }

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
		t := ts[k]
		if t.kind != 'w' {
			return false
		}
		if _, ok := pronouns[t.low]; ok && stop == '.' {
			// “… .” He said … starts a new sentence.
			return false
		}
		if kind := cues[t.low]; kind == cueSay || kind == cueTell {
			// After a full stop only a bare attribution stays: “… .”
			// Trump said.
			return stop != '.' || k+1 >= len(ts) || ts[k+1].kind == 'p'
		}
		if !startsUpper(t.text) && !titleWords[t.low] && !determiners[t.low] {
			return false
		}
	}
	return false
}
