package summarize

import (
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
	"github.com/storyline-news/storyline/timex"
)

// Happenings: what a sentence of an analysed story reports.
//
// When the docs carry the layers analysis adds (entity mentions, time
// expressions resolved against the date the brief trusts), each sentence
// gets a happening: the days its time expressions name, its article's
// date, its participants (the story-level entities its mentions name,
// nationalities counted as their country) and its content words outside
// names, titles and dates. Two sentences state the same happening when
// their dates agree (a shared day; or one sentence names none and its
// article appeared on that day, the day after, or the same day as the
// other's article), their participants overlap (a shared person, or two
// shared entities, making up a good part of the smaller side) and what
// they say besides agrees: a weighted overlap of their content words, a
// word weighing by how rare it is in the story (sameHappening). Every
// article holding such a sentence supports the one chosen. Sentences
// that share fewer words but the day and people (closeHappening) are
// redundant with each other in a summary. Plain documents (evaluation
// sets) have no happenings and are summarised by words alone.

// maxEventDays is the widest period a time expression may name to date a
// happening: a day, a week or a month, not a year.
const maxEventDays = 31

// happening is what one sentence reports, as far as the layers tell.
type happening struct {
	spans  []period           // periods named by its time expressions
	anchor time.Time          // its article's date, a day; zero when unknown
	ents   map[string]float64 // participants → weight
	weight float64            // the sum of ents' weights, in name order
	people map[string]bool    // the participants that are people
	words  []string           // content stems outside names, titles and dates, sorted, each once
	// terms are its words weighed by how rare they are in the story, a
	// kind of happening standing for the words that name it, in the
	// order of their ids (weighTerms numbers them); mass is the sum of
	// their weights.
	terms []wterm
	mass  float64
	info  float64   // informativeness in 0..1
	date  time.Time // the date it is placed at in the summary
	// implied is the period of its article's lead happening, for a
	// sentence that names no date.
	implied    period
	hasImplied bool
	// lead reports that it is one of its article's first two sentences,
	// which tell the article's main happening.
	lead bool
}

// addEnt adds participant key to h with weight 1 (weighed later).
func (h *happening) addEnt(key string) {
	if h.ents == nil {
		h.ents = map[string]float64{}
	}
	h.ents[key] = 1
}

// followSentences is how far after a dated sentence one that names no
// date is taken to go on about the same happening.
const followSentences = 2

// impliedSentences is how many of an article's opening sentences that
// name no date are taken to report its lead happening; later ones are
// often background.
const impliedSentences = 5

// leadSentences is how many of an article's opening sentences are
// searched for the day of its lead happening.
const leadSentences = 3

// leadPeriod returns the first day named, not as a plan, in the first
// leadSentences sentences of d that have periods.
func leadPeriod(d *news.Doc) (period, bool) {
	seen := 0
	for i, sp := range d.Sentences {
		if seen >= leadSentences {
			break
		}
		if d.InOpinion(sp.Span) || !textvec.HasFields(sp.In(d.Text), minWords) {
			continue
		}
		seen++
		for _, x := range d.Timexes {
			if x.Sentence != i || x.Future || x.Type != "DATE" && x.Type != "TIME" {
				continue
			}
			// timex.NamesEvent, which reads the sentence again, last.
			st, en, ok := timex.Interval(x.Value)
			if ok && en.Sub(st) < 24*time.Hour && !timex.NamesEvent(d, x) {
				return period{st, en, false}, true
			}
		}
	}
	return period{}, false
}

// period is an inclusive range of days; future marks a plan (a date
// named as what will happen).
type period struct {
	start, end time.Time
	future     bool
}

// overlaps reports whether p and q share a day and are both reports or
// both plans: a visit announced for next week is not the visit made.
func (p period) overlaps(q period) bool {
	return p.future == q.future && !p.start.After(q.end) && !q.start.After(p.end)
}

func (p period) contains(t time.Time) bool { return !t.Before(p.start) && !t.After(p.end) }

