package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

// cand is one matched expression, before it becomes a news.Timex.
type cand struct {
	start int // index of the first word
	end   int // index of the word after the match
	typ   string
	val   string
	mod   string
	fut   bool           // points after the anchor, or is planned from it
	name  bool           // names an event (the Sept. 11 attacks): not a reference for later dates
	rel   *news.Relative // the anchor-free value, when the value or fut depends on the anchor
}

// Expression types.
const (
	tDate     = "DATE"
	tTime     = "TIME"
	tDuration = "DURATION"
	tSet      = "SET"
)

// scanner holds the state of one Tag call.
type scanner struct {
	forceDir   int       // the tense decided by an enclosing expression
	weakFuture bool      // the last tense came from "would"
	anchor     time.Time // day of the anchor, UTC
	has        bool      // anchor is known
	ws         []word    // words of the current sentence
	lastQ      string    // the last quarter named in the doc (2017-Q3)
	ref        time.Time // the last full date named in the doc
	hasRef     bool
	lastDate   string     // the last calendar date, month or year named (2017, 2017-09, 2017-09-25)
	sentDir    int        // the tense of the last weekday read in the sentence
	weakCue    bool       // the last tense came from a weak cue (a reporting verb, an -ed word)
	sent       int        // the index of the current sentence
	refSent    int        // the sentence ref was named in
	dayEnd     int        // the word after the last full date read in the sentence, or -1
	lastDay    time.Time  // that date
	cues       *wordIndex // cueIndex, once looked up
	tryAll     bool       // core tries its rules at words outside the starters too (MissedStarts)
	// The anchor-free values of ref, lastDate and lastDay when they were
	// read against the anchor; nil when they were written in full.
	refRel, lastDateRel, lastDayRel *news.Relative
}

// relBase returns r when it depends on the anchor for its value, else nil.
func relBase(r *news.Relative) *news.Relative {
	if r == nil || r.Kind == "date" {
		return nil
	}
	return r
}

// withRel returns a copy of r changed by f.
func withRel(r *news.Relative, f func(*news.Relative)) *news.Relative {
	if r == nil {
		return nil
	}
	x := *r
	f(&x)
	return &x
}

func (s *scanner) lo(i int) string {
	if i < 0 || i >= len(s.ws) {
		return ""
	}
	return s.ws[i].lo
}

// is reports whether word i is x.
func (s *scanner) is(i int, x string) bool { return i >= 0 && i < len(s.ws) && s.ws[i].lo == x }

// glued reports whether word i is x written right after word i-1.
func (s *scanner) gluedIs(i int, x string) bool { return s.is(i, x) && s.ws[i].glued }

func (s *scanner) digit(i int) bool { return i >= 0 && i < len(s.ws) && s.ws[i].kind == 'd' }

// period skips an abbreviation's period glued to word i-1.
func (s *scanner) period(i int) int {
	if s.gluedIs(i, ".") {
		return i + 1
	}
	return i
}

// approx are the words before a quantity that give a TimeML mod.
var approx = map[string]string{
	"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
	"nearly": "LESS_THAN", "almost": "LESS_THAN", "under": "LESS_THAN", "within": "EQUAL_OR_LESS",
	"over": "MORE_THAN",
}

// outside are approximations TimeBank leaves out of the expression's span
// (about three days, within a week); the others (nearly two years, more
// than a week, at least 30 days) belong to it.
var outside = map[string]bool{"about": true, "almost": true, "within": true, "over": true, "under": true}

// match tries to read a time expression starting at word i.
func (s *scanner) match(i int) (cand, bool) {
	j := i
	// April 24 and 25: the second day of a pair shares the month.
	if s.dayAt(i) && i >= 2 && s.dayEnd == i-1 && (s.is(i-1, "and") || s.is(i-1, "or") || s.is(i-1, "to") || s.is(i-1, "through")) {
		n := s.ws[i].num
		if t := s.lastDay; n > t.Day() && validDate(t.Year(), int(t.Month()), n) && !s.is(i+1, "%") && !s.is(i+1, "percent") && !s.is(i+1, "per") {
			e := i + 1
			if x := s.lo(e); (x == "st" || x == "nd" || x == "rd" || x == "th") && s.ws[e].glued {
				e++
			}
			if _, ok := units[s.lo(e)]; !ok && lexicon.MonthNumber(s.lo(e)) == 0 {
				d := date(t.Year(), int(t.Month()), n)
				c := cand{start: i, end: e, typ: tDate, val: dayValue(d)}
				if s.lastDayRel != nil {
					c.rel = &news.Relative{Kind: "ref", Unit: "day", Day: n, Base: s.lastDayRel, Mode: "mark"}
				}
				return s.markFuture(c, d, d), true
			}
		}
	}
	amod := ""
	// Approximations: about three years, more than a week, at least 30
	// days. Each case reads its own words at j: a switch on the word
	// tries the one case that may hold.
	switch x := s.lo(j); x {
	case "more", "less", "fewer":
		if s.is(j+1, "than") {
			amod = "MORE_THAN"
			if x != "more" {
				amod = "LESS_THAN"
			}
			j += 2
		}
	case "at":
		if s.is(j+1, "least") || s.is(j+1, "most") {
			amod = "EQUAL_OR_MORE"
			if s.is(j+1, "most") {
				amod = "EQUAL_OR_LESS"
			}
			j += 2
		}
	case "up":
		if s.is(j+1, "to") && (s.digit(j+2) || numberWordAt(s.lo(j+2))) {
			amod = "EQUAL_OR_LESS"
			j += 2
		}
	case "no":
		if s.is(j+1, "more") && s.is(j+2, "than") {
			amod = "EQUAL_OR_LESS"
			j += 3
		}
	case "right":
		if s.is(j+1, "now") {
			return cand{start: i, end: j + 2, typ: tDate, val: PresentRef}, true
		}
	case "these":
		if s.is(j+1, "days") {
			return cand{start: i, end: j + 2, typ: tDate, val: PresentRef}, true
		}
	case "earlier", "later":
		if s.is(j+1, "this") || s.is(j+1, "last") || s.is(j+1, "next") || s.is(j+1, "today") || s.is(j+1, "tonight") || s.is(j+1, "that") {
			c, ok := s.match(j + 1)
			if ok && c.start == j+1 {
				c.start = i
			}
			return c, ok
		}
	default:
		// the starters mark the words of approx: the others are not
		// looked up
		if j < len(s.ws) && s.ws[j].cls&sApprox != 0 && approx[x] != "" && (s.digit(j+1) || numberWordAt(s.lo(j+1)) || s.is(j+1, "a") || s.is(j+1, "an") || x != "over" && x != "under" && lexicon.MonthNumber(s.lo(j+1)) > 0) {
			amod = approx[x]
			j++
		}
	}
	if amod != "" {
		c, ok := s.match(j)
		if !ok {
			return c, false
		}
		if c.start != j {
			return c, true
		}
		if !outside[s.lo(i)] {
			c.start = i
		}
		if c.mod == "" {
			c.mod = amod
		}
		return c, true
	}
	det := false
	if s.is(j, "the") {
		det = true
		j++
	}
	mod := ""
	modded := false
	switch s.lo(j) {
	case "early":
		mod, modded = "START", true
		j++
	case "late":
		mod, modded = "END", true
		j++
	case "mid":
		if s.gluedIs(j+1, "-") {
			mod, modded = "MID", true
			j += 2
		}
	case "middle", "end", "beginning", "start", "turn":
		if det && s.is(j+1, "of") {
			mod = map[string]string{"middle": "MID", "end": "END", "beginning": "START", "start": "START", "turn": "START"}[s.lo(j)]
			modded = true
			j += 2
			if s.is(j, "the") {
				j++
			}
		}
	}
	if s.is(j, "-") && modded && s.ws[j].glued { // early-1990s
		j++
	}
	c, ok := s.core(j, det, modded)
	if !ok {
		return c, false
	}
	c.start = i
	if det && !modded && !s.keepThe(i+1, c) {
		c.start = i + 1
	}
	if lexicon.WeekdayNumber(s.lo(j)) > 0 && s.ws[j].upper {
		c.start = j // late Monday, the Friday explosions: TimeBank marks the day alone
	}
	if mod != "" && (c.typ == tDate || c.typ == tTime) && c.mod == "" {
		c.mod = mod
	}
	return c, true
}

// keepThe reports whether a "the" before the expression at j belongs to it,
// as TimeBank marks it: "the third quarter", "the past two months", "the
// weekend", "the 1990s", "the nine months" keep it; "the Oct. 23
// meeting", "the two days", "the third-quarter results", "the summer" do
// not.
func (s *scanner) keepThe(j int, c cand) bool {
	w := s.lo(j)
	if lexicon.MonthNumber(w) > 0 {
		return false
	}
	if w == "year" {
		if s.gluedIs(j+1, "-") {
			// the year-earlier quarter, but year-earlier alone
			return s.is(c.end-1, "quarter") || s.is(c.end-1, "period")
		}
		return true // the year, the year two thousand
	}
	if s.gluedIs(j+1, "-") || s.gluedIs(j+2, "-") && (s.ws[j].kind == 'd' || numberWordAt(w)) {
		return false // adjectives: the third-quarter, the two-week
	}
	if _, ok := seasons[w]; ok {
		return false
	}
	switch c.val {
	case PastRef, PresentRef:
		return w == "past" || w == "present"
	}
	switch c.typ {
	case tDuration:
		if _, ok := units[w]; ok {
			return false // the years
		}
		if s.ws[j].kind == 'd' || numberWordAt(w) || fuzzyNumbers[w] && w != "past" && w != "last" && w != "next" && w != "coming" {
			// the two days, but the nine months (a fixed phrase of
			// financial reports)
			return s.is(c.end-1, "months")
		}
	case tDate:
		if s.ws[j].kind == 'd' && len(w) <= 2 {
			return s.is(c.end-1, "century")
		}
		if s.ws[j].kind == 'd' && len(c.val) == 4 {
			return false // the 1996 Olympics
		}

	}
	return true
}

