package quote

import (
	"sort"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// rng is a half-open range of token indexes; the zero value is empty.
type rng struct{ a, b int }

func (r rng) empty() bool { return r.b <= r.a }

// attr is one attribution found in a paragraph: content pieces, cue and
// source as token ranges of the paragraph.
type attr struct {
	content []rng
	cue     rng
	source  rng
	direct  bool
	// verbatim marks words given as said without quotation marks: a
	// transcript's turn.
	verbatim bool
	// via is an agency the statement was relayed through, viaSrc and
	// viaCue where the text names it.
	via            string
	viaSrc, viaCue rng
	// sentence is the index of the sentence (in the paragraph) of the cue.
	sentence int
	// contOf is the attribution of the previous paragraph that this one's
	// quotation continues; its cue and source are there.
	contOf *attr
}

// para is one paragraph being read.
type para struct {
	// sp is the paragraph's span of the text.
	sp      news.Span
	ts      []tok
	qs      []qspan
	sents   [][2]int
	claimed []bool
	attrs   []*attr
	// quoteOf maps a token index to the quotation starting there.
	quoteAt map[int]qspan
	// transcript reports that the paragraph is part of a transcript,
	// whose turns open with the speaker's label.
	transcript bool
	// cues is the cue model, or nil; scores caches its scores (NaN for
	// none, once scoresSet) and feats is a buffer for features.
	cues      *CueModel
	memo      *cueMemo
	scores    []float32
	scoresSet bool
	feats     []string
	// sentIdx is the sentence of each token; inQ marks the tokens
	// inside a closed quotation.
	sentIdx []int32
	inQ     []bool
	// headlines holds headline's answer for each sentence once asked:
	// 1 for a headline, -1 for none, 0 not asked yet.
	headlines []int8
	// cueOwned marks the tokens of the attributions' cues.
	cueOwned []bool
	// cueMemo holds isCue's answer for each token, which depends only on
	// the paragraph's tokens and sentences: the finder asks it of the
	// same token many times.
	cueMemo []cueAnswer
}

// cueAnswer is a memoised answer of isCue, its range as the offsets
// from the token asked about (a cue covers a token or two); done tells
// it is set.
type cueAnswer struct {
	a, b     int8
	kind     cueKind
	ok, done bool
}

// newPara makes the paragraph of span sp of text, split into sentences
// and tokens as the segment stage splits a Doc.
func newPara(text string, sp news.Span, cues *CueModel) *para {
	dts, sents := segmentSpan(text, sp)
	return newParaOf(text, appendDocTokens(make([]tok, 0, len(dts)), text, "", dts), sp, dts, sents, cues, nil)
}

// newParaOf makes the paragraph of span sp of text whose tokens are ts,
// made from dts, the Doc's tokens of the paragraph, and whose sentences
// are sents (the Doc's, cut at the paragraph's edges; newParaOf joins
// them in place, see sentence.Quoted).
// Its per-token arrays come from bufs, when not nil.
func newParaOf(text string, ts []tok, sp news.Span, dts []news.Token, sents []news.Span, cues *CueModel, bufs *docBufs) *para {
	if bufs == nil {
		bufs = &docBufs{}
	}
	p := bufs.para()
	*p = para{sp: sp, ts: ts, cues: cues}
	quotations := sentence.Quotations(text, dts)
	p.qs = make([]qspan, len(quotations))
	for k, q := range quotations {
		p.qs[k] = qspan{start: p.tokAt(q.Start), end: p.tokAt(q.End), unclosed: q.Unclosed}
	}
	attributed := func(next news.Span, stop byte) bool {
		return attributionFollows(p.ts, p.tokAt(next.Start), stop)
	}
	sents = sentence.Quoted(text, sents, quotations, attributed)
	// each sentence runs to the next one's first token, so that the
	// sentences cover the paragraph's tokens
	p.sents = make([][2]int, 0, len(sents))
	a := 0
	for k := range sents {
		b := len(ts)
		if k+1 < len(sents) {
			b = p.tokAt(sents[k+1].Start)
		}
		if b > a {
			p.sents = append(p.sents, [2]int{a, b})
			a = b
		}
	}
	p.sents = capSentences(ts, p.sents)
	p.claimed = take(&bufs.flags, len(p.ts))
	if len(p.qs) > 0 {
		// most paragraphs hold no quotation: a nil map reads as empty
		p.quoteAt = make(map[int]qspan, len(p.qs))
	}
	for _, q := range p.qs {
		p.quoteAt[q.start] = q
	}
	p.sentIdx = take(&bufs.idx, len(p.ts))
	for k, s := range p.sents {
		for i := s[0]; i < s[1]; i++ {
			p.sentIdx[i] = int32(k)
		}
	}
	p.inQ = insideQuotes(take(&bufs.flags, len(p.ts)), p.qs)
	p.cueMemo = take(&bufs.cueAns, len(p.ts))
	p.scores = take(&bufs.scores, len(p.ts))
	return p
}

// tokAt returns the index of the first token of the paragraph that
// starts at or after offset off.
func (p *para) tokAt(off int) int {
	return sort.Search(len(p.ts), func(i int) bool { return p.ts[i].Start >= off })
}

// insideQuotes marks in in the tokens inside a closed quotation, marks
// excluded, and returns it.
func insideQuotes(in []bool, qs []qspan) []bool {
	for _, q := range qs {
		if q.unclosed {
			continue
		}
		for i := q.start + 1; i < q.end-1; i++ {
			in[i] = true
		}
	}
	return in
}

func (p *para) claim(r rng) {
	for i := max(r.a, 0); i < r.b && i < len(p.ts); i++ {
		p.claimed[i] = true
	}
}

func (p *para) free(r rng) bool {
	for i := r.a; i < r.b; i++ {
		if p.claimed[i] {
			return false
		}
	}
	return true
}

// sentOf returns the sentence holding token i.
func (p *para) sentOf(i int) int {
	if i >= 0 && i < len(p.sentIdx) {
		return int(p.sentIdx[i])
	}
	return len(p.sents) - 1
}

// isCue reports whether token i is a reporting verb and returns its kind
// and the range the cue covers.
func (p *para) isCue(i int) (cueKind, rng, bool) {
	if p.ts[i].kind != 'w' {
		return 0, rng{}, false
	}
	m := &p.cueMemo[i]
	if !m.done {
		kind, r, ok := p.cueAt(i)
		switch {
		case r == rng{}:
			m.a, m.b = 0, 0
		case r.a < r.b && r.a-i == int(int8(r.a-i)) && r.b-i == int(int8(r.b-i)):
			m.a, m.b = int8(r.a-i), int8(r.b-i)
		default:
			// a range the offsets cannot hold: not kept
			return kind, r, ok
		}
		m.kind, m.ok, m.done = kind, ok, true
	}
	r := rng{}
	if m.a != 0 || m.b != 0 {
		r = rng{i + int(m.a), i + int(m.b)}
	}
	return m.kind, r, m.ok
}

// cueAt is isCue, computed.
func (p *para) cueAt(i int) (cueKind, rng, bool) {
	t := &p.ts[i]
	if t.kind != 'w' {
		return 0, rng{}, false
	}
	if t.low == "according" && i+1 < len(p.ts) && p.ts[i+1].low == "to" {
		return cueSay, rng{i, i + 2}, true
	}
	k, ok := t.cue, t.has(lxCue)
	if !ok {
		if p.cues == nil || t.lx&(lxSkippable|lxBoundary|lxDeterminer) != 0 {
			return 0, rng{}, false
		}
		if adverb(t) {
			// "successfully argued", "openly admires": the adverb leans
			// on the verb that follows, which is the cue.
			return 0, rng{}, false
		}
		// The model scores only a candidate: a word that no rule below
		// turns down whatever its score. Past the phrasal verbs, which
		// may be taken before it, the last rule turns down a name.
		if !strings.HasPrefix(t.low, "point") && !nounCue.set().has(t.low) && p.nameInSentence(i) {
			return 0, rng{}, false
		}
		// A cue the model finds: reported speech when "that" follows,
		// else a statement about its object.
		k = cueObject
		if i+1 >= len(p.ts) || p.ts[i+1].low == "that" || p.ts[i+1].kind == 'p' {
			k = cueSay
		}
	}
	// The model's score gates every answer of the rules, which read
	// only the tokens: it is computed for a word the rules accept.
	kind, r, yes := p.cueRules(i, k)
	if !yes {
		return 0, rng{}, false
	}
	if !ok {
		if p.cues.score(p, i) <= p.cues.Threshold {
			return 0, rng{}, false
		}
	} else if p.cues != nil && p.cues.Veto > -1e30 && p.cues.score(p, i) < p.cues.Veto {
		return 0, rng{}, false
	}
	return kind, r, true
}

// cueRules is the rest of cueAt for token i taken as a cue of kind k,
// before the cue model's score.
func (p *para) cueRules(i int, k cueKind) (cueKind, rng, bool) {
	t := &p.ts[i]
	if p.idiomSay(i) {
		return 0, rng{}, false
	}
	if t.low == "called" && p.namingCalled(i) {
		return 0, rng{}, false
	}
	// "The mother of three replied": a number closing a noun phrase,
	// not one counting the word after it.
	ofNumber := i >= 2 && p.ts[i-1].has(lxNumberWord) && p.ts[i-2].low == "of" && k != cueObject
	if i > 0 && p.ts[i-1].kind == 'w' && (p.ts[i-1].isNumber() || p.ts[i-1].low == "of") && strings.HasSuffix(t.low, "ed") && !ofNumber {
		// "400 pledged delegates", "a majority of pledged delegates":
		// an adjective.
		return 0, rng{}, false
	}
	if strings.HasPrefix(t.low, "show") && i+1 < len(p.ts) && (p.ts[i+1].kind == 'q' || p.ts[i+1].low == "up" || p.ts[i+1].low == "host" || p.ts[i+1].kind == 'p' && p.ts[i+1].text != ":" && !(i > 0 && evidence.set().has(p.ts[i-1].low))) {
		// "the reality TV show “The Apprentice”", "showed up": no
		// showing of anything.
		return 0, rng{}, false
	}
	r := rng{i, i + 1}
	// Phrasal verbs: point out, point to.
	if strings.HasPrefix(t.low, "point") {
		if i+1 < len(p.ts) && p.ts[i+1].low == "out" {
			return cueSay, rng{i, i + 2}, true
		}
		if i+1 < len(p.ts) && p.ts[i+1].low == "to" && (i == 0 || !p.ts[i-1].has(lxDeterminer)) {
			// "Trump pointed to the polls": what is pointed to is
			// put forward.
			return cueObject, rng{i, i + 2}, true
		}
		return 0, rng{}, false
	}
	if nounCue.set().has(t.low) && i+1 < len(p.ts) {
		// "voiced concern that", "expressed hope": the noun is part of
		// the cue.
		n := &p.ts[i+1]
		if n.low == "concern" || n.low == "hope" || n.low == "fear" || n.low == "doubt" || n.low == "confidence" || n.low == "regret" || n.low == "support" || n.low == "opposition" || n.low == "readiness" || n.low == "satisfaction" {
			return cueThink, rng{i, i + 2}, true
		}
	}
	if i > 0 {
		prev := p.ts[i-1].low
		// Nouns and infinitives: "the report", "to say".
		share := quantifiers.set().has(prev) || p.ts[i-1].isNumber() && p.quantityLeft(i-1, p.sents[p.sentOf(i)][0]) >= 0
		if p.ts[i-1].has(lxDeterminer) && !ofNumber && !(share && (pastForm(t.low) || quantVerbs.set().has(t.low) || quantVerbs.set().has(strings.TrimSuffix(t.low, "s")))) || (strings.HasSuffix(prev, "’s") || strings.HasSuffix(prev, "'s")) && !contracted(prev) {
			return 0, rng{}, false
		}
		if prev == "to" && k != cueSay {
			return 0, rng{}, false
		}
		// Passives and adjectival participles: "was called", "is expected".
		for k := i - 1; k > 0 && (prev == "also" || prev == "not" || prev == "widely" || prev == "often" || prev == "recently" || prev == "previously" || prev == "reportedly" || prev == "officially" || prev == "never" || prev == "already"); k-- {
			prev = p.ts[k-1].low
		}
		if (prev == "was" || prev == "were" || prev == "is" || prev == "are" || prev == "been" || prev == "be") && t.participle() {
			return 0, rng{}, false
		}
	}
	if p.nameInSentence(i) {
		// A capitalised cue inside a sentence is a name: "Ask", "Hope".
		return 0, rng{}, false
	}
	return k, r, true
}

// nounCue are the verbs that take a noun into their cue: "voiced
// concern", "expressed hope".
var nounCue = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"voiced": true, "voice": true, "expressed": true, "express": true, "voices": true, "expresses": true,
	}
}}

