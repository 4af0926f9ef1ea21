package timex

import (
	"strconv"
	"time"

	"github.com/storyline-news/storyline/news"
)

// Resolve reads the expression x against anchor: its TimeML value and
// whether it points after the anchor. It reads x.Relative, the
// anchor-free value the analysis chain stored, and never the text, so it
// costs microseconds. An expression without a Relative does not depend on
// the anchor: Resolve returns its Value and Future. The zero anchor gives
// the value as written, with X placeholders (XXXX-10-23, XXXX-WXX-1) or ""
// for what only an anchor can place.
func Resolve(x news.Timex, anchor time.Time) (value string, future bool) {
	if x.Relative == nil {
		return x.Value, x.Future
	}
	has := !anchor.IsZero()
	v, fut, _ := resolveRel(x.Relative, day(anchor), has)
	return v, fut
}

// ResolveAll returns a copy of xs with every value and future flag read
// against anchor (see Resolve); xs is not changed.
func ResolveAll(xs []news.Timex, anchor time.Time) []news.Timex {
	if xs == nil {
		return nil
	}
	out := make([]news.Timex, len(xs))
	copy(out, xs)
	for i := range out {
		if out[i].Relative != nil {
			out[i].Value, out[i].Future = Resolve(out[i], anchor)
		}
	}
	return out
}

var unitNames = map[unit]string{
	uSecond: "second", uMinute: "minute", uHour: "hour", uDay: "day", uWeek: "week", uWeekend: "weekend",
	uMonth: "month", uQuarter: "quarter", uYear: "year", uDecade: "decade", uCentury: "century",
}

func unitName(u unit) string { return unitNames[u] }

// unitsByName is unitNames the other way round.
var unitsByName = func() map[string]unit {
	m := make(map[string]unit, len(unitNames))
	for u, n := range unitNames {
		m[n] = u
	}
	return m
}()

func unitNamed(n string) unit {
	if u, ok := unitsByName[n]; ok {
		return u
	}
	return noUnit
}

// dateRel is the Relative of an absolute value whose future flag depends
// on the anchor.
func dateRel(v string) *news.Relative { return &news.Relative{Kind: "date", Value: v} }

// resolveRel reads r against anchor (a day; has reports that it is
// known): the value, whether it lies after the anchor, and whether it
// names an event rather than a date (the Sept. 11 attacks).
func resolveRel(r *news.Relative, anchor time.Time, has bool) (string, bool, bool) {
	withTime := func(v string) string {
		if r.Time != "" {
			return v + "T" + r.Time
		}
		return v
	}
	switch r.Kind {
	case "date":
		st, _, ok := Interval(r.Value)
		return r.Value, ok && has && st.After(anchor), false
	case "day", "weekday", "month_day":
		if !has {
			switch {
			case r.Kind == "month_day":
				return withTime("XXXX-" + two(r.Month) + "-" + two(r.Day)), false, false
			case r.Mode == "clock":
				return "XXXX-XX-XXT" + r.Time, false, false
			case r.Kind == "weekday":
				return withTime("XXXX-WXX-" + strconv.Itoa(r.Weekday)), false, false
			}
			return "", r.N > 0 && r.Mode == "", false
		}
		t, fut, event, ok := dayReading(r, anchor)
		switch {
		case event && ok:
			return dayValue(t), false, true
		case event:
			return "XXXX-" + two(r.Month) + "-" + two(r.Day), false, true
		}
		return withTime(dayValue(t)), fut, false
	case "month":
		if !has {
			return "XXXX-" + two(r.Month), false, false
		}
		y := anchor.Year()
		am := int(anchor.Month())
		switch {
		case r.Mode == "year":
			y += r.N
		case r.Strict < 0:
			if r.Month >= am {
				y--
			}
		case r.Strict > 0:
			if r.Month <= am {
				y++
			}
		default:
			y = nearestMonthYearTo(anchor, r.Month, r.Tense)
		}
		return monthValue(y, r.Month), date(y, r.Month, 1).After(anchor), false
	case "unit":
		if !has {
			if r.Mode == "q" {
				return "XXXX-QX", false, false
			}
			return "", false, false
		}
		u := unitNamed(r.Unit)
		switch u {
		case uWeekend:
			aw := int(anchor.Weekday()+6)%7 + 1
			t := anchor
			switch {
			case r.N < 0:
				t = addDays(t, -7)
			case r.N > 0:
				if aw >= 6 {
					t = addDays(t, 7)
				}
			default:
				if aw < 6 && r.Tense < 0 {
					t = addDays(t, -7)
				}
			}
			fut := t.After(anchor) || aw < 6 && !t.Before(addDays(anchor, -aw+1)) || r.N > 0
			return weekValue(t) + "-WE", fut, false
		case uDay:
			return dayValue(addDays(anchor, r.N)), r.N > 0, false
		}
		v := valueAt(shift(anchor, u, r.N), u)
		if r.Suffix != "" && len(v) == 4 {
			v += r.Suffix
		}
		return v, r.N > 0, false
	case "shift":
		if !has {
			return "", r.Mode == "from_now", false
		}
		t := shift(anchor, unitNamed(r.Unit), r.N)
		return valueAt(t, unitNamed(r.Gran)), t.After(anchor) || r.Mode == "from_now", false
	case "year":
		if !has {
			if r.Suffix != "" || r.Mode == "end" {
				return "XXXX" + r.Suffix, false, false
			}
			return "", false, false
		}
		v := itoa4(anchor.Year()+r.N) + r.Suffix
		st, _, ok := Interval(v)
		return v, r.Mode == "mark" && ok && st.After(anchor), false
	case "season":
		if !has {
			return "XXXX-" + r.Season, false, false
		}
		return seasonAt(anchor, r.Season, r.Strict, r.Tense)
	case "quarter":
		if !has {
			return "XXXX-Q" + strconv.Itoa(r.Month), false, false
		}
		y := anchor.Year()
		aq := quarterOf(int(anchor.Month()))
		q := r.Month
		if q > aq && (r.Tense < 0 || r.Tense == 0 && q > aq+1) {
			y--
		}
		v := itoa4(y) + "-Q" + strconv.Itoa(q)
		st, _, _ := Interval(v)
		return v, st.After(anchor), false
	case "election", "thanksgiving":
		if !has {
			return "XXXX-11", false, false
		}
		var t time.Time
		if r.Kind == "election" {
			t = election(anchor.Year())
			switch {
			case r.Tense < 0 && t.After(anchor):
				t = election(anchor.Year() - 1)
			case r.Tense > 0 && t.Before(anchor):
				t = election(anchor.Year() + 1)
			}
		} else {
			y := anchor.Year()
			if r.Tense < 0 && anchor.Month() < 11 {
				y--
			}
			first := date(y, 11, 1)
			t = addDays(first, (int(time.Thursday)-int(first.Weekday())+7)%7+21)
		}
		return dayValue(t), t.After(anchor), false
	case "ref":
		if r.Base == nil {
			return "", false, false
		}
		bv, _, _ := resolveRel(r.Base, anchor, has)
		v, ok := fromRef(bv, r)
		if !ok {
			return "", false, false
		}
		st, _, ok := Interval(v)
		return v, ok && has && st.After(anchor) && r.Mode == "mark", false
	}
	return "", false, false
}

