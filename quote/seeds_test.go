package quote_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/seedtest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

// seedDocs reads the five seed articles through ingest and analyses them
// with the whole default chain (entity mentions included) or with
// segmentation and quotes only.
func seedDocs(t testing.TB, full bool) []*news.Doc {
	chain := analyze.Chain{analyze.Segment, quote.Stage{}}
	if full {
		var err error
		chain, err = analyze.Default()
		if err != nil {
			t.Fatal(err)
		}
	}
	return seedtest.Story(t, chain).Docs
}

// squash folds spaces (no-break ones too) so that quotes compare by words.
func squash(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// seedQuotes are the quotes EXPECTED.md lists: the file, words every
// accepted spelling of the speaker holds, and the start of the words.
var seedQuotes = []struct {
	file    string
	speaker []string
	text    string
}{
	{"000", []string{"Baqeri", "Bagheri"}, "We are so pleased that the Iraqi nation and army have made great gains"},
	{"001", []string{"Ghanmi", "Ghanemi"}, "We believe that the Islamic republic has ever been by the side of Iraq"},
	{"001", []string{"Baqeri", "Bagheri"}, "the change of geographical borders of Iraq is not acceptable and we will never recognize it"},
	{"001", []string{"Baqeri", "Bagheri"}, "The armed forces of both countries do not recognize any authority in northern Iraq"},
	{"003", []string{"Baqeri", "Bagheri"}, "We held talks on the common threats to the two countries"},
	{"002", []string{"Baqeri", "Bagheri"}, "We also held negotiations about [ways] to counter terrorism"},
	{"004", []string{"Baqeri", "Bagheri"}, "The Islamic Republic of Iran supports an integrated and unified Iraq"},
	{"004", []string{"Baqeri", "Bagheri"}, "Tomorrow, Iranian and Iraqi operational teams will visit"},
	{"004", []string{"Baqeri", "Bagheri"}, "The Zionist regime and the world Arrogance [U.S.] are behind this"},
}

var pronounRe = regexp.MustCompile(`(?i)^(he|she|they|it|we|i|you|him|her|them|who|his)$`)

func TestSeeds(t *testing.T) {
	for _, full := range []bool{true, false} {
		name := "fallback"
		if full {
			name = "mentions"
		}
		t.Run(name, func(t *testing.T) {
			docs := seedDocs(t, full)
			for _, want := range seedQuotes {
				var d *news.Doc
				for _, x := range docs {
					if strings.HasPrefix(x.ID, want.file) {
						d = x
					}
				}
				if d == nil {
					t.Fatalf("no seed %s", want.file)
				}
				found := false
				for _, q := range d.Quotes {
					if !strings.Contains(squash(q.Content.In(d.Text)), want.text) {
						continue
					}
					found = true
					ok := false
					for _, s := range want.speaker {
						ok = ok || strings.Contains(q.Speaker, s)
					}
					if !ok {
						t.Errorf("%s: %q: speaker %q (source %q), want one of %v", want.file, want.text, q.Speaker, q.Source.In(d.Text), want.speaker)
					}
				}
				if !found {
					t.Errorf("%s: quote %q not found", want.file, want.text)
				}
			}
			for _, d := range docs {
				for _, q := range d.Quotes {
					if pronounRe.MatchString(strings.TrimSpace(q.Speaker)) {
						t.Errorf("%s: speaker is a pronoun: %q for %q", d.ID, q.Speaker, q.Content.In(d.Text))
					}
				}
			}
		})
	}
}

// TestSeedVia checks that a relaying agency is kept apart from the
// speaker.
func TestSeedVia(t *testing.T) {
	for _, d := range seedDocs(t, true) {
		if !strings.HasPrefix(d.ID, "001") {
			continue
		}
		vias := map[string]bool{}
		for _, q := range d.Quotes {
			if q.Via != "" {
				vias[q.Via] = true
				if strings.Contains(q.Speaker, q.Via) {
					t.Errorf("speaker %q holds the agency %q", q.Speaker, q.Via)
				}
			}
		}
		for _, v := range []string{"Tasnim", "Fars"} {
			if !vias[v] {
				t.Errorf("no quote relayed via %s (have %v)", v, vias)
			}
		}
	}
}
