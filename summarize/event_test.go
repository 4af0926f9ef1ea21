package summarize

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// loadEvents reads testdata/events/<name>/*.txt, each opening with a
// "date: YYYY-MM-DD" line, and runs the full analysis chain over them, the
// way a brief sees its docs.
func loadEvents(t testing.TB, name string) *news.Story {
	t.Helper()
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "events", name, "*.txt"))
	if len(paths) == 0 {
		t.Fatalf("no articles for %s", name)
	}
	sort.Strings(paths)
	s := &news.Story{ID: name}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Scan()
		date, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(sc.Text(), "date:")))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		text := strings.TrimSpace(string(b)[len(sc.Text()):])
		a := &news.Article{ID: filepath.Base(p), StatedDate: date, Text: text, Paragraphs: sentence.Paragraphs(text)}
		d, err := chain.Doc(a)
		if err != nil {
			t.Fatal(err)
		}
		d.Date = date
		s.Docs = append(s.Docs, d)
	}
	return s
}

// TestEventsGolden summarises made-up stories that three outlets tell in
// their own words: each happening once, cited to every outlet reporting
// it, in the order the happenings took place.
func TestEventsGolden(t *testing.T) {
	for _, tc := range []struct {
		story string
		words int
		// happenings are patterns of which at most one summary line
		// may match each.
		happenings []string
		// cited are patterns whose line must appear and cite at least
		// sources articles.
		cited map[string]int
	}{
		{"border", 100,
			[]string{`(?i)(met|talks|deal|agreed).*Tuesday|Tuesday.*(deal|talks|met|agreed)`, `(?i)protest`},
			map[string]int{`(?i)Tuesday`: 3}},
		{"border", 60,
			[]string{`(?i)(met|talks|deal|agreed).*Tuesday|Tuesday.*(deal|talks|met|agreed)`},
			map[string]int{`(?i)Tuesday`: 3}},
		{"storm", 80,
			[]string{`(?i)(landfall|struck|slammed)`, `(?i)(visited|toured)`},
			map[string]int{`(?i)(landfall|struck|slammed)`: 3, `(?i)(visited|toured)`: 2}},
	} {
		name := tc.story + "-" + strconvI(tc.words)
		t.Run(name, func(t *testing.T) {
			lines := Story(loadEvents(t, tc.story), Options{Words: tc.words})
			got := render(lines)
			words := 0
			for _, l := range lines {
				words += len(strings.Fields(l.Text))
			}
			if float64(words) > 1.3*float64(tc.words) {
				t.Errorf("%d words for a budget of %d", words, tc.words)
			}
			for _, p := range tc.happenings {
				re := regexp.MustCompile(p)
				n := 0
				for _, l := range lines {
					if re.MatchString(l.Text) {
						n++
					}
				}
				if n > 1 {
					t.Errorf("%d lines tell the happening %s:\n%s", n, p, got)
				}
			}
			for p, min := range tc.cited {
				re := regexp.MustCompile(p)
				found := false
				for _, l := range lines {
					if re.MatchString(l.Text) {
						found = true
						if len(l.Sources) < min {
							t.Errorf("%q cites %v, want %d sources", l.Text, l.Sources, min)
						}
					}
				}
				if !found {
					t.Errorf("no line matches %s:\n%s", p, got)
				}
			}
			testutil.Golden(t, filepath.Join("testdata", "events", name+".golden"), []byte(got))
		})
	}
}

