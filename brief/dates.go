package brief

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// Deciding which date to trust for an article.
//
// An article may carry a stated date (a header, HTML metadata, a feed
// date), a dateline date, a bare page stamp, and the dates its content
// implies. resolveDates checks them against each other and against the
// story:
//
//   - a stated date (or page stamp) is rejected when the article reports
//     as past something that lies after it: a past-tense full date written
//     with its year, or a month and day ("held a referendum on September
//     25") that the story's other sources report as done after it; when
//     its content clearly matches what the other sources report on a day
//     more than three weeks away (see betterDate); or when it lies more
//     than a year from every event of the story;
//   - an article left without a usable date gets one inferred: every day
//     from a week before the story's first dated event to two weeks after
//     its last is tried as the anchor, the article's relative expressions
//     ("on Monday", "Tomorrow", "next week") are resolved against it, and
//     the day whose resolved dates best match the happenings the dated
//     sources report (same date, overlapping content words, names weighing
//     double) wins, minus the days that put a past-tense expression in the
//     future, a future-tense one in the past, or break "a few days before"
//     a dated future event, and a little for every day after the latest
//     day the article reports as past (it is written soon after). Each
//     happening another source reports counts once. Ties go to the
//     earliest day. With nothing to match, the latest past date the
//     article states with its year is used, else the middle of the other
//     sources' dates when they lie within a week.
//
// Finally every doc's relative expressions are tagged again against its
// trusted date.

// dateCheck is what resolveDates learned about one doc.
type dateCheck struct {
	rejected    string // the rejected date's kind: "stated date", "page stamp", "dateline date"
	rejectedAt  time.Time
	reason      string // why it was rejected
	inferredHow string
}

// eventRef is one dated happening a source reports: the period its time
// expression resolves to and the content words of its sentence.
type eventRef struct {
	doc        *news.Doc
	start, end time.Time
	weight     float64 // lower for inferred sources
	words      bag
	past       bool      // on or before its source's date
	anchor     time.Time // its source's date
}

// maxEventDays is the longest period (a month) that counts as an event
// date for matching and the timeline.
const maxEventDays = 31

