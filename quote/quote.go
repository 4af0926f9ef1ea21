// Package quote finds direct quotes, indirect speech and attributed beliefs
// in news text, with their cue verbs and speakers, and resolves pronouns and
// descriptions to the people they refer to.
//
// The finder reads each paragraph (each line of the Doc's paragraphs)
// with the segment stage's tokens and sentences: it keeps a clitic with
// its word (don't, Trump’s), and reads the sentences through
// sentence.Quoted, which joins those a quotation's inner stops divide
// and a quotation with the attribution after it. Quotations are paired
// (sentence.Quotations) first and attributed from the words around them (`"…," he said`,
// `X said: "…"`, a quotation split around its cue, quotations continued
// over sentences and paragraphs); then reporting verbs outside them give
// indirect speech (`X said that …`, `according to X, …`, `…, X said.`)
// and attributed states (`X believes …`), and the other forms PolNeAR
// annotates: polls (`… in a new Fox poll`), questions (`was asked about
// …`), reports without a source (`X reportedly …`) and owned nouns of
// saying (`Trump's attacks on Clinton`, `her claim that …`, owned by
// the clause's subject when the owner is a pronoun), findings with
// evidence as their subject (`…, records show.`), passives
// of verbs of saying, with an agent (`… was first reported by the
// Times`) or without (`a curfew was announced`), and a paragraph
// introduced by `X wrote:`. Two layouts mark the speaker without a verb:
// a transcript's turns (`WALLACE: …`, `Q: …`, when at least two
// paragraphs open with such a label; the turn is one quotation, and Q
// and A are left unresolved) and quotations signed with a dash
// (`“…” ― Steve Quinlan`). A content ends where a clause with its own
// subject and cue begins (`…, while Democrats defended …`); since
// PolNeAR never nests attributions, a cue whose clause holds another
// keeps it (`X pointed out that Y said …`, `X said Trump's attacks on
// Clinton …`). A subject that carries several cues gives one attribution
// per cue, all with its source (`X urged …, and criticized …`, `…, even
// suggesting …`, `Citing …, X accused …`). Besides its lists of reporting
// verbs, the finder asks a small embedded cue model (an averaged
// perceptron trained on PolNeAR's training split, research data of its
// authors; see quote/train) about the other words, which finds the long
// tail of cues ("railed against", "sought"), and which vetoes a listed
// verb where it scores far below any cue ("found" in "a report that found
// …"); Listed tells those apart.
// Speakers written as pronouns or descriptions are resolved to the people
// of the document: its entity mentions when the entity stage found any,
// and capitalised names otherwise (and for names the tagger missed), by
// salience and recency, he/she agreement learned from titles and the
// pronouns that follow a name, and nationality and role words for
// descriptions ("the Iraqi official").
//
// The stage's time is linear in the text: the finder reads sentences of
// at most 240 tokens (longer runs without a stop are cut at a comma or
// dash), looks words up in per-paragraph arrays rather than lists, and
// resolves speakers by reading back through bounded windows of an index
// of mentions by offset. The cue model scores a word from hashes of its
// features, building no strings.
//
// Measured with `storyline eval quotes` on PolNeAR's dev split.
package quote

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
)

// Stage is the analysis stage that fills d.Quotes. It needs sentences,
// tokens and entity mentions; a Doc with text and no tokens is an error.
type Stage struct {
	// Cues is the cue model; nil means the one embedded in the package.
	Cues *CueModel
}

// Name names the stage.
func (Stage) Name() string { return "quote" }

// Apply adds d.Quotes.
func (s Stage) Apply(d *news.Doc) error {
	m := s.Cues
	if m == nil {
		m = defaultModel()
	}
	if len(d.Tokens) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("quote: %s: the doc has no tokens: the segment stage runs first", d.ID)
	}
	d.Quotes = find(d, m)
	return nil
}

// found is an attribution with byte spans.
type found struct {
	content  []news.Span
	cue      news.Span
	source   news.Span
	direct   bool
	verbatim bool
	via      string
	// viaSource and viaCue are the relay's spans.
	viaSource, viaCue news.Span
	// cont is the index in the list of the attribution this one
	// continues, or -1.
	cont int
	// srcToks are the source's tokens.
	srcToks []tok
}

// Find returns the quotes of d, in text order of their cues, with their
// speakers resolved, using the embedded cue model. It reads d's sentences
// and tokens; a Doc that has none (text alone) is read as the segment
// stage would split it, without changing d (a quote's Sentence is then
// the index of a sentence of that split).
func Find(d *news.Doc) []news.Quote { return find(d, defaultModel()) }

