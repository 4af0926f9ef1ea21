package entity

import (
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/token"
)

// TestClassify checks that classify, which reads the words of titles'
// tables from one map, gives what the tables give for every word of the
// tables, their parts joined by hyphens, and the words of BASIL.
func TestClassify(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "vice-president", "ex-president", "co-chair", "lt-gen", "major-general", "anti-war", "al-abadi", "secretary-general", "mr"}
	for w := range tg.classes {
		words = append(words, w, w+"-"+w, "x-"+w, w+"-x", w+"s")
	}
	for _, a := range testutil.Basil(t) {
		for _, w := range token.Words(a.Text()) {
			words = append(words, lowerWord(w))
		}
	}
	for _, w := range words {
		if got, want := tg.classify(w), tg.classifySlow(w); got != want {
			t.Errorf("classify(%q) = %b, want %b", w, got, want)
		}
	}
}