// nameInSentence reports whether token i is capitalised inside a
// sentence that is not a headline: a name, not a cue.
func (p *para) nameInSentence(i int) bool {
	return p.ts[i].upper && i > 0 && !endsLike(p.ts[i-1].text) && !p.headline(i)
}

// endsLike is strings.ContainsAny(s, ".!?\"“”:"), read byte by byte:
// an ASCII byte of UTF-8 is always the character itself, and the lead
// byte of “ or ” always starts a rune, so the bytes of the marks found
// are the marks.
func endsLike(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?', '"', ':':
			return true
		case 0xE2: // “ is E2 80 9C, ” E2 80 9D
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
				return true
			}
		}
	}
	return false
}

// idiomSay reports whether a verb of saying at i is part of a phrase
// that reports nothing: "That said, …", "Having said that, …", "That
// being said", "needless to say", "suffice it to say".
func (p *para) idiomSay(i int) bool {
	at := func(k int) string { return p.lowAt(k, 0) }
	opens := func(k int) bool { return k == 0 || p.ts[k-1].kind == 'p' }
	switch at(i) {
	case "said":
		return at(i-1) == "that" && opens(i-1) && at(i+1) == "," ||
			at(i-1) == "having" && at(i+1) == "that" && at(i+2) == "," ||
			at(i-1) == "being" && at(i-2) == "that" && opens(i-2)
	case "say":
		return at(i-1) == "to" && (at(i-2) == "needless" || at(i-2) == "it" && at(i-3) == "suffice")
	}
	return false
}

// lowAt returns the lowercase form of token k, or "" when k lies before
// lo or past the paragraph's end.
func (p *para) lowAt(k, lo int) string {
	if k < lo || k >= len(p.ts) {
		return ""
	}
	return p.ts[k].low
}

// namingCalled reports whether "called" at i names a thing after a
// common noun ("a film called “Tenemos Familias”", "a beer called Swing
// State") rather than reporting what someone called something.
func (p *para) namingCalled(i int) bool {
	if i == 0 || i+1 >= len(p.ts) {
		return false
	}
	prev, next := p.ts[i-1], p.ts[i+1]
	if prev.kind != 'w' || prev.upper || prev.has(lxSkippable) || prev.has(lxBoundary) {
		return false
	}
	if pron := prev.has(lxPronoun); pron {
		return false
	}
	switch next.low {
	case "for", "on", "him", "her", "it", "them", "out", "a", "an", "to", "the", "this", "that", "me", "us":
		return false
	}
	return next.kind == 'q' || next.kind == 'w'
}

// headline reports whether the sentence of token i is written in title
// case, as headlines are: "Trump Says He Will Win".
func (p *para) headline(i int) bool {
	si := p.sentOf(i)
	if p.headlines == nil {
		p.headlines = make([]int8, len(p.sents))
	}
	if h := p.headlines[si]; h != 0 {
		return h > 0
	}
	s := p.sents[si]
	caps, n := 0, 0
	for k := s[0]; k < s[1]; k++ {
		if p.ts[k].kind != 'w' {
			continue
		}
		n++
		if p.ts[k].upper {
			caps++
		}
	}
	h := n >= 3 && caps*10 >= n*7
	p.headlines[si] = -1
	if h {
		p.headlines[si] = 1
	}
	return h
}

// colonCue records "X said:" closing a paragraph as an attribution
// without content yet: the quotation that opens the next paragraph is its
// content.
func (p *para) colonCue() {
	n := len(p.ts)
	if n < 3 || p.ts[n-1].text != ":" || p.claimed[n-2] {
		return
	}
	c := n - 2
	if c > 0 && p.ts[c].low == "out" {
		c--
	}
	if _, cr, ok := p.isCue(c); ok && cr.b == n-1 {
		si := p.sentOf(c)
		if src := p.subjectOf(c, p.sents[si][0]); !src.empty() {
			p.add(&attr{cue: cr, source: src, direct: true, sentence: si})
		}
	}
}

// find reads one paragraph and returns its attributions. prev is the
// last attribution with direct content of the previous paragraph, for
// quotations that run over paragraphs.
func (p *para) find(prev *attr, prevPara *para) {
	if p.transcript && p.transcriptTurn() {
		return
	}
	if prev != nil && len(prev.content) == 0 && len(p.ts) > 0 && p.ts[0].kind != 'q' && p.words(rng{0, len(p.ts)}) >= 3 {
		// "Wallnau wrote:" closing the paragraph before: this one is
		// what was written.
		r := rng{0, len(p.ts)}
		p.add(&attr{content: []rng{r}, cue: rng{-1, -1}, source: rng{-1, -1}, direct: true, contOf: prev})
		return
	}
	// Sentence by sentence: quotations first, then reported speech. The
	// quotations are in text order: each sentence reads its own.
	qi := 0
	for si, s := range p.sents {
		for ; qi < len(p.qs) && p.qs[qi].start < s[1]; qi++ {
			q := p.qs[qi]
			if q.start < s[0] || !p.free(rng{q.start, q.end}) || p.namedQuote(q, s[0]) {
				continue
			}
			p.direct(q, prev, prevPara)
		}
		p.indirect(si, s[0], s[1])
	}
	p.colonCue()
}