func find(d *news.Doc, m *CueModel) []news.Quote {
	seg := segmented(d)
	var paras []*para
	var all []found
	var prev *attr
	index := map[*attr]int{}
	var memo *cueMemo
	if m != nil {
		memo = m.takeMemo()
		defer m.putMemo(memo)
	}
	// the paragraphs' tokens in one buffer kept from Doc to Doc: none of
	// them outlives find
	buf := tokBufs.Get().(*[]tok)
	toks := (*buf)[:0]
	defer func() {
		clear(toks)
		*buf = toks[:0]
		tokBufs.Put(buf)
	}()
	var sents []news.Span // a paragraph's sentences, the buffer reused
	lower := token.LowerASCII(d.Text)
	spans := paragraphs(d)
	// the finder's tokens are at most the Doc's
	bufs := newDocBufs(len(spans), len(seg.Tokens))
	for _, sp := range spans {
		a := len(toks)
		dts := tokensIn(seg.Tokens, sp.Start, sp.End)
		toks = appendDocTokens(toks, d.Text, lower, dts)
		sents = sentencesIn(sents[:0], seg, sp)
		p := newParaOf(d.Text, toks[a:len(toks):len(toks)], sp, dts, sents, m, bufs)
		p.memo = memo
		paras = append(paras, p)
	}
	transcript := isTranscript(paras)
	n := 0
	for _, p := range paras {
		p.transcript = transcript
		p.find(prev, nil)
		p.coordinated()
		prev = lastQuotation(p.attrs)
		// Attributions in text order.
		sortAttrs(p.attrs)
		n += len(p.attrs)
	}
	all = make([]found, 0, n)
	for _, p := range paras {
		for _, a := range p.attrs {
			f := found{direct: a.direct, verbatim: a.verbatim, via: a.via, cont: -1}
			if i, ok := index[a.contOf]; ok && a.contOf != nil {
				f.cont = i
			} else {
				f.cue = p.span(a.cue)
				f.source = p.span(a.source)
				f.viaSource, f.viaCue = p.span(a.viaSrc), p.span(a.viaCue)
				if !a.source.empty() {
					f.srcToks = p.ts[a.source.a:a.source.b]
				}
			}
			if len(a.content) > 0 {
				f.content = make([]news.Span, len(a.content))
				for k, c := range a.content {
					f.content[k] = p.span(c)
				}
			}
			index[a] = len(all)
			all = append(all, f)
		}
	}
	qs := resolve(seg, paras, all, toks)
	bufs.release()
	return qs
}

// tokBufs holds the token buffers of find.
var tokBufs = sync.Pool{New: func() any { return new([]tok) }}

// lastQuotation returns the attribution with direct content that a
// quotation opening the next paragraph may continue: the paragraph's last
// one, when the attributions after it share its source ("“…,” she
// said, adding that …"), or nil.
func lastQuotation(as []*attr) *attr {
	for i := len(as) - 1; i >= 0; i-- {
		if !as[i].direct {
			continue
		}
		q := as[i]
		for _, a := range as[i+1:] {
			if a.source.empty() || a.source != q.source {
				return nil
			}
		}
		return q
	}
	return nil
}

// span turns a token range into a byte span.
func (p *para) span(r rng) news.Span {
	if r.empty() || r.a < 0 || r.b > len(p.ts) {
		return news.Span{}
	}
	return news.Span{Start: p.ts[r.a].Start, End: p.ts[r.b-1].End}
}

func sortAttrs(as []*attr) {
	key := func(a *attr) int {
		if a.cue.a >= 0 && !a.cue.empty() || len(a.content) == 0 {
			return a.cue.a
		}
		return a.content[0].a
	}
	// Stable, as the insertion sort it replaces, without its square
	// time on a paragraph of thousands of attributions.
	slices.SortStableFunc(as, func(a, b *attr) int { return cmp.Compare(key(a), key(b)) })
}

