package brief

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

// quoteSimilarity is how much two quotes' words must overlap for them to
// be the same quote reported twice: the share of the shorter one's words
// found in the longer.
const quoteSimilarity = 0.75

// quotes lists who said what, grouped by speaker, each quote once. A
// speaker is named by the story-level entity its doc-level name belongs
// to, so that one person's quotes carry one name across outlets. The same
// quote reported by several outlets, word for word or nearly, is one
// entry citing all of them.
func quotes(s *news.Story, ents []news.Entity) []news.QuoteEntry {
	// The story's statements in order, each with its words, then merged.
	type said struct {
		e news.QuoteEntry
		w []string
	}
	var all []said
	names := newEntityNames(ents)
	for _, d := range s.Docs {
		// canonicalSpeaker reads a quote's speaker and the doc entity of
		// its mention (or, for an unknown speaker, its source) only, so
		// each is resolved once per document.
		type speakerKey struct {
			speaker string
			entity  int
			// source is the source as written when the speaker is
			// unknown, which may name an organisation
			source news.Span
		}
		speakers := map[speakerKey]string{}
		for _, g := range groupQuotes(d) {
			// Who said what: statements and beliefs, not the other
			// doings the cue model reports ("signed agreements"); a
			// quotation the finder gave such a cue stays.
			g = statements(d, g)
			if len(g) == 0 {
				continue
			}
			q := g[0]
			key := speakerKey{q.Speaker, -1, news.Span{}}
			if q.Speaker == "" {
				key.source = q.Source
			}
			if q.SpeakerMention >= 0 && q.SpeakerMention < len(d.Mentions) {
				key.entity = d.Mentions[q.SpeakerMention].Entity
			}
			speaker, ok := speakers[key]
			if !ok {
				speaker = names.canonicalSpeaker(d, q)
				speakers[key] = speaker
			}
			text := quoteEntryText(d, g)
			if text == "" || speaker == "" && !q.Direct {
				continue
			}
			e := news.QuoteEntry{
				Speaker:  speaker,
				Text:     text,
				Direct:   q.Direct,
				Source:   d.ID,
				Sources:  []string{d.ID},
				Sentence: quoteSentence(d, q),
				Via:      q.Via,
				Opinion:  d.InOpinion(q.Content),
			}
			all = append(all, said{e, contentWords(text)})
		}
	}
	lists := make([][]string, len(all))
	for i, x := range all {
		lists[i] = x.w
	}
	var entries []news.QuoteEntry
	var words [][]string
	seen := newQuoteIndex(lists)
	for _, x := range all {
		e, w := x.e, x.w
		if i := seen.same(entries, words, e, w); i >= 0 {
			merged := &entries[i]
			if !contains(merged.Sources, e.Source) {
				merged.Sources = append(merged.Sources, e.Source)
			}
			if merged.Speaker == "" {
				merged.Speaker = e.Speaker
			}
			if e.Direct && !merged.Direct {
				merged.Text, merged.Direct, merged.Sentence = e.Text, true, e.Sentence
				words[i] = w
				seen.add(i, w)
			}
			if merged.Via == "" {
				merged.Via = e.Via
			}
			continue
		}
		entries = append(entries, e)
		words = append(words, w)
		seen.add(len(entries)-1, w)
	}
	// Group by speaker: the most quoted first, then by first appearance;
	// the unknown last.
	count := map[string]int{}
	first := map[string]int{}
	for i, e := range entries {
		count[e.Speaker]++
		if _, ok := first[e.Speaker]; !ok {
			first[e.Speaker] = i
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].Speaker, entries[j].Speaker
		if a == b {
			return false
		}
		if (a == "") != (b == "") {
			return b == ""
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return first[a] < first[b]
	})
	for i := range entries {
		if entries[i].Speaker == "" {
			entries[i].Speaker = UnknownSpeaker
		}
	}
	return entries
}

// UnknownSpeaker is the speaker of a quote whose speaker could not be
// resolved to a name.
const UnknownSpeaker = "unknown"

