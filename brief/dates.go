package brief

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
	"github.com/storyline-news/storyline/token"
)

// Deciding which date to trust for an article.
//
// An article may carry a stated date (a header, HTML metadata, a feed
// date), a dateline date, a bare page stamp, and the dates its content
// implies. readDates checks them against each other and against the
// story. It reads the time expressions the analysis chain found once
// (news.Timex with its tense and anchor-free Relative value) and reads
// them against any candidate date with timex.Resolve; it never re-reads
// the text, and it changes none of the docs: Build keeps its judgements
// in copies (datedStory).
//
// Only the docs of the same story are evidence on a doc's date (see
// relatedDocs): a pile of several stories does not date one story's
// articles by another's events.
//
//   - a stated date (or page stamp) is rejected when the article reports
//     as past something that lies after it: a past-tense full date written
//     with its year, or a month and day ("held a referendum on September
//     25") that the story's other sources report as done after it; when
//     its content clearly matches what the other sources report on a day
//     more than three weeks away (see betterDate), unless its own dateline
//     or full dates bear it out (see ownSupport); or when it lies more
//     than a year from every event of the story (for a page stamp with
//     nothing of its story to check against: from the most similar dated
//     source);
//   - an article left without a usable date gets one inferred: the
//     candidate days are the days near the trusted dates of the story's
//     sources and the two weeks after each day they report (the event
//     pool is indexed by day, so a candidate costs the events of its own
//     days, and a day whose bound on its score shows it cannot win is
//     not scored: see datesbound.go). The article's relative expressions ("on Monday", "Tomorrow",
//     "next week") are resolved against each, and the day whose resolved
//     dates best match the happenings the sources report (same date,
//     overlapping content words, names weighing double) wins, minus the
//     days that put a past-tense expression in the future, a future-tense
//     one in the past, or break "a few days before" a dated future event,
//     and a little for every day after the latest day the article reports
//     as past (it is written soon after), or, reporting nothing as past,
//     before the first day it announces; no day before a day it names in
//     full as past is taken. Each happening another source reports counts
//     once. Ties go to the earliest day. A second round also matches the
//     docs inferred in the first, with less weight and only the days they
//     name in full. A time of day that names no day ("6 pm") counts
//     half: it may as well be the evening before. With nothing to match,
//     the latest past date the article states with its year is used; else
//     its latest month and day in the story's year (see storyYearDate);
//     else the day most of the story's sources were published, when more
//     than half of them lie within a week (one later follow-up does not
//     leave the others undated).
//
// Notes give dates as a reader writes them (24 September 2017) and name
// the evidence that decided, at most three sources each.

// dateInfo is the date the brief trusts for one doc: Build keeps it in
// its own values and never writes it into the docs it is given.
type dateInfo struct {
	date   time.Time
	status string
	note   string
}

// dateCheck is what readDates learned about one doc.
type dateCheck struct {
	rejected    string // the rejected date's kind: "stated date", "page stamp", "dateline date"
	rejectedAt  time.Time
	reason      string // why it was rejected
	inferredHow string
}

// eventRef is one dated happening a source reports: the period its time
// expression resolves to and the content words of its sentence.
type eventRef struct {
	doc        int // index of the source in the docs
	id         string
	start, end time.Time
	weight     float64 // lower for inferred sources
	words      bag
	past       bool      // on or before its source's date
	anchor     time.Time // its source's date
	text       string    // the expression as written
	// norm and whole are wholeNorm(words).
	norm  float64
	whole bool
	// ids are words by number, when its doc's parts are numbered (see
	// numberParts), else nil.
	ids []wordWeight
}

// maxEventDays is the longest period (a month) that counts as an event
// date for matching and the timeline.
const maxEventDays = 31

// docDates is what the date checks read of one doc, computed once: its
// time expressions with the content words of their sentences, and the
// content words of the whole doc.
type docDates struct {
	d    *news.Doc
	xs   []news.Timex
	bags []bag // the content words of xs[i]'s sentence
	all  bag
	// words holds the words read of the docs of this reading (nil to
	// read them afresh).
	words         *wordCache
	fewDaysBefore bool
	// dlMonth and dlDay are the month and day of a dateline written
	// without a year, or 0.
	dlMonth, dlDay int
	// forms numbers the expressions as timex.Resolve reads them: xs[k]
	// and xs[m] resolve alike against every anchor when
	// forms[k] == forms[m] ("Monday" twice), numbered from 0 in order
	// of first use; formOf[f] is the first expression of form f.
	forms  []int
	formOf []int
	// partOf[k] numbers the part of a sentence whose words bags[k]
	// holds: expressions of one part share one bag; parts is their
	// number.
	partOf []int
	parts  int
	// partNorm[p] is the sum of the squared weights of part p's words,
	// and partWhole[p] whether those weights are all whole numbers (see
	// wholeNorm).
	partNorm  []float64
	partWhole []bool
	// partIDs[p] holds part p's words by number, in order, when the
	// docs' parts are numbered and its weights are whole (numberParts);
	// else it or partIDs is nil.
	partIDs [][]wordWeight
	// fixed[f] reports whether form f has no Relative reading, so that
	// it reads alike against every anchor (see timex.Resolve); then
	// fixedAs[f] is what it reads as.
	fixed   []bool
	fixedAs []resolveForm
	// reaches[f] is what form f can read as against any anchor (see
	// reachOf).
	reaches []reach
}

// resolveForm is what timex.Resolve and timex.Interval give for an
// expression read against an anchor: its value, future flag, and the
// first and last days of its period as Unix seconds (s, e; days are
// midnights UTC, so seconds compare as the times do).
type resolveForm struct {
	v       string
	fut, ok bool
	s, e    int64
}

// formKey is what timex.Resolve reads of an expression: its relative
// reading (the base kept by identity), else its value and future flag.
type formKey struct {
	rel    news.Relative
	hasRel bool
	value  string
	future bool
}

// numberForms fills dd.forms and dd.formOf (see docDates).
func (dd *docDates) numberForms() {
	seen := map[formKey]int{}
	dd.forms = make([]int, len(dd.xs))
	for k, x := range dd.xs {
		key := formKey{hasRel: x.Relative != nil}
		if x.Relative != nil {
			key.rel = *x.Relative
		} else {
			key.value, key.future = x.Value, x.Future
		}
		f, ok := seen[key]
		if !ok {
			f = len(dd.formOf)
			seen[key] = f
			dd.formOf = append(dd.formOf, k)
		}
		dd.forms[k] = f
	}
	dd.fixed = make([]bool, len(dd.formOf))
	dd.fixedAs = make([]resolveForm, len(dd.formOf))
	for f, k := range dd.formOf {
		if x := dd.xs[k]; x.Relative == nil {
			r := &dd.fixedAs[f]
			r.v, r.fut = timex.Resolve(x, time.Time{})
			st, en, ok := timex.Interval(r.v)
			r.s, r.e, r.ok = st.Unix(), en.Unix(), ok
			dd.fixed[f] = true
		}
	}
	dd.reaches = make([]reach, len(dd.formOf))
	for f := range dd.formOf {
		dd.reaches[f] = reachOf(dd, f)
	}
}

func newDocDates(d *news.Doc) *docDates { return newDocDatesIn(d, nil) }

// newDocDatesIn is newDocDates reading d's words from words.
func newDocDatesIn(d *news.Doc, words *wordCache) *docDates {
	dd := &docDates{d: d, all: words.text(d), words: words}
	dd.readExpressions()
	return dd
}

// readExpressions fills in what dd tells of its doc's time expressions
// and dateline: all but the words of the whole doc.
func (dd *docDates) readExpressions() {
	d := dd.d
	dd.fewDaysBefore = hasFewDaysBefore(d)
	for _, x := range d.Timexes {
		if x.Type == "DURATION" || x.Type == "SET" {
			continue
		}
		dd.xs = append(dd.xs, x)
	}
	dd.bags, dd.partOf, dd.parts = expressionParts(d, dd.xs, dd.words)
	dd.partNorm, dd.partWhole = make([]float64, dd.parts), make([]bool, dd.parts)
	for k, p := range dd.partOf {
		dd.partNorm[p], dd.partWhole[p] = wholeNorm(dd.bags[k])
	}
	dd.numberForms()
	if d.DatelineDate.IsZero() && d.Dateline != "" {
		dd.dlMonth, dd.dlDay, _ = datelineMonthDay(d.Dateline)
	}
}