// resolveDates decides which date to trust for every doc of the story and
// sets Date, DateStatus and DateNote, then re-tags the docs' time
// expressions against the trusted dates.
func resolveDates(s *news.Story) {
	checks := map[*news.Doc]*dateCheck{}
	for _, d := range s.Docs {
		checks[d] = &dateCheck{}
	}
	// Provisional anchors: the stated date, else the dateline date.
	provisional := map[*news.Doc]time.Time{}
	for _, d := range s.Docs {
		switch {
		case !d.StatedDate.IsZero():
			provisional[d] = d.StatedDate
		case !d.DatelineDate.IsZero():
			provisional[d] = d.DatelineDate
		}
	}
	// Check every provisional date against the story's other dated docs.
	trusted := map[*news.Doc]bool{}
	all := eventPool(s, provisional, nil)
	// The checks of different docs are independent (each re-tags only its
	// own doc against a pool fixed here), so they run on every core; the
	// verdicts are applied in order below.
	type verdict struct {
		why             string // why the provisional date fails, or ""
		datelineChecked bool   // the dateline date was tried as well
		whyDateline     string // why it fails, or ""
	}
	verdicts := make([]verdict, len(s.Docs))
	forEach(len(s.Docs), func(i int) {
		d := s.Docs[i]
		a, ok := provisional[d]
		if !ok {
			return
		}
		pool := without(all, d)
		v := verdict{}
		v.why, _ = contradicts(d, a, pool)
		// A dateline date may still hold when the stated one fails.
		if v.why != "" && !d.StatedDate.IsZero() && !d.DatelineDate.IsZero() && !sameDay(d.DatelineDate, d.StatedDate) {
			v.datelineChecked = true
			v.whyDateline, _ = contradicts(d, d.DatelineDate, pool)
		}
		verdicts[i] = v
	})
	for i, d := range s.Docs {
		a, ok := provisional[d]
		if !ok {
			continue
		}
		if why := verdicts[i].why; why != "" {
			c := checks[d]
			c.rejected, c.rejectedAt, c.reason = "stated date", a, why
			if d.StatedDate.IsZero() {
				c.rejected = "dateline date"
			}
			if verdicts[i].datelineChecked {
				if verdicts[i].whyDateline == "" {
					provisional[d] = d.DatelineDate
					trusted[d] = true
					d.Date, d.DateStatus = d.DatelineDate, news.DateDateline
					d.DateNote = fmt.Sprintf("stated date %s rejected: %s; the dateline gives %s", day(a), why, day(d.DatelineDate))
				}
			}
			continue
		}
		trusted[d] = true
		if !d.StatedDate.IsZero() {
			d.Date, d.DateStatus = d.StatedDate, news.DateStated
			d.DateNote = "stated date, consistent with the content"
			if !d.DatelineDate.IsZero() && !sameDay(d.DatelineDate, d.StatedDate) {
				d.DateNote += "; the dateline gives " + day(d.DatelineDate)
			}
		} else {
			d.Date, d.DateStatus = d.DatelineDate, news.DateDateline
			d.DateNote = "no stated date; the dateline gives it"
		}
	}
	for d := range trusted {
		provisional[d] = d.Date
	}
	// Page stamps of docs without a date: kept when they fit the story.
	all = eventPool(s, trustedOnly(provisional, trusted), nil)
	for _, d := range s.Docs {
		if trusted[d] || !d.PageStamp.IsZero() && checks[d].rejected != "" || d.PageStamp.IsZero() {
			continue
		}
		pool := without(all, d)
		if why, _ := contradicts(d, d.PageStamp, pool); why != "" {
			c := checks[d]
			c.rejected, c.rejectedAt, c.reason = "page stamp", d.PageStamp, why
			continue
		}
		if len(pool) == 0 {
			continue // nothing to check it against: infer instead
		}
		trusted[d] = true
		provisional[d] = d.PageStamp
		d.Date, d.DateStatus = day0(d.PageStamp), news.DateStated
		d.DateNote = "no stated date; the page stamp fits the story's events"
	}
	// Infer the others, twice: the second round also matches the
	// happenings of the docs inferred in the first.
	var todo []*news.Doc
	for _, d := range s.Docs {
		if !trusted[d] {
			todo = append(todo, d)
		}
	}
	inferred := map[*news.Doc]time.Time{}
	type inference struct {
		t   time.Time
		how string
		ok  bool
	}
	for round := 0; round < 2 && len(todo) > 0; round++ {
		all := eventPool(s, trustedOnly(provisional, trusted), inferred)
		// Within a round every doc is matched against the same pool, so
		// the docs are inferred in parallel and recorded in order.
		res := make([]inference, len(todo))
		forEach(len(todo), func(i int) {
			res[i].t, res[i].how, res[i].ok = inferDate(todo[i], without(all, todo[i]))
		})
		for i, d := range todo {
			if res[i].ok {
				inferred[d] = res[i].t
				checks[d].inferredHow = res[i].how
			}
		}
	}
	for _, d := range todo {
		c := checks[d]
		prefix := ""
		if c.rejected != "" {
			prefix = fmt.Sprintf("%s %s rejected: %s; ", c.rejected, day(c.rejectedAt), c.reason)
		}
		if t, ok := inferred[d]; ok {
			d.Date, d.DateStatus = t, news.DateInferred
			if c.rejected == "" {
				prefix = "no stated date; "
			}
			d.DateNote = prefix + "inferred " + c.inferredHow
			continue
		}
		d.Date = time.Time{}
		if c.rejected != "" {
			d.DateStatus = news.DateRejected
			d.DateNote = strings.TrimSuffix(prefix, "; ") + "; no date could be inferred"
		} else {
			d.DateStatus = news.DateUnknown
			d.DateNote = "no date stated and none could be inferred"
		}
	}
	for _, d := range s.Docs {
		timex.Tag(d, d.Date)
	}
}

func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func sameDay(a, b time.Time) bool { return day(a) == day(b) }

