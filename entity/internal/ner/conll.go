package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its words and their IOB2 tags
// (column 4).
type Sentence struct {
	Words []string
	Tags  []string
}

// Doc is one -DOCSTART- document of a CoNLL file.
type Doc struct {
	Sentences []Sentence
}

// ReadCoNLL reads a CoNLL-2003 file: one token per line with the entity
// tag in the last column, blank lines between sentences and -DOCSTART-
// lines between documents.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var cur Doc
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flushSent()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("ner: line %d: want a word and a tag, got %q", line, sc.Text())
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: reading CoNLL: %w", err)
	}
	flushDoc()
	return docs, nil
}

// FoldAccents writes the accented Latin letters of s without their accents
// ("Kirkūk" → "Kirkuk"), for gazetteer entries.
func FoldAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, ok := accentFold[r]; ok {
			b.WriteRune(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var accentFold = map[rune]rune{}

func init() {
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
}
