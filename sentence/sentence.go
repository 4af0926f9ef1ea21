// Package sentence splits news text into sentences, keeping byte offsets.
//
// The splitter is rule-based and tuned for news: it knows titles and ranks
// (Maj. Gen., Lt.), month abbreviations (Sept. 27), dotted acronyms (U.S.,
// P.M.F.) and initials, keeps closing quotes and brackets with the sentence
// they close, and never joins text across a blank line, which marks a
// paragraph. A single newline is ordinary white space, so text wrapped at a
// fixed width splits as it should.
//
// A sentence is at most MaxBytes long. Text that runs on without a full
// stop (a list, a transcript without punctuation, a page flattened onto one
// line) is cut before the limit, at the last comma, semicolon, colon or dash
// in the second half of the run, else at the last space, else (one word of
// that length) at a character boundary. So every stage that works sentence
// by sentence does a bounded amount of work per sentence, and Split itself
// takes time linear in the length of the text.
package sentence

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

// Split returns the spans of the sentences of text, in order. Spans start
// and end on non-space bytes.
func Split(text string) []news.Span {
	var out []news.Span
	buf := chunkBufs.Get().(*[]chunk)
	cs := *buf
	for _, para := range Paragraphs(text) {
		cs = chunks(text, para, cs[:0])
		out = splitParagraph(text, cs, out)
	}
	*buf = cs[:0]
	chunkBufs.Put(buf)
	return out
}

// chunkBufs holds Split's chunk buffers (offsets only) from text to text.
var chunkBufs = sync.Pool{New: func() any { return new([]chunk) }}

// Paragraphs returns the spans of the blank-line separated paragraphs of
// text, trimmed of surrounding white space.
func Paragraphs(text string) []news.Span {
	var out []news.Span
	start := -1 // start of the current paragraph, -1 when between paragraphs
	lastNonSpace := 0
	// line by line: a line is blank when it holds only white space; the
	// newlines are found with strings.IndexByte, and only a line's ends
	// are read rune by rune
	for ls := 0; ; {
		le := strings.IndexByte(text[ls:], '\n')
		nl := le >= 0
		if nl {
			le += ls
		} else {
			le = len(text)
		}
		line := text[ls:le]
		if k := strings.IndexFunc(line, notSpace); k >= 0 {
			if start < 0 {
				start = ls + k
			}
			lastNonSpace = ls + len(strings.TrimRightFunc(line, isSpace))
		} else if nl && start >= 0 {
			out = append(out, news.Span{Start: start, End: lastNonSpace})
			start = -1
		}
		if !nl {
			break
		}
		ls = le + 1
	}
	if start >= 0 {
		out = append(out, news.Span{Start: start, End: lastNonSpace})
	}
	return out
}

// notSpace is !isSpace.
func notSpace(r rune) bool { return !isSpace(r) }

// wordEnd returns the end of the run of ASCII letters, digits and marks
// (bytes above ' ' and below utf8.RuneSelf) from i, at most end. It is not
// inlined: in the loops of Paragraphs and chunks the index would live on
// the stack.
//
//go:noinline
func wordEnd(text string, i, end int) int {
	if end > len(text) {
		end = len(text)
	}
	// eight bytes at a time: the lowest byte flagged below is the first
	// at or under ' ' or at or above utf8.RuneSelf (a borrow that flags a
	// byte wrongly comes from a lower one flagged rightly)
	const (
		ones = 0x0101010101010101
		high = 0x80 * ones
	)
	for i+8 <= end {
		s := text[i : i+8]
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if m := ((x-(' '+1)*ones)&^x | x) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for ; i < end; i++ {
		if c := text[i]; c <= ' ' || c >= utf8.RuneSelf {
			break
		}
	}
	return i
}

// isSpace is unicode.IsSpace with the ASCII runes, most of the text, told
// by a comparison.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// MaxBytes is the length above which a run of text is cut into
// sentences without a full stop. The longest sentence in the shared news
// sets (DUC 2003, BASIL, the brief stories) is 782 bytes; 99.9% are under
// 500.
const MaxBytes = 1024

// chunk is a run of non-space text.
type chunk struct{ start, end int }

// chunks appends the runs of non-space text in p to out. A run longer
// than MaxBytes is cut into pieces of at most MaxBytes at character
// boundaries.
func chunks(text string, p news.Span, out []chunk) []chunk {
	start := -1
	for i := p.Start; i < p.End; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isSpace(r) {
			if start >= 0 {
				out = append(out, chunk{start, i})
				start = -1
			}
		} else {
			if start < 0 {
				start = i
			} else if i+size-start > MaxBytes {
				out = append(out, chunk{start, i})
				start = i
			}
			i += size
			// the rest of a word of ASCII letters, digits and marks, up
			// to the cut
			i = wordEnd(text, i, min(p.End, start+MaxBytes))
			continue
		}
		i += size
	}
	if start >= 0 {
		out = append(out, chunk{start, p.End})
	}
	return out
}