// resolve turns the attributions into quotes and resolves their speakers.
// toks are the paragraphs' tokens, in text order.
func resolve(d *news.Doc, paras []*para, all []found, toks []tok) []news.Quote {
	dt := &docToks{text: d.Text, toks: d.Tokens, sents: d.Sentences, paras: paras}
	var subjects []news.Span
	sources := map[int]bool{}
	var heads []tok
	for _, f := range all {
		if f.source.IsZero() {
			continue
		}
		subjects = append(subjects, f.source)
		// the words are read here alone: one buffer serves them all
		words := appendHeadWords(heads[:0], f.srcToks)
		heads = words
		coordinated := false
		for _, w := range words {
			if w.low == "and" || w.low == "or" {
				coordinated = true
			}
		}
		if _, name := stripTitles(words); len(name) > 0 && !coordinated {
			sources[name[0].Start] = true
		}
	}
	for _, p := range paras {
		for _, s := range p.sents {
			if r := p.firstNP(s[0], s[1]); !r.empty() {
				subjects = append(subjects, p.span(r))
			}
		}
	}
	isSubj := newOffsetSet(len(d.Text))
	var ps *people
	ns := newNames()
	hasPeople := false
	for _, m := range d.Mentions {
		if m.Type == news.Person {
			hasPeople = true
			break
		}
	}
	if hasPeople {
		in := newSpanSet(subjects)
		for _, m := range d.Mentions {
			if in.contains(m.Span) || (m.TitleSpan.End > m.TitleSpan.Start && in.contains(m.TitleSpan)) {
				isSubj.add(m.Start)
			}
		}
		ps = fromMentions(d, dt, isSubj, ns)
	}
	// Names the tagger missed, or all names when it found none.
	{
		// Subjects of the fallback are keyed by the start of a name or
		// of its titles.
		for _, s := range subjects {
			k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= s.Start })
			for ; k < len(toks) && toks[k].Start < s.End; k++ {
				isSubj.add(toks[k].Start)
			}
		}
		// a person of the text whose key the mentions' people hold is
		// left out below: fromText need not gather them
		var known map[string]*person
		if ps != nil {
			known = ps.byKey
		}
		byText := fromText(d, dt, sources, isSubj, ns, known)
		if ps == nil {
			ps = byText
		} else {
			var spans []news.Span
			for _, m := range d.Mentions {
				if m.Type != news.Person {
					spans = append(spans, m.Span)
				}
			}
			others := newSpanSet(spans)
			for _, p := range byText.list {
				if ps.byKey[p.key] == nil && !ps.covered(others, p) {
					ps.byKey[p.key] = p
					ps.list = append(ps.list, p)
				}
			}
		}
	}
	ps.regroupShared(d, dt)
	ps.countVotes(dt)
	r := newResolver(d, ps)
	r.dt = dt
	n := 0
	for _, f := range all {
		n += len(f.content)
	}
	out := make([]news.Quote, 0, n)
	resolved := make([]news.Quote, len(all))
	for i, f := range all {
		q := news.Quote{Cue: f.cue, Source: f.source, Direct: f.direct, Via: f.via, ViaSource: f.viaSource, ViaCue: f.viaCue, SpeakerMention: -1}
		if f.cont >= 0 {
			// Continued from an earlier paragraph: its cue, source and
			// speaker.
			c := resolved[f.cont]
			q.Cue, q.Source, q.Speaker, q.SpeakerMention = c.Cue, c.Source, c.Speaker, c.SpeakerMention
			q.Via, q.ViaSource, q.ViaCue = c.Via, c.ViaSource, c.ViaCue
		} else if f.cue.IsZero() && f.source.IsZero() {
			continue
		} else {
			q.Speaker, q.SpeakerMention = r.speaker(f)
			if q.Speaker == "" {
				// "“…,” aides said Mr. Ryan told his colleagues": the
				// nameless relay reports what the named one said.
				if p, m := r.relayed(f.cue); p != nil {
					q.Speaker, q.SpeakerMention = p.name, m
				} else if p, m := r.reportsSource(f.source); p != nil {
					q.Speaker, q.SpeakerMention = p.name, m
				}
			}
		}
		resolved[i] = q
		for _, c := range f.content {
			qq := q
			qq.Content = c
			qq.Sentence = d.SentenceAt(c.Start)
			qq.Direct = f.direct && (f.verbatim || isQuoted(d.Text, c)) || !f.direct && wholeQuotation(d.Text, c)
			out = append(out, qq)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// offsetSet is a set of byte offsets into a text, a bit for each: the
// starts of the names and titles that are a clause's subject.
type offsetSet []uint64

// newOffsetSet returns an empty set for a text of n bytes.
func newOffsetSet(n int) offsetSet { return make(offsetSet, n/64+1) }

// add adds offset off, which lies in the text.
func (s offsetSet) add(off int) {
	if off >= 0 && off/64 < len(s) {
		s[off/64] |= 1 << (off % 64)
	}
}

// has reports whether off is in the set.
func (s offsetSet) has(off int) bool {
	return off >= 0 && off/64 < len(s) && s[off/64]&(1<<(off%64)) != 0
}

// spanSet answers whether any of a set of spans contains a span, in
// logarithmic time: the spans by start, with the furthest end reached by
// each prefix.
type spanSet struct {
	byStart []news.Span
	maxEnd  []int
}

func newSpanSet(spans []news.Span) spanSet {
	ss := spanSet{byStart: append([]news.Span(nil), spans...)}
	// spans of one start may come in any order: contains reads them
	// all through maxEnd
	slices.SortFunc(ss.byStart, func(a, b news.Span) int { return cmp.Compare(a.Start, b.Start) })
	ss.maxEnd = make([]int, len(ss.byStart))
	for i, s := range ss.byStart {
		ss.maxEnd[i] = s.End
		if i > 0 {
			ss.maxEnd[i] = max(s.End, ss.maxEnd[i-1])
		}
	}
	return ss
}

// contains reports whether a span of the set contains o.
func (ss spanSet) contains(o news.Span) bool {
	k := sort.Search(len(ss.byStart), func(i int) bool { return ss.byStart[i].Start > o.Start })
	return k > 0 && ss.maxEnd[k-1] >= o.End
}

// isQuoted reports whether most of a span lies inside quotation marks.
func isQuoted(text string, c news.Span) bool {
	s := c.In(text)
	s = strings.TrimPrefix(s, "that ")
	if s == "" {
		return false
	}
	return sentence.IsQuoteMark(firstRune(s)) || strings.HasPrefix(s, "''") || strings.HasPrefix(s, "``")
}

// wholeQuotation reports whether a span is one quotation, marks and
// all: "…, saying, “He did bad work.”" reports the words themselves.
func wholeQuotation(text string, c news.Span) bool {
	s := strings.TrimRight(strings.TrimSpace(c.In(text)), ".,;:!?")
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !sentence.IsQuoteMark(firstRune(s)) || !sentence.IsQuoteMark(last) {
		return false
	}
	n := 0
	for _, r := range s {
		if sentence.IsQuoteMark(r) {
			n++
		}
	}
	return n == 2
}

// resolver resolves speakers in text order.
type resolver struct {
	d  *news.Doc
	dt *docToks
	ps *people
	// spoke is where each person last spoke.
	spoke map[*person]int
	// events are the mentions of all people by offset; spokeAt are the
	// places where people spoke, by offset (a place is current while
	// spoke still holds it). Pronouns and relatives are resolved by
	// reading back from their offset through a bounded window of them,
	// not by reading every mention of every person.
	events  []event
	spokeAt []event
}

// event is a mention of the person of index p in people.list, or a
// place where that person spoke.
type event struct {
	at, p   int
	subj    bool
	mention int
}

// Windows, in bytes, of the look-back of pronoun resolution: a pronoun
// goes to the subject that spoke or was named most recently within
// salientWindow, else to the person named last within recentWindow; a
// relative "who" to a person named within nearWindow; the sentence of
// that mention is looked for within sentenceWindow.
const (
	salientWindow  = 3000
	recentWindow   = 20000
	nearWindow     = 200
	sentenceWindow = 2000
)

func newResolver(d *news.Doc, ps *people) *resolver {
	r := &resolver{d: d, ps: ps, spoke: map[*person]int{}}
	for pi, p := range ps.list {
		p.idx = pi
		sortMentions(p)
		for i, a := range p.at {
			r.events = append(r.events, event{at: a, p: pi, subj: p.subj[i], mention: p.mention[i]})
		}
	}
	slices.SortStableFunc(r.events, func(a, b event) int {
		if a.at != b.at {
			return cmp.Compare(a.at, b.at)
		}
		return cmp.Compare(a.p, b.p)
	})
	return r
}

// said records that p spoke at off.
func (r *resolver) said(p *person, off int) {
	r.spoke[p] = off
	pi := p.idx
	e := event{at: off, p: pi}
	// Sources come nearly in text order: insertion from the end is
	// cheap.
	k := len(r.spokeAt)
	for k > 0 && (r.spokeAt[k-1].at > off || r.spokeAt[k-1].at == off && r.spokeAt[k-1].p > pi) {
		k--
	}
	r.spokeAt = append(r.spokeAt, event{})
	copy(r.spokeAt[k+1:], r.spokeAt[k:])
	r.spokeAt[k] = e
}

// before returns the index of the first event of es at or after off.
func before(es []event, off int) int {
	return sort.Search(len(es), func(i int) bool { return es[i].at >= off })
}

// speaker returns the resolved name of the source of f and the mention
// it was resolved through.
func (r *resolver) speaker(f found) (string, int) {
	ts := f.srcToks
	if len(ts) == 0 || len(ts) == 1 && (ts[0].text == "Q" || ts[0].text == "A") {
		// No source, or an interview's Q and A: the interviewer is
		// rarely named, and naming the one answering would be a guess.
		return "", -1
	}
	off := f.source.Start
	whole := ts
	ts = ownHead(ts)
	for i := 1; i+1 < len(ts); i++ {
		if ts[i].low == "and" && ts[i+1].has(lxDeterminer) {
			// "al-Ghanemi and his Iranian counterpart, Mohamed
			// Bagheri": two people who speak together. "Hillary
			// Clinton and her Democratic allies": a group that no
			// one person speaks for.
			a, _ := r.speaker(found{source: news.Span{Start: ts[0].Start, End: ts[i-1].End}, srcToks: ts[:i]})
			b, _ := r.speaker(found{source: news.Span{Start: ts[i+1].Start, End: ts[len(ts)-1].End}, srcToks: ts[i+1:]})
			if a != "" && b != "" && a != b {
				return a + " and " + b, -1
			}
			return "", -1
		}
	}
	// "said South Korea's senior secretary for public relations, Yoon
	// Young-chan": a source that ends in a possessive belongs to the
	// person named in the apposition after the description.
	if p, m := r.afterPossessive(f.source); p != nil {
		r.said(p, off)
		return p.name, m
	}
	// "the report, by White House Counsel Robert Bauer, concluded": the
	// author of what is said to speak.
	if p, m := r.author(f.source); p != nil {
		r.said(p, off)
		return p.name, m
	}
	// A source with a name: the person of that name.
	if p, m := r.named(f.source, ts); p != nil {
		r.said(p, off)
		return p.name, m
	}
	if len(ts) < len(whole) {
		// The name in the apposition of a description that ownHead
		// cut: "South Korea's secretary for public relations, Yoon
		// Young-chan".
		if app := appositionWords(whole); len(app) > 0 && capWord(&app[0]) {
			if p, m := r.named(news.Span{Start: app[0].Start, End: app[len(app)-1].End}, app); p != nil {
				r.said(p, off)
				return p.name, m
			}
		}
	}
	words := headWords(ts)
	if len(words) == 0 {
		return "", -1
	}
	// "The Podesta Group's CEO, Kimberley Fritts,": the name may follow
	// the description.
	if _, name := stripTitles(words); len(name) == 0 || words[0].has(lxDeterminer) {
		// The apposition of the whole source: "South Korea's
		// secretary for public relations, Yoon Young-chan".
		if app := appositionWords(whole); len(app) > 0 {
			if _, n := stripTitles(app); len(n) > 0 && capWord(&n[0]) {
				words = app
			}
		}
	}
	if len(words) == 1 {
		low := words[0].low
		if b, ok := uncontract(low); ok {
			// "She’s claiming": the pronoun of a contraction.
			low = b
		}
		if v, ok := pronouns.set().get(low); ok {
			if !v {
				if low == "who" && !afterShare(r.d.Text[:off]) && !afterCommonNoun(r.d.Text[:off]) {
					// A relative clause: its speaker is not the subject
					// a later pronoun refers to.
					if p := r.recent(off, 1, "who"); p != nil {
						return p.name, -1
					}
				}
				return "", -1
			}
			if p := r.salient(off, low); p != nil {
				r.said(p, off)
				if p.gender == 0 {
					p.gender = map[string]byte{"he": 'm', "she": 'f'}[low]
				}
				_, _, m := p.last(off)
				return p.name, m
			}
			return "", -1
		}
	}
	// Coordinated names: "Tehran and Ankara".
	for i := 1; i+1 < len(words); i++ {
		if words[i].low == "and" && words[i-1].upper && words[i+1].upper {
			a := 0
			if words[0].has(lxDeterminer) {
				a = 1
			}
			return tokensText(r.d.Text, words[a:]), -1
		}
	}
	_, name := stripTitles(words)
	hasName := false
	for _, t := range name {
		if (t.upper && !t.has(lxFunctionCap) || isParticle(t.low)) && !t.has(lxRoleNoun) {
			hasName = true
		}
	}
	if hasName {
		// A name the people list does not know: an organisation, or a
		// person the tagger missed.
		n := tokensText(r.d.Text, name)
		if p := r.ps.find(r.ps.names.key(n), off); p != nil {
			r.said(p, off)
			return p.name, -1
		}
		if len(name) < len(words) && !words[0].has(lxDeterminer) {
			return n, -1
		}
		if words[0].has(lxDeterminer) {
			// "the Iraqi official": a description.
			if p := r.described(off, words); p != nil {
				r.said(p, off)
				return p.name, -1
			}
		}
		return n, -1
	}
	if p := r.described(off, words); p != nil {
		r.said(p, off)
		return p.name, -1
	}
	return "", -1
}

// lastWordWindow bounds how far back lastWord reads.
const lastWordWindow = 256

// afterCommonNoun reports whether text ends with a lowercase noun
// that a following "who" restricts: "an architect who said" speaks of
// the architect, not of the last person named.
func afterCommonNoun(text string) bool {
	w := lastWord(text)
	if w == "" || strings.ContainsAny(w, ",;:—–()\"“”") || !unicode.IsLower(firstRune(w)) {
		return false
	}
	pron := pronouns.set().in(w)
	return !pron && !isNumber(w) && !quantifiers.set().has(w) && !indefinites.set().has(w)
}

// afterShare reports whether text ends with a share of a group, which a
// following "who" refers to: "compared with 64 percent who say".
func afterShare(text string) bool {
	w := strings.ToLower(strings.TrimRight(lastWord(text), ","))
	return w == "percent" || strings.HasSuffix(w, "%") || shares.set().has(w) || isNumber(w)
}

// lastWord returns the last run of non-space characters of text, or "",
// reading back from its end rather than splitting all of it: no further
// than lastWordWindow bytes, so that a text without spaces is not read
// whole for each word.
func lastWord(text string) string {
	if cut := len(text) - lastWordWindow; cut > 0 {
		for cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut++
		}
		text = text[cut:]
	}
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	i := strings.LastIndexFunc(text, unicode.IsSpace)
	if i < 0 {
		return text
	}
	_, n := utf8.DecodeRuneInString(text[i:])
	return text[i+n:]
}

// named finds the person a source names: a person mention inside the
// source span, or a person sharing the key of the source's name.
func (r *resolver) named(src news.Span, ts []tok) (*person, int) {
	end := src.End
	if len(ts) > 0 {
		end = min(end, ts[len(ts)-1].End)
	}
	// The first person of the list mentioned in the source, at their
	// first mention there.
	best := -1
	for k := before(r.events, src.Start); k < len(r.events) && r.events[k].at < end; k++ {
		if e := r.events[k]; e.mention >= 0 && !r.possessor(e.mention) && (best < 0 || e.p < r.events[best].p) {
			best = k
		}
	}
	if best >= 0 {
		e := r.events[best]
		return r.ps.list[e.p], e.mention
	}
	words := headWords(ts)
	_, name := stripTitles(words)
	if len(name) == 0 {
		return nil, -1
	}
	if p := r.ps.find(r.ps.names.key(tokensText(r.d.Text, name)), src.Start); p != nil {
		return p, -1
	}
	// A name followed by titles or an apposition: "Chief of Staff Gen. X, the …".
	for _, t := range words {
		if t.upper {
			if k := r.ps.names.key(t.text); len(k) > 2 {
				if p := r.ps.find(k, src.Start); p != nil {
					return p, -1
				}
			}
		}
	}
	return nil, -1
}

// afterPossessive returns the person named after a comma following a
// source that ends in a possessive, in the same sentence, when the words
// between are a lowercase description.
func (r *resolver) afterPossessive(src news.Span) (*person, int) {
	text := r.d.Text
	if src.IsZero() || src.End > len(text) || !(strings.HasSuffix(text[:src.End], "'s") || strings.HasSuffix(text[:src.End], "’s")) {
		return nil, -1
	}
	ts := r.dt.within(src.End, r.dt.sentenceEnd(src.End-1))
	for k, t := range ts {
		if stopsClause(t, ".!?;") {
			return nil, -1
		}
		if t.text != "," {
			continue
		}
		if k == 0 || k > 8 || k+1 == len(ts) {
			return nil, -1
		}
		for _, w := range ts[:k] {
			if !unicode.IsLower(firstRune(w.text)) {
				return nil, -1
			}
		}
		from := ts[k+1].Start
		if j := before(r.events, from); j < len(r.events) {
			if e := r.events[j]; e.at == from && e.mention >= 0 {
				return r.ps.list[e.p], e.mention
			}
		}
		return nil, -1
	}
	return nil, -1
}

// stopsClause reports whether t is a quotation mark or a punctuation
// mark that starts with one of the bytes of marks.
func stopsClause(t tok, marks string) bool {
	return t.kind == 'q' || t.kind == 'p' && strings.IndexByte(marks, t.text[0]) >= 0
}

// author returns the person a source is said to be by: "the report, by
// White House Counsel Robert Bauer,": the first person named before the
// next comma.
func (r *resolver) author(src news.Span) (*person, int) {
	text := r.d.Text
	if src.IsZero() || src.End > len(text) {
		return nil, -1
	}
	rest := text[src.End:]
	if !strings.HasPrefix(rest, ", by ") {
		return nil, -1
	}
	from := src.End + len(", by ")
	stop := from
	for _, t := range r.dt.within(from, r.dt.sentenceEnd(from)) {
		if stopsClause(t, ",.;:!?()") {
			break
		}
		stop = t.End
	}
	if k := before(r.events, from); k < len(r.events) && r.events[k].at < stop {
		e := r.events[k]
		return r.ps.list[e.p], e.mention
	}
	return nil, -1
}

// relayed returns the person named right after a cue when a speech verb
// follows the name: in "aides said Mr. Ryan told his colleagues", Ryan.
func (r *resolver) relayed(cue news.Span) (*person, int) {
	text := r.d.Text
	if cue.IsZero() || cue.End > len(text) {
		return nil, -1
	}
	k := before(r.events, cue.End)
	if k >= len(r.events) {
		return nil, -1
	}
	e := r.events[k]
	if e.mention < 0 || e.mention >= len(r.d.Mentions) {
		return nil, -1
	}
	between := tokensIn(r.d.Tokens, cue.End, e.at)
	if len(between) > 2 {
		return nil, -1
	}
	for _, w := range between {
		low := strings.ToLower(w.In(text))
		if low != "that" && !maleTitles.set().has(low) && !femaleTitles.set().has(low) && !personTitles.set().has(low) {
			return nil, -1
		}
	}
	end := r.d.Mentions[e.mention].End
	next := tokensIn(r.d.Tokens, end, len(text))
	if len(next) == 0 {
		return nil, -1
	}
	switch next[0].In(text) {
	case "said", "told", "says", "tells":
		return r.ps.list[e.p], e.mention
	}
	return nil, -1
}

// reportsSource returns the person who, just before a nameless source,
// says what it says: "Tom Kirsch, says the plea agreement “does not
// contemplate …”".
func (r *resolver) reportsSource(src news.Span) (*person, int) {
	text := r.d.Text
	if src.IsZero() || src.Start > len(text) {
		return nil, -1
	}
	before := tokensIn(r.d.Tokens, max(0, src.Start-12), src.Start)
	if len(before) == 0 {
		return nil, -1
	}
	verb := before[len(before)-1].In(text)
	if verb == "that" && len(before) > 1 {
		verb = before[len(before)-2].In(text)
	}
	switch verb {
	case "said", "says":
	default:
		return nil, -1
	}
	at := strings.LastIndex(text[:src.Start], verb)
	k := sort.Search(len(r.events), func(i int) bool { return r.events[i].at >= at }) - 1
	if k < 0 {
		return nil, -1
	}
	e := r.events[k]
	if e.mention < 0 || e.mention >= len(r.d.Mentions) {
		return nil, -1
	}
	gap := strings.TrimSpace(text[r.d.Mentions[e.mention].End:at])
	if gap != "" && gap != "," {
		return nil, -1
	}
	return r.ps.list[e.p], e.mention
}

// possessor reports whether a person mention owns the common noun after
// it: in "Shalit's father, Noam, told", Shalit is not the one who spoke.
func (r *resolver) possessor(mention int) bool {
	if mention < 0 || mention >= len(r.d.Mentions) {
		return false
	}
	rest := r.d.Text[r.d.Mentions[mention].End:]
	for _, pos := range []string{"'s ", "’s ", "' ", "’ "} {
		if strings.HasPrefix(rest, pos) {
			rest = strings.TrimLeft(rest[len(pos):], " ")
			if rest == "" {
				return false
			}
			return unicode.IsLower(firstRune(rest))
		}
	}
	return false
}

// ownHead returns the tokens of a source up to a preposition after a
// common noun: "people close to Clinton", "critics of the president"
// name no one, and the name after the preposition is not the speaker.
func ownHead(ts []tok) []tok {
	for i := 1; i < len(ts); i++ {
		if ts[i].kind == 'w' && ofPreps.set().has(ts[i].low) && ts[i-1].kind == 'w' && (!ts[i-1].upper || i == 1 && groupNouns.set().has(ts[0].low)) && !ts[i-1].has(lxDeterminer) {
			return ts[:i]
		}
	}
	return ts
}

// groupNouns name people by what they do or are, and may open a
// sentence capitalised: "Critics of Donald Trump say".
var groupNouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"critics": true, "supporters": true, "opponents": true, "allies": true, "friends": true,
		"aides": true, "people": true, "members": true, "advisers": true, "advisors": true,
		"associates": true, "backers": true, "fans": true, "rivals": true, "proponents": true,
		"an": true, "a": true, "one": true, "some": true, "many": true, "most": true,
	}
}}

