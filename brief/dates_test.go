package brief

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/seedtest"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// seedStory reads the seed articles with ingest and runs the stages the
// dates and the timeline need: segmentation, time expressions and
// opinion sections.
func seedStory(t testing.TB) *news.Story {
	t.Helper()
	return seedtest.Story(t, analyze.Chain{analyze.Segment, timex.Stage{}, analyze.Opinion})
}

func docByPrefix(s *news.Story, p string) *news.Doc {
	for _, d := range s.Docs {
		if strings.HasPrefix(d.ID, p) || strings.HasPrefix(filepath.Base(d.Path), p) {
			return d
		}
	}
	return nil
}

func mustDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestSeedDates checks the dates trusted for the five seed articles: 000
// and 001 keep their stated dates, 002's stated date is rejected for
// reporting the 25 September referendum as past and a date is inferred
// from its content, 003 and 004 get dates inferred within two days of the
// truth.
func TestSeedDates(t *testing.T) {
	s := seedStory(t)
	s = &news.Story{Docs: datedDocs(s.Docs)}
	tests := []struct {
		id       string
		status   string
		from, to string // the true date range
		note     []string
	}{
		{"000", news.DateStated, "2017-09-28", "2017-09-28", nil},
		{"001", news.DateStated, "2017-09-28", "2017-09-28", nil},
		{"002", news.DateInferred, "2017-10-02", "2017-10-03", []string{"10 February 2017", "rejected", "September 25"}},
		{"003", news.DateInferred, "2017-10-02", "2017-10-03", []string{"inferred"}},
		{"004", news.DateInferred, "2017-09-27", "2017-09-28", []string{"inferred"}},
	}
	for _, tc := range tests {
		d := docByPrefix(s, tc.id)
		if d == nil {
			t.Fatalf("no doc %s", tc.id)
		}
		t.Logf("%s: %s %s: %s", tc.id, day(d.Date), d.DateStatus, d.DateNote)
		if d.DateStatus != tc.status {
			t.Errorf("%s: status %q, want %q (%s)", tc.id, d.DateStatus, tc.status, d.DateNote)
		}
		// Inferred dates may be off by up to two days of the truth.
		lo, hi := mustDay(tc.from), mustDay(tc.to)
		if tc.status == news.DateInferred {
			lo, hi = lo.AddDate(0, 0, -2), hi.AddDate(0, 0, 2)
		}
		if d.Date.Before(lo) || d.Date.After(hi) {
			t.Errorf("%s: date %s, want %s..%s", tc.id, day(d.Date), tc.from, tc.to)
		}
		for _, n := range tc.note {
			if !strings.Contains(d.DateNote, n) {
				t.Errorf("%s: note %q lacks %q", tc.id, d.DateNote, n)
			}
		}
	}
	conflicts := dateConflicts(s)
	found := false
	for _, c := range conflicts {
		t.Logf("conflict: %s %+v", c.About, c.Claims)
		if strings.Contains(c.About, "002") && len(c.Claims) >= 2 && strings.HasPrefix(c.Claims[0].Value, "2017-02-10") {
			found = true
		}
	}
	if !found {
		t.Errorf("no conflict reports 002's stated date 2017-02-10: %+v", conflicts)
	}
}

// TestStatedDateKept checks that a consistent stated date is kept and the
// relative expressions are tagged against it.
func TestStatedDateKept(t *testing.T) {
	d := &news.Doc{Article: news.Article{ID: "a", Text: "The minister arrived in Paris on Monday and will leave on Friday.", StatedDate: mustDay("2017-09-27")}}
	if err := applyStages(d, analyze.Segment, timex.Stage{}); err != nil {
		t.Fatal(err)
	}
	d = datedDocs([]*news.Doc{d})[0]
	if d.DateStatus != news.DateStated || day(d.Date) != "2017-09-27" {
		t.Fatalf("got %s %s (%s)", day(d.Date), d.DateStatus, d.DateNote)
	}
	var vals []string
	for _, x := range d.Timexes {
		vals = append(vals, x.Value)
	}
	if strings.Join(vals, " ") != "2017-09-25 2017-09-29" {
		t.Errorf("timexes %v", vals)
	}
}

// TestNoDateAnywhere checks an undated article with a past date stated in
// full: it is dated by it.
func TestNoDateAnywhere(t *testing.T) {
	d := &news.Doc{Article: news.Article{ID: "a", Text: "The treaty was signed on 12 March 2015 in Vienna. Talks will resume next month."}}
	if err := applyStages(d, analyze.Segment, timex.Stage{}); err != nil {
		t.Fatal(err)
	}
	d = datedDocs([]*news.Doc{d})[0]
	if d.DateStatus != news.DateInferred || day(d.Date) != "2015-03-12" {
		t.Fatalf("got %s %s (%s)", day(d.Date), d.DateStatus, d.DateNote)
	}
}

