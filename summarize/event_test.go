package summarize

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
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
			golden := filepath.Join("testdata", "events", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("summary\n%s\nwant\n%s", got, want)
			}
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
