package quote

import (
	"strings"
	"unicode"
)

// adverbial words may sit between a cue and the "that" opening its
// content: "said in a statement on Monday that".
var adverbial = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"on": true, "in": true, "at": true, "during": true, "after": true, "before": true, "to": true,
		"with": true, "by": true, "from": true, "for": true, "of": true, "a": true, "an": true,
		"the": true, "his": true, "her": true, "their": true, "its": true, "this": true, "last": true,
		"earlier": true, "later": true, "statement": true, "interview": true, "speech": true,
		"reporters": true, "journalists": true, "conference": true, "press": true, "news": true,
		"meeting": true, "rally": true, "event": true, "call": true, "week": true, "month": true,
		"year": true, "day": true, "morning": true, "afternoon": true, "evening": true, "night": true,
		"recent": true, "also": true, "previously": true, "him": true, "her,": true, "them": true,
		"me": true, "us": true, "audience": true, "crowd": true, "supporters": true, "told": true,
		"recently": true, "repeatedly": true, "once": true, "again": true, "has": true, "had": true,
		"television": true, "radio": true, "tweet": true, "post": true, "letter": true, "email": true,
		"phone": true, "telephone": true, "briefing": true, "remarks": true, "joint": true,
		"appearance": true, "program": true, "show": true, "today": true, "yesterday": true,
		"here": true, "there": true, "separate": true, "written": true, "sunday": true,
	}
}}

// tailOpeners start what may follow a closing attribution: "…, he said
// in a statement on Monday", "…, she said, citing a report".
var tailOpeners = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"in": true, "on": true, "at": true, "after": true, "during": true, "before": true,
		"citing": true, "according": true, "told": true, "while": true, "when": true, "from": true,
		"last": true, "earlier": true, "later": true, "this": true, "today": true, "yesterday": true,
	}
}}

// indirect finds reported speech in sentence si, tokens [lo, hi).
func (p *para) indirect(si, lo, hi int) {
	// "Sanders: It is not a radical idea": a headline or transcript
	// giving a name, a colon and what was said.
	if a := p.colonHeadline(si, lo, hi); a != nil {
		p.add(a)
	}
	// "In a new Post-ABC News poll, …", "As reported by X, …": a source
	// opening the sentence in a phrase.
	if a := p.sourcePhrase(si, lo, hi); a != nil {
		p.add(a)
	}
	// "Trump leads by 15 points in the new poll.": a poll closing the
	// sentence holds what came before.
	if a := p.pollTail(si, lo, hi); a != nil {
		p.add(a)
	}
	// "Asked whether …, X said": the question is attributed to the
	// subject of the main clause.
	if a := p.askedOpener(si, lo, hi); a != nil {
		p.add(a)
	}
	// "According to X, …" opening the sentence.
	if s := p.clauseStart(lo, hi); s+1 < hi && p.ts[s].low == "according" && !p.claimed[s] {
		if _, cr, ok := p.isCue(s); ok {
			if a := p.according(si, lo, hi, cr); a != nil {
				p.add(a)
			}
		}
	}
	// Attributions that close the sentence ("…, he said.") first: they
	// hold the cues inside their content.
	for i := lo; i < hi; i++ {
		if p.claimed[i] || p.ts[i].low == "according" || p.inQuote(i) {
			continue
		}
		kind, cr, ok := p.isCue(i)
		if !ok || !p.free(cr) {
			continue
		}
		if a := p.verb(si, lo, hi, kind, cr, true); a != nil {
			p.add(a)
		}
	}
	// "X seemed poised to win", "X is expected to …": an impression
	// without a source.
	p.impressions(si, lo, hi)
	// "Trump's attacks on Clinton", "his claim that …": a noun of
	// saying with its owner.
	p.nounCues(si, lo, hi)
	// Say and tell first: a weaker cue before them would take their
	// clause as its content.
	p.reported(si, lo, hi, true)
	p.reported(si, lo, hi, false)
	p.passiveBy(si, lo, hi)
}

// coreCues are the verbs of saying that win over any other cue in their
// sentence.
var coreCues = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"said": true, "says": true, "say": true, "told": true, "tells": true, "according": true,
	}
}}

// reported finds reported speech around the cues left, in text order:
// the core verbs of saying, or the others.
func (p *para) reported(si, lo, hi int, core bool) {
	for i := lo; i < hi; i++ {
		if p.claimed[i] || p.inQuote(i) || p.ts[i].has(lxCoreCue) != core {
			continue
		}
		kind, cr, ok := p.isCue(i)
		if !ok || !p.free(cr) {
			continue
		}
		if core && p.thatBefore(lo, i, hi, false) {
			// "X pointed out that Y said …": the outer cue reports it
			// all.
			continue
		}
		var a *attr
		if p.ts[i].low == "according" {
			a = p.according(si, lo, hi, cr)
		} else {
			a = p.verb(si, lo, hi, kind, cr, false)
		}
		if a == nil {
			continue
		}
		p.add(a)
		if e := a.content[len(a.content)-1].b; e > i {
			i = e - 1
		}
	}
}

// sayBefore reports whether a verb of saying or thinking opens the
// clause that reaches token i: "Sanders said (that) Trump's attacks …".
func (p *para) sayBefore(lo, i int) bool {
	for k := i - 1; k >= lo; k-- {
		t := &p.ts[k]
		if t.text == "," && k > lo && p.ts[k-1].has(lxCoreCue) && !p.claimed[k-1] {
			// "In contrast, Berkman said, there seem to be …".
			return true
		}
		if p.claimed[k] || t.kind != 'w' {
			return false
		}
		if kind, cr, ok := p.isCue(k); ok && cr.b <= i && (kind == cueSay || kind == cueThink) {
			return true
		}
	}
	return false
}

// thatBefore reports whether a cue before token i, in the same
// sentence [lo, hi), opens a that-clause holding i. A clause with a
// subject and cue of its own ends the that-clause before it
// ("X warned that …, and Y said …").
func (p *para) thatBefore(lo, i, hi int, core bool) bool {
	for k := i - 1; k >= lo; k-- {
		t := &p.ts[k]
		if p.claimed[k] || t.kind == 'q' || t.text == ";" || t.text == ":" {
			return false
		}
		if (t.low == "but" || t.low == "yet" || t.low == "while") && k > lo && p.ts[k-1].text == "," {
			// "X agreed that …, but he said …": a clause of its own.
			return false
		}
		if t.low != "that" || k == lo {
			continue
		}
		c := k - 1
		for c > lo && (adverbial.set().has(p.ts[c].low) || p.ts[c].text == ",") && !p.ts[c].has(lxCoreCue) {
			c--
		}
		if c > lo && p.ts[c].low == "out" {
			c--
		}
		if c < k-4 || p.ts[c].has(lxCoreCue) && !core {
			continue
		}
		if _, cr, ok := p.isCue(c); ok && p.free(cr) && cr.b <= k {
			return p.contentEnd(k, hi) > i
		}
	}
	return false
}

// clauseStart returns where the clause before token k begins: after the
// last claimed token or at the sentence start, skipping a leading
// conjunction.
func (p *para) clauseStart(lo, k int) int {
	s := lo
	for i := k - 1; i >= lo; i-- {
		if p.claimed[i] {
			s = i + 1
			break
		}
	}
	for s < k && (p.ts[s].kind == 'p' && p.ts[s].kind != 'q' || p.ts[s].has(lxFunctionCap) && (p.ts[s].low == "but" || p.ts[s].low == "and" || p.ts[s].low == "so" || p.ts[s].low == "yet")) {
		s++
	}
	return s
}

