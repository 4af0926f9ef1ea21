package summarize

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// loadStory reads testdata/stories/<name>/*.txt into an analysed story,
// one day apart in file order, marking a paragraph that opens with
// "Comment:" and everything after it as opinion.
func loadStory(t testing.TB, name string) *news.Story {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "stories", name, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles for story %s", name)
	}
	sort.Strings(paths)
	var docs []Document
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(p), Text: strings.TrimSpace(string(b)),
			Date: time.Date(2024, 3, 4+i, 0, 0, 0, 0, time.UTC)})
	}
	ds, err := Analyse(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if i := strings.Index(d.Text, "Comment:"); i >= 0 {
			d.Opinion = append(d.Opinion, news.Span{Start: i, End: len(d.Text)})
		}
	}
	return &news.Story{ID: name, Docs: ds}
}

func render(lines []news.SummaryLine) string {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s [%s]\n", l.Text, strings.Join(l.Sources, " "))
	}
	return b.String()
}

// TestStoryGolden compares summaries of the test stories with their
// golden files (testdata/NAME.golden; refresh with -update).
func TestStoryGolden(t *testing.T) {
	for _, tc := range []struct {
		story string
		opt   Options
	}{
		{"quake", Options{Words: 60}},
		{"quake", Options{Words: 60, Method: LexRank}},
		{"quake", Options{Words: 60, Method: Centroid}},
	} {
		name := tc.story
		if tc.opt.Method != "" {
			name += "-" + string(tc.opt.Method)
		}
		t.Run(name, func(t *testing.T) {
			got := render(Story(loadStory(t, tc.story), tc.opt))
			testutil.Golden(t, filepath.Join("testdata", name+".golden"), []byte(got))
		})
	}
}

// TestStoryProperties checks what every summary must be, for several
// budgets and methods.
func TestStoryProperties(t *testing.T) {
	s := loadStory(t, "quake")
	opinion := map[string]bool{}
	for _, d := range s.Docs {
		for i := range d.Sentences {
			if d.InOpinion(d.Sentences[i].Span) {
				opinion[cleanText(d.SentenceText(i))] = true
			}
		}
	}
	if len(opinion) == 0 {
		t.Fatal("test story has no opinion sentence")
	}
	for _, m := range []Method{Coverage, LexRank, Centroid} {
		for _, opt := range []Options{{Words: 25}, {Words: 60}, {Words: 100}, {Bytes: 300}} {
			opt.Method = m
			lines := Story(s, opt)
			if len(lines) == 0 {
				t.Errorf("%+v: empty summary", opt)
				continue
			}
			words, bytes := 0, 0
			seen := map[string]bool{}
			for k, l := range lines {
				words += len(strings.Fields(l.Text))
				bytes += len(l.Text) + 1
				if seen[l.Text] {
					t.Errorf("%+v: %q twice", opt, l.Text)
				}
				seen[l.Text] = true
				if opinion[l.Text] {
					t.Errorf("%+v: opinion sentence %q", opt, l.Text)
				}
				if len(l.Sources) == 0 {
					t.Errorf("%+v: %q cites no source", opt, l.Text)
				}
				if k == 0 && isDangling(l.Text) {
					t.Errorf("%+v: summary opens on a dangling %q", opt, l.Text)
				}
				if strings.HasSuffix(l.Text, "?") {
					t.Errorf("%+v: question %q", opt, l.Text)
				}
			}
			if opt.Words > 0 && float64(words) > 1.3*float64(opt.Words) {
				t.Errorf("%+v: %d words, over 1.3 times the budget", opt, words)
			}
			if opt.Bytes > 0 && float64(bytes) > 1.3*float64(opt.Bytes) {
				t.Errorf("%+v: %d bytes, over 1.3 times the budget", opt, bytes)
			}
		}
	}
}

// TestCitations checks that a fact every article states cites them all.
func TestCitations(t *testing.T) {
	s := loadStory(t, "quake")
	for _, l := range Story(s, Options{Words: 100}) {
		if strings.Contains(l.Text, "killing at least 12") || strings.Contains(l.Text, "At least 12 people were killed") {
			if len(l.Sources) != 3 {
				t.Errorf("%q cites %v, want all three articles", l.Text, l.Sources)
			}
			return
		}
	}
	t.Error("the death toll is not in the summary")
}