// analysed reports whether docs carry entity or time layers.
func analysed(docs []*news.Doc) bool {
	for _, d := range docs {
		if len(d.Mentions) > 0 || len(d.Timexes) > 0 {
			return true
		}
	}
	return false
}

func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// happenings gives every sentence of an analysed cluster its happening;
// it leaves c.ev nil for plain documents. ents gives the docs' merged
// entities, or nil to merge them here.
func (c *pool) happenings(entsOf func() []news.Entity) {
	if !analysed(c.docs) {
		return
	}
	ents := entsOf()
	if ents == nil {
		ents = entity.Merge(c.docs)
	}
	keys := entityKeys(ents)
	c.ev = make([]*happening, len(c.sents))
	// Participants weigh by how rare they are in the story: Iran in
	// every sentence tells less than the general met once.
	df := map[string]int{}
	n := 0
	k := 0
	for _, d := range c.docs {
		per := make([]*happening, len(d.Sentences))
		slab := make([]happening, len(d.Sentences)) // one allocation for the doc's sentences
		for i := range d.Sentences {
			// ents and people are made on first use (most sentences
			// name nobody), words by eventWords below.
			h := &slab[i]
			h.anchor = dayOf(d.Date)
			per[i] = h
			c.ev[k+i] = h
		}
		for _, m := range d.Mentions {
			if m.Sentence < 0 || m.Sentence >= len(per) {
				continue
			}
			key, ok := keys.of(m)
			if !ok {
				continue
			}
			h := per[m.Sentence]
			h.addEnt(key)
			if m.Type == news.Person {
				if h.people == nil {
					h.people = map[string]bool{}
				}
				h.people[key] = true
				continue
			}
			// A body named for a place takes part for it too (the
			// Iranian Armed Forces: Iran; the Kurdistan Regional
			// Government: Kurdistan).
			if f := strings.Fields(m.Text); len(f) > 1 {
				for _, w := range f {
					if k, ok := keys.name[strings.ToLower(w)]; ok {
						h.addEnt(k)
					} else if k, ok := keys.nationality(w); ok {
						h.addEnt(k)
					}
				}
			}
		}
		for _, x := range d.Timexes {
			if x.Sentence < 0 || x.Sentence >= len(per) || x.Type != "DATE" && x.Type != "TIME" {
				continue
			}
			// timex.NamesEvent, which reads the sentence again, last.
			st, en, ok := timex.Interval(x.Value)
			if !ok || en.Sub(st) > maxEventDays*24*time.Hour || subordinate(d, x) || timex.NamesEvent(d, x) {
				continue
			}
			per[x.Sentence].spans = append(per[x.Sentence].spans, period{st, en, x.Future})
		}
		// A sentence that names no date is taken to report the
		// article's lead happening: the first day its opening
		// sentences name (news puts the main fact first).
		lead, hasLead := leadPeriod(d)
		prose := 0
		last, lastAt := period{}, -1
		ix := indexBySentence(d)
		for i, sp := range d.Sentences {
			if !d.InOpinion(sp.Span) && c.sents[k+i].raw.fields >= minWords {
				prose++
			}
			per[i].lead = prose <= 2 && !d.InOpinion(sp.Span)
			switch {
			case len(per[i].spans) > 0:
				if p, ok := per[i].finest(); ok && !p.future {
					last, lastAt = p, i
				}
			case lastAt >= 0 && i-lastAt <= followSentences:
				// It goes on about what the sentence before it dated.
				per[i].implied, per[i].hasImplied = last, true
			case hasLead && prose <= impliedSentences:
				per[i].implied, per[i].hasImplied = lead, true
			}
			per[i].words = eventWordsIn(d, ix, i, sp.Span, c.memo, c.sents[k+i].raw)
			c.sents[k+i].raw = rawWords{}
			if d.InOpinion(sp.Span) {
				continue
			}
			n++
			for e := range per[i].ents {
				df[e]++
			}
		}
		k += len(d.Sentences)
	}
	c.weighTerms(n)
	for i, h := range c.ev {
		for e := range h.ents {
			w := math.Log(1 + float64(n)/float64(max(df[e], 1)))
			if h.people[e] {
				w *= 1.5
			}
			h.ents[e] = w
		}
		h.weight = sumInOrder(h.ents, nil)
		h.date = h.anchor
		if h.hasImplied {
			h.date = h.implied.start
		}
		if p, ok := h.finest(); ok {
			h.date = p.start
			if p.end.Sub(p.start) > 7*24*time.Hour {
				h.date = p.start.AddDate(0, 0, 14) // a month at its middle
			}
		}
		h.info = informativeness(h, c.sents[i].text)
	}
}