// expressionParts gives each expression of xs the content words of the
// part of its sentence that tells its happening. A sentence tells one
// happening a date, and its dates share its words, but for a day counted
// from the article's date that directly follows another date: a byline
// run into the text ("Alex Lantier, October 19, 2011 Yesterday Hamas
// released …") is cut there, each date with the words on its side. Dates
// with words between them ("held talks on Monday with Akar, who arrived
// Sunday night") share the sentence: cutting at clause marks matched one
// sentence's words to two happenings of one week.
//
// It also gives the number of the part of a sentence each expression's
// bag holds (expressions of one part share one bag), and the number of
// parts.
func expressionParts(d *news.Doc, xs []news.Timex, words *wordCache) ([]bag, []int, int) {
	out := make([]bag, len(xs))
	part := make([]int, len(xs))
	parts := 0
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j].Sentence == xs[i].Sentence {
			j++
		}
		si := xs[i].Sentence
		if si < 0 || si >= len(d.Sentences) {
			for k := i; k < j; k++ {
				out[k] = bag{}
				part[k] = parts
				parts++
			}
			i = j
			continue
		}
		sent := d.Sentences[si]
		// The parts: the sentence cut before each deictic day that
		// directly follows another date.
		from, lo := i, sent.Start
		for k := i; k <= j; k++ {
			if k < j && (k == i || !deictic(xs[k]) || xs[k-1].Type != "DATE" || !sent.Contains(xs[k].Span) ||
				xs[k-1].End > xs[k].Start || strings.TrimSpace(d.Text[xs[k-1].End:xs[k].Start]) != "") {
				continue
			}
			hi := sent.End
			if k < j {
				hi = xs[k].Start
			}
			var b bag
			if from == i && k == j {
				b = words.sentence(d, si)
			} else {
				b = contentBag(d.Text[lo:hi])
			}
			for m := from; m < k; m++ {
				out[m] = b
				part[m] = parts
			}
			if from < k {
				parts++
			}
			from, lo = k, hi
		}
		i = j
	}
	return out, part, parts
}

// deictic reports whether x counts its day from the article's date:
// today, yesterday, three days ago.
func deictic(x news.Timex) bool {
	return x.Relative != nil && (x.Relative.Kind == "day" || x.Relative.Kind == "shift")
}

// clockOnly reports whether x is a time of day that names no day ("6
// pm", "14:13"): read as the article's own day only for want of another,
// it may as well be the evening before.
func clockOnly(x news.Timex) bool {
	r := x.Relative
	return r != nil && r.Kind == "day" && r.N == 0 && r.Time != "" && strings.ContainsAny(x.Text, "0123456789")
}

// clockWeight is what a match of a time of day that names no day counts,
// against a day named (see clockOnly).
const clockWeight = 0.5

// Docs tell the same story when a chain of near neighbours joins them:
// each doc is linked to its relatedNeighbours most similar docs (a cosine
// of their content words' TF-IDF weights, the IDF taken over the pile)
// that reach relatedSim, and the docs linked together form one story. A
// pile of several stories must not date one story's articles by
// another's events. Nearest neighbours, not a fixed cut, because a
// pile's IDF depends on what it holds: in a pile of one story the
// story's own words are common and its articles score no higher than
// articles of different stories in a mixed pile. On BASIL (three outlets
// a story) an article's two nearest are its own story's; on the web
// stories of the briefs set every article's nearest scores 0.087 or more
// (TestDocSims, TestRelatedDocs).
const (
	relatedSim        = 0.08
	relatedNeighbours = 2
)

// relatedDocs tells for each doc which others tell the same story.
func relatedDocs(dds []*docDates) [][]bool { return relatedFrom(docSims(dds)) }