// groupQuotes returns the quotes of d grouped by attribution: the pieces
// of a quotation split around its cue or continued after it share the
// cue and make one statement.
func groupQuotes(d *news.Doc) [][]news.Quote {
	var out [][]news.Quote
	index := map[news.Span]int{}
	for _, q := range d.Quotes {
		if q.Content.IsZero() {
			continue
		}
		if i, ok := index[q.Cue]; ok && !q.Cue.IsZero() && out[i][0].Source == q.Source {
			out[i] = append(out[i], q)
			continue
		}
		index[q.Cue] = len(out)
		out = append(out, []news.Quote{q})
	}
	return out
}

// statements drops from a group of quote pieces the reported ones whose
// cue is no verb of saying or believing ("flashed an impish grin"),
// keeping the quotations.
func statements(d *news.Doc, g []news.Quote) []news.Quote {
	keep := g[:0:0]
	for _, q := range g {
		if q.Direct || quote.Listed(q.Cue.In(d.Text)) {
			keep = append(keep, q)
		}
	}
	return keep
}

// quoteEntryText is the statement as the brief shows it: the words of
// its pieces without quotation marks, a leading "that" or a trailing
// comma.
func quoteEntryText(d *news.Doc, g []news.Quote) string {
	var parts []string
	for _, q := range g {
		t := tidy(strings.ReplaceAll(q.Content.In(d.Text), "\u00a0", " "))
		if g[0].Direct {
			t = strings.TrimPrefix(t, "that ")
			t = strings.Trim(t, "\"“”„«»' ")
			t = strings.TrimRight(t, ",")
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	text := strings.Join(parts, " ")
	// Reported speech reads with its verb: "said that …", "hailed …".
	if q := g[0]; !q.Direct && !q.Cue.IsZero() && q.Cue.End <= q.Content.Start && text != "" {
		// The words from the cue to the content: "told reporters after
		// the meeting that …".
		lead := news.Span{Start: q.Cue.Start, End: q.Content.Start}
		if lead.Len() > 80 {
			lead = q.Cue
		}
		cue := strings.Join(strings.Fields(strings.ReplaceAll(lead.In(d.Text), "\u00a0", " ")), " ")
		if !strings.HasPrefix(strings.ToLower(cue), "according to") && !strings.ContainsAny(cue, "\"“”") {
			text = cue + " " + text
		}
	}
	return text
}

// quoteSentence returns the sentence the quote starts in.
func quoteSentence(d *news.Doc, q news.Quote) string {
	if q.Sentence >= 0 && q.Sentence < len(d.Sentences) {
		return strings.TrimSpace(d.SentenceText(q.Sentence))
	}
	return strings.TrimSpace(q.Content.In(d.Text))
}

// canonicalSpeaker maps a doc-level speaker to the story-level entity it
// belongs to, matched by form, through the doc's own entity, or by the
// last word of the name.
func canonicalSpeaker(d *news.Doc, q news.Quote, ents []news.Entity) string {
	return newEntityNames(ents).canonicalSpeaker(d, q)
}

// entityNames indexes the story's entities by their normalised names and
// forms, and its people by surname, so that naming a speaker costs the
// same however many entities the story has.
type entityNames struct {
	// byName lists, for a normalised name or form, the names of the
	// entities holding it, in the order of the entities.
	byName map[string][]string
	// bySurname lists, for the last word of a normalised name or form, the
	// names of the people holding it, in order.
	bySurname map[string][]string
}

func newEntityNames(ents []news.Entity) *entityNames {
	x := &entityNames{byName: map[string][]string{}, bySurname: map[string][]string{}}
	for _, e := range ents {
		for _, f := range append([]string{e.Name}, e.Forms...) {
			n := normName(f)
			x.byName[n] = appendOnce(x.byName[n], e.Name)
			if e.Type == news.Person {
				k := lastWord(n)
				x.bySurname[k] = appendOnce(x.bySurname[k], e.Name)
			}
		}
	}
	return x
}

// canonicalSpeaker maps a doc-level speaker to the story-level entity it
// belongs to.
func (x *entityNames) canonicalSpeaker(d *news.Doc, q news.Quote) string {
	sp := strings.TrimSpace(q.Speaker)
	if sp == "" {
		// "a NATO official said": an unnamed member of an organisation
		// named in the source speaks for it
		return x.organisationOf(d, q)
	}
	norm := normName(sp)
	if !strings.Contains(norm, " ") && !mentioned(d, norm) && !midSentence(d.Text, sp) {
		// A speaker is someone the article names: not a headline's or
		// caption's first word the finder took for a name ("Freed",
		// "Photograph")
		return ""
	}
	// The story entities one of whose forms the speaker is. A surname
	// two people share ("Jackson": Jesse Jackson Jr. and Sandra Jackson)
	// names neither by itself.
	byForm := x.byName[norm]
	if len(byForm) == 1 {
		return byForm[0]
	}
	// The doc-level entity of the speaker's mention, by its most
	// specific form that a story entity holds ("Jesse L. Jackson Jr."
	// before "Jackson").
	if q.SpeakerMention >= 0 && q.SpeakerMention < len(d.Mentions) {
		if ei := d.Mentions[q.SpeakerMention].Entity; ei >= 0 && ei < len(d.Entities) {
			forms := append([]string(nil), d.Entities[ei].Forms...)
			sort.SliceStable(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
			for _, f := range forms {
				if hits := x.byName[normName(f)]; len(hits) == 1 {
					return hits[0]
				}
			}
		}
	}
	if len(byForm) > 1 {
		return sp
	}
	// "Turkey and Iran" and "Iran and Turkey" are one group, and so are
	// two people who spoke together: not one of them.
	if parts := strings.Split(sp, " and "); len(parts) == 2 {
		a, b := x.canonicalPart(parts[0]), x.canonicalPart(parts[1])
		if b < a {
			a, b = b, a
		}
		return a + " and " + b
	}
	// One person entity whose forms end in the same surname.
	if m := x.bySurname[lastWord(norm)]; len(m) == 1 {
		return m[0]
	}
	return sp
}

// mentioned reports whether a normalised one-word speaker's name is
// named in the doc: a mention, or one of its entities' forms, ends with
// it. A doc without mentions (not tagged) names anyone.
func mentioned(d *news.Doc, norm string) bool {
	if len(d.Mentions) == 0 {
		return true
	}
	holds := func(s string) bool { return lastWord(normName(s)) == norm }
	for _, m := range d.Mentions {
		if holds(m.Text) {
			return true
		}
	}
	for _, e := range d.Entities {
		for _, f := range e.Forms {
			if holds(f) {
				return true
			}
		}
	}
	return false
}

// midSentence reports whether name is written in text after a word of
// its sentence, where a capital marks a name rather than a sentence's or
// a headline's first word ("Shalit's father, Noam, told").
func midSentence(text, name string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(name)
		prev := strings.TrimRight(text[:i], " \t\u00a0")
		if prev == "" {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(prev)
		if strings.ContainsRune(".!?\n\"“”:", r) {
			continue
		}
		return true
	}
}

// organisationOf returns the story entity of the one organisation named
// inside a quote's source as written, when the source is an unnamed
// member of it ("a NATO official", "the Foreign Ministry's spokesman":
// the source ends in such a noun) and names no person; else "".
func (x *entityNames) organisationOf(d *news.Doc, q news.Quote) string {
	if q.Source.IsZero() {
		return ""
	}
	src := strings.Fields(strings.ToLower(q.Source.In(d.Text)))
	if len(src) < 2 || !quote.SpokesNoun(strings.Trim(src[len(src)-1], ".,;:")) {
		return ""
	}
	org := ""
	for _, m := range d.Mentions {
		if m.Start < q.Source.Start || m.End > q.Source.End {
			continue
		}
		switch m.Type {
		case news.Person:
			return ""
		case news.Organisation:
			hits := x.byName[normName(m.Text)]
			if len(hits) != 1 || org != "" && org != hits[0] {
				return ""
			}
			org = hits[0]
		}
	}
	return org
}

// canonicalPart names one member of a coordinated speaker by its entity.
func (x *entityNames) canonicalPart(s string) string {
	if hits := x.byName[normName(s)]; len(hits) > 0 {
		return hits[0]
	}
	return strings.TrimSpace(s)
}

// normName lowercases a name and drops its punctuation and a possessive.
func normName(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")
	// One pass of what strings.ToLower, a filter of the runes, and
	// strings.Fields joined by single spaces did: each rune lowered,
	// letters and digits kept, a run of spaces and hyphens between
	// two kept runes made one space.
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
		case r == '-' || unicode.IsSpace(r):
			gap = true
		}
	}
	return b.String()
}

// lastWord returns the last word of a normalised name, without "al".
func lastWord(s string) string {
	return lastField(s)
}

// contentWords returns the lowercased words of a quote.
func contentWords(s string) []string {
	// strings.FieldsFunc(lower, not a letter or digit), in one pass, an
	// ASCII byte read without decoding a rune or asking unicode
	lower := strings.ToLower(s)
	out := make([]string, 0, len(lower)/6+1)
	start := -1
	for i := 0; i < len(lower); {
		c, n := lower[i], 1
		word := ascii.IsAlnum(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(lower[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, lower[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, lower[start:])
	}
	return out
}

// quoteIndex finds the entries that may report the same quote as a new
// one without comparing it with every entry: an inverted index from words
// to the entries holding them, and one from short word lists (under three
// words, which only an identical list matches) to their entries.
//
// Words are ranked once, rarest first over all the story's statements
// (newQuoteIndex), and a list of three words or more is held as the
// sorted ranks of its distinct words. Two such lists, of q and r
// distinct words, overlap by quoteSimilarity only when the smaller is at
// least half the larger, so they share at least t = ⌈¾·min(q, r)⌉ ≥
// ⌈¾·⌈q/2⌉⌉ words; then the first q-t+1 of one list's ranks and the first
// r-t+1 of the other's meet (the prefix filter of Chaudhuri et al.,
// 2006). So each entry is indexed by the prefix its own size allows, and
// a new quote looks up only the entries holding a word of its prefix:
// the rare words, whose lists are short.
type quoteIndex struct {
	rank    map[string]int32 // word → rank, rarest first
	byWord  [][]int          // by rank: the entries whose prefix held it (some since changed)
	byShort map[string][]int
	// sets holds each entry's ranks (lists of three words or more;
	// nil for others), so that overlap does not rebuild them for every
	// comparison.
	sets [][]int32
	mark []int // scratch: the probe+1 that last took an entry as a candidate
	n    int
}

// newQuoteIndex ranks the words of lists, the story's statements, by the
// number of lists holding them, then by the word.
func newQuoteIndex(lists [][]string) *quoteIndex {
	df := map[string]int{}
	seen := map[string]bool{} // the words of one list, cleared for the next
	for _, w := range lists {
		clear(seen)
		for _, x := range w {
			if !seen[x] {
				seen[x] = true
				df[x]++
			}
		}
	}
	type wordDF struct {
		w  string
		df int
	}
	order := make([]wordDF, 0, len(df))
	for x, n := range df {
		order = append(order, wordDF{x, n})
	}
	slices.SortFunc(order, func(a, b wordDF) int {
		if a.df != b.df {
			return a.df - b.df
		}
		return strings.Compare(a.w, b.w)
	})
	x := &quoteIndex{rank: make(map[string]int32, len(order)), byWord: make([][]int, len(order)), byShort: map[string][]int{}}
	for r, o := range order {
		x.rank[o.w] = int32(r)
	}
	return x
}

// ranks returns the sorted ranks of the distinct words of w, ranking a
// word no list held after all others, once.
func (x *quoteIndex) ranks(w []string) []int32 {
	out := make([]int32, 0, len(w))
	for _, word := range w {
		r, ok := x.rank[word]
		if !ok {
			r = int32(len(x.byWord))
			x.rank[word] = r
			x.byWord = append(x.byWord, nil)
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// prefix is how many of the first ranks of a list of q distinct words
// are indexed and looked up: q-t+1 for t = ⌈¾·⌈q/2⌉⌉ (see quoteIndex).
func prefix(q int) int {
	m := (q + 1) / 2
	return q - (3*m+3)/4 + 1
}

// add records that entry i holds the words w (again, when its words
// change: stale postings only add candidates, which are checked).
func (x *quoteIndex) add(i int, w []string) {
	for len(x.sets) <= i {
		x.sets = append(x.sets, nil)
		x.mark = append(x.mark, 0)
	}
	if len(w) < 3 {
		k := strings.Join(w, " ")
		x.byShort[k] = append(x.byShort[k], i)
		x.sets[i] = nil
		return
	}
	rs := x.ranks(w)
	x.sets[i] = rs
	for _, r := range rs[:prefix(len(rs))] {
		if l := x.byWord[r]; len(l) == 0 || l[len(l)-1] != i {
			x.byWord[r] = append(l, i)
		}
	}
}

// same returns the index of an entry that reports the same quote as e
// (the same speaker, or one unknown, and near-verbatim words), or -1: the
// first of those whose overlap with w is highest, as comparing with every
// entry in order would give.
func (x *quoteIndex) same(entries []news.QuoteEntry, words [][]string, e news.QuoteEntry, w []string) int {
	var cand []int
	var set []int32
	if len(w) < 3 {
		cand = x.byShort[strings.Join(w, " ")]
	} else {
		set = x.ranks(w)
		x.n++
		for _, r := range set[:prefix(len(set))] {
			for _, i := range x.byWord[r] {
				if x.mark[i] == x.n {
					continue
				}
				x.mark[i] = x.n
				// Only an entry of three words or more, with a speaker
				// that may be e's, and of a size within twice w's can
				// overlap w by quoteSimilarity (see rankOverlap).
				o := x.sets[i]
				if o == nil || len(words[i]) < 3 || 2*min(len(o), len(set)) < max(len(o), len(set)) {
					continue
				}
				if sp := entries[i].Speaker; sp != e.Speaker && sp != "" && e.Speaker != "" {
					continue
				}
				cand = append(cand, i)
			}
		}
		slices.Sort(cand)
	}
	best, bestSim := -1, 0.0
	for _, i := range cand {
		if o := entries[i]; o.Speaker != e.Speaker && o.Speaker != "" && e.Speaker != "" {
			continue
		}
		var sim float64
		if other := x.sets[i]; other != nil && set != nil && len(words[i]) >= 3 {
			sim = rankOverlap(other, set)
		} else {
			sim = overlap(words[i], w)
		}
		if sim >= quoteSimilarity && sim > bestSim {
			best, bestSim = i, sim
		}
	}
	return best
}

// rankOverlap is setOverlap on two lists' sorted ranks.
func rankOverlap(a, b []int32) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if 2*len(a) < len(b) {
		// A short quote inside a long one is a different statement.
		return 0
	}
	return float64(countShared(a, b)) / float64(len(a))
}

// overlap is the share of the shorter word list found in the longer, by
// distinct words.
func overlap(a, b []string) float64 {
	if len(a) < 3 || len(b) < 3 {
		if strings.Join(a, " ") == strings.Join(b, " ") && len(a) > 0 {
			return 1
		}
		return 0
	}
	return setOverlap(wordSet(a), wordSet(b))
}

// wordSet is the set of the words of w.
func wordSet(w []string) map[string]bool {
	s := make(map[string]bool, len(w))
	for _, x := range w {
		s[x] = true
	}
	return s
}

// setOverlap is overlap on the sets of the two lists' words (of three
// words or more each).
func setOverlap(sa, sb map[string]bool) float64 {
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if 2*len(sa) < len(sb) {
		// A short quote inside a long one is a different statement.
		return 0
	}
	n := 0
	for x := range sa {
		if sb[x] {
			n++
		}
	}
	return float64(n) / float64(len(sa))
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