// wterm is an event word's id and weight.
type wterm struct {
	id int32
	w  float64
}

// weighTerms gives every happening its weighted terms: a word (or kind
// of happening, or figure) weighs log(1+n/df), df the number of the n
// prose sentences of the story that use it, so that what every sentence
// says ("summit" in a story of one summit) tells little about which
// happening a sentence reports. A word of a kind counts as its kind.
func (c *pool) weighTerms(n int) {
	ids := map[string]int32{}
	var df []int
	for k, h := range c.ev {
		// ids in order of first sight, sentence by sentence, each
		// sentence's words in sorted order: the same in every run
		ws := make([]string, 0, len(h.words))
		for _, w := range h.words { // sorted
			if _, ok := eventClass()[w]; !ok {
				ws = append(ws, w)
			}
		}
		prose := !c.docs[c.sents[k].doc].InOpinion(c.docs[c.sents[k].doc].Sentences[c.sents[k].idx].Span)
		h.terms = make([]wterm, 0, len(ws))
		for _, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(df))
				ids[w] = id
				df = append(df, 0)
			}
			if prose {
				df[id]++
			}
			h.terms = append(h.terms, wterm{id: id})
		}
	}
	for _, h := range c.ev {
		h.mass = 0
		for k := range h.terms {
			h.terms[k].w = math.Log(1 + float64(max(n, 1))/float64(max(df[h.terms[k].id], 1)))
		}
		slices.SortFunc(h.terms, func(a, b wterm) int { return int(a.id - b.id) })
		for _, t := range h.terms {
			h.mass += t.w
		}
	}
}

// overlap is the weight of the terms two happenings share over the
// weight of the lighter one's terms: 1 when one says nothing the other
// does not, 0 when they share nothing.
func overlap(a, b *happening) float64 {
	if a.mass == 0 || b.mass == 0 {
		return 0
	}
	in := 0.0
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch {
		case a.terms[i].id < b.terms[j].id:
			i++
		case a.terms[i].id > b.terms[j].id:
			j++
		default:
			in += a.terms[i].w
			i++
			j++
		}
	}
	return in / math.Min(a.mass, b.mass)
}

// finest returns the shortest period the happening names.
func (h *happening) finest() (period, bool) {
	var best period
	ok := false
	for _, p := range h.spans {
		if !ok || p.end.Sub(p.start) < best.end.Sub(best.start) {
			best, ok = p, true
		}
	}
	return best, ok
}

// informativeness scores in 0..1 what a sentence tells a reader who has
// not read the articles: the people and bodies it names, a resolved date,
// figures. A teaser ("Top commanders have met") scores low.
func informativeness(h *happening, text string) float64 {
	v := 0.0
	for e := range h.ents {
		if h.people[e] {
			v += 1
		} else {
			v += 0.25
		}
	}
	if len(h.spans) > 0 {
		v += 1
	}
	if fieldOpensOnDigit(text) {
		v += 0.5
	}
	return math.Min(v, 4) / 4
}

// fieldOpensOnDigit reports whether a field of text (strings.Fields)
// starts with a digit.
func fieldOpensOnDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			if i == 0 {
				return true
			}
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}