// titleQuote reports whether quotation q is a title or a name in title
// case ("The Apprentice", "CBS This Morning") rather than words said.
func (p *para) titleQuote(q qspan) bool {
	n := 0
	for i := q.start + 1; i < q.end-1; i++ {
		t := &p.ts[i]
		if t.kind == 'p' {
			if t.text == "," && i == q.end-2 {
				continue
			}
			return false
		}
		if t.kind != 'w' {
			continue
		}
		n++
		if !t.upper && !t.has(lxFunctionCap) {
			return false
		}
	}
	return n >= 1 && n <= 5
}

// quantifiers stand for people on their own: "many argue", "some say".
var quantifiers = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"many": true, "some": true, "others": true, "most": true, "several": true, "few": true, "all": true, "both": true, "another": true, "each": true, "one": true, "none": true}
}}

// quantVerbs are the verbs of saying that follow a quantifier as their
// subject ("many argue", "some say") rather than as nouns.
var quantVerbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"say": true, "argue": true, "believe": true, "think": true, "fear": true, "worry": true, "contend": true, "insist": true, "suggest": true, "warn": true, "predict": true, "agree": true,
		"note": true, "claim": true, "complain": true, "doubt": true, "wonder": true, "speculate": true,
		"assert": true, "maintain": true, "acknowledge": true, "concede": true, "expect": true, "hope": true,
		"feel": true, "fret": true, "charge": true, "caution": true, "question": true, "allege": true}
}}

// cueAhead reports whether a verb of saying lies in tokens [k, hi).
func (p *para) cueAhead(k, hi int) bool {
	for i := k; i < hi; i++ {
		if _, _, ok := p.isCue(i); ok {
			return true
		}
	}
	return false
}

// isDash reports whether s is a dash setting off an aside.
func isDash(s string) bool { return s == "-" || s == "—" || s == "–" || s == "--" }

// namedQuote reports whether quotation q, in a sentence from lo, is a
// title inside a noun phrase ("the reality TV show “The Apprentice,”").
func (p *para) namedQuote(q qspan, lo int) bool {
	if q.start > lo && q.end < len(p.ts) && quoteWords(q, p.ts) <= 3 && p.ts[q.start-1].has(lxDeterminer) && p.ts[q.end].kind == 'w' {
		// "the “fake news” media": scare quotes inside a noun phrase.
		return true
	}
	if q.start <= lo || !p.titleQuote(q) {
		return false
	}
	prev := &p.ts[q.start-1]
	return prev.kind == 'w' && !prev.has(lxCue) && prev.low != "that" && !prev.has(lxSkippable)
}

// content tokens of a quotation without its marks.
func quoteWords(q qspan, ts []tok) int {
	n := 0
	for i := q.start; i < q.end; i++ {
		if ts[i].kind == 'w' {
			n++
		}
	}
	return n
}

// direct attributes the quotation q.
func (p *para) direct(q qspan, prev *attr, prevPara *para) {
	si := p.sentOf(q.start)
	lo, hi := p.sents[si][0], p.sents[si][1]
	if q.end > hi {
		hi = q.end
	}
	content := rng{q.start, q.end}
	// Before the quotation: X said: "…" / X said that "…".
	j := q.start - 1
	start := q.start
	if j >= lo && p.ts[j].kind == 'w' && p.ts[j].low == "that" {
		start = j
		j--
	}
	for j >= lo && p.ts[j].kind == 'p' && (p.ts[j].text == ":" || p.ts[j].text == ",") {
		j--
	}
	if j >= lo {
		a := p.beforeQuote(j, lo)
		if a != nil && p.ts[q.start-1].text != ":" {
			// "Freddy, as he was known, “…,” Mr. Trump said.", "Nothing
			// the president said “will …,” the senator said.": a cue
			// before the quotation yields to an attribution after it.
			if p.attributionAfter(q, hi) {
				a = nil
			}
		}
		if a != nil {
			// The content runs to the end of the quotation, or of the
			// sentence when the quotation ends it.
			a.content = []rng{{start, q.end}}
			a.direct = true
			p.add(a)
			p.viaAfter(a, q.end, hi)
			p.continuation(a, q.end)
			return
		}
	}
	// A quotation signed with a dash: "“…” ― Steve Quinlan".
	if cue, src, ok := p.signature(q.end); ok {
		a := &attr{content: []rng{content}, cue: cue, source: src, direct: true, sentence: si}
		p.add(a)
		return
	}
	// After the quotation: "…," he said / "…," said X / "…," X told Y.
	k := p.afterMarks(q, hi)
	if k >= hi && k == q.end && si+1 < len(p.sents) && p.sents[si+1][0] == k && p.sents[si+1][1]-k <= 10 {
		// "“…?” Beck questioned.": the question mark ended the
		// sentence, but a short one with the source and cue follows,
		// maybe with where or when it was said ("Obama wrote in a
		// letter").
		if e := p.sents[si+1][1]; p.ts[e-1].text == "." {
			if a := p.afterQuote(k, e, si); a != nil && closesAttribution(p, max(a.cue.b, a.source.b), e-1) && p.free(rng{k, e - 1}) {
				a.content = []rng{content}
				a.direct = true
				p.add(a)
				return
			}
		}
	}
	if k < hi && k > q.start {
		if a := p.afterQuote(k, hi, si); a != nil {
			// "Nothing the president said “will assuage …,” the senator
			// said.": words running into the quotation are said too.
			if l := p.clauseStart(lo, q.start); l < q.start && p.ts[q.start-1].kind == 'w' && p.free(rng{l, q.start}) && !p.cueIn(l, q.start) {
				content.a = l
			}
			a.content = []rng{content}
			a.direct = true
			p.add(a)
			// A quotation split around its cue: "…," X told reporters, "…".
			for e := max(a.cue.b, a.source.b); e < hi && e < a.cue.b+10; e++ {
				if p.ts[e].kind == 'q' {
					break
				}
				if p.ts[e].text != "," {
					continue
				}
				if q2, ok := p.quoteAt[e+1]; ok && p.free(rng{q2.start, q2.end}) {
					a.content = append(a.content, rng{q2.start, q2.end})
					p.claim(rng{q2.start, q2.end})
				}
				break
			}
			p.continuation(a, q2end(a))
			return
		}
	}
	// A quotation that fills its sentence right after an attributed one
	// continues it.
	if q.start == lo || (q.start == lo+1 && p.ts[lo].kind == 'p') {
		var last *attr
		if len(p.attrs) > 0 {
			last = p.attrs[len(p.attrs)-1]
			if last.sentence < si-1 {
				last = nil
			}
		} else if si == 0 && prev != nil {
			last = prev
		}
		rest := q.end
		for rest < hi && p.ts[rest].kind != 'w' {
			rest++
		}
		if last != nil && quoteWords(q, p.ts) >= 2 && (rest >= hi || !p.cueAhead(rest, hi)) {
			r := rng{q.start, q.end}
			if last == prev && prevPara != p {
				// Continued from the previous paragraph: record a new
				// attribution in this paragraph sharing the source.
				a := &attr{content: []rng{r}, cue: rng{-1, -1}, source: rng{-1, -1}, direct: true, sentence: si, contOf: last}
				p.add(a)
				return
			}
			last.content = append(last.content, r)
			p.claim(r)
		}
	}
}

// afterMarks returns the token after the commas and dashes that follow
// quotation q.
func (p *para) afterMarks(q qspan, hi int) int {
	k := q.end
	for k < hi && p.ts[k].kind == 'p' && (p.ts[k].text == "," || strings.HasPrefix(p.ts[k].text, "-") || p.ts[k].text == "—" || p.ts[k].text == "–") {
		k++
	}
	return k
}

// attributionAfter reports whether a source and a core cue of saying
// follow quotation q in its sentence: "“…,” Mr. Trump said".
func (p *para) attributionAfter(q qspan, hi int) bool {
	k := p.afterMarks(q, hi)
	if k >= hi {
		return false
	}
	if p.ts[k].low == "according" {
		// ", according to Fars": the agency that relayed it.
		return false
	}
	if p.ts[k].has(lxCoreCue) {
		_, cr, ok := p.isCue(k)
		return ok && !p.sourceAfter(cr.b, hi).empty()
	}
	src, c := p.subjectThenVerb(k, hi)
	if src.empty() || c >= hi || !p.ts[c].has(lxCoreCue) || p.ts[c].low == "according" {
		return false
	}
	_, _, ok := p.isCue(c)
	return ok
}

// cueIn reports whether a cue other than said or says lies in [a, b).
func (p *para) cueIn(a, b int) bool {
	for k := a; k < b; k++ {
		if _, _, ok := p.isCue(k); ok && p.ts[k].low != "said" && p.ts[k].low != "says" {
			return true
		}
	}
	return false
}

// q2end returns the end of the last content piece of a.
func q2end(a *attr) int {
	if len(a.content) == 0 {
		return 0
	}
	return a.content[len(a.content)-1].b
}

