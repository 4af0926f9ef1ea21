package brief

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// Dating the articles nothing else dates.
//
// readDates leaves every doc of a story undated when none states a
// date (a story whose pages all came without one): there is no dated
// source to match. datesFromConstraints then reads every time expression
// of such a doc as a constraint on the day it was published, in the
// story's year:
//
//   - what it reports as past lies on or before that day: "agreed on
//     Friday" puts the day in the week from a Friday, "struck on Oct. 23"
//     on or after 23 October, "visited Pyongyang in 2013" in 2013 or
//     later;
//   - what it announces has not ended by then: "Starting May 1 the two
//     Koreas will stop …" puts the day before 1 May;
//   - a month and day or a month written without a year lies in the
//     story's year, or within three months of the day (an article of
//     late December announcing "Jan. 5").
//
// The story's year is the year a count of years and a year the story
// names and does not announce give together, weighed by how much their
// sentences share ("the first North Korean leader to step into the South
// for 65 years" and "a formal end to the 1950-1953 Korean War" give
// 2018), within the years the story names (no earlier than a year it
// reports as past, no later than one it announces). A count alone, or a
// year alone, gives no year, and then no date.
//
// The constraints are intersected, day by day. A doc is dated when what
// it announces bounds the days they allow (the latest is not the year's
// last day) and the latest day it reports as past, read on that latest
// day, lies within a week before it: the doc is dated that past day, the
// latest it can report (articles are written soon after what they report,
// and soon before what they announce). Several days fit the constraints
// then; the note says which day was taken and why, and the status is
// inferred.
//
// The other undated docs of the story are then inferred as readDates
// infers (inferDate), against the docs just dated, and kept only when
// their own constraints allow the day inferred.
//
// Only stories none of whose docs is dated are dated here: no date
// readDates trusted, inferred or rejected changes, and the docs dated
// here are evidence for no doc of another story, so adding articles to a
// pile cannot move a date the rest of the chain gave. A story dated here
// that gains a dated article is left to readDates, which dates its
// docs against that article.

// undatedWindow is how far (in days) from the article's day a month and
// day or a month written without a year may lie in another year than
// the story's.
const undatedWindow = 92

// yearMargin is how many times the next year's weight the year a
// story's counts of years give must weigh (see pinnedYear).
const yearMargin = 2

// pastWeek is the most days a doc dated from its constraints may lie
// after the latest day it reports as past.
const pastWeek = 7

// datesFromConstraints dates the docs that info leaves unknown from the
// constraints their time expressions set (see above), in place. related
// tells which docs tell the same story.
func datesFromConstraints(dds []*docDates, related [][]bool, info []dateInfo) {
	seen := make([]bool, len(dds))
	for i := range dds {
		if seen[i] || info[i].status != news.DateUnknown {
			continue
		}
		story := []int{i}
		for j, r := range related[i] {
			if r {
				story = append(story, j)
			}
		}
		sort.Ints(story)
		for _, j := range story {
			seen[j] = true
		}
		dateStory(dds, story, related, info)
	}
}

// dateStory dates the unknown docs of one story (the indexes in story).
// The doc its constraints bound most tightly (the earliest latest day)
// is dated first, and the others are inferred against it: docs of one
// story report the same happenings, and "Friday" in a doc that announces
// "early June" is the Friday of the doc that announces "May 1". Docs
// left undated, that their constraints date, start the next round.
func dateStory(dds []*docDates, story []int, related [][]bool, info []dateInfo) {
	year, yearHow := undatedYear(dds, story, info)
	if year == 0 {
		return
	}
	type pin struct {
		i      int
		t      time.Time
		latest time.Time
		how    string
	}
	var pins []pin
	for _, i := range story {
		if info[i].status != news.DateUnknown {
			continue
		}
		if t, latest, how, ok := constrainedDay(dds[i], year); ok {
			pins = append(pins, pin{i, t, latest, how})
		}
	}
	sort.SliceStable(pins, func(a, b int) bool { return pins[a].latest.Before(pins[b].latest) })
	anchors := make([]time.Time, len(dds))
	extra := make([]time.Time, len(dds))
	for j, in := range info {
		switch {
		case in.date.IsZero():
		case in.status == news.DateStated || in.status == news.DateDateline:
			anchors[j] = in.date
		default:
			extra[j] = in.date
		}
	}
	for _, p := range pins {
		if info[p.i].status != news.DateUnknown {
			continue // inferred against a doc dated before it
		}
		info[p.i] = dateInfo{p.t, news.DateInferred, "no stated date; inferred " + p.how + "; " + yearHow}
		anchors[p.i] = p.t
		// The others as readDates infers, against the docs dated so
		// far: trusted ones and those dated here as anchors, inferred
		// ones as weaker evidence.
		var todo []int
		for _, i := range story {
			if info[i].status == news.DateUnknown {
				todo = append(todo, i)
			}
		}
		for round := 0; round < 2 && len(todo) > 0; round++ {
			all := newPool(dds, anchors, extra)
			var left []int
			for _, i := range todo {
				t, how, ok := inferDate(dds[i], i, all, related[i], dds, year)
				if !ok || !allows(dds[i], day0(t), year) {
					left = append(left, i)
					continue
				}
				extra[i] = t
				info[i] = dateInfo{t, news.DateInferred, "no stated date; inferred " + how + "; " + yearHow}
			}
			todo = left
		}
	}
}

