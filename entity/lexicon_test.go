package entity

import (
	"testing"

	"github.com/storyline-news/storyline/lexicon"
)

// TestSubsetsOfLexicon checks that the stage's narrower lists of forms of
// address are subsets of lexicon's honorifics, so a word is added to the
// shared list first, and that a rank's qualifier is no rank on its own.
func TestSubsetsOfLexicon(t *testing.T) {
	for name, set := range map[string]map[string]bool{"address": address, "splitHonorifics": splitHonorifics} {
		for w := range set {
			if lexicon.ClassOf(w)&lexicon.Honorific == 0 {
				t.Errorf("%s holds %q, which is no lexicon honorific", name, w)
			}
		}
	}
	for _, w := range rankQualifiers {
		if lexicon.RankName(w) != "" {
			t.Errorf("rank qualifier %q is a rank in lexicon", w)
		}
	}
}

// TestNormalizeRankFromLexicon checks that ranks spelled in lexicon's
// abbreviations read as the spelled-out rank.
func TestNormalizeRankFromLexicon(t *testing.T) {
	for in, want := range map[string]string{
		"Lt. Gen.": "Lieutenant General", "Maj.-Gen.": "Major General", "Rear Adm.": "Rear Admiral",
		"Cdr.": "Commander", "Field Marshal": "Field Marshal", "Sgt.": "Sergeant",
	} {
		if got, ok := NormalizeRank(in); !ok || got != want {
			t.Errorf("NormalizeRank(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Rear", "Air", "Vice", "Mr.", "General Motors"} {
		if got, ok := NormalizeRank(in); ok {
			t.Errorf("NormalizeRank(%q) = %q, true; want no rank", in, got)
		}
	}
}