// storyOf builds a story from (id, dates, text) triples; dates is the
// stated date, optionally followed by "|dateline:DATE" or "|page:DATE".
func storyOf(t testing.TB, docs ...[3]string) *news.Story {
	t.Helper()
	s := &news.Story{}
	for _, x := range docs {
		d := &news.Doc{Article: news.Article{ID: x[0], Text: x[2]}}
		for i, f := range strings.Split(x[1], "|") {
			switch {
			case f == "":
			case strings.HasPrefix(f, "dateline:"):
				d.DatelineDate = mustDay(strings.TrimPrefix(f, "dateline:"))
			case strings.HasPrefix(f, "page:"):
				d.PageStamp = mustDay(strings.TrimPrefix(f, "page:"))
			case i == 0:
				d.StatedDate = mustDay(f)
			}
		}
		if err := applyStages(d, analyze.Segment, timex.Stage{}); err != nil {
			t.Fatal(err)
		}
		s.Docs = append(s.Docs, d)
	}
	return s
}

// TestResolveDates covers the cases of readDates on made-up stories.
func TestResolveDates(t *testing.T) {
	tests := []struct {
		name   string
		docs   [][3]string
		id     string
		status string
		date   string
		note   string
	}{
		{
			name: "undated report matched to a dated one",
			docs: [][3]string{
				{"a", "2020-03-10", "European leaders held a summit in Paris on Monday to discuss energy prices. They will meet again in June."},
				{"b", "", "European leaders met in Paris on Monday for a summit on energy prices, officials said. Talks will resume tomorrow."},
			},
			id: "b", status: news.DateInferred, date: "2020-03-09",
		},
		{
			name: "stated date before an event the text reports as past, written in full",
			docs: [][3]string{
				{"a", "2010-01-01", "The treaty was signed on 12 March 2015 in Vienna after long talks."},
			},
			id: "a", status: news.DateInferred, date: "2015-03-12", note: "rejected",
		},
		{
			name: "future events do not reject a stated date",
			docs: [][3]string{
				{"a", "2017-02-10", "The region will hold a referendum on September 25, its leaders said."},
				{"b", "2017-09-28", "The region held a referendum on September 25, its leaders said."},
			},
			id: "a", status: news.DateStated, date: "2017-02-10",
		},
		{
			name: "dateline date when the stated one is contradicted",
			docs: [][3]string{
				{"a", "2017-02-10|dateline:2017-10-02", "The Kurdish region held a referendum on September 25 despite protests."},
				{"b", "2017-09-28", "The Kurdish region held its referendum on Monday despite protests."},
			},
			id: "a", status: news.DateDateline, date: "2017-10-02", note: "rejected",
		},
		{
			name: "a page stamp that fits the story is kept",
			docs: [][3]string{
				{"a", "|page:2020-03-10", "European leaders met in Paris on Monday for a summit on energy prices."},
				{"b", "2020-03-10", "European leaders held a summit in Paris on Monday to discuss energy prices."},
			},
			id: "a", status: news.DateStated, date: "2020-03-10", note: "page stamp",
		},
		{
			name: "a page stamp years away is rejected",
			docs: [][3]string{
				{"a", "|page:2023-06-22", "European leaders met in Paris on Monday for a summit on energy prices."},
				{"b", "2020-03-10", "European leaders held a summit in Paris on Monday to discuss energy prices."},
			},
			id: "a", status: news.DateInferred, date: "2020-03-09", note: "page stamp 22 June 2023 rejected",
		},
		{
			name: "own full date outranks weekdays matched elsewhere",
			docs: [][3]string{
				{"a", "2020-03-10", "European leaders held an energy summit in Paris on 9 March 2020. Prime ministers argued on Monday over gas prices, and the talks ended on Tuesday with a deal on storage."},
				{"b", "2020-04-08", "European leaders held an energy summit in Paris on Monday. Prime ministers argued on Monday over gas prices, and the talks ended on Tuesday with a deal on storage."},
				{"c", "2020-04-08", "European leaders met for an energy summit in Paris on Monday. Prime ministers argued over gas prices, and the talks ended on Tuesday with a deal on storage."},
			},
			id: "a", status: news.DateStated, date: "2020-03-10",
		},
		{
			name: "one source published later leaves the story's day to an article that dates nothing",
			docs: [][3]string{
				{"a", "2020-03-10", "European leaders held a summit in Paris on Monday to discuss energy prices and gas storage."},
				{"b", "2020-03-10", "European leaders met in Paris on Monday for a summit on energy prices and gas storage."},
				{"c", "2020-03-25", "European leaders agreed on gas storage rules on Wednesday, two weeks after their Paris summit on energy prices."},
				{"d", "", "European leaders discussed energy prices and gas storage at a summit in Paris."},
			},
			id: "d", status: news.DateInferred, date: "2020-03-10", note: "2 of 3",
		},
		{
			name: "no date at all",
			docs: [][3]string{
				{"a", "", "Officials met on Wednesday."},
			},
			id: "a", status: news.DateUnknown, date: "",
		},
	}
	for _, tc := range tests {
		s := storyOf(t, tc.docs...)
		s.Docs = datedDocs(s.Docs)
		var d *news.Doc
		for _, x := range s.Docs {
			if x.ID == tc.id {
				d = x
			}
		}
		if d.DateStatus != tc.status || day(d.Date) != tc.date || !strings.Contains(d.DateNote, tc.note) {
			t.Errorf("%s: got %s %q (%s), want %s %q with %q", tc.name, d.DateStatus, day(d.Date), d.DateNote, tc.status, tc.date, tc.note)
		}
	}
}

