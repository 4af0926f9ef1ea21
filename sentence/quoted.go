package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// A reader of direct speech needs two things the plain sentences do not
// give: the quotations of a paragraph, and sentences that a quotation does
// not cut. Quotations pairs the quotation marks among a paragraph's
// tokens; Quoted joins the sentences that a break divides inside a
// closed quotation (“I came. I saw,” he said) or between a quotation
// that ends in a stop and its own attribution (“Can she stay?” Trump
// said).

// Quotation is a direct quotation of one paragraph: the tokens from its
// opening double quotation mark to its closing one, both included.
type Quotation struct {
	// Span runs from the opening mark to the closing one.
	news.Span
	// FirstToken and EndToken are the half-open range of the
	// quotation's tokens, as indexes into the tokens given to Quotations.
	FirstToken, EndToken int
	// Unclosed reports that no mark closes the quotation in its
	// paragraph: it runs to the paragraph's end (and may go on in the
	// next one).
	Unclosed bool
}

// mark is a double quotation mark among a paragraph's tokens: tokens
// [first, end) of them.
type mark struct {
	first, end  int
	open, close bool
}

// nextMark returns the first double quotation mark among toks, tokens
// of text, from token k on, and ok false when there is none. A mark is
// a token that is one of " “ ” „ « » ‟ ＂, or two apostrophes or two
// backquotes written together, the typewriter's marks; of three
// apostrophes, the first closes a single quotation and the other two a
// double one. A curly or angled mark tells whether it opens or closes;
// the others tell neither.
func nextMark(text string, toks []news.Token, k int) (m mark, ok bool) {
	adjacent := func(j int, s string) bool {
		return j < len(toks) && toks[j].Start == toks[j-1].End && toks[j].In(text) == s
	}
	for ; k < len(toks); k++ {
		s := toks[k].In(text)
		switch {
		case s == "'" && adjacent(k+1, "'") && adjacent(k+2, "'"):
			// the first of three apostrophes is a single mark
		case (s == "'" || s == "`") && adjacent(k+1, s):
			return mark{first: k, end: k + 2, open: s == "`"}, true
		default:
			r, n := utf8.DecodeRuneInString(s)
			if n != len(s) || !IsQuoteMark(r) {
				continue
			}
			m := mark{first: k, end: k + 1}
			switch r {
			case '“', '„', '«', '‟':
				m.open = true
			case '”', '»':
				m.close = true
			}
			return m, true
		}
	}
	return mark{}, false
}

// IsQuoteMark reports whether r is a double quotation mark.
func IsQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟', '＂':
		return true
	}
	return false
}

// Quotations returns the quotations of one paragraph whose tokens, in
// text order, are toks. Marks pair in order: a mark opens a quotation
// unless it can only close one (” ») and does not stand where a
// quotation opens (after a space or at the paragraph's start, and right
// before a word); the next mark closes it, unless it can only open one
// and follows the opening mark with nothing between (then it opens the
// quotation instead). A quotation left open at the paragraph's end,
// with some token after its mark, is Unclosed.
func Quotations(text string, toks []news.Token) []Quotation {
	var out []Quotation
	var open mark
	opened := false
	for m, ok := nextMark(text, toks, 0); ok; m, ok = nextMark(text, toks, m.end) {
		if !opened {
			if m.close && !m.open && !opensWord(text, toks, m) {
				continue // a stray closing mark
			}
			open, opened = m, true
			continue
		}
		if m.open && !m.close && m.first == open.end {
			open = m
			continue
		}
		out = append(out, Quotation{Span: news.Span{Start: toks[open.first].Start, End: toks[m.end-1].End}, FirstToken: open.first, EndToken: m.end})
		opened = false
	}
	if opened && open.end < len(toks) {
		out = append(out, Quotation{Span: news.Span{Start: toks[open.first].Start, End: toks[len(toks)-1].End}, FirstToken: open.first, EndToken: len(toks), Unclosed: true})
	}
	return out
}

// opensWord reports whether the mark m stands where a quotation opens:
// at the start or after a space, and right before a word.
func opensWord(text string, toks []news.Token, m mark) bool {
	if m.end >= len(toks) || toks[m.end].Start != toks[m.end-1].End {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[m.end].In(text))
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
		return false
	}
	return m.first == 0 || toks[m.first-1].End < toks[m.first].Start
}

// Quoted returns the sentences of one paragraph as a reader of
// quotations needs them: sents, the paragraph's sentences in text order
// (as Split gives them), with each run that a break divides inside one
// of the closed quotations qs joined into one span, and a sentence that
// ends in a stop and closing marks (a quotation's, a bracket's) joined
// with the next one when attributed reports that the next one opens
// with the quotation's attribution. attributed gets the next sentence and the stop (. ? or
// !); nil means no sentence opens with one. A joined span is at most
// MaxBytes long: a run that would grow longer stays cut. Quoted joins in
// place, as append extends: it returns sents[:n], and sents no longer
// holds what it held.
func Quoted(text string, sents []news.Span, qs []Quotation, attributed func(next news.Span, stop byte) bool) []news.Span {
	if len(sents) < 2 {
		return sents
	}
	out := sents[:0]
	cur := sents[0]
	for _, next := range sents[1:] {
		join := insideQuotation(cur.End, qs)
		if !join && attributed != nil {
			if stop := quotedStop(text, cur); stop != 0 {
				join = attributed(next, stop)
			}
		}
		if join && next.End-cur.Start <= MaxBytes {
			cur.End = next.End
			continue
		}
		out = append(out, cur)
		cur = next
	}
	return append(out, cur)
}

// insideQuotation reports whether a sentence that ends at offset end
// ends inside one of the closed quotations qs, before its closing mark.
func insideQuotation(end int, qs []Quotation) bool {
	for _, q := range qs {
		if !q.Unclosed && q.Start < end && end < q.End {
			return true
		}
	}
	return false
}

// quotedStop returns the stop (. ? !) that a sentence ends with before
// closing marks: double quotation marks, apostrophes and closing brackets, at
// least one of them ("… stay?”", "… back.)"). It returns 0 when s does
// not end so.
func quotedStop(text string, s news.Span) byte {
	w := s.In(text)
	core := strings.TrimRightFunc(w, func(r rune) bool { return IsQuoteMark(r) || r == '\'' || r == ')' || r == ']' })
	if core == w {
		return 0
	}
	stops := len(core)
	for stops > 0 && (core[stops-1] == '.' || core[stops-1] == '?' || core[stops-1] == '!') {
		stops--
	}
	if stops == len(core) {
		return 0
	}
	return core[stops]
}
