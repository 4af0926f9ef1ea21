package entity_test

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// TestApplyCleanups runs the tagger over made-up text and checks what a
// reader should and should not see among the mentions.
func TestApplyCleanups(t *testing.T) {
	type ment struct {
		text string
		typ  news.EntityType
	}
	tests := []struct {
		name   string
		text   string
		want   []ment
		absent []string
		// entity names the doc-level entities must include
		entities []string
	}{
		{
			name:   "a discourse word opening a sentence",
			text:   "Besides, the council met in Lisbon on Tuesday. Meanwhile, the talks went on.",
			want:   []ment{{"Lisbon", news.Place}},
			absent: []string{"Besides", "Meanwhile"},
		},
		{
			name:   "party and state tags after a name",
			text:   "Sen. Daniel Webberly (R-Ohio) said the vote would pass. Rep. Anna Kowalczyk (D-N.Y.) disagreed.",
			want:   []ment{{"Daniel Webberly", news.Person}, {"Anna Kowalczyk", news.Person}},
			absent: []string{"R-Ohio", "D-N.Y", "D-N.Y."},
		},
		{
			name:   "a state's abbreviation before a surname",
			text:   "The plaintiff, Nora Pettigrew of Calif., sued the company. Calif. Pettigrew said she would appeal.",
			want:   []ment{{"Nora Pettigrew", news.Person}, {"Pettigrew", news.Person}},
			absent: []string{"Calif. Pettigrew"},
		},
		{
			name:     "a titled surname none of its namesakes holds",
			text:     "Mary Voss and Liz Voss spoke on Monday. Former Senator Voss did not.",
			want:     []ment{{"Mary Voss", news.Person}, {"Liz Voss", news.Person}, {"Voss", news.Person}},
			entities: []string{"Mary Voss", "Liz Voss", "Voss"},
		},
		{
			name: "a people is an other name",
			text: "Thousands of Muslims and Kurds gathered in Vienna on Sunday.",
			want: []ment{{"Muslims", news.Misc}, {"Kurds", news.Misc}, {"Vienna", news.Place}},
		},
		{
			name:   "a weekday next to a name",
			text:   "Friday Facebook removed the post. The aide met Ostrova Monday in Tallinn.",
			absent: []string{"Friday Facebook", "Ostrova Monday"},
		},
		{
			name:   "abbreviations alone are no names",
			text:   "The vote came on Dec. 5 in Albany. Sen. spoke first, then Rep. Ida Marsh.",
			want:   []ment{{"Ida Marsh", news.Person}},
			absent: []string{"Dec.", "Sen.", "Rep."},
		},
		{
			name: "an office inside a name",
			text: "Ohio Gov. Marla Quentin signed the bill on Monday, and Chief Justice Harold Benning swore her in.",
			want: []ment{{"Marla Quentin", news.Person}, {"Harold Benning", news.Person}},
		},
		{
			name:     "a nationality before an armed force",
			text:     "The Polish Armed Forces held drills near Gdansk with the Lithuanian Army.",
			want:     []ment{{"Polish Armed Forces", news.Organisation}, {"Lithuanian Army", news.Organisation}},
			entities: []string{"Polish Armed Forces", "Lithuanian Army"},
		},
		{
			name:     "a nationality before a ministry the tagger found",
			text:     "The German Foreign Ministry said the talks had failed.",
			entities: []string{"German Foreign Ministry"},
		},
		{
			name:   "a law is no person",
			text:   "Lawmakers passed the Secure Borders Act, and Senator Jack Pellman called the Borders Act a success.",
			want:   []ment{{"Jack Pellman", news.Person}},
			absent: []string{},
		},
		{
			name: "an office word does not split a body's name",
			text: "The Premier League and the Justice Department issued statements.",
			want: []ment{{"Premier League", news.Organisation}, {"Justice Department", news.Organisation}},
		},
	}
	tg, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range titleTests {
		t.Run(tc.name, func(t *testing.T) {
			d := docOf(t, "x", tc.text)
			if err := tg.Apply(d); err != nil {
				t.Fatal(err)
			}
			for _, m := range d.Mentions {
				if m.Text == tc.person {
					if !slices.Equal(m.Titles, tc.titles) {
						t.Errorf("%q titles %q, want %q", m.Text, m.Titles, tc.titles)
					}
					return
				}
			}
			t.Errorf("no mention %q in %+v", tc.person, d.Mentions)
		})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := docOf(t, "x", tc.text)
			if err := tg.Apply(d); err != nil {
				t.Fatal(err)
			}
			got := map[string]news.EntityType{}
			for _, m := range d.Mentions {
				got[m.Text] = m.Type
				if m.Type == news.Person && (m.Text == "Borders Act" || m.Text == "Secure Borders Act") {
					t.Errorf("%q typed a person", m.Text)
				}
			}
			for _, w := range tc.want {
				if typ, ok := got[w.text]; !ok || typ != w.typ {
					t.Errorf("want %s %q, got %v", w.typ, w.text, got)
				}
			}
			for _, a := range tc.absent {
				if _, ok := got[a]; ok {
					t.Errorf("%q should not be a mention: %v", a, got)
				}
			}
			for _, n := range tc.entities {
				if !slices.ContainsFunc(d.Entities, func(e news.Entity) bool { return e.Name == n }) {
					t.Errorf("no entity %q in %+v", n, d.Entities)
				}
			}
		})
	}
}