func TestDangling(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"He said rescue teams were searching.", true},
		{"The official said the toll would rise.", true},
		{"But the town was not prepared.", true},
		{"The quake hit at 4:20 a.m.", false},
		{"Prime Minister Jane Holt visited the town.", false},
		{"Hesitant officials declined to comment.", false},
		{"During the meeting, Baqeri hailed the army.", true},
		{"Ghanmi also praised Iran's support.", true},
		{"During the night, rain fell.", false},
	} {
		if got := isDangling(tc.text); got != tc.want {
			t.Errorf("isDangling(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestDescribesBack(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The Iranian top military official also said the teams would visit the border.", true},
		{"The top Turkish commander, for his part, said they agreed.", true},
		{"The quake hit the coastal town of Marrow Bay at night.", false},
		{"The national weather service issued a red alert.", false},
		{"The representative also posted a statement on Tuesday.", true},
		{"The Texas lawmaker blamed his rival for the story.", true},
		{"Senator Ted Cruz blamed his rival for the story.", false},
	} {
		if got := describesBack(tc.text); got != tc.want {
			t.Errorf("describesBack(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"WASHINGTON (AP) -- Schizophrenia patients gained relief.", "Schizophrenia patients gained relief."},
		{"LONDON (AP) _ An influential lawmaker backed it.", "An influential lawmaker backed it."},
		{"BEIJING, August 22 (Xinhua) -- Flooding remains serious.", "Flooding remains serious."},
		{"PINE RIDGE, S.D. (AP) -- President Clinton went.", "President Clinton went."},
		{"NEW YORK _ Stocks rose\n  on Monday.", "Stocks rose on Monday."},
		{"The U.S. - Iran talks resumed on Monday.", "The U.S. - Iran talks resumed on Monday."},
	} {
		if got := cleanText(tc.in); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOverflow(t *testing.T) {
	s := loadStory(t, "quake")
	lines := Story(s, Options{Words: 40, Overflow: true})
	words := 0
	for _, l := range lines {
		words += len(strings.Fields(l.Text))
	}
	if words < 40 {
		t.Errorf("overflow summary has %d words, under the 40-word budget", words)
	}
}

func TestEmpty(t *testing.T) {
	if got := Story(nil, Options{}); got != nil {
		t.Errorf("nil story: %v", got)
	}
	if got := Story(&news.Story{}, Options{}); got != nil {
		t.Errorf("empty story: %v", got)
	}
	lines, err := Documents([]Document{{ID: "x", Text: "Too short."}}, Options{})
	if err != nil || lines != nil {
		t.Errorf("tiny document: %v %v", lines, err)
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, o := range []Options{{Words: -1}, {Bytes: -5}, {Method: "magic"}} {
		if o.Validate() == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	for _, o := range []Options{{}, {Words: 100, Method: LexRank}, {Bytes: 665, Overflow: true}} {
		if err := o.Validate(); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
	}
}

func BenchmarkStory(b *testing.B) {
	s := loadStory(b, "quake")
	for b.Loop() {
		Story(s, Options{Words: 100})
	}
}

// BenchmarkDocuments summarises ten plain articles, segmentation included.
func BenchmarkDocuments(b *testing.B) {
	var docs []Document
	for i := range 10 {
		for _, d := range loadStory(b, "quake").Docs {
			docs = append(docs, Document{ID: fmt.Sprintf("%d-%s", i, d.ID), Text: d.Text})
			if len(docs) == 10 {
				break
			}
		}
	}
	for b.Loop() {
		if _, err := Documents(docs[:10], Options{Words: 100, Overflow: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDocuments(f *testing.F) {
	f.Add("WASHINGTON (AP) -- A long enough sentence about the storm that hit the coast on Monday.\n\nHe said so.", "The storm that hit the coast on Monday killed four people in three towns.", 20)
	f.Add("", "?", 0)
	f.Fuzz(func(t *testing.T, a, b string, words int) {
		if words < 0 || words > 500 {
			words = 50
		}
		lines, err := Documents([]Document{{ID: "a", Text: a}, {ID: "b", Text: b}}, Options{Words: words})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, l := range lines {
			n += len(strings.Fields(l.Text))
			if len(l.Sources) == 0 {
				t.Fatalf("%q cites nothing", l.Text)
			}
		}
		budget := words
		if budget == 0 {
			budget = 100
		}
		if float64(n) > 1.3*float64(budget) {
			t.Fatalf("%d words for a budget of %d", n, budget)
		}
	})
}