// continuation adds to a the quotations that directly follow its content
// in the same paragraph and have no attribution of their own.
func (p *para) continuation(a *attr, from int) {
	for {
		k := from
		for k < len(p.ts) && p.ts[k].kind == 'p' && !strings.ContainsAny(p.ts[k].text, ",;") {
			k++
		}
		q, ok := p.quoteAt[k]
		if !ok || !p.free(rng{q.start, q.end}) {
			return
		}
		// It must stand alone: nothing after it in its sentence but
		// punctuation.
		si := p.sentOf(q.start)
		if p.sents[si][0] != k && p.sents[si][0] != from {
			return
		}
		rest := q.end
		for rest < p.sents[si][1] && p.ts[rest].kind != 'w' {
			rest++
		}
		if rest < p.sents[si][1] {
			return
		}
		a.content = append(a.content, rng{q.start, q.end})
		p.claim(rng{q.start, q.end})
		from = q.end
	}
}

// add records a and claims its tokens.
func (p *para) add(a *attr) {
	for _, c := range a.content {
		p.claim(c)
	}
	p.claim(a.cue)
	p.claim(a.source)
	p.attrs = append(p.attrs, a)
	p.markCue(a)
}

// afterQuote reads "he said", "said X" or "X told reporters" starting at
// token k, for the quotation before it.
func (p *para) afterQuote(k, hi, si int) *attr {
	// said X
	if kind, cr, ok := p.isCue(k); ok && kind != cueTell && !progressive().has(p.ts[k].low) {
		if src := p.sourceAfter(cr.b, hi); !src.empty() && !(src.b == src.a+1 && pronounLed(p, src, hi)) {
			a := &attr{cue: cr, source: src, sentence: si}
			p.viaAfter(a, src.b, hi)
			return a
		}
	}
	// X said
	src, c := p.subjectThenVerb(k, hi)
	if src.empty() {
		return nil
	}
	// "X, for his part, said"
	if c < hi && p.ts[c].text == "," {
		if e := p.parenthetical(c, hi); e > c {
			c = e
		} else if e := appositionToCue(p, c, hi); e > c {
			// "Zulfikar Arapoglu, the mayor of Ercis told": an
			// apposition whose closing comma is missing.
			src.b = e
			c = e
		} else {
			// "his wife, Gabriela Lazar, wrote": an apposition.
			for e := c + 1; e < hi-1 && e <= c+8; e++ {
				if p.ts[e].kind != 'w' && p.ts[e].text != "," {
					break
				}
				if p.ts[e].text == "," {
					if _, _, ok := p.isCue(e + 1); ok && e > c+1 && (capWord(&p.ts[c+1]) || e == c+2 && p.ts[c+1].isNumber()) {
						// "Mr. King, 82, told me.": an age.
						src.b = e + 1
						c = e + 1
					}
					break
				}
			}
		}
	}
	if c >= hi {
		return nil
	}
	_, cr, ok := p.isCue(c)
	if !ok && p.closingVerb(c, hi) {
		// "“…?” Beck questioned.": a past verb closing the sentence
		// after a quotation and its subject reports it.
		cr, ok = rng{c, c + 1}, true
	}
	if !ok || strings.HasPrefix(p.ts[c].low, "according") {
		return nil
	}
	a := &attr{cue: cr, source: src, sentence: si}
	p.viaAfter(a, cr.b, hi)
	return a
}

// pronounLed reports whether the one-word source r is a pronoun that
// opens a clause of its own: "…,” said he would vote" has "he" as the
// subject of what was said, not as the speaker after the cue.
func pronounLed(p *para, r rng, hi int) bool {
	if pron := p.ts[r.a].has(lxPronoun); !pron {
		return false
	}
	return r.b < hi && p.ts[r.b].kind == 'w'
}

// subjectThenVerb reads a noun phrase from token k and returns it with
// the index of the word after it and any auxiliaries and adverbs: where
// its verb would be.
func (p *para) subjectThenVerb(k, hi int) (rng, int) {
	src := p.npRight(k, hi, false)
	if src.empty() {
		return src, hi
	}
	c := p.verbAfter(src.b, hi)
	// "a narrator in the Clinton ad asks": a prepositional phrase
	// belongs to the subject when a cue follows it.
	if c < hi && subjectPreps.set().has(p.ts[c].low) && p.ts[c].low != "to" {
		for v := c + 2; v < hi && v <= c+6 && p.ts[v].kind == 'w'; v++ {
			if _, _, ok := p.isCue(v); ok {
				e := v
				for e > c+2 && p.ts[e-1].has(lxSkippable) {
					e--
				}
				return rng{src.a, e}, v
			}
			if p.ts[v].has(lxBoundary) && p.ts[v].low != "of" || p.ts[v].has(lxPronounTrue) {
				break
			}
		}
	}
	return src, c
}

// verbAfter skips the auxiliaries and adverbs from token c to where a
// verb would be.
func (p *para) verbAfter(c, hi int) int {
	for c < hi && p.ts[c].has(lxSkippable) && p.ts[c].low != "to" {
		c++
	}
	return c
}

// closingVerb reports whether token c is a lowercase past verb that ends
// its sentence or is followed by a comma.
func (p *para) closingVerb(c, hi int) bool {
	t := &p.ts[c]
	if t.kind != 'w' || t.upper || !strings.HasSuffix(t.low, "ed") || t.has(lxSkippable) || t.has(lxBoundary) || t.has(lxDeterminer) {
		return false
	}
	if c+1 < hi {
		n := p.ts[c+1].text
		return n == "." || n == "," || n == "!" || n == "?"
	}
	return true
}

// viaAfter looks for ", according to AGENCY" after an attribution and
// records the agency.
func (p *para) viaAfter(a *attr, k, hi int) {
	for i := k; i+1 < hi; i++ {
		if p.ts[i].low == "according" && p.ts[i+1].low == "to" {
			r := p.npRight(i+2, hi, true)
			if !r.empty() {
				a.via = agencyName(p.ts[r.a:r.b])
				a.viaSrc, a.viaCue = r, rng{i, i + 2}
				p.claim(rng{i, r.b})
			}
			return
		}
		if p.ts[i].kind == 'q' {
			return
		}
	}
}

// parenthetical returns the index after a parenthetical aside that starts
// with the comma at c ("…, for his part, …"), or c when there is none.
func (p *para) parenthetical(c, hi int) int {
	if c+1 >= hi {
		return c
	}
	switch p.ts[c+1].low {
	case "for", "on", "in", "meanwhile", "however", "too", "though", "though,", "also", "then", "instead", "separately", "likewise", "similarly", "moreover", "again", "however,", "at", "by", "after", "speaking", "later", "earlier":
	default:
		return c
	}
	for e := c + 1; e < hi && e < c+10; e++ {
		if p.ts[e].text == "," {
			return e + 1
		}
		if p.ts[e].kind == 'q' {
			return c
		}
	}
	return c
}

// beforeQuote reads "X said" ending at token j, before a quotation.
func (p *para) beforeQuote(j, lo int) *attr {
	// "pointed out:" – the cue may be two tokens.
	c := j
	if c > lo && (p.ts[c].low == "out") {
		c--
	}
	if c > lo && p.ts[c].low == "to" && p.ts[c-1].low == "according" {
		return nil // "according to X, …" is read as reported speech
	}
	kind, cr, ok := p.isCue(c)
	if !ok && p.ts[j].kind == 'w' {
		// "But, said Solovey, “…”": an inverted cue and source between
		// commas.
		for k := j - 1; k > lo && k >= j-5; k-- {
			if p.ts[k].kind != 'w' {
				break
			}
			if !p.ts[k].has(lxCoreCue) || p.ts[k-1].text != "," {
				continue
			}
			if _, cr, ok := p.isCue(k); ok && cr.b == k+1 {
				if r := p.npRight(k+1, j+1, true); r.b == j+1 && !r.empty() {
					if pron := p.ts[r.a].has(lxPronoun); !pron {
						return &attr{cue: cr, source: r, sentence: p.sentOf(k)}
					}
				}
			}
			break
		}
		return nil
	}
	if !ok || cr.b < j+1 {
		return nil
	}
	// "Trump said Fox executives were calling “…”": a weaker cue inside
	// the clause of a verb of saying leaves the quotation to it.
	if !p.ts[c].has(lxCoreCue) {
		for k := p.sents[p.sentOf(c)][0]; k < c; k++ {
			if p.ts[k].has(lxCoreCue) && !p.claimed[k] {
				return nil
			}
		}
	}
	if kind == cueObject && p.ts[j+1].low != "that" && p.ts[j+1].kind != 'p' {
		// "called X a “stiff”": the object, not a quotation, follows.
		if p.ts[j+1].kind != 'q' {
			return nil
		}
	}
	si := p.sentOf(c)
	src := p.subjectOf(c, p.sents[si][0])
	return &attr{cue: cr, source: src, sentence: si}
}

