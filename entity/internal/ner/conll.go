package ner

import (
	"io"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/conll"
)

// Sentence is one sentence of a CoNLL file: its words and their IOB2
// tags (column 4).
type Sentence = conll.Sentence

// Doc is one -DOCSTART- document of a CoNLL file.
type Doc = conll.Doc

// ReadCoNLL reads a CoNLL-2003 file (see package conll).
func ReadCoNLL(r io.Reader) ([]Doc, error) { return conll.Read(r) }

// FoldAccents writes the accented Latin letters of s without their accents
// ("Kirkūk" → "Kirkuk"), for gazetteer entries.
func FoldAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, ok := accentFold()[r]; ok {
			b.WriteRune(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var accentFold = sync.OnceValue(func() map[rune]rune {
	accentFold := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâäãåāăą", 'e': "éèêëēėęě", 'i': "íìîïīıį", 'o': "óòôöõøōő", 'u': "úùûüūůű",
		'c': "çćč", 'n': "ñńň", 's': "şśšș", 'g': "ğ", 'z': "žźż", 'y': "ýÿ", 'l': "ł", 'r': "ř",
		't': "țţ", 'd': "đď", 'h': "ḩḥ",
		'A': "ÁÀÂÄÃÅĀĂĄ", 'E': "ÉÈÊËĒĖĘĚ", 'I': "ÍÌÎÏĪİĮ", 'O': "ÓÒÔÖÕØŌŐ", 'U': "ÚÙÛÜŪŮŰ",
		'C': "ÇĆČ", 'N': "ÑŃŇ", 'S': "ŞŚŠȘ", 'G': "Ğ", 'Z': "ŽŹŻ", 'Y': "Ý", 'L': "Ł", 'R': "Ř",
		'T': "ȚŢ", 'D': "ĐĎ", 'H': "ḨḤ",
	} {
		for _, r := range accented {
			accentFold[r] = base
		}
	}
	return accentFold
})