// relatedFrom links the docs by their similarities (see relatedDocs).
func relatedFrom(sims [][]float64) [][]bool {
	n := len(sims)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Each doc is linked to its relatedNeighbours most similar (ties to
	// the earlier doc) of those at relatedSim or more: picked in one pass
	// rather than by sorting the row.
	var top [relatedNeighbours]int
	for i := range n {
		k := 0 // how many of top are filled
		for j := range n {
			v := sims[i][j]
			if j == i || !(v >= relatedSim) {
				continue
			}
			// j goes before every kept doc it beats (more similar, or as
			// similar and earlier, which it always is): find its place.
			p := k
			for p > 0 && v > sims[i][top[p-1]] {
				p--
			}
			if p >= len(top) {
				continue
			}
			copy(top[p+1:min(k+1, len(top))], top[p:min(k, len(top)-1)])
			top[p] = j
			k = min(k+1, len(top))
		}
		for _, j := range top[:k] {
			parent[find(i)] = find(j)
		}
	}
	root := make([]int, n)
	for i := range root {
		root[i] = find(i)
	}
	related := make([][]bool, n)
	flat := make([]bool, n*n)
	for i := range related {
		related[i] = flat[i*n : (i+1)*n : (i+1)*n]
		for j := range n {
			related[i][j] = j != i && root[i] == root[j]
		}
	}
	return related
}

// docSims is the TF-IDF cosine of every two docs' content words, the IDF
// taken over the pile.
func docSims(dds []*docDates) [][]float64 {
	n := len(dds)
	if n == 1 {
		return [][]float64{{0}} // a doc is not compared with itself
	}
	df := map[string]int{}
	for _, dd := range dds {
		for w := range dd.all {
			df[w]++
		}
	}
	type posting struct {
		doc int
		v   float64
	}
	// Floats are summed in the order of the sorted words, never in map
	// order, so the same pile gives the same bits every run: the words
	// are numbered in that order, and each doc's are sorted by number.
	words := slices.Sorted(maps.Keys(df))
	id := make(map[string]int, len(words))
	idf := make([]float64, len(words))
	total := 0
	for k, w := range words {
		id[w] = k
		idf[k] = math.Log(1 + float64(n)/float64(df[w]))
		total += df[w]
	}
	// A word's postings are its df: they share one array, each word's
	// capped at its own part of it.
	index := make([][]posting, len(words))
	flatPostings := make([]posting, total)
	off := 0
	for k, w := range words {
		index[k] = flatPostings[off : off : off+df[w]]
		off += df[w]
	}
	norms := make([]float64, n)
	type term struct {
		id int
		v  float64
	}
	var terms []term
	for i, dd := range dds {
		terms = terms[:0]
		for w, v := range dd.all {
			terms = append(terms, term{id[w], v})
		}
		slices.SortFunc(terms, func(a, b term) int { return a.id - b.id })
		for _, t := range terms {
			x := t.v * idf[t.id]
			norms[i] += x * x
			index[t.id] = append(index[t.id], posting{i, x})
		}
	}
	dots := make([][]float64, n)
	flat := make([]float64, n*n)
	for i := range dots {
		dots[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	// A word's postings are in doc order, so each pair is summed once,
	// into the row of its earlier doc, and mirrored after: the same sums
	// in the same order, with half the writes, each along one row.
	for _, ps := range index {
		for a, p := range ps {
			row := dots[p.doc]
			for _, q := range ps[a+1:] {
				row[q.doc] += p.v * q.v
			}
		}
	}
	for i := range dots {
		for j := i + 1; j < n; j++ {
			dots[j][i] = dots[i][j]
		}
	}
	for i := range dots {
		for j := range dots[i] {
			if norms[i] > 0 && norms[j] > 0 {
				dots[i][j] /= math.Sqrt(norms[i] * norms[j])
			}
		}
	}
	return dots
}

// dateReading is what the date judgements read of a pile of docs, which
// dateConflicts reads again: the docs' time expressions and words, and
// how similar every two docs are, in the docs' order.
type dateReading struct {
	dds  []*docDates
	sims [][]float64
	// words holds the words read of the docs, and of their dated
	// copies (see datedDocsRead), for the rest of the brief.
	words *wordCache
}

// readDates decides which date to trust for every doc of docs, and
// returns what it read of them. It changes none of the docs.
func readDates(docs []*news.Doc) ([]dateInfo, *dateReading) {
	n := len(docs)
	info := make([]dateInfo, n)
	checks := make([]dateCheck, n)
	dds := make([]*docDates, n)
	words := newWordCache(docs)
	if n == 1 {
		// A doc alone is compared with none (docSims): the words of its
		// whole text are not read.
		dds[0] = &docDates{d: docs[0], words: words}
		dds[0].readExpressions()
	} else {
		forEach(n, func(i int) { dds[i] = newDocDatesIn(docs[i], words) })
	}
	sims := docSims(dds)
	related := relatedFrom(sims)
	numberParts(dds)
	// Provisional anchors: the stated date, else the dateline date.
	provisional := make([]time.Time, n)
	for i, d := range docs {
		switch {
		case !d.StatedDate.IsZero():
			provisional[i] = d.StatedDate
		case !d.DatelineDate.IsZero():
			provisional[i] = d.DatelineDate
		}
	}
	trusted := make([]bool, n)
	reads := newPoolReads(n)
	all := newPoolIn(dds, provisional, nil, reads)
	type verdict struct {
		why             string    // why the provisional date fails, or ""
		datelineChecked bool      // the dateline date was tried as well
		whyDateline     string    // why it fails, or ""
		later           time.Time // the day the story gives what it reports on a later weekday, when it holds
	}
	verdicts := make([]verdict, n)
	forEach(n, func(i int) {
		d := docs[i]
		a := provisional[i]
		if a.IsZero() {
			return
		}
		v := verdict{}
		v.why, _ = contradicts(dds[i], i, a, all, related[i])
		// A dateline date may still hold when the stated one fails.
		if v.why != "" && !d.StatedDate.IsZero() && !d.DatelineDate.IsZero() && !sameDay(d.DatelineDate, d.StatedDate) {
			v.datelineChecked = true
			v.whyDateline, _ = contradicts(dds[i], i, d.DatelineDate, all, related[i])
		}
		if v.why != "" && (!v.datelineChecked || v.whyDateline != "") {
			if t := laterDay(dds[i], a, all, all.of(related[i], i)); !t.IsZero() {
				if why, _ := contradicts(dds[i], i, t, all, related[i]); why == "" {
					v.later = t
				}
			}
		}
		verdicts[i] = v
	})
	for i, d := range docs {
		a := provisional[i]
		if a.IsZero() {
			continue
		}
		if why := verdicts[i].why; why != "" {
			c := &checks[i]
			c.rejected, c.rejectedAt, c.reason = "stated date", a, why
			if d.StatedDate.IsZero() {
				c.rejected = "dateline date"
			}
			if verdicts[i].datelineChecked && verdicts[i].whyDateline == "" {
				provisional[i] = d.DatelineDate
				trusted[i] = true
				info[i] = dateInfo{d.DatelineDate, news.DateDateline, fmt.Sprintf("stated date %s rejected: %s; the dateline gives %s", human(a), why, human(d.DatelineDate))}
			} else if t := verdicts[i].later; !t.IsZero() {
				// Stated a day or a few early (a time zone, a
				// feed's stamp): the day the story gives the
				// happening it reports on a later weekday.
				provisional[i] = t
				trusted[i] = true
				info[i] = dateInfo{t, news.DateInferred, fmt.Sprintf("%s %s rejected: %s; inferred %s, the day the story gives it", c.rejected, human(a), why, human(t))}
			}
			continue
		}
		trusted[i] = true
		if !d.StatedDate.IsZero() {
			note := "stated date, consistent with the content"
			if !d.DatelineDate.IsZero() && !sameDay(d.DatelineDate, d.StatedDate) {
				note += "; the dateline gives " + human(d.DatelineDate)
			}
			info[i] = dateInfo{d.StatedDate, news.DateStated, note}
		} else {
			info[i] = dateInfo{d.DatelineDate, news.DateDateline, "no stated date; the dateline gives it"}
		}
	}
	for i := range docs {
		if trusted[i] {
			provisional[i] = info[i].date
		}
	}
	// Page stamps of docs without a date: kept when they fit the story.
	all = newPoolIn(dds, trustedOnly(provisional, trusted), nil, reads)
	for i, d := range docs {
		if trusted[i] || d.PageStamp.IsZero() || checks[i].rejected != "" {
			continue
		}
		if why, _ := contradicts(dds[i], i, d.PageStamp, all, related[i]); why != "" {
			c := &checks[i]
			c.rejected, c.rejectedAt, c.reason = "page stamp", d.PageStamp, why
			continue
		}
		if !all.hasRelated(related[i]) {
			// Nothing of the story to check it against: the most similar
			// dated source at least bounds the year.
			if j := nearestDated(i, sims, provisional, trusted); j >= 0 && d.PageStamp.Sub(provisional[j]).Abs() > 365*24*time.Hour {
				c := &checks[i]
				c.rejected, c.rejectedAt = "page stamp", d.PageStamp
				c.reason = fmt.Sprintf("it is more than a year from the date of the most similar dated source, %s (%s)", docs[j].ID, human(provisional[j]))
				continue
			}
		}
		trusted[i] = true
		provisional[i] = d.PageStamp
		if all.hasRelated(related[i]) {
			info[i] = dateInfo{day0(d.PageStamp), news.DateStated, "no stated date; the page stamp fits the story's events"}
		} else {
			info[i] = dateInfo{day0(d.PageStamp), news.DateStated, "no stated date; the page stamp, which nothing in the story contradicts"}
		}
	}
	// Datelines that give a month and day without a year ("ISTANBUL,
	// Oct. 23 (UPI) --"): the year is the story's, and the date is kept
	// when it fits the story.
	all = newPoolIn(dds, trustedOnly(provisional, trusted), nil, reads)
	yearless := make([]bool, n)
	for i, d := range docs {
		if trusted[i] || checks[i].rejected != "" || !d.DatelineDate.IsZero() || d.Dateline == "" {
			continue
		}
		if dds[i].dlMonth == 0 {
			continue
		}
		t, year, how := storyDay(i, dds[i].dlMonth, dds[i].dlDay, sims, provisional, trusted, related[i], dds)
		if year == 0 {
			continue
		}
		if why, _ := contradicts(dds[i], i, t, all, related[i]); why != "" {
			c := &checks[i]
			c.rejected, c.rejectedAt, c.reason = "dateline date", t, why
			continue
		}
		trusted[i] = true
		provisional[i] = t
		yearless[i] = true
		info[i] = dateInfo{t, news.DateDateline, fmt.Sprintf("no stated date; the dateline gives %s, in %d, %s", t.Format("2 January"), year, how)}
	}
	// Infer the others, twice: the second round also matches the
	// happenings of the docs inferred in the first.
	var todo []int
	for i := range docs {
		if !trusted[i] {
			todo = append(todo, i)
		}
	}
	// A date whose year the story gave is evidence like an inferred one:
	// what "Monday" means there follows from it.
	inferred := make([]time.Time, n)
	for i := range docs {
		if yearless[i] {
			inferred[i] = provisional[i]
			trusted[i] = false
		}
	}
	type inference struct {
		t   time.Time
		how string
		ok  bool
	}
	for round := 0; round < 2 && len(todo) > 0; round++ {
		all := newPoolIn(dds, trustedOnly(provisional, trusted), inferred, reads)
		res := make([]inference, len(todo))
		forEach(len(todo), func(k int) {
			i := todo[k]
			res[k].t, res[k].how, res[k].ok = inferDate(dds[i], i, all, related[i], dds, nearestYear(i, sims, provisional, trusted))
		})
		for k, i := range todo {
			if res[k].ok {
				inferred[i] = res[k].t
				checks[i].inferredHow = res[k].how
			}
		}
	}
	for _, i := range todo {
		c := checks[i]
		prefix := ""
		if c.rejected != "" {
			prefix = fmt.Sprintf("%s %s rejected: %s; ", c.rejected, human(c.rejectedAt), c.reason)
		}
		if t := inferred[i]; !t.IsZero() {
			if c.rejected == "" {
				prefix = "no stated date; "
			}
			info[i] = dateInfo{t, news.DateInferred, prefix + "inferred " + c.inferredHow}
			continue
		}
		if c.rejected != "" {
			info[i] = dateInfo{time.Time{}, news.DateRejected, strings.TrimSuffix(prefix, "; ") + "; no date could be inferred"}
		} else {
			info[i] = dateInfo{time.Time{}, news.DateUnknown, "no date stated and none could be inferred"}
		}
	}
	// Docs still without a date: from the constraints their time
	// expressions set (undated.go).
	datesFromConstraints(dds, related, info)
	return info, &dateReading{dds: dds, sims: sims, words: words}
}

// datelineMonthDay reads the month and day of a dateline written
// without a year ("ISTANBUL, Turkey, Oct. 23 (UPI) --") with the time
// expression finder.
func datelineMonthDay(dl string) (month, day int, ok bool) {
	d := &news.Doc{Article: news.Article{Text: dl}}
	d.Tokens = token.Tokenize(dl, news.Span{Start: 0, End: len(dl)})
	if len(d.Tokens) == 0 {
		return 0, 0, false
	}
	d.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: len(dl)}, FirstToken: 0, EndToken: len(d.Tokens)}}
	timex.Find(d, time.Time{})
	for _, x := range d.Timexes {
		if r := x.Relative; r != nil && r.Kind == "month_day" && !r.Event && !r.Name && r.Month >= 1 && r.Month <= 12 && r.Day >= 1 {
			return r.Month, r.Day, true
		}
	}
	return 0, 0, false
}

// storyDay places a month and day that a doc gives without a year in
// the story's year: the year that puts it nearest the trusted date of
// the doc most like it, else the latest year the doc and its related
// docs name (see storyYear). It returns the day, its year (0: none) and
// how the year was found.
func storyDay(i, month, day int, sims [][]float64, anchors []time.Time, trusted []bool, rel []bool, dds []*docDates) (time.Time, int, string) {
	if j := nearestDated(i, sims, anchors, trusted); j >= 0 {
		a := anchors[j]
		var best time.Time
		for y := a.Year() - 1; y <= a.Year()+1; y++ {
			if !validDay(y, month, day) {
				continue
			}
			t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if best.IsZero() || t.Sub(a).Abs() < best.Sub(a).Abs() {
				best = t
			}
		}
		if !best.IsZero() {
			return best, best.Year(), fmt.Sprintf("the year that puts it nearest the date of the most similar dated source, %s", dds[j].d.ID)
		}
	}
	y := storyYear(i, rel, dds)
	if y == 0 || !validDay(y, month, day) {
		return time.Time{}, 0, ""
	}
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), y, "the latest year the story's sources name"
}