// undatedYear is the year of a story (the indexes in story) none of
// whose docs is dated, and how it was found: the year its counts of
// years and the years it names give together (see
// pinnedYear). A story with a dated doc is left to readDates: the
// days near its dates are the candidates there, and the latest day
// constraints allow, a guess, would only compete with that evidence. 0
// when the story has a dated doc or no year.
func undatedYear(dds []*docDates, story []int, info []dateInfo) (int, string) {
	for _, j := range story {
		if !info[j].date.IsZero() {
			return 0, ""
		}
	}
	return pinnedYear(dds, story)
}

// namedYear is a year a doc of the story names: the doc, the sentence
// and the expression as written.
type namedYear struct {
	year      int
	doc, sent int
	text      string
}

// pinnedYear is the year that a count of whole years ("for 65 years",
// "a decade") and a year the story names and does not announce ("the
// 1950-1953 Korean War") give together, each pair weighing what their sentences
// share (1 in one sentence). Only years no earlier than the latest year
// the story reports as past, and no later than the earliest it
// announces, count; the best must weigh more than yearMargin times the
// next. It returns
// the year and how it was found, or 0.
func pinnedYear(dds []*docDates, story []int) (int, string) {
	var past []namedYear
	lo, hi := 0, 0
	for _, j := range story {
		for _, x := range dds[j].xs {
			if x.Type != "DATE" {
				continue
			}
			v, _ := timex.Resolve(x, time.Time{})
			st, en, ok := timex.Interval(v)
			if !ok || st.Year() != en.Year() {
				continue
			}
			switch {
			case x.Tense <= 0:
				// A year not announced may have passed ("to end the
				// 1950-1953 Korean War"); only one reported as past
				// bounds the story's year.
				past = append(past, namedYear{st.Year(), j, x.Sentence, x.Text})
				if x.Tense < 0 {
					lo = max(lo, st.Year())
				}
			default:
				if hi == 0 || en.Year() < hi {
					hi = en.Year()
				}
			}
		}
	}
	if len(past) == 0 || hi != 0 && hi < lo {
		return 0, ""
	}
	bags := map[[2]int]bag{}
	bagOf := func(doc, sent int) bag {
		k := [2]int{doc, sent}
		b, ok := bags[k]
		if !ok {
			b = dds[doc].words.sentence(dds[doc].d, sent)
			bags[k] = b
		}
		return b
	}
	support := map[int]float64{}
	type pair struct {
		w           float64
		count, from namedYear
	}
	strongest := map[int]pair{}
	for _, j := range story {
		d := dds[j].d
		for _, x := range d.Timexes {
			n, ok := wholeYears(x)
			if !ok {
				continue
			}
			for _, p := range past {
				y := p.year + n
				if y < lo || hi != 0 && y > hi {
					continue
				}
				w := 1.0
				if p.doc != j || p.sent != x.Sentence {
					w = bagOf(p.doc, p.sent).sim(bagOf(j, x.Sentence))
				}
				if w <= 0 {
					continue
				}
				support[y] += w
				if w > strongest[y].w {
					strongest[y] = pair{w, namedYear{n, j, x.Sentence, x.Text}, p}
				}
			}
		}
	}
	years := make([]int, 0, len(support))
	for y := range support {
		years = append(years, y)
	}
	// The heaviest first, the latest of a tie.
	sort.Slice(years, func(a, b int) bool {
		if support[years[a]] != support[years[b]] {
			return support[years[a]] > support[years[b]]
		}
		return years[a] > years[b]
	})
	if len(years) == 0 || len(years) > 1 && support[years[0]] <= yearMargin*support[years[1]] {
		return 0, ""
	}
	best := years[0]
	p := strongest[best]
	return best, fmt.Sprintf("the year %d from %q (%s) after %d (%q, %s)", best, p.count.text, dds[p.count.doc].d.ID, p.from.year, p.from.text, dds[p.from.doc].d.ID)
}

