package timex

import (
	"testing"
	"time"
)

// TestDayValue checks dayValue, written in one string, against its
// parts itoa4 and two joined, over every day of some years and at the
// edges of four-digit years, and unitNamed against unitNames.
func TestDayValue(t *testing.T) {
	joined := func(t time.Time) string { return itoa4(t.Year()) + "-" + two(int(t.Month())) + "-" + two(t.Day()) }
	var days []time.Time
	for _, y := range []int{1, 9, 10, 99, 100, 999, 1000, 1999, 2000, 2016, 9999, 10000, 12345, -1} {
		days = append(days, date(y, 1, 1), date(y, 12, 31))
	}
	for d := date(1999, 1, 1); d.Year() < 2002; d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	for _, d := range days {
		if got, want := dayValue(d), joined(d); got != want {
			t.Errorf("dayValue(%v) = %q, want %q", d, got, want)
		}
	}
	for u, n := range unitNames {
		if got := unitNamed(n); got != u {
			t.Errorf("unitNamed(%q) = %v, want %v", n, got, u)
		}
	}
	if got := unitNamed("fortnight"); got != noUnit {
		t.Errorf("unitNamed(fortnight) = %v, want noUnit", got)
	}
}
