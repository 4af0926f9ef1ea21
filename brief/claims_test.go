package brief

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

// loggedFigureConflicts returns figureConflicts of s (no entities, no
// copies), each logged.
func loggedFigureConflicts(t *testing.T, s *news.Story) []news.Conflict {
	t.Helper()
	cs := figureConflicts(s, nil, nil)
	for _, c := range cs {
		t.Logf("%s change=%v %+v", c.About, c.Change, c.Claims)
	}
	return cs
}

// findConflict returns the conflict that holds a claim opening with each
// of values, or nil.
func findConflict(cs []news.Conflict, values ...string) *news.Conflict {
	for i, c := range cs {
		n := 0
		for _, v := range values {
			for _, cl := range c.Claims {
				if strings.HasPrefix(cl.Value, v) {
					n++
					break
				}
			}
		}
		if n == len(values) {
			return &cs[i]
		}
	}
	return nil
}

// TestPartialAttributes checks that a figure whose source leaves out
// what another states of it (its complement, its place) is compared with
// it, while the figures of other things stay apart.
func TestPartialAttributes(t *testing.T) {
	s := analysedStory(t,
		"Hillary Clinton released her tax returns, showing that she and her husband earned $139 million in adjusted gross income. They paid $43 million in federal taxes.",
		"The Clintons earned roughly $141 million, according to tax returns released Friday.",
	)
	cs := loggedFigureConflicts(t, s)
	income := findConflict(cs, "$139 million", "$141 million")
	if income == nil {
		t.Fatal("no conflict over the income, $139 million in adjusted gross income against roughly $141 million")
	}
	for _, cl := range income.Claims {
		if strings.HasPrefix(cl.Value, "$43") {
			t.Errorf("income claim %+v: the taxes are another quantity", cl)
		}
	}
	s = analysedStory(t,
		"The ad is costing the group $1 million. It airs in Miami, West Palm Beach and Fort Myers.",
		"The group has reserved $500,000 of airtime in Fort Myers, West Palm Beach and Miami.",
		"The ad, to air in Miami, West Palm Beach and Fort Myers, is costing the group $1 million.",
		"The group spent $3,000 on a poll in Ohio.",
	)
	cs = loggedFigureConflicts(t, s)
	ad := findConflict(cs, "$500,000", "$1 million")
	if ad == nil {
		t.Fatal("no conflict over the ad buy, $500,000 of airtime in three markets against $1 million in the same markets")
	}
	for _, cl := range ad.Claims {
		if strings.HasPrefix(cl.Value, "$3,000") {
			t.Errorf("ad claim %+v: the poll is another quantity", cl)
		}
	}
}

// TestEarlierTime checks that figures of a time well before the story
// are compared with each other when their sentences tell of one thing,
// and never with the story's own.
func TestEarlierTime(t *testing.T) {
	s := analysedStory(t,
		"The earthquake killed 217 people in the province. Two earthquakes in 1999 killed 20,000 people northeast of the country. From 2007 to 2010 the agency spent $14 million on shelters for the homeless.",
		"The earthquake killed 264 people in the province. A 7.6 earthquake in Izmit killed more than 17,000 people in 1999. From 2007 to 2010 the agency spent $12 million on shelters for the homeless.",
	)
	cs := loggedFigureConflicts(t, s)
	toll := findConflict(cs, "217", "264")
	if toll == nil {
		t.Fatal("no conflict over this earthquake's toll")
	}
	for _, cl := range toll.Claims {
		if strings.Contains(cl.Value, "000") {
			t.Errorf("toll claim %+v: an earlier earthquake's toll is another quantity", cl)
		}
	}
	if c := findConflict(cs, "17,000", "20,000"); c != nil {
		t.Errorf("two earthquakes and the Izmit earthquake are not one quantity: %+v", c)
	}
	if findConflict(cs, "$12 million", "$14 million") == nil {
		t.Error("no conflict over the sum spent from 2007 to 2010 on shelters, which both sources tell of")
	}
}