func trustedOnly(anchors map[*news.Doc]time.Time, trusted map[*news.Doc]bool) map[*news.Doc]time.Time {
	out := map[*news.Doc]time.Time{}
	for d, t := range anchors {
		if trusted[d] {
			out[d] = t
		}
	}
	return out
}

// without returns the events of pool that docs other than d report.
func without(pool []eventRef, d *news.Doc) []eventRef {
	out := make([]eventRef, 0, len(pool))
	for _, e := range pool {
		if e.doc != d {
			out = append(out, e)
		}
	}
	return out
}

// eventPool collects the dated happenings the story's docs report, each
// doc tagged against its anchor; docs of extra (inferred dates) weigh
// less.
func eventPool(s *news.Story, anchors, extra map[*news.Doc]time.Time) []eventRef {
	var pool []eventRef
	add := func(d *news.Doc, a time.Time, w float64) {
		timex.Tag(d, a)
		bags := map[int]bag{}
		for _, t := range d.Timexes {
			st, en, ok := timex.Interval(t.Value)
			if !ok || t.Type == "DURATION" || t.Type == "SET" || en.Sub(st) > maxEventDays*24*time.Hour {
				continue
			}
			b, ok := bags[t.Sentence]
			if !ok {
				b = sentenceBag(d, t.Sentence)
				bags[t.Sentence] = b
			}
			pool = append(pool, eventRef{doc: d, start: st, end: en, weight: w, words: b, past: !en.After(day0(a)), anchor: day0(a)})
		}
	}
	for _, d := range s.Docs {
		if a, ok := anchors[d]; ok {
			add(d, a, 1)
		} else if a, ok := extra[d]; ok {
			add(d, a, 0.7)
		}
	}
	return pool
}

// contradicts reports why anchor a cannot be d's date, naming the sources
// that show it; "" when it can.
func contradicts(d *news.Doc, a time.Time, pool []eventRef) (string, []string) {
	a = day0(a)
	// Expressions as written, with no anchor: those that resolve are
	// absolute; XXXX-MM-DD ones are a month and day without a year.
	timex.Tag(d, time.Time{})
	bare := append([]news.Timex(nil), d.Timexes...)
	timex.Tag(d, a)
	at := map[news.Span]news.Timex{}
	for _, t := range d.Timexes {
		at[t.Span] = t
	}
	for _, t := range bare {
		if timex.Tense(d, t.Span) >= 0 {
			continue
		}
		if st, en, ok := timex.Interval(t.Value); ok {
			// Only full dates: a year ("the 2016 race") is too often
			// read in the wrong tense.
			if st.Equal(en) && st.After(a.AddDate(0, 0, 1)) {
				return fmt.Sprintf("it reports %q (%s) as past", t.Text, t.Value), nil
			}
			continue
		}
		if !strings.HasPrefix(t.Value, "XXXX-") || len(t.Value) != 10 {
			continue
		}
		md := t.Value[4:]
		resolved := at[t.Span].Value
		var who []string
		var when string
		words := sentenceBag(d, t.Sentence)
		for _, e := range pool {
			if e.past && e.start.Equal(e.end) && day(e.start)[4:] == md && e.start.After(a.AddDate(0, 0, 1)) && day(e.start) != resolved && words.sim(e.words) > 0 {
				who = appendOnce(who, e.doc.ID)
				when = day(e.start)
			}
		}
		if len(who) > 0 {
			return fmt.Sprintf("it reports %q as past, but %s %s it %s", t.Text, strings.Join(who, " and "), verbFor(len(who), "dates", "date"), when), who
		}
	}
	// The content and the story clearly point elsewhere.
	if t, ev, ok := betterDate(d, a, pool); ok {
		timex.Tag(d, a)
		if len(ev) > 2 {
			ev = ev[:2]
		}
		return fmt.Sprintf("its content matches the story around %s, not then: it reads %s", day(t), strings.Join(ev, "; ")), nil
	}
	// Years away from every event of the story.
	if len(pool) > 0 {
		near := false
		lo, hi := pool[0].start, pool[0].end
		for _, e := range pool {
			if math.Abs(e.start.Sub(a).Hours()) < 365*24 {
				near = true
			}
			if e.start.Before(lo) {
				lo = e.start
			}
			if e.end.After(hi) {
				hi = e.end
			}
		}
		if !near {
			var who []string
			for _, e := range pool {
				who = appendOnce(who, e.doc.ID)
			}
			return fmt.Sprintf("it is more than a year away from every event of the story (%s to %s)", day(lo), day(hi)), who
		}
	}
	return "", nil
}