// splitParagraph appends the sentences of a paragraph, whose chunks are
// cs, to out.
func splitParagraph(text string, cs []chunk, out []news.Span) []news.Span {
	first := -1 // the first chunk of the current sentence, -1 between sentences
	soft := -1  // the last chunk of it ending on a comma, semicolon, colon or dash
	for i, c := range cs {
		if first < 0 {
			first, soft = i, -1
		}
		// A sentence that would grow past MaxBytes with this chunk is cut
		// before it: after the last soft break in its second half, else
		// before this chunk. The chunks after a soft break stay in the
		// next sentence, so they are looked at again at most once.
		for i > first && c.end-cs[first].start > MaxBytes {
			cut := i - 1
			if soft >= first && (cs[soft].end-cs[first].start)*2 >= MaxBytes {
				cut = soft
			}
			out = append(out, news.Span{Start: cs[first].start, End: cs[cut].end})
			first, soft = cut+1, -1
			for k := first; k < i; k++ {
				if softBreak(text[cs[k].start:cs[k].end]) {
					soft = k
				}
			}
		}
		if i+1 < len(cs) && alnum(text[c.end-1]) {
			continue // most chunks: neither a soft break nor a sentence's end
		}
		if softBreak(text[c.start:c.end]) {
			soft = i
		}
		next := ""
		if i+1 < len(cs) {
			next = text[cs[i+1].start:cs[i+1].end]
		}
		if i+1 == len(cs) || endsSentence(text[c.start:c.end], next) {
			out = append(out, news.Span{Start: cs[first].start, End: c.end})
			first = -1
		}
	}
	return out
}