// TestRoundedClaims checks that a rounder value joins the claim of the
// finer one it rounds ("$141 million" and "$140,937,785"), and that a
// value half a step away is no rounding ("$1 million" and "$500,000").
func TestRoundedClaims(t *testing.T) {
	for _, tc := range []struct {
		fine, coarse, step float64
		want               bool
	}{
		{140937785, 141e6, 1e6, true},
		{43885310, 43e6, 1e6, true}, // "$43 million" for $43,885,310: rounded down
		{43885310, 44e6, 1e6, true},
		{500000, 1e6, 1e6, false},
		{7.3, 7.2, 0.1, false},
		{24.45, 24, 1, true},
		{24.48, 25, 1, false},
	} {
		if got := roundsTo(tc.fine, tc.coarse, tc.step); got != tc.want {
			t.Errorf("roundsTo(%v, %v, %v) = %v, want %v", tc.fine, tc.coarse, tc.step, got, tc.want)
		}
	}
	s := analysedStory(t,
		"The Clintons earned $140,937,785 in adjusted gross income, the returns show.",
		"The Clintons earned $141 million in adjusted gross income, the returns show.",
		"The Clintons earned $139 million in adjusted gross income, the returns show.",
	)
	cs := figureConflicts(s, nil, nil)
	c := findConflict(cs, "$139 million", "$140,937,785 ($141 million)")
	if c == nil || len(c.Claims) != 2 {
		t.Fatalf("want $139 million against $140,937,785 with the $141 million that rounds it: %+v", cs)
	}
	if got := c.Claims[1].Sources; len(got) != 2 {
		t.Errorf("the rounded claim's sources are %v, want both a.txt and b.txt", got)
	}
}

// TestConversion checks that a figure given again in other units in
// brackets ("55 miles (90 kilometers)") is one figure, not a second
// quantity to compare.
func TestConversion(t *testing.T) {
	s := analysedStory(t,
		"The city of Van, about 55 miles (90 kilometers) south of Ercis, was also hit.",
		"The quake killed 100 in Van and 117 in Ercis, 100 km (60 miles) further north.",
		"Ercis is located 60 kilometres north of Van.",
	)
	cs := figureConflicts(s, nil, nil)
	for _, c := range cs {
		t.Logf("%s change=%v %+v", c.About, c.Change, c.Claims)
		for _, cl := range c.Claims {
			if strings.HasPrefix(cl.Value, "90") || strings.HasPrefix(cl.Value, "60 miles") {
				t.Errorf("claim %+v: a conversion in brackets is the figure before it", cl)
			}
		}
	}
	if findConflict(cs, "60 kilometres", "100 km") == nil {
		t.Error("no conflict over the distance, 60 kilometres against 100 km")
	}
}

// TestTownsApart checks that the tolls of two towns are never one
// quantity, nor one town's and the whole toll, though their sentences
// are alike.
func TestTownsApart(t *testing.T) {
	s := analysedStory(t,
		"Officials said the earthquake in eastern Turkey killed 100 people in Van on Sunday, with rescuers still searching collapsed buildings.",
		"Officials said the earthquake in eastern Turkey killed 117 people in Ercis on Sunday, with rescuers still searching collapsed buildings.",
		"Officials said the earthquake in eastern Turkey killed 120 people on Sunday, with rescuers still searching collapsed buildings.",
		"Officials said the earthquake in eastern Turkey killed 150 people on Sunday, with rescuers still searching collapsed buildings.",
	)
	cs := figureConflicts(s, nil, nil)
	for _, c := range cs {
		t.Logf("%s change=%v %+v", c.About, c.Change, c.Claims)
		if findConflict([]news.Conflict{c}, "100", "117") != nil {
			t.Errorf("%+v: the toll in Van and the toll in Ercis are two quantities", c)
		}
	}
	toll := findConflict(cs, "120", "150")
	if toll == nil {
		t.Fatal("no conflict over the toll, 120 against 150")
	}
	for _, cl := range toll.Claims {
		if strings.HasPrefix(cl.Value, "100") || strings.HasPrefix(cl.Value, "117") {
			t.Errorf("toll claim %+v: a town's toll is a part of the toll, not a value of it", cl)
		}
	}
}