// subjectOf finds the source of the cue at c: the noun phrase before it,
// or, for "…, saying" and "… and said", the subject of the sentence.
func (p *para) subjectOf(c, lo int) rng {
	// A participle ("…, saying") takes the subject of its clause.
	ing := ingForm(p.ts[c].low)
	j := c - 1
	for j >= lo && (p.ts[j].has(lxSkippable) || adverb(&p.ts[j])) && p.ts[j].low != "to" {
		j--
	}
	// "he is alleged to have said": the subject of the raising verb.
	j -= raisingLeft(p, j, lo)
	j0 := j
	// "X on Wednesday said": skip a time.
	for j-1 >= lo && (timeWords.set().has(p.ts[j].low) || isYear(p.ts[j].low) && p.ts[j-1].low == "in") && (p.ts[j-1].low == "on" || p.ts[j-1].low == "in" || p.ts[j-1].low == "last" || p.ts[j-1].low == "this" || p.ts[j-1].low == "earlier" || p.ts[j-1].low == "late" || p.ts[j-1].low == "early") {
		j -= 2
		for j >= lo && p.ts[j].has(lxSkippable) && p.ts[j].low != "to" {
			j--
		}
	}
	// "who has in the past described", "Fiorina a month later
	// announced": a time phrase of a few words.
	if n := p.timePhraseLeft(j, lo); n > 0 {
		j -= n
		for j >= lo && p.ts[j].has(lxSkippable) && p.ts[j].low != "to" {
			j--
		}
	}
	// "X, for his part, said": skip back over the aside.
	if j >= lo && p.ts[j].text == "," {
		for k := j - 1; k >= lo && k > j-10; k-- {
			if p.ts[k].text == "," {
				if e := p.parenthetical(k, c); e == j+1 {
					j = k - 1
				}
				break
			}
		}
	}
	// "Humphrey, who calls Trump a “sociopath,” said": the name before
	// a relative clause that ends at the cue.
	if j >= lo && (p.ts[j].text == "," || p.ts[j].kind == 'q') && !ing {
		if r := p.beforeRelative(j, lo); !r.empty() {
			return r
		}
	}
	// "…, saying": the subject of the clause, not the noun before the comma.
	afterComma := j >= lo && p.ts[j].text == "," && ing
	if j >= lo && !afterComma {
		// "Obama issued a statement condemning …": an indefinite object
		// before a participle is not its subject.
		if r := p.npLeft(j, lo); !r.empty() && !(ing && (p.ts[r.a].low == "a" || p.ts[r.a].low == "an")) {
			if r.a > lo && subjectPreps.set().has(p.ts[r.a-1].low) {
				// "people close to Clinton say": the noun phrase is
				// the object of a preposition inside the subject.
				if w := p.clauseSubject(j0, lo); !w.empty() && w.a < r.a && w.b == r.b {
					return w
				}
			}
			return r
		}
	}
	// "Another Muslim who worshiped here and who did not want to be
	// named said": a subject with its relative clause.
	if j >= lo && !ing && p.ts[j].kind == 'w' {
		for k := j - 1; k > lo && k >= j-20; k-- {
			t := &p.ts[k]
			if t.kind != 'w' || t.low == "said" || t.low == "says" {
				break
			}
			if t.low != "who" && t.low != "whose" {
				continue
			}
			if r := p.npLeft(k-1, lo); !r.empty() && p.subjectLike(r) && !pronounsOrCue(p.ts[r.a].low) {
				return rng{r.a, j + 1}
			}
		}
	}
	if j >= lo && (p.ts[j].low == "and" || p.ts[j].low == "but" || p.ts[j].text == ",") || ing {
		// The subject of the clause: an earlier attribution's source in
		// the sentence, or the sentence's first noun phrase.
		for i := len(p.attrs) - 1; i >= 0; i-- {
			a := p.attrs[i]
			if !a.source.empty() && a.source.a >= lo && a.cue.a < c {
				if w := p.ts[a.source.a].low; a.source.b == a.source.a+1 && (w == "who" || w == "which" || w == "that") && ing {
					// "…, an architect who said he was stiffed …,
					// saying": a relative clause's source is not
					// the subject of the main clause.
					continue
				}
				return a.source
			}
		}
		if ing {
			// "…, and she becomes upset, shouting profanities": the
			// subject of the nearest clause joined by ", and".
			for k := c - 2; k > lo+1; k-- {
				if (p.ts[k].low == "and" || p.ts[k].low == "but") && p.ts[k-1].text == "," {
					if r := p.npRight(k+1, c, false); !r.empty() && p.subjectLike(r) && r.b < c && p.ts[r.b].kind == 'w' {
						return r
					}
					break
				}
			}
		}
		return p.firstNP(lo, c)
	}
	if j >= lo && (p.ts[c].has(lxCoreCue) || showing.set().has(p.ts[c].low) || p.ts[c].has(lxCue) && c+1 < len(p.ts) && p.ts[c+1].low == "that") {
		return p.clauseSubject(j0, lo)
	}
	return rng{}
}

// evidence names what shows a finding: "…, records show.", "a poll
// shows".
var evidence = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"poll": true, "polls": true, "polling": true, "survey": true, "surveys": true, "analysis": true,
		"data": true, "study": true, "studies": true, "review": true, "records": true, "record": true,
		"report": true, "reports": true, "math": true, "count": true, "tally": true, "tallies": true,
		"documents": true, "filings": true, "results": true, "figures": true, "numbers": true,
		"statistics": true, "research": true, "history": true, "evidence": true, "email": true,
		"emails": true, "transcript": true, "transcripts": true, "memo": true, "letter": true,
		"documentation": true, "returns": true, "estimates": true, "projections": true,
	}
}}

// showing verbs report a finding, with a clause after them and
// often evidence rather than a person before: "Polls there show Trump
// is trailing".
var showing = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"show": true, "shows": true, "showed": true, "found": true, "finds": true, "find": true,
		"suggest": true, "suggests": true, "suggested": true, "indicate": true, "indicates": true,
		"indicated": true,
	}
}}

// subjectPreps may join a noun phrase to the subject it belongs to:
// "people close to Clinton", "critics of the plan".
var subjectPreps = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"to": true, "of": true, "with": true, "for": true, "from": true, "in": true, "at": true, "on": true, "through": true, "by": true, "across": true, "inside": true, "within": true, "outside": true, "behind": true, "among": true, "around": true}
}}

// beforeRelative returns the name before ", who" when the relative
// clause runs to token j, the comma or quotation mark that closes it.
func (p *para) beforeRelative(j, lo int) rng {
	for k := j - 1; k > lo+1 && k > j-40; k-- {
		t := &p.ts[k]
		if t.text == ";" || t.text == "." || t.has(lxCue) && k == j-1 {
			return rng{}
		}
		if t.low != "who" || p.ts[k-1].text != "," {
			continue
		}
		if r := p.npLeft(k-2, lo); !r.empty() && p.isName(r) && (r.a == lo || p.ts[r.a-1].kind != 'w' || clauseOpeners.set().has(p.ts[r.a-1].low)) {
			return r
		}
		return rng{}
	}
	return rng{}
}

// timePhraseLeft returns the length of a time phrase that ends at token
// j ("in the past", "in recent weeks", "a month later", "two years
// ago", "for years"), or 0.
func (p *para) timePhraseLeft(j, lo int) int {
	at := func(k int) string { return p.lowAt(k, lo) }
	w := at(j)
	switch {
	case w == "past" && at(j-1) == "the" && at(j-2) == "in":
		return 3
	case periods.set().has(w) && at(j-1) == "recent" && at(j-2) == "in":
		return 3
	case periods.set().has(w) && (at(j-1) == "for" || at(j-1) == "in"):
		return 2
	case (w == "later" || w == "earlier" || w == "ago") && periods.set().has(at(j-1)) && (isNumber(at(j-2)) || at(j-2) == "a" || at(j-2) == "an" || at(j-2) == "several" || at(j-2) == "few"):
		return 3
	}
	return 0
}

// weekdays name the days a report is dated by: "spoke Tuesday".
var weekdays = &lazyWords{build: func() map[string]bool {
	return lexicon.Set(lexicon.Weekday, lexicon.Abbrev)
}}

// periods are the units of a time phrase.
var periods = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
		"year": true, "years": true, "decade": true, "decades": true, "hours": true,
	}
}}

// isYear reports whether w is a year: "2010".
func isYear(w string) bool {
	if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// clauseOpeners end the words a clause subject may hold, leftwards: the
// subject of "…, many of whom say" starts after the comma, that of "in
// which Democrats argued" after "which".
var clauseOpeners = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"that": true, "which": true, "but": true, "because": true, "while": true,
		"when": true, "if": true, "as": true, "although": true, "though": true, "since": true,
		"after": true, "before": true, "where": true, "so": true, "yet": true,
	}
}}

