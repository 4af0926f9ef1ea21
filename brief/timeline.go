package brief

import (
	"iter"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
	"github.com/storyline-news/storyline/timex"
)

// The timeline.
//
// An entry is a sentence (trimmed to its clause when long, or when it
// names another date outside that clause: datedClause) that holds a
// time expression resolved to a day, a week or a month; durations, sets,
// years and vague references (now, recently) are left out, and so are
// sentences in comment or analysis sections. Each source gives at most one
// candidate per date: its first sentence about that date (news puts the
// main fact first), carrying the content words of all its sentences about
// it. Candidates of different sources with the same date merge when their
// content words overlap (names weigh double); the entry's text is the
// candidate closest to the others, preferring sources whose date was
// stated. An entry is Planned when its expression points after the
// source's date or its clause is in the future tense. Sentences that
// name no date join as events of their article's day (see undated
// below). An undated entry's text is its clearest member; it cites the
// sources whose sentences are close to that text (closeSources), and its
// date is the day most of its sources give (commonDay).
//
// Three readings of eventdates.go come before the merge: a bare
// weekday's week is settled by the other sources that tell its happening
// (alignWeekdays), a plan that names only its wait ("in two months") is
// dated by it (plannedWaits), and planned entries of months next to each
// other that share a figure are one plan (joinPlans).
//
// Order: by date, partial dates placed where they most likely fall: a
// week at its Monday, a month at its 15th (so "2017-08" sorts after
// 2017-08-10 and before 2017-08-20); on a tie the finer date comes first.

// mergeAt is the least content overlap for two sources' sentences about
// the same date to count as one happening; coarse dates need less.
const (
	mergeDay    = 0.10
	mergeCoarse = 0.04
	mergeSame   = 0.25
)

// maxPerDate is the most happenings one source gives for one date: its
// first sentences about that date, in order.
const maxPerDate = 3

// maxClauseWords is the length beyond which a sentence is trimmed to the
// clause holding the date.
const maxClauseWords = 32

type candidate struct {
	date    string // TimeML value, day part only
	start   time.Time
	end     time.Time
	text    string
	source  string
	status  string
	words   bag
	planned bool
	// explicit marks a sentence that names its date; the others are
	// dated by their article (see undatedCandidates).
	explicit bool
	// rank counts the undated candidates of its article before it;
	// named marks a sentence naming a person.
	rank  int
	named bool
	// actors are the people and organisations an undated sentence
	// names, each by its last word, folded.
	actors []string
	// weak marks an undated sentence that only joins a happening
	// another source tells (see undatedReject).
	weak bool
	// weekday marks a date read from a bare weekday's name (see
	// alignWeekdays).
	weekday bool
	// moved marks a weekday's sentence whose week other sources settled
	// (alignWeekdays): it keeps an entry of its own.
	moved bool
}

// timeline lists the story's happenings in date order, each once.
func timeline(s *news.Story) []news.TimelineEntry { return timelineWords(s, nil) }

// timelineWords is timeline reading the words of s's sentences from
// words (nil to read them afresh).
func timelineWords(s *news.Story, words *wordCache) []news.TimelineEntry {
	ks := timelineKeyedWords(s, words)
	out := make([]news.TimelineEntry, 0, len(ks))
	for _, k := range ks {
		out = append(out, k.e)
	}
	return out
}

// keyedLine is a timeline line with the members of its entry and where
// it sorts.
type keyedLine struct {
	e       news.TimelineEntry
	members []*candidate
	key     time.Time
	width   time.Duration
}

// timelineKeyed is timeline, each line with its entry's members.
func timelineKeyed(s *news.Story) []keyedLine { return timelineKeyedWords(s, nil) }

