// Package timex finds time expressions in English news text and normalises
// them to TimeML TIMEX3 values (2017-09-27, 2017-W40, 2017-08, P3D,
// PRESENT_REF) against the article's date.
//
// The tagger is a hand-written scanner over the words of each sentence: it
// splits the doc's tokens into runs of letters, digits and single marks,
// tries its rules at every word that may start an expression (a number, or
// a word of its start list: a month, a weekday, "last", "the", …) and keeps
// the longest match. Relative expressions (on Wednesday, last week, two
// days ago, October 4) are resolved against the anchor date, the direction
// (before or after the anchor) decided by the tense of the clause: the
// nearest cue among will/'ll/is expected to/planned (future) and
// past-tense verbs, has/had and ago (past). Anaphoric expressions (that year, the following month,
// the next day, later that day) count from the last date named in the
// document, and a month and day used as the name of an event (the Sept.
// 11 attacks) is not dated to the article's year (see NamesEvent).
package timex

import (
	"sync"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// Tag replaces d.Timexes with the time expressions of d.Text, normalised
// against anchor (the zero time leaves relative expressions unresolved:
// their Value is "" or holds X placeholders, XXXX-09-25, XXXX-WXX-3).
// It needs d.Sentences and d.Tokens. Tag is Find under its older name.
func Tag(d *news.Doc, anchor time.Time) { Find(d, anchor) }

// Find replaces d.Timexes with the time expressions of d.Text, read once:
// each with its span, type, the tense of its clause, its anchor-free
// value (Relative, for the expressions whose value depends on the date
// they are read against) and its value read against anchor (see Tag).
// Resolve then reads an expression against any other anchor without the
// text. It needs d.Sentences and d.Tokens.
func Find(d *news.Doc, anchor time.Time) {
	d.Timexes = nil
	s := scanner{}
	if !anchor.IsZero() {
		s.anchor, s.has = day(anchor), true
	}
	lo := token.LowerASCII(d.Text)
	// the words of the longest sentence fit without growing the buffer:
	// a token gives a word or a few (Sept. 27, 9/25/2017)
	most := 0
	for _, sent := range d.Sentences {
		if sent.FirstToken >= 0 && sent.EndToken <= len(d.Tokens) {
			most = max(most, sent.EndToken-sent.FirstToken)
		}
	}
	buf := wordBufs.Get().(*[]word)
	ws := *buf
	if cap(ws) < 2*most+8 {
		ws = make([]word, 0, 2*most+8)
	}
	defer func() {
		// the buffer must not keep this Doc's text alive
		clear(ws[:cap(ws)])
		*buf = ws[:0]
		wordBufs.Put(buf)
	}()
	for si, sent := range d.Sentences {
		if sent.FirstToken < 0 || sent.EndToken > len(d.Tokens) || sent.FirstToken >= sent.EndToken {
			continue
		}
		ws = splitWords(ws[:0], d.Text, lo, 0, d.Tokens[sent.FirstToken:sent.EndToken])
		s.ws = ws
		s.sentDir = 0
		s.sent = si
		s.dayEnd = -1
		for i := 0; i < len(ws); {
			if !ws[i].may {
				i++
				continue
			}
			c, ok := s.match(i)
			if !ok || c.end <= i || c.end > len(ws) {
				i++
				continue
			}
			if c.start < i || c.start >= c.end {
				c.start = i
			}
			if (c.typ == tDate || c.typ == tTime) && !c.name {
				// The last day named is the reference of "two days later".
				if st, en, ok := Interval(c.val); ok && st.Equal(en) {
					s.ref, s.hasRef, s.refSent = st, true, si
					s.refRel = relBase(c.rel)
				}
				if calendarValue(c.val) {
					s.lastDate = c.val
					s.lastDateRel = relBase(c.rel)
				}
				if st, en, ok := Interval(c.val); ok && st.Equal(en) && len(c.val) == 10 {
					s.dayEnd, s.lastDay = c.end, st
					s.lastDayRel = relBase(c.rel)
				}
			}
			sp := news.Span{Start: ws[c.start].start, End: ws[c.end-1].end}
			wc, wf := s.weakCue, s.weakFuture
			tn := s.tense(c.start, c.end)
			s.weakCue, s.weakFuture = wc, wf
			d.Timexes = append(d.Timexes, news.Timex{
				Span:     sp,
				Text:     d.Text[sp.Start:sp.End],
				Type:     c.typ,
				Value:    c.val,
				Mod:      c.mod,
				Sentence: si,
				Future:   c.fut,
				Tense:    tn,
				Relative: c.rel,
			})
			i = c.end
		}
	}
}

// wordBufs holds Find's word buffers from Doc to Doc.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// Tense reports the tense of the clause around span sp of d, as the tagger
// reads it to place relative dates: +1 for the future (will, is expected
// to, planned), -1 for the past (a past-tense verb, has + participle, ago),
// 0 when it cannot tell. It needs d.Sentences and d.Tokens.
func Tense(d *news.Doc, sp news.Span) int {
	sent, ok := wordedSentence(d, d.SentenceAt(sp.Start))
	if !ok {
		return 0
	}
	var buf [4*tenseReach + 8]word
	ws, i, j, ok := wordsAround(buf[:0], d, sent, sp.Start, sp.End, tenseReach)
	if !ok {
		return tenseWhole(d, sent, sp)
	}
	s := scanner{ws: ws}
	return s.tense(i, j)
}

// wordedSentence returns sentence si of d when its tokens and text are
// there to be read (ok false for -1 or a sentence out of d's bounds).
func wordedSentence(d *news.Doc, si int) (news.Sentence, bool) {
	if si < 0 || si >= len(d.Sentences) {
		return news.Sentence{}, false
	}
	sent := d.Sentences[si]
	if sent.FirstToken < 0 || sent.EndToken > len(d.Tokens) || sent.FirstToken >= sent.EndToken || sent.End > len(d.Text) {
		return news.Sentence{}, false
	}
	return sent, true
}

// tenseWhole is Tense reading the sentence's words all.
func tenseWhole(d *news.Doc, sent news.Sentence, sp news.Span) int {
	lo := token.LowerASCII(d.Text[sent.Start:sent.End])
	ws := splitWords(nil, d.Text, lo, sent.Start, d.Tokens[sent.FirstToken:sent.EndToken])
	i, j := len(ws), len(ws)
	for k, w := range ws {
		if w.start >= sp.Start && i == len(ws) {
			i = k
		}
		if w.start >= sp.End {
			j = k
			break
		}
	}
	if i > j {
		i = j
	}
	s := scanner{ws: ws}
	return s.tense(i, j)
}

// Stage is the analysis stage: it finds the expressions once (see Find),
// reading them against the stated date, or the dateline date when no date
// is stated.
type Stage struct{}

// Name names the stage.
func (Stage) Name() string { return "timex" }

// Apply tags d.
func (Stage) Apply(d *news.Doc) error {
	anchor := d.StatedDate
	if anchor.IsZero() {
		anchor = d.DatelineDate
	}
	Find(d, anchor)
	return nil
}

// calendarValue reports whether v is a year, a month or a day (2017,
// 2017-09, 2017-09-25).
func calendarValue(v string) bool {
	if len(v) != 4 && len(v) != 7 && len(v) != 10 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// NamesEvent reports whether the expression x of d is a month and day used
// as the name of a famous event (the Sept. 11 attacks, families of Sept.
// 11 victims) rather than the date of what its sentence tells. It needs
// d.Sentences and d.Tokens.
func NamesEvent(d *news.Doc, x news.Timex) bool {
	sent, ok := wordedSentence(d, x.Sentence)
	if !ok || x.Type != tDate {
		return false
	}
	var buf [4*eventReach + 8]word
	ws, k, _, ok := wordsAround(buf[:0], d, sent, x.End, x.End, eventReach)
	if !ok {
		return namesEventWhole(d, sent, x)
	}
	if k == len(ws) {
		return false
	}
	return namesEventAt(ws, k, x)
}

// namesEventAt is NamesEvent given the words of x's sentence and k, the
// first that starts at or after x's end.
func namesEventAt(ws []word, k int, x news.Timex) bool {
	w := ws[k]
	if k == 0 || ws[k-1].kind != 'd' && !(k > 1 && ws[k-2].kind == 'd') {
		return false // the day (11, 11th) ends the expression
	}
	return eventNouns[w.lo] || famousValue(x.Value) && w.upper && w.kind == 'a'
}

// namesEventWhole is NamesEvent reading the sentence's words all.
func namesEventWhole(d *news.Doc, sent news.Sentence, x news.Timex) bool {
	lo := token.LowerASCII(d.Text[sent.Start:sent.End])
	ws := splitWords(nil, d.Text, lo, sent.Start, d.Tokens[sent.FirstToken:sent.EndToken])
	for k, w := range ws {
		if w.start >= x.End {
			return namesEventAt(ws, k, x)
		}
	}
	return false
}

// famousValue reports whether v is the date of a famous day.
func famousValue(v string) bool {
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return false
	}
	y, ok := famousDays[[2]int{int(t.Month()), t.Day()}]
	return ok && y == t.Year()
}