// verbish words cannot sit inside a subject: a clause with one of them
// before a verb of saying is no subject but a clause of its own.
var verbish = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
		"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
		"should": true, "can": true, "may": true, "might": true, "must": true, "did": true,
		"does": true, "do": true, "not": true, "it": true, "there": true,
	}
}}

// pluralQualifiers may follow a plural opening its clause and start what
// qualifies it: "proponents of", "people close to", "attorneys for".
var pluralQualifiers = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"of": true, "close": true, "with": true, "in": true, "from": true, "who": true, "for": true,
		"familiar": true, "at": true, "inside": true, "within": true, "on": true,
	}
}}

// clauseSubject is the last resort for the core verbs of saying whose
// subject npLeft cannot read ("Experts on North Korea and nuclear
// nonproliferation said", "Those close to him say", "all the experts I
// interviewed said"): the words from the clause's start to the verb,
// when they are few, hold no verb and open like a noun phrase.
func (p *para) clauseSubject(j, lo int) rng {
	if p.ts[j].low == "to" {
		// "to say": an infinitive.
		return rng{}
	}
	for j >= lo && p.ts[j].kind == 'w' && strings.HasSuffix(p.ts[j].low, "ly") && !p.ts[j].upper && !(j > lo && (p.ts[j-1].has(lxDeterminer) || strings.HasSuffix(p.ts[j-1].low, "'s") || strings.HasSuffix(p.ts[j-1].low, "’s"))) {
		// "Democrats successfully argued", but not "the family said".
		j--
	}
	a := j + 1
	words := 0
	for k := j; k >= lo; k-- {
		t := &p.ts[k]
		if t.kind == 'q' || t.kind == 'p' && t.text != "(" && t.text != ")" && t.text != "-" && t.text != "." && t.text != "'" && t.text != "’" {
			break
		}
		if t.kind == 'w' {
			if clauseOpeners.set().has(t.low) {
				break
			}
			if verbish.set().has(t.low) || t.has(lxCue) && k < j || p.claimed[k] {
				// (The word before the verb is the subject's head
				// even when it could be a cue: "a USA TODAY analysis
				// of campaign-finance reports shows".)
				return rng{}
			}
			words++
		}
		a = k
	}
	if words == 0 || words > 10 {
		return rng{}
	}
	first := &p.ts[a]
	// "But environmentalists worry that": a bare plural opening its
	// clause.
	opens := a == lo || p.ts[a-1].kind != 'w' || clauseOpeners.set().has(p.ts[a-1].low)
	barePlural := words <= 3 && strings.HasSuffix(p.ts[j].low, "s") && !strings.HasSuffix(p.ts[j].low, "ss") && opens
	// "Indeed, proponents of more controls on hate speech say": a
	// plural opening its clause, with what qualifies it.
	if plural := first.low; opens && !first.upper && (strings.HasSuffix(plural, "s") && !strings.HasSuffix(plural, "ss") && len(plural) > 4 || plural == "people" || plural == "women" || plural == "men") && a+1 <= j && pluralQualifiers.set().has(p.ts[a+1].low) {
		barePlural = true
	}
	if first.kind != 'w' || !(first.upper || first.has(lxDeterminer) || quantifiers.set().has(first.low) || first.low == "those" || first.low == "many" || first.low == "all" || barePlural) {
		return rng{}
	}
	if first.has(lxFunctionCap) && !first.has(lxDeterminer) && !quantifiers.set().has(first.low) && first.low != "those" && first.low != "all" {
		// "In", "On", "When": a sentence opening with a phrase.
		return rng{}
	}
	return rng{a, j + 1}
}

// npLeft reads the noun phrase that ends at token j, leftwards.
func (p *para) npLeft(j, lo int) rng {
	t := &p.ts[j]
	end := j + 1
	// A bracket after a name: "Sen. Heidi Heitkamp (D-N.D.)".
	if t.text == ")" {
		k := j - 1
		for k > lo && p.ts[k].text != "(" && k > j-8 {
			k--
		}
		if k <= lo || p.ts[k].text != "(" {
			return rng{}
		}
		j = k - 1
		t = &p.ts[j]
	}
	// A trailing appositive: "Sen. X of New York, the Democratic leader,",
	// "Jeff Weaver, Sanders' campaign manager,", "X, who grew up here,",
	// "Trump, the star of “The Apprentice,”".
	titled := false
	if t.kind == 'q' && j-1 > lo && p.ts[j-1].text == "," {
		if k := j - 2; k > lo {
			for k > lo && p.ts[k].kind != 'q' && k > j-8 {
				k--
			}
			if k > lo && p.ts[k].kind == 'q' {
				if q, ok := p.quoteAt[k]; ok && q.end == j+1 && p.titleQuote(q) {
					titled = true
					j--
					t = &p.ts[j]
				}
			}
		}
	}
	if isDash(t.text) && j-1 > lo {
		// "Gingrich — mentioned by Newsmax as a choice — told": an
		// aside between dashes.
		k := j - 1
		for k > lo && !isDash(p.ts[k].text) && k > j-30 {
			k--
		}
		if k > lo && isDash(p.ts[k].text) && k < j-1 {
			if r := p.npLeft(k-1, lo); !r.empty() {
				return rng{r.a, end}
			}
		}
		return rng{}
	}
	if t.text == "," {
		k := j - 1
		for k > lo && p.ts[k].text != "," && (p.ts[k].kind != 'q' || titled) && (k > j-16 || titled && k > j-24) {
			k--
		}
		if k > lo && p.ts[k].text == "," && k < j-1 {
			if r := p.npLeft(k-1, lo); !r.empty() && p.isName(r) {
				return rng{r.a, end}
			}
		}
		return rng{}
	}
	if a := p.quantityLeft(j, lo); a >= 0 {
		// "half said", "more than 4 in 10 said", "two-thirds say".
		return rng{a, end}
	}
	if t.kind != 'w' {
		return rng{}
	}
	if ok := t.has(lxPronoun); ok || indefinites.set().has(t.low) {
		return rng{j, end}
	}
	if quantifiers.set().has(t.low) && (j == lo || p.ts[j-1].kind == 'p' || p.ts[j-1].low == "and" || p.ts[j-1].low == "but") {
		// "That attitude, many argue, could …", "Some say …".
		return rng{j, end}
	}
	headOK := capWord(t) || t.has(lxRoleNoun) || roleNouns.set().has(strings.TrimSuffix(strings.TrimSuffix(t.low, "’s"), "'s"))
	plural := !headOK && strings.HasSuffix(t.low, "s") && !t.has(lxBoundary) && !strings.HasSuffix(t.low, "ss") && len(t.low) > 3
	if !headOK && !plural && !t.has(lxBoundary) && !pronounsOrCue(t.low) {
		// "the board said", "the self-described socialist said": a
		// noun after a determiner.
		for k := j - 1; k >= lo && k >= j-7; k-- {
			w := &p.ts[k]
			if p.openingDemonstrative(k, lo) {
				// "That person said": a demonstrative opening the
				// sentence.
				headOK = true
				break
			}
			if p.pluralPossessive(k) {
				// "Flight attendants' union said".
				headOK = true
				break
			}
			if w.kind != 'w' || w.has(lxBoundary) && !w.has(lxDeterminer) && w.low != "of" && w.low != "and" || pronounsOrCue(w.low) {
				break
			}
			if w.has(lxDeterminer) && w.low != "that" || k < j && (strings.HasSuffix(w.low, "'s") || strings.HasSuffix(w.low, "’s")) {
				// "the form", "Trump's new form".
				headOK = true
				break
			}
		}
		if !headOK && t.isNumber() {
			headOK = true
		}
	}
	if !headOK && !plural {
		return rng{}
	}
	a := j
	lower := 0
	for k := j - 1; k >= lo; k-- {
		w := &p.ts[k]
		if p.pluralPossessive(k) && k-1 >= lo {
			// "The workers’ union": the owner is part of the phrase.
			k--
			a = k
			continue
		}
		if w.kind != 'w' {
			break
		}
		if w.has(lxDeterminer) || p.openingDemonstrative(k, lo) {
			a = k
			if k-2 >= lo && p.ts[k-1].low == "of" && (p.ts[k-2].upper && !p.ts[k-2].has(lxFunctionCap) || p.ts[k-2].has(lxRoleNoun)) {
				continue
			}
			break
		}
		if capWord(w) {
			a = k
			continue
		}
		if w.low == "of" && k-1 >= lo && (p.ts[k-1].upper || p.ts[k-1].has(lxRoleNoun)) {
			a = k
			continue
		}
		if w.low == "and" && k-1 >= lo && p.ts[k-1].upper && p.ts[a].upper && !p.ts[k-1].has(lxFunctionCap) {
			a = k
			continue
		}
		if (w.low == "and" || w.low == "or") && a < j && k-1 >= lo && pairedModifiers.set().has(p.ts[k-1].low) && pairedModifiers.set().has(p.ts[a].low) {
			// "current and former officials".
			a = k
			continue
		}
		if !w.upper && !w.has(lxBoundary) && !pronounsOrCue(w.low) && !strings.HasSuffix(w.low, "ly") && lower < 4 {
			lower++
			a = k
			continue
		}
		break
	}
	// Leading lowercase words must be modifiers of a noun phrase that
	// opens with a determiner, a capitalised word, the sentence or a
	// comma: otherwise they are the end of a verb phrase.
	for a < j && !p.ts[a].upper && !p.ts[a].has(lxDeterminer) {
		if a == lo || p.ts[a-1].kind != 'w' || p.ts[a-1].has(lxBoundary) {
			break
		}
		a++
	}
	if plural && a == j && !(j-2 == lo && p.ts[j-1].text == "," && p.ts[lo].kind == 'w') {
		// A bare plural is a subject only after a sentence adverb:
		// "Indeed, statistics indicate".
		return rng{}
	}
	// A share of the group: "Six in 10 Virginia voters", "three-quarters
	// of the voters", "27 percent of likely voters".
	if q := p.quantityLeft(a, lo); q >= 0 && q < a {
		a = q
	} else if of := a - 1; of-1 >= lo && p.ts[of].low == "of" || a < j && p.ts[a].low == "of" && a-1 >= lo {
		if p.ts[a].low == "of" {
			of = a
		}
		if q := p.quantityLeft(of-1, lo); q >= 0 {
			a = q
		} else if isDash(p.ts[of-1].text) {
			// "more than half — 55 percent — of Sanders supporters".
			for k := of - 2; k > lo && k > of-8; k-- {
				if isDash(p.ts[k].text) {
					if q := p.quantityLeft(k-1, lo); q >= 0 {
						a = q
					}
					break
				}
			}
		}
	}
	// "Hillary Clinton and her Democratic allies", "The mayor and his
	// aides": a coordinated subject opening its clause.
	if a-2 >= lo && p.ts[a-1].low == "and" && p.ts[a].has(lxDeterminer) {
		if l := &p.ts[a-2]; capWord(l) || l.has(lxRoleNoun) {
			if r := p.npLeft(a-2, lo); !r.empty() && r.b == a-1 && (r.a == lo || p.ts[r.a-1].kind == 'p') {
				a = r.a
			}
		}
	}
	return rng{a, end}
}

