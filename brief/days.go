package brief

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

// Dates of one event.
//
// A sentence that dates a happening to a day or a year ("apologized on
// Friday", "has led House Democrats since 2002") is read with the content
// words around the date. Two sources whose sentences tell the same
// happening there (dayMinShared content words in common, dayOverlap of
// the smaller side's, one of them not a name) but date it to different
// days or years disagree on when it happened. A date that only says when
// something was said ("said on Friday") dates the statement, not the
// happening, and is left out.
//
// Every date of a sentence is read, and a name belongs to the date it
// stands nearest: in "begin in the Senate on Wednesday, followed by the
// House on Thursday" the Senate's day is Wednesday and the House's
// Thursday. A planned date (ahead of its article) and a reported one tell
// one happening when a name stands by one of the dates and is in the
// other's sentence, the sentences share a word besides names, and
// neither sentence names a participant the other gives another date (the
// House's vote is not the Senate's). A plan whose own source reports the
// happening done is left out. A plan published no later than every
// report of the happening done on another day is a plan that moved: the
// conflict is a change, the plan first.

const (
	dayOverlap   = 0.5
	dayMinShared = 3
	// dayNear is the most days apart two dates of one happening are: a
	// date further off tells of another happening.
	dayNear = 3
	// yearsNear is the most years apart two years of one happening are.
	yearsNear = 2
)

// isYears reports whether a date value is a year or a period of years
// ("2002", "1967/1979").
func isYears(v string) bool { return len(v) == 4 || len(v) == 9 }

// dayMention is a date a sentence gives a happening.
type dayMention struct {
	doc      *news.Doc
	value    string // the date, a day (2014-11-28) or a year (2002)
	text     string // the date as written
	evidence string
	words    bag
	// near are the names that stand by the date (within dayNearBytes),
	// none of them nearer another date of the sentence: the happening's
	// participants ("followed by the House on Thursday").
	near bag
	// all are the content words of the sentence but the names of its
	// other dates, which are others.
	all, others bag
	// planned marks a date the sentence gives as ahead of its article
	// (expected, scheduled).
	planned bool
}

// speechCues are the words of a statement: a date next to one dates the
// statement.
var speechCues = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true, "according": true, "reported": true, "announced": true, "stated": true, "added": true, "statement": true, "interview": true}

// dayNearBytes is how far from a date a name stands by it.
const dayNearBytes = 40

// dayValue returns the day or year a date value names ("2016-09-28" of
// "2016-09-28TAF"), or false.
func dayValue(v string) (string, bool) {
	if len(v) > len("2006-01-02") && v[len("2006-01-02")] == 'T' {
		v = v[:len("2006-01-02")]
	}
	if len(v) != len("2006-01-02") && len(v) != len("2006") || !ascii.IsDigit(v[0]) {
		return "", false
	}
	return v, true
}

// dayMentions lists the dates d gives happenings: every date of a
// sentence that names its day or year, each with the words around it; a
// name that stands nearer another date of the sentence is that date's.
func dayMentions(d *news.Doc) []dayMention {
	var out []dayMention
	// Every date of a sentence draws the names nearest it, whether or
	// not it is read ("Yesterday Hamas released").
	bySentence := map[int][]int{}
	var order []int
	for k, t := range d.Timexes {
		if t.Type != "DATE" && t.Type != "TIME" || t.Sentence < 0 || t.Sentence >= len(d.Sentences) {
			continue
		}
		sent := d.Sentences[t.Sentence]
		if d.InOpinion(sent.Span) || t.Start < sent.Start || t.End > sent.End {
			continue
		}
		if bySentence[t.Sentence] == nil {
			order = append(order, t.Sentence)
		}
		bySentence[t.Sentence] = append(bySentence[t.Sentence], k)
	}
	for _, si := range order {
		sent := d.Sentences[si]
		text := d.SentenceText(si)
		dates := bySentence[si]
		skip := -1
		for n, k := range dates {
			t := d.Timexes[k]
			value, ok := dayValue(t.Value)
			if n == skip || t.Type != "DATE" || !ok || !namesDay(t.Text) {
				continue // "today", "that same day": read against another date
			}
			start, end := t.Start-sent.Start, t.End-sent.Start
			if nextToCue(text, start, end) || t.Future && t.Tense < 0 {
				continue // a date ahead told in the past tense is misread
			}
			if len(value) == 4 && !spanStart(text[:start]) {
				continue // "earned $13 million in 2013": one of a series of years
			}
			m := dayMention{doc: d, value: value, text: t.Text, evidence: tidy(text), planned: t.Future}
			// A period "from 1967 to 1979" is read whole.
			if n+1 < len(dates) {
				u := d.Timexes[dates[n+1]]
				if v, _ := dayValue(u.Value); u.Type == "DATE" && u.Start > t.End && u.Start-t.End <= 5 && len(v) == len(value) {
					m.value += "/" + v
					m.text = d.Text[t.Start:u.End]
					end = u.End - sent.Start
					skip = n + 1
				}
			}
			own, others := ownText(text, start, end, d, sent.Start, dates, k)
			m.words = stemBag(contentBag(window(own, start, end)))
			m.all = stemBag(contentBag(own))
			m.others = names(stemBag(contentBag(others)))
			lo, hi := max(0, start-dayNearBytes), min(len(own), end+dayNearBytes)
			for lo > 0 && own[lo-1] != ' ' {
				lo--
			}
			for hi < len(own) && own[hi] != ' ' {
				hi++
			}
			m.near = names(stemBag(contentBag(own[lo:start] + " " + own[end:hi])))
			out = append(out, m)
		}
	}
	return out
}

