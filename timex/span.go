package timex

import (
	"time"

	"github.com/storyline-news/storyline/news"
)

// ResolveInterval reads the expression x against anchor straight to the
// period it covers: what Interval gives for the value Resolve returns,
// with Resolve's future flag. For the relative readings that land on one
// day (yesterday, Tuesday, Oct. 23, a date) it builds no value string and
// parses none back; the others resolve and parse as Resolve and Interval
// do.
func ResolveInterval(x news.Timex, anchor time.Time) (start, end time.Time, future, ok bool) {
	if x.Relative == nil {
		start, end, ok = Interval(x.Value)
		return start, end, x.Future, ok
	}
	has := !anchor.IsZero()
	return spanRel(x.Relative, day(anchor), has)
}

// spanRel is resolveRel then Interval, without the value string for the
// kinds that give one day.
func spanRel(r *news.Relative, anchor time.Time, has bool) (start, end time.Time, future, ok bool) {
	switch r.Kind {
	case "date":
		st, en, ok := Interval(r.Value)
		return st, en, ok && has && st.After(anchor), ok
	case "day", "weekday", "month_day":
		if !has {
			return start, end, r.Kind == "day" && r.N > 0 && r.Mode == "", false
		}
		t, fut, _, ok := dayReading(r, anchor)
		if !ok {
			return start, end, false, false
		}
		return dayInterval(t, fut)
	case "month":
		if !has || r.Strict != 0 || r.Mode == "year" {
			break
		}
		// monthValue(y, m) as Interval reads it: the whole month.
		y, m := nearestMonthYearTo(anchor, r.Month, r.Tense), r.Month
		if y < 1 || y > 9999 || m < 1 || m > 12 {
			return start, end, date(y, m, 1).After(anchor), false
		}
		s := date(y, m, 1)
		return s, date(y, m, daysIn(y, m)), s.After(anchor), true
	}
	v, fut, _ := resolveRel(r, anchor, has)
	start, end, ok = Interval(v)
	return start, end, fut, ok
}

// dayInterval is Interval(dayValue(t)) for a midnight t: the day itself,
// for the years a value of four digits writes.
func dayInterval(t time.Time, fut bool) (start, end time.Time, future, ok bool) {
	if sec := t.Unix(); sec < firstDay || sec > lastDay {
		return start, end, fut, false
	}
	return t, t, fut, true
}

// firstDay and lastDay are the first and last days a four-digit year
// writes, 0001-01-01 and 9999-12-31, in Unix seconds.
var firstDay, lastDay = date(1, 1, 1).Unix(), date(9999, 12, 31).Unix()