// pluralPossessive reports whether token k is the apostrophe of a
// plural's possessive: "attendants' union", "workers’ union".
func (p *para) pluralPossessive(k int) bool {
	t := p.ts[k].text
	return (t == "'" || t == "’") && k > 0 && p.ts[k-1].kind == 'w' && strings.HasSuffix(p.ts[k-1].low, "s") && k+1 < len(p.ts) && p.ts[k+1].kind == 'w'
}

// pairedModifiers are adjectives coordinated before the noun of a
// source: "current and former officials", "local and state leaders".
var pairedModifiers = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"current": true, "former": true, "past": true, "present": true, "senior": true, "junior": true,
		"local": true, "state": true, "federal": true, "national": true, "foreign": true, "domestic": true,
		"military": true, "civilian": true, "public": true, "private": true, "political": true,
		"religious": true, "business": true, "community": true, "civic": true, "elected": true,
		"american": true, "european": true, "western": true, "democratic": true, "republican": true,
	}
}}

// openingDemonstrative reports whether token k is "That" or "This"
// opening its sentence or clause, where it is a determiner ("That
// person said") rather than a pronoun.
func (p *para) openingDemonstrative(k, lo int) bool {
	t := p.ts[k].text
	return (t == "That" || t == "This") && (k == lo || p.ts[k-1].kind == 'p')
}

// shares name a part of a group: "half said", "a majority say".
var shares = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"half": true, "majority": true, "plurality": true, "minority": true,
		"third": true, "thirds": true, "quarter": true, "quarters": true, "fifth": true, "fifths": true,
		"fourth": true, "fourths": true, "tenth": true, "tenths": true,
	}
}}

// approximations may open a share: "more than 4 in 10", "nearly half".
var approximations = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"more": true, "than": true, "less": true, "fewer": true, "nearly": true, "almost": true,
		"about": true, "roughly": true, "only": true, "just": true, "over": true, "under": true,
		"around": true, "a": true, "the": true, "some": true, "barely": true,
	}
}}

// quantityLeft returns where a share of a group that ends at token j
// begins ("half", "more than 4 in 10", "two-thirds", "27 percent", "a
// majority"), or -1. The share must open its clause.
func (p *para) quantityLeft(j, lo int) int {
	w := p.ts[j].low
	a := -1
	_, frac, _ := strings.Cut(w, "-")
	switch {
	case isNumber(w) && j-2 >= lo && (p.ts[j-1].low == "in" || p.ts[j-1].low == "of") && p.ts[j-2].isNumber():
		a = j - 2
	case w == "percent" || w == "%":
		if j-1 < lo || !p.ts[j-1].isNumber() {
			return -1
		}
		a = j - 1
	case shares.set().has(w) || shares.set().has(frac):
		a = j
	case strings.HasSuffix(w, "%") && isNumber(w):
		a = j
	default:
		return -1
	}
	if a == j && a-1 >= lo && p.ts[a-1].isNumber() {
		// "three quarters", "two thirds".
		a--
	}
	for a-1 >= lo && approximations.set().has(p.ts[a-1].low) {
		a--
	}
	if a > lo && p.ts[a-1].kind == 'w' && !p.ts[a-1].has(lxBoundary) && !p.ts[a-1].has(lxCue) {
		// A share of a group after a verb is its object ("won 52
		// percent"), but after a verb of showing it opens a clause
		// ("shows 68% of Democrats say").
		return -1
	}
	return a
}

// indefinites stand for a person nobody names: "Then someone asked".
var indefinites = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"someone": true, "somebody": true, "everyone": true, "everybody": true, "nobody": true,
		"anyone": true, "anybody": true,
	}
}}

func pronounsOrCue(w string) bool {
	if ok := pronouns.set().in(w); ok {
		return true
	}
	_, ok := cues()[w]
	return ok
}

// isName reports whether r holds a capitalised word that is not a title.
func (p *para) isName(r rng) bool {
	for i := r.a; i < r.b; i++ {
		t := &p.ts[i]
		if t.kind == 'w' && t.upper && !t.has(lxTitleWord) && !t.has(lxFunctionCap) {
			return true
		}
	}
	return false
}

// npRight reads a noun phrase starting at token k. With apposition, a
// following ", the head of …" is part of it.
func (p *para) npRight(k, hi int, apposition bool) rng {
	if k >= hi || p.ts[k].kind != 'w' {
		return rng{}
	}
	t := &p.ts[k]
	if (t.low == "another" || quantifiers.set().has(t.low)) && (k+1 >= hi || p.ts[k+1].kind == 'p') {
		// "“…,” tweeted another."
		return rng{k, k + 1}
	}
	if v, ok := pronouns.set().get(t.low); ok {
		if t.low == "that" || t.low == "which" || t.low == "who" || t.low == "you" {
			return rng{}
		}
		_ = v
		return rng{k, k + 1}
	}
	i := k
	if t.has(lxDeterminer) {
		i++
	}
	head := -1
	for ; i < hi; i++ {
		w := &p.ts[i]
		if w.kind == 'p' && w.text == "(" {
			e := i + 1
			for e < hi && p.ts[e].text != ")" && e < i+8 {
				e++
			}
			if e < hi && p.ts[e].text == ")" && head >= 0 {
				i = e
				head = e
				continue
			}
			break
		}
		if w.kind != 'w' {
			break
		}
		if w.isNumber() && i+2 < hi && p.ts[i+1].text == "/" && p.ts[i+2].isNumber() {
			// "9/11 widow Terry Strada": a date as a modifier.
			i += 2
			continue
		}
		if w.upper && (!w.has(lxFunctionCap) || i == k && w.low != "according") {
			head = i
			continue
		}
		if w.low == "of" && head >= 0 && i+1 < hi && (p.ts[i+1].upper || p.ts[i+1].low == "the" && i+2 < hi && p.ts[i+2].upper) {
			continue
		}
		if w.low == "the" && i > k && p.ts[i-1].low == "of" && i+1 < hi && p.ts[i+1].upper {
			continue
		}
		if w.low == "al" || strings.HasPrefix(w.low, "al-") || strings.HasPrefix(w.low, "el-") || w.low == "bin" || w.low == "van" || w.low == "von" || w.low == "de" {
			head = i
			continue
		}
		if head >= 0 && i == head+1 && !w.upper && !w.has(lxBoundary) && !pronounsOrCue(w.low) && !pastForm(w.low) && i+1 < hi && p.ts[i+1].has(lxCue) {
			// "the New York businessman said": a common noun after a
			// name heads the phrase when a cue follows.
			head = i
			break
		}
		if head >= 0 && i == head+1 && pastForm(w.low) && !w.has(lxRoleNoun) {
			// "Hillary Clinton's right-hand woman rallied supporters":
			// a verb after a whole noun phrase.
			break
		}
		if w.has(lxRoleNoun) || (!w.has(lxBoundary) && !pronounsOrCue(w.low) && i+1 < hi && (p.ts[i+1].has(lxRoleNoun) || p.ts[i+1].upper && !weekdays.set().has(p.ts[i+1].low))) {
			if w.has(lxRoleNoun) {
				head = i
			}
			continue
		}
		break
	}
	if head < 0 && t.has(lxDeterminer) && t.low != "that" {
		// "said the 46-year-old": any words after a determiner up to
		// punctuation.
		for e := k + 1; e < hi && e <= k+5; e++ {
			if p.ts[e].kind != 'w' || p.ts[e].has(lxBoundary) || e > k+1 && (p.ts[e].has(lxCue) || pastForm(p.ts[e].low)) {
				if e > k+1 && p.ts[e].kind != 'q' {
					head = e - 1
				}
				break
			}
			if e == hi-1 {
				head = e
			}
		}
	}
	if head < 0 {
		return rng{}
	}
	end := head + 1
	if apposition && end+1 < hi && p.ts[end].text == "," && (p.ts[end+1].low == "the" || p.ts[end+1].low == "a" || p.ts[end+1].low == "an") {
		e := end + 1
		for e < hi && p.ts[e].text != "," && p.ts[e].kind != 'q' && !(p.ts[e].kind == 'p' && (p.ts[e].text == "." || p.ts[e].text == ";")) {
			e++
		}
		if e < hi && p.ts[e].text == "," {
			e++
		}
		end = e
	}
	return rng{k, end}
}

