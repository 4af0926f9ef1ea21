package brief

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

// TestRaritySim checks that a word every sentence holds counts for
// less than a rare name: two sentences sharing only the story's common
// word are less alike than two sharing only a rare name.
func TestRaritySim(t *testing.T) {
	text := "Earthquake hits Van. Earthquake kills many. Earthquake rescue goes on. Yalcin Akay survives earthquake. Akay called police."
	d := &news.Doc{Article: news.Article{ID: "a", Text: text}}
	at := 0
	for _, s := range []string{"Earthquake hits Van.", "Earthquake kills many.", "Earthquake rescue goes on.", "Yalcin Akay survives earthquake.", "Akay called police."} {
		d.Sentences = append(d.Sentences, news.Sentence{Span: news.Span{Start: at, End: at + len(s)}})
		at += len(s) + 1
	}
	r := storyRarity(&news.Story{Docs: []*news.Doc{d}})
	common := r.sim(contentBag("Earthquake hits Van."), contentBag("Earthquake kills many."))
	rare := r.sim(contentBag("Yalcin Akay survives earthquake."), contentBag("Akay called police."))
	if !(rare > common) {
		t.Errorf("sharing a rare name gives %.3f, sharing the common word %.3f; want the first greater", rare, common)
	}
	if plainC, plainR := contentBag("Earthquake hits Van.").sim(contentBag("Earthquake kills many.")), contentBag("Yalcin Akay survives earthquake.").sim(contentBag("Akay called police.")); rare/common <= plainR/plainC {
		t.Errorf("rarity does not favour the rare name: %.3f/%.3f against plain %.3f/%.3f", rare, common, plainR, plainC)
	}
}

// TestCommonDay checks that an undated entry is dated by the day most
// of its sources give, the earliest of equals.
func TestCommonDay(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	mk := func(src, date string) *candidate {
		return &candidate{source: src, date: date, start: day(date), end: day(date)}
	}
	for _, tc := range []struct {
		ms   []*candidate
		want string
	}{
		{[]*candidate{mk("a", "2011-10-17"), mk("b", "2011-10-18"), mk("c", "2011-10-18")}, "2011-10-18"},
		{[]*candidate{mk("a", "2011-10-19"), mk("b", "2011-10-18")}, "2011-10-18"},
		// one source twice does not outvote two
		{[]*candidate{mk("a", "2011-10-17"), mk("a", "2011-10-17"), mk("b", "2011-10-18"), mk("c", "2011-10-18")}, "2011-10-18"},
	} {
		if got := commonDay(tc.ms).date; got != tc.want {
			t.Errorf("commonDay = %s, want %s", got, tc.want)
		}
	}
}

// TestFoldRetellings checks that of two kept undated entries telling one
// happening in other words the one fewer sources tell is folded into the
// other, and that an unrelated entry stays.
func TestFoldRetellings(t *testing.T) {
	day, _ := time.Parse("2006-01-02", "2011-10-23")
	mk := func(src, text string) *candidate {
		return &candidate{source: src, date: "2011-10-23", start: day, end: day, text: text, words: contentBag(text)}
	}
	big := &entry{members: []*candidate{mk("a", "Survivor Yalcin Akay was dug from a collapsed building."), mk("b", "Rescuers dug Yalcin Akay out of the rubble of a building.")}}
	small := &entry{members: []*candidate{mk("c", "Akay had called police from the rubble of the collapsed building.")}}
	other := &entry{members: []*candidate{mk("d", "The airport of Van was damaged and flights were diverted.")}}
	for _, e := range []*entry{big, small, other} {
		e.words = e.members[0].words.copy()
	}
	entries := []*entry{small, big, other}
	r := rarity{of: map[string]float64{}, n: 10}
	keep := []bool{true, true, true}
	foldRetellings(entries, keep, newCandNorms(r))
	if keep[0] || !keep[1] || !keep[2] {
		t.Fatalf("keep = %v, want [false true true]", keep)
	}
	if len(big.members) != 3 {
		t.Errorf("the kept entry has %d members, want 3 (the folded one's too)", len(big.members))
	}
}
