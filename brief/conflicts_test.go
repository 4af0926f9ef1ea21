package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

// analysedStory runs the default chain over texts, one doc per text,
// dated day by day from 2011-10-23.
func analysedStory(t *testing.T, texts ...string) *news.Story {
	t.Helper()
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &news.Story{}
	for i, text := range texts {
		a := &news.Article{ID: string(rune('a'+i)) + ".txt", Text: text}
		d, err := chain.Doc(a)
		if err != nil {
			t.Fatal(err)
		}
		d.Date = time.Date(2011, 10, 23+i, 0, 0, 0, 0, time.UTC)
		d.DateStatus = news.DateStated
		s.Docs = append(s.Docs, d)
	}
	return s
}

func TestFigureConflicts(t *testing.T) {
	s := analysedStory(t,
		"A 7.2-magnitude earthquake struck eastern Turkey on Sunday, killing 217 people in the province. About 1,090 people were injured. The quake killed 100 in the city of Van and 117 in the town of Ercis.",
		"The earthquake that struck eastern Turkey killed 264 people, officials said on Monday. About 1,090 people were injured. The U.S. Geological Survey measured the earthquake at magnitude 7.3.",
		"Rescuers searched the rubble in eastern Turkey. The earthquake has killed 279 people. Some 1,090 people were hurt.",
	)
	cs := loggedFigureConflicts(t, s)
	toll := findConflict(cs, "217", "264", "279")
	if toll == nil {
		t.Fatal("no conflict over the death toll 217/264/279")
	}
	if !toll.Change || toll.Kind != "number" {
		t.Errorf("a toll rising day by day is a change over time of kind number: %+v", toll)
	}
	for _, cl := range toll.Claims {
		if strings.HasPrefix(cl.Value, "1,090") || strings.HasPrefix(cl.Value, "7.") || cl.Evidence == "" {
			t.Errorf("toll claim %+v: the injured or the magnitude is another quantity; every claim has its evidence", cl)
		}
		if strings.HasPrefix(cl.Value, "117") || strings.HasPrefix(cl.Value, "100") {
			t.Errorf("toll claim %+v: one town's toll is not the province's", cl)
		}
	}
	if findConflict(cs, "7.2", "7.3") == nil {
		t.Error("no conflict over the magnitude 7.2/7.3")
	}
	if c := findConflict(cs, "1,090"); c != nil {
		t.Errorf("all sources give 1,090 injured, yet %+v", c)
	}
}

func TestUnitOfVehicles(t *testing.T) {
	for _, u := range []string{"cars", "vehicles", "trucks", "vehicle"} {
		if got := unitOf(u); got != "vehicle" {
			t.Errorf("unitOf(%q) = %q, want vehicle: two vehicles and four cars count one thing", u, got)
		}
	}
}

// TestPopulationConflicts checks that a settlement's population ("a
// city of 75,000") is its own quantity, compared only where the same
// place is named around both figures.
func TestPopulationConflicts(t *testing.T) {
	s := analysedStory(t,
		"The quake hit hardest in Ercis, a district of around 100,000 people, where 55 buildings collapsed.",
		"Ercis, an eastern city of 75,000 close to the Iranian border, lost 55 buildings.",
		"Rescuers reached Van, a city of 370,000, on Monday.",
	)
	cs := figureConflicts(s, nil, nil)
	var pop []news.Conflict
	for _, c := range cs {
		if c.About == "population" {
			pop = append(pop, c)
		}
	}
	if len(pop) != 1 || len(pop[0].Claims) != 2 || !strings.HasPrefix(pop[0].Claims[0].Value, "75,000") || !strings.HasPrefix(pop[0].Claims[1].Value, "100,000") {
		t.Fatalf("want one population conflict, 75,000 against 100,000 (Van's is another place's): %+v", cs)
	}
}
