package brief

import (
	"slices"
	"time"

	"github.com/storyline-news/storyline/timex"
)

// A bound on the score of each candidate day, so that the scorer skips
// the days that cannot change its answer.
//
// A day's score is what the story's
// happenings its expressions match are worth, less penalties, so it is
// at most, summed over the happenings, the most any of the doc's
// expressions could be worth for it (its words' similarity times the
// happening's weight, halved for a time of day that names no day): the
// granularity of a match is at most 1 and every penalty costs. Which
// happenings an expression can match on a day depends on what it
// resolves to against that day, and what timex.ResolveInterval gives
// for most expressions is known without resolving them (see reachOf):
// a period that is the same against every day, one within some days of
// the day, the day of a month and day written without a year, a month
// without a year, or a period longer than a month, which matches
// nothing. Any other expression is taken to match any happening on any
// day. The bounds are used twice, each time for the answer the scan of
// every day gives (TestFarBound checks both, TestReachOf the readings):
//
//   - betterDate overrules a date a only for a day more than farDays from
//     it that scores clearMargin more than a: when no such day can, it
//     returns at once (farBelow);
//   - best takes a day only when it scores more than the best so far (by
//     1e-9): a day whose bound does not is not scored.

// reach is what an expression can resolve to, against any anchor, as a
// period of at most maxEventDays (the only ones that match).
type reach struct {
	kind reachKind
	// s, e: the period of reachFixed (Unix seconds); lo, hi: the days of
	// reachWindow, as seconds from the anchor; month, day: of
	// reachMonthDay and reachMonth.
	s, e       int64
	lo, hi     int64
	month, day int
	// span is the fewest days any period it reads as runs past its first
	// (a week's 6), which bounds the granularity of its matches.
	span int
}

// most is the largest granularity a match of r can have with any
// happening: granularitySec of a period of r.span days or more.
func (r *reach) most() float64 {
	switch {
	case r.span > 7:
		return 0.2
	case r.span >= 1:
		return 0.5
	}
	return 1
}

type reachKind int

const (
	reachAny      reachKind = iota // any period
	reachFixed                     // the period s..e whatever the anchor
	reachWindow                    // a period within lo..hi of the anchor
	reachMonthDay                  // the day month/day of some year
	reachMonth                     // the month of some year
	reachNever                     // no period short enough to match
)

// reachOf reads what timex.ResolveInterval gives for x (form f of dd)
// against any anchor, from its Relative (timex's resolve.go and
// span.go), as a reach.
func reachOf(dd *docDates, f int) reach {
	if dd.fixed[f] {
		p := dd.fixedAs[f]
		return reach{kind: reachFixed, s: p.s, e: p.e}
	}
	r := dd.xs[dd.formOf[f]].Relative
	win := func(lo, hi, span int) reach {
		return reach{kind: reachWindow, lo: int64(lo) * daySec, hi: int64(hi) * daySec, span: span}
	}
	const most = 1 << 20 // days: farther shifts are left to any
	if r.N > most || r.N < -most {
		return reach{}
	}
	validMonth := r.Month >= 1 && r.Month <= 12
	switch r.Kind {
	case "date":
		st, en, _ := timex.Interval(r.Value)
		return reach{kind: reachFixed, s: st.Unix(), e: en.Unix()}
	case "day":
		return win(r.N, r.N, 0) // the anchor plus N days
	case "weekday":
		// Such a weekday at most a week away: strictly before, strictly
		// after, on or after in a future clause, else on or before.
		switch {
		case r.Strict < 0:
			return win(-7, -1, 0)
		case r.Strict > 0:
			return win(1, 7, 0)
		case r.Tense > 0:
			return win(0, 6, 0)
		}
		return win(-6, 0, 0)
	case "month_day":
		// The day month/day of a year near the anchor, or of the year
		// of a famous day: a month and day every year has (29 February
		// may move to 1 March).
		if validMonth && r.Day >= 1 && r.Day <= monthDaysCommon[r.Month] {
			return reach{kind: reachMonthDay, month: r.Month, day: r.Day}
		}
	case "month":
		if validMonth {
			return reach{kind: reachMonth, month: r.Month, span: 27}
		}
	case "year", "season", "quarter":
		return reach{kind: reachNever} // a year, half, quarter or season
	case "unit":
		switch r.Unit {
		case "day":
			return win(r.N, r.N, 0)
		case "week":
			// The week of the anchor plus N weeks.
			return win(7*r.N-6, 7*r.N+6, 6)
		case "weekend":
			// The weekend of the week of the anchor or one a week off.
			return win(-13, 13, 1)
		case "month":
			// The month of the anchor plus N months.
			return win(-31*abs(r.N)-31, 31*abs(r.N)+31, 27)
		case "quarter", "year", "decade", "century":
			return reach{kind: reachNever}
		}
	case "shift":
		step := 0
		switch r.Unit {
		case "day":
			step = 1
		case "week":
			step = 7
		default:
			return reach{}
		}
		switch r.Gran {
		case "", "day":
			return win(step*r.N, step*r.N, 0)
		case "week":
			return win(step*r.N-6, step*r.N+6, 6)
		case "quarter", "year", "decade", "century":
			return reach{kind: reachNever}
		}
	}
	return reach{}
}

