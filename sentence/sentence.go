// Package sentence splits news text into sentences, keeping byte offsets.
//
// The splitter is rule-based and tuned for news: it knows titles and ranks
// (Maj. Gen., Lt.), month abbreviations (Sept. 27), dotted acronyms (U.S.,
// P.M.F.) and initials, keeps closing quotes and brackets with the sentence
// they close, and never joins text across a blank line, which marks a
// paragraph. A single newline is ordinary white space, so text wrapped at a
// fixed width splits as it should.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// Split returns the spans of the sentences of text, in order. Spans start
// and end on non-space bytes.
func Split(text string) []news.Span {
	var out []news.Span
	for _, para := range Paragraphs(text) {
		out = splitParagraph(text, para, out)
	}
	return out
}

// Paragraphs returns the spans of the blank-line separated paragraphs of
// text, trimmed of surrounding white space.
func Paragraphs(text string) []news.Span {
	var out []news.Span
	start := -1 // start of the current paragraph, -1 when between paragraphs
	lastNonSpace := 0
	lineBlank := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if lineBlank && start >= 0 {
				out = append(out, news.Span{Start: start, End: lastNonSpace})
				start = -1
			}
			lineBlank = true
		case unicode.IsSpace(r):
		default:
			if start < 0 {
				start = i
			}
			lineBlank = false
			lastNonSpace = i + size
		}
		i += size
	}
	if start >= 0 {
		out = append(out, news.Span{Start: start, End: lastNonSpace})
	}
	return out
}

// chunk is a run of non-space text.
type chunk struct{ start, end int }

func chunks(text string, p news.Span) []chunk {
	var out []chunk
	start := -1
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, chunk{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = append(out, chunk{start, p.End})
	}
	return out
}

func splitParagraph(text string, p news.Span, out []news.Span) []news.Span {
	cs := chunks(text, p)
	start := -1
	for i, c := range cs {
		if start < 0 {
			start = c.start
		}
		next := ""
		if i+1 < len(cs) {
			next = text[cs[i+1].start:cs[i+1].end]
		}
		if i+1 == len(cs) || endsSentence(text[c.start:c.end], next) {
			out = append(out, news.Span{Start: start, End: c.end})
			start = -1
		}
	}
	return out
}

// closers are marks that may follow a sentence's final punctuation.
const closers = "\"')]}»”’"

// openers are marks that may precede a sentence's first letter.
const openers = "\"'([{«“‘"

// endsSentence decides whether the chunk w ends a sentence, given the chunk
// that follows it.
func endsSentence(w, next string) bool {
	core := strings.TrimRight(w, closers)
	if core == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(core)
	switch last {
	case '!', '?', '…':
		return startsSentence(next)
	case '.':
	default:
		return false
	}
	if strings.HasSuffix(core, "..") {
		return startsSentence(next)
	}
	word := strings.TrimLeft(core[:len(core)-1], openers)
	if core != w {
		// A closing quote or bracket after the period: "... terrorists."
		return startsSentence(next)
	}
	switch Abbreviation(word) {
	case AbbrevNeverFinal:
		return false
	case AbbrevBeforeNumber:
		return !startsWithDigit(next) && startsSentence(next)
	case AbbrevMaybeFinal:
		return startsSentence(next) && commonStarter(next)
	}
	return startsSentence(next)
}

// startsSentence reports whether a chunk can begin a sentence.
func startsSentence(next string) bool {
	next = strings.TrimLeft(next, openers+"-—–")
	if next == "" {
		return true
	}
	r, size := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		// Camel-case names start sentences too: iPhone, eBay.
		r2, _ := utf8.DecodeRuneInString(next[size:])
		return unicode.IsUpper(r2)
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Lo, r)
}

func startsWithDigit(s string) bool {
	s = strings.TrimLeft(s, "#")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// commonStarter reports whether a chunk is a word that often starts a
// sentence and rarely follows an abbreviation inside one.
func commonStarter(next string) bool {
	w := strings.ToLower(strings.TrimLeft(strings.TrimRight(next, ",;:"+closers), openers))
	return starters[w]
}

var starters = setOf(`a an the this that these those he she it they we i you his her its their our
but and or so yet however meanwhile still then there here in on at as after before since while when
if although though despite during for from with without by what who why how where which
no not some many most all both each every one two three mr mrs ms dr`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// AbbrevKind says how a word followed by a period behaves.
type AbbrevKind int

// The kinds of abbreviation.
const (
	// NotAbbrev: the period ends the word and may end the sentence.
	NotAbbrev AbbrevKind = iota
	// AbbrevNeverFinal: a title, rank or month (Gen., Sept.) that is
	// always followed by more of the same sentence.
	AbbrevNeverFinal
	// AbbrevMaybeFinal: an acronym, initial or company suffix (U.S., J.,
	// Inc.) that may also end a sentence.
	AbbrevMaybeFinal
	// AbbrevBeforeNumber: an abbreviation only when a number follows
	// (No. 5, Vol. 2, Art. 9); otherwise an ordinary word ("said no.").
	AbbrevBeforeNumber
)

// Abbreviation classifies word, written without its final period.
func Abbreviation(word string) AbbrevKind {
	if word == "" {
		return NotAbbrev
	}
	lw := strings.ToLower(word)
	if neverFinal[lw] {
		return AbbrevNeverFinal
	}
	if maybeFinal[lw] {
		return AbbrevMaybeFinal
	}
	if beforeNumber[lw] {
		return AbbrevBeforeNumber
	}
	// Initials and dotted acronyms: J, U.S, P.M.F, a.m, e.g
	if isDotted(word) {
		return AbbrevMaybeFinal
	}
	return NotAbbrev
}

// isDotted reports whether word is a single letter or letters joined by
// periods (U.S, P.M.F, a.m).
func isDotted(word string) bool {
	n := 0
	for i, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
		if i == 0 && unicode.IsLower(r) && !strings.Contains(word, ".") {
			return false // a lone lowercase letter is not an initial
		}
		n++
	}
	return n > 0
}

var neverFinal = setOf(`mr mrs ms messrs mme mlle dr prof rev fr sr st
gen maj lt col capt cmdr cmd cpl sgt pvt adm brig cdr comdr ens spc
gov sen rep reps sens pres supt det insp atty hon amb sec dep asst assoc
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
approx est vs v ft mt ave blvd rd hwy
calif colo conn fla ga ill ind kan kans ky la mass md mich minn miss mo mont neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo ariz ark del`)

var beforeNumber = setOf(`no nos vol vols pp fig figs art arts ch sec para ed eds op`)

var maybeFinal = setOf(`inc corp co ltd llc plc bros jr sr etc al esq dept univ govt cos`)