// ofPreps join a common noun to what it is about: "critics of", "close
// to".
var ofPreps = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"of": true, "to": true, "for": true, "with": true, "from": true, "about": true, "near": true}
}}

// salient returns the person a he or she at off most likely refers to:
// the one who spoke or was the subject most recently, else the one
// mentioned last.
func (r *resolver) salient(off int, pronoun string) *person {
	// The latest subject mention or place of speaking within the
	// window; of several at one place, the person first in the list.
	bestP, bestAt := -1, -1
	consider := func(e event) {
		if e.at > bestAt || e.at == bestAt && e.p < bestP {
			if r.ps.list[e.p].agrees(pronoun) {
				bestP, bestAt = e.p, e.at
			}
		}
	}
	for k := before(r.events, off) - 1; k >= 0 && off-r.events[k].at < salientWindow && r.events[k].at >= bestAt; k-- {
		// "Ryan's bid" inside a subject does not make Ryan the subject.
		if r.events[k].subj && !r.possessor(r.events[k].mention) {
			consider(r.events[k])
		}
	}
	for k := before(r.spokeAt, off) - 1; k >= 0 && off-r.spokeAt[k].at < salientWindow && r.spokeAt[k].at >= bestAt; k-- {
		if e := r.spokeAt[k]; r.spoke[r.ps.list[e.p]] == e.at {
			consider(e)
		}
	}
	if p := r.justNamed(off, pronoun); p >= 0 && p != bestP && (bestP < 0 || bestAt < r.sentenceStart(off)) {
		// "That did not satisfy Justice Scalia. “…,” he said.": the
		// one person the sentence before names.
		return r.ps.list[p]
	}
	if bestP >= 0 {
		return r.ps.list[bestP]
	}
	return r.recent(off, 0, pronoun)
}