// names keeps the names of a bag.
func names(b bag) bag {
	out := bag{}
	for w, v := range b {
		if v >= 2 {
			out[w] = v
		}
	}
	return out
}

// ownText is a sentence's text with the names blanked that stand nearer
// another of its dates than the date [start,end): what the date tells
// of. The text keeps its length, so offsets hold. It also returns the
// names blanked, the other dates' participants.
func ownText(text string, start, end int, d *news.Doc, base int, dates []int, self int) (string, string) {
	if len(dates) < 2 {
		return text, ""
	}
	b := []byte(text)
	var others []string
	dist := func(i, j, lo, hi int) int {
		switch {
		case j <= lo:
			return lo - j
		case i >= hi:
			return i - hi
		}
		return 0
	}
	for i := 0; i < len(b); {
		if !isUpperASCII(b[i]) || i > 0 && b[i-1] != ' ' && b[i-1] != '(' && b[i-1] != '"' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != ' ' && b[j] != ',' && b[j] != '.' {
			j++
		}
		mine := dist(i, j, start, end)
		for _, k := range dates {
			if k == self {
				continue
			}
			o := d.Timexes[k]
			if dist(i, j, o.Start-base, o.End-base) < mine {
				others = append(others, text[i:j])
				for x := i; x < j; x++ {
					b[x] = ' '
				}
				break
			}
		}
		i = j
	}
	return string(b), strings.Join(others, " ")
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// namesDay reports whether a date as written names its day or year: a
// digit, a month or a weekday ("Friday", "Oct. 23", "2002").
func namesDay(text string) bool {
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if isMonthWord(w) || ascii.IsDigit(w[0]) {
			return true
		}
		if lexicon.ClassOf(strings.ToLower(w))&(lexicon.Weekday|lexicon.Abbrev) == lexicon.Weekday {
			return true
		}
	}
	return false
}

// spanStart reports whether the text before a year opens a period
// ("since 2002", "from 1967"): a year alone more often tells one of a
// series ("in 2013", "in 2014").
func spanStart(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "since", "from", "until", "till":
		return true
	}
	return false
}

// nextToCue reports whether a speech cue stands within two words of the
// span [start,end) of text.
func nextToCue(text string, start, end int) bool {
	before := strings.Fields(text[:start])
	after := strings.Fields(text[end:])
	for k := 1; k <= 2; k++ {
		if len(before) >= k && speechCues[strings.ToLower(strings.Trim(before[len(before)-k], ",.;:"))] {
			return true
		}
		if len(after) >= k && speechCues[strings.ToLower(strings.Trim(after[k-1], ",.;:"))] {
			return true
		}
	}
	return false
}

// sameHappening reports whether two date mentions tell one happening.
func sameHappening(a, b dayMention) bool {
	shared, plain := 0, 0
	for w, v := range a.words {
		if b.words[w] > 0 {
			shared++
			if v < 2 && b.words[w] < 2 {
				plain++
			}
		}
	}
	small := min(len(a.words), len(b.words))
	return shared >= dayMinShared && plain >= 1 && float64(shared) >= dayOverlap*float64(small)
}

// plannedAndDone reports whether a planned date and a reported one tell
// one happening: a name stands by both dates, and their sentences share
// a word besides names ("followed by the House on Thursday" as planned,
// "The House voted later on Wednesday to override").
func plannedAndDone(a, b dayMention) bool {
	name, plain := false, 0
	for w := range a.near {
		name = name || b.all[w] > 0
	}
	for w := range b.near {
		name = name || a.all[w] > 0
	}
	for w := range a.others {
		if b.all[w] > 0 {
			return false // the House's vote is not the Senate's
		}
	}
	for w := range b.others {
		if a.all[w] > 0 {
			return false
		}
	}
	for w, v := range a.all {
		if v < 2 && b.all[w] > 0 && b.all[w] < 2 {
			plain++
		}
	}
	return name && plain >= 1
}