func strconvI(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDatesAgree(t *testing.T) {
	on := func(s string) period { return period{start: day(s), end: day(s)} }
	for _, tc := range []struct {
		name string
		a, b happening
		want bool
	}{
		{"same day", happening{spans: []period{on("2017-09-27")}}, happening{spans: []period{on("2017-09-27")}}, true},
		{"other day", happening{spans: []period{on("2017-09-27")}}, happening{spans: []period{on("2017-10-02")}}, false},
		{"week holds day", happening{spans: []period{{start: day("2017-10-02"), end: day("2017-10-08")}}}, happening{spans: []period{on("2017-10-02")}}, true},
		{"plan is not report", happening{spans: []period{{start: day("2017-10-02"), end: day("2017-10-08"), future: true}}}, happening{spans: []period{on("2017-10-02")}}, false},
		{"undated, published next day", happening{anchor: day("2017-09-28")}, happening{spans: []period{on("2017-09-27")}}, true},
		{"undated, published days later", happening{anchor: day("2017-10-02")}, happening{spans: []period{on("2017-09-27")}}, false},
		{"undated, same-day articles", happening{anchor: day("2017-09-28")}, happening{anchor: day("2017-09-28"), spans: []period{on("2017-09-20")}}, true},
		{"implied day decides", happening{anchor: day("2017-09-28"), implied: on("2017-09-25"), hasImplied: true}, happening{spans: []period{on("2017-09-27")}}, false},
		{"both undated, same day", happening{anchor: day("2017-09-28")}, happening{anchor: day("2017-09-28")}, true},
		{"both undated, no dates", happening{}, happening{}, false},
	} {
		if got := datesAgree(&tc.a, &tc.b); got != tc.want {
			t.Errorf("%s: datesAgree = %v, want %v", tc.name, got, tc.want)
		}
		if got := datesAgree(&tc.b, &tc.a); got != tc.want {
			t.Errorf("%s (swapped): datesAgree = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNationality(t *testing.T) {
	k := keyer{name: map[string]string{}}
	for _, p := range []string{"iran", "iraq", "turkey", "kurdistan", "syria"} {
		k.place = append(k.place, p)
		k.name[p] = strings.ToUpper(p[:1]) + p[1:]
	}
	for w, want := range map[string]string{"Iranian": "Iran", "Iraqi": "Iraq", "Turkish": "Turkey", "Kurdish": "Kurdistan", "Syrian": "Syria", "Irish": "", "Tehran": ""} {
		got, _ := k.nationality(w)
		if got != want {
			t.Errorf("nationality(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestEventWords checks that names, titles and dates leave a sentence's
// event words, and that kinds of happening are added.
func TestEventWords(t *testing.T) {
	s := loadEvents(t, "border")
	d := s.Docs[0]
	w := eventWords(d, indexBySentence(d), 0, d.Sentences[0].Span, tokenMemo{})
	for _, x := range []string{"=meet", "=agree", "border", "reopen"} {
		if !slices.Contains(w, x) {
			t.Errorf("event words %v lack %q", w, x)
		}
	}
	for _, x := range []string{"berg", "kestrel", "tuesdai", "tuesday"} {
		if slices.Contains(w, x) {
			t.Errorf("event words %v hold %q", w, x)
		}
	}
}

// BenchmarkEvents summarises an analysed three-outlet story, happenings
// included (the analysis itself is not timed).
func BenchmarkEvents(b *testing.B) {
	s := loadEvents(b, "border")
	for b.Loop() {
		Story(s, Options{Words: 100})
	}
}

// FuzzEvents runs the brief path (full analysis, then happenings) over
// arbitrary text from two outlets.
func FuzzEvents(f *testing.F) {
	f.Add("Ministers met in Kestrel on Tuesday and agreed to reopen the border between the two countries.", "The two foreign ministers held talks on Tuesday in Kestrel, pledging to reopen the shared border.", 30)
	f.Add("", "On Monday. On Tuesday. 3,000 people.", 0)
	chain, err := analyze.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string, words int) {
		if words <= 0 || words > 500 {
			words = 50
		}
		s := &news.Story{}
		for i, text := range []string{a, b} {
			date := time.Date(2024, 3, 5+i, 0, 0, 0, 0, time.UTC)
			d, err := chain.Doc(&news.Article{ID: strconvI(i + 1), StatedDate: date, Text: text, Paragraphs: sentence.Paragraphs(text)})
			if err != nil {
				t.Fatal(err)
			}
			d.Date = date
			s.Docs = append(s.Docs, d)
		}
		n := 0
		for _, l := range Story(s, Options{Words: words}) {
			n += len(strings.Fields(l.Text))
			if len(l.Sources) == 0 {
				t.Fatalf("%q cites nothing", l.Text)
			}
		}
		if float64(n) > 1.3*float64(words) {
			t.Fatalf("%d words for a budget of %d", n, words)
		}
	})
}

// TestLinesKeepFollower checks that a chosen sentence leaning on the one
// before it stays right after it, whatever day it names.
func TestLinesKeepFollower(t *testing.T) {
	c := newPool(loadEvents(t, "border").Docs, nil)
	if c.ev == nil {
		t.Fatal("analysed story has no happenings")
	}
	// Doc a: sentence 0 (Tuesday) and 1 taken to lean on it, dated
	// later than a sentence of doc c.
	var a0, a1, other = -1, -1, -1
	for i, s := range c.sents {
		switch {
		case s.doc == 0 && s.idx == 0:
			a0 = i
		case s.doc == 0 && s.idx == 1:
			a1 = i
		case s.doc == 2 && s.idx == 1:
			other = i
		}
	}
	c.sents[a1].dangling = true
	c.ev[a0].date = day("2024-03-05")
	c.ev[other].date = day("2024-03-06")
	c.ev[a1].date = day("2024-04-01")
	lines := c.lines([]int{other, a1, a0}, Options{Words: 200})
	want := []string{c.sents[a0].text, c.sents[a1].text, c.sents[other].text}
	for k, l := range lines {
		if l.Text != want[k] {
			t.Fatalf("line %d = %q, want %q", k, l.Text, want[k])
		}
	}
}

func TestSubordinate(t *testing.T) {
	for _, tc := range []struct {
		text, timex string
		want        bool
	}{
		{"Hutchinson called up Mark Mattioli, whose son, James, was killed in December at the school.", "December", true},
		{"Baqeri held talks with Akar, who arrived in Tehran Sunday night.", "Sunday night", true},
		{"Akar, who is 65, said on Monday that they agreed.", "Monday", false},
		{"The minister said on Monday that they agreed.", "Monday", false},
	} {
		i := strings.Index(tc.text, tc.timex)
		d := &news.Doc{Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: len(tc.text)}}}}
		d.Text = tc.text
		x := news.Timex{Span: news.Span{Start: i, End: i + len(tc.timex)}, Sentence: 0}
		if got := subordinate(d, x); got != tc.want {
			t.Errorf("subordinate(%q in %q) = %v, want %v", tc.timex, tc.text, got, tc.want)
		}
	}
}

// TestSameHappening checks that sentences of one day naming the same
// people state the same happening only when what they say of them
// agrees: the declaration told in two outlets' words is one happening,
// the declaration and the dinner of the same leaders on the same day are
// two.
func TestSameHappening(t *testing.T) {
	c := newPool(loadEvents(t, "summit").Docs, nil)
	find := func(prefix string) int {
		t.Helper()
		for i, s := range c.sents {
			if strings.HasPrefix(s.text, prefix) {
				return i
			}
		}
		t.Fatalf("no sentence opens with %q", prefix)
		return -1
	}
	declA, declC := find("The leaders of Northland"), find("Olaf Berg and Ivo Lund signed")
	dinnerB, dinnerC := find("Ana Berg, the wife"), find("Ana Berg joined the two")
	for _, tc := range []struct {
		i, j int
		want bool
	}{
		{declA, declC, true},
		{dinnerB, dinnerC, true},
		{declA, dinnerB, false},
		{dinnerB, declC, false},
	} {
		if got := c.sameHappening(tc.i, tc.j); got != tc.want {
			t.Errorf("sameHappening(%q, %q) = %v, want %v (overlap %.2f)", c.sents[tc.i].text, c.sents[tc.j].text, got, tc.want, overlap(c.ev[tc.i], c.ev[tc.j]))
		}
	}
	// The dinner is cited to the articles that tell it, not to the one
	// that tells only the declaration.
	if src := c.sources(dinnerB); slices.Contains(src, "a.txt") || !slices.Contains(src, "c.txt") {
		t.Errorf("the dinner line cites %v, want c.txt and not a.txt", src)
	}
}
