package brief

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestEntityConflicts(t *testing.T) {
	person := func(name string, roles ...string) news.Entity {
		return news.Entity{Name: name, Type: news.Person, Forms: []string{name}, Roles: roles}
	}
	doc := func(id string, ents ...news.Entity) *news.Doc {
		return &news.Doc{Article: news.Article{ID: id}, Entities: ents}
	}
	tests := []struct {
		name string
		docs []*news.Doc
		ent  news.Entity
		want []news.Conflict
	}{
		{
			name: "rank spellings normalised, two ranks conflict",
			docs: []*news.Doc{
				doc("000", person("Othman al-Ghanmi", "Major General")),
				doc("001", person("Othman al-Ghanemi", "Lieutenant-General", "Iraqi army Chief of Staff")),
				doc("004", person("Othman al-Ghanmi", "Lieutenant General")),
			},
			ent: news.Entity{Name: "Othman al-Ghanmi", Type: news.Person, Forms: []string{"Othman al-Ghanmi", "Othman al-Ghanemi"}, Sources: []string{"000", "001", "004"}},
			want: []news.Conflict{{About: "rank of Othman al-Ghanmi", Kind: "title", Claims: []news.Claim{
				{Value: "Major General", Sources: []string{"000"}},
				{Value: "Lieutenant General", Sources: []string{"001", "004"}},
			}}},
		},
		{
			name: "abbreviations agree",
			docs: []*news.Doc{
				doc("a", person("Mohammad Baqeri", "Maj. Gen.")),
				doc("b", person("Mohammad Baqeri", "Major General")),
			},
			ent: news.Entity{Name: "Mohammad Baqeri", Type: news.Person, Forms: []string{"Mohammad Baqeri"}, Sources: []string{"a", "b"}},
		},
		{
			name: "a general rank refined elsewhere is no conflict",
			docs: []*news.Doc{
				doc("a", person("Hulusi Akar", "General")),
				doc("b", person("Hulusi Akar", "Gen.")),
				doc("c", person("Hulusi Akar", "Turkish Chief of General Staff")),
			},
			ent: news.Entity{Name: "Hulusi Akar", Type: news.Person, Forms: []string{"Hulusi Akar"}, Sources: []string{"a", "b", "c"}},
		},
		{
			name: "other sources' people do not count",
			docs: []*news.Doc{
				doc("a", person("John Smith", "Colonel")),
				doc("b", person("Jane Doe", "Major")),
			},
			ent: news.Entity{Name: "John Smith", Type: news.Person, Forms: []string{"John Smith"}, Sources: []string{"a"}},
		},
		{
			name: "a namesake outside the person's sources does not count",
			docs: []*news.Doc{
				doc("a", person("John Smith", "Colonel")),
				doc("b", person("John Smith", "Major")),
			},
			ent: news.Entity{Name: "John Smith", Type: news.Person, Forms: []string{"John Smith"}, Sources: []string{"a"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := entityConflicts(&news.Story{Docs: tc.docs}, []news.Entity{tc.ent})
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestEntitiesForReaders checks that the entities of a brief are named
// things: nationalities used as words are left out, a stray place typed
// for a person joins the person, and roles are the most specific.
func TestEntitiesForReaders(t *testing.T) {
	ent := func(typ news.EntityType, name string, roles ...string) news.Entity {
		return news.Entity{Name: name, Type: typ, Forms: []string{name}, Roles: roles}
	}
	doc := func(id string, ents ...news.Entity) *news.Doc {
		d := &news.Doc{Article: news.Article{ID: id}}
		for i, e := range ents {
			e.Sources = []string{id}
			d.Entities = append(d.Entities, e)
			d.Mentions = append(d.Mentions, news.Mention{Text: e.Name, Type: e.Type, Entity: i})
		}
		return d
	}
	s := &news.Story{Docs: []*news.Doc{
		doc("a", ent(news.Person, "Lena Ostrova", "President"), ent(news.Misc, "Estonian"), ent(news.Place, "Tallinn")),
		doc("b", ent(news.Person, "Lena Ostrova", "Estonian President"), ent(news.Misc, "Estonians")),
		doc("c", ent(news.Place, "Ostrova"), ent(news.Place, "Tallinn")),
	}}
	got := entities(s)
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
		if e.Name == "Lena Ostrova" && (!reflect.DeepEqual(e.Roles, []string{"Estonian President"}) || len(e.Sources) != 3) {
			t.Errorf("Lena Ostrova: %+v", e)
		}
	}
	if !reflect.DeepEqual(names, []string{"Lena Ostrova", "Tallinn"}) {
		t.Errorf("entities %q, want Lena Ostrova and Tallinn", names)
	}
}

// TestWithSurnames checks that a person's surname joins the forms only
// where it names no one else, and that a suffix keeps a shared surname
// apart ("Jackson Jr." beside Sandra Jackson).
func TestWithSurnames(t *testing.T) {
	p := func(name string, forms ...string) news.Entity {
		return news.Entity{Name: name, Type: news.Person, Forms: append([]string{name}, forms...)}
	}
	in := []news.Entity{
		p("Josh Earnest"),
		p("Jesse L. Jackson Jr.", "Jackson"),
		p("Sandra Jackson", "Jackson"),
		p("Francisco Jose Garzon de Amo"),
		p("Barack Obama"),
		{Name: "Obama", Type: news.Place, Forms: []string{"Obama"}},
		p("Madonna"),
	}
	before := fmt.Sprint(in)
	got := withSurnames(in)
	want := [][]string{
		{"Josh Earnest", "Earnest"},
		{"Jesse L. Jackson Jr.", "Jackson", "Jackson Jr."},
		{"Sandra Jackson", "Jackson"},
		{"Francisco Jose Garzon de Amo"},
		{"Barack Obama"}, // "Obama" names a place entity too
		{"Obama"},
		{"Madonna"},
	}
	for i := range want {
		if !reflect.DeepEqual(got[i].Forms, want[i]) {
			t.Errorf("%s: forms %q, want %q", got[i].Name, got[i].Forms, want[i])
		}
	}
	if fmt.Sprint(in) != before {
		t.Errorf("withSurnames changed its input: %v", in)
	}
}
