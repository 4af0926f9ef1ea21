package summarize

import (
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/internal/levenshtein"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// sent is one candidate sentence.
type sent struct {
	doc, idx int    // doc index and sentence index in the doc
	text     string // cleaned text, as it would appear in the summary
	words    int    // white-space separated words, as ROUGE counts them
	bytes    int
	toks     []string // lowercase alphanumeric tokens, stemmed
	ids      []int32  // term ids of toks
	content  []int32  // ids without stopwords
	vec      []term   // tf-idf vector, sorted by term id (and so by word)
	norm     float64  // of vec
	pos      float64  // position bonus in 0..1
	ok       bool     // may enter the summary
	dangling bool     // opens with a word that needs a referent
	days     uint8    // weekdays named, a bit per day
	// personal reports that it opens with a personal pronoun, and
	// prevPerson that the sentence before it names someone it could
	// refer to.
	personal, prevPerson bool
	// first holds its text's firstWords(text, 5), until newPool has read
	// them.
	first []string
	// raw holds the words of the sentence's text as written, until the
	// happenings have read them.
	raw rawWords
}

// pool is the candidate sentences of a set of docs with their
// statistics.
type pool struct {
	docs  []*news.Doc
	sents []*sent
	// terms are the cluster's words (stemmed, name variants merged) in
	// sorted order, so that a term id orders as its word; stop marks the
	// stopwords and idf weighs the content words by term id.
	terms []string
	stop  []bool
	idf   []float64
	// conceptIDs numbers the concepts (bigrams of term ids), once
	// concepts has run.
	conceptIDs map[uint64]int32
	// ev holds each sentence's happening when the docs are analysed
	// (nil for plain documents), and support the articles that state
	// what each sentence states, for those sources has found.
	ev      []*happening
	support [][]string
	// idx indexes the sentences by term and participant, once sources
	// needs it.
	idx *index
	// first is the date of the first dated doc, once firstKnown.
	first      time.Time
	firstKnown bool
	// memo stems the words of the pool's texts once.
	memo tokenMemo
}

// dateline matches news datelines and bylines at the start of a sentence:
// "WASHINGTON (AP) --", "LONDON (AP) _", "BEIJING, Oct. 17 (Xinhua) --",
// "NEW YORK _", "PINE RIDGE, S.D. (AP) --".
var dateline = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z .]+\))?\s*(?:--|_|—|–|-)\s+|\([A-Za-z .]+\)\s*(?:--|_|—|–|-)\s+)`)
})

// cleanText normalises white space and removes a leading dateline.
func cleanText(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	// every dateline ends in a dash or an underscore and a space
	if !hasDashSpace(s) {
		return strings.TrimLeft(s, "_-–— ")
	}
	if m := dateline().FindStringIndex(s); m != nil && m[1] < len(s) {
		// Only when what precedes the dash is short and shouty.
		head := s[:m[1]]
		if len(head) < 60 && (strings.Contains(head, "(") || isUpperWord(strings.Fields(head)[0])) {
			s = s[m[1]:]
		}
	}
	s = strings.TrimLeft(s, "_-–— ")
	return s
}

// apostrophe is strings.IndexAny(w, "'’"): the first apostrophe, straight
// or curly, sought as a byte and as a string (a set with a rune outside
// ASCII is matched rune by rune).
func apostrophe(w string) int {
	i, j := strings.IndexByte(w, '\''), strings.Index(w, "’")
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// singleSpaced reports whether s is its words joined by single spaces:
// what strings.Join(strings.Fields(s), " ") would return.
func singleSpaced(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); {
		var sp bool
		if c := s[i]; c < utf8.RuneSelf {
			sp = ascii.IsSpace(c)
			if sp && (c != ' ' || prevSpace) {
				return false
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false // not ' '
			}
			i += n
		}
		prevSpace = sp
	}
	return !prevSpace || s == ""
}

// hasDashSpace reports whether s holds a dash or an underscore followed
// by a space.
func hasDashSpace(s string) bool {
	for _, sep := range [...]string{"- ", "_ ", "— ", "– "} {
		if strings.Contains(s, sep) {
			return true
		}
	}
	return false
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// tokens splits text as ROUGE does (lowercase ASCII letters and digits)
// and stems words longer than three letters.
func tokens(s string) []string {
	out := make([]string, 0, len(s)/6+1)
	textvec.Words(s, func(start, end int) { out = append(out, textvec.StemWord(s[start:end])) })
	return out
}

// tokenMemo stems words for one pool through the process's stems
// (textvec.StemWord), whose table answers a word already seen with one
// hash and a probe, without a lock: no slower than a map of the pool's
// own, which the pool would have to fill. A word of three lower-case
// letters or fewer, which StemWord leaves as it is ("the", "of", "was"),
// is not looked up.
type tokenMemo struct{}

func (m tokenMemo) tokens(s string) []string {
	out := make([]string, 0, len(s)/6+1)
	textvec.Words(s, func(start, end int) { out = append(out, m.stem(s[start:end])) })
	return out
}

// stem is textvec.StemWord(w), memoised.
func (m tokenMemo) stem(w string) string {
	if len(w) <= 3 && lowerASCII(w) {
		return w
	}
	return textvec.StemWord(w)
}

// rawWords are the words of a sentence's text as written (its
// tokens): the byte offsets in the text where each starts and ends, in
// pairs, and each one's stem. The summary's tokens and the happening's
// words are both read from them, so that a sentence is split and
// stemmed once.
type rawWords struct {
	at    []int32
	stems []string
	// fields counts the text's white-space separated words
	// (textvec.CountFields), which newPool reads for the clean text
	// too when cleaning cut nothing, and the happenings for the
	// sentence as written.
	fields int
}

// words returns the rawWords of s: stems is m.tokens(s).
func (m tokenMemo) words(s string) rawWords {
	n := len(s)/6 + 1
	r := rawWords{at: make([]int32, 0, 2*n), stems: make([]string, 0, n)}
	textvec.Words(s, func(start, end int) {
		r.at = append(r.at, int32(start), int32(end))
		r.stems = append(r.stems, m.stem(s[start:end]))
	})
	return r
}

// countWords is len(tokens(s)), without stemming.
func countWords(s string) int {
	n := 0
	textvec.Words(s, func(int, int) { n++ })
	return n
}

// cleanTokens returns m.tokens(cleanText(raw)) given text, that clean
// text, and rw, the rawWords of raw. cleanText folds white space, which
// no token holds, and cuts a head that ends in white space or in
// characters no token holds, so the clean text's tokens are the last of
// raw's: read, not split and stemmed again.
func (m tokenMemo) cleanTokens(text string, rw rawWords) []string {
	n := countWords(text)
	if n > len(rw.stems) {
		return m.tokens(text) // not reached: cleanText adds no token
	}
	return slices.Clone(rw.stems[len(rw.stems)-n:])
}

// lowerASCII reports whether w has no upper-case ASCII letter.
func lowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return false
		}
	}
	return true
}

// danglingStarts are first words that need a referent earlier in the text.
var danglingStarts = map[string]bool{
	"he": true, "she": true, "they": true, "his": true, "her": true, "their": true, "him": true,
	"them": true, "its": true, "it's": true, "these": true, "those": true, "this": true, "such": true,
	"but": true, "however": true, "however,": true, "also": true, "meanwhile": true, "still": true,
	"and": true, "or": true, "so": true, "then": true, "thus": true, "instead": true, "besides": true,
	"moreover": true, "furthermore": true, "there": false, "yet": true, "nevertheless": true, "otherwise": true,
	"likewise": true, "similarly": true, "both": true, "another": true, "other": true, "others": true, "that": true,
}

// personalStarts are the pronouns that need a person named just before.
var personalStarts = map[string]bool{
	"he": true, "she": true, "his": true, "her": true, "him": true, "they": true, "their": true, "them": true,
}

// namesPerson reports whether sentence i of d names a person: by the
// doc's person mentions when it has been tagged, otherwise by a
// capitalised word after the first.
func namesPerson(d *news.Doc, ix bySentence, i int) bool {
	if len(d.Mentions) > 0 {
		if i < 0 || i >= len(ix.mentions) {
			return false
		}
		for _, k := range ix.mentions[i] {
			if d.Mentions[k].Type == news.Person {
				return true
			}
		}
		return false
	}
	// Runs of capitalised words after the first word, unless the word
	// before the run makes it a place or a time ("of Marrow Bay",
	// "on Tuesday").
	f := strings.Fields(d.SentenceText(i))
	for k := 1; k < len(f); k++ {
		if !capitalWord(f[k]) {
			continue
		}
		before := strings.ToLower(strings.Trim(f[k-1], `,;:"'()“”`))
		run := k
		for k+1 < len(f) && capitalWord(f[k+1]) {
			k++
		}
		if placeWords[before] || weekdays(f[run]) != 0 || lexicon.ClassOf(strings.ToLower(strings.Trim(f[run], ".,")))&lexicon.Month != 0 {
			continue
		}
		return true
	}
	return false
}

