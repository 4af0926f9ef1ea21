package brief

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

func TestCopies(t *testing.T) {
	wire := strings.Repeat("The train derailed on a curve outside Santiago de Compostela on Wednesday night, killing dozens of passengers and injuring many more. ", 3) +
		"Rescue workers searched the wreckage through the night while the driver was questioned by police about the speed of the train on the bend."
	day := func(d int) time.Time { return time.Date(2013, 7, d, 0, 0, 0, 0, time.UTC) }
	docs := []*news.Doc{
		{Article: news.Article{ID: "b.txt", Text: "Reprinted. " + wire + " Copyright the reprinter."}, Date: day(26)},
		{Article: news.Article{ID: "a.txt", Text: wire}, Date: day(25)},
		{Article: news.Article{ID: "c.txt", Text: "A different report: the Spanish government declared three days of mourning after the crash, and the king visited the injured in hospital on Thursday, thanking the people of Santiago who gave blood and shelter to the survivors of the accident."}, Date: day(25)},
		{Article: news.Article{ID: "d.txt", Text: wire}}, // undated: after a.txt in ID order
	}
	got := copies(docs)
	want := map[string]string{"b.txt": "a.txt", "d.txt": "a.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("copies = %v, want %v", got, want)
	}
	b := &news.Brief{
		Sources: []news.Source{{ID: "a.txt"}, {ID: "b.txt"}, {ID: "c.txt"}, {ID: "d.txt"}},
		Summary: []news.SummaryLine{{Text: "x", Sources: []string{"b.txt", "a.txt", "c.txt", "d.txt"}}},
	}
	markCopies(b, got)
	if b.Sources[1].DuplicateOf != "a.txt" || b.Sources[0].DuplicateOf != "" {
		t.Errorf("sources %+v", b.Sources)
	}
	if s := b.Summary[0].Sources; !reflect.DeepEqual(s, []string{"a.txt", "c.txt"}) {
		t.Errorf("a line citing a copy and its original cites %v, want each once as the original", s)
	}
}