// nearestYear is the year of the trusted date of the doc most like doc i
// (at least relatedSim), or 0: the story's year for a month and day
// written without one, when no doc linked to i is dated.
func nearestYear(i int, sims [][]float64, anchors []time.Time, trusted []bool) int {
	if j := nearestDated(i, sims, anchors, trusted); j >= 0 {
		return anchors[j].Year()
	}
	return 0
}

// nearestDated is the doc with a trusted date most like doc i (at least
// relatedSim), or -1.
func nearestDated(i int, sims [][]float64, anchors []time.Time, trusted []bool) int {
	best, at := relatedSim, -1
	for j, t := range anchors {
		if j != i && trusted[j] && !t.IsZero() && sims[i][j] >= best {
			best, at = sims[i][j], j
		}
	}
	return at
}

// datedStory returns a copy of s for the brief: each doc a shallow copy
// with the date the brief trusts (Date, DateStatus, DateNote) and its
// time expressions read against that date, in time order, undated ones
// last. s and its docs are not changed.
func datedStory(s *news.Story) *news.Story {
	out, _ := datedStoryRead(s)
	return out
}

// datedStoryRead is datedStory, which also returns what the date
// judgements read of the docs, in the order of the dated story and as
// if read from its docs: the same values dateConflicts would compute
// again from them.
func datedStoryRead(s *news.Story) (*news.Story, *dateReading) {
	docs, r := datedDocsRead(s.Docs)
	at := make(map[*news.Doc]int, len(docs))
	for i, d := range docs {
		at[d] = i
	}
	out := &news.Story{ID: s.ID, Title: s.Title, Docs: docs}
	sortDocs(out) // in place: docs is sorted too
	n := len(docs)
	sorted := &dateReading{dds: make([]*docDates, n), sims: make([][]float64, n), words: r.words}
	flat := make([]float64, n*n)
	from := make([]int, n) // the index in docs of each doc of out
	for p, d := range out.Docs {
		from[p] = at[d]
	}
	for p, d := range out.Docs {
		i := from[p]
		dd := *r.dds[i]
		// The copy's expressions, read against its date: only the values
		// of relative ones differ, which the checks read with
		// timex.Resolve, but for ownSupport's full dates.
		dd.d, dd.xs = d, nil
		for _, x := range d.Timexes {
			if x.Type != "DURATION" && x.Type != "SET" {
				dd.xs = append(dd.xs, x)
			}
		}
		sorted.dds[p] = &dd
		sorted.sims[p] = flat[p*n : (p+1)*n : (p+1)*n]
		for q, j := range from {
			sorted.sims[p][q] = r.sims[i][j]
		}
	}
	return out, sorted
}

// datedDocs returns shallow copies of docs, in the same order, with the
// dates readDates trusts and their time expressions read against them.
func datedDocs(docs []*news.Doc) []*news.Doc {
	out, _ := datedDocsRead(docs)
	return out
}

// datedDocsRead is datedDocs, which also returns what the date
// judgements read of docs.
func datedDocsRead(docs []*news.Doc) ([]*news.Doc, *dateReading) {
	info, r := readDates(docs)
	out := make([]*news.Doc, len(docs))
	for i, d := range docs {
		c := *d
		c.Date, c.DateStatus, c.DateNote = info[i].date, info[i].status, info[i].note
		c.Timexes = timex.ResolveAll(d.Timexes, c.Date)
		out[i] = &c
		r.words.alias(out[i], d)
	}
	return out, r
}

