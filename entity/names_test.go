package entity

import (
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		// transliteration variants
		{"Baqeri", "Bagheri", true},
		{"Mohammad Baqeri", "Mohamed Bagheri", true},
		{"al-Ghanmi", "al-Ghanemi", true},
		{"Ghanmi", "al-Ghanmi", true},
		{"Othman al-Ghanmi", "Al-Ghanemi", true},
		{"Saddam Hussein", "Saddam Husain", true},
		{"Muammar Gaddafi", "Moammar Qaddafi", true},
		{"Moammar Gadhafi", "Muammar al-Qaddafi", true},
		{"Recep Tayyip Erdoğan", "Erdogan", true},
		{"Hassan Nasrallah", "Hasan Nasrallah", true},
		{"Yusuf Ali", "Youssef Ali", true},
		// full and partial names
		{"Mohammad Hossein Baqeri", "Hossein Bagheri", true},
		{"Mohammad Hossein Baqeri", "Mohammad Bagheri", true},
		{"Recep Tayyip Erdogan", "Tayyip Erdogan", true},
		{"J. Smith", "John Smith", true},
		{"Vladimir Putin", "Putin", true},
		// common English short forms
		{"Mike Bloomberg", "Michael R. Bloomberg", true},
		{"Chuck Schumer", "Charles Schumer", true},
		{"Bill Clinton", "William Jefferson Clinton", true},
		// a generational suffix is no surname; Jr. and Sr. are two people
		{"Jesse Jackson Jr.", "Jackson", true},
		{"Jesse L. Jackson Jr.", "Jesse Jackson Jr.", true},
		{"Jesse Jackson Jr.", "Jesse Jackson", false},
		{"John Smith Jr.", "John Smith Sr.", false},
		// different people
		{"George Bush", "Jeb Bush", false},
		{"Kim Jong-un", "Kim Jong-il", false},
		{"Bill Clinton", "Hillary Clinton", false},
		{"Mohammad Baqeri", "Hossein Baqeri", false},
		{"Hassan Rouhani", "Hassan Nasrallah", false},
		{"Bush", "Bash", false},
		{"Clinton", "Clifton", false},
		{"Ali", "Ola", false},
		{"John Smith", "Jane Smith", false},
	}
	for _, tc := range tests {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := SameName(tc.b, tc.a); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestNormalizeRank(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Major General", "Major General"},
		{"Maj. Gen.", "Major General"},
		{"Lieutenant-General", "Lieutenant General"},
		{"Lieutenant General", "Lieutenant General"},
		{"Lt. Gen.", "Lieutenant General"},
		{"Gen.", "General"},
		{"Brig. Gen.", "Brigadier General"},
		{"Rear Admiral", "Rear Admiral"},
		{"Col.", "Colonel"},
		{"Chief of Staff", ""},
		{"President", ""},
		{"general", ""},
	}
	for _, tc := range tests {
		got, ok := NormalizeRank(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("NormalizeRank(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestAcronyms(t *testing.T) {
	tests := []struct {
		long, short string
		want        bool
	}{
		{"Kurdistan Regional Government", "KRG", true},
		{"Popular Mobilization Forces", "P.M.F.", true},
		{"Organisation for Security and Cooperation in Europe", "OSCE", true},
		{"Islamic Revolution Guards Corps", "KRG", false},
	}
	for _, tc := range tests {
		if got := initials(tc.long) == acronymOf(tc.short); got != tc.want {
			t.Errorf("%q ~ %q = %v, want %v", tc.long, tc.short, got, tc.want)
		}
	}
}

// person is a doc-level person entity for Merge tests.
func personDoc(id string, names ...string) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id}}
	for i, n := range names {
		d.Entities = append(d.Entities, news.Entity{Name: n, Type: news.Person, Forms: []string{n}, Sources: []string{id}})
		d.Mentions = append(d.Mentions, news.Mention{Text: n, Type: news.Person, Entity: i})
	}
	return d
}