func capitalWord(w string) bool {
	w = strings.Trim(w, `,;:"'()“”`)
	r, _ := utf8.DecodeRuneInString(w)
	return len(w) > 1 && unicode.IsUpper(r) && !isUpperWord(w)
}

// placeWords before a capitalised run make it a place or a date.
var placeWords = map[string]bool{
	"of": true, "in": true, "at": true, "to": true, "from": true, "near": true, "on": true, "into": true,
	"across": true, "the": true, "outside": true, "inside": true, "around": true, "since": true, "until": true,
	"by": true, "for": true,
}

// roleNouns after "the" make a definite description that usually points
// back ("the official said").
var roleNouns = map[string]bool{
	"official": true, "officials": true, "spokesman": true, "spokeswoman": true, "man": true, "woman": true,
	"company": true, "group": true, "minister": true, "agency": true, "source": true, "sources": true,
	"statement": true, "report": true, "move": true, "decision": true, "two": true, "three": true,
	"pair": true, "couple": true, "boy": true, "girl": true, "suspect": true, "victim": true,
	"general": true, "leader": true, "president": false, "latter": true, "former": true, "same": true, "sides": true,
}

func firstWords(s string, n int) []string {
	out := make([]string, 0, n)
	for f := range strings.FieldsSeq(s) {
		f = strings.ToLower(strings.Trim(f, `"'“”‘’()[],.;:`))
		if f != "" {
			out = append(out, f)
		}
		if len(out) >= n {
			break
		}
	}
	return out
}