// titleTests check the titles the tagger gives a person.
var titleTests = []struct {
	name, text, person string
	titles             []string
}{
	{"an office of another person's", "The bill passed, a spokesman for House Speaker Tom Wexley said.", "Tom Wexley", []string{"House Speaker"}},
	{"a relation to a person is not theirs", "Lena Moss, a spokeswoman for the Wexley campaign, declined to comment. Jim Hart, an aide to Wexley, agreed.", "Wexley", nil},
	{"Attorney General is one office", "Attorney General Dana Whitfield opened an inquiry.", "Dana Whitfield", []string{"Attorney General"}},
}

func ent(typ news.EntityType, name string, roles ...string) news.Entity {
	return news.Entity{Name: name, Type: typ, Forms: []string{name}, Roles: roles}
}

// storyDocs makes one doc per list of entities, each mentioned once.
func storyDocs(lists ...[]news.Entity) []*news.Doc {
	var docs []*news.Doc
	for i, es := range lists {
		id := string(rune('a' + i))
		d := &news.Doc{Article: news.Article{ID: id}}
		for j, e := range es {
			e.Sources = []string{id}
			d.Entities = append(d.Entities, e)
			d.Mentions = append(d.Mentions, news.Mention{Text: e.Name, Type: e.Type, Entity: j})
		}
		docs = append(docs, d)
	}
	return docs
}

func find(es []news.Entity, name string) (news.Entity, bool) {
	for _, e := range es {
		if e.Name == name || slices.Contains(e.Forms, name) {
			return e, true
		}
	}
	return news.Entity{}, false
}