// eventWords returns the content stems of sentence i of d outside its
// mentions (names with their titles) and time expressions.
func eventWords(d *news.Doc, ix bySentence, i int, sp news.Span, memo tokenMemo) []string {
	return eventWordsIn(d, ix, i, sp, memo, memo.words(sp.In(d.Text)))
}

// eventWordsIn is eventWords given rw, the rawWords of the sentence's
// text. Blanking the mentions and time expressions splits no word but
// the ones they cover part of: the words of the blanked text are the
// sentence's words that no span touches, as they are, and the runs left
// of those a span covers part of.
func eventWordsIn(d *news.Doc, ix bySentence, i int, sp news.Span, memo tokenMemo, rw rawWords) []string {
	text := sp.In(d.Text)
	var b []byte // the text with the spans blanked, when it has any
	if i < len(ix.mentions) && len(ix.mentions[i])+len(ix.timexes[i]) > 0 {
		b = []byte(text)
		mask := func(s news.Span) {
			for k := max(s.Start, sp.Start); k < min(s.End, sp.End); k++ {
				b[k-sp.Start] = ' '
			}
		}
		for _, k := range ix.mentions[i] {
			mask(d.Mentions[k].Span)
			mask(d.Mentions[k].TitleSpan)
		}
		for _, k := range ix.timexes[i] {
			mask(d.Timexes[k].Span)
		}
		text = string(b)
	}
	out := make([]string, 0, len(rw.stems))
	// Figures other than years are strong evidence of one fact.
	eachFigure(text, func(f string) {
		if len(f) != 4 || strings.ContainsAny(f, ",.") {
			out = append(out, "#"+strings.TrimRight(f, ".,"))
		}
	})
	class, stop := eventClass(), eventStop()
	add := func(t string) {
		if t == "" || t[0] >= '0' && t[0] <= '9' {
			return
		}
		k, isClass := class[t] // a kind is never ""
		if (len(t) > 2 || isClass) && !stop[t] && !textvec.IsStopword(t) {
			out = append(out, t)
			if isClass {
				out = append(out, k)
			}
		}
	}
	for k, t := range rw.stems {
		start, end := int(rw.at[2*k]), int(rw.at[2*k+1])
		if b == nil || !blanked(b[start:end]) {
			add(t)
			continue
		}
		// a token's bytes are letters and digits: a blank is a span's
		for j := start; j < end; {
			for j < end && b[j] == ' ' {
				j++
			}
			from := j
			for j < end && b[j] != ' ' {
				j++
			}
			if from < j {
				add(memo.stem(text[from:j]))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// blanked reports whether w holds a space.
func blanked(w []byte) bool {
	for _, c := range w {
		if c == ' ' {
			return true
		}
	}
	return false
}

// eachFigure calls fn with each figure of text in order, as the
// regular expression `\d[\d,.]*\d|\d` finds them: a run of digits,
// commas and points from a digit to the last digit of the run ("1,200",
// "3.5", "7" of "7.").
func eachFigure(text string, fn func(string)) {
	for i := 0; i < len(text); {
		if !ascii.IsDigit(text[i]) {
			i++
			continue
		}
		end := i + 1
		for j := i + 1; j < len(text) && (ascii.IsDigit(text[j]) || text[j] == ',' || text[j] == '.'); j++ {
			if ascii.IsDigit(text[j]) {
				end = j + 1
			}
		}
		fn(text[i:end])
		i = end
	}
}

// eventClass maps words that name a kind of happening to the kind
// ("met", "held talks", "discussed" and "received" are all a meeting),
// so that paraphrases of one report share a predicate. A kind starts with
// "=" so that it never equals a word.
var eventClass = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for k, ws := range map[string]string{
		"=meet":    "meet met meeting meetings talk talks discuss discussed discussion discussions negotiation negotiations negotiate receive received host hosted summit conference",
		"=agree":   "agree agreed agreement agreements accord deal pact sign signed pledge pledged vow vowed promise promised",
		"=visit":   "visit visited visiting trip arrive arrived arrival travel travelled traveled tour toured",
		"=attack":  "attack attacked strike struck bomb bombed bombing shoot shot shooting raid raided assault",
		"=kill":    "kill killed killing dead death deaths died die toll",
		"=vote":    "vote voted voting referendum ballot election elected poll plebiscite",
		"=arrest":  "arrest arrested detain detained custody charged charge",
		"=resign":  "resign resigned resignation quit step stepped",
		"=oppose":  "oppose opposed opposition reject rejected rejection condemn condemned criticism criticise criticize criticized",
		"=support": "support supported back backed endorse endorsed",
		"=cooper":  "cooperation cooperate ties relations partnership collaboration",
	} {
		for _, w := range strings.Fields(ws) {
			for _, t := range tokens(w) {
				m[t] = k
			}
		}
	}
	return m
})

// eventStop are words that say how a thing was reported, not what
// happened.
var eventStop = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`report reported accord according told tell ad added state stated note noted
	point pointed local media news agenc agency part also earlier later today yesterday tomorrow`) {
		m[w] = true
		m[textvec.Stem(w)] = true
	}
	return m
})