func TestMergePeople(t *testing.T) {
	tests := []struct {
		name string
		docs []*news.Doc
		want [][]string // the forms of each person, in any order of people
	}{
		{
			name: "variants across docs",
			docs: []*news.Doc{personDoc("a", "Mohammad Baqeri"), personDoc("b", "Mohamed Bagheri"), personDoc("c", "Mohammad Hossein Baqeri"), personDoc("d", "Hossein Bagheri")},
			want: [][]string{{"Mohammad Baqeri", "Mohamed Bagheri", "Mohammad Hossein Baqeri", "Hossein Bagheri"}},
		},
		{
			name: "shared surname, different people",
			docs: []*news.Doc{personDoc("a", "George Bush", "Jeb Bush"), personDoc("b", "George Bush")},
			want: [][]string{{"George Bush"}, {"Jeb Bush"}},
		},
		{
			name: "a surname alone with two candidates stays apart",
			docs: []*news.Doc{personDoc("a", "George Bush"), personDoc("b", "Jeb Bush"), personDoc("c", "Bush")},
			want: [][]string{{"George Bush"}, {"Jeb Bush"}, {"Bush"}},
		},
		{
			name: "a family name written first",
			docs: []*news.Doc{personDoc("a", "Xi Jinping"), personDoc("b", "Xi")},
			want: [][]string{{"Xi Jinping", "Xi"}},
		},
		{
			name: "a surname alone with one candidate joins it",
			docs: []*news.Doc{personDoc("a", "Othman al-Ghanmi"), personDoc("b", "al-Ghanemi")},
			want: [][]string{{"Othman al-Ghanmi", "al-Ghanemi"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Merge(tc.docs)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d entities %+v, want %d", len(got), got, len(tc.want))
			}
			for _, forms := range tc.want {
				found := false
				for _, e := range got {
					if sameSet(e.Forms, forms) {
						found = true
					}
				}
				if !found {
					t.Errorf("no entity with forms %q in %+v", forms, got)
				}
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func TestMergeThings(t *testing.T) {
	d1 := &news.Doc{Article: news.Article{ID: "a"}, Entities: []news.Entity{
		{Name: "Kurdistan Regional Government", Type: news.Organisation, Forms: []string{"Kurdistan Regional Government"}},
		{Name: "Popular Mobilization Forces", Type: news.Organisation, Forms: []string{"Popular Mobilization Forces"}},
	}}
	d1.Entities = append(d1.Entities, news.Entity{Name: "Tasnim News Agency", Type: news.Organisation, Forms: []string{"Tasnim News Agency"}})
	d2 := &news.Doc{Article: news.Article{ID: "b"}, Entities: []news.Entity{
		{Name: "Tasnim", Type: news.Organisation, Forms: []string{"Tasnim"}},
		{Name: "KRG", Type: news.Organisation, Forms: []string{"KRG"}},
		{Name: "P.M.F.", Type: news.Organisation, Forms: []string{"P.M.F."}},
		{Name: "he", Type: news.Person, Forms: []string{"he"}},
	}}
	got := Merge([]*news.Doc{d1, d2})
	if len(got) != 3 {
		t.Fatalf("got %+v, want three organisations", got)
	}
	for _, e := range got {
		if len(e.Forms) != 2 || len(e.Sources) != 2 || e.Sources[0] != "a" || e.Sources[1] != "b" {
			t.Errorf("got %+v, want two forms from a and b", e)
		}
	}
}

func TestSameGivenNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Idris Naim Sahin", "Idris Naim Sener", true},
		{"Idris Naim Sahin", "Idris Naim Kaya", false},       // another first letter
		{"Kim Jong Un", "Kim Jong Il", false},                // short surnames
		{"John Smith", "John Stone", false},                  // one given name
		{"Idris N. Sahin", "Idris N. Sener", false},          // an initial
		{"Mary Ann Jones", "Mary Beth Jones", false},         // given names differ
		{"Jesse Lee Jackson Jr.", "Jesse Lee Jarvis", false}, // suffixes differ
	} {
		if got := sameGivenNames(parseName(tc.a), parseName(tc.b)); got != tc.want {
			t.Errorf("sameGivenNames(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