// BenchmarkResolveDates measures deciding the dates of the seed story and
// building its timeline.
func BenchmarkResolveDates(b *testing.B) {
	s := seedStory(b)
	for b.Loop() {
		timeline(datedStory(s))
	}
}

// applyStages runs stages over d in order.
func applyStages(d *news.Doc, stages ...analyze.Stage) error {
	for _, st := range stages {
		if err := st.Apply(d); err != nil {
			return err
		}
	}
	return nil
}

// TestDatelineMonthDay reads the month and day of datelines written
// without a year, and nothing from a dateline without a date.
func TestDatelineMonthDay(t *testing.T) {
	for _, c := range []struct {
		dl         string
		month, day int
		ok         bool
	}{
		{"ISTANBUL, Turkey, Oct. 23 (UPI) --", 10, 23, true},
		{"TEHRAN, Sept. 27 (Xinhua) --", 9, 27, true},
		{"WASHINGTON —", 0, 0, false},
	} {
		m, d, ok := datelineMonthDay(c.dl)
		if m != c.month || d != c.day || ok != c.ok {
			t.Errorf("%q: got %d/%d %v, want %d/%d %v", c.dl, m, d, ok, c.month, c.day, c.ok)
		}
	}
}

// TestExpressionBags: a byline date run into a sentence keeps the
// sentence's words from its own day.
func TestExpressionBags(t *testing.T) {
	a := &news.Article{ID: "x", Text: "Alex Lantier, World Socialist Web Site, October 19, 2011 Yesterday Hamas released captured Israeli soldier Gilad Shalit."}
	d, err := analyze.Chain{analyze.Segment, timex.Stage{}}.Doc(a)
	if err != nil {
		t.Fatal(err)
	}
	dd := newDocDates(d)
	if len(dd.xs) != 2 {
		t.Fatalf("expressions: %v", dd.xs)
	}
	if dd.bags[0]["shalit"] != 0 || dd.bags[1]["shalit"] == 0 || dd.bags[1]["lantier"] != 0 {
		t.Errorf("bags: %q %v, %q %v", dd.xs[0].Text, dd.bags[0], dd.xs[1].Text, dd.bags[1])
	}
}

// TestHasFewDaysBefore checks hasFewDaysBefore against a search of the
// text lowered by strings.ToLower, on phrases in any case, runes that
// lower to ASCII letters (the Kelvin sign, a dotted capital I) and
// invalid UTF-8.
func TestHasFewDaysBefore(t *testing.T) {
	asLowered := func(text string) bool {
		lt := strings.ToLower(text)
		for _, p := range []string{"few days before", "days before", "days ahead of", "shortly before", "a day before", "days prior to"} {
			if strings.Contains(lt, p) {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewSource(3))
	pieces := []string{"days before", "DAYS Before", "days ahead of", "Shortly before", "shortly\u212A", "A day before", "a day\xffbefore", "days pr\u0130or to", "Days Prior To", "day", "s", "a ", " ", "before", "é", "\xff", "few", "ahead", "of"}
	found := 0
	for range 3000 {
		var sb strings.Builder
		for range r.Intn(6) {
			sb.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := sb.String()
		want := asLowered(text)
		if got := hasFewDaysBefore(&news.Doc{Article: news.Article{Text: text}}); got != want {
			t.Fatalf("hasFewDaysBefore(%q) = %v, want %v", text, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no text with a phrase")
	}
}