// human writes a day as a reader does: 24 September 2017.
func human(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// humanValue writes a TimeML value as a reader does: 24 September 2017,
// the week of 25 September 2017, September 2017, 2017; other values as
// they are.
func humanValue(v string) string {
	st, en, ok := timex.Interval(v)
	if !ok {
		return v
	}
	switch {
	case st.Equal(en):
		return human(st)
	case en.Sub(st) <= 7*24*time.Hour:
		return "the week of " + human(st)
	case st.Day() == 1 && en.AddDate(0, 0, 1).Day() == 1 && st.Month() == en.Month():
		return st.Format("January 2006")
	case st.Month() == 1 && st.Day() == 1 && en.Month() == 12 && en.Day() == 31 && st.Year() == en.Year():
		return st.Format("2006")
	}
	return human(st) + " to " + human(en)
}

func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func sameDay(a, b time.Time) bool { return day(a) == day(b) }

func trustedOnly(anchors []time.Time, trusted []bool) []time.Time {
	out := make([]time.Time, len(anchors))
	for i, t := range anchors {
		if trusted[i] {
			out[i] = t
		}
	}
	return out
}

// pool is the dated happenings the docs report, indexed by day: sorted
// by their first day.
type pool struct {
	evs   []eventRef
	byDoc [][]int // the indexes of each doc's events
}

// newPool collects the dated happenings the docs report, each doc read
// against its anchor (zero: not in the pool); docs dated by extra
// (inferred dates) weigh less, and give only the days they name in full
// (see fixesDay).
func newPool(dds []*docDates, anchors, extra []time.Time) *pool {
	return newPoolIn(dds, anchors, extra, nil)
}

// poolReads keeps, for each doc of a reading, the periods its time
// expressions resolve to against the anchor it was last read against:
// readDates builds its pool several times, mostly with the same anchors.
type poolReads struct {
	at      []time.Time
	periods [][]period
}

// period is what an expression resolves to against an anchor, as
// timex.Interval reads it.
type period struct {
	start, end time.Time
	ok         bool
}

func newPoolReads(n int) *poolReads {
	return &poolReads{at: make([]time.Time, n), periods: make([][]period, n)}
}

// of returns the periods of the expressions of dd, doc i, against a
// (a day), resolving them unless they were last resolved against a.
func (r *poolReads) of(i int, dd *docDates, a time.Time) []period {
	if r != nil && r.periods[i] != nil && r.at[i].Equal(a) {
		return r.periods[i]
	}
	ps := make([]period, len(dd.xs))
	for k, x := range dd.xs {
		ps[k].start, ps[k].end, _, ps[k].ok = timex.ResolveInterval(x, a)
	}
	if r != nil {
		r.at[i], r.periods[i] = a, ps
	}
	return ps
}

// newPoolIn is newPool reading the periods of the docs' expressions
// through reads (nil: afresh).
func newPoolIn(dds []*docDates, anchors, extra []time.Time, reads *poolReads) *pool {
	p := &pool{}
	most := 0
	for _, dd := range dds {
		most += len(dd.xs)
	}
	evs := make([]eventRef, 0, most)
	for i, dd := range dds {
		a, w := anchors[i], 1.0
		if a.IsZero() && extra != nil {
			a, w = extra[i], 0.7
		}
		if a.IsZero() {
			continue
		}
		a = day0(a)
		ps := reads.of(i, dd, a)
		for k, x := range dd.xs {
			if w < 1 && !fixesDay(x) {
				continue // read against an inferred date: no evidence of its own
			}
			st, en, ok := ps[k].start, ps[k].end, ps[k].ok
			if !ok || en.Sub(st) > maxEventDays*24*time.Hour {
				continue
			}
			evs = append(evs, eventRef{doc: i, id: dd.d.ID, start: st, end: en, weight: w, words: dd.bags[k], past: !en.After(a), anchor: a, text: x.Text,
				norm: dd.partNorm[dd.partOf[k]], whole: dd.partWhole[dd.partOf[k]], ids: dd.partIDsOf(dd.partOf[k])})
		}
	}
	// The events by start, those starting together in the order made (a
	// stable sort), sorted as indexes: an event is a large struct to move.
	order := make([]int32, len(evs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := evs[a].start.Compare(evs[b].start); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	p.evs = make([]eventRef, len(evs))
	for i, k := range order {
		p.evs[i] = evs[k]
	}
	p.byDoc = make([][]int, len(dds))
	for i := range p.evs {
		p.byDoc[p.evs[i].doc] = append(p.byDoc[p.evs[i].doc], i)
	}
	return p
}

// of returns the indexes, in pool order, of the events of the docs marked
// in rel other than self: a doc's story, without scanning the pile.
func (p *pool) of(rel []bool, self int) []int {
	var out []int
	for j, r := range rel {
		if r && j != self && j < len(p.byDoc) {
			out = append(out, p.byDoc[j]...)
		}
	}
	sort.Ints(out)
	return out
}

// fixesDay reports whether x names its day whatever the anchor, but for
// the year: a full date, or a month and day ("Oct. 23"). Only these of an
// inferred source are evidence for another's date: what "Sunday" or
// "6 pm" means there follows from the date inferred.
func fixesDay(x news.Timex) bool {
	return x.Relative == nil || x.Relative.Kind == "date" || x.Relative.Kind == "month_day"
}

// hasRelated reports whether a doc marked in rel reports an event.
func (p *pool) hasRelated(rel []bool) bool {
	for j, r := range rel {
		if r && j < len(p.byDoc) && len(p.byDoc[j]) > 0 {
			return true
		}
	}
	return false
}

// contradicts reports why anchor a cannot be the date of doc self, naming
// the sources that show it; "" when it can. Only the events of related
// docs count.
func contradicts(dd *docDates, self int, a time.Time, all *pool, rel []bool) (string, []string) {
	a = day0(a)
	d := dd.d
	var story []int // the events of the doc's story, when asked for
	for k, x := range dd.xs {
		if x.Tense >= 0 {
			continue
		}
		// As written, with no anchor: values that resolve are absolute;
		// XXXX-MM-DD ones are a month and day without a year.
		bare, _ := timex.Resolve(x, time.Time{})
		if st, en, ok := timex.Interval(bare); ok {
			// Only full dates: a year ("the 2016 race") is too often
			// read in the wrong tense.
			if st.Equal(en) && st.After(a.AddDate(0, 0, 1)) {
				return fmt.Sprintf("it reports %q (%s) as past", x.Text, human(st)), nil
			}
			continue
		}
		if r := x.Relative; r != nil && r.Kind == "weekday" {
			if ownDateline(dd, a) {
				continue // the dateline outranks a weekday matched elsewhere
			}
			if story == nil {
				story = all.of(rel, self)
			}
			if e := laterWeekday(dd, k, a, all, story); e != nil {
				return fmt.Sprintf("its lead reports %q as past, but %s dates what it tells %s, after it", x.Text, e.id, human(e.start)), []string{e.id}
			}
			continue
		}
		if !strings.HasPrefix(bare, "XXXX-") || len(bare) != 10 {
			continue
		}
		md := bare[4:]
		resolved, _ := timex.Resolve(x, a)
		var who []string
		var when time.Time
		words := dd.bags[k]
		if story == nil {
			story = all.of(rel, self)
		}
		for _, i := range story {
			e := &all.evs[i]
			if e.past && e.start.Equal(e.end) && day(e.start)[4:] == md && e.start.After(a.AddDate(0, 0, 1)) && day(e.start) != resolved && words.sim(e.words) > 0 {
				who = appendOnce(who, e.id)
				when = e.start
			}
		}
		if len(who) > 0 {
			who = firstN(who, 3)
			return fmt.Sprintf("it reports %q as past, but %s %s it %s", x.Text, strings.Join(who, " and "), verbFor(len(who), "dates", "date"), human(when)), who
		}
	}
	_ = d
	// The content and the story clearly point elsewhere, unless the
	// article's own dateline or full dates bear its date out: they
	// outrank weekday names matched elsewhere in the pile.
	if ownSupport(dd, a) {
		return "", nil
	}
	if t, ev, ok := betterDate(dd, self, a, all, rel); ok {
		return fmt.Sprintf("its content matches the story around %s, not then: it reads %s", human(t), strings.Join(firstN(ev, 2), "; ")), nil
	}
	// Years away from every event of the story.
	near, any := false, false
	var lo, hi time.Time
	var nearest *eventRef
	if story == nil {
		story = all.of(rel, self)
	}
	for _, i := range story {
		e := &all.evs[i]
		if !any || e.start.Before(lo) {
			lo = e.start
		}
		if !any || e.end.After(hi) {
			hi = e.end
		}
		any = true
		if math.Abs(e.start.Sub(a).Hours()) < 365*24 {
			near = true
			break
		}
		if nearest == nil || e.start.Sub(a).Abs() < nearest.start.Sub(a).Abs() {
			nearest = e
		}
	}
	if any && !near {
		return fmt.Sprintf("it is more than a year away from every event of the story (%s to %s; the nearest, %q, in %s)", human(lo), human(hi), nearest.text, nearest.id), []string{nearest.id}
	}
	return "", nil
}

// weekdaySim is the least content overlap for another source's
// happening to be the one a weekday names, and weekdaySlip the most days
// a stated date may lie before it (see laterWeekday).
const (
	weekdaySim  = 0.25
	weekdaySlip = 3
)

// laterWeekday returns, when the doc's expression k is a weekday its
// lead (a headline and the first sentence) reports as past, a happening
// of the story that another source dated by its own stated date reports
// as done on that weekday in the weekdaySlip days after a, and whose
// sentence shares words with the lead's (at least weekdaySim): "the
// White House said on Friday" in an article stated to be of Thursday,
// when the story's other sources date that statement to the next day.
// Such an article is not of a: its stated date slipped (a time zone, a
// feed's stamp). Only the lead, which tells the article's news, and only
// a few days: a weekday further on, or elsewhere in the article, is too
// often another happening of the same people.
func laterWeekday(dd *docDates, k int, a time.Time, all *pool, story []int) *eventRef {
	x := dd.xs[k]
	r := x.Relative
	if r == nil || r.Kind != "weekday" || r.Weekday < 1 || r.Weekday > 7 || x.Tense >= 0 || x.Type != "DATE" || x.Sentence > 1 {
		return nil
	}
	a = day0(a)
	var best *eventRef
	bestSim := weekdaySim
	for _, i := range story {
		e := &all.evs[i]
		if !e.past || e.weight < 1 || !e.start.Equal(day0(e.end)) || !e.start.After(a) || e.start.After(a.AddDate(0, 0, weekdaySlip)) {
			continue
		}
		if int(e.start.Weekday()) != r.Weekday%7 {
			continue
		}
		if v := dd.bags[k].sim(e.words); v >= bestSim {
			best, bestSim = e, v
		}
	}
	return best
}

// laterDay is the latest day that the story's sources give a happening
// the doc's lead reports as past on a weekday after a (see
// laterWeekday), or the zero time.
func laterDay(dd *docDates, a time.Time, all *pool, story []int) time.Time {
	var t time.Time
	for k := range dd.xs {
		if e := laterWeekday(dd, k, a, all, story); e != nil && e.start.After(t) {
			t = e.start
		}
	}
	return t
}

// ownDateline reports whether the doc's dateline gives a or the day
// before, its year or not.
func ownDateline(dd *docDates, a time.Time) bool {
	if dl := dd.d.DatelineDate; !dl.IsZero() {
		return !day0(dl).After(a) && a.Sub(day0(dl)) <= 24*time.Hour
	}
	if dd.dlMonth == 0 {
		return false
	}
	for _, t := range []time.Time{a, a.AddDate(0, 0, -1)} {
		if int(t.Month()) == dd.dlMonth && t.Day() == dd.dlDay {
			return true
		}
	}
	return false
}

// ownSupport reports whether the doc itself bears out date a: its
// dateline gives a or the day before, or it names in full, as past or
// present, a day in the week up to a.
func ownSupport(dd *docDates, a time.Time) bool {
	if ownDateline(dd, a) {
		return true
	}
	for _, x := range dd.xs {
		if x.Tense > 0 || x.Type != "DATE" || x.Relative != nil && x.Relative.Kind != "date" {
			continue
		}
		st, en, ok := timex.Interval(x.Value)
		if ok && st.Equal(en) && !st.After(a) && a.Sub(st) <= 7*24*time.Hour {
			return true
		}
	}
	return false
}

func firstN(list []string, n int) []string {
	if len(list) > n {
		return list[:n]
	}
	return list
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

// inferDate tries the candidate days as the date of doc self and returns
// the best, with a note on the evidence.
func inferDate(dd *docDates, self int, all *pool, rel []bool, dds []*docDates, yearHint int) (time.Time, string, bool) {
	sc := newScorer(dd, self, all, rel, false)
	days := sc.candidates()
	if len(days) == 0 {
		if t, how, ok := latestPastDate(dd); ok {
			return t, how, ok
		}
		return storyYearDate(dd, self, rel, dds, yearHint)
	}
	best, bestScore := sc.best(days, sc.dayBounds(days))
	if bestScore <= 0 {
		if t, how, ok := latestPastDate(dd); ok {
			return t, how, ok
		}
		return storyDate(sc)
	}
	_, evidence := sc.score(best, true)
	return best, fmt.Sprintf("%s from its content and the story: it reads %s", human(best), strings.Join(firstN(evidence, 3), "; ")), true
}

// scorer rates candidate dates of one doc against the events of the
// docs related to it.
type scorer struct {
	dd      *docDates
	self    int
	all     *pool
	rel     []bool
	past    bool      // only events reported as done count
	claimed []float64 // scratch: the best match of each event of the story
	// sims[p][i] is the similarity of the words of the doc's part p
	// (see docDates.partOf) and the story's event i, or -1 until asked
	// for; sims[p] is made on first use.
	sims     [][]float64
	story    []int         // the indexes of the events of the doc's story, in pool order
	resolved []resolveForm // scratch: each form of the doc's expressions read against one anchor
	// starts and ends are the first and last days of the story's events,
	// as Unix seconds (every day a midnight UTC).
	starts, ends []int64
	// counting[i] reports whether the story's event i counts (see
	// counts), which holds for the scorer's life.
	counting []bool
	// found[k] is what the doc's expression k matched among the story's
	// events when last read as the period [foundAt[k][0], foundAt[k][1]]
	// (Unix seconds), if hasFound[k]: the same period matches alike.
	found    [][]match
	foundAt  [][2]int64
	hasFound []bool
	// scratch for score
	touched              []int
	pastDays, futureDays []int64 // Unix seconds
}

// match is a story event an expression of the doc matches, by its
// position in scorer.story, and how much the match is worth.
type match struct {
	i   int
	val float64
}

func newScorer(dd *docDates, self int, all *pool, rel []bool, past bool) *scorer {
	story := all.of(rel, self)
	sc := &scorer{claimed: make([]float64, len(story)), dd: dd, self: self, all: all, rel: rel, past: past,
		sims: make([][]float64, dd.parts), story: story, resolved: make([]resolveForm, len(dd.formOf)),
		starts: make([]int64, len(story)), ends: make([]int64, len(story)), counting: make([]bool, len(story)),
		found: make([][]match, len(dd.xs)), foundAt: make([][2]int64, len(dd.xs)), hasFound: make([]bool, len(dd.xs))}
	for f := range dd.formOf {
		if dd.fixed[f] {
			sc.resolved[f] = dd.fixedAs[f]
		}
	}
	for i, k := range story {
		sc.starts[i], sc.ends[i] = all.evs[k].start.Unix(), all.evs[k].end.Unix()
		sc.counting[i] = sc.counts(&all.evs[k])
	}
	return sc
}

// overlapping calls fn for every event of the doc's story that overlaps
// the days [s, e] (Unix seconds: days are midnights UTC, as
// timex.Interval gives them, so seconds compare as the times do, and a
// day is 86,400 of them), with its position in sc.story: a search by day among the
// story's events, so that the rest of the pile costs nothing.
func (sc *scorer) overlapping(s, e int64, fn func(k int, e *eventRef)) {
	i, _ := slices.BinarySearch(sc.starts, s-(maxEventDays+1)*daySec)
	for ; i < len(sc.starts) && sc.starts[i] <= e; i++ {
		if sc.ends[i] < s {
			continue
		}
		fn(i, &sc.all.evs[sc.story[i]])
	}
}

// sim is the similarity of the sentence of the doc's expression k and
// the story's event i (its position in sc.story), computed once: every
// candidate day asks again.
func (sc *scorer) sim(k, i int) float64 {
	p := sc.dd.partOf[k]
	row := sc.sims[p]
	if row == nil {
		row = make([]float64, len(sc.story))
		for j := range row {
			row[j] = -1
		}
		sc.sims[p] = row
	}
	if v := row[i]; v >= 0 {
		return v
	}
	e := &sc.all.evs[sc.story[i]]
	var v float64
	if a := sc.dd.partIDsOf(p); a != nil && e.ids != nil {
		v = wholeSimIDs(a, sc.dd.partNorm[p], e.ids, e.norm)
	} else if sc.dd.partWhole[p] && e.whole {
		v = wholeSim(sc.dd.bags[k], sc.dd.partNorm[p], e.words, e.norm)
	} else {
		v = sc.dd.bags[k].sim(e.words)
	}
	row[i] = v
	return v
}

// matches returns the story's events that count which the doc's
// expression k read as the period [st, en] (Unix seconds) overlaps, in the story's
// order, each with what the match is worth: its words' similarity times
// the event's weight and the periods' granularity, half for a time of
// day that names no day (see clockOnly). It keeps the last list of each
// expression: days in a row often read it alike.
func (sc *scorer) matches(k int, st, en int64) []match {
	at := [2]int64{st, en}
	if sc.hasFound[k] && sc.foundAt[k] == at {
		return sc.found[k]
	}
	list := sc.found[k][:0]
	clock := clockOnly(sc.dd.xs[k])
	sc.overlapping(st, en, func(i int, e *eventRef) {
		if !sc.counting[i] {
			return
		}
		val := sc.sim(k, i)
		if val == 0 {
			return
		}
		val *= e.weight * granularitySec(st, en, sc.starts[i], sc.ends[i])
		if clock {
			val *= clockWeight
		}
		list = append(list, match{i, val})
	})
	sc.found[k], sc.foundAt[k], sc.hasFound[k] = list, at, true
	return list
}

// wordWeight is a word, by its number, and its weight in a bag.
type wordWeight struct {
	id int32
	v  float64
}

// numberParts fills each doc's partIDs: the words of its parts whose
// weights are whole, numbered across the docs and sorted by number, so
// that the scorers compare two parts by merging two lists (wholeSimIDs)
// rather than by looking each word up in a map.
func numberParts(dds []*docDates) {
	ids := wordIDs{}
	for _, dd := range dds {
		dd.partIDs = make([][]wordWeight, dd.parts)
		for k, p := range dd.partOf {
			if !dd.partWhole[p] || dd.partIDs[p] != nil {
				continue
			}
			dd.partIDs[p] = ids.number(dd.bags[k], nil)
		}
	}
}

// wordIDs numbers words in the order they are first met.
type wordIDs map[string]int32

// number lists b's words by number, in order, each weight times
// weight(word) (as it is when weight is nil).
func (ids wordIDs) number(b bag, weight func(string) float64) []wordWeight {
	ws := make([]wordWeight, 0, len(b))
	for w, v := range b {
		id, ok := ids[w]
		if !ok {
			id = int32(len(ids))
			ids[w] = id
		}
		if weight != nil {
			v *= weight(w)
		}
		ws = append(ws, wordWeight{id, v})
	}
	slices.SortFunc(ws, func(a, b wordWeight) int { return cmp.Compare(a.id, b.id) })
	return ws
}

// sharedMinSquares sums, over the words two numbered lists share, the
// square of the lesser weight, in the order of the words' numbers: the
// numerator of bag.sim and of rarity.sim.
func sharedMinSquares(a, b []wordWeight) float64 {
	var in float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			m := math.Min(a[i].v, b[j].v)
			in += m * m
			i++
			j++
		}
	}
	return in
}

// partIDsOf is dd.partIDs[p], or nil.
func (dd *docDates) partIDsOf(p int) []wordWeight {
	if dd.partIDs == nil {
		return nil
	}
	return dd.partIDs[p]
}

// wholeSimIDs is wholeSim of two bags of whole weights given as sorted
// wordWeight lists: the same sums, exact in any order, so the same bits.
func wholeSimIDs(b []wordWeight, nb float64, o []wordWeight, no float64) float64 {
	if len(b) == 0 || len(o) == 0 {
		return 0
	}
	return sharedMinSquares(b, o) / math.Sqrt(nb*no)
}

// wholeNorm is the sum of the squared weights of b, and whether they
// are all whole numbers (as contentBag gives: 1, or 2 for a name), so
// that sums of their squares are exact in any order.
func wholeNorm(b bag) (float64, bool) {
	n := 0.0
	for _, v := range b {
		if v != math.Trunc(v) || v < 0 || v > 1<<10 {
			return 0, false
		}
		n += v * v
	}
	return n, n < 1<<40
}

// wholeSim is b.sim(o) for bags of whole weights with their wholeNorm
// norms: the same sums, exact in any order, so the same bits, but
// reading only the smaller bag and no norm again.
func wholeSim(b bag, nb float64, o bag, no float64) float64 {
	if len(b) == 0 || len(o) == 0 {
		return 0
	}
	small, large := b, o
	if len(o) < len(b) {
		small, large = o, b
	}
	var in float64
	for k, v := range small {
		if w, ok := large[k]; ok {
			in += math.Min(v, w) * math.Min(v, w)
		}
	}
	return in / math.Sqrt(nb*no)
}

// counts reports whether event e is evidence for the scorer's doc.
func (sc *scorer) counts(e *eventRef) bool {
	return e.doc != sc.self && sc.rel[e.doc] && (!sc.past || e.past)
}

// candidates lists the days tried as the doc's date: the days near the
// trusted dates of the related sources (two weeks either side), and the
// two weeks after each day or week they report (no later than two months
// after their own date: an article may report what the others
// announced). The dates of inferred sources give no candidate days, only
// what they report.
func (sc *scorer) candidates() []time.Time {
	// Days are midnights UTC (day0, timex.Interval), counted here as
	// days since 1970.
	// The ranges of days, with repeats: their union, in order, is the
	// candidates.
	var ranges [][2]int64
	for _, i := range sc.story {
		e := &sc.all.evs[i]
		if !sc.counts(e) {
			continue
		}
		anchor := e.anchor.Unix() / daySec
		if e.weight >= 1 {
			ranges = append(ranges, [2]int64{anchor - 14, anchor + 14})
		}
		// The days after a happening reported as done, or announced
		// within two months: an article is written soon after it.
		k := [2]int64{e.start.Unix() / daySec, e.end.Unix() / daySec}
		if k[1]-k[0] <= 7 && k[1]-anchor <= 60 {
			ranges = append(ranges, [2]int64{k[0], k[1] + 14})
		}
	}
	slices.SortFunc(ranges, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	var out []time.Time
	next := int64(math.MinInt64) // the first day not yet given
	for _, r := range ranges {
		for t := max(r[0], next); t <= r[1]; t++ {
			out = append(out, time.Unix(t*daySec, 0).UTC())
		}
		next = max(next, r[1]+1)
	}
	return out
}

// best returns the first of the best scoring days, with its score. A
// day whose bound (bounds[j], if bounds is not nil; see dayBounds) shows
// that it cannot beat the best so far is not scored.
func (sc *scorer) best(days []time.Time, bounds []float64) (time.Time, float64) {
	best, bestScore := time.Time{}, math.Inf(-1)
	for j, a := range days {
		if bounds != nil && bounds[j]+boundSlack <= bestScore+1e-9 {
			continue // it cannot score more than bestScore+1e-9
		}
		if score, _ := sc.score(a, false); score > bestScore+1e-9 {
			best, bestScore = a, score
		}
	}
	return best, bestScore
}

// score reads the doc against a (a midnight UTC) and rates how well its
// dates agree with the happenings the related sources report, with the
// evidence as text when asked. Days are compared as Unix seconds, as the
// times compare.
func (sc *scorer) score(a time.Time, withEvidence bool) (float64, []string) {
	dd := sc.dd
	as := a.Unix()
	score := 0.0
	var evidence []string
	// Each happening another source reports counts once, for the
	// expression of the doc that matches it best; an expression may match
	// the same happening in several sources.
	touched := sc.touched[:0]
	pastDays, futureDays := sc.pastDays[:0], sc.futureDays[:0]
	// Each form once: expressions written alike read alike. Forms
	// without a Relative read alike against every anchor; the others go
	// straight to their periods (timex.ResolveInterval), and to their
	// values only for the evidence.
	for f, k := range dd.formOf {
		if dd.fixed[f] {
			continue
		}
		r := &sc.resolved[f]
		st, en, fut, ok := timex.ResolveInterval(dd.xs[k], a)
		r.s, r.e, r.fut, r.ok = st.Unix(), en.Unix(), fut, ok
		if withEvidence {
			r.v, _ = timex.Resolve(dd.xs[k], a)
		}
	}
	for k := range dd.xs {
		x := &dd.xs[k]
		r := &sc.resolved[dd.forms[k]]
		if !r.ok {
			continue
		}
		st, en := r.s, r.e
		tn := x.Tense
		if tn < 0 && st > as {
			if st == en && x.Type == "DATE" && (x.Relative == nil || x.Relative.Kind == "date") {
				// No article is dated before a day it names in full
				// as past. The happenings claimed so far are let go,
				// as the end of a reading lets them go, or they would
				// stay claimed for every later anchor.
				for _, i := range touched {
					sc.claimed[i] = 0
				}
				sc.touched, sc.pastDays, sc.futureDays = touched, pastDays, futureDays
				return math.Inf(-1), nil
			}
			score -= 1 // reported as past, but after the anchor
		}
		if tn > 0 && en < as && !r.fut {
			score -= 1 // expected, but already gone
		}
		if en-st > maxEventDays*daySec {
			continue
		}
		if st == en {
			if tn < 0 {
				pastDays = append(pastDays, st)
			} else if tn > 0 {
				futureDays = append(futureDays, st)
			}
		}
		m := 0.0
		var who []string
		for _, mt := range sc.matches(k, st, en) {
			i, val := mt.i, mt.val
			if val > m {
				m = val
			}
			if val > sc.claimed[i] {
				if sc.claimed[i] == 0 {
					touched = append(touched, i)
				}
				sc.claimed[i] = val
			}
			if withEvidence && val > 0.05 {
				who = appendOnce(who, sc.all.evs[sc.story[i]].id)
			}
		}
		if withEvidence && m > 0.05 {
			evidence = appendOnce(evidence, fmt.Sprintf("%q as %s (as in %s)", x.Text, humanValue(r.v), strings.Join(firstN(who, 3), ", ")))
		}
	}
	for _, i := range touched {
		score += sc.claimed[i]
		sc.claimed[i] = 0
	}
	// An article is written soon after the latest day it reports as past:
	// a small cost for every day after it.
	// (zeroSec, the zero time, stands for none, as the zero time did.)
	latest := zeroSec
	for _, p := range pastDays {
		if p <= as && p > latest {
			latest = p
		}
	}
	if latest != zeroSec {
		score -= recencyCost * secHours(as-latest) / 24
	} else {
		// With nothing reported as past, an article that announces a day
		// is written soon before it.
		next := zeroSec
		for _, f := range futureDays {
			if f > as && (next == zeroSec || f < next) {
				next = f
			}
		}
		if next != zeroSec {
			score -= recencyCost * (secHours(next-as)/24 - 1)
		}
	}
	// "a few days before" a dated future event: some past day of the
	// article lies within a week before it.
	if dd.fewDaysBefore && len(futureDays) > 0 && len(pastDays) > 0 {
		ok := false
		for _, f := range futureDays {
			for _, p := range pastDays {
				if g := secHours(f-p) / 24; g >= 1 && g <= 7 {
					ok = true
				}
			}
		}
		if !ok {
			score -= 1
		}
	}
	sc.touched, sc.pastDays, sc.futureDays = touched, pastDays, futureDays
	return score, evidence
}

// betterDate reports a date the doc's content and the story clearly
// prefer to a, when there is one: a day more than three weeks from a (so
// that a weekday read a week off cannot do it) whose score beats a's by a
// clear margin, on the evidence of at least two happenings other sources
// report as done. Only what the other sources report as done counts: a
// planned date they share is no proof of when this doc was written.
func betterDate(dd *docDates, self int, a time.Time, all *pool, rel []bool) (time.Time, []string, bool) {
	return betterDateBy(dd, self, a, all, rel, true)
}

// betterDateBy is betterDate, which with bound skips scoring the days
// whose bounds show they cannot change the answer (see dayBounds): the
// same answer (TestFarBound).
func betterDateBy(dd *docDates, self int, a time.Time, all *pool, rel []bool, bound bool) (time.Time, []string, bool) {
	sc := newScorer(dd, self, all, rel, true)
	days := sc.candidates()
	if len(days) == 0 {
		return time.Time{}, nil, false
	}
	at, _ := sc.score(day0(a), false)
	var bounds []float64
	if bound {
		bounds = sc.dayBounds(days)
		if farBelow(days, bounds, day0(a).Unix(), at+clearMargin) {
			return time.Time{}, nil, false
		}
	}
	best, bestScore := sc.best(days, bounds)
	if bestScore-at < clearMargin || best.Sub(day0(a)).Abs() <= farDays*24*time.Hour {
		return time.Time{}, nil, false
	}
	_, evidence := sc.score(best, true)
	if len(evidence) < 2 {
		return time.Time{}, nil, false
	}
	return best, evidence, true
}

// farDays is how many days from a stated date a better one must lie
// (betterDate).
const farDays = 21

// clearMargin is how much better another date must score before it
// overrules a stated one.
const clearMargin = 0.4

// recencyCost is what each day between an article's date and the latest
// day it reports as past costs in inferDate (or, when it reports nothing
// as past, each day before the first day it announces).
const recencyCost = 0.05

// granularitySec weighs a match between two periods, their first and
// last days given as Unix seconds: the same day counts fully, the same
// week less, a day inside a week less still, a day inside a month little.
func granularitySec(s1, e1, s2, e2 int64) float64 {
	l := math.Max(secHours(e1-s1), secHours(e2-s2)) / 24
	same := math.Abs(secHours(e1-s1)-secHours(e2-s2)) < 24
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

// daySec is a day in seconds.
const daySec = 24 * 60 * 60

// zeroSec is the zero time in Unix seconds.
var zeroSec = time.Time{}.Unix()

// secHours is the hours of d seconds as time.Time.Sub and
// time.Duration.Hours give them for two times d seconds apart: the same
// float, saturated as Sub saturates beyond some 292 years.
func secHours(d int64) float64 {
	const most = math.MaxInt64 / int64(time.Second)
	switch {
	case d > most:
		return time.Duration(math.MaxInt64).Hours()
	case d < -most:
		return time.Duration(math.MinInt64).Hours()
	}
	return (time.Duration(d) * time.Second).Hours()
}

// hasFewDaysBefore reports whether d says that something happened a few
// days before something else.
func hasFewDaysBefore(d *news.Doc) bool {
	// The phrases, lower case, as the text is read: each rune lowered
	// (as strings.ToLower lowers it) but not copied. "few days before"
	// holds "days before".
	t := d.Text
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		switch lowerRune(r) {
		case 'd':
			if lowerPrefix(t[i:], "days before") || lowerPrefix(t[i:], "days ahead of") || lowerPrefix(t[i:], "days prior to") {
				return true
			}
		case 's':
			if lowerPrefix(t[i:], "shortly before") {
				return true
			}
		case 'a':
			if lowerPrefix(t[i:], "a day before") {
				return true
			}
		}
		i += size
	}
	return false
}

// lowerPrefix reports whether t, each rune lowered as strings.ToLower
// lowers it, begins with p (ASCII).
func lowerPrefix(t, p string) bool {
	j := 0
	for k := 0; k < len(p); k++ {
		if j >= len(t) {
			return false
		}
		r, size := rune(t[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[j:])
		}
		if lowerRune(r) != rune(p[k]) {
			return false
		}
		j += size
	}
	return true
}

// lowerRune is unicode.ToLower, ASCII read inline.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// storyDate dates a doc whose text gives nothing to go by like the
// related sources, when they were published within a week: the day most
// of them were.
func storyDate(sc *scorer) (time.Time, string, bool) {
	var anchors []time.Time
	seen := map[int]bool{}
	for _, i := range sc.story {
		e := &sc.all.evs[i]
		if sc.counts(e) && !seen[e.doc] && e.weight >= 1 {
			seen[e.doc] = true
			anchors = append(anchors, e.anchor)
		}
	}
	if len(anchors) == 0 {
		return time.Time{}, "", false
	}
	sort.Slice(anchors, func(i, j int) bool { return anchors[i].Before(anchors[j]) })
	// The week that holds most of them, the earliest of a tie; more than
	// half must lie in it, so that one source published later (an
	// official result, a follow-up) does not leave the others undated.
	from, to := 0, 0
	for i, j := 0, 0; i < len(anchors); i++ {
		for j < len(anchors) && anchors[j].Sub(anchors[i]) <= 7*24*time.Hour {
			j++
		}
		if j-i > to-from {
			from, to = i, j
		}
	}
	if 2*(to-from) <= len(anchors) {
		return time.Time{}, "", false
	}
	outliers := len(anchors) - (to - from)
	anchors = anchors[from:to]
	lo, hi := anchors[0], anchors[len(anchors)-1]
	// The day most of them were published, the earliest of a tie: more
	// articles of the story move it less than a middle.
	m, most := lo, 0
	for i := 0; i < len(anchors); {
		j := i
		for j < len(anchors) && anchors[j].Equal(anchors[i]) {
			j++
		}
		if j-i > most {
			m, most = anchors[i], j-i
		}
		i = j
	}
	span := fmt.Sprintf("all %s to %s", human(lo), human(hi))
	if outliers > 0 {
		span = fmt.Sprintf("%d of %d %s to %s", to-from, to-from+outliers, human(lo), human(hi))
	}
	return m, fmt.Sprintf("%s from the story alone: its text dates nothing the other sources report, and most of them were published then (%s)", human(m), span), true
}

// latestPastDate dates a doc by the latest day it reports as past,
// written with its year.
func latestPastDate(dd *docDates) (time.Time, string, bool) {
	var best time.Time
	text := ""
	for _, x := range dd.xs {
		v, _ := timex.Resolve(x, time.Time{})
		st, en, ok := timex.Interval(v)
		if !ok || !st.Equal(en) || x.Tense > 0 {
			continue
		}
		if st.After(best) {
			best, text = st, x.Text
		}
	}
	if best.IsZero() {
		return best, "", false
	}
	return best, fmt.Sprintf("%s: the latest date it reports (%q)", human(best), text), true
}

// storyYearDate dates a doc that no related source dates by the latest
// month and day it reports as past ("Oct. 23"), in the story's year: the
// year of the trusted date of the doc most like it (yearHint), else the
// latest year the doc or its related docs name as past or present (a
// full date or a year; earlier years are mostly history: "the 1999
// earthquake").
func storyYearDate(dd *docDates, self int, rel []bool, dds []*docDates, yearHint int) (time.Time, string, bool) {
	year := yearHint
	if year == 0 {
		year = storyYear(self, rel, dds)
	}
	if year == 0 {
		return time.Time{}, "", false
	}
	var best time.Time
	text := ""
	for _, x := range dd.xs {
		r := x.Relative
		if r == nil || r.Kind != "month_day" || r.Event || r.Name || x.Tense > 0 || !validDay(year, r.Month, r.Day) {
			continue
		}
		t := time.Date(year, time.Month(r.Month), r.Day, 0, 0, 0, 0, time.UTC)
		if t.After(best) {
			best, text = t, x.Text
		}
	}
	if best.IsZero() {
		return best, "", false
	}
	how := "the year of the most similar dated source"
	if yearHint == 0 {
		how = "the latest year the story's sources name"
	}
	return best, fmt.Sprintf("%s: the latest day it reports (%q), in %d, %s", human(best), text, year, how), true
}

// storyYear is the latest year doc self or its related docs name as
// past or present (a full date or a year; earlier years are mostly
// history: "the 1999 earthquake"), or 0.
func storyYear(self int, rel []bool, dds []*docDates) int {
	year := 0
	for j, o := range dds {
		if j != self && !rel[j] {
			continue
		}
		for _, x := range o.xs {
			v, _ := timex.Resolve(x, time.Time{})
			if st, en, ok := timex.Interval(v); ok && (st.Equal(en) || len(v) == 4 && x.Tense <= 0) {
				year = max(year, st.Year())
			}
		}
	}
	return year
}

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateConflicts reports the stated dates and page stamps that were not
// trusted, each against the date trusted instead. It reads the dated
// copies Build made and checks each rejected date again to give the
// reason.
func dateConflicts(s *news.Story) []news.Conflict { return dateConflictsRead(s, nil) }

// dateConflictsRead is dateConflicts reading, when r is not nil, what
// datedStoryRead returned with s instead of computing it again.
func dateConflictsRead(s *news.Story, r *dateReading) []news.Conflict {
	n := len(s.Docs)
	anchors := make([]time.Time, n)
	dds := make([]*docDates, n)
	var rejected []int
	for i, d := range s.Docs {
		if d.DateStatus == news.DateStated || d.DateStatus == news.DateDateline {
			anchors[i] = d.Date
		}
		if !d.StatedDate.IsZero() && !sameDay(d.StatedDate, d.Date) || d.StatedDate.IsZero() && !d.PageStamp.IsZero() && !sameDay(d.PageStamp, d.Date) {
			rejected = append(rejected, i)
		}
	}
	if len(rejected) == 0 {
		return nil
	}
	// Which docs tell a story needs the words of every doc; the checks
	// read only the expressions of the rejected docs' stories, and the
	// pool holds only their events (a check reads only its story's).
	var related [][]bool
	if r != nil {
		copy(dds, r.dds)
		related = relatedFrom(r.sims)
	} else {
		for i, d := range s.Docs {
			dds[i] = &docDates{d: d, all: contentBag(d.Text)}
		}
		related = relatedDocs(dds)
	}
	needed := make([]bool, n)
	for _, i := range rejected {
		needed[i] = true
		for j, r := range related[i] {
			needed[j] = needed[j] || r
		}
	}
	for i := range dds {
		if needed[i] {
			if r == nil {
				dds[i].readExpressions()
			}
		} else {
			anchors[i] = time.Time{}
		}
	}
	all := newPool(dds, anchors, nil)
	sort.SliceStable(rejected, func(a, b int) bool { return s.Docs[rejected[a]].ID < s.Docs[rejected[b]].ID })
	var out []news.Conflict
	for _, i := range rejected {
		d := s.Docs[i]
		if !d.StatedDate.IsZero() && !d.Date.IsZero() && sameDay(laterDay(dds[i], d.StatedDate, all, all.of(related[i], i)), d.Date) {
			continue // stamped a day or few early: no disagreement of the sources, and its note tells it
		}
		kind, at := "stated date", d.StatedDate
		if d.StatedDate.IsZero() {
			kind, at = "page stamp", d.PageStamp
		}
		why, who := contradicts(dds[i], i, at, all, related[i])
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
	if workers <= 1 {
		for i := range n {
			fn(i) // a story of one doc: no goroutine to start
		}
		return
	}
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
