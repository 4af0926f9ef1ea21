package eval

import (
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

func TestKeyMatches(t *testing.T) {
	cases := []struct {
		line, key string
		want      bool
	}{
		{"He was appointed on Monday", "appoint", true},
		{"He was reappointed", "appoint", false}, // not at a word start
		{"35 people died", "35", true},
		{"350 people died", "35", false}, // whole numbers only
		{"1,350 people died", "350", false},
		{"a magnitude of 7.2", "7.2", true},
		{"a magnitude of 7.25", "7.2", false},
		{"a magnitude of 17.2", "7.2", false},
		{"at least 1,000 dead", "1,000", true},
		{"at least 1,000,000 dead", "1,000", false},
		{"the 2010 vote", "2010", true},
		{"(35)", "35", true},
		{"20km deep", "20km", true},
	}
	for _, c := range cases {
		if got := KeyMatches(Fold(c.line), Fold(c.key)); got != c.want {
			t.Errorf("KeyMatches(%q, %q) = %v, want %v", c.line, c.key, got, c.want)
		}
	}
}

func TestTells(t *testing.T) {
	cases := []struct {
		line string
		keys []string
		want bool
	}{
		{"Erdoğan met Rouhani in Tehran", []string{"Erdogan", "Rouhani"}, true}, // diacritics folded
		{"ERDOGAN MET ROUHANI", []string{"erdogan", "rouhani"}, true},           // case folded
		{"Erdogan met the president", []string{"Erdogan", "Rouhani"}, false},    // every key
		{"The quake hit eastern Turkey", []string{"7.2|7.3", "struck|hit"}, false},
		{"A 7.3 quake hit eastern Turkey", []string{"7.2|7.3", "struck|hit"}, true},
		{"A 7.3 quake hit eastern Turkey", []string{"7.2 | 7.3"}, true}, // spaces around | ignored
		{"Sánchez won", []string{"Sanchez"}, true},
		{"anything", nil, false}, // an item without keys is told by no line
	}
	for _, c := range cases {
		if got := Tells(c.line, c.keys); got != c.want {
			t.Errorf("Tells(%q, %q) = %v, want %v", c.line, c.keys, got, c.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want []float64
	}{
		{"1,090 injured", []float64{1090}},
		{"73.19%", []float64{73.19}},
		{"$1.5 million", []float64{1.5e6}},
		{"$500,000", []float64{500000}},
		{"seven months", []float64{7}},
		{"1967 to 1979", []float64{1967, 1979}},
		{"28th parallel", []float64{28}},
		{"20km", []float64{20}},
		{"$141m", []float64{141e6}},
		{"no number", nil},
	}
	for _, c := range cases {
		got := Numbers(c.in)
		if !equalNumbers(got, c.want) {
			t.Errorf("Numbers(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDateHolds(t *testing.T) {
	cases := []struct {
		value, gold string
		want        bool
	}{
		{"2011-10-23", "2011-10-23", true},
		{"2011-10-23T13:40", "2011-10-23", true},
		{"2011-10", "2011-10-23", true},      // a month holding the day
		{"2011-W42", "2011-10-23", true},     // 2011-W42 is 17..23 October
		{"2011-W43", "2011-10-23", false},    // the next week
		{"2010-W23-WE", "2010-06-12", true},  // a weekend
		{"2010-W23-WE", "2010-06-10", false}, // a Thursday of that week
		{"2011", "2011-10-23", false},        // a year is too coarse
		{"2011-10-24", "2011-10-23", false},
		{"2010-W20", "2010-W20", true}, // gold weeks and months compare as values
		{"2010-05", "2010-W20", true},  // May holds the week of 17 May
		{"2010-05", "2010-W22", false}, // 31 May to 6 June
		{"", "2011-10-23", false},
	}
	for _, c := range cases {
		if got := DateHolds(c.value, c.gold); got != c.want {
			t.Errorf("DateHolds(%q, %q) = %v, want %v", c.value, c.gold, got, c.want)
		}
	}
}

func TestConflictMatches(t *testing.T) {
	gold := GoldDisagreement{About: "death toll", Kind: "number", Claims: []GoldClaim{
		{Value: "217"}, {Value: "1,090"}, {Value: "264"},
	}}
	claims := func(vs ...string) news.Conflict {
		c := news.Conflict{About: "x"}
		for _, v := range vs {
			c.Claims = append(c.Claims, news.Claim{Value: v})
		}
		return c
	}
	cases := []struct {
		c    news.Conflict
		want bool
	}{
		{claims("217 killed", "264 dead"), true},
		{claims("1090", "217.0"), true},                // numbers compared as numbers
		{claims("217 killed", "217 people"), false},    // one value twice
		{claims("217 killed"), false},                  // one claim
		{claims("2170 killed", "2640 dead"), false},    // other numbers
		{claims("217 killed", "no number"), false},     // a claim without the value
		{claims("about 200", "217", "1,090"), true},    // two of three claims
		{claims("217 and 264", "unrelated"), false},    // both values in one claim
		{claims("between 217 and 264", "264"), true},   // each claim one value
		{claims("Monday's 264", "Sunday's 217"), true}, // order does not matter
	}
	for _, c := range cases {
		if got := ConflictMatches(c.c, gold); got != c.want {
			t.Errorf("ConflictMatches(%v) = %v, want %v", c.c.Claims, got, c.want)
		}
	}
	who := GoldDisagreement{Kind: "attribution", Claims: []GoldClaim{{Value: "Mustafa Abdel Jalil"}, {Value: "Mahmoud Jibril"}}}
	if !ConflictMatches(claims("mustafa abdel jalil", "Mahmoud Jibril (NTC)"), who) {
		t.Error("names: folded containment should match")
	}
	if ConflictMatches(claims("Mustafa Abdel Jalil", "Jalil"), who) {
		t.Error("two forms of one name matched two values")
	}
}

func TestDebrisLine(t *testing.T) {
	debris := []string{
		"23:35 GMT22 June 2021 Listen Live 0 121",
		"(Ali Ihsan Ozturk/AP)",
		"Oct. 24, 2011 - 19:26 By",
		"",
	}
	prose := []string{
		"A magnitude 7.2 earthquake struck eastern Turkey on Sunday.",
		"Interior Minister Idris Naim Sahin said 217 people died.",
	}
	for _, s := range debris {
		if !DebrisLine(s) {
			t.Errorf("DebrisLine(%q) = false", s)
		}
	}
	for _, s := range prose {
		if DebrisLine(s) {
			t.Errorf("DebrisLine(%q) = true", s)
		}
	}
}

// TestScoreBrief scores a hand-made brief against a hand-made gold brief
// and checks every count.
func TestScoreBrief(t *testing.T) {
	g := &GoldBrief{
		Story: "quake",
		Articles: []GoldArticle{
			{File: "a.txt", Date: "2011-10-23"},
			{File: "b.txt", Date: "2011-10-24", OffTopic: []string{"Photo: AP"}},
			{File: "c.txt", Date: "2011-10-24", DuplicateOf: "b.txt"},
			{File: "d.txt", Date: ""},
		},
		Events: []GoldItem{
			{ID: "e1", Date: "2011-10-23", Keys: []string{"7.2", "struck|hit"}, Sources: []string{"a.txt", "b.txt"}},
			{ID: "e2", Date: "2011-10-24", Keys: []string{"217"}, Sources: []string{"b.txt"}},
			{ID: "e3", Date: "2011-10-25", Planned: true, Keys: []string{"funeral"}, Sources: []string{"b.txt"}},
		},
		Facts: []GoldItem{
			{ID: "f1", Keys: []string{"Kurdish"}, Sources: []string{"a.txt"}},
		},
		Disagreements: []GoldDisagreement{
			{About: "toll", Kind: "number", Claims: []GoldClaim{{Value: "217"}, {Value: "264"}}},
			{About: "hour", Kind: "date", Claims: []GoldClaim{{Value: "1:41 p.m."}, {Value: "10.40 a.m."}}},
		},
		People: []GoldPerson{
			{Name: "Recep Tayyip Erdogan", Forms: []string{"Recep Tayyip Erdogan", "Erdogan", "Mr. Erdogan"}},
			{Name: "Idris Naim Sahin", Forms: []string{"Idris Naim Sahin", "Naim Sahin", "Sahin"}},
			{Name: "Absent Person", Forms: []string{"Nobody Here"}},
		},
		Quotes: []GoldQuote{
			{Speaker: "Recep Tayyip Erdogan", Says: "the toll could rise"},
			{Speaker: "Idris Naim Sahin", Says: "we are not finished", Negated: true},
		},
	}
	b := &news.Brief{
		Sources: []news.Source{
			{ID: "a.txt", Date: "2011-10-23"},
			{ID: "b.txt", Date: "2011-10-23"}, // a day early
			{ID: "c.txt", Date: "", DuplicateOf: "b.txt"},
			{ID: "d.txt", Date: "2011-10-01"},
		},
		Summary: []news.SummaryLine{
			// Tells e1; cites a (right), b (right) and c (b's copy: b again).
			{Text: "A 7.2 quake struck Van.", Sources: []string{"a.txt", "b.txt", "c.txt"}},
			// Tells f1; cites b, which is wrong.
			{Text: "The region is mainly Kurdish.", Sources: []string{"b.txt"}},
			// Tells nothing.
			{Text: "Rescuers worked through the night.", Sources: []string{"a.txt"}},
		},
		Timeline: []news.TimelineEntry{
			{Date: "2011-10", Text: "The 7.2 quake hit.", Sources: []string{"a.txt"}},
			{Date: "2011-10-23", Text: "The toll reached 217.", Sources: []string{"b.txt"}},
			{Date: "2011-10-24", Text: "Photo: AP Rescue teams", Sources: []string{"b.txt"}},
		},
		Entities: []news.Entity{
			{Name: "Recep Tayyip Erdogan", Forms: []string{"Recep Tayyip Erdogan", "Erdogan"}},
			{Name: "Sahin", Forms: []string{"Sahin", "Idris Naim Sahin", "Erdogan"}}, // holds two people, lacks "Naim Sahin"
		},
		Quotes: []news.QuoteEntry{
			{Speaker: "Recep Tayyip Erdogan", Text: "He said the toll could rise further"},
			{Speaker: "Idris Naim Sahin", Text: "we are finished"}, // negation lost
		},
		Conflicts: []news.Conflict{
			{About: "death toll", Claims: []news.Claim{{Value: "217"}, {Value: "264"}}},
			{About: "date of b.txt", Claims: []news.Claim{{Value: "2011-10-24"}}},
		},
	}
	texts := map[string]string{"a.txt": "Mr. Erdogan and Recep Tayyip Erdogan and Erdogan visited.", "b.txt": "Idris Naim Sahin, Sahin."}
	sc := ScoreBrief(g, b, texts)
	want := BriefScore{
		Dated: 3, DateExact: 1, DateNear: 2,
		// e1 by the first summary line: a, b cited, a, b wanted (c is b);
		// f1: b cited, a wanted; e1 by the first timeline line: a cited,
		// a, b wanted; e2 by the second: b cited, b wanted.
		CiteRight: 4, CiteMade: 5, CiteFound: 4, CiteWanted: 6,
		LinesTelling: 4, Lines: 6,
		Events: 3, EventsTold: 2, EventDateRight: 1, Planned: 2,
		ConflictsGold: 2, GoldFound: 1, ConflictsMade: 2, MadeRight: 1,
		Quotes: 2, QuotesRight: 1,
		People: 2, PeopleWhole: 1,
		Entities: 2, EntitiesPure: 1,
		Leaks:   1,
		DupGold: 1, DupMade: 1, DupRight: 1,
	}
	sc.LeakLines = nil
	if sc.Dated != want.Dated || sc.DateExact != want.DateExact || sc.DateNear != want.DateNear {
		t.Errorf("dates %d/%d/%d, want %d/%d/%d", sc.Dated, sc.DateExact, sc.DateNear, want.Dated, want.DateExact, want.DateNear)
	}
	if sc.CiteRight != want.CiteRight || sc.CiteMade != want.CiteMade || sc.CiteFound != want.CiteFound || sc.CiteWanted != want.CiteWanted {
		t.Errorf("citations right %d of %d, found %d of %d; want %d of %d, %d of %d",
			sc.CiteRight, sc.CiteMade, sc.CiteFound, sc.CiteWanted, want.CiteRight, want.CiteMade, want.CiteFound, want.CiteWanted)
	}
	if sc.LinesTelling != want.LinesTelling || sc.Lines != want.Lines {
		t.Errorf("lines telling %d of %d, want %d of %d", sc.LinesTelling, sc.Lines, want.LinesTelling, want.Lines)
	}
	if sc.Events != want.Events || sc.EventsTold != want.EventsTold || sc.EventDateRight != want.EventDateRight || sc.Planned != want.Planned {
		t.Errorf("events %d told %d dated %d planned %d, want %d %d %d %d", sc.Events, sc.EventsTold, sc.EventDateRight, sc.Planned,
			want.Events, want.EventsTold, want.EventDateRight, want.Planned)
	}
	if sc.ConflictsGold != want.ConflictsGold || sc.GoldFound != want.GoldFound || sc.ConflictsMade != want.ConflictsMade || sc.MadeRight != want.MadeRight {
		t.Errorf("conflicts found %d of %d, right %d of %d", sc.GoldFound, sc.ConflictsGold, sc.MadeRight, sc.ConflictsMade)
	}
	if sc.Quotes != want.Quotes || sc.QuotesRight != want.QuotesRight {
		t.Errorf("speakers %d of %d", sc.QuotesRight, sc.Quotes)
	}
	if sc.People != want.People || sc.PeopleWhole != want.PeopleWhole || sc.Entities != want.Entities || sc.EntitiesPure != want.EntitiesPure {
		t.Errorf("people whole %d of %d, pure %d of %d", sc.PeopleWhole, sc.People, sc.EntitiesPure, sc.Entities)
	}
	if sc.Leaks != want.Leaks {
		t.Errorf("leaks %d, want %d", sc.Leaks, want.Leaks)
	}
	if sc.DupGold != want.DupGold || sc.DupMade != want.DupMade || sc.DupRight != want.DupRight {
		t.Errorf("duplicates %d of %d made, %d gold", sc.DupRight, sc.DupMade, sc.DupGold)
	}
}

// TestBriefsDev runs the suite on ../shared/data/briefs and holds the
// figures reached as floors.
func TestBriefsDev(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sixteen briefs")
	}
	dir := testutil.Data(t, "briefs")
	r, err := Run("briefs", Options{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, r, map[string]float64{
		"date_exact":             0.92,
		"date_within_day":        0.99,
		"citation_precision":     0.94,
		"citation_recall":        0.60,
		"events_told":            0.78,
		"event_dates_right":      0.92,
		"disagreement_recall":    0.632,
		"disagreement_precision": 0.905,
		"speakers_right":         0.93,
		"people_whole":           0.95,
		"entities_pure":          0.99,
		"duplicate_precision":    1,
		"duplicate_recall":       1,
	})
	if v, _ := r.Value("storyline", "leaks_count"); v > 0 {
		t.Errorf("leaks_count = %.0f, want 0", v)
	}
}