// sentenceIndex returns the index of the sentence holding off, or -1.
func (r *resolver) sentenceIndex(off int) int {
	ss := r.d.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if k < len(ss) && ss[k].Start <= off {
		return k
	}
	return -1
}

// sentenceStart returns where the sentence holding off starts.
func (r *resolver) sentenceStart(off int) int {
	if k := r.sentenceIndex(off); k >= 0 {
		return r.d.Sentences[k].Start
	}
	return off
}

// justNamed returns the index of the one person the sentence before
// off's, in the same paragraph, names and the pronoun agrees with, when
// that sentence names no one else, or -1.
func (r *resolver) justNamed(off int, pronoun string) int {
	k := r.sentenceIndex(off)
	if k < 1 || r.d.Sentences[k-1].Paragraph != r.d.Sentences[k].Paragraph {
		return -1
	}
	prev := r.d.Sentences[k-1]
	p := -1
	for i := before(r.events, prev.Start); i < len(r.events) && r.events[i].at < prev.End; i++ {
		e := r.events[i]
		if p >= 0 && e.p != p {
			return -1
		}
		p = e.p
	}
	if p < 0 || !r.ps.list[p].agrees(pronoun) {
		return -1
	}
	return p
}

// recent returns the person mentioned last before off, within a few
// hundred bytes when near is set.
func (r *resolver) recent(off int, near int, pronoun string) *person {
	window := recentWindow
	if near > 0 {
		window = nearWindow
	}
	bestP, bestAt := -1, -1
	for k := before(r.events, off) - 1; k >= 0 && off-r.events[k].at <= window && r.events[k].at >= bestAt; k-- {
		if e := r.events[k]; (e.at > bestAt || e.p < bestP) && r.ps.list[e.p].agrees(pronoun) {
			bestP, bestAt = e.p, e.at
		}
	}
	if bestP < 0 {
		return nil
	}
	if near > 0 {
		return r.ps.list[bestP]
	}
	// The subject comes first: of the people of the last sentence that
	// names anyone, the first.
	start := max(bestAt-sentenceWindow, r.sentenceStart(bestAt))
	for k := before(r.events, start); k < len(r.events) && r.events[k].at < bestAt; k++ {
		if e := r.events[k]; r.ps.list[e.p].agrees(pronoun) {
			return r.ps.list[e.p]
		}
	}
	return r.ps.list[bestP]
}

