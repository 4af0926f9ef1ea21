package timex

import (
	"strconv"
	"strings"
	"time"
)

// Reference values TimeML uses for vague times.
const (
	PresentRef = "PRESENT_REF"
	PastRef    = "PAST_REF"
	FutureRef  = "FUTURE_REF"
)

func itoa4(n int) string {
	if n < 0 {
		return "XXXX"
	}
	if n <= 9999 {
		return valuesOf(n).days[:4]
	}
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// twoDigits holds 00 to 99, for two to slice.
const twoDigits = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

func two(n int) string {
	if n >= 0 && n < 100 {
		return twoDigits[2*n : 2*n+2]
	}
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func dayValue(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return itoa4(y) + "-" + two(int(m)) + "-" + two(d)
	}
	// itoa4, two and two in one string: YYYY-MM-DD
	return valuesOf(y).dayOf(int(m), d)
}

func monthValue(y, m int) string {
	if y >= 0 && y <= 9999 && m >= 1 && m <= 12 {
		return valuesOf(y).dayOf(m, 1)[:7]
	}
	return itoa4(y) + "-" + two(m)
}

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	if y >= 0 && y <= 9999 && w >= 1 && w <= 53 {
		k := (w - 1) * 8
		return valuesOf(y).weeks[k : k+8]
	}
	return itoa4(y) + "-W" + two(w)
}

func quarterOf(m int) int { return (m-1)/3 + 1 }

// valueAt writes t at the granularity of u.
func valueAt(t time.Time, u unit) string {
	switch u {
	case uSecond, uMinute:
		return dayValue(t) + "T" + two(t.Hour()) + ":" + two(t.Minute())
	case uHour:
		return dayValue(t) + "T" + two(t.Hour())
	case uDay:
		return dayValue(t)
	case uWeek:
		return weekValue(t)
	case uWeekend:
		return weekValue(t) + "-WE"
	case uMonth:
		return monthValue(t.Year(), int(t.Month()))
	case uQuarter:
		return itoa4(t.Year()) + "-Q" + strconv.Itoa(quarterOf(int(t.Month())))
	case uYear:
		return itoa4(t.Year())
	case uDecade:
		return itoa4(t.Year())[:3]
	case uCentury:
		return itoa4(t.Year())[:2]
	}
	return dayValue(t)
}

// shift moves t by n units.
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uSecond:
		return t.Add(time.Duration(n) * time.Second)
	case uMinute:
		return t.Add(time.Duration(n) * time.Minute)
	case uHour:
		return t.Add(time.Duration(n) * time.Hour)
	case uDay:
		return addDays(t, n)
	case uWeek, uWeekend:
		return addDays(t, 7*n)
	case uMonth:
		// Stay inside the target month (Jan 31 + 1 month is February).
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		d := t.Day()
		if last := daysIn(first.Year(), int(first.Month())); d > last {
			d = last
		}
		return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
	case uQuarter:
		return shift(t, uMonth, 3*n)
	case uYear:
		return shift(t, uMonth, 12*n)
	case uDecade:
		return shift(t, uMonth, 120*n)
	case uCentury:
		return shift(t, uMonth, 1200*n)
	}
	return t
}