// contentEnd returns the end of content that starts at s and runs to the
// end of its clause: the sentence end without its final stop, or before
// ", adding", ", according to" and other attributions.
func (p *para) contentEnd(s, hi int) int {
	e := hi
	for m := s + 1; m < hi; m++ {
		if p.claimed[m] {
			e = m
			break
		}
		t := &p.ts[m]
		if t.kind != 'p' && !t.has(lxClauseConj) {
			// every test below needs a mark or a conjunction of
			// clauseConj ("but", "while", "whereas", "and")
			continue
		}
		if t.text == ";" {
			e = m
			break
		}
		if t.text == "," && m+1 < hi {
			n := &p.ts[m+1]
			// ", said": the main clause's cue after a relative clause
			// ("Humphrey, who calls Trump a “sociopath,” said …").
			// So does ", adding" after a closing quotation mark
			// ("…, “… this race,” adding that …").
			closing := false
			if n.kind == 'q' && m+2 < hi && (p.ts[m+2].has(lxCoreCue) || progressive().has(p.ts[m+2].low) && p.ts[m+2].has(lxCue)) {
				n = &p.ts[m+2]
				closing = true
			}
			if n.low == "according" || progressive().has(n.low) && n.has(lxCue) || n.has(lxCoreCue) {
				e = m
				if closing && p.closesFrom(s, m+1) {
					// The quotation opened in the content ends with it.
					e = m + 2
				}
				break
			}
		}
		// ", but Jones said …", "while Smith says …": another speaker's
		// statement starts.
		if (t.low == "but" || t.low == "while" || t.low == "whereas") && m > s+2 && p.ts[m-1].text == "," && p.nextSpeaker(m+1, hi) {
			e = m - 1
			break
		}
		// ", while Democrats defended …", "- and celebrated …": a
		// clause of its own with a subject and a cue.
		if m > s+2 && opensClause(t) && p.clauseCue(m, hi) {
			e = m
			if p.ts[m-1].text == "," {
				e = m - 1
			}
			break
		}
		if t.low == "and" && m+1 < hi && m > s+2 {
			if k, ok := p.ts[m+1].cue, p.ts[m+1].has(lxCue); ok && (k == cueSay || k == cueTell) && !progressive().has(p.ts[m+1].low) && strings.HasSuffix(p.ts[m+1].low, "ed") || p.ts[m+1].low == "said" {
				e = m
				if p.ts[m-1].text == "," {
					e = m - 1
				}
				break
			}
		}
	}
	for e > s {
		t := &p.ts[e-1]
		if t.kind == 'p' && strings.ContainsAny(t.text, ".?!;:,-—–") && t.text != "..." {
			e--
			continue
		}
		break
	}
	return e
}

// subjectPronouns open a clause as its subject.
var subjectPronouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}
}}

// pronounClause ends a content that runs from s to e before a clause
// coordinated with a pronoun as its subject: "promising lower taxes,
// but he has also intensified …".
func (p *para) pronounClause(s, e int) int {
	for m := s + 2; m+2 < e; m++ {
		if p.ts[m].text == "," && (p.ts[m+1].low == "but" || p.ts[m+1].low == "and" || p.ts[m+1].low == "while" || p.ts[m+1].low == "yet") && subjectPronouns.set().has(p.ts[m+2].low) {
			return m
		}
	}
	return e
}

// closesFrom reports whether the quotation mark at k closes a quotation
// that opens at or after token s.
func (p *para) closesFrom(s, k int) bool {
	for _, q := range p.qs {
		if q.end == k+1 && q.start >= s {
			return true
		}
	}
	return false
}

// clauseConj may open a clause coordinated with the one before.
var clauseConj = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"while": true, "whereas": true, "but": true, "and": true, "as": true, "when": true,
		"where": true, "after": true, "though": true, "although": true, "even": true,
	}
}}

// opensClause reports whether t, a comma, dash or conjunction, may open
// the clause clauseCue looks for.
func opensClause(t *tok) bool {
	if t.kind == 'p' {
		return t.text == "," || t.text == "-" || t.text == "—" || t.text == "–" || t.text == "--"
	}
	return t.has(lxClauseConj)
}

// clauseCue reports whether a new clause with its own attribution starts
// at token m: a comma, dash or conjunction, then a subject and a cue
// ("…, many said Monday that", "… while Democrats defended", "… and
// celebrated the ruling").
func (p *para) clauseCue(m, hi int) bool {
	t := &p.ts[m]
	if !opensClause(t) {
		return false
	}
	k := m + 1
	for k < hi && (p.ts[k].has(lxClauseConj) || p.ts[k].text == ",") {
		k++
	}
	if t.text == "," && k+1 < hi && p.ts[k].low == "compared" && (p.ts[k+1].low == "with" || p.ts[k+1].low == "to") {
		// "…, compared with 64 percent who say …".
		k += 2
	}
	if k >= hi || p.ts[k].kind != 'w' {
		return false
	}
	// The same subject: "and celebrated the ruling", "and then
	// tweeted".
	if t.low == "and" || t.low == "but" || k > m+1 && (p.ts[k-1].low == "and" || p.ts[k-1].low == "but") {
		v := k
		for v < hi && v < k+2 && p.ts[v].has(lxSkippable) {
			v++
		}
		// Only a verb in the past, as reports are told: "and
		// believe that …" after "said the two countries have …"
		// belongs to what was said.
		if v < hi && pastForm(p.ts[v].low) {
			if kind, _, ok := p.isCue(v); ok && kind != cueObject && !progressive().has(p.ts[v].low) {
				return true
			}
		}
	}
	// A share of a group: "and more than 4 in 10 said".
	for v := k + 1; v < hi && v <= k+6; v++ {
		if p.ts[v].has(lxCoreCue) && p.ts[v].low != "according" {
			e := v - 1
			if p.ts[e].low == "who" && e > k {
				// "compared with 64 percent who say".
				e--
			}
			if q := p.quantityLeft(e, k); q == k {
				return true
			}
			// "while only 49 percent of Republicans say".
			if r := p.npLeft(e, k); !r.empty() && (r.a == k || r.a == k+1 && approximations.set().has(p.ts[k].low)) && p.holdsShare(r) {
				return true
			}
			break
		}
	}
	// A subject of up to five words, then adverbs and auxiliaries, then
	// the cue.
	n := 0
	for k < hi && n < 5 && p.ts[k].kind == 'w' {
		w := p.ts[k].low
		if pron := p.ts[k].has(lxPronoun); pron && w != "that" && w != "which" && w != "who" {
			k++
			n++
			break
		}
		if p.ts[k].lx&(lxBoundary|lxCue) != 0 {
			break
		}
		if _, _, ok := p.isCue(k); ok && n > 0 && !(k+1 < hi && questionAux.set().has(p.ts[k+1].low)) {
			// A cue the model found ("and Republicans want …"), not a
			// noun before its verb ("and Turkish sides were …").
			break
		}
		k++
		n++
	}
	if n == 0 {
		return false
	}
	for k < hi && (p.ts[k].has(lxSkippable) || p.ts[k].low == "not" || p.ts[k].low == "would" || p.ts[k].low == "will" || p.ts[k].low == "have" || p.ts[k].low == "has") {
		k++
	}
	if k >= hi {
		return false
	}
	// "…, and Hillary Clinton is promising to …": a progressive after
	// its auxiliary is the clause's verb.
	w := p.ts[k-1].low
	be := w == "is" || w == "are" || w == "was" || w == "were"
	_, _, ok := p.isCue(k)
	return ok && (be || !progressive().has(p.ts[k].low))
}

// holdsShare reports whether the noun phrase r names a share of a group:
// "only 49 percent of Republicans".
func (p *para) holdsShare(r rng) bool {
	for k := r.a; k < r.b; k++ {
		if w := p.ts[k].low; w == "percent" || w == "%" || shares.set().has(w) || strings.HasSuffix(w, "%") {
			return true
		}
	}
	return false
}

