package cluster

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/textvec"
)

// TestWordTable checks a wordTable against a map through growth, with
// words of the same hash (colliding on purpose) and of every length.
func TestWordTable(t *testing.T) {
	var tab wordTable
	want, hashOf := map[string]int32{}, map[string]uint64{}
	for i := range 5000 {
		w := fmt.Sprintf("w%d", i)
		if i%7 == 0 {
			w = fmt.Sprintf("%019d", i)[:1+i%wordSlotLen]
		}
		if _, ok := want[w]; ok {
			continue
		}
		h := uint64(i % 300) // many words share a hash
		if _, ok := tab.get([]byte(w), h); ok {
			t.Fatalf("%q found before put", w)
		}
		tab.put([]byte(w), h, int32(i)-1)
		want[w] = int32(i) - 1
		hashOf[w] = h
	}
	for w, id := range want {
		if got, ok := tab.get([]byte(w), hashOf[w]); !ok || got != id {
			t.Fatalf("get(%q) = %d, %v; want %d", w, got, ok, id)
		}
	}
	if tab.used != len(want) {
		t.Errorf("used %d, want %d", tab.used, len(want))
	}
}

// TestFoldWord checks foldWord against textvec.Fold.
func TestFoldWord(t *testing.T) {
	x := newExtractor()
	for _, tok := range []string{"", "a", "The", "U.S.", "army's", "3rd-division", "réunion", "Café", "--", "’", "O’Neill", "ABC123", "x\u00a0y"} {
		got, ok := x.foldWord(tok)
		want := textvec.Fold(tok)
		if string(got) != want && ok || ok != (want != "") {
			t.Errorf("foldWord(%q) = %q, %v; want %q", tok, got, ok, want)
		}
	}
}
