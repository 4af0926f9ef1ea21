package quote

import (
	"testing"

	"github.com/storyline-news/storyline/lexicon"
)

// TestRemaindersNotInLexicon checks that the stage-local remainders of
// quote's word lists repeat no word of the lexicon classes they are
// joined with: a word the class already gives belongs in lexicon only.
func TestRemaindersNotInLexicon(t *testing.T) {
	for _, c := range []struct {
		name  string
		words []string
		class lexicon.Class
	}{
		{"functionCapWords", functionCapWords, lexicon.Determiner | lexicon.Possessive | lexicon.Pronoun | lexicon.Quantifier | lexicon.NumberWord},
		{"boundaryWords", boundaryWords, lexicon.ObjectPronoun},
		{"spelledTitleWords", spelledTitleWords, lexicon.Rank},
		{"personWords", personWords, lexicon.Rank},
		{"personTitleWords", personTitleWords, lexicon.Rank},
	} {
		for _, w := range c.words {
			if got := lexicon.ClassOf(w); got&c.class != 0 {
				t.Errorf("%s holds %q, which lexicon gives as %v", c.name, w, got&c.class)
			}
		}
	}
}

// TestListsReadLexicon checks that the lists built from lexicon hold its
// words: each fails when a word leaves lexicon or the build drops a class.
func TestListsReadLexicon(t *testing.T) {
	for _, c := range []struct {
		name string
		set  map[string]bool
		want []string
	}{
		{"functionCap", functionCap.set().m, []string{"the", "these", "their", "she", "each", "one", "ten"}},
		{"boundary", boundary.set().m, []string{"him", "them", "us", "me", "it"}},
		{"spelledTitles", spelledTitles.set().m, []string{"general", "lieutenant", "marshal", "sergeant"}},
		{"personTitles", personTitles.set().m, []string{"gen.", "sens.", "mr.", "captain", "minister", "aide"}},
	} {
		for _, w := range c.want {
			if !c.set[w] {
				t.Errorf("%s lacks %q", c.name, w)
			}
		}
	}
	for _, w := range []string{"you", "her"} {
		if boundary.set().has(w) {
			t.Errorf("boundary holds %q", w)
		}
	}
	for _, w := range []string{"st.", "marshal", "corporal"} {
		if personTitles.set().has(w) {
			t.Errorf("personTitles holds %q", w)
		}
	}
}
