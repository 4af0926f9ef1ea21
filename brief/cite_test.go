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
			// Reported as done on the 24th: a.txt (23rd) came out before.
			{Date: "2011-10-24", Text: "The chairman, Mustafa Abdel Jalil, confirmed Moammar Gadhafi's death at a news conference on Thursday.", Sources: []string{"a.txt", "c.txt"}},
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
		t.Errorf("timeline line cites %v, want %v: a.txt was published the day before", got, want)
	}
}