// keyer maps mentions to story-level participants.
type keyer struct {
	form  map[string]string // lowercase form → entity name
	place []string          // lowercase one-word forms of places and bodies
	name  map[string]string // such a form → entity name
}

// entityKeys indexes the forms of a story's merged entities.
func entityKeys(ents []news.Entity) keyer {
	k := keyer{form: map[string]string{}, name: map[string]string{}}
	for _, e := range ents {
		for _, f := range append([]string{e.Name}, e.Forms...) {
			lf := strings.ToLower(f)
			if _, ok := k.form[lf]; !ok {
				k.form[lf] = e.Name
			}
			if e.Type != news.Person && !strings.ContainsAny(lf, " .") && len(lf) >= 4 {
				if _, ok := k.name[lf]; !ok {
					k.place = append(k.place, lf)
					k.name[lf] = e.Name
				}
			}
		}
	}
	return k
}

// of returns the participant a mention names: the merged entity with the
// mention's form, the country of a nationality (Iranian: Iran, Turkish:
// Turkey), or the form itself.
func (k keyer) of(m news.Mention) (string, bool) {
	// Most mentions name a merged entity: look the lowered form up in a
	// stack buffer before making it.
	if t := strings.TrimSpace(m.Text); t != "" && ascii.All(t) {
		if n, ok := ascii.Lookup(k.form, t); ok {
			return n, true
		}
	}
	lf := strings.ToLower(strings.TrimSpace(m.Text))
	if lf == "" {
		return "", false
	}
	if n, ok := k.form[lf]; ok {
		return n, true
	}
	if m.Type == news.Misc && !strings.Contains(lf, " ") {
		if n, ok := k.nationality(lf); ok {
			return n, true
		}
	}
	return "~" + lf, true
}

// nationality returns the place or body a nationality word stands for
// (Iranian: Iran, Iraqi: Iraq, Turkish: Turkey, Kurdish: Kurdistan).
func (k keyer) nationality(w string) (string, bool) {
	w = strings.ToLower(w)
	stem := ""
	for _, suf := range []string{"ish", "ian", "ese", "an", "i"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			stem = w[:len(w)-len(suf)]
			break
		}
	}
	if stem == "" {
		return "", false
	}
	for _, p := range k.place {
		if strings.HasPrefix(p, stem) {
			return k.name[p], true
		}
	}
	return "", false
}