// sourceAfter reads the source after an inverted cue: a noun phrase,
// or a name after lowercase modifiers that ends the clause ("said local
// resident Jane Doe.").
func (p *para) sourceAfter(k, hi int) rng {
	if r := p.npRight(k, hi, true); !r.empty() {
		return r
	}
	for e := k; e < hi && e < k+3; e++ {
		t := &p.ts[e]
		if t.kind != 'w' || t.upper {
			if e > k && capWord(t) {
				if r := p.npRight(e, hi, true); !r.empty() && (r.b >= hi || p.ts[r.b].kind == 'p') {
					return rng{k, r.b}
				}
			}
			break
		}
		if t.has(lxBoundary) || pronounsOrCue(t.low) || t.has(lxDeterminer) || t.has(lxCue) || timeWords.set().has(t.low) {
			break
		}
	}
	return rng{}
}

// firstNP returns the subject of the sentence starting at lo: its first
// noun phrase after any opening adverbial ("During the meeting, X …").
func (p *para) firstNP(lo, hi int) rng {
	k := p.afterDateline(lo, hi)
	for tries := 0; tries < 3 && k < hi; tries++ {
		for k < hi && p.ts[k].kind != 'w' {
			if q, ok := p.quoteAt[k]; ok {
				// A quotation opening the sentence is what was said,
				// not its subject.
				k = q.end
				continue
			}
			k++
		}
		if k >= hi {
			break
		}
		opener := p.ts[k].has(lxFunctionCap) && !pronounsOrCue(p.ts[k].low) && !p.ts[k].has(lxDeterminer) || p.ts[k].has(lxBoundary) && !p.referringIt(k, hi)
		if !opener {
			if r := p.npRight(k, hi, false); !r.empty() && p.subjectLike(r) {
				return r
			}
		}
		// Skip an opening phrase or a dateline up to its comma or dash.
		e := k
		for e < hi && p.ts[e].text != "," && !(p.ts[e].kind == 'p' && (strings.HasPrefix(p.ts[e].text, "-") || p.ts[e].text == "—" || p.ts[e].text == "–")) {
			e++
		}
		k = e + 1
	}
	return rng{}
}

// referringIt reports whether "it" at k is a subject that refers to
// something ("Meanwhile, it attacked Trump, saying …"), not the empty
// subject of "it is clear" or "it seems".
func (p *para) referringIt(k, hi int) bool {
	if p.ts[k].low != "it" || k+1 >= hi {
		return false
	}
	n := p.ts[k+1].low
	return p.ts[k+1].kind == 'w' && !beForms.set().has(n) && !verbish.set().has(n) && !strings.HasPrefix(n, "seem") && !strings.HasPrefix(n, "appear")
}

// afterDateline returns the token after a dateline that opens the
// sentence at lo ("LOS ANGELES (AP) —", "BEDFORD, N.H. —"), or lo.
func (p *para) afterDateline(lo, hi int) int {
	caps := 0
	for k := lo; k < hi && k < lo+12; k++ {
		t := &p.ts[k]
		switch {
		case isDash(t.text) || t.text == "―":
			if caps > 0 {
				return k + 1
			}
			return lo
		case t.kind == 'w' && allCaps(strings.Trim(t.text, ".")):
			caps++
		case t.kind == 'w' && k > lo && p.ts[k-1].text == "," && t.upper && strings.HasSuffix(t.text, "."):
			// "BEDFORD, N.H." and "Calif.": a state after the place.
		case t.text == "," || t.text == "(" || t.text == ")" || t.text == ".":
		default:
			return lo
		}
	}
	return lo
}

// subjectLike reports whether a noun phrase can be the subject of a
// reporting clause: a name, a pronoun or a description of someone, not
// a time, a number or an adverb.
func (p *para) subjectLike(r rng) bool {
	head := &p.ts[r.b-1]
	if head.text == ")" || head.text == "," {
		return true
	}
	if timeWords.set().has(head.low) || head.isNumber() || strings.HasSuffix(head.low, "ly") && !head.upper {
		return false
	}
	if ok := head.has(lxPronoun); ok {
		return true
	}
	if r.b-r.a == 1 && strings.HasSuffix(head.low, "ly") {
		return false
	}
	// A dateline: "ORLANDO (AP) —".
	if r.b < len(p.ts) && (p.ts[r.b].text == "(" || p.ts[r.b].text == "—") && strings.ToUpper(head.text) == head.text && len(head.text) > 3 {
		return false
	}
	for i := r.a; i < r.b; i++ {
		if capWord(&p.ts[i]) || p.ts[i].has(lxRoleNoun) {
			return true
		}
	}
	return false
}

// isNumber reports whether w is written in digits or as a small number.
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != '%' {
			return numberWords.set().has(w)
		}
	}
	return true
}

var numberWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
		"seven": true, "eight": true, "nine": true, "ten": true, "dozens": true, "hundreds": true,
		"thousands": true, "millions": true,
	}
}}

// capWord reports whether t is a capitalised word that can be part of a
// name: "Baqeri", "al-Ghanmi", but not "But".
func capWord(t *tok) bool {
	if t.kind != 'w' {
		return false
	}
	if t.upper {
		return !t.has(lxFunctionCap)
	}
	if isParticle(t.low) {
		_, rest, ok := strings.Cut(t.text, "-")
		return ok && startsUpper(rest)
	}
	return false
}

// inQuote reports whether token i lies inside a closed quotation.
func (p *para) inQuote(i int) bool {
	return i >= 0 && i < len(p.inQ) && p.inQ[i]
}

// docBufs hands out the per-token arrays of a Doc's paragraphs, zeroed,
// from one array of each kind, and the paragraphs themselves: a handful
// of allocations per Doc rather than several per paragraph. An empty
// docBufs allocates each.
type docBufs struct {
	paras  []para
	flags  []bool
	idx    []int32
	cueAns []cueAnswer
	scores []float32
	// whole holds the arrays uncut, for the next Doc (see release)
	whole *docBufs
}

// docBufPool holds the arrays of docBufs from Doc to Doc: they are
// cleared, not allocated, for each.
var docBufPool = sync.Pool{New: func() any { return new(docBufs) }}

// newDocBufs returns the arrays for paras paragraphs of n tokens in all.
// release gives them back once the Doc's paragraphs are read.
func newDocBufs(paras, n int) *docBufs {
	w := docBufPool.Get().(*docBufs)
	w.paras = reuse(w.paras, paras)
	w.flags = reuse(w.flags, 2*n)
	w.idx = reuse(w.idx, n)
	w.cueAns = reuse(w.cueAns, n)
	w.scores = reuse(w.scores, n)
	return &docBufs{paras: w.paras, flags: w.flags, idx: w.idx, cueAns: w.cueAns, scores: w.scores, whole: w}
}

// release gives the arrays back to docBufPool. The paragraphs are
// cleared first: the pool must not keep a Doc's text or tokens alive.
func (b *docBufs) release() {
	w := b.whole
	if w == nil {
		return
	}
	b.whole = nil
	clear(w.paras)
	docBufPool.Put(w)
}

// reuse returns s cut or grown to n elements, all zero.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (b *docBufs) para() *para {
	if len(b.paras) == 0 {
		return &para{}
	}
	p := &b.paras[0]
	b.paras = b.paras[1:]
	return p
}

// take cuts n zeroed elements off the front of *pool, or makes them
// when the pool holds fewer.
func take[T any](pool *[]T, n int) []T {
	if len(*pool) < n {
		return make([]T, n)
	}
	s := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return s
}