// TestMergeStory checks the story-level rules of Merge on made-up
// entities.
func TestMergeStory(t *testing.T) {
	t.Run("a stray place is the person most mentions name", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Anna Hanley", "Governor"), ent(news.Person, "Hanley")},
			[]news.Entity{ent(news.Person, "Hanley")},
			[]news.Entity{ent(news.Place, "Hanley"), ent(news.Place, "Dublin")},
		))
		e, ok := find(got, "Anna Hanley")
		if !ok || e.Type != news.Person || !slices.Contains(e.Sources, "c") {
			t.Errorf("want one person Anna Hanley from a, b and c, got %+v", got)
		}
		for _, x := range got {
			if x.Type == news.Place && x.Name == "Hanley" {
				t.Errorf("Hanley left as a place: %+v", got)
			}
		}
	})
	t.Run("a tie goes to the person unless the word is a known place", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Ivan Petrakis", "President"), ent(news.Person, "Ivan] Petrakis")},
			[]news.Entity{ent(news.Place, "Petrakis"), ent(news.Place, "Paris")},
			[]news.Entity{ent(news.Person, "Jean Paris")},
		))
		e, _ := find(got, "Petrakis")
		if e.Type != news.Person || e.Name != "Ivan Petrakis" || len(e.Sources) != 2 {
			t.Errorf("want the person Ivan Petrakis from a and b, got %+v", got)
		}
		if e, _ := find(got, "Paris"); e.Type != news.Place {
			t.Errorf("want the place Paris, got %+v", got)
		}
	})
	t.Run("a given name typed a place joins the one person named so", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{{Name: "Rasheed Tannous", Type: news.Person, Forms: []string{"Rasheed Tannous", "Tannous"}}},
			[]news.Entity{ent(news.Place, "Rasheed")},
			[]news.Entity{ent(news.Person, "Rasheed Tannous"), ent(news.Place, "Beirut")},
		))
		if e, _ := find(got, "Rasheed"); e.Name != "Rasheed Tannous" {
			t.Errorf("Rasheed apart from Rasheed Tannous: %+v", got)
		}
	})
	t.Run("a place named more often stays a place", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Paul Lisbon")},
			[]news.Entity{ent(news.Place, "Lisbon")},
			[]news.Entity{ent(news.Place, "Lisbon")},
		))
		if e, ok := find(got, "Lisbon"); !ok || e.Type != news.Place {
			t.Errorf("want the place Lisbon, got %+v", got)
		}
	})
	t.Run("nationalities and faiths left out", func(t *testing.T) {
		docs := storyDocs([]news.Entity{
			ent(news.Misc, "Norwegian"), ent(news.Misc, "Norwegians"), ent(news.Misc, "Danish-led"),
			ent(news.Misc, "Republican-controlled"), ent(news.Person, "Buddhists"), ent(news.Place, "Hindu"),
			ent(news.Misc, "Winter Olympics"), ent(news.Misc, "Cold War"), ent(news.Place, "Japan"),
			ent(news.Misc, "Zorani"), ent(news.Misc, "Zoranis"),
		})
		got := entity.Merge(docs)
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		want := []string{"Japan", "Winter Olympics", "Cold War"}
		if !sameNames(names, want) {
			t.Errorf("got %q, want %q", names, want)
		}
		all := entity.MergeWith(docs, entity.MergeOptions{KeepAdjectives: true})
		if len(all) != 11 {
			t.Errorf("KeepAdjectives: got %d entities, want 11", len(all))
		}
	})
	t.Run("a common word written once is left out", func(t *testing.T) {
		got := entity.Merge(storyDocs([]news.Entity{ent(news.Organisation, "Arrogance"), ent(news.Organisation, "Army"), ent(news.Organisation, "Fars")},
			[]news.Entity{ent(news.Organisation, "Senate")}, []news.Entity{ent(news.Organisation, "Senate")}))
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		if !sameNames(names, []string{"Fars", "Senate"}) {
			t.Errorf("got %q, want Fars and Senate", names)
		}
	})
	t.Run("roles: the most specific, spelled out, once", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Ivo Tamm", "President", "General")},
			[]news.Entity{ent(news.Person, "Ivo Tamm", "Estonian President", "Major General", "Sen.")},
			[]news.Entity{ent(news.Person, "Ivo Tamm", "estonian president", "Senator", "Vice President")},
			[]news.Entity{ent(news.Person, "Rita Mets", "chief of staff of the Estonian Army"), ent(news.Person, "Aino Mets", "Chief of Staff of the Latvian Army")},
		))
		e, _ := find(got, "Ivo Tamm")
		want := []string{"Estonian President", "Major General", "Senator", "Vice President"}
		if !sameNames(e.Roles, want) {
			t.Errorf("roles %q, want %q", e.Roles, want)
		}
		r, _ := find(got, "Rita Mets")
		a, _ := find(got, "Aino Mets")
		if len(r.Roles) != 1 || len(a.Roles) != 1 || r.Name == a.Name {
			t.Errorf("two people with their own roles, got %+v and %+v", r, a)
		}
	})
	t.Run("short given names", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Bob Hartwell", "Senator")},
			[]news.Entity{ent(news.Person, "Robert Hartwell", "Sen.")},
			[]news.Entity{ent(news.Person, "Liz Carver"), ent(news.Person, "Elizabeth Carver")},
			[]news.Entity{ent(news.Person, "Dick Olsen"), ent(news.Person, "Richard Olsen"), ent(news.Person, "Tom Olsen")},
		))
		for _, pair := range [][2]string{{"Bob Hartwell", "Robert Hartwell"}, {"Liz Carver", "Elizabeth Carver"}, {"Dick Olsen", "Richard Olsen"}} {
			e, _ := find(got, pair[0])
			if !slices.Contains(e.Forms, pair[1]) {
				t.Errorf("%s and %s apart: %+v", pair[0], pair[1], got)
			}
		}
		if e, _ := find(got, "Tom Olsen"); slices.Contains(e.Forms, "Richard Olsen") {
			t.Errorf("Tom and Richard Olsen joined: %+v", e)
		}
	})
	t.Run("an acronym joins the expansion of its own type", func(t *testing.T) {
		got := entity.Merge(storyDocs([]news.Entity{ent(news.Place, "N.Z."), ent(news.Place, "New Zealand"), ent(news.Misc, "New Zealander Weekly")}))
		if e, _ := find(got, "N.Z."); e.Name != "New Zealand" {
			t.Errorf("N.Z. apart from New Zealand: %+v", got)
		}
	})
	t.Run("a name in capitals written as a name", func(t *testing.T) {
		got := entity.Merge(storyDocs([]news.Entity{ent(news.Place, "WASHINGTON"), ent(news.Organisation, "NAACP"), ent(news.Person, "MARIA LOPEZ")}))
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		if !sameNames(names, []string{"Washington", "NAACP", "Maria Lopez"}) {
			t.Errorf("got %q", names)
		}
	})
	t.Run("a place's abbreviation spelled out", func(t *testing.T) {
		got := entity.Merge(storyDocs([]news.Entity{ent(news.Place, "Mt Kessel")}, []news.Entity{ent(news.Place, "Mount Kessel")}))
		if len(got) != 1 || got[0].Name != "Mount Kessel" {
			t.Errorf("want one place Mount Kessel, got %+v", got)
		}
	})
	t.Run("a body's name inside a longer one", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Misc, "Clean Rivers Act"), ent(news.Place, "Federal Republic of Freedonia")},
			[]news.Entity{ent(news.Misc, "Rivers Act"), ent(news.Place, "Federal Republic")},
		))
		if len(got) != 2 {
			t.Errorf("want two entities, got %+v", got)
		}
		if e, _ := find(got, "Federal Republic"); e.Name != "Federal Republic of Freedonia" {
			t.Errorf("canonical name %q, want the full one", e.Name)
		}
		got = entity.Merge(storyDocs(
			[]news.Entity{ent(news.Organisation, "Portland Beavers"), ent(news.Organisation, "Democratic Assembly"), ent(news.Organisation, "Tribune")},
			[]news.Entity{ent(news.Organisation, "Beavers"), ent(news.Organisation, "Assembly"), ent(news.Organisation, "Chicago Tribune"), ent(news.Organisation, "Denver Tribune")},
		))
		if e, _ := find(got, "Beavers"); e.Name != "Portland Beavers" {
			t.Errorf("Beavers apart from Portland Beavers: %+v", got)
		}
		if e, _ := find(got, "Assembly"); e.Name != "Assembly" {
			t.Errorf("Assembly joined a party's assembly: %+v", e)
		}
		if e, _ := find(got, "Tribune"); e.Name != "Tribune" {
			t.Errorf("Tribune joined one of two Tribunes: %+v", e)
		}
	})
}

func sameNames(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