// datesAgree reports whether two happenings can be on the same day.
func datesAgree(a, b *happening) bool {
	switch {
	case len(a.spans) > 0 && len(b.spans) > 0:
		for _, p := range a.spans {
			for _, q := range b.spans {
				if p.overlaps(q) {
					return true
				}
			}
		}
		return false
	case len(a.spans) == 0 && len(b.spans) == 0:
		if a.hasImplied && b.hasImplied {
			return a.implied.overlaps(b.implied)
		}
		return !a.anchor.IsZero() && a.anchor.Equal(b.anchor)
	case len(a.spans) == 0:
		a, b = b, a
	}
	// b names no date: the day of its article's lead happening, its
	// article's day or the day before it must be one a names, or the two
	// articles appeared on the same day.
	if b.hasImplied {
		// The day of what it goes on about decides.
		for _, p := range a.spans {
			if p.overlaps(b.implied) {
				return true
			}
		}
		return false
	}
	if b.anchor.IsZero() {
		return false
	}
	if b.anchor.Equal(a.anchor) {
		return true
	}
	for _, p := range a.spans {
		if p.contains(b.anchor) || p.contains(b.anchor.AddDate(0, 0, -1)) {
			return true
		}
	}
	return false
}

// participantShare is the least weight shared participants must make
// up of the side with fewer.
const participantShare = 0.4

// sharedParticipants reports whether two happenings share enough of
// their participants: a person, or two entities, making up at least
// participantShare of the weight of the side with fewer.
func sharedParticipants(a, b *happening) (ok bool, people int) {
	var shared []string
	for e := range a.ents {
		if _, ok := b.ents[e]; ok {
			shared = append(shared, e)
			if a.people[e] && b.people[e] {
				people++
			}
		}
	}
	if len(shared) == 0 || (people == 0 && len(shared) < 2) {
		return false, people
	}
	in := sumInOrder(a.ents, shared)
	return in >= participantShare*math.Min(a.weight, b.weight), people
}