// pastForm reports whether w looks like a verb in the past tense.
func pastForm(w string) bool {
	switch w {
	case "said", "told", "wrote", "thought", "felt", "knew", "swore", "found", "forecast":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

func isCueWord(w string) bool { _, ok := cues()[w]; return ok }

// words counts the word tokens in r.
func (p *para) words(r rng) int {
	n := 0
	for i := r.a; i < r.b; i++ {
		if p.ts[i].kind == 'w' {
			n++
		}
	}
	return n
}

// appositionBefore reports whether the comma at j closes a name with
// its apposition, which is the subject of the cue after it: "Ivanka
// Trump, the nominee's eldest daughter, noted the rule".
func (p *para) appositionBefore(j, lo int) bool {
	if p.ts[j].text != "," {
		return false
	}
	r := p.npLeft(j, lo)
	return !r.empty() && r.b == j+1 && (r.a == lo || p.ts[r.a-1].kind == 'p')
}

// according reads "According to X, …" and "…, according to X".
func (p *para) according(si, lo, hi int, cr rng) *attr {
	src := p.npRight(cr.b, hi, false)
	if src.empty() {
		// "according to the Iranian media reported": take words up to
		// the comma.
		e := cr.b
		for e < hi && p.ts[e].kind == 'w' && e < cr.b+8 {
			e++
		}
		if e == cr.b {
			return nil
		}
		src = rng{cr.b, e}
	}
	if k := src.b; k+1 < hi && (p.ts[k].low == "by" || p.ts[k].low == "from") && evidence.set().has(p.ts[src.b-1].low) {
		// "according to an analysis by the Pew Research Center": the
		// author of the document is part of the source.
		if r := p.npRight(k+1, hi, false); !r.empty() && p.isName(r) {
			src.b = r.b
		}
	}
	if cr.a-1 > lo && (p.ts[cr.a-1].text == "," || isDash(p.ts[cr.a-1].text)) {
		// (The comma itself may be claimed, by the content of an
		// attribution the relay takes: "Police have said …, according
		// to attorneys for the family.")
		// Content before: "…, according to X."
		if e := src.b; e+3 <= hi && p.ts[e].kind == 'w' && !p.ts[e].has(lxBoundary) && !p.ts[e].upper {
			// "according to the top British medical journal.": the
			// source's lowercase nouns up to the sentence's end.
			for e < hi && e < src.b+3 && p.ts[e].kind == 'w' && !p.ts[e].has(lxBoundary) {
				e++
			}
			if e < hi && p.ts[e].kind == 'p' && p.ts[e].text != "," || e == hi {
				src.b = e
			}
		}
		s := p.clauseStart(lo, cr.a-1)
		// It may be the agency relaying an attribution already found.
		for _, a := range p.attrs {
			for _, c := range a.content {
				if c.b >= s-2 && c.b <= cr.a && !a.source.empty() && a.via == "" && max(a.cue.a, a.source.a) >= lo {
					a.via = agencyName(p.ts[src.a:src.b])
					a.viaSrc, a.viaCue = src, cr
					p.claim(rng{cr.a, src.b})
					return nil
				}
			}
		}
		e := cr.a - 1
		// "Fundraising, according to the campaign, has surged": the
		// content runs on after the aside.
		k := src.b
		if k+1 < hi && p.ts[k].text == "," && p.ts[k+1].kind == 'w' {
			if end := p.contentEnd(k+1, hi); p.words(rng{k + 1, end}) >= 2 && p.free(rng{k + 1, end}) {
				if p.words(rng{s, e}) >= 1 {
					return &attr{content: []rng{{s, e}, {k + 1, end}}, cue: cr, source: src, sentence: si}
				}
			}
		}
		if p.words(rng{s, e}) < 2 {
			return nil
		}
		return &attr{content: []rng{{s, e}}, cue: cr, source: src, sentence: si}
	}
	// Content after: "According to X, …".
	k := src.b
	if n := k + 1; k+2 < hi && p.ts[k].text == "," && (p.ts[n].has(lxDeterminer) && !p.ts[n].has(lxPronounTrue) || strings.HasSuffix(p.ts[n].low, "'s") || strings.HasSuffix(p.ts[n].low, "’s") || capWord(&p.ts[n]) && !p.ts[n].has(lxBoundary)) {
		// "According to Lorella Praeli, Clinton's Latino vote director,
		// the campaign …": an apposition to the source.
		for e := k + 2; e < hi-2 && e <= k+10; e++ {
			if p.ts[e].text == "," {
				if p.words(rng{k + 1, e}) >= 2 && p.words(rng{e + 1, p.contentEnd(e+1, hi)}) >= 3 && !commonVerbs.set().has(p.ts[k+1].low) {
					src.b = e
					k = e
				}
				break
			}
			if p.ts[e].kind != 'w' || p.ts[e].low == "that" || pastForm(p.ts[e].low) && p.ts[e].low != "based" {
				break
			}
		}
	}
	for k < hi && (p.ts[k].text == "," || p.ts[k].kind == 'w' && !p.ts[k].upper && k < src.b+3 && p.ts[k].low != "that") {
		if p.ts[k].text == "," {
			k++
			break
		}
		k++
	}
	if k < hi && p.ts[k].low == "that" {
		k++
	}
	e := p.contentEnd(k, hi)
	if p.words(rng{k, e}) < 2 {
		return nil
	}
	return &attr{content: []rng{{k, e}}, cue: cr, source: src, sentence: si}
}

// verb reads reported speech around the reporting verb at cr.
func (p *para) verb(si, lo, hi int, kind cueKind, cr rng, final bool) *attr {
	i := cr.a
	var src rng
	inverted := false
	if i > lo && (p.ts[i-1].text == "," || p.ts[i-1].kind == 'q') && kind == cueSay && !ingForm(p.ts[i].low) && !(cr.b < hi && (p.ts[cr.b].low == "of" || p.ts[cr.b].low == "about")) && !p.appositionBefore(i-1, lo) {
		// "…, said Sen. X." – the source after the cue, closing the
		// sentence or followed by an apposition or an adverbial.
		r := p.sourceAfter(cr.b, hi)
		if !r.empty() {
			e := r.b
			for e < hi && p.ts[e].kind == 'p' && p.ts[e].text == "," {
				e++
			}
			pron := p.ts[r.a].has(lxPronoun)
			if r.b == r.a+1 && (timeWords.set().has(p.ts[r.a].low) || isYear(p.ts[r.a].low)) {
				// "…, R-Ky., said Tuesday.": a time, not a source.
				pron = true
			}
			switch p.ts[r.a].low {
			case "those", "these", "this", "that":
				// "…, reiterated those feelings": an object.
				pron = true
			}
			if !pron && (e >= hi || p.ts[e].kind == 'p' || e > r.b || tailOpeners.set().has(p.ts[e].low) || p.ts[e].low == "who" || p.ts[e].low == "whose" || p.ts[e].low == "referring" || p.ts[e].low == "adding") {
				src, inverted = r, true
			}
		}
	}
	if src.empty() {
		src = p.subjectOf(i, lo)
		if r := p.subjectBeforeAsides(src, i, lo); !r.empty() {
			src = r
		}
	}
	if !src.empty() && !inverted && !final && gainVerbs.set().has(p.ts[i].low) && src.b <= i {
		// "The proposal has drawn harsh criticism from fellow
		// hopefuls": those it drew from are the source, and the
		// subject is what they judged.
		if a := p.reaction(si, i, hi, src); a != nil {
			return a
		}
	}
	if src.empty() && ingForm(p.ts[i].low) && !final {
		// "After saying he was nervous, the man …": a participle
		// opening the sentence takes the subject of the main clause,
		// and its clause is what was said.
		if r, comma := p.subjectAfterOpener(i, lo, hi); !r.empty() && p.free(rng{cr.b, comma}) {
			return &attr{content: []rng{{cr.b, comma}}, cue: cr, source: r, sentence: si}
		}
	}
	noSource := false
	if src.empty() {
		// "…, saying that …" whose subject could not be found: an
		// attribution without a source.
		if i == lo || !(ingForm(p.ts[i].low) || p.ts[i-1].low == "and") || final {
			return nil
		}
		noSource = true
	}
	if !inverted && src.a > i {
		return nil
	}
	if !inverted && !noSource && !final && i > lo && participleOnly.set().has(p.ts[i].low) {
		// "the contests known as Super Tuesday", "a state seen as
		// critical": a participle without its auxiliary qualifies the
		// noun before it, which is not the source; what is known or
		// seen has none.
		a := i - 1
		for a > lo && adverb(&p.ts[a]) {
			a--
		}
		if w := p.ts[a].low; !beForms.set().has(w) && w != "has" && w != "have" && w != "had" && !contracted(w) {
			src, noSource = rng{}, true
		}
	}
	if !inverted && src.b == src.a+1 && p.ts[src.a].low == "that" && !p.ts[i].has(lxCoreCue) && !final {
		// "a law that allows …", "a report that found …": a relative
		// clause, whose pronoun is seldom the source as annotated;
		// what it reports is kept without one.
		src, noSource = rng{}, true
	}
	// "Do you support Donald Trump?": a question asks, it reports
	// nothing.
	if !inverted && !src.empty() && src.a > lo && questionAux.set().has(p.ts[src.a-1].low) && p.ts[hi-1].text == "?" {
		return nil
	}
	if !inverted && !noSource && !final && p.ts[i].participle() && cr.b+1 < hi && p.ts[cr.b].low == "by" {
		// "Scully's involvement was first reported by the New York
		// Times": a passive, whose agent is the source and subject
		// the content.
		if ag := p.npRight(cr.b+1, hi, false); !ag.empty() && p.free(ag) && src.b <= i {
			return &attr{content: []rng{src}, cue: cr, source: ag, sentence: si}
		}
	}
	// The tail after the cue (and an inverted source).
	tailStart := cr.b
	if inverted {
		tailStart = src.b
	}
	thatAt := -1
	for w := tailStart; w < hi && w < tailStart+10; w++ {
		t := &p.ts[w]
		if t.low == "that" {
			thatAt = w
			break
		}
		if t.text == "," || t.low == "however" || t.low == "though" || t.low == "too" {
			continue
		}
		if t.kind != 'w' || !(adverbial.set().has(t.low) || t.upper || unicode.IsDigit(firstRune(t.text))) {
			break
		}
	}
	tailEnd := p.contentEnd(tailStart, hi)
	tailWords := p.words(rng{tailStart, tailEnd})
	maxTail := 6
	if kind == cueTell {
		// "told reporters", not "told a joke".
		maxTail = 4
	}
	shortTail := tailWords <= maxTail || tailWords <= 12 && tailStart < tailEnd && (tailOpeners.set().has(p.ts[tailStart].low) || progressive().has(p.ts[tailStart].low))
	if shortTail && kind != cueTell && tailWords >= 3 && tailStart < tailEnd {
		// "…, Ham also noted several intangibles left him …": what
		// follows the cue is what was said, not an adverbial.
		if t := p.ts[tailStart]; t.kind == 'w' && !adverbial.set().has(t.low) && !tailOpeners.set().has(t.low) && !timeWords.set().has(t.low) && !progressive().has(t.low) && !t.upper && !t.has(lxSkippable) {
			shortTail = false
		}
	}
	circ := false
	if !shortTail && thatAt < 0 {
		// "…, lawmakers said Friday afternoon, as they bristled at …":
		// a time, then a clause of circumstance, is no content.
		k := tailStart
		for k < tailEnd && k < tailStart+3 && (timeWords.set().has(p.ts[k].low) || weekdays.set().has(p.ts[k].low)) {
			k++
		}
		if k > tailStart && k+1 < tailEnd && p.ts[k].text == "," && circumstance.set().has(p.ts[k+1].low) {
			shortTail, circ = true, true
		}
	}
	if !shortTail && kind == cueTell && thatAt < 0 {
		// "…, Graham told The Huffington Post on Thursday.": a named
		// addressee, then a time or a place.
		if r := p.npRight(tailStart, hi, false); !r.empty() && p.isName(r) && r.b <= tailEnd && p.words(r) <= 6 {
			rest := p.words(rng{r.b, tailEnd})
			shortTail = rest == 0 || rest <= 5 && tailOpeners.set().has(p.ts[r.b].low)
		}
	}
	if q := tailStart; q+1 < hi && (p.ts[q].text == "," || p.ts[q].text == ":") && p.ts[q+1].kind == 'q' && p.words(rng{q + 1, tailEnd}) >= 2 {
		// "…, Lazar said he … and added, “I'll plead guilty.”": the
		// quotation after the cue is what was said.
		shortTail = false
	}
	// Content before the source: "…, he said." / "…, said X."
	commaBefore := !noSource && src.a > lo && (p.ts[src.a-1].text == "," || p.ts[src.a-1].kind == 'q')
	if w := p.ts[src.a].low; !inverted && src.b == src.a+1 && (w == "which" || w == "who" || w == "that") {
		// "…, which first reported the story": a relative clause on
		// the noun before, which is not what was reported.
		commaBefore = false
	}
	if inverted {
		commaBefore = true
	}
	colonEnd := cr.b == len(p.ts)-1 && p.ts[cr.b].text == ":"
	if (kind == cueSay || kind == cueTell || kind == cueThink) && (inverted || thatAt < 0 && shortTail && commaBefore && !colonEnd) {
		b := src.a - 1
		if inverted {
			b = i - 1
		}
		s := p.clauseStart(lo, b)
		// "Later in the day, the FBI said it would cooperate": an
		// opening adverbial, not what was said. A teller's addressee
		// is no content after the cue ("…, Carter told a Senate
		// panel").
		said := tailWords
		if circ {
			said = 0
		}
		if kind == cueTell {
			if r := p.npRight(tailStart, hi, false); !r.empty() {
				said = p.words(rng{r.b, tailEnd})
			}
		}
		if !inverted && said >= 2 && p.words(rng{s, b}) <= 10 && (p.ts[s].has(lxFunctionCap) || p.ts[s].has(lxBoundary) || timeWords.set().has(p.ts[s].low)) {
			s = b
		}
		if p.words(rng{s, b}) >= 3 && p.free(rng{s, b}) {
			a := &attr{content: []rng{{s, b}}, cue: cr, source: src, sentence: si}
			if b < len(p.ts) && p.ts[b].kind == 'q' && p.ts[s].kind == 'q' && p.free(rng{b, b + 1}) {
				// "“…,” Senator X, R-Ky., said Tuesday.": the quotation
				// with its closing mark.
				a.content[0].b = b + 1
				a.direct = true
			}
			return a
		}
		if inverted {
			return nil
		}
	}
	if inverted || final {
		return nil
	}
	// Content after the cue.
	s := cr.b
	switch {
	case thatAt >= 0:
		s = thatAt
	case kind == cueTell:
		// Skip the addressee: "told reporters", "told The Times".
		if r := p.npRight(s, hi, false); !r.empty() {
			s = r.b
		} else if s < hi && (p.ts[s].low == "him" || p.ts[s].low == "her" || p.ts[s].low == "them" || p.ts[s].low == "me" || p.ts[s].low == "us") {
			s++
		}
		// "told The Star-Ledger last week she …": a time after the addressee.
		for s+1 < hi && (p.ts[s].low == "last" || p.ts[s].low == "this" || p.ts[s].low == "on" || p.ts[s].low == "earlier") && timeWords.set().has(p.ts[s+1].low) {
			s += 2
		}
		for s < hi && (timeWords.set().has(p.ts[s].low) || p.ts[s].low == "recently") && s+1 < hi && p.ts[s+1].kind == 'w' {
			s++
		}
	}
	for s < hi && (p.ts[s].text == ":" || p.ts[s].text == ",") {
		s++
	}
	if s >= hi || !p.free(rng{s, s + 1}) {
		return nil
	}
	e := p.contentEnd(s, hi)
	if kind == cueObject || kind == cueThink {
		// What is held or done ends before another clause.
		e = p.pronounClause(s, e)
	}
	min := 2
	if e == s+1 && capWord(&p.ts[s]) && !p.ts[s].has(lxFunctionCap) {
		// "Flight attendants' union endorses Clinton.": a name is
		// what is endorsed or attacked.
		min = 1
	}
	if p.words(rng{s, e}) < min {
		return nil
	}
	if kind == cueObject && thatAt < 0 && p.ts[s].kind == 'p' {
		return nil
	}
	if src.b == src.a+1 && (p.ts[src.a].low == "who" || p.ts[src.a].low == "which") && src.a > lo && p.ts[src.a-1].text == "," {
		// "Reid, who endorsed Clinton in February, reiterated …": the
		// relative clause ends at its comma.
		for k := s + 1; k+1 < e; k++ {
			if p.ts[k].text == "," && p.ts[k+1].kind == 'w' && (pastForm(p.ts[k+1].low) || p.ts[k+1].has(lxCue) || p.ts[k+1].has(lxSkippable)) {
				e = k
				break
			}
		}
	}
	content := []rng{{s, e}}
	if commaBefore && thatAt < 0 && kind == cueSay && cr.b < hi && p.ts[cr.b].text == "," && src.b >= cr.a-2 && src.b <= cr.a {
		// "The plan, he said, will fail": what was said runs on both
		// sides of the cue.
		b := src.a - 1
		if l := p.clauseStart(lo, b); l < b && p.free(rng{l, b}) && !(p.ts[l].has(lxFunctionCap) && !p.ts[l].has(lxDeterminer) && p.words(rng{l, b}) <= 3) {
			// Not an opening adverbial: "In contrast, Berkman said,
			// there seem to be …".
			content = []rng{{l, b}, {s, e}}
		}
	}
	return &attr{content: content, cue: cr, source: src, sentence: si}
}

// subjectBeforeAsides returns the name that opens the sentence when the
// source found for the cue at i lies in the asides set off by commas
// between that name and the cue: "Cory James, 22, of Flint, Mich.,
// said", "Clinton, during a town hall in Columbus, Ohio, said". It
// returns nothing when the source is not in such asides.
func (p *para) subjectBeforeAsides(src rng, i, lo int) rng {
	if src.empty() || i-1 <= lo || p.ts[i-1].text != "," || src.b > i {
		return rng{}
	}
	s := p.afterDateline(lo, i)
	r := p.npRight(s, i, false)
	if r.empty() || r.a != s || r.b >= src.a || p.ts[r.b].text != "," || !p.isName(r) || !p.subjectLike(r) {
		return rng{}
	}
	for k := r.b; k < i; k++ {
		t := &p.ts[k]
		if t.kind == 'q' || t.text == ";" || t.text == ":" || isDash(t.text) || t.kind == 'w' && (t.has(lxCue) || clauseWords.set().has(t.low)) {
			return rng{}
		}
	}
	return r
}

// clauseWords open or join clauses: asides holding one are no mere
// appositions.
var clauseWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"and": true, "but": true, "or": true, "nor": true, "that": true, "which": true, "who": true,
		"whom": true, "whose": true, "when": true, "while": true, "if": true, "because": true,
		"although": true, "though": true, "so": true, "as": true, "than": true, "where": true,
		"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	}
}}