// daysApart reports how many days two date values are apart, and
// whether they can be compared (both days, or both years).
func daysApart(a, b string) (int, bool) {
	if len(a) != len(b) {
		return 0, false
	}
	if i := strings.IndexByte(a, '/'); i >= 0 {
		a, b = a[:i], b[:min(i, len(b))]
	}
	if len(a) == 4 {
		var x, y int
		fmt.Sscan(a, &x)
		fmt.Sscan(b, &y)
		return abs(x-y) * 365, true
	}
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return abs(int(ta.Sub(tb).Hours() / 24)), true
}

// dayConflicts compares the days the sources give one happening.
func dayConflicts(s *news.Story, orig map[string]string) []news.Conflict {
	all := withoutOwnReports(fromOriginals(s, orig, dayMentions))
	dates := newDayIndex(all)
	same := func(i, j int) bool {
		a, b := all[i], all[j]
		if a.doc == b.doc || !dates.near(i, j) {
			return false
		}
		return (a.planned == b.planned || plannedAndDone(a, b)) && (a.planned != b.planned || sameHappening(a, b))
	}
	// Only mentions of dates near each other that share two words can
	// tell one happening (sameHappening, plannedAndDone): the mentions of
	// the dates near each one's, which share two of its words.
	return happeningsAmong(len(all), func(i int) []int { return dates.later(i, 2) }, same, func(group []int) (news.Conflict, bool) {
		return dayConflict(all, group)
	})
}

// dayIndex finds the mentions whose dates lie near each other's, as
// daysApart and the limits of dayConflicts read them: each date read
// once, and a list of the mentions of each date, so that a mention meets
// only those of the dates near its own, not the whole pile.
type dayIndex struct {
	all   []dayMention
	dates []dayDate
	at    map[dayDate][]int // the mentions of each date of a usual shape, ascending
	odd   []int             // the mentions of other values, ascending
	buf   []int
}

// dayDate is a mention's date as daysApart compares it, for a value of
// a shape dayMentions gives (usual): a day (2014-11-28), a year (2002),
// or a period of two of either ("1967/1979"). n is its first day (days
// since 1970) or year; ok is false when daysApart cannot read it.
type dayDate struct {
	length int
	n      int64
	ok     bool
	usual  bool
}

func newDayIndex(all []dayMention) *dayIndex {
	x := &dayIndex{all: all, dates: make([]dayDate, len(all)), at: map[dayDate][]int{}}
	for i, m := range all {
		d := readDayDate(m.value)
		x.dates[i] = d
		switch {
		case !d.usual:
			x.odd = append(x.odd, i)
		case d.ok:
			x.at[d] = append(x.at[d], i)
		}
	}
	return x
}

// readDayDate reads a value as daysApart does.
func readDayDate(v string) dayDate {
	d := dayDate{length: len(v)}
	cut := strings.IndexByte(v, '/')
	switch {
	case len(v) == 4 && cut < 0, len(v) == 9 && cut == 4:
		var y int
		fmt.Sscan(v[:4], &y)
		d.n, d.ok, d.usual = int64(y), true, true
	case len(v) == 10 && cut < 0, len(v) == 21 && cut == 10:
		d.usual = true
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			d.n, d.ok = t.Unix()/daySec, true
		}
	}
	return d
}

// span is how far apart, in years or days (as d is), two dates of one
// happening lie at most.
func (d dayDate) span() int64 {
	if d.length == 4 || d.length == 9 { // isYears
		return yearsNear
	}
	return dayNear
}

// near reports whether mentions i and j give dates that may be of one
// happening: daysApart reads them, and they lie no further apart than
// dayNear days or yearsNear years.
func (x *dayIndex) near(i, j int) bool {
	a, b := x.dates[i], x.dates[j]
	if a.length != b.length {
		return false
	}
	if !a.usual || !b.usual {
		n, ok := daysApart(x.all[i].value, x.all[j].value)
		return ok && !(isYears(x.all[i].value) && n > yearsNear*365 || !isYears(x.all[i].value) && n > dayNear)
	}
	return a.ok && b.ok && abs(int(a.n-b.n)) <= int(a.span())
}

