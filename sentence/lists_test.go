package sentence

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/lexicon"
)

// TestRemaindersNotInLexicon checks that the splitter's own remainders
// repeat no word of the lexicon classes they are joined with.
func TestRemaindersNotInLexicon(t *testing.T) {
	for _, c := range []struct {
		name  string
		words string
		class lexicon.Class
	}{
		{"neverFinalRest", neverFinalRest, lexicon.Abbrev},
		{"startersRest", startersRest, lexicon.Determiner | lexicon.Pronoun | lexicon.Possessive},
	} {
		for _, w := range strings.Fields(c.words) {
			if got := lexicon.ClassOf(w); got&c.class != 0 {
				t.Errorf("%s holds %q, which lexicon gives as %v", c.name, w, got&c.class)
			}
		}
	}
}

// TestNeverFinalReadsLexicon checks that lexicon's abbreviations of
// titles, ranks, months and weekdays are never final, but for the two the
// list keeps out.
func TestNeverFinalReadsLexicon(t *testing.T) {
	out := map[string]bool{}
	for _, w := range strings.Fields(notNeverFinal) {
		out[w] = true
	}
	for _, w := range lexicon.Words(lexicon.Title|lexicon.Month|lexicon.Weekday|lexicon.Rank, 0) {
		if lexicon.ClassOf(w)&lexicon.Abbrev == 0 || out[w] {
			continue
		}
		if got := Abbreviation(w); got != AbbrevNeverFinal {
			t.Errorf("Abbreviation(%q) = %v, want AbbrevNeverFinal", w, got)
		}
	}
	for _, w := range []string{"sept", "tues", "gen", "sens", "calif"} {
		if !neverFinal()[w] {
			t.Errorf("neverFinal lacks %q", w)
		}
	}
}