// monthDaysCommon is the length of each month in a common year.
var monthDaysCommon = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// meets reports whether what r reads as can overlap the days es..ee
// (Unix seconds, at most maxEventDays apart) against some anchor:
// always for reachAny and reachWindow (farDaysBelow places a window).
func (r *reach) meets(es, ee int64) bool {
	switch r.kind {
	case reachFixed:
		return r.e >= es && r.s <= ee
	case reachNever:
		return false
	case reachMonthDay, reachMonth:
		st, en := time.Unix(es, 0).UTC(), time.Unix(ee, 0).UTC()
		for y := st.Year(); y <= en.Year(); y++ {
			var s, e time.Time
			if r.kind == reachMonth {
				s = time.Date(y, time.Month(r.month), 1, 0, 0, 0, 0, time.UTC)
				e = s.AddDate(0, 1, -1)
			} else {
				s = time.Date(y, time.Month(r.month), r.day, 0, 0, 0, 0, time.UTC)
				e = s
			}
			if e.Unix() >= es && s.Unix() <= ee {
				return true
			}
		}
		return false
	}
	return true
}

// boundSlack covers the rounding of two sums of the same values in
// another order.
const boundSlack = 1e-9

// weekdayReach is the most days a weekday's reading lies from its anchor
// (timex's weekdayNear).
const weekdayReach = 7

// dayBounds gives each of days (in order) a bound on its score (see
// above): at least the score, but for rounding (boundSlack).
func (sc *scorer) dayBounds(days []time.Time) []float64 {
	dd := sc.dd
	// Each expression's reach (each form's, read once).
	byForm := make([]reach, len(dd.formOf))
	for f := range dd.formOf {
		byForm[f] = reachOf(dd, f)
	}
	// Per happening: c, the most a reading that does not move with the
	// day can be worth (base sums them); then the windows of days where a
	// reading that moves with the day may be worth more.
	type window struct {
		from, to int64 // the anchors (Unix seconds) at which it may match
		i        int   // the happening, by its position in sc.story
		v        float64
	}
	var wins []window
	base := 0.0
	cs := make([]float64, len(sc.story))
	for i := range sc.story {
		if !sc.counting[i] {
			continue
		}
		e := &sc.all.evs[sc.story[i]]
		es, ee := sc.starts[i], sc.ends[i]
		c := 0.0
		for k := range dd.xs {
			r := &byForm[dd.forms[k]]
			if r.kind == reachWindow || !r.meets(es, ee) {
				continue
			}
			g := r.most()
			if r.kind == reachFixed {
				g = granularitySec(r.s, r.e, es, ee) // as matches weighs it
			}
			if v := sc.upper(k, i, e.weight*g); v > c {
				c = v
			}
		}
		cs[i] = c
		base += c
		for k := range dd.xs {
			r := &byForm[dd.forms[k]]
			if r.kind != reachWindow {
				continue
			}
			if v := sc.upper(k, i, e.weight*r.most()); v > c {
				// The event [es, ee] overlaps [d+lo, d+hi] when
				// es-hi <= d <= ee-lo.
				wins = append(wins, window{es - r.hi, ee - r.lo, i, v})
			}
		}
	}
	// Sweep the days in order with the windows by their start: a
	// day's bound is base plus, for each happening, what the best window
	// open on it adds to its c.
	slices.SortFunc(wins, func(a, b window) int {
		switch {
		case a.from < b.from:
			return -1
		case a.from > b.from:
			return 1
		}
		return 0
	})
	var open []window // the windows begun, not yet known to be over
	best := make([]float64, len(sc.story))
	var touched []int
	next := 0
	bounds := make([]float64, len(days))
	for j, t := range days {
		d := t.Unix()
		for next < len(wins) && wins[next].from <= d {
			open = append(open, wins[next])
			next++
		}
		kept := open[:0]
		for _, w := range open {
			if w.to < d {
				continue
			}
			kept = append(kept, w)
			if extra := w.v - cs[w.i]; extra > best[w.i] {
				if best[w.i] == 0 {
					touched = append(touched, w.i)
				}
				best[w.i] = extra
			}
		}
		open = kept
		ub := base
		for _, i := range touched {
			ub += best[i]
			best[i] = 0
		}
		touched = touched[:0]
		bounds[j] = ub
	}
	return bounds
}

// farBelow reports whether the bounds show that every day of days more
// than farDays from a0 (Unix seconds) scores less than limit.
func farBelow(days []time.Time, bounds []float64, a0 int64, limit float64) bool {
	for j, t := range days {
		if d := t.Unix(); (d-a0 > farDays*daySec || a0-d > farDays*daySec) && bounds[j] >= limit-boundSlack {
			return false
		}
	}
	return true
}

// upper is the most the doc's expression k can be worth for the story's
// event i (its position in sc.story) on any day, its weight times
// granularity wg at most: what matches computes for it.
func (sc *scorer) upper(k, i int, wg float64) float64 {
	v := sc.sim(k, i) * wg
	if clockOnly(sc.dd.xs[k]) {
		v *= clockWeight
	}
	return v
}