// described resolves a description ("the Iraqi official", "his Turkish
// counterpart") to the person it fits best among those mentioned before,
// the most recent on a tie.
func (r *resolver) described(off int, words []tok) *person {
	var desc []string
	role := false
	for _, t := range words {
		desc = append(desc, t.text)
		low := strings.ToLower(t.text)
		// A singular role: plural descriptions name groups.
		if personTitles.set().has(low) && !strings.HasSuffix(low, "s") {
			role = true
		}
	}
	// Only definite descriptions refer back: "a ministry spokesman" is
	// someone new.
	if !role || words[0].low == "a" || words[0].low == "an" || words[0].low == "one" || words[0].low == "another" {
		return nil
	}
	var best *person
	bestScore, bestAt := -1, -1
	for _, p := range r.ps.list {
		at, _, _ := p.last(off)
		if s, ok := r.spoke[p]; ok && s < off && s > at {
			at = s
		}
		if at < 0 {
			continue
		}
		score, ok := p.describes(desc)
		if !ok {
			continue
		}
		if score > bestScore || score == bestScore && at > bestAt {
			best, bestScore, bestAt = p, score, at
		}
	}
	return best
}

// headWords returns the words of a source before its first comma or
// bracket: the name without an apposition.
func headWords(ts []tok) []tok {
	out := appendHeadWords(make([]tok, 0, len(ts)), ts)
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendHeadWords appends headWords(ts) to out.
func appendHeadWords(out []tok, ts []tok) []tok {
	first := len(out)
	for _, t := range ts {
		if t.kind == 'p' && (t.text == "," || t.text == "(" || isDash(t.text)) {
			break
		}
		if len(out) > first && t.kind == 'w' && !t.upper && (t.has(lxBoundary) && t.low != "of" && t.low != "and" || pastForm(t.low)) {
			// "A poll released in late August", "Experts on North
			// Korea": what follows the head modifies it.
			break
		}
		if t.kind == 'w' {
			out = append(out, t)
		}
	}
	return out
}

// appositionWords returns the words of a source between its first and
// second comma.
func appositionWords(ts []tok) []tok {
	var out []tok
	commas := 0
	for _, t := range ts {
		if t.kind == 'p' && t.text == "," {
			commas++
			if commas == 2 {
				break
			}
			continue
		}
		if commas == 1 && t.kind == 'w' {
			out = append(out, t)
		}
	}
	return out
}