// wholeYears reads a count of whole years as written, without a
// modifier ("65 years", "a decade", not "more than 10 years", "years"),
// in a clause not in the future: the years since something.
func wholeYears(x news.Timex) (int, bool) {
	if x.Type != "DURATION" || x.Mod != "" || x.Tense > 0 || !strings.HasPrefix(x.Value, "P") || !strings.HasSuffix(x.Value, "Y") {
		return 0, false
	}
	n, err := strconv.Atoi(x.Value[1 : len(x.Value)-1])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// allows reports whether the doc's time expressions, read against day a,
// allow a as its date in a story of year year: nothing it reports as
// past lies after a, nothing it announces has ended before a, and a
// month and day or a month written without a year lies in that year or
// within undatedWindow days of a.
func allows(dd *docDates, a time.Time, year int) bool {
	for _, x := range dd.xs {
		st, en, fut, ok := timex.ResolveInterval(x, a)
		if !ok {
			continue
		}
		if x.Tense < 0 && st.After(a) || x.Tense > 0 && en.Before(a) && !fut {
			return false
		}
		if r := x.Relative; r != nil && (r.Kind == "month_day" || r.Kind == "month") && x.Tense != 0 &&
			st.Year() != year && st.Sub(a).Abs() > undatedWindow*24*time.Hour {
			return false
		}
	}
	return true
}

// constrainedDay dates a doc from its constraints in a story of year
// year (see above): the latest day it reports as past, read on the
// latest day the constraints allow, when that is bounded and at most
// pastWeek days after it. It returns the day, how it was found, and
// whether it was.
func constrainedDay(dd *docDates, year int) (t, latest time.Time, how string, ok bool) {
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	for a := last; !a.Before(first); a = a.AddDate(0, 0, -1) {
		if allows(dd, a, year) {
			latest = a
			break
		}
	}
	if latest.IsZero() || latest.Equal(last) {
		return time.Time{}, time.Time{}, "", false // nothing it announces bounds it
	}
	// The latest day it reports as past, read on that day: a day it
	// names (a weekday, a month and day, a full date), not one counted
	// from the article's own ("yesterday").
	var past time.Time
	var said string
	for _, x := range dd.xs {
		r := x.Relative
		if x.Tense > 0 || x.Type != "DATE" || r != nil && r.Kind != "weekday" && r.Kind != "month_day" && r.Kind != "date" {
			continue
		}
		st, en, _, ok := timex.ResolveInterval(x, latest)
		if !ok || !st.Equal(en) || st.After(latest) {
			continue
		}
		if st.After(past) {
			past, said = st, x.Text
		}
	}
	if past.IsZero() || latest.Sub(past) > pastWeek*24*time.Hour {
		return time.Time{}, time.Time{}, "", false
	}
	t = past
	for !allows(dd, t, year) {
		t = t.AddDate(0, 0, 1)
		if t.After(latest) {
			return time.Time{}, time.Time{}, "", false
		}
	}
	// What rules out the day after the latest: the constraints that
	// bound it.
	var ahead []string
	next := latest.AddDate(0, 0, 1)
	for _, x := range dd.xs {
		if !allows(&docDates{xs: []news.Timex{x}}, next, year) {
			ahead = appendOnce(ahead, fmt.Sprintf("%q", x.Text))
		}
	}
	return t, latest, fmt.Sprintf("%s from the constraints its time expressions set: %s puts it no later than %s, and the latest day it reports as past then is %q, %s, the day taken (articles are written soon after what they report)",
		human(t), strings.Join(firstN(ahead, 3), " and "), human(latest), said, human(past)), true
}
