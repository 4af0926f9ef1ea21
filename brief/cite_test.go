package brief

import (
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestCiteLines(t *testing.T) {
	s := analysedStory(t,
		"Mustafa Abdel Jalil confirmed Gadhafi's death at a news conference in Benghazi on Thursday. Fighters celebrated in the streets.",
		"Mahmoud Jibril confirmed Gadhafi's death at a news conference in Tripoli on Thursday. Fighters celebrated in the streets.",
		"The chairman, Mustafa Abdel Jalil, confirmed Moammar Gadhafi's death at a news conference on Thursday.",
		"The earthquake killed 217 people in eastern Turkey on Sunday.",
		"The earthquake killed 264 people in eastern Turkey on Sunday.",
	)
	ents := entities(s)
	b := &news.Brief{
		Summary: []news.SummaryLine{
			{Text: "Mustafa Abdel Jalil confirmed Gadhafi's death at a news conference in Benghazi on Thursday.", Sources: []string{"a.txt", "b.txt", "c.txt"}},
			{Text: "The earthquake killed 217 people in eastern Turkey on Sunday.", Sources: []string{"d.txt", "e.txt"}},
		},
		Timeline: []news.TimelineEntry{
			// Reported as done on the 25th: a.txt (23rd) came out before,
			// by more than a day (citeDateSlack).
			{Date: "2011-10-25", Text: "The chairman, Mustafa Abdel Jalil, confirmed Moammar Gadhafi's death at a news conference on Thursday.", Sources: []string{"a.txt", "c.txt"}},
		},
	}
	citeLines(b, s, ents, nil)
	if got, want := b.Summary[0].Sources, []string{"a.txt", "c.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Jalil line cites %v, want %v: b.txt says Jibril confirmed it", got, want)
	}
	if got, want := b.Summary[1].Sources, []string{"d.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("toll line cites %v, want %v: e.txt gives another toll", got, want)
	}
	if got, want := b.Timeline[0].Sources, []string{"c.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("timeline line cites %v, want %v: a.txt was published two days before", got, want)
	}
	// A day before the line's day is within an article date's error.
	b.Timeline = []news.TimelineEntry{{Date: "2011-10-24", Text: b.Timeline[0].Text, Sources: []string{"a.txt", "c.txt"}}}
	citeLines(b, s, ents, nil)
	if got, want := b.Timeline[0].Sources, []string{"a.txt", "c.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("timeline line of the 24th cites %v, want %v: a.txt came out a day before", got, want)
	}
}

func TestClaims(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"A powerful 7.2-magnitude earthquake struck eastern Turkey on Sunday collapsing about 45 buildings, leaving 500 people killed, the seismological service says.",
			[]string{"A powerful 7.2-magnitude earthquake struck eastern Turkey on Sunday", "collapsing about 45 buildings", "leaving 500 people killed, the seismological service says."}},
		// A clause of fewer than claimWords content words (figures
		// counting) joins the next; the last joins the one before.
		{"The chairman, Mustafa Abdel Jalil, confirmed the death at a news conference.",
			[]string{"The chairman, Mustafa Abdel Jalil", "confirmed the death at a news conference."}},
		// "the building" and "was killing" open no clause.
		{"The building was killing the mood of the whole street.", nil},
	} {
		if got := claims(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("claims(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCiteClaimsAndDays checks that a source stating one claim of a long
// line is cited (its figure held), one giving another figure is not, and
// that a summary line is not cited to a source published before the day
// its sentence reports.
func TestCiteClaimsAndDays(t *testing.T) {
	s := analysedStory(t,
		"Baqeri will hold talks with Hulusi Akar in Tehran on Tuesday.",
		"A powerful 7.2-magnitude earthquake struck eastern Turkey on Sunday collapsing about 45 buildings, leaving hundreds of people killed.",
		"A 7.2 magnitude earthquake struck eastern Turkey on Sunday at 1:41 p.m. local time.",
		"A 7.3 magnitude earthquake struck eastern Turkey on Sunday, collapsing many buildings.",
		"Baqeri held talks with Hulusi Akar in Tehran on Tuesday.",
	)
	for _, d := range s.Docs {
		d.StatedDate = d.Date
	}
	s = datedStory(s) // the time expressions read against the docs' dates
	ents := entities(s)
	b := &news.Brief{Summary: []news.SummaryLine{
		{Text: "A powerful 7.2-magnitude earthquake struck eastern Turkey on Sunday collapsing about 45 buildings, leaving hundreds of people killed.", Sources: []string{"b.txt"}},
		{Text: "Baqeri held talks with Hulusi Akar in Tehran on Tuesday.", Sources: []string{"e.txt"}},
	}}
	citeLines(b, s, ents, nil)
	if got, want := b.Summary[0].Sources, []string{"b.txt", "c.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("quake line cites %v, want %v: c.txt states its main claim, d.txt gives another magnitude", got, want)
	}
	if got, want := b.Summary[1].Sources, []string{"e.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("talks line cites %v, want %v: a.txt came out before the talks", got, want)
	}
}