// timelineKeyedWords is timelineKeyed reading the words of s's sentences
// from words (nil to read them afresh).
func timelineKeyedWords(s *news.Story, words *wordCache) []keyedLine {
	r := storyRarityWords(s, words)
	var cands, undated []*candidate
	for _, d := range s.Docs {
		sd := plannedWaits(d, sentenceDates(d))
		cands = append(cands, datedCandidatesOf(d, sd, r.bags[d])...)
		undated = append(undated, undatedCandidatesIn(d, sd, r.bags[d], words)...)
	}
	// What the comparisons below read of each candidate, numbered once:
	// a candidate's words do not change once it is made.
	cn := newCandNorms(r)
	alignWeekdays(cands, cn)
	// Merge candidates of the same date about the same happening: the
	// entries of each date, in the order they were made.
	var entries []*entry
	byDate := map[string][]*entry{}
	for _, c := range cands {
		var best *entry
		bestSim := 0.0
		for _, e := range byDate[c.date] {
			sim := e.words.sim(c.words)
			need := mergeDay
			if c.end.Sub(c.start) >= 24*time.Hour {
				need = mergeCoarse
			}
			if hasSource(e.members, c.source) {
				need = mergeSame // one source telling one happening twice
			}
			if c.moved != e.members[0].moved {
				continue // see alignWeekdays
			}
			if sim >= need && sim > bestSim {
				best, bestSim = e, sim
			}
		}
		if best == nil {
			e := &entry{members: []*candidate{c}, words: c.words.copy()}
			entries = append(entries, e)
			byDate[c.date] = append(byDate[c.date], e)
			continue
		}
		best.members = append(best.members, c)
		best.words.add(c.words)
	}
	entries = joinPlans(entries)
	entries = addUndated(entries, undated, cn)
	var ks []keyedLine
	keep := make([]bool, len(entries))
	for k, e := range entries {
		keep[k] = len(e.explicit()) > 0 || e.sources() >= minUndatedSources || e.leads()
	}
	newActors(entries, keep, cn)
	foldRetellings(entries, keep, cn)
	for k, e := range entries {
		explicit := e.explicit()
		var srcs []string
		planned := true
		for _, m := range e.members {
			srcs = appendOnce(srcs, m.source)
			planned = planned && m.planned
		}
		if !keep[k] {
			continue
		}
		sort.Strings(srcs)
		c := e.members[0]
		if len(explicit) > 0 {
			c = explicit[0]
		} else {
			c = commonDay(e.members)
		}
		text := clearestOf(e.members, cn)
		if len(explicit) == 0 {
			srcs = closeSources(e.members, text, cn)
		}
		ks = append(ks, keyedLine{
			e:       news.TimelineEntry{Date: c.date, Text: text.text, Sources: srcs, Planned: planned},
			members: e.members,
			key:     sortKey(c.start, c.end),
			width:   c.end.Sub(c.start),
		})
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if !ks[i].key.Equal(ks[j].key) {
			return ks[i].key.Before(ks[j].key)
		}
		if ks[i].width != ks[j].width {
			return ks[i].width < ks[j].width
		}
		return len(ks[i].e.Sources) > len(ks[j].e.Sources)
	})
	return ks
}

// entry is one happening of the timeline: the sentences of the sources
// that tell it.
type entry struct {
	members []*candidate
	words   bag
}

// leads reports whether an entry of undated sentences holds one of the
// first undatedSolo of its article: a happening its source leads with
// is kept though no other source tells it.
func (e *entry) leads() bool {
	for _, m := range e.members {
		if !m.explicit && m.named && m.rank < undatedSolo {
			return true
		}
	}
	return false
}

// explicit returns the members that name the entry's date.
func (e *entry) explicit() []*candidate {
	var out []*candidate
	for _, m := range e.members {
		if m.explicit {
			out = append(out, m)
		}
	}
	return out
}

// datedCandidates lists the sentences of d that name a date: for each
// sentence its finest date (a day before a week, a week before a month;
// the first of equals), at most maxPerDate a date, the first in the
// article (news puts the main fact first), carrying the words of the
// others about that date. sd is sentenceDates(d).
func datedCandidates(d *news.Doc, sd []news.Timex) []*candidate {
	return datedCandidatesOf(d, sd, nil)
}

// datedCandidatesOf is datedCandidates given the content words of d's
// sentences (nil to read them); it does not change them.
func datedCandidatesOf(d *news.Doc, sd []news.Timex, bags []bag) []*candidate {
	var out []*candidate
	byDate := map[string][]*candidate{}
	// The sentences naming two dates or more: each date's line is the
	// clause holding it.
	dates := map[int][]news.Timex{}
	for _, t := range sd {
		dates[t.Sentence] = append(dates[t.Sentence], t)
	}
	for _, t := range sd {
		st, en, _ := timex.Interval(t.Value)
		sent := d.Sentences[t.Sentence]
		val := t.Value
		if i := strings.IndexByte(val, 'T'); i >= 0 {
			val = val[:i]
		}
		planned := t.Future || t.Tense > 0 && !en.Before(day0(d.Date))
		var w bag
		if t.Sentence < len(bags) {
			w = bags[t.Sentence]
		} else {
			w = sentenceBag(d, t.Sentence)
		}
		_ = sent
		if cs := byDate[val]; len(cs) >= maxPerDate {
			cs[0].words.add(w)
			continue
		}
		c := &candidate{date: val, start: st, end: en, text: dropDateline(datedClause(d, t, dates[t.Sentence])), source: d.ID, status: d.DateStatus, words: w.copy(), planned: planned, explicit: true, weekday: bareWeekday(t)}
		byDate[val] = append(byDate[val], c)
		out = append(out, c)
	}
	return out
}