// fromRef reads a "ref" Relative against its base's value bv.
func fromRef(bv string, r *news.Relative) (string, bool) {
	if r.Month > 0 && r.Unit == "" {
		// that October: the month in the base's year
		if len(bv) < 4 {
			return "", false
		}
		y, err := strconv.Atoi(bv[:4])
		if err != nil {
			return "", false
		}
		return monthValue(y, r.Month), true
	}
	u := unitNamed(r.Unit)
	switch u {
	case uDay, uWeek:
		st, en, ok := Interval(bv)
		if !ok || !st.Equal(en) {
			return "", false
		}
		if r.Day > 0 {
			if !validDate(st.Year(), int(st.Month()), r.Day) {
				return "", false
			}
			return dayValue(date(st.Year(), int(st.Month()), r.Day)), true
		}
		if r.Weekday > 0 {
			return dayValue(weekdayNear(st, r.Weekday, 0, r.Strict)), true
		}
		if u == uWeek {
			if r.N != 0 {
				return valueAt(shift(st, uWeek, r.N), uWeek), true
			}
			return weekValue(st), true
		}
		t := addDays(st, r.N)
		if r.Gran != "" {
			return valueAt(shift(st, unitNamed(r.Gran), r.N), unitNamed(r.Gran)), true
		}
		return dayValue(t), true
	case uMonth:
		if len(bv) < 7 {
			return "", false
		}
		return shiftDate(bv[:7], uMonth, r.N)
	case uYear:
		if len(bv) < 4 {
			return "", false
		}
		return shiftDate(bv[:4], uYear, r.N)
	}
	return "", false
}