// alnum reports whether c is an ASCII letter or digit: a chunk ending
// with one ends on no mark (softBreak, endsSentence).
func alnum(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

// softBreak reports whether a chunk ends where a run-on sentence may be
// cut: on a comma, semicolon, colon or dash, or is a dash itself.
func softBreak(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	switch r {
	case ',', ';', ':', '—', '–', '-':
		return true
	}
	return false
}

// closers are marks that may follow a sentence's final punctuation.
const closers = "\"')]}»”’"

// openers are marks that may precede a sentence's first letter.
const openers = "\"'([{«“‘"

// endsSentence decides whether the chunk w ends a sentence, given the chunk
// that follows it.
func endsSentence(w, next string) bool {
	if w == "" {
		return false
	}
	switch c := w[len(w)-1]; {
	case c >= utf8.RuneSelf, c == '.', c == '!', c == '?', strings.IndexByte(closers, c) >= 0:
	default:
		return false // most words: no final mark and no closer to trim
	}
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
	return starters()[w]
}

// starters are lexicon's determiners, subject pronouns and possessives
// but "my" and "your", which the list never held (kept out so that splits
// do not change), and startersRest.
var starters = sync.OnceValue(func() map[string]bool {
	m := lexicon.Set(lexicon.Determiner|lexicon.Pronoun|lexicon.Possessive, 0, strings.Fields(startersRest)...)
	delete(m, "my")
	delete(m, "your")
	return m
})

// startersRest are the conjunctions, adverbs, prepositions, question
// words, quantifiers, small numbers and forms of address that often start
// a sentence.
const startersRest = `but and or so yet however meanwhile still then there here in on at as after before since
while when if although though despite during for from with without by what who why how
where which no not some many most all both each every one two three mr mrs ms dr`

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

// maxAbbrev is the length of the longest word Abbreviation takes for one:
// the word lists hold words of up to 6 letters, and a dotted acronym of
// more than 32 letters is not one. The bound keeps callers that try each
// shorter prefix of a long run (the tokenizer does, cutting marks off its
// end) linear.
const maxAbbrev = 64

// Abbreviation classifies word, written without its final period.
func Abbreviation(word string) AbbrevKind {
	if word == "" || len(word) > maxAbbrev {
		return NotAbbrev
	}
	// the lists hold lowercase ASCII words: an ASCII word is lowered
	// into an array, which the map lookups read without a copy
	var buf [maxAbbrev]byte
	ascii := true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	var kind AbbrevKind
	if ascii {
		kind = listed(buf[:len(word)])
	} else {
		kind = listed([]byte(strings.ToLower(word)))
	}
	if kind != NotAbbrev {
		return kind
	}
	// Initials and dotted acronyms: J, U.S, P.M.F, a.m, e.g
	if isDotted(word) {
		return AbbrevMaybeFinal
	}
	return NotAbbrev
}

// listed returns the kind of a lowercase word the lists hold, or
// NotAbbrev.
func listed(lw []byte) AbbrevKind {
	switch {
	case neverFinal()[string(lw)]:
		return AbbrevNeverFinal
	case maybeFinal()[string(lw)]:
		return AbbrevMaybeFinal
	case beforeNumber()[string(lw)]:
		return AbbrevBeforeNumber
	}
	return NotAbbrev
}

// isDotted reports whether word is a single letter or letters joined by
// periods (U.S, P.M.F, a.m).
func isDotted(word string) bool {
	dotted := strings.Contains(word, ".")
	rest := word
	for i := 0; ; i++ {
		part, after, more := strings.Cut(rest, ".")
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
		if i == 0 && unicode.IsLower(r) && !dotted {
			return false // a lone lowercase letter is not an initial
		}
		if !more {
			return true
		}
		rest = after
	}
}

// neverFinal are the abbreviations always followed by more of their
// sentence: lexicon's abbreviated titles, ranks, months and weekdays
// (Abbrev: "Gen.", "Sept.", "Tues."), and the splitter's own remainder.
var neverFinal = sync.OnceValue(func() map[string]bool {
	m := lexicon.Set(lexicon.Abbrev, 0, strings.Fields(neverFinalRest)...)
	for _, w := range strings.Fields(notNeverFinal) {
		delete(m, w)
	}
	return m
})

// neverFinalRest are the never-final abbreviations no lexicon class
// holds: plural and French forms of address, civil and military titles
// news copy abbreviates besides lexicon's, street and measure words, and
// the US states' AP abbreviations.
const neverFinalRest = `messrs mme mlle fr sr cmd pvt comdr ens spc
pres supt det insp atty hon amb sec dep asst assoc
approx est vs v ft mt ave blvd rd hwy
calif colo conn fla ga ill ind kan kans ky la mass md mich minn miss mo mont neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo ariz ark del`

// notNeverFinal are lexicon abbreviations the splitter's list never held
// ("Gens.", "Lieut."). They stay out so that splits do not change with
// this list's move to lexicon; whether they belong is a separate question.
const notNeverFinal = `gens lieut`

var beforeNumber = lexicon.LazySet(`no nos vol vols pp fig figs art arts ch sec para ed eds op`)

var maybeFinal = lexicon.LazySet(`inc corp co ltd llc plc bros jr sr etc al esq dept univ govt cos`)