// participleOnly are past participles that are never a simple past.
var participleOnly = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"seen": true, "known": true, "shown": true, "written": true, "given": true, "taken": true,
		"spoken": true, "drawn": true, "chosen": true, "proven": true,
	}
}}

// gainVerbs take a reaction from others: "drew criticism from",
// "received the endorsement of".
var gainVerbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"drew": true, "draw": true, "draws": true, "drawn": true, "drawing": true,
		"received": true, "receive": true, "receives": true, "receiving": true,
		"won": true, "win": true, "wins": true, "winning": true, "got": true, "gets": true,
		"attracted": true, "attracts": true, "earned": true, "earns": true, "garnered": true,
		"garners": true, "picked": true, "enjoys": true, "enjoyed": true,
	}
}}

// reactionNouns are what a gain verb takes from its source.
var reactionNouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"criticism": true, "support": true, "endorsement": true, "endorsements": true,
		"concern": true, "concerns": true, "praise": true, "fire": true, "backing": true,
		"applause": true, "condemnation": true, "rebuke": true, "rebukes": true, "scorn": true,
		"complaints": true, "opposition": true, "attention": true, "ire": true, "outrage": true,
		"backlash": true, "protests": true, "approval": true, "blessing": true, "votes": true,
	}
}}

// reaction reads the gain verb at i: its reaction noun within a few words
// ("drew harsh criticism", "received the endorsement"), then "from",
// "of" or "among" and the noun phrase of those it came from.
func (p *para) reaction(si, i, hi int, subj rng) *attr {
	for k := i + 1; k < hi && k <= i+5; k++ {
		t := &p.ts[k]
		if t.kind != 'w' {
			return nil
		}
		if !reactionNouns.set().has(t.low) {
			continue
		}
		if k+2 >= hi || (p.ts[k+1].low != "from" && p.ts[k+1].low != "of" && p.ts[k+1].low != "among") {
			return nil
		}
		r := p.npRight(k+2, hi, false)
		if r.empty() || !p.free(r) || !p.free(subj) {
			return nil
		}
		return &attr{content: []rng{subj}, cue: rng{i, k + 2}, source: r, sentence: si}
	}
	return nil
}