// weekdayNear is weekday wd seen from anchor: strictly before (strict
// -1) or after (+1), else the nearest on or after it in future clauses
// and on or before it otherwise.
func weekdayNear(anchor time.Time, wd, dir, strict int) time.Time {
	aw := int(anchor.Weekday()+6)%7 + 1
	switch {
	case strict < 0:
		diff := (aw - wd + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return addDays(anchor, -diff)
	case strict > 0:
		diff := (wd - aw + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return addDays(anchor, diff)
	case dir > 0:
		return addDays(anchor, (wd-aw+7)%7)
	}
	return addDays(anchor, -((aw - wd + 7) % 7))
}

// nearestDayTo picks the year of month m day d closest to anchor,
// guided by the tense of the clause.
func nearestDayTo(anchor time.Time, m, d, dir int) time.Time {
	t, ok := dayInYearOf(anchor, m, d)
	if !ok {
		return t
	}
	return yearByTense(t, anchor, dir)
}

// dayInYearOf returns month m day d in the anchor's year and true, or,
// for a day that year lacks (29 February), the latest of the three years
// before that has it and false.
func dayInYearOf(anchor time.Time, m, d int) (time.Time, bool) {
	y := anchor.Year()
	if !validDate(y, m, d) {
		for k := 1; k < 4; k++ {
			if validDate(y-k, m, d) {
				return date(y-k, m, d), false
			}
		}
	}
	return date(y, m, d), true
}

// yearByTense moves the day t, read in the anchor's year, a year back or
// forward when the tense of its clause (dir) or its distance from the
// anchor says it lies there.
func yearByTense(t, anchor time.Time, dir int) time.Time {
	y, mo, d := t.Date()
	m := int(mo)
	diff := t.Sub(anchor)
	const halfYear = 183 * 24 * time.Hour
	// A month-day without a year within a few weeks of the anchor is read
	// as the near date whatever the tense says: writers add the year to
	// dates further away, and the tense cue may belong to another clause.
	const near = 45 * 24 * time.Hour
	switch {
	case dir < 0 && diff > near:
		if validDate(y-1, m, d) {
			return date(y-1, m, d)
		}
	case dir > 0 && diff < -near:
		if validDate(y+1, m, d) {
			return date(y+1, m, d)
		}
	case dir == 0 && diff > halfYear:
		if validDate(y-1, m, d) {
			return date(y-1, m, d)
		}
	case dir == 0 && diff < -halfYear:
		if validDate(y+1, m, d) {
			return date(y+1, m, d)
		}
	}
	return t
}

// nearestMonthYearTo picks the year of month m closest to anchor.
func nearestMonthYearTo(anchor time.Time, m, dir int) int {
	y := anchor.Year()
	am := int(anchor.Month())
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

// dayReading reads r, of kind day, weekday or month_day, against a known
// anchor to its day t and whether t lies after the anchor. For a month
// and day that names an event (the Sept. 11 attacks), event is set, and
// t is the event's own day (fut false), or, for an event the month and
// day do not date, ok is false. resolveRel writes t as a value and
// spanRel as an interval.
func dayReading(r *news.Relative, anchor time.Time) (t time.Time, fut, event, ok bool) {
	switch r.Kind {
	case "day":
		t = addDays(anchor, r.N)
		switch r.Mode {
		case "":
			fut = r.N > 0 || r.N == 0 && r.Tense > 0
		case "mark":
			fut = t.After(anchor)
		}
		return t, fut, false, true
	case "weekday":
		t = weekdayNear(anchor, r.Weekday, r.Tense, r.Strict)
		return t, t.After(anchor) || r.Tense > 0 && !t.Before(anchor), false, true
	}
	t = nearestDayTo(anchor, r.Month, r.Day, r.Tense)
	if y, ok := famousDays[[2]int{r.Month, r.Day}]; ok && (r.Event || r.Name) && !anchor.Before(date(y, r.Month, r.Day).AddDate(0, 2, 0)) {
		return date(y, r.Month, r.Day), false, true, true
	}
	if r.Event && (t.After(anchor) || anchor.Sub(t) > 92*24*time.Hour) {
		return t, false, true, false
	}
	if r.Weekday > 0 && int(t.Weekday()+6)%7+1 != r.Weekday {
		for _, dy := range []int{-1, 1} {
			u := date(t.Year()+dy, int(t.Month()), t.Day())
			if u.Day() == t.Day() && int(u.Weekday()+6)%7+1 == r.Weekday {
				return u, u.After(anchor), false, true
			}
		}
	}
	return t, t.After(anchor), false, true
}

// election is the US Election Day of year y: the Tuesday after the first
// Monday of November.
func election(y int) time.Time {
	first := date(y, 11, 1)
	return addDays(first, (int(time.Monday)-int(first.Weekday())+7)%7+1)
}

// seasonAt reads season se against anchor; rel: -1 last, +1 next, 2
// this, -2 this past, 0 by the tense dir.
func seasonAt(anchor time.Time, se string, rel, dir int) (string, bool, bool) {
	start := 0 // the season's first month
	switch se {
	case "SP":
		start = 3
	case "SU":
		start = 6
	case "FA":
		start = 9
	case "WI":
		start = 12
	}
	y := anchor.Year()
	am := int(anchor.Month())
	cur := am >= start && am < start+3 || se == "WI" && am <= 2
	if se == "WI" && am <= 2 {
		y--
	}
	switch rel {
	case -1:
		y--
	case -2: // this past spring: the last one before now
		if start > am || cur {
			y--
		}
	case 1:
		y++
	case 2:
	default:
		if dir < 0 && start > am && !cur {
			y--
		}
		if dir > 0 && start+3 <= am && !cur {
			y++
		}
	}
	v := itoa4(y) + "-" + se
	st, _, _ := Interval(v)
	return v, st.After(anchor), false
}
