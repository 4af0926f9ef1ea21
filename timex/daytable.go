package timex

import (
	"sync/atomic"
	"time"
)

// Writing values without allocating.
//
// Resolve writes a value for every anchor it is given: the days, months,
// weeks and years of years 0 to 9999 are written once, on first use, in
// one string a year, and sliced from it after (a pure function
// memoised: the table only saves work).

// yearValues holds the values of one year: days holds "YYYY-MM-DD" for
// month m day d at ((m-1)*31+d-1)*10 (day 1 of month 1 starts with the
// year and the month); weeks holds "YYYY-Www" for week w at (w-1)*8.
type yearValues struct {
	days, weeks string
}

var yearTable [10000]atomic.Pointer[yearValues]

// valuesOf returns the values of year y, 0 <= y <= 9999.
func valuesOf(y int) *yearValues {
	p := &yearTable[y]
	if v := p.Load(); v != nil {
		return v
	}
	yb := [4]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	days := make([]byte, 0, 12*31*10)
	for m := 1; m <= 12; m++ {
		for d := 1; d <= 31; d++ {
			days = append(days, yb[:]...)
			days = append(days, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
		}
	}
	weeks := make([]byte, 0, 53*8)
	for w := 1; w <= 53; w++ {
		weeks = append(weeks, yb[:]...)
		weeks = append(weeks, '-', 'W', byte('0'+w/10), byte('0'+w%10))
	}
	p.CompareAndSwap(nil, &yearValues{days: string(days), weeks: string(weeks)})
	return p.Load()
}

// dayOf returns the value of month m day d of year y, all in range.
func (v *yearValues) dayOf(m, d int) string {
	k := ((m-1)*31 + d - 1) * 10
	return v.days[k : k+10]
}

// addDays is t.AddDate(0, 0, n), without reading t's date for a time in
// UTC, where a day is always 24 hours.
func addDays(t time.Time, n int) time.Time {
	if t.Location() != time.UTC || n > maxAddDays || n < -maxAddDays {
		return t.AddDate(0, 0, n)
	}
	// AddDate drops the monotonic clock reading; so does Round(0).
	return t.Round(0).Add(time.Duration(n) * 24 * time.Hour)
}

// maxAddDays is the most days a time.Duration holds, with a margin.
const maxAddDays = 100000