// core reads the expression proper at word j. det reports a preceding
// "the", modded a preceding modifier (early, late, mid, end of).
func (s *scanner) core(j int, det, modded bool) (cand, bool) {
	if j >= len(s.ws) {
		return cand{}, false
	}
	w := s.ws[j]
	if w.kind == 'd' {
		return s.numeric(j, det)
	}
	if w.kind != 'a' {
		if w.lo == "'" && s.digit(j+1) && s.ws[j+1].glued && len(s.ws[j+1].lo) == 2 && s.gluedIs(j+2, "s") {
			// the '90s
			return cand{end: j + 3, typ: tDate, val: "19" + s.ws[j+1].lo[:1]}, det
		}
		return cand{}, false
	}
	if !w.may && !s.tryAll {
		// every rule below reads a word of the starters (a month, a
		// weekday, a case of the switch, a key of the tables read
		// after it): a word outside them starts nothing
		return cand{}, false
	}
	// months and weekdays are capitalised: a lowercase word is looked up
	// in neither
	if w.upper {
		if m := lexicon.MonthNumber(w.lo); m > 0 {
			if c, ok := s.monthExpr(j, m, det || modded); ok {
				return c, true
			}
		}
		if wd := lexicon.WeekdayNumber(w.lo); wd > 0 {
			if c, ok := s.weekdayExpr(j, wd, 0); ok {
				return c, true
			}
		}
	}
	switch w.lo {
	case "today", "tonight", "yesterday", "tomorrow":
		return s.deictic(j), true
	case "now", "currently", "nowadays":
		if w.lo == "now" && s.is(j+1, "that") {
			return cand{}, false
		}
		return cand{end: j + 1, typ: tDate, val: PresentRef}, true
	case "current":
		if det {
			if u, ok := units[s.lo(j+1)]; ok && !plural(s.lo(j+1)) {
				return s.thisUnit(j+1, u, 0)
			}
			if s.is(j+1, "fiscal") && s.is(j+2, "year") {
				return s.thisUnit(j+2, uYear, 0) // the current fiscal year
			}
		}
		return cand{}, false
	case "recently", "lately":
		return cand{end: j + 1, typ: tDate, val: PastRef}, true
	case "recent":
		if u, ok := units[s.lo(j+1)]; ok && plural(s.lo(j+1)) {
			switch u {
			case uMonth, uWeek, uQuarter:
				// TimeBank: "in recent months" a vague duration, "in
				// recent years" a past reference.
				if u == uQuarter {
					u = uMonth
				}
				l, _ := unitLetter(u)
				return cand{end: j + 2, typ: tDuration, val: durVal("X", u, l)}, true
			}
			return cand{end: j + 2, typ: tDate, val: PastRef}, true
		}
		return cand{}, false
	case "future":
		if det || s.is(j-1, "in") {
			return cand{end: j + 1, typ: tDate, val: FutureRef, fut: true}, true
		}
	case "past":
		if det && !s.isUnitAhead(j+1) {
			return cand{end: j + 1, typ: tDate, val: PastRef}, true
		}
		return s.relative(j, det)
	case "present":
		if det && !s.isUnitAhead(j+1) && (s.is(j-2, "at") || s.is(j-2, "until") || s.is(j-2, "to")) {
			return cand{end: j + 1, typ: tDate, val: PresentRef}, true
		}
	case "near":
		if det && s.is(j+1, "future") {
			return cand{end: j + 2, typ: tDate, val: FutureRef, fut: true}, true
		}
	case "noon", "midday", "midnight":
		h := "12:00"
		if w.lo == "midnight" {
			h = "24:00"
		}
		if s.is(j-1, "high") {
			return cand{}, false // high noon
		}
		return s.timeOfDay(j, j+1, h), true
	case "this", "last", "next", "coming", "previous", "following", "same", "that":
		return s.relative(j, det)

	case "every", "each":
		return s.set(j)
	case "year":
		// year-earlier, year-ago, year-end, year-to-date
		if s.gluedIs(j+1, "-") {
			switch s.lo(j + 2) {
			case "earlier", "ago":
				end := j + 3
				if s.is(end, "quarter") || s.is(end, "period") {
					end++
				}
				v, r := s.yearBefore(1)
				return cand{end: end, typ: tDate, val: v, rel: r}, true
			case "end":
				return s.yearEnd(j, j+3), true
			}
		}
		// by year end, at year's end
		switch s.lo(j - 1) {
		case "by", "at", "until", "before", "since", "around", "through", "till":
			if s.is(j+1, "end") && !s.ws[j+1].glued {
				return s.yearEnd(j, j+2), true
			}
			if s.gluedIs(j+1, "'") && s.gluedIs(j+2, "s") && s.is(j+3, "end") {
				return s.yearEnd(j, j+4), true
			}
		}
		if modded && det {
			return s.thisUnit(j, uYear, 0)
		}
		if det && s.is(j+1, "two") && s.is(j+2, "thousand") {
			c, ok := s.spelledYear(j+1, true)
			return c, ok
		}
		if det {
			return s.theYear(j, j)
		}
	case "day":
		// for the day, end the day, the start of the day: the day last
		// named, else the article's ("later in the day" is left out, as
		// TimeBank does).
		p := s.lo(j - 2)
		if det && !s.gluedIs(j+1, "-") && !s.gluedIs(j+1, "'") && (modded || p == "for" || p == "end" || p == "ending" || p == "ended" || p == "finish" || p == "close") {
			c := cand{end: j + 1, typ: tDate, rel: &news.Relative{Kind: "day", Mode: "part"}}
			if s.has {
				t := s.anchor
				if s.hasRef && !s.ref.After(s.anchor) && s.anchor.Sub(s.ref) <= 7*24*time.Hour {
					t = s.ref
				}
				c.val = dayValue(t)
			}
			return c, true
		}
	case "week", "month", "quarter", "weekend":
		u := units[w.lo]
		if s.gluedIs(j+1, "-") {
			return cand{}, false // quarter-to-quarter
		}
		if det && u == uWeek && (s.is(j-2, "for") || s.is(j-2, "during") || s.is(j-2, "of")) {
			return s.thisUnit(j, u, 0)
		}
		if det && (modded || u == uWeekend) {
			return s.thisUnit(j, u, 0)
		}
		if det && u == uQuarter {
			v, r := s.theQuarter()
			return cand{end: j + 1, typ: tDate, val: v, rel: r}, true
		}
	case "latest", "most":
		if det {
			k := j + 1
			if w.lo == "most" && s.is(k, "recent") {
				k++
			}
			if s.is(k, "quarter") || s.is(k, "period") && s.lastQ != "" {
				return cand{end: k + 1, typ: tDate, val: s.shiftQuarter(-1), rel: quarterRel(-1)}, true
			}
		}
	case "full", "calendar":
		if det && s.is(j+1, "year") {
			return s.theYear(j, j+1)
		}
	case "nineteen", "two":
		if c, ok := s.spelledYear(j, det); ok {
			return c, true
		}
	case "nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties":
		if det {
			d := map[string]string{"nineties": "199", "eighties": "198", "seventies": "197", "sixties": "196", "fifties": "195", "forties": "194", "thirties": "193", "twenties": "192"}[w.lo]
			return cand{end: j + 1, typ: tDate, val: d}, true
		}
	case "fiscal":
		k := j + 1
		if det && s.is(k, "year") {
			return s.theYear(j, k)
		}
		if q, ok := ordinals[s.lo(k)]; ok && q >= 1 && q <= 4 {
			if c, ok := s.ordinal(k, det); ok {
				return c, true
			}
		}
		if s.is(k, "year") {
			k++
		}
		if s.digit(k) && len(s.ws[k].lo) == 4 {
			return cand{end: k + 1, typ: tDate, val: s.ws[k].lo}, true
		}
		if s.digit(k) && len(s.ws[k].lo) == 2 && s.is(k-1, "'") {
			return cand{end: k + 1, typ: tDate, val: "19" + s.ws[k].lo}, true
		}
	case "christmas", "thanksgiving", "halloween", "new", "independence", "valentine", "election":
		return s.holiday(j)
	case "annually", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly":
		if s.gluedIs(j-1, "-") || s.gluedIs(j+1, "-") {
			return cand{}, false
		}
		return cand{end: j + 1, typ: tSet, val: sets[w.lo]}, true
	case "once", "twice":
		if s.is(j+1, "a") {
			if u, ok := units[s.lo(j+2)]; ok && !plural(s.lo(j+2)) {
				l, _ := unitLetter(u)
				return cand{end: j + 3, typ: tSet, val: durVal("1", u, l)}, true
			}
		}
	case "spring", "summer", "fall", "autumn", "winter":
		return s.season(j, seasons[w.lo], det || modded, 0)
	case "morning", "afternoon", "evening", "night":
		if det && (s.is(j-2, "in") || s.is(j-2, "during")) && s.has {
			return cand{end: j + 1, typ: tTime, val: dayValue(s.anchor) + "T" + partsOfDay[w.lo], rel: &news.Relative{Kind: "day", Mode: "part", Time: partsOfDay[w.lo]}}, true
		}
	case "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th":
		return s.ordinal(j, det)
	case "decades", "centuries", "years", "months", "weeks", "days", "hours", "minutes":
		if s.gluedIs(j-1, "-") {
			return cand{}, false
		}
		u := units[w.lo]
		l, _ := unitLetter(u)
		if s.is(j+1, "old") {
			return cand{}, false // 52 years old
		}
		if s.is(j+1, "ago") {
			return cand{end: j + 2, typ: tDate, val: PastRef}, true
		}
		if u == uHour || u == uMinute {
			return cand{}, false
		}
		return cand{end: j + 1, typ: tDuration, val: durVal("X", u, l)}, true
	}
	if n, ok := numberWord(w.lo); ok || fuzzyNumbers[w.lo] {
		return s.quantity(j, n, det)
	}
	if _, ok := ordinals[w.lo]; ok {
		return s.ordinal(j, det)
	}
	return cand{}, false
}

// pluralNoun guesses that w is a plural noun (seats, flights) before "a
// week" in "700 seats a week".
func pluralNoun(w word) bool {
	if w.kind != 'a' || w.upper || len(w.lo) < 4 || !plural(w.lo) || strings.HasSuffix(w.lo, "ss") || strings.HasSuffix(w.lo, "us") {
		return false
	}
	switch w.lo {
	case "was", "has", "this", "its", "his", "hers", "ours", "less", "plus", "does", "goes", "always", "perhaps", "towards", "besides", "afterwards", "whereas", "thus", "years", "months", "weeks", "days", "hours":
		return false
	}
	return true
}