// subjectAfterOpener returns the subject of the main clause after a
// participle at i that opens sentence [lo, hi), alone or after a
// preposition ("After blasting the report, Glenn Beck doubled down",
// "By offering Kasich the spot, Trump would …"): the noun phrase after
// the comma that closes the participle's clause, and where that clause
// ends (the comma, or past the quotation the comma closes).
func (p *para) subjectAfterOpener(i, lo, hi int) (rng, int) {
	if i-lo > 4 {
		return rng{}, 0
	}
	for k := lo; k < i; k++ {
		w := p.ts[k].low
		if !openerWords.set().has(w) && !timeWords.set().has(w) && !isNumber(w) {
			return rng{}, 0
		}
	}
	for k := i + 1; k < hi && k < i+30; k++ {
		t := &p.ts[k]
		next, end := k+1, k
		if q, ok := p.quoteAt[k]; ok && !q.unclosed && q.end < hi && q.end-2 > k && p.ts[q.end-2].text == "," {
			// "After saying her foot was “so swollen I could barely
			// get my shoe on,” she was …": the comma closes the
			// quotation, which is part of what was said.
			t, next, end = &p.ts[q.end-2], q.end, q.end
		}
		if t.kind == 'q' || t.text == ";" || t.text == ":" {
			return rng{}, 0
		}
		if t.text != "," {
			continue
		}
		if k-i < 2 {
			return rng{}, 0
		}
		r := p.npRight(next, hi, false)
		if r.empty() || r.b >= hi || p.ts[r.b].kind != 'w' || !p.subjectLike(r) {
			return rng{}, 0
		}
		return r, end
	}
	return rng{}, 0
}

// circumstance words open a clause of time or cause after a report:
// "…, as they bristled at the questions".
var circumstance = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"as": true, "while": true, "when": true, "after": true, "before": true, "because": true,
		"though": true, "although": true, "since": true, "even": true,
	}
}}

// openerWords may come before a participle that opens a sentence, with
// time words and numbers: "After saying …", "One month after announcing
// …", "Instead of calling …".
var openerWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"after": true, "before": true, "by": true, "while": true, "when": true, "in": true,
		"besides": true, "since": true, "without": true, "upon": true, "on": true, "instead": true,
		"of": true, "even": true, "just": true, "shortly": true, "soon": true, "also": true,
		"a": true, "few": true, "days": true, "weeks": true, "months": true, "years": true,
		"hours": true, "day": true, "but": true, "and": true, "yet": true, "still": true, "then": true,
	}
}}

// adverbHedges may sit between an auxiliary and its participle.
var adverbHedges = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"also": true, "not": true, "even": true, "never": true, "later": true, "since": true, "first": true, "often": true, "widely": true, "once": true}
}}

// questionAux open a yes-no question before its subject.
var questionAux = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"do": true, "does": true, "did": true, "will": true, "would": true, "can": true, "could": true,
		"should": true, "is": true, "are": true, "was": true, "were": true, "have": true, "has": true,
	}
}}

// agencyName returns the name of a relaying agency: "semi-official Fars
// news agency" → "Fars".
func agencyName(ts []tok) string {
	var keep, all []string
	for _, t := range ts {
		if t.kind != 'w' {
			continue
		}
		all = append(all, t.text)
		if agencyWords.set().has(t.low) || t.has(lxDeterminer) || !t.upper {
			continue
		}
		keep = append(keep, t.text)
	}
	if len(keep) > 0 {
		return strings.Join(keep, " ")
	}
	return strings.Join(all, " ")
}

// colonLabels are words before a colon that label a section, not a
// speaker.
// headlineShouts open headlines before a colon without being speakers.
var headlineShouts = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"wow": true, "look": true, "bombshell": true, "breaking": true, "boom": true, "busted": true,
		"exclusive": true, "watch": true, "must": true, "shocking": true, "huge": true, "oops": true,
		"yikes": true, "confirmed": true, "alert": true, "just": true, "flashback": true,
	}
}}

