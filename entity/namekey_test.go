package entity

import (
	"math/rand/v2"
	"testing"
)

// TestASCIINameKey checks that nameKey's one-pass path gives the key of
// the general one, over names built at random from the pieces that it
// treats apart: a leading "the", a possessive, dots, apostrophes,
// hyphens, capitals, digits, abbreviations of places.
func TestASCIINameKey(t *testing.T) {
	pieces := []string{"The ", "the ", "THE", "Mt ", "mt", "St.", "Ft ", "U.S.", "New", "york", "'s", "'", "`", ".", "-", " ", "  ",
		"(", ")", "&", "O'Neil", "AT&T", "42nd", "Street", "s", "Of", "x", "Tasnim News Agency", ",", "\"", "Pt ", "pt"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		s := ""
		for k := r.IntN(7); k >= 0; k-- {
			s += pieces[r.IntN(len(pieces))]
		}
		got, ok := asciiNameKey(s)
		if want := foldedNameKey(s); !ok && len(s) <= 64 || ok && got != want {
			t.Fatalf("asciiNameKey(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if _, ok := asciiNameKey("Zürich"); ok {
		t.Error("asciiNameKey takes a name that is not ASCII")
	}
}

// TestPartCount checks that partCount counts the parts parseName makes,
// over names built at random from particles, suffixes, initials,
// possessives, hyphens, accents and punctuation.
func TestPartCount(t *testing.T) {
	pieces := []string{"al-", "Al ", "el-", "bin ", "van ", "de", "Jr.", "jr", "III", "Sr", " ", "J.", "K ", "O'Neil", "'s", "'",
		"(", ")", "Ghanmi", "Jean-Claude", "Müller", "Özil", "-", ".", "\"", "[", "x", "Kim Jong", "Un", "ad-", "d'", "the"}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20000; n++ {
		s := ""
		for k := r.IntN(8); k >= 0; k-- {
			s += pieces[r.IntN(len(pieces))]
		}
		if got, want := partCount(s), len(parseName(s).parts); got != want {
			t.Fatalf("partCount(%q) = %d, parseName makes %d parts", s, got, want)
		}
	}
}