// theYear reads "the year", "the fiscal year", "the full year" (j is its
// first word after "the", k the word "year"): a year-long duration when a
// date ends it ("the year ended Sept. 30"), else the anchor's year.
func (s *scanner) theYear(j, k int) (cand, bool) {
	switch s.lo(k + 1) {
	case "ended", "ending", "ends", "end", "to", "through", "beginning", "starting", "that":
		return cand{end: k + 1, typ: tDuration, val: "P1Y"}, true
	}
	switch s.lo(j - 2) {
	case "for", "of", "during", "through", "in":
	default:
		return cand{}, false
	}
	if s.is(j, "year") && !s.is(j-2, "for") && !s.is(j-2, "of") {
		return cand{}, false // "in the year" is rarely a date
	}
	c := cand{end: k + 1, typ: tDate, rel: &news.Relative{Kind: "year"}}
	if s.has {
		c.val = itoa4(s.anchor.Year())
	}
	return c, true
}

// spelledYear reads years in words: "nineteen ninety-six", "the year two
// thousand".
func (s *scanner) spelledYear(j int, det bool) (cand, bool) {
	if s.is(j, "two") && s.is(j+1, "thousand") {
		if !(det && s.is(j-1, "year")) && !s.is(j-1, "in") {
			return cand{}, false
		}
		y, e := 2000, j+2
		if n, ok := numberWord(s.lo(e)); ok && n >= 1 && n <= 20 && s.lo(e) != "a" && s.lo(e) != "an" {
			y += n
			e++
		}
		return cand{end: e, typ: tDate, val: strconv.Itoa(y)}, true
	}
	if !s.is(j, "nineteen") {
		return cand{}, false
	}
	k := j + 1
	n, ok := numberWord(s.lo(k))
	if !ok || n < 10 || n > 90 {
		return cand{}, false
	}
	k++
	if n >= 20 && n%10 == 0 {
		e := k
		if s.gluedIs(e, "-") {
			e++
		}
		if m, ok := numberWord(s.lo(e)); ok && m >= 1 && m <= 9 && s.lo(e) != "a" && s.lo(e) != "an" {
			n += m
			k = e + 1
		}
	}
	return cand{end: k, typ: tDate, val: strconv.Itoa(1900 + n)}, true
}

// isUnitAhead reports whether a number or unit follows at i (the past two
// weeks).
func (s *scanner) isUnitAhead(i int) bool {
	if _, ok := units[s.lo(i)]; ok {
		return true
	}
	if s.digit(i) {
		return true
	}
	_, ok := numberWord(s.lo(i))
	return ok || fuzzyNumbers[s.lo(i)]
}

// durVal writes a duration of n units.
func durVal(n string, u unit, letter string) string {
	switch u {
	case uSecond, uMinute, uHour:
		return "PT" + n + letter
	case uWeekend:
		return "P" + n + "WE"
	}
	return "P" + n + letter
}

// monthExpr reads "September", "Sept. 27", "September 25, 2017",
// "September 2017", "Sep 25th".
func (s *scanner) monthExpr(j, m int, ctx bool) (cand, bool) {
	w := s.ws[j]
	k := j + 1
	abbrev := monthAbbrev(w.lo)
	if abbrev {
		k = s.period(k)
	}
	if s.gluedIs(j+1, "-") { // mid-September handled by caller; "Sept-25" is rare
		return cand{}, false
	}
	// Day.
	if s.digit(k) && !s.ws[k].glued && s.ws[k].num >= 1 && s.ws[k].num <= 31 && len(s.ws[k].lo) <= 2 && !(s.gluedIs(k+1, ":") && s.digit(k+2)) && !(s.gluedIs(k+1, ".") && s.digit(k+2)) {
		d := s.ws[k].num
		e := k + 1
		if t := s.lo(e); (t == "st" || t == "nd" || t == "rd" || t == "th") && s.ws[e].glued {
			e++
		}
		// Year after the day.
		y, ye := s.yearAfter(e)
		if y > 0 && validDate(y, m, d) {
			c := cand{end: ye, typ: tDate, val: dayValue(date(y, m, d))}
			return s.finishDate(c, date(y, m, d), ye), true
		}
		if !validDate(0, m, d) {
			return cand{}, false
		}
		c := cand{end: e, typ: tDate}
		dir := s.tense(j, e)
		if s.weakCue {
			dir = 0 // Ernst, a candidate in the primary on June 3, announced: the nearer June 3
		}
		c.rel = &news.Relative{Kind: "month_day", Month: m, Day: d, Tense: dir, Event: eventNouns[s.lo(e)], Name: s.namePart(e)}
		if !s.has {
			c.val = "XXXX-" + two(m) + "-" + two(d)
			return c, true
		}
		t := s.nearestDay(m, d, dir)
		// the Sept. 11 attacks, families of Sept. 11 victims, September
		// 11th Advocates: the name of a famous day, not a date of the
		// article's year; the Dec. 7 attacks: a day of another year,
		// unless it is a recent one (the Aug. 7 bombings, ten days on).
		if v, ok := s.famousDay(m, d); ok && (eventNouns[s.lo(e)] || s.namePart(e)) {
			c.val, c.name = v, true
			return c, true
		}
		if eventNouns[s.lo(e)] {
			if t.After(s.anchor) || s.anchor.Sub(t) > 92*24*time.Hour {
				c.val, c.name = "XXXX-"+two(m)+"-"+two(d), true
				return c, true
			}
		}
		c.val = dayValue(t)
		return s.finishDate(c, t, e), true
	}
	// Month and year: September 2017, February this year, October of
	// next year.
	rk := k
	if s.is(rk, "of") {
		rk++
	}
	if (s.is(rk, "this") || s.is(rk, "last") || s.is(rk, "next")) && s.is(rk+1, "year") {
		k = rk
		c := cand{end: k + 2, typ: tDate, rel: &news.Relative{Kind: "month", Mode: "year", Month: m, N: map[string]int{"this": 0, "last": -1, "next": 1}[s.lo(rk)]}}
		if !s.has {
			c.val = "XXXX-" + two(m)
			return c, true
		}
		y := s.anchor.Year() + map[string]int{"this": 0, "last": -1, "next": 1}[s.lo(k)]
		c.val = monthValue(y, m)
		return s.markFuture(c, date(y, m, 1), date(y, m, daysIn(y, m))), true
	}
	if y, ye := s.yearAfter(k); y > 0 {
		return s.markFuture(cand{end: ye, typ: tDate, val: monthValue(y, m)}, date(y, m, 1), date(y, m, daysIn(y, m))), true
	}
	// June and July of 2009: the year of the next month is this one's.
	if (s.is(k, "and") || s.is(k, "or") || s.is(k, "to") || s.is(k, "through") || s.is(k, "-")) && lexicon.MonthNumber(s.lo(k+1)) > 0 && s.ws[k+1].upper {
		e := k + 2
		if monthAbbrev(s.lo(k + 1)) {
			e = s.period(e)
		}
		if s.is(e, "of") {
			e++
		}
		if y, _ := s.yearAfter(e); y > 0 {
			return s.markFuture(cand{end: k, typ: tDate, val: monthValue(y, m)}, date(y, m, 1), date(y, m, daysIn(y, m))), true
		}
	}
	// Month alone: needs context to be read as a month.
	if abbrev && !s.gluedIs(j+1, ".") {
		return cand{}, false
	}
	if (w.lo == "may" || w.lo == "march") && !ctx && !s.monthContext(j) {
		return cand{}, false
	}
	c := cand{end: k, typ: tDate}
	dir := s.tense(j, k)
	if s.weakCue {
		dir = 0 // in early March, an official said: the nearer March
	}
	if s.is(j-1, "the") && k < len(s.ws) && s.ws[k].kind == 'a' && !s.ws[k].upper {
		dir = min(dir, 0) // the November election: a name a future clause does not move; the August meeting it summarized: past
	}
	c.rel = &news.Relative{Kind: "month", Month: m, Tense: dir}
	if !s.has {
		c.val = "XXXX-" + two(m)
		return c, true
	}
	y := s.nearestMonthYear(m, dir)
	c.val = monthValue(y, m)
	return s.markFuture(c, date(y, m, 1), date(y, m, daysIn(y, m))), true
}

// monthContext reports whether the word before j makes j a month.
func (s *scanner) monthContext(j int) bool {
	switch s.lo(j - 1) {
	case "in", "since", "until", "till", "by", "of", "from", "through", "early", "late", "mid",
		"last", "next", "this", "-", "between", "and", "to", "before", "after", "during", "end":
		return true
	}
	return false
}

// yearAfter reads ", 2017" or "2017" at i.
func (s *scanner) yearAfter(i int) (int, int) {
	k := i
	if s.is(k, ",") {
		k++
	}
	if s.is(k, "of") {
		k++
	}
	if s.digit(k) && len(s.ws[k].lo) == 4 && !s.ws[k].glued {
		if y := s.ws[k].num; y >= 1000 && y <= 2999 && !s.gluedIs(k+1, "-") && !s.gluedIs(k+1, ":") {
			return y, k + 1
		}
	}
	return 0, i
}

// finishDate adds a weekday or part of day written after a date and
// records the date as the doc's reference.
func (s *scanner) finishDate(c cand, t time.Time, e int) cand {
	s.ref, s.hasRef, s.refSent = t, true, s.sent
	if p, ok := partsOfDay[s.lo(e)]; ok {
		c.end = e + 1
		c.val += "T" + p
		c.typ = tTime
		c.rel = withRel(c.rel, func(r *news.Relative) { r.Time = p })
	}
	c = s.markFuture(c, t, t)
	s.refRel = relBase(c.rel)
	return c
}

// markFuture sets c.fut when [start, end] lies after the anchor.
func (s *scanner) markFuture(c cand, start, end time.Time) cand {
	if c.rel == nil {
		c.rel = dateRel(c.val)
	}
	if s.has && start.After(s.anchor) {
		c.fut = true
	}
	return c
}