// later returns, ascending, the mentions after i whose dates lie near
// i's (see near) and whose words (all) hold at least least of i's.
func (x *dayIndex) later(i, least int) []int {
	x.buf = x.buf[:0]
	add := func(j int) {
		if j <= i || !x.near(i, j) {
			return
		}
		shared := 0
		for w := range x.all[i].all {
			if _, ok := x.all[j].all[w]; ok {
				shared++
			}
		}
		if shared >= least {
			x.buf = append(x.buf, j)
		}
	}
	if a := x.dates[i]; a.usual && a.ok {
		for n := a.n - a.span(); n <= a.n+a.span(); n++ {
			k := a
			k.n = n
			for _, j := range x.at[k] {
				add(j)
			}
		}
	} else if !a.usual {
		for j := i + 1; j < len(x.all); j++ {
			if x.dates[j].usual {
				add(j)
			}
		}
	}
	for _, j := range x.odd {
		add(j)
	}
	slices.Sort(x.buf)
	return x.buf
}

// withoutOwnReports leaves out the plans whose own source also reports
// the happening done on another day near it: the source knows when it
// happened, and a plan it gives is of something else or misread.
func withoutOwnReports(all []dayMention) []dayMention {
	out := all[:0:0]
	for i, m := range all {
		keep := true
		for j := i - 1; m.planned && j >= 0 && all[j].doc == m.doc && keep; j-- {
			keep = !ownReport(m, all[j])
		}
		for j := i + 1; m.planned && j < len(all) && all[j].doc == m.doc && keep; j++ {
			keep = !ownReport(m, all[j])
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// ownReport reports whether a done mention d tells the planned mention
// p's happening on another day near it.
func ownReport(p, d dayMention) bool {
	if d.planned || d.value == p.value || !plannedAndDone(p, d) {
		return false
	}
	n, ok := daysApart(p.value, d.value)
	return ok && n <= dayNear
}

// dayConflict is the conflict of the dates a group of mentions gives one
// happening, or false when they give one date. A plan of a source that
// also reports the happening done is left out: the source knows when it
// happened. When every plan was published no later than every report of
// the happening done, the plan moved: the conflict is a change, its
// claims in publication order.
func dayConflict(all []dayMention, group []int) (news.Conflict, bool) {
	type claim struct {
		value, text, evidence string
		planned               bool
		sources               []string
	}
	done := map[*news.Doc]bool{}
	for _, k := range group {
		if !all[k].planned {
			done[all[k].doc] = true
		}
	}
	var claims []*claim
	var lastPlan, firstDone time.Time
	for _, k := range group {
		m := all[k]
		if m.planned && done[m.doc] {
			continue
		}
		if m.planned && m.doc.Date.After(lastPlan) {
			lastPlan = m.doc.Date
		}
		if !m.planned && (firstDone.IsZero() || m.doc.Date.Before(firstDone)) {
			firstDone = m.doc.Date
		}
		var c *claim
		for _, x := range claims {
			if x.value == m.value && x.planned == m.planned {
				c = x
			}
		}
		if c == nil {
			c = &claim{value: m.value, text: m.text, evidence: m.evidence, planned: m.planned}
			claims = append(claims, c)
		}
		c.sources = appendOnce(c.sources, m.doc.ID)
	}
	values := map[string]bool{}
	for _, x := range claims {
		values[x.value] = true
	}
	if len(values) < 2 {
		return news.Conflict{}, false
	}
	moved := !lastPlan.IsZero() && !firstDone.IsZero() && !lastPlan.After(firstDone)
	sort.SliceStable(claims, func(a, b int) bool {
		if moved && claims[a].planned != claims[b].planned {
			return claims[a].planned
		}
		return claims[a].value < claims[b].value
	})
	var ws, alls []bag
	for _, k := range group {
		ws = append(ws, all[k].words)
		alls = append(alls, all[k].all)
	}
	about := sharedWords(ws)
	if about == "" {
		about = sharedWords(alls)
	}
	c := news.Conflict{About: "date of " + about, Kind: "date", Change: moved}
	for _, x := range claims {
		sort.Strings(x.sources)
		v := x.text
		h := humanPeriod(x.value)
		if x.planned {
			h += ", planned"
		}
		if h != tidy(x.text) {
			v = fmt.Sprintf("%s (%s)", x.text, h)
		}
		c.Claims = append(c.Claims, news.Claim{Value: v, Sources: x.sources, Evidence: x.evidence})
	}
	return c, true
}

// humanPeriod writes a date value, or a period of two ("1966/1978"), as
// a reader does.
func humanPeriod(v string) string {
	if a, b, ok := strings.Cut(v, "/"); ok {
		return humanValue(a) + " to " + humanValue(b)
	}
	return humanValue(v)
}

// sharedWords names a happening by up to four content words all its
// mentions share.
func sharedWords(bags []bag) string {
	n := map[string]int{}
	for _, b := range bags {
		for w := range b {
			n[w]++
		}
	}
	var ws []string
	for w, c := range n {
		if c == len(bags) {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	if len(ws) > 4 {
		ws = ws[:4]
	}
	return strings.Join(ws, " ")
}
