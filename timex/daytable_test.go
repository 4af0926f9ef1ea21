package timex

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestYearTable checks the values written from the year table (dayValue,
// monthValue, weekValue, itoa4) against fmt, and addDays and day against
// the time package, over every day of 1899 to 2101, the edges of
// four-digit years and beyond, from several goroutines at once (run
// with -race: the table is filled on first use).
func TestYearTable(t *testing.T) {
	var days []time.Time
	for _, y := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 1582, 9998, 9999, 10000, 12345, -1, -400} {
		days = append(days, date(y, 1, 1), date(y, 2, 28), date(y, 12, 31))
	}
	for d := date(1899, 1, 1); d.Year() < 2102; d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	check := func(t *testing.T, d time.Time) {
		y, m, dd := d.Date()
		if y >= 0 && y <= 9999 {
			if got, want := dayValue(d), fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd); got != want {
				t.Errorf("dayValue(%v) = %q, want %q", d, got, want)
			}
			if got, want := monthValue(y, int(m)), fmt.Sprintf("%04d-%02d", y, int(m)); got != want {
				t.Errorf("monthValue(%d, %d) = %q, want %q", y, m, got, want)
			}
			if got, want := itoa4(y), fmt.Sprintf("%04d", y); got != want {
				t.Errorf("itoa4(%d) = %q, want %q", y, got, want)
			}
		}
		if wy, w := d.ISOWeek(); wy >= 0 && wy <= 9999 {
			if got, want := weekValue(d), fmt.Sprintf("%04d-W%02d", wy, w); got != want {
				t.Errorf("weekValue(%v) = %q, want %q", d, got, want)
			}
		}
		for _, n := range []int{-maxAddDays - 1, -400, -7, -1, 0, 1, 6, 31, 366, maxAddDays + 5} {
			if got, want := addDays(d, n), d.AddDate(0, 0, n); got != want {
				t.Errorf("addDays(%v, %d) = %v, want %v", d, n, got, want)
			}
		}
		for _, off := range []time.Duration{0, time.Second, 13*time.Hour + 5*time.Minute, 24*time.Hour - time.Nanosecond} {
			at := d.Add(off)
			if got, want := day(at), time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC); got != want {
				t.Errorf("day(%v) = %v, want %v", at, got, want)
			}
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := g; k < len(days); k += 4 {
				check(t, days[k])
			}
		}()
	}
	wg.Wait()
	// Outside UTC, addDays and day read the date in the time's own zone.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("timex: no time zone data: %v", err)
	}
	for _, at := range []time.Time{time.Date(2017, 3, 11, 23, 30, 0, 0, ny), time.Date(2017, 11, 4, 1, 0, 0, 0, ny)} {
		if got, want := addDays(at, 1), at.AddDate(0, 0, 1); got != want {
			t.Errorf("addDays(%v, 1) = %v, want %v", at, got, want)
		}
		if got, want := day(at), time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC); got != want {
			t.Errorf("day(%v) = %v, want %v", at, got, want)
		}
	}
}

// TestTwo checks two, sliced from a table, against fmt.
func TestTwo(t *testing.T) {
	for n := -12; n < 130; n++ {
		want := fmt.Sprintf("%02d", n)
		if n < 0 {
			want = "0" + fmt.Sprint(n) // as it always wrote them
		}
		if got := two(n); got != want {
			t.Errorf("two(%d) = %q, want %q", n, got, want)
		}
	}
}