// nearestDay picks the year of month m day d closest to the anchor,
// guided by the tense of the clause.
func (s *scanner) nearestDay(m, d, dir int) time.Time {
	t, ok := dayInYearOf(s.anchor, m, d)
	if !ok {
		return t
	}
	y := t.Year()
	// Sept. 15 right after a Sept. 14 of another year: the same year.
	if s.hasRef && s.ref.Year() != y && s.sent-s.refSent <= 2 && (dir == 0 || s.weakCue) && validDate(s.ref.Year(), m, d) {
		if r := date(s.ref.Year(), m, d); r.Sub(s.ref).Abs() <= 31*24*time.Hour {
			return r
		}
	}
	return yearByTense(t, s.anchor, dir)
}

// nearestMonthYear picks the year of month m closest to the anchor.
func (s *scanner) nearestMonthYear(m, dir int) int {
	y := s.anchor.Year()
	am := int(s.anchor.Month())
	switch {
	case dir < 0 && m > am:
		return y - 1
	case dir > 0 && m < am:
		return y + 1
	case dir == 0 && m-am > 5:
		return y - 1 // news looks back a little more than ahead
	case dir == 0 && am-m > 7:
		return y + 1
	}
	return y
}

// weekdayExpr reads "Wednesday", "Sunday night", "Monday's", "Monday,
// Sept. 25". rel is -1 for "last Monday", +1 for "next Monday", 0 to let
// the tense decide.
func (s *scanner) weekdayExpr(j, wd, rel int) (cand, bool) {
	w := s.ws[j]
	k := j + 1
	if weekdayAbbrev(w.lo) {
		if !s.gluedIs(k, ".") {
			return cand{}, false
		}
		k++
	}
	// "Monday, Sept. 25": the date decides.
	e := k
	if s.is(e, ",") {
		e++
	}
	if m := lexicon.MonthNumber(s.lo(e)); m > 0 && s.ws[e].upper {
		if c, ok := s.monthExpr(e, m, true); ok && c.typ == tDate && len(c.val) >= 10 {
			return s.weekdayYear(c, wd), true
		}
	}
	if s.digit(e) && s.ws[e].num >= 1 && s.ws[e].num <= 31 {
		if m := lexicon.MonthNumber(s.lo(e + 1)); m > 0 {
			if c, ok := s.numeric(e, false); ok && c.typ == tDate && len(c.val) >= 10 {
				_ = m
				return c, true
			}
		}
	}
	part := ""
	if p, ok := partsOfDay[s.lo(k)]; ok && s.lo(k) != "overnight" {
		part = p
		k++
	}
	c := cand{end: k, typ: tDate}
	dir := rel
	if dir == 0 {
		dir = s.tense(j, k)
		if s.forceDir != 0 {
			dir = s.forceDir
		}
		if s.gluedIs(k, "'") && dir > 0 && s.weakFuture {
			dir = -1 // would look for ways around Wednesday's ruling
		}
		if dir == 0 {
			dir = s.sentDir // on Wednesday, followed by the House on Thursday
		}
		s.sentDir = dir
	}
	c.rel = &news.Relative{Kind: "weekday", Weekday: wd, Strict: rel, Tense: dir, Time: part}
	if !s.has {
		c.val = "XXXX-WXX-" + strconv.Itoa(wd)
		if part != "" {
			c.val += "T" + part
		}
		return c, true
	}
	aw := int(s.anchor.Weekday()+6)%7 + 1
	var t time.Time
	switch {
	case rel < 0: // last Monday: strictly before
		diff := (aw - wd + 7) % 7
		if diff == 0 {
			diff = 7
		}
		t = addDays(s.anchor, -diff)
	case rel > 0: // next Monday: strictly after
		diff := (wd - aw + 7) % 7
		if diff == 0 {
			diff = 7
		}
		t = addDays(s.anchor, diff)
	case dir > 0:
		t = addDays(s.anchor, (wd-aw+7)%7)
	default:
		t = addDays(s.anchor, -((aw - wd + 7) % 7))
	}
	c.val = dayValue(t)
	if part != "" {
		c.val += "T" + part
	}
	c = s.markFuture(c, t, t)
	if dir > 0 && !t.Before(s.anchor) {
		c.fut = true
	}
	return c, true
}

// deictic reads today, tonight, yesterday, tomorrow and a part of day after
// them.
func (s *scanner) deictic(j int) cand {
	w := s.ws[j].lo
	c := cand{end: j + 1, typ: tDate}
	off, part := 0, ""
	switch w {
	case "tonight":
		part = "NI"
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
		c.fut = true
	}
	if w != "tonight" {
		if p, ok := partsOfDay[s.lo(j+1)]; ok {
			part = p
			c.end++
		}
	}
	c.rel = &news.Relative{Kind: "day", N: off, Time: part}
	if w == "today" || w == "tonight" {
		c.rel.Tense = s.tense(j, c.end)
	}
	if !s.has {
		return c
	}
	t := addDays(s.anchor, off)
	c.val = dayValue(t)
	if part != "" {
		c.val += "T" + part
	}
	if w == "today" || w == "tonight" {
		c.fut = s.tense(j, c.end) > 0
	}
	return c
}

// timeOfDay builds a TIME on the anchor day, or on the day written after
// it; start is the time's first word, i the word after it.
func (s *scanner) timeOfDay(start, i int, hm string) cand {
	c := cand{end: i, typ: tTime}
	// A following day word names the day: "5 p.m. Monday", "noon today".
	d := ""
	switch {
	case s.is(i, "today") || s.is(i, "tonight"):
		if s.has {
			d = dayValue(s.anchor)
		}
		c.end = i + 1
		c.rel = &news.Relative{Kind: "day", Mode: "clock", Time: hm}
	case s.is(i, "yesterday"):
		if s.has {
			d = dayValue(addDays(s.anchor, -1))
		}
		c.end = i + 1
		c.rel = &news.Relative{Kind: "day", Mode: "clock", Time: hm, N: -1}
	case s.is(i, "tomorrow"):
		if s.has {
			d = dayValue(addDays(s.anchor, 1))
		}
		c.end = i + 1
		c.rel = &news.Relative{Kind: "day", Mode: "clock", Time: hm, N: 1}
	default:
		k := i
		if s.is(k, "on") || s.is(k, ",") {
			k++
		}
		if m := lexicon.MonthNumber(s.lo(k)); m > 0 && s.ws[k].upper {
			if dc, ok := s.monthExpr(k, m, true); ok && len(dc.val) == 10 {
				c.end, c.fut, d = dc.end, dc.fut, dc.val
				c.rel = clockRel(dc.rel, dc.val, hm)
				break
			}
		}
		if wd := lexicon.WeekdayNumber(s.lo(k)); wd > 0 && s.ws[k].upper {
			s.forceDir = s.tense(start, k+1)
			w, ok := s.weekdayExpr(k, wd, 0)
			s.forceDir = 0
			if ok && w.typ == tDate {
				c.end = w.end
				c.fut = w.fut
				if w.val != "" && len(w.val) == 10 {
					d = w.val
				}
				c.rel = clockRel(w.rel, w.val, hm)
				break
			}
		}
		if s.has {
			d = dayValue(s.anchor)
		}
		c.rel = &news.Relative{Kind: "day", Mode: "clock", Time: hm}
	}
	if d == "" {
		d = "XXXX-XX-XX"
	}
	c.val = d + "T" + hm
	return c
}

// clockRel is the Relative of a time hm on the day r reads (dv as read).
func clockRel(r *news.Relative, dv, hm string) *news.Relative {
	return withRel(r, func(x *news.Relative) {
		switch x.Kind {
		case "date":
			x.Value = dv + "T" + hm
		case "weekday":
			x.Time, x.Mode = hm, "clock"
		default:
			x.Time = hm
		}
	})
}

// thisUnit resolves "this week", "the month", "the weekend" (j is the unit
// word) relative to the anchor, n units away.
func (s *scanner) thisUnit(j int, u unit, n int) (cand, bool) {
	c := cand{end: j + 1, typ: tDate, rel: &news.Relative{Kind: "unit", Unit: unitName(u), N: n}}
	if u == uWeekend && n == 0 {
		c.rel.Tense = s.tense(j, j+1)
	}
	if !s.has {
		return c, true
	}
	switch u {
	case uDay:
		c.val = dayValue(addDays(s.anchor, n))
	case uWeekend:
		// The weekend: the last one in past clauses, the next one otherwise.
		aw := int(s.anchor.Weekday()+6)%7 + 1
		t := s.anchor
		switch {
		case n < 0:
			t = addDays(t, -7)
		case n > 0:
			if aw >= 6 {
				t = addDays(t, 7)
			}
		default:
			if aw < 6 && s.tense(j, j+1) < 0 {
				t = addDays(t, -7)
			}
		}
		c.val = weekValue(t) + "-WE"
		c.fut = t.After(s.anchor) || aw < 6 && !t.Before(addDays(s.anchor, -aw+1))
	case uQuarter:
		c.val = s.shiftQuarter(n)
	default:
		c.val = valueAt(shift(s.anchor, u, n), u)
	}
	if n > 0 {
		c.fut = true
	}
	return c, true
}

// quarterRel is the Relative of the quarter n quarters from the anchor's.
func quarterRel(n int) *news.Relative {
	return &news.Relative{Kind: "unit", Unit: "quarter", N: n, Mode: "q"}
}

// shiftQuarter returns the quarter n quarters from the anchor's.
func (s *scanner) shiftQuarter(n int) string {
	if !s.has {
		return "XXXX-QX"
	}
	t := shift(s.anchor, uQuarter, n)
	return itoa4(t.Year()) + "-Q" + strconv.Itoa(quarterOf(int(t.Month())))
}

// theQuarter resolves "the quarter": the quarter last named, else the one
// before the anchor's (reports of results come after the quarter ends).
func (s *scanner) theQuarter() (string, *news.Relative) {
	if s.lastQ != "" {
		return s.lastQ, nil
	}
	return s.shiftQuarter(-1), quarterRel(-1)
}

// yearBefore resolves "a year earlier": the quarter last named a year
// back when there is one, else the year before the anchor's.
func (s *scanner) yearBefore(n int) (string, *news.Relative) {
	if s.lastQ != "" {
		y, _ := strconv.Atoi(s.lastQ[:4])
		return itoa4(y-n) + s.lastQ[4:], nil
	}
	r := &news.Relative{Kind: "year", N: -n}
	if !s.has {
		return "", r
	}
	return itoa4(s.anchor.Year() - n), r
}

