package brief

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// TestDayIndex checks that dayIndex finds exactly the later mentions
// whose dates daysApart and the limits of dayConflicts read as near and
// that share at least two words, as a scan of every pair does, on values
// of every shape dayMentions gives and a few it does not.
func TestDayIndex(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	values := []string{
		"2014-11-28", "2014-11-30", "2014-12-01", "2014-12-02", "2014-11-24", "2015-11-28",
		"2002", "2003", "2004", "2005", "1999",
		"1967/1979", "1966/1978", "1970/1971",
		"2014-11-28/2014-12-01", "2014-11-26/2014-11-29", "2014-10-28/2014-12-01",
		"2014-11", "19XX", "2014-13-01", "2014/11/28", "2014-1-288",
	}
	all := make([]dayMention, 200)
	for i := range all {
		all[i].value = values[r.Intn(len(values))]
		all[i].all = bag{}
		for range r.Intn(6) {
			all[i].all[fmt.Sprint("w", r.Intn(8))] = float64(1 + r.Intn(2))
		}
	}
	nearAsRead := func(i, j int) bool {
		n, ok := daysApart(all[i].value, all[j].value)
		return ok && !(isYears(all[i].value) && n > yearsNear*365 || !isYears(all[i].value) && n > dayNear)
	}
	x := newDayIndex(all)
	found := 0
	for i := range all {
		var want []int
		for j := range all {
			if got := x.near(i, j); got != nearAsRead(i, j) {
				t.Fatalf("near(%q, %q) = %v", all[i].value, all[j].value, got)
			}
			if j <= i || !nearAsRead(i, j) {
				continue
			}
			n := 0
			for w := range all[i].all {
				if all[j].all[w] > 0 {
					n++
				}
			}
			if n >= 2 {
				want = append(want, j)
			}
		}
		found += len(want)
		if got := x.later(i, 2); !slices.Equal(got, want) {
			t.Fatalf("later(%d) = %v, want %v", i, got, want)
		}
	}
	if found == 0 {
		t.Fatal("no near mentions to find")
	}
}

// TestWholeSim checks that wholeSim gives bag.sim's bits on bags of
// whole weights, and that wholeNorm refuses other weights.
func TestWholeSim(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for range 500 {
		a, b := bag{}, bag{}
		for range r.Intn(12) {
			a[fmt.Sprint("w", r.Intn(20))] = float64(1 + r.Intn(2))
		}
		for range r.Intn(12) {
			b[fmt.Sprint("w", r.Intn(20))] = float64(1 + r.Intn(2))
		}
		na, oka := wholeNorm(a)
		nb, okb := wholeNorm(b)
		if !oka || !okb {
			t.Fatal("wholeNorm refused whole weights")
		}
		if got, want := wholeSim(a, na, b, nb), a.sim(b); got != want {
			t.Fatalf("wholeSim = %v, bag.sim = %v", got, want)
		}
	}
	if _, ok := wholeNorm(bag{"a": 1.5}); ok {
		t.Error("wholeNorm took a weight of 1.5 as whole")
	}
}