// eventNouns after "during the", "at the"... point back to an event the
// reader has not been told of ("During the meeting, ...").
var eventNouns = map[string]bool{
	"meeting": true, "talks": true, "visit": true, "session": true, "conference": true, "interview": true,
	"ceremony": true, "summit": true, "event": true, "trip": true, "incident": true, "attack": true,
	"hearing": true, "speech": true, "call": true, "operation": true,
}

// describesBack reports, for briefs, whether a sentence opens on a
// description of someone named before: "the" with modifiers and a role
// noun ("The Iranian top military official", "The top Turkish
// commander", "The Texas lawmaker"), or "the" and a noun and "also"
// ("The representative also posted…"). Evaluation sets keep the plainer
// test of isDangling, which scores better there.
func describesBack(s string) bool { return describesBackWords(firstWords(s, 5)) }

// describesBackWords is describesBack given the text's firstWords(s, 5).
func describesBackWords(w []string) bool {
	switch {
	case len(w) >= 3 && w[0] == "the" && w[2] == "also":
		return true
	case len(w) >= 3 && w[0] == "the":
		return describedRole(w[1:])
	}
	return false
}

// moreRoles are role nouns that describesBack adds to roleNouns.
var moreRoles = map[string]bool{
	"commander": true, "lawmaker": true, "senator": true, "congressman": true, "congresswoman": true,
	"governor": true, "candidate": true, "diplomat": true, "envoy": true, "mogul": true, "billionaire": true,
	"tycoon": true,
}

// describedRole reports whether words, after an opening "the", are
// modifiers and a role noun.
func describedRole(w []string) bool {
	for k, x := range w {
		if k >= 4 {
			return false
		}
		if roleNouns[x] || moreRoles[x] {
			return k > 0
		}
		if textvec.IsStopword(x) || strings.HasSuffix(x, ",") {
			return false
		}
	}
	return false
}

func isDangling(s string) bool { return isDanglingWords(firstWords(s, 3)) }

// isDanglingWords is isDangling given the text's first words: its
// firstWords(s, n) for any n of at least 3 (it reads three).
func isDanglingWords(w []string) bool {
	w = w[:min(len(w), 3)]
	switch {
	case len(w) == 0:
		return false
	case danglingStarts[w[0]]:
		return true
	case len(w) >= 2 && w[0] == "the" && roleNouns[w[1]]:
		return true
	case len(w) >= 2 && w[1] == "also":
		return true // "Ghanmi also praised..."
	case len(w) == 3 && w[1] == "the" && eventNouns[w[2]]:
		switch w[0] {
		case "during", "at", "in", "after", "following", "before", "throughout":
			return true
		}
	}
	return false
}

// Sentences shorter or longer than these word counts never enter a
// summary: short ones are headings, captions and fragments, long ones
// run-ons and lists.
const (
	minWords = 8
	maxWords = 60
)

// acceptable reports whether a sentence may enter a summary at all.
func acceptable(text string, words int) bool {
	if words < minWords || words > maxWords {
		return false
	}
	// strings.ContainsAny(text, "?\"“”"), each byte or rune sought
	// apart: a set with runes outside ASCII is matched rune by rune.
	if strings.IndexByte(text, '?') >= 0 || strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "“") || strings.Contains(text, "”") ||
		strings.Contains(text, "``") || strings.Contains(text, "''") {
		return false
	}
	if strings.HasSuffix(text, ":") || strings.Contains(text, "|") || strings.Contains(text, "http") {
		return false
	}
	// It must look like prose: mostly lowercase words, ending in a full stop.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, `"'”’) `))
	if last != '.' {
		return false
	}
	if ascii.All(text) {
		return acceptableASCII(text)
	}
	return acceptableRunes(text)
}

// acceptableRunes is the rest of acceptable, for any text.
func acceptableRunes(text string) bool {
	// Reporting is in the third person: "I", "we" and "you" belong to
	// quotes, columns and advice, and shouted words to wire notes
	// ("ATTENTION EDITORS").
	shouted := 0
	for f := range strings.FieldsSeq(text) {
		w := trimPunct(f)
		if i := apostrophe(w); i > 0 {
			w = w[:i] // I've, we're, you'll
		}
		if len(w) <= 4 && w != "US" && slices.Contains(firstSecondPerson[:], strings.ToLower(w)) {
			return false
		}
		if len(w) >= 4 && isShouted(w) {
			shouted++
		}
	}
	if shouted >= 2 {
		return false
	}
	lower, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	if letters == 0 || float64(lower) < 0.6*float64(letters) {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(text); unicode.IsLower(first) || unicode.IsPunct(first) {
		return false
	}
	return true
}

// acceptableASCII is the rest of acceptable for an ASCII text, read a
// byte at a time: its fields, punctuation, letters and cases are
// ASCII's, so each test is the one acceptable makes of any text.
func acceptableASCII(text string) bool {
	shouted := 0
	for i := 0; i < len(text); {
		for i < len(text) && ascii.IsSpace(text[i]) {
			i++
		}
		start := i
		for i < len(text) && !ascii.IsSpace(text[i]) {
			i++
		}
		if start == i {
			break
		}
		w := trimPunctASCII(text[start:i])
		if k := strings.IndexByte(w, '\''); k > 0 {
			w = w[:k] // I've, we're, you'll
		}
		if len(w) <= 4 && w != "US" && firstOrSecondPerson(w) {
			return false
		}
		if len(w) >= 4 && isShouted(w) {
			shouted++
		}
	}
	if shouted >= 2 {
		return false
	}
	lower, letters := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
			letters++
			lower++
		case 'A' <= c && c <= 'Z':
			letters++
		}
	}
	if letters == 0 || float64(lower) < 0.6*float64(letters) {
		return false
	}
	if first := text[0]; 'a' <= first && first <= 'z' || unicode.IsPunct(rune(first)) {
		return false
	}
	return true
}

