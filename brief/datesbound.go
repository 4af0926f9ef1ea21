package brief

import (
	"cmp"
	"slices"
	"time"

	"github.com/storyline-news/storyline/news"
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
	// weekday, when not 0, is the day of the week (1 Monday to 7
	// Sunday) of every day a reachWindow reads as.
	weekday int
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
	return relReach(dd.xs[dd.formOf[f]].Relative, 0)
}

// relReach is reachOf for a Relative r, depth levels into the bases of
// a "ref".
func relReach(r *news.Relative, depth int) reach {
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
		var w reach
		switch {
		case r.Strict < 0:
			w = win(-7, -1, 0)
		case r.Strict > 0:
			w = win(1, 7, 0)
		case r.Tense > 0:
			w = win(0, 6, 0)
		default:
			w = win(-6, 0, 0)
		}
		if r.Weekday >= 1 && r.Weekday <= 7 {
			w.weekday = r.Weekday
		}
		return w
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
	case "election", "thanksgiving":
		return reach{kind: reachMonth, month: 11} // a day of November
	case "ref":
		return refReach(r, depth)
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
		// The anchor moved N units, read at the granularity Gran.
		switch r.Gran {
		case "quarter", "year", "decade", "century":
			return reach{kind: reachNever}
		}
		var lo, hi int // the days the anchor moves, at least and at most
		n := r.N
		switch r.Unit {
		case "day":
			lo, hi = n, n
		case "week":
			lo, hi = 7*n, 7*n
		case "minute", "hour", "second":
			per := map[string]int{"minute": 24 * 60, "hour": 24, "second": daySec}[r.Unit]
			lo, hi = -abs(n)/per-1, abs(n)/per+1
		case "month", "quarter", "year", "decade", "century":
			months := map[string]int{"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[r.Unit]
			if abs(n) > most/(31*months) {
				return reach{}
			}
			lo, hi = -31*months*abs(n)-3, 31*months*abs(n)+3
		default:
			return reach{}
		}
		switch r.Gran {
		case "", "day":
			return win(lo, hi, 0)
		case "week":
			return win(lo-6, hi+6, 6)
		case "month":
			return win(lo-31, hi+31, 27)
		}
	}
	return reach{}
}

// refReach is relReach for a "ref": a day, weekday or week counted from
// what its base reads as, when that is a day within a window of the
// anchor (timex's fromRef).
func refReach(r *news.Relative, depth int) reach {
	if r.Base == nil || depth > 3 || r.Gran != "" || r.Month != 0 {
		return reach{}
	}
	b := relReach(r.Base, depth+1)
	if b.kind != reachWindow || b.span != 0 {
		return reach{}
	}
	shifted := func(lo, hi, span int) reach {
		return reach{kind: reachWindow, lo: b.lo + int64(lo)*daySec, hi: b.hi + int64(hi)*daySec, span: span}
	}
	switch r.Unit {
	case "day":
		switch {
		case r.Day > 0:
			return shifted(-31, 31, 0) // that day of the base's month
		case r.Weekday > 0:
			return shifted(-7, 7, 0) // that weekday near the base
		}
		return shifted(r.N, r.N, 0)
	case "week":
		switch {
		case r.Day > 0:
			return shifted(-31, 31, 0)
		case r.Weekday > 0:
			return shifted(-7, 7, 0)
		}
		return shifted(7*r.N-6, 7*r.N+6, 6) // the week N weeks on
	}
	return reach{}
}

// monthDaysCommon is the length of each month in a common year.
var monthDaysCommon = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// civilSpan is the first and last days of a happening as year, month
// and day.
type civilSpan struct{ sy, sm, sd, ey, em, ed int }

func civilOf(es, ee int64) civilSpan {
	sy, sm, sd := time.Unix(es, 0).UTC().Date()
	ey, em, ed := time.Unix(ee, 0).UTC().Date()
	return civilSpan{sy, int(sm), sd, ey, int(em), ed}
}

// meets reports whether what r reads as can overlap the days es..ee
// (Unix seconds; c as civil days) against some anchor: always for
// reachAny and reachWindow (dayBounds places a window).
func (r *reach) meets(es, ee int64, c civilSpan) bool {
	switch r.kind {
	case reachFixed:
		return r.e >= es && r.s <= ee
	case reachNever:
		return false
	case reachMonthDay, reachMonth:
		// Months and days in the year's order, as month*32+day.
		from, to := c.sm*32+c.sd, c.em*32+c.ed
		lo, hi := r.month*32+r.day, r.month*32+r.day
		if r.kind == reachMonth {
			lo, hi = r.month*32+1, r.month*32+31
		}
		switch c.ey - c.sy {
		case 0:
			return lo <= to && hi >= from
		case 1:
			return hi >= from || lo <= to
		}
		return true // a year or more holds every month
	}
	return true
}

// boundSlack covers the rounding of two sums of the same values in
// another order.
const boundSlack = 1e-9

// dayBounds gives each of days (in order) a bound on its score (see
// above): at least the score, but for rounding (boundSlack).
func (sc *scorer) dayBounds(days []time.Time) []float64 {
	dd := sc.dd
	// Each expression's reach (each form's, read once).
	byForm := dd.reaches
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
		civil := civilOf(es, ee)
		c := 0.0
		for k := range dd.xs {
			r := &byForm[dd.forms[k]]
			if r.kind == reachWindow || !r.meets(es, ee, civil) {
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
			// The days of the event it can read as: all, or those of
			// its weekday.
			fs, fe := es, ee
			if r.weekday != 0 {
				fs, fe = weekdayWithin(es, ee, r.weekday)
				if fs > fe {
					continue
				}
			}
			if v := sc.upper(k, i, e.weight*r.most()); v > c {
				// Read against d it gives a day of [d+lo, d+hi], which
				// meets [fs, fe] when fs-hi <= d <= fe-lo.
				wins = append(wins, window{fs - r.hi, fe - r.lo, i, v})
			}
		}
	}
	// Sweep the days in order with the windows by their start: a
	// day's bound is base plus, for each happening, what the best window
	// open on it adds to its c.
	slices.SortFunc(wins, func(a, b window) int { return cmp.Compare(a.from, b.from) })
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

// weekdayWithin returns the first and last days (Unix seconds) of the
// days es..ee that fall on weekday wd (1 Monday to 7 Sunday); the first
// after the last when none does.
func weekdayWithin(es, ee int64, wd int) (int64, int64) {
	iso := func(d int64) int { // 1 January 1970 was a Thursday (4)
		return int(((d/daySec)%7+7+3)%7) + 1
	}
	fs := es + int64((wd-iso(es)+7)%7)*daySec
	fe := ee - int64((iso(ee)-wd+7)%7)*daySec
	return fs, fe
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
