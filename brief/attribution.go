package brief

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	if !twoSources(quotes, orig) {
		return nil // one statement given two speakers by one source is no disagreement (sameStatement)
	}
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
	lookup := newFormIndex(byLen)
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
		// The forms are tried in the order of byLen on the text as the
		// forms before have left it; only those the text may hold as a
		// name (lookup.in) are tried, found again after each change.
		cands := lookup.in(text, 0)
		for k := 0; k < len(cands); k++ {
			f := byLen[cands[k]]
			if !strings.Contains(text, f) || !containsName(text, f) {
				continue
			}
			if name := forms[f]; name != q.Speaker {
				st.words["@"+name] = true
				st.named = true
			}
			text = strings.ReplaceAll(text, f, " ")
			cands = append(cands[:k+1], lookup.in(text, cands[k]+1)...)
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
	// with it, of its kind: sameStatement holds only between quoted words
	// or between reported claims with one verb, and never for a claim
	// with a plain verb, with none, or naming nobody but its speaker.
	type wordOf struct{ kind, word string }
	kind := func(st statement) string {
		if st.q.Direct {
			return "\x00"
		}
		return st.verb
	}
	posting := map[wordOf][]int{}
	for i, st := range sts {
		k := kind(st)
		for w := range st.words {
			posting[wordOf{k, w}] = append(posting[wordOf{k, w}], i)
		}
	}
	used := make([]bool, len(sts))
	// shared counts, for the statement compared, the words each later one
	// of its kind shares with it: what sameStatement counts, so that one
	// sharing too few is not compared
	shared := make([]int, len(sts))
	var out []news.Conflict
	for i := range sts {
		if used[i] {
			continue
		}
		a := sts[i]
		if !a.q.Direct && (a.verb == "" || a.plain || !a.named) {
			continue // no statement is the same as it
		}
		var later []int
		k := kind(a)
		for w := range a.words {
			for _, j := range posting[wordOf{k, w}] {
				if j > i {
					if shared[j] == 0 {
						later = append(later, j)
					}
					shared[j]++
				}
			}
		}
		slices.Sort(later)
		group := []int{i}
		for _, j := range later {
			if !used[j] && enoughShared(a, sts[j], shared[j]) && sameStatement(a, sts[j]) {
				group = append(group, j)
			}
		}
		for _, j := range later {
			shared[j] = 0
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

// twoSources reports whether the quotes come from two sources or more,
// a copy counted as its original: only then can two of them disagree.
func twoSources(quotes []news.QuoteEntry, orig map[string]string) bool {
	first := ""
	for k, q := range quotes {
		src := q.Source
		if o, ok := orig[src]; ok {
			src = o
		}
		if k == 0 {
			first = src
		} else if src != first {
			return true
		}
	}
	return false
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

// enoughShared reports whether two statements sharing n words share
// enough for sameStatement: it tests n as sameStatement tests the words
// it counts.
func enoughShared(a, b statement, n int) bool {
	small := float64(min(len(a.words), len(b.words)))
	if a.q.Direct {
		return n >= quoteShared && float64(n) >= quoteOverlap*small
	}
	return n+1 >= attribShared && float64(n) >= attribOverlap*small
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
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
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

// formIndex finds the entity forms a text may hold as a name, as
// containsName finds one: written with no letter just before or after
// it. Such a form that opens with a letter opens with one of the text's
// words (its maximal runs of letters), so forms are indexed by their
// first word; the others are always tried.
type formIndex struct {
	byWord map[string][]int // a form's first word → its indices in forms, ascending
	always []int            // forms that open with no letter (or are not UTF-8)
	all    []int            // every index, for a text that is not UTF-8
	mark   []int            // scratch: the text+1 that last marked each form
	text   int
}

// newFormIndex indexes forms.
func newFormIndex(forms []string) *formIndex {
	x := &formIndex{byWord: map[string][]int{}, mark: make([]int, len(forms))}
	for i, f := range forms {
		x.all = append(x.all, i)
		w := firstLetters(f)
		if w == "" || !utf8.ValidString(f) {
			x.always = append(x.always, i)
			continue
		}
		x.byWord[w] = append(x.byWord[w], i)
	}
	return x
}

// firstLetters returns the run of letters f opens with.
func firstLetters(f string) string {
	for i, r := range f {
		if !unicode.IsLetter(r) {
			return f[:i]
		}
	}
	return f
}

// in returns, in ascending order, the indices from `from` on of the forms
// text may hold as a name: a superset of those containsName finds in it.
func (x *formIndex) in(text string, from int) []int {
	if !utf8.ValidString(text) {
		return append([]int(nil), x.all[from:]...)
	}
	x.text++
	var out []int
	add := func(ids []int) {
		for _, i := range ids {
			if i >= from && x.mark[i] != x.text {
				x.mark[i] = x.text
				out = append(out, i)
			}
		}
	}
	add(x.always)
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			add(x.byWord[text[start:i]])
			start = -1
		}
	}
	if start >= 0 {
		add(x.byWord[text[start:]])
	}
	slices.Sort(out)
	return out
}