var colonLabels = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"comment": true, "analysis": true, "opinion": true, "editorial": true, "note": true,
		"update": true, "photo": true, "photos": true, "source": true, "sources": true, "related": true,
		"watch": true, "listen": true, "video": true, "name": true, "age": true, "city": true,
		"job": true, "pay": true, "read": true, "more": true, "credit": true, "correction": true,
		"background": true, "summary": true, "abstract": true, "full": true, "text": true,
		"q": true, "a": true, "question": true, "answer": true, "tags": true, "topics": true,
		"category": true, "location": true, "date": true, "time": true, "where": true, "when": true,
		"what": true, "who": true, "why": true, "how": true, "breaking": true, "exclusive": true,
		"live": true, "timeline": true, "factbox": true, "explainer": true, "editor’s": true,
		"editor's": true, "contact": true, "email": true, "phone": true, "website": true, "twitter": true,
	}
}}

// colonHeadline reads "Name: statement" at the start of a sentence.
func (p *para) colonHeadline(si, lo, hi int) *attr {
	s := lo
	for s < hi && p.ts[s].kind == 'p' {
		s++
	}
	c := s
	for c < hi && c < s+5 && p.ts[c].kind == 'w' && (capWord(&p.ts[c]) || p.ts[c].low == "poll" || p.ts[c].low == "report") && !colonLabels.set().has(p.ts[c].low) {
		c++
	}
	if c == s || c >= hi || p.ts[c].text != ":" || p.claimed[c] {
		return nil
	}
	// "WOW: …", "Revealed: …", "Bombshell: …": a one-word shout or
	// participle opening a headline is no speaker.
	if c == s+1 {
		w := p.ts[s].text
		if len(w) > 2 && strings.ToUpper(w) == w || strings.HasSuffix(p.ts[s].low, "ed") || headlineShouts.set().has(p.ts[s].low) {
			return nil
		}
	}
	e := p.contentEnd(c+1, hi)
	if p.words(rng{c + 1, e}) < 3 || !p.free(rng{s, e}) {
		return nil
	}
	return &attr{content: []rng{{c + 1, e}}, cue: rng{c, c + 1}, source: rng{s, c}, sentence: si, direct: p.ts[c+1].kind == 'q'}
}

// askedOpener reads "Asked whether …, X said …" and "When asked about …,".
func (p *para) askedOpener(si, lo, hi int) *attr {
	c := p.clauseStart(lo, hi)
	if c < hi && p.ts[c].low == "when" {
		c++
	}
	if c >= hi || p.ts[c].low != "asked" {
		// A quotation answering the question may already be taken:
		// "Asked whether …, X said, “Probably.”"
		c = lo
		for c < hi && (p.ts[c].kind == 'p' || p.ts[c].low == "but" || p.ts[c].low == "and") {
			c++
		}
		if c < hi && p.ts[c].low == "when" {
			c++
		}
	}
	if c >= hi || p.ts[c].low != "asked" || p.claimed[c] {
		return nil
	}
	// "Asked by Matt Lauer whether …": the asker is the source.
	var src rng
	b := c + 1
	if b < hi && p.ts[b].low == "by" {
		src = p.npRight(b+1, hi, false)
		if src.empty() || src.b >= hi || !askedNext.set().has(p.ts[src.b].low) {
			return nil
		}
		b = src.b
	}
	e := b
	for e < hi && e < c+30 && !(p.ts[e].text == "," && e+1 < hi && (capWord(&p.ts[e+1]) || pronounsOrCue(p.ts[e+1].low) || p.ts[e+1].kind == 'q')) {
		e++
	}
	if e >= hi || p.ts[e].text != "," || p.words(rng{b, e}) < 2 || !p.free(rng{c, e}) {
		return nil
	}
	f := e + 1
	for f < hi && p.ts[f].kind == 'q' {
		f++
	}
	if p.npRight(f, hi, false).empty() {
		return nil
	}
	// The question has no source of its own: whoever asked it is
	// rarely named, and the one answering is the source of the answer.
	return &attr{content: []rng{{b, e}}, cue: rng{c, c + 1}, source: src, sentence: si}
}

// sourceNouns head a phrase that reports something: "in a new poll".
// "In an interview, X said" and "In other words" are not among them: the
// verb that follows is the cue.
var sourceNouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
		"mind": true,
	}
}}

// sourcePhrase reads "In the latest X poll, …", "In Trump's view, …" and
// "As reported by X, …" at the start of a sentence.
func (p *para) sourcePhrase(si, lo, hi int) *attr {
	c := p.clauseStart(lo, hi)
	if c+2 >= hi || p.claimed[c] {
		return nil
	}
	if w := p.ts[c].low; w != "in" && w != "as" {
		// every phrase below opens with one of them: the content's end,
		// which costs a pass over the clause, is not needed
		return nil
	}
	comma := -1
	for e := c + 1; e < hi && e < c+14; e++ {
		if p.ts[e].text == "," {
			comma = e
			break
		}
		if p.ts[e].kind != 'w' {
			return nil
		}
	}
	if comma < 0 {
		return nil
	}
	content := rng{comma + 1, p.contentEnd(comma+1, hi)}
	if p.words(content) < 3 {
		return nil
	}
	switch {
	case p.ts[c].low == "in" && p.sourceNounIn(c+1, comma):
		// "In a new Fox News poll released Thursday, …"
		return &attr{content: []rng{content}, cue: rng{c, c + 1}, source: rng{c + 1, p.sourceNounEnd(c+1, comma)}, sentence: si}
	case p.ts[c].low == "as" && p.ts[c+1].low == "reported" && c+2 < comma && p.ts[c+2].low == "by":
		return &attr{content: []rng{content}, cue: rng{c + 1, c + 2}, source: rng{c + 3, comma}, sentence: si}
	case p.ts[c].low == "as" && comma-1 > c+1 && p.ts[comma-1].cue == cueSay:
		// "As Trump put it, …", "As the Post reported, …"
		return &attr{content: []rng{content}, cue: rng{comma - 1, comma}, source: rng{c + 1, comma - 1}, sentence: si}
	}
	return nil
}

// pollTail reads "…, in a new Fox News poll released Thursday." closing
// a sentence: the poll is the source of the clause before it.
func (p *para) pollTail(si, lo, hi int) *attr {
	end := hi
	for end > lo && p.ts[end-1].kind == 'p' && p.ts[end-1].kind != 'q' {
		end--
	}
	for i := end - 2; i > lo+2; i-- {
		if p.ts[i].low != "in" || p.claimed[i] || p.inQuote(i) || !p.ts[i+1].has(lxDeterminer) && !strings.HasSuffix(p.ts[i+1].low, "’s") && !strings.HasSuffix(p.ts[i+1].low, "'s") {
			continue
		}
		// The phrase runs to the sentence end or a comma: "… in the
		// most recent Fox poll, up eight points from March."
		j := i + 1
		for j < end && p.ts[j].kind == 'w' {
			j++
		}
		if j < end && p.ts[j].text != "," && p.ts[j].text != ";" || j > i+12 {
			continue
		}
		if !p.sourceNounIn(i+1, j) || p.ts[i-1].has(lxCue) && !p.ts[i-2].isNumber() || p.ts[i-1].low == "than" {
			// Not "… better than in other polls": a comparison.
			continue
		}
		if j == i+3 && p.ts[i+1].low == "the" && p.ts[i+2].low == "polls" {
			// "rose in the polls", "trails Clinton in the polls": a
			// standing, no poll that reports it.
			continue
		}
		if p.reportIn(lo, i) {
			// "The Reuters/Ipsos poll showed Clinton ahead … in …": the
			// sentence reports its own source.
			return nil
		}
		end = j
		s := p.clauseStart(lo, i)
		e := i
		if p.ts[e-1].text == "," {
			e--
		}
		if p.words(rng{s, e}) < 3 || !p.free(rng{s, end}) {
			return nil
		}
		return &attr{content: []rng{{s, e}}, cue: rng{i, i + 1}, source: rng{i + 1, p.sourceNounEnd(i+1, end)}, sentence: si}
	}
	return nil
}

// reportIn reports whether tokens [a, b) hold a verb of saying or
// showing outside quotations.
func (p *para) reportIn(a, b int) bool {
	for k := a; k < b; k++ {
		if w := p.ts[k].low; (coreCues.set().has(w) || showing.set().has(w)) && !p.inQuote(k) {
			return true
		}
	}
	return false
}

