package entity_test

import (
	"testing"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// holders returns the names of the entities holding form.
func holders(es []news.Entity, form string) []string {
	var out []string
	for _, e := range es {
		for _, f := range append([]string{e.Name}, e.Forms...) {
			if f == form {
				out = append(out, e.Name)
				break
			}
		}
	}
	return out
}

// TestMergeSpellings checks the story-level joins of spellings that the
// part-by-part name match misses, and the separations that must hold.
func TestMergeSpellings(t *testing.T) {
	one := func(t *testing.T, got []news.Entity, a, b string) {
		t.Helper()
		ha, hb := holders(got, a), holders(got, b)
		if len(ha) != 1 || len(hb) != 1 || ha[0] != hb[0] {
			t.Errorf("want %q and %q in one entity, got %v and %v in %+v", a, b, ha, hb, got)
		}
	}
	apart := func(t *testing.T, got []news.Entity, a, b string) {
		t.Helper()
		ha, hb := holders(got, a), holders(got, b)
		if len(ha) == 0 || len(hb) == 0 || ha[0] == hb[0] {
			t.Errorf("want %q and %q apart, got %v and %v in %+v", a, b, ha, hb, got)
		}
	}
	t.Run("a name split in other places", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Pak Jong Su", "leader")},
			[]news.Entity{ent(news.Person, "Pak Jong-su")},
		))
		one(t, got, "Pak Jong Su", "Pak Jong-su")
	})
	t.Run("transliterations beside the same person", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Abdul Karim Tarhouni"), ent(news.Person, "Omar Fessi", "President")},
			[]news.Entity{ent(news.Person, "AbdelKarim Tarhuni"), ent(news.Person, "Omar Fessi")},
		))
		one(t, got, "Abdul Karim Tarhouni", "AbdelKarim Tarhuni")
	})
	t.Run("transliterations with nothing in common stay apart", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Abdul Karim Tarhouni")},
			[]news.Entity{ent(news.Person, "AbdelKarim Tarhuni")},
		))
		apart(t, got, "Abdul Karim Tarhouni", "AbdelKarim Tarhuni")
	})
	t.Run("two given names differing in their last syllable stay apart", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Pak Jong-su", "leader"), ent(news.Person, "Omar Fessi")},
			[]news.Entity{ent(news.Person, "Pak Jong-il", "leader"), ent(news.Person, "Omar Fessi")},
		))
		apart(t, got, "Pak Jong-su", "Pak Jong-il")
	})
	t.Run("a second surname", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Luis Miguel Ortiz")},
			[]news.Entity{ent(news.Person, "Luis Miguel Ortiz Vela")},
		))
		one(t, got, "Luis Miguel Ortiz", "Luis Miguel Ortiz Vela")
	})
	t.Run("a generational suffix one source leaves out", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Carl T. Weller Jr.")},
			[]news.Entity{ent(news.Person, "Carl Weller", "Justice")},
		))
		one(t, got, "Carl T. Weller Jr.", "Carl Weller")
	})
	t.Run("father and son named in one source stay apart", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Carl Weller Jr.", "Representative"), ent(news.Person, "Carl Weller", "Rev.")},
			[]news.Entity{ent(news.Person, "Carl T. Weller Jr.")},
		))
		one(t, got, "Carl Weller Jr.", "Carl T. Weller Jr.")
		apart(t, got, "Carl Weller Jr.", "Carl Weller")
	})
	t.Run("a full name typed an organisation", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Omar Fessi", "President"), ent(news.Person, "Fessi")},
			[]news.Entity{ent(news.Person, "Omar Fessi")},
			[]news.Entity{ent(news.Organisation, "Omar el-Fessi"), ent(news.Organisation, "Col Fessi")},
		))
		one(t, got, "Omar Fessi", "Omar el-Fessi")
		one(t, got, "Omar Fessi", "Col Fessi")
		if e, _ := find(got, "Omar el-Fessi"); e.Type != news.Person {
			t.Errorf("want a person, got %+v", e)
		}
	})
	t.Run("a bare family name goes to the one it names in context", func(t *testing.T) {
		got := entity.Merge(storyDocs(
			[]news.Entity{ent(news.Person, "Pak Jong-su", "leader"), ent(news.Person, "Pak Ok")},
			[]news.Entity{ent(news.Person, "Pak Jong Su", "leader"), ent(news.Person, "Pak", "leader")},
		))
		one(t, got, "Pak", "Pak Jong-su")
	})
}

// TestGroupTitledSurname checks that a titled surname is not joined, in
// a document, to the one person of that surname who never has the title,
// and that it is joined to one who has it.
func TestGroupTitledSurname(t *testing.T) {
	tg, err := entity.Default()
	if err != nil {
		t.Skip(err)
	}
	for _, tc := range []struct {
		text     string
		together bool
	}{
		{"His daughter, Mira Voss, waved on Monday. Later, President Voss said the talks went well.", false},
		{"President Ivan Voss arrived on Monday. Later, President Voss said the talks went well.", true},
	} {
		d := docOf(t, "x", tc.text)
		if err := tg.Apply(d); err != nil {
			t.Fatal(err)
		}
		ent := map[string]int{}
		for _, m := range d.Mentions {
			ent[m.Text] = m.Entity
		}
		full := "Mira Voss"
		if tc.together {
			full = "Ivan Voss"
		}
		a, ok1 := ent[full]
		b, ok2 := ent["Voss"]
		if !ok1 || !ok2 || (a == b) != tc.together {
			t.Errorf("%q: %s in entity %d, Voss in %d; want together %v (%+v)", tc.text, full, a, b, tc.together, d.Mentions)
		}
	}
}