func daysIn(y, m int) int {
	if m >= 1 && m <= 12 {
		if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29 // the proleptic Gregorian leap years time.Date keeps
		}
		return monthDays[m]
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// monthDays is the length of each month in a common year.
var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y <= 0 {
		return d <= [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	}
	return d <= daysIn(y, m)
}

// date is midnight UTC of year y, month m, day d; out-of-range months
// and days normalize as time.Date does.
func date(y, m, d int) time.Time {
	if y > -1000000 && y < 1000000 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysIn(y, m)) {
		return time.Unix(daysFromCivil(y, m, d)*86400, 0).UTC()
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// daysFromCivil counts the days from 1970-01-01 to a valid proleptic
// Gregorian date (the algorithm of Howard Hinnant's days_from_civil).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := m + 9
	if m > 2 {
		mp = m - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// day truncates t to its calendar day in UTC terms.
func day(t time.Time) time.Time {
	if t.Location() == time.UTC {
		// The midnight before t: seconds since 1970 rounded down to a
		// whole day (UTC has no leap seconds in Go).
		sec := t.Unix()
		sec -= sec % 86400
		if t.Unix()%86400 < 0 {
			sec -= 86400
		}
		return time.Unix(sec, 0).UTC()
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Interval returns the first and last calendar day a TimeML date value
// covers: 2017-09-27 is one day, 2017-W40 the week from Monday to Sunday,
// 2017-08 the month, 2017-Q3 the quarter, 2017-SU June to August, 199 the
// 1990s. Any time part (T...) is ignored. It reports false for values that
// name no calendar period (durations, sets, PRESENT_REF, XXXX).
func Interval(v string) (start, end time.Time, ok bool) {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	num := func(s string) (int, bool) {
		if s == "" {
			return 0, false
		}
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	switch len(v) {
	case 2: // century
		c, ok := num(v)
		if !ok {
			return start, end, false
		}
		return date(c*100, 1, 1), date(c*100+99, 12, 31), true
	case 3: // decade
		d, ok := num(v)
		if !ok {
			return start, end, false
		}
		return date(d*10, 1, 1), date(d*10+9, 12, 31), true
	}
	if len(v) < 4 {
		return start, end, false
	}
	y, ok := num(v[:4])
	if !ok || y == 0 {
		return start, end, false
	}
	if len(v) == 4 {
		return date(y, 1, 1), date(y, 12, 31), true
	}
	if v[4] != '-' || len(v) < 7 {
		return start, end, false
	}
	rest := v[5:]
	switch {
	case rest[0] == 'W' && len(rest) >= 3:
		w, ok := num(rest[1:3])
		if !ok || w < 1 || w > 53 {
			return start, end, false
		}
		// Monday of ISO week w: the week holding January 4.
		jan4 := date(y, 1, 4)
		off := int(jan4.Weekday()+6) % 7
		mon := addDays(jan4, -off+7*(w-1))
		if strings.HasSuffix(rest, "-WE") {
			return addDays(mon, 5), addDays(mon, 6), true
		}
		if len(rest) == 5 && rest[3] == '-' {
			if d, ok := num(rest[4:5]); ok && d >= 1 && d <= 7 {
				x := addDays(mon, d-1)
				return x, x, true
			}
		}
		return mon, addDays(mon, 6), true
	case rest[0] == 'Q' && len(rest) == 2:
		q, ok := num(rest[1:])
		if !ok || q < 1 || q > 4 {
			return start, end, false
		}
		s := date(y, 3*q-2, 1)
		return s, s.AddDate(0, 3, -1), true
	case rest[0] == 'H' && len(rest) == 2:
		h, ok := num(rest[1:])
		if !ok || h < 1 || h > 2 {
			return start, end, false
		}
		s := date(y, 6*h-5, 1)
		return s, s.AddDate(0, 6, -1), true
	}
	switch rest {
	case "SP":
		return date(y, 3, 1), date(y, 5, 31), true
	case "SU":
		return date(y, 6, 1), date(y, 8, 31), true
	case "FA":
		return date(y, 9, 1), date(y, 11, 30), true
	case "WI":
		return date(y, 12, 1), addDays(date(y+1, 2, 1), -1), true
	}
	m, ok := num(rest[:2])
	if !ok || m < 1 || m > 12 {
		return start, end, false
	}
	if len(rest) == 2 {
		s := date(y, m, 1)
		return s, s.AddDate(0, 1, -1), true
	}
	if len(rest) < 5 || rest[2] != '-' {
		return start, end, false
	}
	d, ok := num(rest[3:5])
	if !ok || !validDate(y, m, d) {
		return start, end, false
	}
	x := date(y, m, d)
	return x, x, true
}
