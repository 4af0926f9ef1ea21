package brief

import (
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/levenshtein"
	"github.com/storyline-news/storyline/news"
)

// Names spelled more than one way. The story's entities merge a
// person's forms across its sources ("Gaddafi", "Gadhafi", "Qaddafi"),
// but the words a line and a sentence share are read as written: a line
// naming "Gaddafi" shares no name with a source that writes "Gadhafi".
// So a word that ends a form of an entity is read as the word that ends
// the entity's name, when no other entity claims it and the two are
// spelled alike (spelledAlike): another name of the person ("Sandra"
// for Sandra Jackson) is another word.

// citeNameTypes are the kinds of entity whose spellings are joined.
var citeNameTypes = map[news.EntityType]bool{news.Person: true}

// nameWords maps the last word (as citeWord keys it) of each form of the
// entities to the last word of the entity's name, leaving out the words
// two entities would map apart and those that map to themselves.
func nameWords(ents []news.Entity) map[string]string {
	last := func(s string) string {
		w := ""
		for f := range letterRuns(s) {
			if len(f) < 3 {
				continue
			}
			if k := citeWords.Get(f); k != citeDropped {
				w = k
			}
		}
		return w
	}
	to := map[string]string{}
	clash := map[string]bool{}
	for _, e := range ents {
		if !citeNameTypes[e.Type] {
			continue
		}
		canon := last(e.Name)
		if canon == "" {
			continue
		}
		for _, f := range e.Forms {
			w := last(f)
			if w == "" {
				continue
			}
			if v, ok := to[w]; ok && v != canon {
				clash[w] = true
			}
			to[w] = canon
		}
	}
	for w, v := range to {
		if clash[w] || w == v || !spelledAlike(w, v) {
			delete(to, w)
		}
	}
	return to
}

// joinNames rewrites a bag's words by nameWords.
func (c *lineCiter) joinNames(b bag) bag {
	if len(c.names) == 0 {
		return b
	}
	for w, v := range b {
		to, ok := c.names[w]
		if !ok {
			continue
		}
		delete(b, w)
		b[to] = max(b[to], v)
	}
	return b
}

// citeSpellEdits is the most edits, per letter of the longer word, that
// two spellings of one name may differ by.
const citeSpellEdits = 0.3

// spelledAlike reports whether a and b differ by citeSpellEdits edits
// per letter or fewer (Levenshtein, over runes).
func spelledAlike(a, b string) bool {
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return float64(levenshtein.RuneDistance(a, b, n)) <= citeSpellEdits*float64(n)
}