func verbFor(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// inferDate tries every candidate day as d's anchor and returns the best,
// with a note on the evidence.
func inferDate(d *news.Doc, pool []eventRef) (time.Time, string, bool) {
	if len(pool) == 0 {
		return latestPastDate(d)
	}
	lo, hi := candidateRange(pool)
	best, bestScore, bestEvidence := newScorer(d, pool, lo).best(lo, hi)
	if bestScore <= 0 {
		if t, how, ok := latestPastDate(d); ok {
			return t, how, ok
		}
		return storyDate(pool)
	}
	if len(bestEvidence) > 3 {
		bestEvidence = bestEvidence[:3]
	}
	return best, fmt.Sprintf("%s from its content and the story: it reads %s", day(best), strings.Join(bestEvidence, "; ")), true
}

// scorer rates candidate dates of one doc against the story's events.
type scorer struct {
	d             *news.Doc
	pool          []eventRef
	tense         map[news.Span]int
	bags          map[int]bag
	fewDaysBefore bool
}

func newScorer(d *news.Doc, pool []eventRef, probe time.Time) *scorer {
	sc := &scorer{d: d, pool: pool, tense: map[news.Span]int{}, bags: map[int]bag{}, fewDaysBefore: hasFewDaysBefore(d)}
	// The tense of each expression does not depend on the anchor.
	timex.Tag(d, probe)
	for _, t := range d.Timexes {
		sc.tense[t.Span] = timex.Tense(d, t.Span)
	}
	return sc
}

// best tries every day from lo to hi as the doc's anchor and returns the
// first of the best scoring, with its score and evidence.
func (sc *scorer) best(lo, hi time.Time) (time.Time, float64, []string) {
	best, bestScore := time.Time{}, math.Inf(-1)
	var bestEvidence []string
	for a := lo; !a.After(hi); a = a.AddDate(0, 0, 1) {
		if score, evidence := sc.score(a); score > bestScore+1e-9 {
			best, bestScore, bestEvidence = a, score, evidence
		}
	}
	return best, bestScore, bestEvidence
}

// score tags the doc against a and rates how well its dates agree with
// the happenings the other sources report, with the evidence as text.
func (sc *scorer) score(a time.Time) (float64, []string) {
	d, pool := sc.d, sc.pool
	timex.Tag(d, a)
	score := 0.0
	var evidence []string
	// Each happening another source reports counts once, for the
	// expression of d that matches it best; an expression may match the
	// same happening in several sources.
	claimed := map[int]float64{}
	var pastDays, futureDays []time.Time
	for _, t := range d.Timexes {
		st, en, ok := timex.Interval(t.Value)
		if !ok || t.Type == "DURATION" || t.Type == "SET" {
			continue
		}
		tn := sc.tense[t.Span]
		if tn < 0 && st.After(a) {
			score -= 1 // reported as past, but after the anchor
		}
		if tn > 0 && en.Before(a) && !t.Future {
			score -= 1 // expected, but already gone
		}
		if en.Sub(st) > maxEventDays*24*time.Hour {
			continue
		}
		if st.Equal(en) {
			if tn < 0 {
				pastDays = append(pastDays, st)
			} else if tn > 0 {
				futureDays = append(futureDays, st)
			}
		}
		w, ok := sc.bags[t.Sentence]
		if !ok {
			w = sentenceBag(d, t.Sentence)
			sc.bags[t.Sentence] = w
		}
		m, who := 0.0, []string(nil)
		for k, e := range pool {
			if e.end.Before(st) || e.start.After(en) {
				continue
			}
			g := granularity(st, en, e.start, e.end)
			v := e.weight * g * w.sim(e.words)
			if v > m {
				m = v
			}
			if v > claimed[k] {
				claimed[k] = v
			}
			if v > 0.05 {
				who = appendOnce(who, e.doc.ID)
			}
		}
		if m > 0.05 {
			evidence = appendOnce(evidence, fmt.Sprintf("%q as %s (as in %s)", t.Text, t.Value, strings.Join(who, ", ")))
		}
	}
	for _, v := range claimed {
		score += v
	}
	// An article is written soon after the latest day it reports as past:
	// a small cost for every day after it.
	var latest time.Time
	for _, p := range pastDays {
		if !p.After(a) && p.After(latest) {
			latest = p
		}
	}
	if !latest.IsZero() {
		score -= recencyCost * a.Sub(latest).Hours() / 24
	}
	// "a few days before" a dated future event: some past day of the
	// article lies within a week before it.
	if sc.fewDaysBefore && len(futureDays) > 0 && len(pastDays) > 0 {
		ok := false
		for _, f := range futureDays {
			for _, p := range pastDays {
				if g := f.Sub(p).Hours() / 24; g >= 1 && g <= 7 {
					ok = true
				}
			}
		}
		if !ok {
			score -= 1
		}
	}
	return score, evidence
}

// betterDate reports a date the doc's content and the story clearly
// prefer to a, when there is one: a day more than three weeks from a (so
// that a weekday read a week off cannot do it) whose score beats a's by a
// clear margin, on the evidence of at least two happenings other sources
// report as done.
func betterDate(d *news.Doc, a time.Time, pool []eventRef) (time.Time, []string, bool) {
	// Only what the other sources report as done counts here: a planned
	// date they share is no proof of when this doc was written.
	var past []eventRef
	for _, e := range pool {
		if e.past {
			past = append(past, e)
		}
	}
	if len(past) == 0 {
		return time.Time{}, nil, false
	}
	pool = past
	lo, hi := candidateRange(pool)
	sc := newScorer(d, pool, lo)
	at, _ := sc.score(day0(a))
	best, bestScore, bestEvidence := sc.best(lo, hi)
	if bestScore-at < clearMargin || best.Sub(day0(a)).Abs() <= 21*24*time.Hour || len(bestEvidence) < 2 {
		return time.Time{}, nil, false
	}
	return best, bestEvidence, true
}

// clearMargin is how much better another date must score before it
// overrules a stated one.
const clearMargin = 0.4

// candidateRange gives the days tried as an undated doc's date: from two
// weeks before the first dated source to two weeks after the last, or
// after the latest day or week those sources report within two months
// after it (an article may report what the others announced).
func candidateRange(pool []eventRef) (time.Time, time.Time) {
	var lo, hi time.Time
	for _, e := range pool {
		if lo.IsZero() || e.anchor.Before(lo) {
			lo = e.anchor
		}
		if hi.IsZero() || e.anchor.After(hi) {
			hi = e.anchor
		}
	}
	last := hi
	for _, e := range pool {
		if e.end.Sub(e.start) <= 7*24*time.Hour && e.end.After(last) && e.end.Sub(hi) <= 60*24*time.Hour {
			last = e.end
		}
	}
	return lo.AddDate(0, 0, -14), last.AddDate(0, 0, 14)
}

// recencyCost is what each day between an article's date and the latest
// day it reports as past costs in inferDate.
const recencyCost = 0.05

// granularity weighs a match between two periods: the same day counts
// fully, the same week less, a day inside a week less still, a day inside
// a month little.
func granularity(s1, e1, s2, e2 time.Time) float64 {
	l := math.Max(e1.Sub(s1).Hours(), e2.Sub(s2).Hours()) / 24
	same := math.Abs(e1.Sub(s1).Hours()-e2.Sub(s2).Hours()) < 24
	switch {
	case l < 1:
		return 1
	case l <= 7 && same:
		return 0.5
	case l <= 7:
		return 0.35
	}
	return 0.2
}

// hasFewDaysBefore reports whether d says that something happened a few
// days before something else.
func hasFewDaysBefore(d *news.Doc) bool {
	t := strings.ToLower(d.Text)
	for _, p := range []string{"few days before", "days before", "days ahead of", "shortly before", "a day before", "days prior to"} {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// storyDate dates a doc whose text gives nothing to go by like the
// story's other sources, when they were published within a week: the
// middle of their dates.
func storyDate(pool []eventRef) (time.Time, string, bool) {
	var anchors []time.Time
	seen := map[*news.Doc]bool{}
	for _, e := range pool {
		if !seen[e.doc] && e.weight >= 1 {
			seen[e.doc] = true
			anchors = append(anchors, e.anchor)
		}
	}
	if len(anchors) == 0 {
		return time.Time{}, "", false
	}
	sort.Slice(anchors, func(i, j int) bool { return anchors[i].Before(anchors[j]) })
	lo, hi := anchors[0], anchors[len(anchors)-1]
	if hi.Sub(lo) > 7*24*time.Hour {
		return time.Time{}, "", false
	}
	m := anchors[len(anchors)/2]
	return m, fmt.Sprintf("%s from the story alone: its text dates nothing the other sources report, and they were published %s to %s", day(m), day(lo), day(hi)), true
}

// latestPastDate dates d by the latest day it reports as past, written
// with its year.
func latestPastDate(d *news.Doc) (time.Time, string, bool) {
	timex.Tag(d, time.Time{})
	var best time.Time
	text := ""
	for _, t := range d.Timexes {
		st, en, ok := timex.Interval(t.Value)
		if !ok || !st.Equal(en) || timex.Tense(d, t.Span) > 0 {
			continue
		}
		if st.After(best) {
			best, text = st, t.Text
		}
	}
	if best.IsZero() {
		return best, "", false
	}
	return best, fmt.Sprintf("%s: the latest date it reports (%q)", day(best), text), true
}

// dateConflicts reports the stated dates and page stamps that were not
// trusted, each against the date trusted instead. It runs after
// resolveDates and checks each rejected date again to give the reason.
func dateConflicts(s *news.Story) []news.Conflict {
	anchors := map[*news.Doc]time.Time{}
	for _, d := range s.Docs {
		if d.DateStatus == news.DateStated || d.DateStatus == news.DateDateline {
			anchors[d] = d.Date
		}
	}
	docs := append([]*news.Doc(nil), s.Docs...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	var out []news.Conflict
	var all []eventRef
	pooled := false
	for _, d := range docs {
		kind, at := "", time.Time{}
		switch {
		case !d.StatedDate.IsZero() && !sameDay(d.StatedDate, d.Date):
			kind, at = "stated date", d.StatedDate
		case d.StatedDate.IsZero() && !d.PageStamp.IsZero() && !sameDay(d.PageStamp, d.Date):
			kind, at = "page stamp", d.PageStamp
		default:
			continue
		}
		if !pooled {
			all, pooled = eventPool(s, anchors, nil), true
		}
		why, who := contradicts(d, at, without(all, d))
		timex.Tag(d, d.Date)
		if why == "" {
			why = "its content dates it otherwise"
		}
		sort.Strings(who)
		k := news.Conflict{
			About:  "date of " + d.ID,
			Claims: []news.Claim{{Value: fmt.Sprintf("%s (%s, rejected: %s)", day(at), kind, why), Sources: []string{d.ID}}},
		}
		if !d.Date.IsZero() {
			k.Claims = append(k.Claims, news.Claim{Value: fmt.Sprintf("%s (%s from the content and the story)", day(d.Date), d.DateStatus), Sources: append([]string{d.ID}, who...)})
		} else if len(who) > 0 {
			k.Claims = append(k.Claims, news.Claim{Value: "the story's other sources date it otherwise", Sources: who})
		}
		out = append(out, k)
	}
	return out
}

// forEach calls fn(0) to fn(n-1) on up to one goroutine per CPU and
// returns when all have returned.
func forEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
