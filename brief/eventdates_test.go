package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

func dayCand(src, date, text string, weekday bool) *candidate {
	st, _ := time.Parse("2006-01-02", date)
	return &candidate{date: date, start: st, end: st, text: text, source: src, words: contentBag(text), explicit: true, weekday: weekday}
}

func TestAlignWeekdays(t *testing.T) {
	toll := "Interior Minister Idris Naim Sahin said 117 died in Ercis and 100 in Van."
	other := "Rescue teams dug through rubble in the villages near the lake."
	up := dayCand("upi", "2011-10-17", toll, true)
	cands := []*candidate{
		up,
		dayCand("jpost", "2011-10-24", toll, false),
		dayCand("alarabiya", "2011-10-24", toll, false),
		dayCand("pri", "2011-10-17", other, false),
	}
	alignWeekdays(cands, newCandNorms(storyRarity(&news.Story{})))
	if up.date != "2011-10-24" || !up.moved || !up.start.Equal(time.Date(2011, 10, 24, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("weekday's sentence: %s moved=%v, want 2011-10-24 moved", up.date, up.moved)
	}
	for _, c := range cands[1:] {
		if c.moved {
			t.Errorf("%s moved, want only the weekday's sentence", c.source)
		}
	}

	// Not a bare weekday ("Oct. 17"), or as many sources on its own day:
	// it stays.
	fixed := dayCand("upi", "2011-10-17", toll, false)
	alignWeekdays([]*candidate{fixed, dayCand("jpost", "2011-10-24", toll, false)}, newCandNorms(storyRarity(&news.Story{})))
	if fixed.date != "2011-10-17" {
		t.Errorf("a full date moved to %s", fixed.date)
	}
	tied := dayCand("upi", "2011-10-17", toll, true)
	alignWeekdays([]*candidate{tied, dayCand("jpost", "2011-10-24", toll, false), dayCand("afp", "2011-10-17", toll, false)}, newCandNorms(storyRarity(&news.Story{})))
	if tied.date != "2011-10-17" {
		t.Errorf("a weekday its own day's sources vouch for moved to %s", tied.date)
	}
}

func TestPlannedWaits(t *testing.T) {
	text := "The rest of the prisoners are to be released in two months. It is the first swap in 26 years."
	at := func(w string) news.Span {
		i := strings.Index(text, w)
		return news.Span{Start: i, End: i + len(w)}
	}
	d := &news.Doc{
		Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 59}}, {Span: news.Span{Start: 60, End: len(text)}}},
		Timexes: []news.Timex{
			{Span: at("two months"), Text: "two months", Type: "DURATION", Value: "P2M", Tense: 1, Sentence: 0},
			{Span: at("26 years"), Text: "26 years", Type: "DURATION", Value: "P26Y", Tense: -1, Sentence: 1},
		},
	}
	d.Text = text
	d.Date = time.Date(2011, 10, 18, 0, 0, 0, 0, time.UTC)
	got := plannedWaits(d, nil)
	if len(got) != 1 || got[0].Value != "2011-12" || got[0].Type != "DATE" || !got[0].Future || got[0].Sentence != 0 {
		t.Fatalf("plannedWaits = %+v, want one future DATE 2011-12 in sentence 0", got)
	}
	// A sentence that names a date of its own keeps it alone.
	if got := plannedWaits(d, []news.Timex{{Type: "DATE", Value: "2011-11", Sentence: 0}}); len(got) != 1 || got[0].Value != "2011-11" {
		t.Errorf("with a named date: %+v, want only it", got)
	}
	// A wait in the past tense is no plan.
	d.Timexes[0].Tense = -1
	if got := plannedWaits(d, nil); len(got) != 0 {
		t.Errorf("past wait: %+v, want none", got)
	}
	for v, want := range map[string]bool{"P2M": true, "P10D": true, "P3W": true, "P2Y": false, "PXD": false, "PT2H": false} {
		if _, _, ok := waitValue(v); ok != want {
			t.Errorf("waitValue(%q) ok = %v, want %v", v, ok, want)
		}
	}
}

func TestJoinPlans(t *testing.T) {
	plan := func(src, month, text string) *entry {
		c := dayCand(src, month+"-01", text, false)
		c.date, c.planned = month, true
		c.end = c.start.AddDate(0, 1, -1)
		return &entry{members: []*candidate{c}, words: c.words.copy()}
	}
	next := plan("beast", "2011-11", "An additional 550 detainees will be released next month.")
	two := plan("egypt", "2011-12", "The rest, about 550 more, are to be released in two months.")
	two.members = append(two.members, plan("seachange", "2011-12", "The remaining 550 prisoners are to be released in two months.").members...)
	other := plan("afp", "2011-11", "The 12 ministers will meet next month.")
	got := joinPlans([]*entry{next, two, other})
	if len(got) != 2 || got[0] != two || got[1] != other || len(two.members) != 3 {
		t.Fatalf("joinPlans: %d entries, want the two-month plan (3 members) and the unrelated one", len(got))
	}
}

func TestGoesOnSaying(t *testing.T) {
	text := "Ghanmi also praised Iran's support. The border is long."
	d := &news.Doc{
		Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 35}}, {Span: news.Span{Start: 36, End: len(text)}}},
		Quotes:    []news.Quote{{Cue: news.Span{Start: 13, End: 20}, Content: news.Span{Start: 21, End: 34}}},
	}
	d.Text = text
	d.Date = time.Date(2017, 9, 28, 0, 0, 0, 0, time.UTC)
	wed := time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
	if !goesOnSaying(d, 0, wed) {
		t.Error("words said the day before: not told on")
	}
	if goesOnSaying(d, 1, wed) {
		t.Error("a sentence that reports no words goes on telling the day")
	}
	if goesOnSaying(d, 0, wed.AddDate(0, 0, -6)) {
		t.Error("a day a week back (background) goes on")
	}
}
