package brief

import (
	"fmt"
	"sort"
	"strings"
	"time"

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
// happening, and is left out; so is a planned date.

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
}

// speechCues are the words of a statement: a date next to one dates the
// statement.
var speechCues = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true, "according": true, "reported": true, "announced": true, "stated": true, "added": true, "statement": true, "interview": true}

// dayMentions lists the dates d gives happenings, one per sentence.
func dayMentions(d *news.Doc) []dayMention {
	var out []dayMention
	seen := map[int]bool{}
	for _, t := range d.Timexes {
		if t.Type != "DATE" || t.Future || t.Sentence < 0 || t.Sentence >= len(d.Sentences) || seen[t.Sentence] {
			continue
		}
		if len(t.Value) != len("2006-01-02") && len(t.Value) != len("2006") || !isDigitByte(t.Value[0]) {
			continue
		}
		sent := d.Sentences[t.Sentence]
		if d.InOpinion(sent.Span) || t.Start < sent.Start || t.End > sent.End {
			continue
		}
		seen[t.Sentence] = true
		if !namesDay(t.Text) {
			continue // "today", "that same day": read against another date
		}
		text := d.SentenceText(t.Sentence)
		start, end := t.Start-sent.Start, t.End-sent.Start
		if nextToCue(text, start, end) {
			continue
		}
		if len(t.Value) == 4 && !spanStart(text[:start]) {
			continue // "earned $13 million in 2013": one of a series of years
		}
		m := dayMention{doc: d, value: t.Value, text: t.Text, evidence: tidy(text)}
		// A period "from 1967 to 1979" is read whole.
		for _, u := range d.Timexes {
			if u.Sentence == t.Sentence && u.Type == "DATE" && u.Start > t.End && u.Start-t.End <= 5 && len(u.Value) == len(t.Value) {
				m.value += "/" + u.Value
				m.text = d.Text[t.Start:u.End]
				end = u.End - sent.Start
				break
			}
		}
		m.words = stemBag(contentBag(window(text, start, end)))
		out = append(out, m)
	}
	return out
}

// namesDay reports whether a date as written names its day or year: a
// digit, a month or a weekday ("Friday", "Oct. 23", "2002").
func namesDay(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if isMonthWord(w) || isDigitByte(w[0]) {
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
	all := fromOriginals(s, orig, dayMentions)
	same := func(i, j int) bool {
		if all[j].doc == all[i].doc || !sameHappening(all[i], all[j]) {
			return false
		}
		n, ok := daysApart(all[i].value, all[j].value)
		return ok && !(isYears(all[i].value) && n > yearsNear*365 || !isYears(all[i].value) && n > dayNear)
	}
	// Only mentions that share dayMinShared words can tell one
	// happening (sameHappening): a posting list of the words finds them.
	bags := make([]bag, len(all))
	for i := range all {
		bags[i] = all[i].words
	}
	index := newSharedWordIndex(bags)
	candidates := func(i int) []int { return index.later(i, dayMinShared) }
	return happeningsAmong(len(all), candidates, same, func(group []int) (news.Conflict, bool) {
		type claim struct {
			value, text, evidence string
			sources               []string
		}
		var claims []*claim
		for _, k := range group {
			m := all[k]
			var c *claim
			for _, x := range claims {
				if x.value == m.value {
					c = x
				}
			}
			if c == nil {
				c = &claim{value: m.value, text: m.text, evidence: m.evidence}
				claims = append(claims, c)
			}
			c.sources = appendOnce(c.sources, m.doc.ID)
		}
		if len(claims) < 2 {
			return news.Conflict{}, false
		}
		sort.SliceStable(claims, func(a, b int) bool { return claims[a].value < claims[b].value })
		var ws []bag
		for _, k := range group {
			ws = append(ws, all[k].words)
		}
		c := news.Conflict{About: "date of " + sharedWords(ws), Kind: "date"}
		for _, x := range claims {
			sort.Strings(x.sources)
			v := x.text
			if h := humanPeriod(x.value); h != tidy(x.text) {
				v = fmt.Sprintf("%s (%s)", x.text, h)
			}
			c.Claims = append(c.Claims, news.Claim{Value: v, Sources: x.sources, Evidence: x.evidence})
		}
		return c, true
	})
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
