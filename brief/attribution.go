package brief

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// Who made a statement.
//
// Two sources that report one statement (the same quoted words, or the
// same reported claim: the same verb, the same people and things, the
// same kind of happening) but give it to different people disagree on
// who made it. A statement is read as its content words, each person or
// other named entity as one word (so "Gadhafi" and "Qaddafi" agree), the
// words of a measure as their measure ("death" and "killed"); the
// speaker's own name is left out. A negated statement ("could not
// confirm") is another statement and is not compared.

const (
	// attribShared is the least number of words two reported claims
	// share, their verb and a named entity among them; attribOverlap the
	// least share of the smaller claim's words.
	attribShared  = 3
	attribOverlap = 0.5
	// quoteOverlap is the least share of the smaller quote's words two
	// quotes share to be the same quoted words, quoteShared the least
	// number.
	quoteOverlap = 0.8
	quoteShared  = 5
)

// statement is a quote read for comparison.
type statement struct {
	q      news.QuoteEntry
	source string // the source, a copy counted as its original
	verb   string // the reporting verb of an indirect quote
	plain  bool   // the verb is one of plainSpeech
	words  map[string]bool
	named  bool // names an entity besides its speaker
	// surname is the speaker's surname: two speakers sharing one may be
	// one person ("John Roberts", "John G. Roberts Jr."; "Netanyahu",
	// "Bibi Netanyahu").
	surname string
}

// attributionConflicts compares the speakers the sources give one
// statement.
func attributionConflicts(quotes []news.QuoteEntry, ents []news.Entity, orig map[string]string) []news.Conflict {
	forms := map[string]string{} // a form of an entity → its name
	persons := map[string]bool{}
	for _, e := range ents {
		if e.Type == news.Person {
			persons[e.Name] = true
		}
		for _, f := range e.Forms {
			if len(f) >= 3 {
				forms[f] = e.Name
			}
		}
	}
	byLen := make([]string, 0, len(forms))
	for f := range forms {
		byLen = append(byLen, f)
	}
	sort.Slice(byLen, func(i, j int) bool {
		if len(byLen[i]) != len(byLen[j]) {
			return len(byLen[i]) > len(byLen[j])
		}
		return byLen[i] < byLen[j]
	})
	var sts []statement
	for _, q := range quotes {
		if !persons[q.Speaker] || q.Opinion || negated(q.Text) {
			continue
		}
		st := statement{q: q, source: q.Source, words: map[string]bool{}, surname: surname(q.Speaker)}
		if o, ok := orig[q.Source]; ok {
			st.source = o
		}
		text := q.Text
		for _, f := range byLen {
			if !strings.Contains(text, f) || !containsName(text, f) {
				continue
			}
			if name := forms[f]; name != q.Speaker {
				st.words["@"+name] = true
				st.named = true
			}
			text = strings.ReplaceAll(text, f, " ")
		}
		ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
		for i, w := range ws {
			w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'"))
			if i == 0 && !q.Direct {
				st.verb, st.plain = textvec.Stem(w), plainSpeech[w]
			}
			if len(w) < 3 || stopwords[w] {
				continue
			}
			if m, ok := measures[w]; ok {
				st.words["#"+m] = true
				continue
			}
			st.words[textvec.Stem(textvec.Fold(w))] = true
		}
		sts = append(sts, st)
	}
	// Each statement is compared only with the later ones sharing a word
	// with it.
	posting := map[string][]int{}
	for i, st := range sts {
		for w := range st.words {
			posting[w] = append(posting[w], i)
		}
	}
	used := make([]bool, len(sts))
	var out []news.Conflict
	for i := range sts {
		if used[i] {
			continue
		}
		later := map[int]bool{}
		for w := range sts[i].words {
			for _, j := range posting[w] {
				if j > i {
					later[j] = true
				}
			}
		}
		group := []int{i}
		for j := i + 1; j < len(sts); j++ {
			if later[j] && !used[j] && sameStatement(sts[i], sts[j]) {
				group = append(group, j)
			}
		}
		type claim struct {
			speaker, evidence string
			sources           []string
		}
		var claims []*claim
		for _, k := range group {
			st := sts[k]
			var c *claim
			for _, x := range claims {
				if x.speaker == st.q.Speaker {
					c = x
				}
			}
			if c == nil {
				c = &claim{speaker: st.q.Speaker, evidence: st.q.Sentence}
				claims = append(claims, c)
			}
			c.sources = appendOnce(c.sources, st.q.Source)
		}
		if len(claims) < 2 {
			continue
		}
		for _, k := range group {
			used[k] = true
		}
		about := "who made the statement \"" + clip(sts[i].q.Text, 60) + "\""
		if sts[i].verb != "" {
			about = "who " + strings.Fields(sts[i].q.Text)[0] + " " + clip(strings.TrimPrefix(sts[i].q.Text, strings.Fields(sts[i].q.Text)[0]+" "), 60)
		}
		c := news.Conflict{About: about, Kind: "attribution"}
		for _, x := range claims {
			sort.Strings(x.sources)
			c.Claims = append(c.Claims, news.Claim{Value: x.speaker, Sources: x.sources, Evidence: x.evidence})
		}
		out = append(out, c)
	}
	return out
}

// sameStatement reports whether two sources give one statement to
// different people.
func sameStatement(a, b statement) bool {
	if a.source == b.source || a.q.Direct != b.q.Direct || !a.q.Direct && (a.verb != b.verb || a.plain) {
		return false
	}
	if a.q.Speaker == b.q.Speaker || a.surname != "" && a.surname == b.surname {
		return false // maybe one person
	}
	shared := 0
	for w := range a.words {
		if b.words[w] {
			shared++
		}
	}
	small := float64(min(len(a.words), len(b.words)))
	if a.q.Direct {
		return shared >= quoteShared && float64(shared) >= quoteOverlap*small
	}
	if a.verb == "" || a.verb != b.verb || a.plain || !a.named || !b.named {
		return false
	}
	namedShared := false
	for w := range a.words {
		if w[0] == '@' && b.words[w] {
			namedShared = true
		}
	}
	return namedShared && shared+1 >= attribShared && float64(shared) >= attribOverlap*small
}

// plainSpeech are the stems of the verbs anyone reports with: many
// people say or tell one thing, while a confirmation or an announcement
// of it is made by one.
var plainSpeech = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true, "tell": true, "added": true, "adds": true}

// surname is the last word of a name that is not a suffix.
func surname(name string) string {
	f := strings.Fields(strings.ToLower(name))
	for len(f) > 0 {
		switch strings.TrimSuffix(f[len(f)-1], ".") {
		case "jr", "sr", "ii", "iii", "iv":
			f = f[:len(f)-1]
			continue
		}
		return f[len(f)-1]
	}
	return ""
}

// negated reports whether a statement is negated.
func negated(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		switch w {
		case "not", "no", "never", "cannot", "nothing", "neither", "nor":
			return true
		}
		if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// clip cuts text to about n bytes at a word boundary.
func clip(text string, n int) string {
	if len(text) <= n {
		return text
	}
	if i := strings.LastIndexByte(text[:n], ' '); i > 0 {
		return text[:i] + "…"
	}
	return text[:n] + "…"
}