// sourceNounIn reports whether a source noun heads the phrase in [a, b):
// it is the last word, or the last before "released", "conducted",
// "published" and what follows them.
func (p *para) sourceNounIn(a, b int) bool { return p.sourceNounEnd(a, b) > 0 }

// sourceNounEnd returns the index after the source noun heading the
// phrase in [a, b), or 0 when there is none: "the new Fox poll"
// of "the new Fox poll released Thursday".
func (p *para) sourceNounEnd(a, b int) int {
	for k := a; k < b; k++ {
		w := p.ts[k].low
		if sourceNouns.set().has(w) && (k == b-1 || participleAfterNoun.set().has(p.ts[k+1].low)) {
			return k + 1
		}
	}
	return 0
}

// participleAfterNoun may follow the head of a source phrase: "a poll
// released Sunday".
var participleAfterNoun = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"released": true, "conducted": true, "published": true, "taken": true, "out": true,
		"by": true, "of": true, "from": true, "for": true, "last": true, "this": true,
	}
}}

// nextSpeaker reports whether the words from k are a named or pronoun
// source and a core verb of saying: "Jones said", "she says".
func (p *para) nextSpeaker(k, hi int) bool {
	for i := k; i < hi && i < k+5; i++ {
		t := &p.ts[i]
		if t.kind != 'w' {
			return false
		}
		if t.has(lxCoreCue) {
			return i > k
		}
		if !capWord(t) && !t.has(lxTitleWord) {
			if ok := t.has(lxPronoun); !ok || i > k {
				return false
			}
		}
	}
	return false
}

// nounCueWords are nouns of saying or opinion that, owned by someone
// and followed by their object, PolNeAR annotates as cues more often
// than not (measured on its training split): "Trump's attacks on
// Clinton", "her claim that …".
var nounCueWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"attacks": true, "attack": true, "claim": true, "claims": true, "criticism": true,
		"criticisms": true, "critique": true, "promise": true, "promises": true, "hopes": true,
		"thoughts": true, "suggestion": true, "assertion": true, "desire": true, "argument": true,
		"assessment": true, "insistence": true, "warning": true, "warnings": true, "denunciation": true,
		"praise": true, "condemnation": true,
	}
}}

// commonVerbs end the noun phrase a noun cue takes as its object.
var commonVerbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"grew": true, "became": true, "came": true, "went": true, "made": true, "drew": true,
		"got": true, "gave": true, "took": true, "began": true, "led": true, "left": true,
		"helped": true, "seem": true, "seems": true, "seemed": true, "appear": true, "appears": true,
	}
}}

// nounPreps may follow a noun cue and open its content.
var nounPreps = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"of": true, "on": true, "against": true, "about": true, "that": true, "for": true, "to": true,
	}
}}

// nounCues reads "X's attacks on Y" and "his claim that …": the owner
// is the source, the noun (with its preposition) the cue, and the
// object or clause the content.
func (p *para) nounCues(si, lo, hi int) {
	for i := lo + 1; i+2 < hi; i++ {
		t := &p.ts[i]
		if !t.has(lxNounCueWord) || p.claimed[i] || p.inQuote(i) || !nounPreps.set().has(p.ts[i+1].low) {
			continue
		}
		prev := p.ts[i-1].low
		var src rng
		switch {
		case prev == "his" || prev == "her" || prev == "their" || prev == "its" || prev == "our" || prev == "my":
			src = rng{i - 1, i}
			// "Cruz reboots his attacks on Trump": the subject of the
			// clause owns them, and is the source.
			if s := p.ownerSubject(lo, i-1); !s.empty() {
				src = s
			}
		case strings.HasSuffix(prev, "’s") || strings.HasSuffix(prev, "'s"):
			src = rng{i - 1, i}
			for src.a > lo && capWord(&p.ts[src.a-1]) && !p.claimed[src.a-1] {
				src.a--
			}
		default:
			continue
		}
		if p.claimed[src.a] || p.sayBefore(lo, src.a) {
			continue
		}
		cue := rng{i, i + 2}
		b := i + 2
		var e int
		if p.ts[i+1].low == "that" {
			cue = rng{i, i + 1}
			b = i + 1
			e = p.contentEnd(b, hi)
		} else {
			e = b
			// The object's noun phrase: up to a function word or a verb
			// ("attacks on the governor grew sharper").
			for e < hi && e < b+10 && p.ts[e].kind == 'w' && (!p.ts[e].has(lxBoundary) || e == b) && !p.claimed[e] {
				if e > b && (pastForm(p.ts[e].low) || commonVerbs.set().has(p.ts[e].low)) {
					break
				}
				e++
			}
		}
		if p.words(rng{b, e}) < 1 || !p.free(rng{b, e}) {
			continue
		}
		p.add(&attr{content: []rng{{b, e}}, cue: cue, source: src, sentence: si})
		i = e
	}
}

// ownerSubject returns the subject of the clause that holds the
// possessive pronoun at k ("Donald Trump on Thursday ratcheted up his
// attacks"), or nothing when a comma, a quotation or another clause
// comes between them.
func (p *para) ownerSubject(lo, k int) rng {
	s := p.clauseStart(lo, k)
	r := p.firstNP(s, k)
	if r.empty() || r.b > k || !p.free(r) {
		return rng{}
	}
	for m := r.b; m < k; m++ {
		t := &p.ts[m]
		if t.kind != 'w' || clauseOpeners.set().has(t.low) || t.low == "and" || t.low == "who" || t.low == "which" {
			return rng{}
		}
	}
	if pron := p.ts[r.a].has(lxPronoun); pron && r.b == r.a+1 {
		switch p.ts[r.a].low {
		case "it", "that", "this", "which", "what":
			return rng{}
		}
	}
	return r
}

// askedNext may follow a passive "was asked": what the question was.
var askedNext = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"about": true, "to": true, "whether": true, "if": true, "what": true, "who": true,
		"why": true, "how": true, "which": true, "when": true, "where": true,
	}
}}

// appearPreps follow "appeared" in its sense of showing up.
var appearPreps = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"at": true, "on": true, "with": true, "in": true, "before": true, "alongside": true,
		"onstage": true, "for": true, "during": true, "together": true, "a": true, "an": true,
		"the": true, "as": true, "live": true, "via": true, "from": true, "inside": true,
	}
}}

// seemVerbs report an impression: "appeared poised to win".
var seemVerbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true,
	}
}}