// firstSecondPerson are the pronouns of the first and second person
// that mark a sentence as not reporting (see acceptableRunes).
var firstSecondPerson = [...]string{"i", "me", "my", "we", "us", "our", "you", "your"}

// firstOrSecondPerson reports whether the ASCII word w, in any case, is
// one of firstSecondPerson.
func firstOrSecondPerson(w string) bool {
	for _, p := range firstSecondPerson {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}

// trimPunctASCII is trimPunct for an ASCII word.
func trimPunctASCII(w string) string {
	for len(w) > 0 && punctCut(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && punctCut(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// punctCut reports whether trimPunct cuts the ASCII byte c.
func punctCut(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']':
		return true
	}
	return false
}

// trimPunct is strings.Trim(w, `.,;:!?"'()[]“”‘’`) without building
// the cut set on every call.
func trimPunct(w string) string {
	cut := func(r rune) bool {
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’':
			return true
		}
		return false
	}
	return strings.TrimFunc(w, cut)
}

// isShouted reports whether w is in capitals: unchanged by ToUpper and
// changed by ToLower.
func isShouted(w string) bool {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(w) == w && strings.ToLower(w) != w
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// newPool gathers the candidate sentences of docs; ents, when given,
// are the docs' merged entities.
func newPool(docs []*news.Doc, ents []news.Entity) *pool {
	return newPoolFrom(docs, func() []news.Entity { return ents })
}

// newPoolFrom is newPool calling ents for the entities once it has read
// the docs' sentences (see Options.EntitiesFrom).
func newPoolFrom(docs []*news.Doc, ents func() []news.Entity) *pool {
	memo := tokenMemo{}
	c := &pool{docs: docs, memo: memo}
	names := map[string]bool{}
	for di, d := range docs {
		prose := 0
		ix := indexBySentence(d)
		slab := make([]sent, len(d.Sentences)) // one allocation for the doc's sentences
		for i, sp := range d.Sentences {
			raw := sp.In(d.Text)
			rw := memo.words(raw)
			rw.fields = textvec.CountFields(raw)
			text := cleanText(raw)
			words := rw.fields
			if len(text) != len(raw) {
				// Cleaning folds white space, which leaves the count
				// (and the length, or shortens it), and cuts a head.
				words = textvec.CountFields(text)
			}
			s := &slab[i]
			*s = sent{doc: di, idx: i, text: text, words: words, bytes: len(text), raw: rw}
			s.toks = memo.cleanTokens(text, rw)
			s.days = weekdays(text)
			for _, w := range capitalised(text, memo) {
				names[w] = true
			}
			s.ok = !d.InOpinion(sp.Span) && acceptable(text, s.words)
			// the first words read by isDangling, firstWord and
			// describesBack, whose results are the first of these
			s.first = firstWords(text, 5)
			s.dangling = isDanglingWords(s.first)
			if len(s.first) > 0 {
				s.personal = personalStarts[s.first[0]]
			}
			if i > 0 {
				s.prevPerson = namesPerson(d, ix, i-1)
			}
			// Position counts prose sentences only, so that a headline,
			// a date line or a byline does not push the lead down.
			s.pos = 1 / (1 + float64(prose))
			if s.ok {
				prose++
			}
			c.sents = append(c.sents, s)
		}
	}
	canon := nameVariants(names)
	// term ids in word order: provisional ids in order of first sight,
	// then their ranks among the sorted words
	ntok := 0
	for _, s := range c.sents {
		ntok += len(s.toks)
	}
	ids := make(map[string]int32, ntok/4+16)
	// The sentences' ids, content words and vectors each share one
	// array, each sentence's part capped at its own length.
	idSlab := make([]int32, ntok)
	for _, s := range c.sents {
		s.ids, idSlab = idSlab[:len(s.toks):len(s.toks)], idSlab[len(s.toks):]
		for k, t := range s.toks {
			if v, ok := canon[t]; ok {
				s.toks[k] = v
				t = v
			}
			id, ok := ids[t]
			if !ok {
				id = int32(len(c.terms))
				ids[t] = id
				c.terms = append(c.terms, t)
			}
			s.ids[k] = id
		}
	}
	order := make([]int32, len(c.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(c.terms[a], c.terms[b]) })
	rank := make([]int32, len(c.terms))
	sorted := make([]string, len(c.terms))
	c.stop = make([]bool, len(c.terms))
	for r, id := range order {
		rank[id] = int32(r)
		sorted[r] = c.terms[id]
		c.stop[r] = textvec.IsStopword(sorted[r])
	}
	c.terms = sorted
	df := make([]int, len(c.terms))
	seen := make([]int, len(c.terms)) // doc+1 that last counted the term
	contentSlab := make([]int32, 0, ntok)
	for _, s := range c.sents {
		start := len(contentSlab)
		for k, id := range s.ids {
			id = rank[id]
			s.ids[k] = id
			if !c.stop[id] {
				contentSlab = append(contentSlab, id)
				if seen[id] != s.doc+1 {
					seen[id] = s.doc + 1
					df[id]++
				}
			}
		}
		if end := len(contentSlab); end > start {
			s.content = contentSlab[start:end:end]
		}
	}
	nd := float64(max(len(docs), 1))
	c.idf = make([]float64, len(c.terms))
	for id, n := range df {
		if n > 0 {
			c.idf[id] = math.Log((nd+1)/float64(n)) + 1
		}
	}
	var scratch []int32
	vecSlab := make([]term, 0, len(contentSlab))
	for _, s := range c.sents {
		words := append(scratch[:0], s.content...)
		slices.Sort(words)
		start := len(vecSlab)
		for k, w := range words {
			if k > 0 && w == words[k-1] {
				vecSlab[len(vecSlab)-1].v += c.idf[w]
				continue
			}
			vecSlab = append(vecSlab, term{w, c.idf[w]})
		}
		s.vec = vecSlab[start:len(vecSlab):len(vecSlab)]
		scratch = words
		for _, t := range s.vec {
			s.norm += t.v * t.v
		}
		s.norm = math.Sqrt(s.norm)
	}
	c.happenings(ents)
	if c.ev != nil {
		for _, s := range c.sents {
			s.dangling = s.dangling || describesBackWords(s.first)
		}
	}
	for _, s := range c.sents {
		s.first = nil
	}
	return c
}

// term is one word of a sentence's tf-idf vector.
type term struct {
	w int32
	v float64
}

// weekdays returns a bit per weekday that text names.
func weekdays(text string) uint8 {
	var m uint8
	if !hasDay(text) {
		return 0
	}
	for w := range strings.FieldsSeq(strings.ToLower(text)) {
		w = strings.Trim(w, `.,;:"'()`)
		if d := lexicon.WeekdayNumber(w); d > 0 && lexicon.ClassOf(w)&lexicon.Abbrev == 0 {
			m |= 1 << (d - 1)
		}
	}
	return m
}

// hasDay reports whether text holds "day" in any case: every weekday's
// name does.
func hasDay(text string) bool {
	for i := 0; i+2 < len(text); i++ {
		if text[i]|0x20 == 'd' && text[i+1]|0x20 == 'a' && text[i+2]|0x20 == 'y' {
			return true
		}
	}
	return false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// capitalised returns the tokens of text's capitalised words of five
// letters or more: the names whose spelling varies between outlets.
func capitalised(text string, memo tokenMemo) []string {
	if ascii.All(text) {
		return capitalisedASCII(text, memo)
	}
	var out []string
	for f := range strings.FieldsFuncSeq(text, notLetter) {
		r, _ := utf8.DecodeRuneInString(f)
		if len(f) >= 5 && unicode.IsUpper(r) {
			for _, t := range memo.tokens(f) {
				if len(t) >= 5 {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// capitalisedASCII is capitalised for an ASCII text: its letters are
// A to Z and a to z, and a run of them is one token.
func capitalisedASCII(text string, memo tokenMemo) []string {
	var out []string
	for i := 0; i < len(text); {
		if !ascii.IsLetter(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && ascii.IsLetter(text[i]) {
			i++
		}
		if i-start >= 5 && 'A' <= text[start] && text[start] <= 'Z' {
			if t := memo.stem(text[start:i]); len(t) >= 5 {
				out = append(out, t)
			}
		}
	}
	return out
}

// nameVariants maps each name to the one spelling the cluster will use
// for it when two spellings are within an edit or two (Baqeri, Bagheri;
// al-Ghanmi, al-Ghanemi): same first letter, one edit for names of five
// letters, two for longer ones. Each class is named by its first name in
// byte order.
//
// Two names within k edits that start alike become one string when at
// most k letters are deleted from each one's rest (a substitution is a
// deletion from both; the first letters match each other). So each name
// files the hashes of its deletion variants, and only names that share
// one are compared: the work grows with the names, not with their pairs.
// A name of six letters or fewer files the variants of one deletion,
// which its partners within one edit share; one of six or more those of
// two, which its partners of six or more share.
func nameVariants(names map[string]bool) map[string]string {
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	slices.Sort(list)
	// a posting is a variant's hash above the name's index
	nb := bits.Len(uint(len(list)))
	var posts []uint64
	for i, n := range list {
		if len(n) <= 6 {
			posts = appendVariants(posts, n, i, nb, 1)
		}
		if len(n) >= 6 {
			posts = appendVariants(posts, n, i, nb, 2)
		}
	}
	slices.Sort(posts)
	nameMask := uint64(1)<<nb - 1
	var pairs []uint64 // two names' indexes, the smaller in the high half
	for lo := 0; lo < len(posts); {
		hi := lo + 1
		for hi < len(posts) && posts[hi]>>nb == posts[lo]>>nb {
			hi++
		}
		for x := lo; x < hi; x++ {
			for y := x + 1; y < hi; y++ {
				if a, b := posts[x]&nameMask, posts[y]&nameMask; a != b {
					pairs = append(pairs, min(a, b)<<32|max(a, b))
				}
			}
		}
		lo = hi
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	parent := map[string]string{}
	find := func(x string) string { return disjoint.Find(parent, x) }
	for _, p := range pairs {
		a, b := list[p>>32], list[p&(1<<32-1)]
		if !nameVariant(a, b) {
			continue
		}
		disjoint.UnionMin(parent, a, b)
	}
	out := map[string]string{}
	for n := range parent {
		if r := find(n); r != n {
			out[n] = r
		}
	}
	return out
}

// appendVariants appends to posts the hashes of the strings made from n
// by deleting at most k of its letters after the first, each marked
// with k so that the variants of one and of two deletions never meet,
// shifted left by nb bits above i, n's index.
func appendVariants(posts []uint64, n string, i, nb, k int) []uint64 {
	// A polynomial hash, H(xy) = H(x)·B^|y| + H(y), read from the
	// prefix hashes pre and the powers pow, so that each variant costs
	// the same whatever its length.
	const base = 1099511628211
	var preBuf, powBuf [32]uint64
	pre, pow := preBuf[:0], powBuf[:0]
	if len(n)+1 > len(preBuf) {
		pre, pow = make([]uint64, 0, len(n)+1), make([]uint64, 0, len(n)+1)
	}
	pre, pow = append(pre, 0), append(pow, 1)
	for j := 0; j < len(n); j++ {
		pre = append(pre, pre[j]*base+uint64(n[j]))
		pow = append(pow, pow[j]*base)
	}
	span := func(from, to int) uint64 { return pre[to] - pre[from]*pow[to-from] } // H(n[from:to])
	tag := uint64(k) * 0x9e3779b97f4a7c15
	post := func(h uint64) uint64 { return (h^tag)<<nb | uint64(i) }
	posts = append(posts, post(pre[len(n)]))
	for p := 1; p < len(n); p++ {
		head := pre[p]
		posts = append(posts, post(head*pow[len(n)-p-1]+span(p+1, len(n))))
		if k == 2 {
			for q := p + 1; q < len(n); q++ {
				mid := head*pow[q-p-1] + span(p+1, q)
				posts = append(posts, post(mid*pow[len(n)-q-1]+span(q+1, len(n))))
			}
		}
	}
	return posts
}

// nameVariant reports whether two names of one cluster are spellings of
// one name: the same first letter and within one edit, or two when both
// have six letters or more.
func nameVariant(a, b string) bool {
	if a[0] != b[0] {
		return false
	}
	limit := 1
	if min(len(a), len(b)) >= 6 {
		limit = 2
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return false
	}
	// each byte one has and the other lacks adds to their bag distance:
	// a bound without counting
	ma, mb := byteMask(a), byteMask(b)
	if bits.OnesCount64(ma&^mb) > limit || bits.OnesCount64(mb&^ma) > limit {
		return false
	}
	return bagDistance(a, b) <= limit && levenshtein.Distance(a, b, limit) <= limit
}

// byteMask has bit b&63 set for each byte b of s: a bit set in one
// mask and not in another stands for at least one byte value the first
// string holds and the second lacks.
func byteMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << (s[i] & 63)
	}
	return m
}

// bagDistance is the larger number of letters, counted with their
// repeats, that one of a and b has and the other lacks: a lower bound of
// their edit distance, much cheaper to compute.
func bagDistance(a, b string) int {
	var n [256]int
	for i := 0; i < len(a); i++ {
		n[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		n[b[i]]--
	}
	more, less := 0, 0
	for _, v := range n {
		if v > 0 {
			more += v
		} else {
			less -= v
		}
	}
	return max(more, less)
}

// cosine is the tf-idf cosine similarity of two sentences.
func (c *pool) cosine(a, b *sent) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	dot := 0.0
	for i, j := 0, 0; i < len(a.vec) && j < len(b.vec); {
		switch {
		case a.vec[i].w < b.vec[j].w:
			i++
		case a.vec[i].w > b.vec[j].w:
			j++
		default:
			dot += a.vec[i].v * b.vec[j].v
			i++
			j++
		}
	}
	return dot / (a.norm * b.norm)
}

// fits reports whether adding s to a summary of (words, bytes) keeps it
// within the limits lw and lb (0: none).
func fits(words, bytes int, s *sent, lw, lb int) bool {
	if lw > 0 && words+s.words > lw {
		return false
	}
	if lb > 0 && bytes+s.bytes+1 > lb {
		return false
	}
	return true
}

// full reports whether a summary of (words, bytes) has reached the budget.
func full(words, bytes, lw, lb int) bool {
	return (lw > 0 && words >= lw) || (lb > 0 && bytes >= lb)
}

// finish adds, to a selection made within the budget, one last sentence:
// with Overflow the best remaining sentence (the scorer will cut it);
// otherwise the best one that keeps the summary within 1.3 times the
// budget, when the summary is short of it. best ranks the candidates;
// bound, when not nil, is at least best and cheaper: a candidate whose
// bound does not beat the best so far is not ranked.
func (c *pool) finish(chosen []int, opt Options, words, bytes int, best, bound func(i int) float64) []int {
	lw, lb := opt.budget()
	if full(words, bytes, lw, lb) {
		return chosen
	}
	if !opt.Overflow && ((lw > 0 && float64(words) >= 0.85*float64(lw)) || (lb > 0 && float64(bytes) >= 0.85*float64(lb))) {
		return chosen
	}
	in := map[int]bool{}
	for _, i := range chosen {
		in[i] = true
	}
	pick, score := -1, 0.0
	for i, s := range c.sents {
		if in[i] || !s.ok || bound != nil && bound(i) <= score || c.redundant(s, chosen) {
			continue
		}
		if !opt.Overflow && !fits(words, bytes, s, int(1.3*float64(lw)), int(1.3*float64(lb))) {
			continue
		}
		if v := best(i); v > score {
			pick, score = i, v
		}
	}
	if pick >= 0 {
		chosen = append(chosen, pick)
	}
	return chosen
}

// redundant reports whether s says much what a chosen sentence says.
func (c *pool) redundant(s *sent, chosen []int) bool {
	i := c.index(s)
	for _, j := range chosen {
		if c.cosine(s, c.sents[j]) > 0.5 || i >= 0 && c.closeHappening(i, j) {
			return true
		}
	}
	return false
}

// index returns the index of s in c.sents, or -1.
func (c *pool) index(s *sent) int {
	if c.ev == nil {
		return -1
	}
	lo, hi := 0, len(c.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if t := c.sents[m]; t.doc < s.doc || t.doc == s.doc && t.idx < s.idx {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.sents) && c.sents[lo] == s {
		return lo
	}
	return -1
}

// lines orders the chosen sentences and cites their sources. With
// Overflow the last chosen sentence stays last, so that a scorer's cut
// falls on it.
func (c *pool) lines(chosen []int, opt Options) []news.SummaryLine {
	if len(chosen) == 0 {
		return nil
	}
	body := chosen
	var tail []int
	if opt.Overflow {
		lw, lb := opt.budget()
		words, bytes := 0, 0
		for k, i := range chosen {
			words += c.sents[i].words
			bytes += c.sents[i].bytes + 1
			if (lw > 0 && words > lw) || (lb > 0 && bytes > lb) {
				body, tail = chosen[:k], chosen[k:]
				break
			}
		}
	}
	body = append([]int(nil), body...)
	// In an analysed story a line goes at the date of the happening it
	// reports; one that leans on the sentence before it stays right
	// after that sentence.
	key := map[int]time.Time{}
	if c.ev != nil {
		sorted := append([]int(nil), body...)
		sort.Ints(sorted)
		for _, i := range sorted {
			key[i] = c.ev[i].date
			if _, ok := key[i-1]; ok && c.sents[i].dangling && i > 0 && c.sents[i-1].doc == c.sents[i].doc {
				key[i] = key[i-1]
			}
		}
	}
	sort.SliceStable(body, func(a, b int) bool {
		x, y := c.sents[body[a]], c.sents[body[b]]
		dx, dy := c.docs[x.doc].Date, c.docs[y.doc].Date
		if c.ev != nil {
			dx, dy = key[body[a]], key[body[b]]
		}
		if !dx.Equal(dy) && !dx.IsZero() && !dy.IsZero() {
			return dx.Before(dy)
		}
		if x.doc != y.doc {
			return x.doc < y.doc
		}
		return x.idx < y.idx
	})
	var out []news.SummaryLine
	for _, i := range append(body, tail...) {
		out = append(out, news.SummaryLine{Text: c.sents[i].text, Sources: c.sources(i)})
	}
	return out
}

// citeSimilarity is the tf-idf cosine at which another article's sentence
// is taken to state the same thing.
const citeSimilarity = 0.35

// shared counts the distinct content words two sentences share.
func shared(a, b *sent) int {
	n := 0
	for i, j := 0, 0; i < len(a.vec) && j < len(b.vec); {
		switch {
		case a.vec[i].w < b.vec[j].w:
			i++
		case a.vec[i].w > b.vec[j].w:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// sources lists the articles that state what sentence i states: its own
// and every other whose closest sentence is similar enough or, in an
// analysed story, states the same happening.
//
// Only sentences that can qualify are compared: a similar one shares at
// least citeShared content words with s and the same happening at least
// one participant (sameHappening needs one), so the candidates come from
// the pool's inverted indexes (see termNeighbours and byEnt), which makes a story's
// sources near-linear in its sentences rather than quadratic; the
// result is the one a scan of every sentence gives.
func (c *pool) sources(i int) []string {
	if c.support != nil && c.support[i] != nil {
		return c.support[i]
	}
	s := c.sents[i]
	// The sentences are in the order of their documents (newPool), so
	// those of s's own document, which never count, are one run
	// [lo, hi) that the loops below step over.
	lo := sort.Search(len(c.sents), func(k int) bool { return c.sents[k].doc >= s.doc })
	hi := sort.Search(len(c.sents), func(k int) bool { return c.sents[k].doc > s.doc })
	if lo == 0 && hi == len(c.sents) {
		// No other document has a sentence (a story of one article):
		// the indexes need not be built.
		return c.keepSources(i, []string{c.docs[s.doc].ID})
	}
	c.buildIndex()
	x := c.idx
	if x.best == nil {
		x.best, x.also = make([]float64, len(c.docs)), make([]bool, len(c.docs))
	}
	// The docs marked in best or also, each once, so that only they are
	// read and cleared: a story's sources cost what its neighbours do,
	// not the pile's size.
	docs := x.docs[:0]
	var also []bool
	if c.ev != nil {
		also = x.also
		// The sentences naming a participant s names, each tested once,
		// until its document is found to state the same happening; the
		// order does not matter, as a document is only marked.
		for e := range c.ev[i].ents {
			before, after := outside(x.byEnt[e], lo, hi)
			for _, part := range [2][]int32{before, after} {
				for _, j := range part {
					t := c.sents[j]
					if also[t.doc] || x.count[j] != 0 || int(j) == i || t.doc == s.doc {
						continue
					}
					x.count[j] = 1
					x.hits = append(x.hits, j)
					if !c.docs[t.doc].InOpinion(c.docs[t.doc].Sentences[t.idx].Span) && c.sameHappening(i, int(j)) {
						also[t.doc] = true
						docs = append(docs, t.doc)
					}
				}
			}
		}
		for _, j := range x.hits {
			x.count[j] = 0
		}
		x.hits = x.hits[:0]
	}
	best := x.best
	for _, j := range c.termNeighbours(i, citeShared, lo, hi) {
		t := c.sents[j]
		if t.doc == s.doc {
			continue
		}
		if s.days != 0 && t.days != 0 && s.days&t.days == 0 {
			continue // a different day, so a different happening
		}
		// best only counts from citeSimilarity on, so a less similar
		// sentence need not be tested for shared content
		if v := c.cosine(s, t); v >= citeSimilarity && v > best[t.doc] && c.sameContent(i, int(j)) {
			if best[t.doc] == 0 && (also == nil || !also[t.doc]) {
				docs = append(docs, t.doc)
			}
			best[t.doc] = v
		}
	}
	slices.Sort(docs)
	out := []string{c.docs[s.doc].ID}
	seen := map[string]bool{c.docs[s.doc].ID: true}
	for _, d := range docs {
		if (best[d] >= citeSimilarity || also != nil && also[d]) && !seen[c.docs[d].ID] {
			seen[c.docs[d].ID] = true
			out = append(out, c.docs[d].ID)
		}
		best[d] = 0
		if also != nil {
			also[d] = false
		}
	}
	x.docs = docs
	return c.keepSources(i, out)
}

// keepSources keeps out as the sources of sentence i and returns it.
func (c *pool) keepSources(i int, out []string) []string {
	if c.support == nil {
		c.support = make([][]string, len(c.sents))
	}
	c.support[i] = out
	return out
}

// citeShared is the number of distinct content words another article's
// sentence must share with a sentence to be taken to state it.
const citeShared = 3

// index holds the pool's inverted indexes, built on first use: the
// sentences holding each content term (byTerm, by term id) and those
// naming each participant (byEnt), each list in sentence order, with
// scratch for counting.
type index struct {
	byTerm [][]int32
	byEnt  map[string][]int32
	count  []int32 // per sentence, shared terms or a mark
	hits   []int32 // sentences whose count is set
	// scratch for sources: per document, the best similarity and
	// whether it states the same happening, and the documents marked
	best []float64
	also []bool
	docs []int
}

// buildIndex builds c.idx once.
func (c *pool) buildIndex() {
	if c.idx != nil {
		return
	}
	x := &index{byTerm: make([][]int32, len(c.terms)), count: make([]int32, len(c.sents))}
	for j, s := range c.sents {
		for _, t := range s.vec {
			x.byTerm[t.w] = append(x.byTerm[t.w], int32(j))
		}
	}
	if c.ev != nil {
		x.byEnt = map[string][]int32{}
		for j, h := range c.ev {
			for e := range h.ents {
				x.byEnt[e] = append(x.byEnt[e], int32(j))
			}
		}
	}
	c.idx = x
}

// outside returns the two parts of the ascending posting list p that lie
// before lo and from hi on, found by binary search, so that a long run of
// sentences of one document costs nothing to step over.
func outside(p []int32, lo, hi int) ([]int32, []int32) {
	a, _ := slices.BinarySearch(p, int32(lo))
	b, _ := slices.BinarySearch(p, int32(hi))
	if b < a {
		b = a
	}
	return p[:a], p[b:]
}

// termNeighbours returns the sentences outside [lo, hi) (the sentences of
// i's own document) that share at least k distinct content terms with i
// (as shared counts them), in no particular order (sources keeps the
// best of each document, whatever the order). The slice is reused by
// the next call.
func (c *pool) termNeighbours(i, k, lo, hi int) []int32 {
	c.buildIndex()
	x := c.idx
	x.hits = x.hits[:0]
	for _, t := range c.sents[i].vec {
		before, after := outside(x.byTerm[t.w], lo, hi)
		for _, part := range [2][]int32{before, after} {
			for _, j := range part {
				if x.count[j] == 0 {
					x.hits = append(x.hits, j)
				}
				x.count[j]++
			}
		}
	}
	out := x.hits[:0]
	for _, j := range x.hits {
		if x.count[j] >= int32(k) && int(j) != i {
			out = append(out, j)
		}
		x.count[j] = 0
	}
	x.hits = out
	return out
}

// follows reports whether a dangling sentence i may enter a summary that
// holds the sentences marked in: only right after the sentence it follows
// in its article, and, when it opens with a personal pronoun, when that
// sentence names a person.
func (c *pool) follows(i int, in []bool) bool {
	s := c.sents[i]
	if s.idx == 0 || i == 0 || !in[i-1] || c.sents[i-1].doc != s.doc {
		return false
	}
	return !s.personal || s.prevPerson
}