// sumInOrder sums the weights of keys (of all of w when keys is nil) in
// the keys' sorted order, so that the sum is the same in every run: a
// float sum in map order is not.
func sumInOrder(w map[string]float64, keys []string) float64 {
	if keys == nil {
		keys = make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	v := 0.0
	for _, k := range keys {
		v += w[k]
	}
	return v
}

// sharedWords counts the content words two happenings share, a kind of
// happening and the words that name it counting once, and reports
// whether they share a kind.
func sharedWords(a, b *happening) (n int, kind bool) {
	var kinds uint32 // a bit per kind shared (classBit)
	var shared []string
	for i, j := 0, 0; i < len(a.words) && j < len(b.words); {
		switch c := strings.Compare(a.words[i], b.words[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			if w := a.words[i]; w[0] == '=' {
				kind = true
				kinds |= classBit()[w]
				n++
			} else {
				shared = append(shared, w)
			}
			i++
			j++
		}
	}
	for _, w := range shared {
		if kinds&classBit()[eventClass()[w]] == 0 {
			n++
		}
	}
	return n, kind
}

// classBit numbers the kinds of eventClass, a bit each; a word of no
// kind gets none.
var classBit = sync.OnceValue(func() map[string]uint32 {
	var kinds []string
	for _, k := range eventClass() {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	m := map[string]uint32{}
	for i, k := range kinds {
		m[k] = 1 << i
	}
	return m
})

// stateOverlap is the least weighted overlap (see overlap) of two
// sentences' words outside names and dates for them to state the same
// happening.
const stateOverlap = 0.15

// sameHappening reports whether sentences i and j state the same
// happening, so that the article of one supports the other: their dates
// agree, they share participants, and what they say of them agrees, a
// weighted overlap of their words outside names and dates of at least
// stateOverlap (see overlap). Sharing a day and people is not enough: on
// the day of a summit, "the leaders signed a declaration" and "his wife
// joined him for dinner" name the same people and tell two happenings.
// Participants are shared when sharedParticipants says so or the
// sentences name one person; for two articles' leads, when they share
// two entities; else when they share one and a kind of happening.
func (c *pool) sameHappening(i, j int) bool {
	if c.ev == nil {
		return false
	}
	a, b := c.ev[i], c.ev[j]
	if !datesAgree(a, b) || overlap(a, b) < stateOverlap {
		return false
	}
	if ok, people := sharedParticipants(a, b); ok || people > 0 {
		return true
	}
	if n := sharedCount(a, b); a.lead && b.lead && n >= 2 {
		return true
	} else if n == 0 {
		return false
	}
	_, kind := sharedWords(a, b)
	return kind
}

// closeHappening reports whether sentences i and j tell much the same,
// so that a summary needs only one of them: sameHappening's dates and
// participants, with counts of shared words rather than their weights;
// and two articles' leads on one day, naming the same people or places,
// whatever their words. Looser than sameHappening, which decides whose
// articles support a line.
func (c *pool) closeHappening(i, j int) bool {
	if c.ev == nil {
		return false
	}
	a, b := c.ev[i], c.ev[j]
	if !datesAgree(a, b) {
		return false
	}
	ok, people := sharedParticipants(a, b)
	n, kind := sharedWords(a, b)
	ents := sharedCount(a, b)
	if a.lead && b.lead {
		// Two articles' leads on one day, naming the same people or
		// places, tell the same main happening in their own words.
		return ok || people > 0 || ents >= 2 || ents >= 1 && n >= 1
	}
	if !ok {
		// One shared participant is enough for sentences that share a
		// kind of happening and three words besides ("officials
		// called for enhancement of military cooperation", "arrived
		// ... on enhancing defense cooperation").
		return ents >= 1 && kind && n >= 4
	}
	// Three shared words (a kind of happening counting as one); two
	// when they name the same person; one, a kind of happening, when one
	// is a lead and one names nobody (a lead that says "commanders
	// met").
	need := 3
	switch {
	case kind && (a.lead || b.lead) && (len(a.people) == 0 || len(b.people) == 0):
		need = 1
	case people > 0:
		need = 2
	}
	return n >= need
}

// nearHappening reports whether sentences i and j are about one
// happening, perhaps different things about it: dates and participants
// agree, or dates agree and they share a participant and two words.
func (c *pool) nearHappening(i, j int) bool {
	if c.ev == nil {
		return false
	}
	a, b := c.ev[i], c.ev[j]
	if !datesAgree(a, b) {
		return false
	}
	if ok, _ := sharedParticipants(a, b); ok {
		return true
	}
	n, _ := sharedWords(a, b)
	return sharedCount(a, b) >= 1 && n >= 2
}

// sharedCount counts the participants two happenings both name.
func sharedCount(a, b *happening) int {
	n := 0
	for e := range a.ents {
		if _, ok := b.ents[e]; ok {
			n++
		}
	}
	return n
}

// sameContent reports whether sentences i and j share two content words
// outside names and dates; in a plain story, always.
func (c *pool) sameContent(i, j int) bool {
	if c.ev == nil {
		return true
	}
	n, _ := sharedWords(c.ev[i], c.ev[j])
	return n >= 2
}

// relatives open clauses that tell of something else than the sentence's
// main happening ("Mattioli, whose son was killed in December").
var relatives = []string{", who ", ", whose ", ", which ", ", where "}

// subordinate reports whether time expression x lies in a relative
// clause of its sentence: after ", who" and the like, the clause not
// closed by a comma before it.
func subordinate(d *news.Doc, x news.Timex) bool {
	sp := d.Sentences[x.Sentence]
	if x.Start < sp.Start || x.Start > sp.End {
		return false
	}
	before := d.Text[sp.Start:x.Start]
	at := -1
	for _, r := range relatives {
		if i := strings.LastIndex(before, r); i >= 0 && i+len(r) > at {
			at = i + len(r)
		}
	}
	// An odd number of commas closes the clause ("X, who is 60, said on
	// Tuesday"); an even one is an aside inside it ("Mattioli, whose
	// son, James, was killed in December").
	return at >= 0 && strings.Count(before[at:], ",")%2 == 0
}