// sentenceDates returns the date expressions of d's sentences that can
// date a happening: a DATE or TIME resolved to a day, a week or a month,
// not the name of an event (the Sept. 11 attacks), not in a comment or
// analysis section; of one sentence's expressions, one whose period
// holds another's ("earlier this month" beside "on Nov. 8") is left out,
// and so is a second of the same value.
func sentenceDates(d *news.Doc) []news.Timex {
	var out []news.Timex
	type period struct{ st, en time.Time }
	var ps []period
	from := 0 // the first of out in the current sentence
	for _, t := range d.Timexes {
		if t.Type != "DATE" && t.Type != "TIME" || timex.NamesEvent(d, t) {
			continue // the Sept. 11 attacks: a name, not the date of the sentence
		}
		st, en, ok := timex.Interval(t.Value)
		if !ok || en.Sub(st) > maxEventDays*24*time.Hour {
			continue
		}
		if t.Sentence < 0 || t.Sentence >= len(d.Sentences) || d.InOpinion(d.Sentences[t.Sentence].Span) {
			continue
		}
		if len(out) > 0 && out[len(out)-1].Sentence != t.Sentence {
			from = len(out)
		}
		p := period{st, en}
		holds := func(a, b period) bool { return !a.st.After(b.st) && !a.en.Before(b.en) }
		skip := false
		for k := from; k < len(out); k++ {
			if holds(p, ps[k]) {
				skip = true // coarser than (or the same as) one already kept
				break
			}
			if holds(ps[k], p) {
				out[k], ps[k] = t, p // finer than one kept: it takes its place
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		out = append(out, t)
		ps = append(ps, p)
	}
	return out
}

// An undated sentence (one that names no date) tells a happening of the
// last day its paragraph named before it, else of its article's date. A
// dated entry of that day or the undatedBefore days before it tells the
// same happening when one of its dated sentences shares absorbUndated of
// the words (compared sentence by sentence: a story's names are in every
// sentence); the sentence then adds nothing. The others are grouped
// across sources into events (see events.go): a sentence joins a group
// when it is at least mergeEvent alike, by rarity-weighed words, to a
// member of another source. A group is kept when minUndatedSources
// sources tell it, when one holds the first undatedSolo undated
// sentences of its article and names a person (the happening it leads
// with, which the other sources may tell in other words), or when it
// brings an actor no other source names (newActors). Every sentence of an
// article counts that has undatedWords words or more, is whole (a
// capital first, a full stop last), tells a happening (in the past or the
// future tense), is not a comment and not in a direct quote; one shorter,
// or opening by pointing back ("She won by a 134-to-63 vote"), only joins
// a group that others started (weak), when it has weakWords words.
//
// Measured on the briefs set (eval briefs, 16 stories): sentences beyond
// the first twelve of an article, the tense read across the sentence,
// grouping by rarity, weak members, new actors and folding retellings
// (foldRetellings) together take the gold events told from 60.7% to
// 71.7%, citation recall from 54.5% to 55.1%.
const (
	absorbUndated     = 0.5
	undatedBefore     = 2
	minUndatedSources = 2
	undatedSolo       = 1
	undatedWords      = 8
	mergeEvent        = 0.15
	weakWords         = 4
	// linkMembers bounds the members of a group a sentence is compared
	// with (its first ones), so that a pile of many sources on one day
	// is not read in square time.
	linkMembers = 8
)

// undatedCandidates lists the sentences of d that name no date, each
// dated by the last day a sentence before it in its paragraph named as
// past or present (it goes on telling that day's happening), else by d's
// date.
// sd is sentenceDates(d).
func undatedCandidates(d *news.Doc, sd []news.Timex) []*candidate {
	return undatedCandidatesOf(d, sd, nil)
}

// undatedCandidatesOf is undatedCandidates given the content words of
// d's sentences (nil to read them).
func undatedCandidatesOf(d *news.Doc, sd []news.Timex, bags []bag) []*candidate {
	return undatedCandidatesIn(d, sd, bags, nil)
}

// undatedCandidatesIn is undatedCandidatesOf reading the tidied text of
// d's sentences from words (nil to read it afresh).
func undatedCandidatesIn(d *news.Doc, sd []news.Timex, bags []bag, words *wordCache) []*candidate {
	if d.Date.IsZero() {
		return nil
	}
	dated := map[int]bool{}
	for _, t := range d.Timexes {
		if t.Type == "DATE" || t.Type == "TIME" {
			dated[t.Sentence] = true
		}
	}
	for _, t := range sd {
		dated[t.Sentence] = true
	}
	// The day of the story so far: the last day a sentence named, as
	// past or present, or the article's date.
	days := map[int]time.Time{}
	for _, t := range sd {
		if st, en, ok := timex.Interval(t.Value); ok && day0(st).Equal(day0(en)) && !t.Future && t.Tense <= 0 && !st.After(d.Date) {
			days[t.Sentence] = day0(st)
		}
	}
	named := map[int]bool{}
	actors := map[int][]string{}
	for _, m := range d.Mentions {
		if m.Type == news.Person {
			named[m.Sentence] = true
		}
		if m.Type == news.Person || m.Type == news.Organisation {
			if f := lastField(m.Text); f != "" {
				actors[m.Sentence] = appendOnce(actors[m.Sentence], strings.ToLower(f))
			}
		}
	}
	day := day0(d.Date)
	dayNamed := false // day was named in the paragraph, not the article's own
	carried := false  // day was named in a paragraph before, whose words go on
	var out []*candidate
	for i := range d.Sentences {
		if i > 0 && d.Sentences[i].Paragraph != d.Sentences[i-1].Paragraph {
			if dayNamed && goesOnSaying(d, i, day) {
				carried = true // what was said that day, told on
			} else {
				day, dayNamed, carried = day0(d.Date), false, false // a new paragraph: back to the article's day
			}
		}
		if t, ok := days[i]; ok {
			day, dayNamed, carried = t, true, false
		}
		if dated[i] {
			continue
		}
		text := dropDateline(words.tidied(d, i))
		if !textvec.HasFields(text, weakWords) {
			continue // too short to tell a happening whole: weak, or rejected (see undatedReject)
		}
		tense, why, weak := undatedReject(d, i, text)
		if why != "" {
			continue
		}
		planned := tense > 0
		if planned && (!dayNamed || carried) {
			continue // a plan that names no day: the article's own day is not its day
		}
		w := bag(nil)
		if i < len(bags) {
			w = bags[i]
		} else {
			w = sentenceBag(d, i)
		}
		out = append(out, &candidate{date: day.Format("2006-01-02"), start: day, end: day, text: text, source: d.ID, status: d.DateStatus, words: w, planned: planned, rank: len(out), named: named[i], actors: actors[i], weak: weak})
	}
	return out
}

// undatedReject returns the tense of sentence i of d (its text tidied,
// without a dateline) and why it cannot tell a happening, or "" when it
// can; weak marks one that can tell a happening only beside a sentence
// of another source that tells it whole: one too short or pointing back
// ("She won by a 134-to-63 vote").
func undatedReject(d *news.Doc, i int, text string) (tense int, why string, weak bool) {
	sent := d.Sentences[i]
	switch {
	case d.InOpinion(sent.Span):
		return 0, "opinion", false
	case !strings.HasSuffix(text, "."):
		return 0, "no full stop", false
	case inDirectQuote(d, sent.Span):
		return 0, "quote", false
	}
	if r, _ := utf8.DecodeRuneInString(text); !unicode.IsUpper(r) {
		return 0, "lower case", false // a quote, or a fragment of a sentence
	}
	tense = sentenceTense(d, i)
	if tense == 0 {
		return 0, "no tense", false // no happening: a description, a comment
	}
	return tense, "", !textvec.HasFields(text, undatedWords) || anaphoric(text)
}

// sentenceTense returns the tense of sentence i of d: that of its first
// clause whose tense timex.Tense can tell, read every tenseStep tokens.
func sentenceTense(d *news.Doc, i int) int {
	sent := d.Sentences[i]
	for k := sent.FirstToken; k >= 0 && k < sent.EndToken && k < len(d.Tokens); k += tenseStep {
		at := d.Tokens[k].Start
		if t := timex.Tense(d, news.Span{Start: at, End: at}); t != 0 {
			return t
		}
	}
	return 0
}

// tenseStep is how many tokens apart sentenceTense reads a sentence's
// tense.
const tenseStep = 8

// inDirectQuote reports whether half of sp or more is words quoted
// directly.
func inDirectQuote(d *news.Doc, sp news.Span) bool {
	n := 0
	for _, q := range d.Quotes {
		if q.Direct && q.Content.Overlaps(sp) {
			n += min(q.Content.End, sp.End) - max(q.Content.Start, sp.Start)
		}
	}
	return 2*n >= sp.Len()
}

// addUndated adds the undated sentences to the entries (see
// undatedCandidates).
func addUndated(entries []*entry, undated []*candidate, norms *candNorms) []*entry {
	// Each entry's explicit members, listed once: the undated sentences
	// added below name no date, so the lists do not change.
	explicit := make([][]*candidate, len(entries))
	// The entries by the day their anchor (first explicit member, else
	// first member) starts on, which no undated sentence changes, so
	// that a sentence reads only the entries of its days.
	near := newAnchorDays()
	for k, e := range entries {
		explicit[k] = e.explicit()
		m := e.members[0]
		if len(explicit[k]) > 0 {
			m = explicit[k][0]
		}
		near.add(k, m)
	}
	// Whole sentences first: a weak one only joins what they tell.
	undated = slices.Clone(undated)
	slices.SortStableFunc(undated, func(a, b *candidate) int {
		switch {
		case a.weak == b.weak:
			return 0
		case b.weak:
			return -1
		}
		return 1
	})
	for _, c := range undated {
		var best *entry
		// Each entry's likeness, as a multiple of the least that joins
		// it: best is the entry of the greatest, of 1 or more.
		bestSim := 1.0
		bestEx := false // whether best has explicit members
		for _, k := range near.within(c.start.Add(-undatedBefore*24*time.Hour), c.end, len(entries)) {
			e := entries[k]
			var ex []*candidate
			if k < len(explicit) {
				ex = explicit[k]
			} else {
				ex = e.explicit()
			}
			m := e.members[0]
			if len(ex) > 0 {
				m = ex[0]
			}
			if m.start.After(c.end) || c.start.Sub(m.end) > undatedBefore*24*time.Hour {
				continue
			}
			// Against each dated sentence of the entry, not the words
			// they pile up: a story's names are in every sentence.
			if len(ex) > 0 {
				for _, o := range ex {
					if sim := norms.sim(o, c) / absorbUndated; sim >= bestSim {
						best, bestSim, bestEx = e, sim, true
					}
				}
				continue
			}
			for _, o := range e.members[:min(len(e.members), linkMembers)] {
				if o.source == c.source {
					continue
				}
				if sim := norms.raritySim(o, c) / mergeEvent; sim >= bestSim {
					best, bestSim, bestEx = e, sim, false
				}
			}
		}
		if best == nil && c.weak {
			continue // it tells nothing whole of its own
		}
		if best == nil {
			near.add(len(entries), c)
			entries = append(entries, &entry{members: []*candidate{c}, words: c.words.copy()})
			continue
		}
		if bestEx {
			continue // told already, by sentences that name its date
		}
		best.members = append(best.members, c)
		best.words.add(c.words)
	}
	return entries
}

// candNorms keeps what addUndated reads of each candidate it compares,
// each with many: its words numbered and sorted by number, plain and
// weighed by rarity, and their norms (the sums of the squared weights),
// so that two candidates are compared by merging two lists. A
// candidate's words do not change there.
type candNorms struct {
	r     rarity
	ids   wordIDs
	plain map[*candidate]*numbered
	rare  map[*candidate]*numbered
}

// numbered is a bag's words by number, in order, and its norm; whole
// reports whether its weights are whole (wholeNorm).
type numbered struct {
	words []wordWeight
	norm  float64
	whole bool
}

func newCandNorms(r rarity) *candNorms {
	return &candNorms{r: r, ids: wordIDs{}, plain: map[*candidate]*numbered{}, rare: map[*candidate]*numbered{}}
}

func (cn *candNorms) plainOf(c *candidate) *numbered {
	n, ok := cn.plain[c]
	if !ok {
		n = &numbered{}
		n.norm, n.whole = wholeNorm(c.words)
		if n.whole {
			n.words = cn.ids.number(c.words, nil)
		}
		cn.plain[c] = n
	}
	return n
}

func (cn *candNorms) rareOf(c *candidate) *numbered {
	n, ok := cn.rare[c]
	if !ok {
		n = &numbered{words: cn.ids.number(c.words, cn.r.weight), norm: cn.r.norm(c.words)}
		cn.rare[c] = n
	}
	return n
}

// sim is o.words.sim(c.words): wholeSimIDs when both bags' weights are
// whole, the same bits.
func (cn *candNorms) sim(o, c *candidate) float64 {
	a, b := cn.plainOf(o), cn.plainOf(c)
	if !a.whole || !b.whole {
		return o.words.sim(c.words)
	}
	return wholeSimIDs(a.words, a.norm, b.words, b.norm)
}

// raritySim is cn.r.sim(o.words, c.words): the same squares of weights
// rounded by exactWeight, summed in another order, so the same bits.
func (cn *candNorms) raritySim(o, c *candidate) float64 {
	if len(o.words) == 0 || len(c.words) == 0 {
		return 0
	}
	a, b := cn.rareOf(o), cn.rareOf(c)
	in := sharedMinSquares(a.words, b.words)
	if in == 0 || a.norm == 0 || b.norm == 0 {
		return 0
	}
	return in / math.Sqrt(a.norm*b.norm)
}

func hasSource(cs []*candidate, id string) bool {
	for _, c := range cs {
		if c.source == id {
			return true
		}
	}
	return false
}

// sortKey places a period on the time line: a day at itself, a week at
// its Monday, a month at its 15th.
func sortKey(st, en time.Time) time.Time {
	switch l := en.Sub(st).Hours() / 24; {
	case l < 1:
		return st
	case l <= 7:
		return st
	}
	return st.AddDate(0, 0, 14)
}

// clearestOf picks the member whose text an entry shows: the one
// closest in content to the others, preferring sources with a stated or
// dateline date and sentences of moderate length.
func clearestOf(ms []*candidate, cn *candNorms) *candidate {
	best, bestScore := ms[0], math.Inf(-1)
	for _, m := range ms {
		if m.weak {
			continue // never the text: it needs what came before it
		}
		score := 0.0
		for _, o := range ms {
			if o != m {
				score += cn.sim(m, o)
			}
		}
		if m.status == news.DateStated || m.status == news.DateDateline {
			score += 0.1
		}
		if !textvec.HasFields(m.text, 8) || textvec.HasFields(m.text, maxClauseWords+1) {
			score -= 0.1
		}
		if strings.ContainsAny(m.text[:min(1, len(m.text))], "\"“‘") {
			score -= 0.1 // a quote opens the sentence
		}
		if anaphoric(m.text) {
			score -= 0.15 // "The visit comes…", "It was…": needs what came before
		}
		if score > bestScore {
			best, bestScore = m, score
		}
	}
	return best
}

// anaphoric reports whether a sentence opens by pointing back at what
// came before it: a pronoun, or "the" and a common noun ("The visit").
func anaphoric(text string) bool {
	f0, f1, n := firstFields(text)
	if n < 2 {
		return false
	}
	switch opener, _ := ascii.Lookup(anaphoraOpeners, f0); opener {
	case 'p':
		return true
	case 't':
		r, _ := utf8.DecodeRuneInString(f1)
		return unicode.IsLower(r)
	}
	return false
}

// anaphoraOpeners are the first words anaphoric reads: 'p' a pronoun,
// 't' "the".
var anaphoraOpeners = map[string]byte{"it": 'p', "this": 'p', "that": 'p', "these": 'p', "those": 'p', "he": 'p',
	"she": 'p', "they": 'p', "his": 'p', "her": 'p', "their": 'p', "its": 'p', "the": 't'}

// clause returns the sentence of t, trimmed to the clause holding t when
// the sentence is long.
func clause(d *news.Doc, t news.Timex) string { return clauseOf(d, t, false) }

// datedClause is the text of the candidate of date t, one of the dates
// of its sentence (all): when the sentence names another date outside
// the clause holding t, that clause (cut at clauseMarksAll, whatever the
// sentence's length), so that each date's line tells what happened on
// it ("Poroshenko on Sunday conceded … and said that "next month" he
// would step down" gives the plan's line "Poroshenko said that "next
// month" he would step down"); else clause(d, t). A cut that leaves
// both dates in one clause, or opens by pointing back ("It was shipped
// a month later"), keeps the sentence whole. On the briefs set (eval
// briefs) it moved citation precision/recall from 93.61/57.60 to
// 93.59/58.35, every other figure and the seeds' brief unchanged: a
// line telling a plan no longer retells, uncited, the happening its
// sentence names first.
func datedClause(d *news.Doc, t news.Timex, all []news.Timex) string {
	if len(all) < 2 {
		return clause(d, t)
	}
	out := clauseOf(d, t, true)
	sent := d.Sentences[t.Sentence]
	if out == tidy(d.Text[sent.Start:sent.End]) || anaphoric(out) {
		return clause(d, t)
	}
	for _, o := range all {
		if o.Start != t.Start && strings.Contains(out, tidy(d.Text[o.Start:o.End])) {
			return clause(d, t) // the cut does not part the dates
		}
	}
	return out
}

// clauseOf is clause, cutting a sentence of any length, at
// clauseMarksAll too, when always is set.
func clauseOf(d *news.Doc, t news.Timex, always bool) string {
	sent := d.Sentences[t.Sentence]
	text := d.Text[sent.Start:sent.End]
	if !always && !textvec.HasFields(text, maxClauseWords+1) {
		return tidy(text)
	}
	lo, hi := 0, len(text)
	subject := ""
	at := t.Start - sent.Start
	marks := clauseMarks
	if always {
		marks = clauseMarksAll
	}
	for _, b := range marks {
		for off := 0; ; {
			i := strings.Index(text[off:], b)
			if i < 0 {
				break
			}
			i += off
			if i+1 <= at && i+1 > lo {
				if b == ", who " || b == ", which " {
					// "Hulusi Akar, who arrived": keep the name as subject.
					name := trailingName(text[:i])
					if name == "" {
						off = i + len(b)
						continue
					}
					subject = name
				} else if verb, ok := strings.CutPrefix(b, " and "); ok && verb != "" {
					// "Poroshenko conceded … and said that": the sentence's
					// subject said it.
					name := leadingName(text[:i])
					if name == "" {
						off = i + len(b)
						continue
					}
					subject = name + " " + strings.TrimSpace(verb)
				} else {
					subject = ""
				}
				lo = i + len(b)
				if b == ", who " || b == ", which " {
					lo = i + len(b)
				}
			}
			if i >= at+(t.End-t.Start) && i < hi {
				hi = i
			}
			off = i + len(b)
		}
	}
	out := strings.TrimSpace(text[lo:hi])
	if !textvec.HasFields(out, 5) {
		return tidy(text)
	}
	if subject != "" {
		out = subject + " " + out
	}
	if r, _ := utf8.DecodeRuneInString(out); unicode.IsLower(r) {
		out = upperFirst(out)
	}
	if !strings.HasSuffix(out, ".") {
		out = strings.TrimRight(out, ",;:– —") + "."
	}
	return tidy(out)
}

// clauseMarks are where clause cuts a long sentence; clauseMarksAll
// where it cuts a sentence naming two dates, whatever its length.
var (
	clauseMarks    = []string{"; ", " – ", " — ", " -- ", ", which ", ", who ", ", where ", ", while ", ", but ", ", adding ", ", saying ", ", as "}
	clauseMarksAll = append(slices.Clone(clauseMarks), ", and ", " and said ", " and says ", " and added ")
)

// leadingName returns the run of capitalised words that opens s
// ("Ukrainian President Petro Poroshenko on Sunday …"), or "" when s
// does not open with one or it is longer than a name.
func leadingName(s string) string {
	f := strings.Fields(s)
	n := 0
	for n < len(f) {
		r, _ := utf8.DecodeRuneInString(f[n])
		if !unicode.IsUpper(r) {
			break
		}
		n++
	}
	if n == 0 || n > 6 || n == len(f) {
		return ""
	}
	return strings.Join(f[:n], " ")
}

// trailingName returns the run of capitalised words that ends s
// ("… with Turkish Chief of General Staff Hulusi Akar" gives "Hulusi
// Akar"), or "".
func trailingName(s string) string {
	f := strings.Fields(s)
	i := len(f)
	for i > 0 {
		r, _ := utf8.DecodeRuneInString(f[i-1])
		if !unicode.IsUpper(r) {
			break
		}
		i--
	}
	switch n := len(f) - i; {
	case n == 0:
		return ""
	case n > 3:
		i = len(f) - 2 // titles before the name: keep the name
	}
	return strings.Join(f[i:], " ")
}

// tidy folds the whitespace of a sentence: its words (strings.Fields)
// joined by one space. A sentence whose only spaces are single ' '
// between words is returned as it is.
func tidy(s string) string {
	if tidied(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// tidied reports whether tidy(s) is s: s neither starts nor ends with a
// space, and its only spaces are single ' ' (strings.Fields reads
// unicode.IsSpace).
func tidied(s string) bool {
	space := true // at the start, as after a space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if ascii.IsSpace(c) {
				if c != ' ' || space {
					return false
				}
				space = true
			} else {
				space = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			return false
		}
		space = false
	}
	return !space || s == ""
}

// bag is a weighted set of content words.
type bag map[string]float64

func (b bag) copy() bag {
	c := make(bag, len(b))
	for k, v := range b {
		c[k] = v
	}
	return c
}

func (b bag) add(o bag) {
	for k, v := range o {
		if v > b[k] {
			b[k] = v
		}
	}
}

// sim is the weighted overlap of two bags, normalised by their sizes
// (a cosine over sets).
func (b bag) sim(o bag) float64 {
	if len(b) == 0 || len(o) == 0 {
		return 0
	}
	var in, nb, no float64
	for k, v := range b {
		nb += v * v
		if w, ok := o[k]; ok {
			in += math.Min(v, w) * math.Min(v, w)
		}
	}
	for _, w := range o {
		no += w * w
	}
	return in / math.Sqrt(nb*no)
}

// sentenceBag returns the content words of sentence i of d.
func sentenceBag(d *news.Doc, i int) bag {
	if i < 0 || i >= len(d.Sentences) {
		return bag{}
	}
	return contentBag(d.SentenceText(i))
}

// contentBag lists the content words of text: no stopwords, no dates,
// a plural's s dropped; capitalised words (names) weigh 2.
func contentBag(text string) bag {
	// English text holds about one content word in 12 bytes: sized for
	// that, a bag seldom grows.
	b := make(bag, len(text)/12)
	for f := range letterRuns(text) {
		addContentField(b, f)
	}
	return b
}

// letterRuns yields the runs of letters and hyphens of text, as
// strings.FieldsFunc splits them, read in place: the fields that
// contentField reads.
func letterRuns(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range text {
			if unicode.IsLetter(r) || r == '-' {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(text[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(text[start:])
		}
	}
}

// addContentField adds the content word of run f to b (see contentField).
func addContentField(b bag, f string) {
	var buf [32]byte
	w, v, ok := appendContentField(buf[:0], f)
	if ok && v > b[string(w)] {
		b[string(w)] = v // the one copy of the word, made when it goes in
	}
}

// contentField is the content word contentBag makes of one run of
// letters and hyphens, with its weight, and false for a run it drops.
func contentField(f string) (string, float64, bool) {
	var buf [32]byte
	w, v, ok := appendContentField(buf[:0], f)
	if !ok {
		return "", 0, false
	}
	return string(w), v, true
}

// appendContentField is contentField with the word appended to buf, so
// that a caller can look it up before (or without) copying it.
func appendContentField(buf []byte, f string) ([]byte, float64, bool) {
	f = strings.Trim(f, "-")
	if utf8.RuneCountInString(f) < 3 {
		return buf, 0, false
	}
	r, _ := utf8.DecodeRuneInString(f)
	w := ascii.AppendLower(buf, f)
	if stopwords[string(w)] {
		return buf, 0, false
	}
	if n := len(w); n > 4 && w[n-3] == 'i' && w[n-2] == 'e' && w[n-1] == 's' {
		w = append(w[:n-3], 'y')
	} else if n > 3 && w[n-1] == 's' && w[n-2] != 's' {
		w = w[:n-1]
	}
	v := 1.0
	if unicode.IsUpper(r) {
		v = 2
	}
	return w, v, true
}

// stopwords are the words contentBag drops: lexicon's stopwords, months
// and number words, the weekdays' full names (not their abbreviations,
// which are words too: "sat", "sun", "wed"), and timelineStopwords.
var stopwords = func() map[string]bool {
	m := lexicon.Set(lexicon.Stopword|lexicon.Month|lexicon.NumberWord, 0, timelineStopwords...)
	for _, w := range lexicon.Words(lexicon.Weekday, lexicon.Abbrev) {
		m[w] = true
	}
	return m
}()

// timelineStopwords are the words only the timeline drops: words of time
// and order, which a line's date already says ("today", "weeks", "next",
// "second"); reporting verbs beyond lexicon's; and prepositions and
// connectives lexicon's function words lack.
var timelineStopwords = strings.Fields(`week weeks month months year years day days today yesterday
	tomorrow tonight morning afternoon evening night earlier later ago recent recently mid
	first second third last next new
	told added according
	part side sides well however meanwhile among within without toward towards amid amidst whose`)

// datelineRe matches a dateline the analysis left in a sentence's text:
// a place in capitals, optionally a region after a comma, and a colon
// or a dash ("RAFAH, Egypt/MITZPE HILA, Israel: …", "SIRTE, Libya — …"),
// or a one-word region and then a capital ("SIRTE, Libya Deposed …").
var datelineRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Lu}[\p{Lu}'.-]+(?: [\p{Lu}'.-]+)*(?:(?:, [\p{L}'./, -]{2,60}?)?\s*(?::|—|–|--)\s+|, \p{Lu}\p{Ll}+\s+)(\p{Lu})`)
})

// dropDateline removes a dateline from the start of a timeline line: it
// names where the article was filed, not what happened.
func dropDateline(text string) string {
	m := datelineRe().FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	head := text[:m[2]]
	if textvec.HasFields(head, 9) || strings.Count(head, ",") > 3 {
		return text
	}
	return text[m[2]:]
}

// anchorDays lists entries by the day their anchor starts on (days
// counted from the Unix epoch), for addUndated.
type anchorDays struct {
	byDay map[int64][]int
	// span is the longest anchor; wide is set when one is too long (or
	// ends before it starts) for days to be read one by one.
	span time.Duration
	wide bool
}

// anchorDaysMax is the longest span of days within reads one by one.
const anchorDaysMax = 400 * 24 * time.Hour

func newAnchorDays() *anchorDays { return &anchorDays{byDay: map[int64][]int{}} }

func unixDay(t time.Time) int64 {
	s := t.Unix()
	d := s / daySec
	if s%daySec < 0 {
		d--
	}
	return d
}

// add lists entry k by its anchor m.
func (a *anchorDays) add(k int, m *candidate) {
	d := unixDay(m.start)
	a.byDay[d] = append(a.byDay[d], k)
	if l := m.end.Sub(m.start); l < 0 || l > anchorDaysMax {
		a.wide = true
	} else if l > a.span {
		a.span = l
	}
}

// within lists in order the entries (of the first n) whose anchor may
// start on or before to and end on or after from: every one whose anchor
// starts from from less the longest anchor to to. When anchors are too
// long for that, it lists all n.
func (a *anchorDays) within(from, to time.Time, n int) []int {
	lo, hi := unixDay(from.Add(-a.span)), unixDay(to)
	if a.wide || from.After(to) || hi-lo > int64(2*anchorDaysMax/(24*time.Hour)) {
		out := make([]int, n)
		for k := range out {
			out[k] = k
		}
		return out
	}
	var out []int
	for d := lo; d <= hi; d++ {
		out = append(out, a.byDay[d]...)
	}
	slices.Sort(out)
	return out
}