// impressions finds "X seemed to …" and "X is expected to …": the
// subject and what follows are the content, and there is no source.
func (p *para) impressions(si, lo, hi int) {
	for k := lo + 1; k+1 < hi; k++ {
		if p.ts[k].low == "according" && p.ts[k+1].low == "to" && p.ts[k-1].text == "," && !p.claimed[k] {
			// "X seemed enamored with Trump, according to Politico":
			// the source closing the sentence holds the impression.
			return
		}
	}
	for i := lo + 1; i < hi; i++ {
		// a word none of the cases below can take is passed over before
		// the costlier tests, which look back over the sentence
		if !impressionWord(&p.ts[i]) || p.claimed[i] || p.inQuote(i) || p.thatBefore(lo, i, hi, true) || p.sayBefore(lo, i) {
			continue
		}
		t := &p.ts[i]
		cue := rng{i, i + 1}
		switch {
		case t.low == "asked" && i+1 < hi && (askedNext.set().has(p.ts[i+1].low) || p.ts[i+1].low == "by"):
			// "He was asked about the comment": a question whose
			// asker is not named; the answer is someone else's.
			a := i - 1
			for a > lo && (p.ts[a].low == "also" || p.ts[a].low == "not" || p.ts[a].low == "even" || p.ts[a].low == "repeatedly" || p.ts[a].low == "never") {
				a--
			}
			switch p.ts[a].low {
			case "is", "are", "was", "were", "be", "been", "being":
			case "when", "after", "if", "once", "before", "until":
				// "…, X said when asked how …"
				a = i
			default:
				continue
			}
			b := i + 1
			cb := b
			var src rng
			if p.ts[b].low == "by" {
				// "when asked by a reporter if …": the asker is the
				// source.
				src = p.npRight(b+1, hi, false)
				if src.empty() || src.b >= hi || !askedNext.set().has(p.ts[src.b].low) {
					continue
				}
				b = src.b
			}
			if p.ts[b].low == "about" {
				b++
			}
			if src.empty() {
				cb = b
			}
			e := p.contentEnd(b, hi)
			if p.words(rng{b, e}) < 1 || !p.free(rng{a, e}) {
				continue
			}
			p.add(&attr{content: []rng{{b, e}}, cue: rng{a, cb}, source: src, sentence: si})
			i = e
			continue
		case t.low == "reportedly":
			// "He reportedly made comments …": the report has no
			// source; a verb of saying after it is the cue instead.
			if i+1 >= hi || p.ts[i+1].has(lxCue) || p.ts[i+1].kind != 'w' {
				continue
			}
		case t.has(lxSeemVerb):
			// "appeared at a rally", "appeared with Maddow": a
			// showing up, not an impression.
			if strings.HasPrefix(t.low, "appear") && i+1 < hi && (appearPreps.set().has(p.ts[i+1].low) || p.ts[i+1].kind != 'w') {
				continue
			}
		case t.low != "expected" && t.low != "asked" && t.has(lxCue) && t.participle():
			// "A curfew was announced", "He was accused of lying": a
			// passive; its subject is part of what was said, and the
			// agent, when it is named ("was endorsed by dozens of
			// papers"), is the source.
			a := i - 1
			for a > lo && (adverbHedges.set().has(p.ts[a].low) || strings.HasSuffix(p.ts[a].low, "ly") && !p.ts[a].upper) {
				a--
			}
			switch p.ts[a].low {
			case "is", "are", "was", "were", "be", "been":
			default:
				continue
			}
			if a == lo {
				continue
			}
			cue = rng{a, i + 1}
			j := a - 1
			for j >= lo && p.ts[j].has(lxSkippable) && p.ts[j].low != "to" {
				j--
			}
			if j < lo {
				continue
			}
			subj := p.npLeft(j, lo)
			if subj.empty() || !p.free(subj) || subj.b != j+1 || p.ts[subj.a].low == "that" || p.ts[subj.a].low == "which" || p.ts[subj.a].low == "who" {
				continue
			}
			content := []rng{subj}
			var src rng
			if cue.b+1 < hi && p.ts[cue.b].low == "by" {
				if src = p.npRight(cue.b+1, hi, false); src.empty() || !p.free(src) {
					continue
				}
				p.add(&attr{content: content, cue: cue, source: src, sentence: si})
				i = src.b
				continue
			}
			if e := p.contentEnd(cue.b, hi); p.words(rng{cue.b, e}) >= 1 && p.free(rng{cue.b, e}) {
				content = append(content, rng{cue.b, e})
			}
			p.add(&attr{content: content, cue: cue, sentence: si})
			i = max(i, content[len(content)-1].b)
			continue
		case t.low == "expected" && i+1 < hi && p.ts[i+1].low == "to":
			a := i - 1
			for a > lo && (p.ts[a].low == "widely" || p.ts[a].low == "not" || p.ts[a].low == "also" || p.ts[a].low == "generally") {
				a--
			}
			switch p.ts[a].low {
			case "is", "are", "was", "were", "be", "been":
				cue = rng{a, i + 1}
			default:
				continue
			}
		default:
			continue
		}
		if cue.b < hi && p.ts[cue.b].text == "," {
			// "As improbable as it may seem, Mr. Clarke said …": the
			// impression has no content of its own.
			continue
		}
		e := p.contentEnd(cue.b, hi)
		if p.words(rng{cue.b, e}) < 2 || !p.free(rng{cue.b, e}) {
			continue
		}
		a := &attr{content: []rng{{cue.b, e}}, cue: cue, sentence: si}
		// "The party seemed to acknowledge that …": a verb of saying
		// after the impression joins the cue, and the subject is its
		// source.
		saying := false
		if t.has(lxSeemVerb) && cue.b+1 < e && p.ts[cue.b].low == "to" && p.ts[cue.b+1].has(lxCue) && !progressive().has(p.ts[cue.b+1].low) {
			saying = true
			cue.b += 2
			a.cue = cue
			a.content = []rng{{cue.b, p.contentEnd(cue.b, hi)}}
		}
		j := cue.a - 1
		for j >= lo && p.ts[j].has(lxSkippable) && p.ts[j].low != "to" {
			j--
		}
		if j >= lo {
			if subj := p.npLeft(j, lo); !subj.empty() && p.free(subj) {
				if saying {
					a.source = subj
				} else {
					a.content = append([]rng{subj}, a.content...)
				}
			}
		}
		if p.words(a.content[len(a.content)-1]) < 1 {
			continue
		}
		p.add(a)
		i = e
	}
}

// beForms make a participle passive: "was written by", "is supported
// by".
var beForms = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
		"’s": true, "'s": true,
	}
}}

// irregularParticiples are past participles that do not end in -ed.
var irregularParticiples = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"written": true, "told": true, "said": true, "shown": true, "known": true, "seen": true,
		"given": true, "taken": true, "held": true, "thought": true, "sought": true, "made": true,
		"brought": true, "taught": true, "led": true, "spoken": true, "drawn": true, "chosen": true,
		"forecast": true, "read": true, "heard": true, "felt": true, "set": true, "put": true,
	}
}}

// passiveBy reads a passive cue with its agent, the source: "The plan
// was criticized by Senator Jane Roe", "Donald Trump is supported by far
// fewer publications". The passive's subject is the content. The
// participle must be a listed cue or one the cue model finds.
func (p *para) passiveBy(si, lo, hi int) {
	for k := lo + 2; k+1 < hi; k++ {
		if p.ts[k].low != "by" || p.claimed[k] || p.inQuote(k) {
			continue
		}
		v := k - 1
		for v > lo && p.ts[v].kind == 'w' && (strings.HasSuffix(p.ts[v].low, "ly") || p.ts[v].has(lxSkippable)) && p.ts[v].low != "had" && p.ts[v].low != "has" {
			v--
		}
		if v <= lo {
			// Nothing before the participle to be its subject.
			continue
		}
		t := &p.ts[v]
		if t.kind != 'w' || p.claimed[v] || t.upper || !t.participle() {
			continue
		}
		if listed := t.has(lxCue); !listed && (p.cues == nil || p.cues.score(p, v) <= p.cues.Threshold) {
			continue
		}
		src := p.agent(k+1, hi)
		if src.empty() {
			continue
		}
		a := v - 1
		for a > lo && p.ts[a].kind == 'w' && !beForms.set().has(p.ts[a].low) && (strings.HasSuffix(p.ts[a].low, "ly") || p.ts[a].has(lxSkippable)) {
			a--
		}
		if !beForms.set().has(p.ts[a].low) {
			continue
		}
		// "X was written by Y": the subject is what is reported.
		b := a
		for b > lo && (beForms.set().has(p.ts[b-1].low) || p.ts[b-1].has(lxSkippable) || p.ts[b-1].low == "likely") {
			b--
		}
		cue := rng{b, v + 1}
		s := p.clauseStart(lo, b)
		if b-s < 1 || b-s > 12 {
			continue
		}
		content := rng{s, b}
		for content.b > content.a && p.ts[content.b-1].kind == 'p' {
			content.b--
		}
		if n := content.b; n-2 > content.a && p.ts[n-2].text == "," && !p.ts[n-1].upper {
			// "Donald Trump, meanwhile, is supported by …"
			content.b = n - 2
		}
		if content.empty() || !p.free(rng{content.a, src.b}) {
			continue
		}
		p.add(&attr{content: []rng{content}, cue: cue, source: src, sentence: si})
	}
}

// agent reads the noun phrase after a passive's "by": a name or a
// description ("the Tax Foundation"), or a few plain words up to the
// clause's end ("far fewer publications", "court rulings").
func (p *para) agent(k, hi int) rng {
	if r := p.npRight(k, hi, false); !r.empty() {
		return r
	}
	e := k
	for e < hi && e < k+8 {
		t := &p.ts[e]
		if t.kind != 'w' || t.has(lxBoundary) && t.low != "of" || verbish.set().has(t.low) || e > k && (t.has(lxCue) || pastForm(t.low)) {
			break
		}
		e++
	}
	if e == k || p.ts[e-1].low == "of" {
		return rng{}
	}
	return rng{k, e}
}
