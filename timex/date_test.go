package timex

import (
	"testing"
	"time"
)

// TestDate checks date against time.Date, valid days and out-of-range
// ones alike, across leap rules and eras.
func TestDate(t *testing.T) {
	years := []int{-2001, -401, -400, -101, -100, -5, -4, -1, 0, 1, 4, 99, 100, 200, 400, 1582, 1899, 1900, 1969, 1970, 1971, 1999, 2000, 2001, 2011, 2012, 2016, 2017, 2024, 2100, 2400, 9999, 10000, 99999}
	for _, y := range years {
		for m := -1; m <= 14; m++ {
			for d := -1; d <= 33; d++ {
				want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
				got := date(y, m, d)
				if got != want || !got.Equal(want) || got.Location() != want.Location() {
					t.Fatalf("date(%d, %d, %d) = %v, want %v", y, m, d, got, want)
				}
			}
		}
	}
	for day := date(1, 1, 1); day.Year() < 2101; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		if got := date(y, int(m), d); got != day {
			t.Fatalf("date(%d, %d, %d) = %v, want %v", y, m, d, got, day)
		}
	}
}