// relative reads this/last/next/past/coming/previous/following + unit,
// month, weekday or season.
func (s *scanner) relative(j int, det bool) (cand, bool) {
	w := s.lo(j)
	n := 0
	switch w {
	case "last", "past", "previous":
		n = -1
	case "next", "coming", "following":
		n = 1
	case "same", "that":
		return s.anaphoric(j, det)
	}
	k := j + 1
	// The past two weeks, the last 12 months, the next few days: durations.
	if w != "this" && (s.digit(k) || numberWordAt(s.lo(k)) || fuzzyNumbers[s.lo(k)]) {
		c, ok := s.quantity(k, numberValue(s.lo(k)), false)
		if ok && c.typ == tDuration {
			if n > 0 && c.val != "" {
				c.fut = true
			}
			if n < 0 && fuzzyNumbers[s.lo(k)] {
				// the past several quarters, the last few months
				c.typ, c.val = tDate, PastRef
			}
			return c, true
		}
	}
	if u, ok := units[s.lo(k)]; ok {
		lw := s.lo(k)
		if s.ws[k].upper && j > 0 {
			return cand{}, false // ABC's "This Week"
		}
		if plural(lw) && u != uWeekend {
			// the past years, the coming months
			l, _ := unitLetter(u)
			c := cand{end: k + 1, typ: tDuration, val: durVal("X", u, l), fut: n > 0}
			return c, true
		}
		if u == uHour || u == uMinute || u == uSecond {
			return cand{}, false
		}
		if w == "past" && (u == uDecade || u == uCentury) {
			return cand{end: k + 1, typ: tDuration, val: map[unit]string{uDecade: "P10Y", uCentury: "P100Y"}[u]}, true
		}
		if (w == "following" || w == "previous" || w == "next" && det && s.tense(j, k+1) <= 0) && s.hasRef && u == uDay {
			c := cand{end: k + 1, typ: tDate, val: dayValue(addDays(s.ref, n))}
			if s.refRel != nil {
				c.rel = &news.Relative{Kind: "ref", Unit: "day", N: n, Base: s.refRel}
			}
			return c, true
		}
		// "the following year", "the previous month": from the last date
		// named, not from the article's date.
		if (w == "following" || w == "previous") && det && (u == uYear || u == uMonth) {
			if v, ok := shiftDate(s.lastDate, u, n); ok {
				c := cand{end: k + 1, typ: tDate, val: v}
				if s.lastDateRel != nil {
					c.rel = &news.Relative{Kind: "ref", Unit: unitName(u), N: n, Base: s.lastDateRel}
				}
				return c, true
			}
		}
		c, ok := s.thisUnit(k, u, n)
		if w == "this" && u == uWeekend {
			c, ok = s.thisUnit(k, u, 0)
		}
		// this year's third quarter, next year's first half
		if u == uYear && ok && len(c.val) == 4 && s.gluedIs(k+1, "'") && s.gluedIs(k+2, "s") {
			if q, ok2 := ordinals[s.lo(k+3)]; ok2 {
				switch {
				case q >= 1 && q <= 4 && s.is(k+4, "quarter"):
					c.val += "-Q" + strconv.Itoa(q)
					c.end = k + 5
					s.lastQ = c.val
					c.rel = withRel(c.rel, func(r *news.Relative) { r.Suffix = "-Q" + strconv.Itoa(q) })
				case q >= 1 && q <= 2 && s.is(k+4, "half"):
					c.val += "-H" + strconv.Itoa(q)
					c.end = k + 5
					c.rel = withRel(c.rel, func(r *news.Relative) { r.Suffix = "-H" + strconv.Itoa(q) })
				}
			}
		}
		return c, ok
	}
	if s.is(k, "fiscal") && s.is(k+1, "year") {
		c, ok := s.thisUnit(k+1, uYear, n)
		return c, ok
	}
	if m := lexicon.MonthNumber(s.lo(k)); m > 0 && s.ws[k].upper && !monthAbbrev(s.lo(k)) {
		c := cand{end: k + 1, typ: tDate, rel: &news.Relative{Kind: "month", Month: m, Strict: n}}
		if !s.has {
			c.val = "XXXX-" + two(m)
			return c, true
		}
		y := s.anchor.Year()
		am := int(s.anchor.Month())
		switch {
		case n < 0 && m >= am:
			y--
		case n > 0 && m <= am:
			y++
		}
		c.val = monthValue(y, m)
		return s.markFuture(c, date(y, m, 1), date(y, m, daysIn(y, m))), true
	}
	if wd := lexicon.WeekdayNumber(s.lo(k)); wd > 0 && s.ws[k].upper {
		if w == "this" {
			return s.weekdayExpr(k, wd, 0)
		}
		// the previous Friday, the following Monday: from the last day named
		if (w == "previous" || w == "following") && s.hasRef && s.has {
			rw := int(s.ref.Weekday()+6)%7 + 1
			var t time.Time
			if n < 0 {
				diff := (rw - wd + 7) % 7
				if diff == 0 {
					diff = 7
				}
				t = addDays(s.ref, -diff)
			} else {
				diff := (wd - rw + 7) % 7
				if diff == 0 {
					diff = 7
				}
				t = addDays(s.ref, diff)
			}
			c := cand{end: k + 1, typ: tDate, val: dayValue(t)}
			if s.refRel != nil {
				c.rel = &news.Relative{Kind: "ref", Unit: "day", Weekday: wd, Strict: n, Base: s.refRel, Mode: "mark"}
			}
			return s.markFuture(c, t, t), true
		}
		if n != 0 && (w == "last" || w == "next") {
			c, ok := s.weekdayExpr(k, wd, n)
			return c, ok
		}
	}
	if se, ok := seasons[s.lo(k)]; ok {
		return s.season(k, se, true, n+boolInt(w == "this")*2)
	}
	if w == "this" && s.is(k, "past") {
		if se, ok := seasons[s.lo(k+1)]; ok {
			return s.season(k+1, se, true, -2) // this past spring
		}
	}
	if p, ok := partsOfDay[s.lo(k)]; ok && (w == "this" || w == "last") {
		c := cand{end: k + 1, typ: tTime, rel: &news.Relative{Kind: "day", Mode: "part", Time: p, N: -boolInt(w == "last")}}
		if s.has {
			t := s.anchor
			if w == "last" {
				if p != "NI" {
					return cand{}, false
				}
				t = addDays(t, -1)
			}
			c.val = dayValue(t) + "T" + p
		}
		return c, true
	}
	return cand{}, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func numberWordAt(w string) bool {
	n, ok := numberWord(w)
	return ok && n > 1
}

// season reads a season, "summer of 2017", "last summer". rel: -1 last, +1
// next, 2 this, 0 by tense.
func (s *scanner) season(j int, se string, ctx bool, rel int) (cand, bool) {
	k := j + 1
	if s.is(k, "of") && s.digit(k+1) && len(s.lo(k+1)) == 4 {
		return cand{end: k + 2, typ: tDate, val: s.lo(k+1) + "-" + se}, true
	}
	if s.digit(k) && len(s.lo(k)) == 4 && !s.ws[k].glued {
		return cand{end: k + 1, typ: tDate, val: s.lo(k) + "-" + se}, true
	}
	if !ctx && !s.is(j-1, "in") && !s.is(j-1, "this") {
		return cand{}, false
	}
	if se == "FA" && !ctx {
		return cand{}, false
	}
	c := cand{end: k, typ: tDate, rel: &news.Relative{Kind: "season", Season: se, Strict: rel}}
	if rel == 0 {
		c.rel.Tense = s.tense(j, k)
	}
	if !s.has {
		c.val = "XXXX-" + se
		return c, true
	}
	dir := 0
	switch rel {
	case -2, -1, 1, 2:
	default: // the tense decides
		dir = s.tense(j, k)
	}
	c.val, _, _ = seasonAt(s.anchor, se, rel, dir)
	st, en, _ := Interval(c.val)
	return s.markFuture(c, st, en), true
}

// set reads "every week", "each year", "every Monday", "every other week".
func (s *scanner) set(j int) (cand, bool) {
	k := j + 1
	n := "1"
	if s.is(k, "other") {
		n = "2"
		k++
	} else if s.digit(k) {
		n = s.lo(k)
		k++
	} else if v, ok := numberWord(s.lo(k)); ok && v > 1 {
		n = strconv.Itoa(v)
		k++
	}
	if u, ok := units[s.lo(k)]; ok {
		l, _ := unitLetter(u)
		if u == uWeekend {
			return cand{end: k + 1, typ: tSet, val: "XXXX-WXX-WE"}, true
		}
		return cand{end: k + 1, typ: tSet, val: durVal(n, u, l)}, true
	}
	if wd := lexicon.WeekdayNumber(s.lo(k)); wd > 0 && s.ws[k].upper {
		return cand{end: k + 1, typ: tSet, val: "XXXX-WXX-" + strconv.Itoa(wd)}, true
	}
	if p, ok := partsOfDay[s.lo(k)]; ok {
		return cand{end: k + 1, typ: tSet, val: "TXX" + p}, true
	}
	return cand{}, false
}

// holiday reads Christmas, New Year's Day, Thanksgiving and the like.
func (s *scanner) holiday(j int) (cand, bool) {
	if !s.ws[j].upper {
		return cand{}, false
	}
	m, d, k := 0, 0, j+1
	switch s.lo(j) {
	case "christmas":
		m, d = 12, 25
		if s.is(k, "eve") {
			d = 24
			k++
		} else if s.is(k, "day") {
			k++
		}
	case "new":
		if !s.is(k, "year") || !s.gluedIs(k+1, "'") || !s.gluedIs(k+2, "s") {
			return cand{}, false
		}
		k += 3
		m, d = 1, 1
		switch {
		case s.is(k, "day"):
			k++
		case s.is(k, "eve"):
			m, d = 12, 31
			k++
		default:
			return cand{}, false
		}
	case "halloween":
		m, d = 10, 31
	case "independence":
		if !s.is(k, "day") {
			return cand{}, false
		}
		m, d = 7, 4
		k++
	case "valentine":
		if !s.gluedIs(k, "'") || !s.gluedIs(k+1, "s") || !s.is(k+2, "day") {
			return cand{}, false
		}
		m, d = 2, 14
		k += 3
	case "election":
		// Election Day: the Tuesday after the first Monday of November.
		if !s.is(k, "day") || !s.ws[k].upper {
			return cand{}, false
		}
		k++
		c := cand{end: k, typ: tDate, rel: &news.Relative{Kind: "election", Tense: s.tense(j, k)}}
		if !s.has {
			c.val = "XXXX-11"
			return c, true
		}
		tn := s.tense(j, k)
		t := election(s.anchor.Year())
		switch {
		case tn < 0 && t.After(s.anchor):
			t = election(s.anchor.Year() - 1)
		case tn > 0 && t.Before(s.anchor):
			t = election(s.anchor.Year() + 1)
		}
		c.val = dayValue(t)
		return s.markFuture(c, t, t), true
	case "thanksgiving":
		if s.is(k, "day") {
			k++
		}
		c := cand{end: k, typ: tDate, rel: &news.Relative{Kind: "thanksgiving", Tense: s.tense(j, k)}}
		if !s.has {
			c.val = "XXXX-11"
			return c, true
		}
		y := s.anchor.Year()
		if s.tense(j, k) < 0 && s.anchor.Month() < 11 {
			y--
		}
		first := date(y, 11, 1)
		off := (int(time.Thursday) - int(first.Weekday()) + 7) % 7
		t := addDays(first, off+21)
		c.val = dayValue(t)
		return s.markFuture(c, t, t), true
	}
	if y, ye := s.yearAfter(k); y > 0 {
		return cand{end: ye, typ: tDate, val: dayValue(date(y, m, d))}, true
	}
	c := cand{end: k, typ: tDate, rel: &news.Relative{Kind: "month_day", Month: m, Day: d, Tense: s.tense(j, k)}}
	if !s.has {
		c.val = "XXXX-" + two(m) + "-" + two(d)
		return c, true
	}
	t := s.nearestDay(m, d, s.tense(j, k))
	c.val = dayValue(t)
	return s.markFuture(c, t, t), true
}

// ordinal reads "the third quarter", "third-quarter", "the first half",
// "the first nine months", "the 20th century", "the 25th of September".
func (s *scanner) ordinal(j int, det bool) (cand, bool) {
	w := s.ws[j]
	n, ok := ordinals[w.lo]
	if !ok {
		return cand{}, false
	}
	k := j + 1
	if s.gluedIs(k, "-") {
		k++
	}
	if n == -1 && det && s.is(k, "quarter") {
		n = 4 // the final quarter
	}
	switch {
	case s.is(k, "quarter") && n >= 1 && n <= 4:
		return s.quarterExpr(k+1, n)
	case s.is(k, "half") && n >= 1 && n <= 2:
		e := k + 1
		y := -1
		if s.is(e, "of") && s.digit(e+1) && len(s.lo(e+1)) == 4 {
			y = s.ws[e+1].num
			e += 2
		} else if s.is(e, "of") && s.is(e+1, "the") && s.is(e+2, "year") {
			e += 3
		}
		c := cand{end: e, typ: tDate}
		if y < 0 {
			c.rel = &news.Relative{Kind: "year", Suffix: "-H" + strconv.Itoa(n)}
		}
		if y < 0 && s.has {
			y = s.anchor.Year()
		}
		c.val = itoa4(y) + "-H" + strconv.Itoa(n)
		return c, true
	case (s.digit(k) || numberWordAt(s.lo(k))) && n == 1 && det:
		// the first nine months
		return s.quantity(k, numberValue(s.lo(k)), false)
	}
	return cand{}, false
}

// quarterExpr finishes "the third quarter [of 2017 | of fiscal 1989]"; e
// is the word after "quarter".
func (s *scanner) quarterExpr(e, q int) (cand, bool) {
	y := -1
	var rel *news.Relative
	if s.is(e, "of") {
		k := e + 1
		if s.is(k, "fiscal") {
			k++
		}
		if s.digit(k) && len(s.lo(k)) == 4 {
			y = s.ws[k].num
			e = k + 1
		} else if (s.is(k, "this") || s.is(k, "last") || s.is(k, "next")) && s.is(k+1, "year") && s.has {
			y = s.anchor.Year() + map[string]int{"this": 0, "last": -1, "next": 1}[s.lo(k)]
			rel = &news.Relative{Kind: "year", Mode: "mark", N: y - s.anchor.Year(), Suffix: "-Q" + strconv.Itoa(q)}
			e = k + 2
		}
	} else if s.digit(e) && len(s.lo(e)) == 4 && !s.ws[e].glued {
		y = s.ws[e].num
		e++
	}
	c := cand{end: e, typ: tDate, rel: rel}
	if y < 0 {
		c.rel = &news.Relative{Kind: "quarter", Month: q, Tense: s.tense(e-1, e)}
		if !s.has {
			c.val = "XXXX-Q" + strconv.Itoa(q)
			return c, true
		}
		y = s.anchor.Year()
		aq := quarterOf(int(s.anchor.Month()))
		dir := s.tense(e-1, e)
		// Past clauses name past quarters; otherwise a quarter ahead in
		// this year is at most the next one.
		if q > aq && (dir < 0 || dir == 0 && q > aq+1) {
			y--
		}
	}
	c.val = itoa4(y) + "-Q" + strconv.Itoa(q)
	s.lastQ = c.val
	st, en, _ := Interval(c.val)
	return s.markFuture(c, st, en), true
}

// quantity reads a number of units: a duration ("three days", "three-day",
// "several years"), a date ("two days ago", "a year earlier") or a set
// ("$5 a year").
func (s *scanner) quantity(j, n int, det bool) (cand, bool) {
	num, k, ok := s.number(j)
	if !ok {
		return cand{}, false
	}
	if len(num) > 3 && num != "X" {
		return cand{}, false // the 1988 quarter is a year
	}
	// 2 1/2 years, 5 1/2 hours
	half := false
	if s.digit(j) && s.is(k, "1") && !s.ws[k].glued && s.gluedIs(k+1, "/") && s.gluedIs(k+2, "2") {
		half, k = true, k+3
	}
	u, isUnit := units[s.lo(k)]
	hyphen := false
	if !isUnit && s.gluedIs(k, "-") {
		if u2, ok := units[s.lo(k+1)]; ok && s.ws[k+1].glued {
			u, isUnit, hyphen = u2, true, true
			k++
		}
	}
	if !isUnit {
		return cand{}, false
	}
	uw := s.lo(k)
	if num == "1" && plural(uw) && !hyphen {
		return cand{}, false
	}
	if s.ws[k].upper && !hyphen || (s.is(j, "a") || s.is(j, "an")) && u == uSecond && !s.is(k+1, "later") && !s.is(k+1, "ago") {
		return cand{}, false // "60 Minutes", "a second betrayal"
	}
	e := k + 1
	// Ages: a 30-year-old man, three years old.
	if s.is(e, "old") || s.gluedIs(e, "-") && s.is(e+1, "old") {
		return cand{}, false
	}
	l, _ := unitLetter(u)
	if u == uWeekend || u == uQuarter && hyphen {
		return cand{}, false
	}
	if u == uQuarter && (s.is(j, "a") || s.is(j, "one") || s.is(j, "three")) && (s.is(e, "of") || s.is(e, ",") || s.is(e, ")")) {
		return cand{}, false // about a quarter of its dealers: a fraction
	}
	rel := false
	switch s.lo(e) {
	case "ago", "earlier", "later", "hence":
		rel = true
	}
	// "$5 a year", "twice a day": a set.
	if (s.is(j, "a") || s.is(j, "an")) && !plural(uw) && j > 0 && !rel {
		p := s.ws[j-1]
		if p.kind == 'd' || p.lo == "%" || p.lo == "twice" || p.lo == "once" || p.lo == "times" || p.lo == "cents" || p.lo == "dollars" || p.lo == "million" || p.lo == "billion" || pluralNoun(p) {
			return cand{end: e, typ: tSet, val: durVal("1", u, l)}, true
		}
	}
	// Relative dates: two days ago, a year earlier, three weeks later.
	switch s.lo(e) {
	case "ago", "earlier", "before", "later", "after", "hence":
		if hyphen || s.lo(e) == "before" && !s.is(e+1, ".") && !s.is(e+1, ",") && e+1 < len(s.ws) || s.lo(e) == "after" && e+1 < len(s.ws) && !s.is(e+1, ".") && !s.is(e+1, ",") {
			break
		}
		c := cand{end: e + 1, typ: tDate}
		sign := -1
		if x := s.lo(e); x == "later" || x == "after" || x == "hence" {
			sign = 1
		}
		if num == "X" {
			if sign < 0 {
				c.val = PastRef
			} else {
				c.val = FutureRef
				c.fut = true
			}
			return c, true
		}
		cnt, err := strconv.Atoi(num)
		if err != nil {
			return cand{end: e + 1, typ: tDate, val: ""}, true
		}
		if u == uYear && cnt == 1 && sign < 0 {
			c.val, c.rel = s.yearBefore(1)
			return c, true
		}
		gran0 := u
		if u == uSecond || u == uMinute || u == uHour {
			gran0 = uDay
		}
		c.rel = &news.Relative{Kind: "shift", Unit: unitName(u), N: sign * cnt, Gran: unitName(gran0)}
		if !s.has {
			return c, true
		}
		gran := u
		if u == uSecond || u == uMinute || u == uHour {
			gran = uDay
		}
		// "Two days later" counts from the day the story last named;
		// "two days ago" from the article's date.
		base := s.anchor
		if x := s.lo(e); x != "ago" && x != "hence" && s.hasRef && (u == uDay || u == uWeek) {
			base = s.ref
			c.rel = &news.Relative{Kind: "ref", Unit: unitName(u), N: sign * cnt, Base: s.refRel, Mode: "mark"}
			if s.refRel == nil {
				c.rel = dateRel(valueAt(shift(base, u, sign*cnt), gran))
			}
		}
		t := shift(base, u, sign*cnt)
		c.val = valueAt(t, gran)
		c.fut = t.After(s.anchor)
		return c, true
	case "from":
		if s.is(e+1, "now") {
			if cnt, err := strconv.Atoi(num); err == nil && s.has {
				t := shift(s.anchor, u, cnt)
				return cand{end: e + 2, typ: tDate, val: valueAt(t, u), fut: true, rel: &news.Relative{Kind: "shift", Unit: unitName(u), N: cnt, Gran: unitName(u), Mode: "from_now"}}, true
			}
		}
	}
	switch {
	case u == uDecade && num != "X":
		if v, err := strconv.Atoi(num); err == nil {
			return cand{end: e, typ: tDuration, val: "P" + strconv.Itoa(10*v) + "Y"}, true
		}
	case u == uCentury && num != "X":
		if v, err := strconv.Atoi(num); err == nil {
			return cand{end: e, typ: tDuration, val: "P" + strconv.Itoa(100*v) + "Y"}, true
		}
	}
	if half {
		if v, ok := halfVal(num, u); ok {
			return cand{end: e, typ: tDuration, val: v}, true
		}
	}
	return cand{end: e, typ: tDuration, val: durVal(num, u, l)}, true
}

// halfVal writes n and a half units: P2Y6M, PT5H30M.
func halfVal(n string, u unit) (string, bool) {
	switch u {
	case uYear:
		return "P" + n + "Y6M", true
	case uMonth:
		return "P" + n + "M15D", true
	case uDay:
		return "P" + n + "DT12H", true
	case uHour:
		return "PT" + n + "H30M", true
	case uMinute:
		return "PT" + n + "M30S", true
	}
	return "", false
}

// number reads a count at j: digits, number words ("twenty-five"), "a",
// or a vague quantity ("several", "a few") written X.
func (s *scanner) number(j int) (string, int, bool) {
	w := s.ws[j]
	if w.kind == 'd' {
		k := j + 1
		v := w.lo
		if s.gluedIs(k, ".") && s.digit(k+1) && s.ws[k+1].glued {
			v += "." + s.ws[k+1].lo
			k += 2
		} else if s.gluedIs(k, ",") && s.digit(k+1) && s.ws[k+1].glued && len(s.lo(k+1)) == 3 {
			v += s.ws[k+1].lo
			k += 2
		}
		return v, k, true
	}
	switch w.lo {
	case "a", "an":
		switch {
		case s.is(j+1, "few"):
			return "X", j + 2, true
		case s.is(j+1, "couple") && s.is(j+2, "of"):
			return "2", j + 3, true
		case s.is(j+1, "dozen"):
			return "12", j + 2, true
		case s.is(j+1, "half"):
			return "", j, false
		}
		return "1", j + 1, true
	case "several", "few", "some", "many", "numerous":
		return "X", j + 1, true
	case "couple":
		if s.is(j+1, "of") {
			return "2", j + 2, true
		}
	case "half":
		return "", j, false
	}
	n, ok := numberWord(w.lo)
	if !ok || n < 0 {
		return "", j, false
	}
	k := j + 1
	if n >= 20 && n < 100 && n%10 == 0 {
		// twenty-five, twenty five
		e := k
		if s.gluedIs(e, "-") {
			e++
		}
		if m, ok := numberWord(s.lo(e)); ok && m >= 1 && m <= 9 && s.lo(e) != "a" && s.lo(e) != "an" {
			n += m
			k = e + 1
		}
	}
	if s.is(k, "hundred") {
		n *= 100
		k++
	}
	return strconv.Itoa(n), k, true
}

// numeric reads expressions starting with digits: 2017-09-25, 9/25/2017,
// 25 September 2017, 5:30 p.m., 1990s, 2017, 3 days.
func (s *scanner) numeric(j int, det bool) (cand, bool) {
	w := s.ws[j]
	n := w.num
	// ISO date: 2017-09-25 or 2017-09.
	if len(w.lo) == 4 && s.gluedIs(j+1, "-") && s.digit(j+2) && s.ws[j+2].glued && len(s.lo(j+2)) == 2 {
		m := s.ws[j+2].num
		if s.gluedIs(j+3, "-") && s.digit(j+4) && s.ws[j+4].glued && len(s.lo(j+4)) == 2 {
			d := s.ws[j+4].num
			if validDate(n, m, d) {
				e := j + 5
				c := cand{end: e, typ: tDate, val: dayValue(date(n, m, d))}
				if s.gluedIs(e, "t") || s.is(e, "t") {
					// 2017-09-25T10:30
					if s.digit(e+1) && s.gluedIs(e+2, ":") && s.digit(e+3) {
						c.val += "T" + two(s.ws[e+1].num) + ":" + two(s.ws[e+3].num)
						c.typ = tTime
						c.end = e + 4
						if s.gluedIs(c.end, ":") && s.digit(c.end+1) {
							c.end += 2
						}
					}
				}
				return s.finishDate(c, date(n, m, d), c.end), true
			}
		} else if m >= 1 && m <= 12 && n >= 1000 && !s.gluedIs(j+3, "-") {
			return cand{end: j + 3, typ: tDate, val: monthValue(n, m)}, true
		}
	}
	// Slashed dates: 9/25/2017, 25/9/2017, 9/25/17.
	if len(w.lo) <= 2 && s.gluedIs(j+1, "/") && s.digit(j+2) && s.ws[j+2].glued && len(s.lo(j+2)) <= 2 &&
		s.gluedIs(j+3, "/") && s.digit(j+4) && s.ws[j+4].glued && (len(s.lo(j+4)) == 4 || len(s.lo(j+4)) == 2) {
		a, b, y := n, s.ws[j+2].num, s.ws[j+4].num
		if len(s.lo(j+4)) == 2 {
			if y < 50 {
				y += 2000
			} else {
				y += 1900
			}
		}
		m, d := a, b
		if a > 12 {
			m, d = b, a
		}
		if validDate(y, m, d) && !s.gluedIs(j+5, "/") {
			c := cand{end: j + 5, typ: tDate, val: dayValue(date(y, m, d))}
			return s.finishDate(c, date(y, m, d), j+5), true
		}
		return cand{}, false
	}
	// Times: 5:30 p.m., 10 a.m., 17:45 GMT.
	if len(w.lo) <= 2 && n <= 24 {
		if c, ok := s.clock(j); ok {
			return c, true
		}
	}
	// Day and month: 25 September 2017, 25th of September.
	if len(w.lo) <= 2 && n >= 1 && n <= 31 {
		k := j + 1
		if t := s.lo(k); (t == "st" || t == "nd" || t == "rd" || t == "th") && s.ws[k].glued {
			k++
			if s.is(k, "of") {
				k++
			}
		}
		if m := lexicon.MonthNumber(s.lo(k)); m > 0 && s.ws[k].upper {
			e := k + 1
			if monthAbbrev(s.lo(k)) {
				e = s.period(e)
			}
			if s.dayAt(e) {
				return cand{}, false // the 19 Sept. 11 hijackers: the month has its day
			}
			if y, ye := s.yearAfter(e); y > 0 && validDate(y, m, n) {
				c := cand{end: ye, typ: tDate, val: dayValue(date(y, m, n))}
				return s.finishDate(c, date(y, m, n), ye), true
			}
			if validDate(0, m, n) {
				c := cand{end: e, typ: tDate, rel: &news.Relative{Kind: "month_day", Month: m, Day: n, Tense: s.tense(j, e)}}
				if !s.has {
					c.val = "XXXX-" + two(m) + "-" + two(n)
					return c, true
				}
				t := s.nearestDay(m, n, s.tense(j, e))
				c.val = dayValue(t)
				return s.finishDate(c, t, e), true
			}
		}
		// Ordinal centuries: the 20th century.
		if (s.lo(k-1) == "th" || s.lo(k-1) == "st" || s.lo(k-1) == "nd" || s.lo(k-1) == "rd") && s.is(k, "century") && n >= 1 {
			return cand{end: k + 1, typ: tDate, val: two(n - 1)}, true
		}
	}
	// Decades and centuries: 1990s, 1990's, 1800s.
	if len(w.lo) == 4 && n >= 1000 && n <= 2999 {
		k := j + 1
		if s.gluedIs(k, "'") {
			k++
		}
		if s.gluedIs(k, "s") {
			if n%100 == 0 && !det {
				return cand{end: k + 1, typ: tDate, val: w.lo[:2]}, true
			}
			if n%10 == 0 {
				return cand{end: k + 1, typ: tDate, val: w.lo[:3]}, true
			}
		}
	}
	// The 1988 third quarter, the 1988 quarter, the 1988 period.
	if len(w.lo) == 4 && n >= 1800 && n <= 2100 && det {
		k := j + 1
		if q, ok := ordinals[s.lo(k)]; ok && q >= 1 && q <= 4 && s.is(k+1, "quarter") {
			c := cand{end: k + 2, typ: tDate, val: w.lo + "-Q" + strconv.Itoa(q)}
			s.lastQ = c.val
			return c, true
		}
		if s.is(k, "quarter") || s.is(k, "period") {
			v := w.lo
			if s.lastQ != "" {
				v += s.lastQ[4:]
			}
			return cand{end: k + 1, typ: tDate, val: v}, true
		}
	}
	// Counts of units.
	if c, ok := s.quantity(j, n, det); ok {
		return c, true
	}
	// Bare years.
	if len(w.lo) == 4 && n >= 1800 && n <= 2100 && s.yearContext(j) {
		return cand{end: j + 1, typ: tDate, val: w.lo}, true
	}
	return cand{}, false
}

// yearContext reports whether the four digits at j are a year.
func (s *scanner) yearContext(j int) bool {
	if s.ws[j].glued && j > 0 && s.ws[j-1].kind != 'p' {
		return false
	}
	if s.gluedIs(j+1, "-") || s.gluedIs(j+1, ",") && s.digit(j+2) || s.gluedIs(j+1, ".") && s.digit(j+2) || s.gluedIs(j+1, "%") {
		return false
	}
	if j > 0 && (s.ws[j-1].lo == "$" || s.ws[j-1].lo == "#" || s.ws[j-1].lo == "no") {
		return false
	}
	switch s.lo(j - 1) {
	case "in", "since", "of", "by", "until", "till", "from", "to", "before", "after", "during",
		"through", "early", "late", "mid", "fiscal", "between", "and", "for", "year", "around",
		"about", "circa", "throughout", "spring", "summer", "fall", "autumn", "winter", "-", ",", "(":
		return true
	}
	switch s.lo(j + 1) {
	case ".", ",", ";", ")", "'", "’", "", "and", "to":
		return true
	}
	// the 1996 Olympic bombing, its 1990 invasion
	switch s.lo(j - 1) {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that":
		if j+1 < len(s.ws) && s.ws[j+1].kind == 'a' {
			if _, ok := units[s.lo(j+1)]; !ok {
				return true
			}
		}
	}
	return false
}

// clock reads "5:30 p.m.", "10 a.m.", "17:45 GMT", "ten o'clock".
func (s *scanner) clock(j int) (cand, bool) {
	h := s.ws[j].num
	k := j + 1
	m := 0
	hasMin := false
	if s.gluedIs(k, ":") && s.digit(k+1) && s.ws[k+1].glued && len(s.lo(k+1)) == 2 {
		m = s.ws[k+1].num
		hasMin = true
		k += 2
		if s.gluedIs(k, ":") && s.digit(k+1) && s.ws[k+1].glued && len(s.lo(k+1)) == 2 {
			k += 2
		}
	}
	if m > 59 {
		return cand{}, false
	}
	// a.m. / p.m. / am / pm
	ampm := ""
	switch {
	case (s.is(k, "a") || s.is(k, "p")) && s.gluedIs(k+1, ".") && s.gluedIs(k+2, "m"):
		ampm = s.lo(k)
		k += 3
		if s.gluedIs(k, ".") {
			k++
		}
	case s.is(k, "am") || s.is(k, "pm"):
		ampm = s.lo(k)[:1]
		k++
	case s.is(k, "o") && s.gluedIs(k+1, "'") && s.gluedIs(k+2, "clock"):
		k += 3
		ampm = "o"
	}
	if ampm == "" && !hasMin {
		return cand{}, false
	}
	if ampm == "" && hasMin && !(s.is(j-1, "at") || s.is(j-1, "by") || s.is(j-1, "until") || s.is(j-1, "from") || s.is(j-1, "to") || s.is(j-1, "before") || s.is(j-1, "after") || timezones[s.lo(k)]) {
		return cand{}, false
	}
	if h > 12 && ampm != "" && ampm != "o" || h > 24 {
		return cand{}, false
	}
	switch ampm {
	case "p":
		if h < 12 {
			h += 12
		}
	case "a":
		if h == 12 {
			h = 0
		}
	}
	zone := ""
	if timezones[s.lo(k)] {
		if s.is(k, "utc") || s.is(k, "gmt") {
			zone = "Z" // ISO 8601: a time in UTC
		}
		k++
	}
	c := s.timeOfDay(j, k, two(h)+":"+two(m)+zone)
	return c, true
}

var timezones = map[string]bool{
	"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true,
}

// shiftDate moves the year or month of v (2017, 2017-09, 2017-09-25) by n
// units of u, at u's precision.
func shiftDate(v string, u unit, n int) (string, bool) {
	if len(v) < 4 {
		return "", false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return "", false
	}
	switch u {
	case uYear:
		return strconv.Itoa(y + n), true
	case uMonth:
		if len(v) < 7 || v[4] != '-' {
			return "", false
		}
		m, err := strconv.Atoi(v[5:7])
		if err != nil || m < 1 || m > 12 {
			return "", false
		}
		t := date(y, m, 1).AddDate(0, n, 0)
		return monthValue(t.Year(), int(t.Month())), true
	}
	return "", false
}

// dayAt reports whether a day of the month (1 to 31, not a year or a
// time) is at word i.
func (s *scanner) dayAt(i int) bool {
	return s.digit(i) && !s.ws[i].glued && s.ws[i].num >= 1 && s.ws[i].num <= 31 && len(s.ws[i].lo) <= 2 &&
		!(s.gluedIs(i+1, ":") && s.digit(i+2)) && !(s.gluedIs(i+1, ".") && s.digit(i+2))
}

// eventNouns follow a month and day that name a famous event rather than
// a date: the Sept. 11 attacks, the July 7 bombings, Sept. 11 victims.
var eventNouns = map[string]bool{
	"attack": true, "attacks": true, "attackers": true, "hijackers": true, "hijackings": true,
	"hijacking": true, "victims": true, "families": true, "widows": true, "widow": true,
	"survivors": true, "responders": true, "commission": true, "memorial": true, "museum": true,
	"terrorists": true, "terrorist": true, "terror": true, "plot": true, "plotters": true,
	"bombings": true, "bombers": true, "massacre": true, "tragedy": true, "atrocities": true,
	"era": true, "generation": true, "mastermind": true,
}

// famousDays are month-days that name one event in the news: the
// September 11 attacks.
var famousDays = map[[2]int]int{{9, 11}: 2001}

// famousDay gives the date of the event that month m day d names, when
// the anchor is well after it.
func (s *scanner) famousDay(m, d int) (string, bool) {
	y, ok := famousDays[[2]int{m, d}]
	if !ok || !s.has || s.anchor.Before(date(y, m, d).AddDate(0, 2, 0)) {
		return "", false
	}
	return dayValue(date(y, m, d)), true
}

// namePart reports whether word e, after a famous month and day, makes
// them part of a name: September 11th Advocates.
func (s *scanner) namePart(e int) bool {
	if e >= len(s.ws) || !s.ws[e].upper || s.ws[e].kind != 'a' {
		return false
	}
	w := s.lo(e)
	if lexicon.WeekdayNumber(w) > 0 || lexicon.MonthNumber(w) > 0 {
		return false
	}
	return true
}

// anaphoric reads "that year", "that same day", "the same month" (j is
// "that" or "same"): the period of the last date named, when there is one.
func (s *scanner) anaphoric(j int, det bool) (cand, bool) {
	k := j + 1
	if s.is(j, "same") && !det {
		return cand{}, false
	}
	if s.is(j, "that") && s.is(k, "same") {
		k++
	}
	// that October: the month in the year last named.
	if m := lexicon.MonthNumber(s.lo(k)); m > 0 && s.ws[k].upper && !monthAbbrev(s.lo(k)) && len(s.lastDate) >= 4 {
		if y, err := strconv.Atoi(s.lastDate[:4]); err == nil {
			c := cand{end: k + 1, typ: tDate, val: monthValue(y, m)}
			if s.lastDateRel != nil {
				c.rel = &news.Relative{Kind: "ref", Month: m, Base: s.lastDateRel}
			}
			return c, true
		}
	}
	u, ok := units[s.lo(k)]
	if !ok || plural(s.lo(k)) || s.gluedIs(k+1, "'") {
		return cand{}, false
	}
	c := cand{end: k + 1, typ: tDate}
	switch {
	case u == uDay && s.hasRef:
		c.val = dayValue(s.ref)
		if s.refRel != nil {
			c.rel = &news.Relative{Kind: "ref", Unit: "day", Base: s.refRel}
		}
	case u == uWeek && s.hasRef:
		c.val = weekValue(s.ref)
		if s.refRel != nil {
			c.rel = &news.Relative{Kind: "ref", Unit: "week", Base: s.refRel}
		}
	case u == uMonth && len(s.lastDate) >= 7:
		c.val = s.lastDate[:7]
		if s.lastDateRel != nil {
			c.rel = &news.Relative{Kind: "ref", Unit: "month", Base: s.lastDateRel}
		}
	case u == uYear && len(s.lastDate) >= 4:
		c.val = s.lastDate[:4]
		if s.lastDateRel != nil {
			c.rel = &news.Relative{Kind: "ref", Unit: "year", Base: s.lastDateRel}
		}
	case u == uQuarter && s.lastQ != "":
		c.val = s.lastQ
	default:
		return cand{}, false
	}
	// the same month a year ago, the same quarter last year
	e := k + 1
	back := (s.is(e, "a") || s.is(e, "one")) && s.is(e+1, "year") && (s.is(e+2, "ago") || s.is(e+2, "earlier") || s.is(e+2, "before"))
	if back || s.is(e, "last") && s.is(e+1, "year") || s.is(e, "of") && s.is(e+1, "last") && s.is(e+2, "year") {
		if y, err := strconv.Atoi(c.val[:4]); err == nil {
			c.val = strconv.Itoa(y-1) + c.val[4:]
			c.rel = nil // a year back from a date read against the anchor: kept as read
			if len(c.val) == 10 {
				c.val = dayValue(s.ref.AddDate(-1, 0, 0))
			}
			c.end = e + 2
			if back || s.is(e, "of") {
				c.end = e + 3
			}
		}
	}
	return c, true
}

// weekdayYear moves a month-day read without its year (c) to the year,
// next to the one chosen, in which it falls on weekday wd: "Friday, Sept.
// 14" written in May 2013 is 2012-09-14.
func (s *scanner) weekdayYear(c cand, wd int) cand {
	if r := relBase(c.rel); r != nil && r.Kind == "month_day" {
		c.rel = withRel(r, func(r *news.Relative) { r.Weekday = wd })
	}
	t, err := time.Parse("2006-01-02", c.val[:10])
	if err != nil || !s.has || int(t.Weekday()+6)%7+1 == wd {
		return c
	}
	// The year was written: keep it.
	for k := c.start; k < c.end && k < len(s.ws); k++ {
		if s.ws[k].kind == 'd' && len(s.ws[k].lo) == 4 {
			return c
		}
	}
	for _, dy := range []int{-1, 1} {
		u := date(t.Year()+dy, int(t.Month()), t.Day())
		if u.Day() == t.Day() && int(u.Weekday()+6)%7+1 == wd {
			c.val = dayValue(u) + c.val[10:]
			c.fut = u.After(s.anchor)
			s.ref, s.hasRef, s.refSent = u, true, s.sent
			s.refRel = relBase(c.rel)
			return c
		}
	}
	return c
}

// yearEnd reads "year-end", "year end", "year's end" (j is "year", e the
// word after the expression): the end of the anchor's year, or of the year
// before after "since".
func (s *scanner) yearEnd(j, e int) cand {
	c := cand{end: e, typ: tDate, val: "XXXX", mod: "END", rel: &news.Relative{Kind: "year", Mode: "end", N: -boolInt(s.is(j-1, "since"))}}
	if s.has {
		y := s.anchor.Year()
		if s.is(j-1, "since") {
			y--
		}
		c.val = itoa4(y)
	}
	return c
}
