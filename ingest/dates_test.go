package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestNumericDates reads numeric dates: day first with dots; with
// slashes only the order that makes a date, or the one a weekday given
// with it agrees with; an undecided order is no stamp, while metadata
// still reads it month first.
func TestNumericDates(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" for no date
	}{
		{"30.04.2019", "2019-04-30"},
		{"05.06.2019", "2019-06-05"},
		{"14:13 30.04.2019", "2019-04-30T14:13"},
		{"10/21/2011", "2011-10-21"},
		{"21/10/2011", "2011-10-21"},
		{"Fri, 10/21/2011", "2011-10-21"},
		{"Mon, 05/06/2019", "2019-05-06"},
		{"Wed, 05/06/2019", "2019-06-05"},
		{"05/06/2019", ""},      // May 6 or 5 June: nothing decides
		{"Sun, 05/06/2019", ""}, // neither reading is a Sunday
		{"Sat, 10/21/2011", ""}, // 21 October 2011 was a Friday
		{"Tue, 30.04.2019", "2019-04-30"},
		{"Wed, 30.04.2019", ""},
		{"13.13.2019", ""},
		{"31.04.2019", ""},
	} {
		got, ok := stampDate(c.in)
		want := c.want
		layout := "2006-01-02"
		if strings.Contains(want, "T") {
			layout = "2006-01-02T15:04"
		}
		switch {
		case want == "" && ok:
			t.Errorf("%q: %v, want no date", c.in, got)
		case want != "" && (!ok || got.Format(layout) != want):
			t.Errorf("%q: %v %v, want %s", c.in, got, ok, want)
		}
	}
	// Metadata keeps reading an undecided order month first.
	if got, ok := parseDate("05/06/2019"); !ok || got.Format("2006-01-02") != "2019-05-06" {
		t.Errorf("parseDate 05/06/2019: %v %v, want 2019-05-06", got, ok)
	}
	if got, ok := parseDate("Wed, 05/06/2019"); !ok || got.Format("2006-01-02") != "2019-06-05" {
		t.Errorf("parseDate Wed, 05/06/2019: %v %v, want 2019-06-05", got, ok)
	}
}

// TestPostedDate reads a short line that dates the page among other
// words only when a clock time or an agreeing weekday makes it a stamp.
func TestPostedDate(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"Submitted by unname1 on Fri, 10/21/2011 - 09:42", "2011-10-21T09:42"},
		{"Posted October 20th, 2011 at 10:50 am (UTC-5)", "2011-10-20T10:50"},
		{"Last edited Tuesday, 30 April 2019", "2019-04-30T00:00"},
		{"Gaddafi killed on October 20, 2011 in Sirte", ""},
		{"Last edited Monday, 30 April 2019", ""},
		{"Submitted on 05/06/2019 09:42", ""},
	} {
		got, ok := postedDate(c.in)
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: %v, want none", c.in, got)
		case c.want != "" && (!ok || got.Format("2006-01-02T15:04") != c.want):
			t.Errorf("%q: %v %v, want %s", c.in, got, ok, c.want)
		}
	}
}

// TestTopDateLines reads the page stamp of plain texts whose date is a
// clock line over a numeric date line, or a line that posts the page.
func TestTopDateLines(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"clock over date", "14:13\n30.04.2019\nZelensky officially named president-elect\nThe commission said on Tuesday that the vote count was final and the result would stand.\n", "2019-04-30T14:13"},
		{"posted line", "Member for\n\n4 years 5 months\nSubmitted by editor on Fri, 10/21/2011 - 09:42\nThe leader was killed in crossfire in an assault on his birthplace, officials said on Thursday.\n", "2011-10-21T09:42"},
		{"undecided order", "Submitted on 05/06/2019 09:42\nThe leader was killed in crossfire in an assault on his birthplace, officials said on Thursday.\n", ""},
	} {
		var got time.Time
		for a, err := range defaultReader.ReadFrom("page.txt", strings.NewReader(c.text)) {
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			got = a.PageStamp
			if c.want != "" && strings.Contains(a.Text, "09:42") || strings.Contains(a.Text, "30.04.2019") {
				t.Errorf("%s: the date line stays in the text: %q", c.name, a.Text)
			}
		}
		switch {
		case c.want == "" && !got.IsZero():
			t.Errorf("%s: page stamp %v, want none", c.name, got)
		case c.want != "" && got.Format("2006-01-02T15:04") != c.want:
			t.Errorf("%s: page stamp %v, want %s", c.name, got, c.want)
		}
	}
}
