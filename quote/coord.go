package quote

import "strings"

// One subject often carries several cues, and PolNeAR gives each its own
// attribution with the same source:
//
//	Trump tweeted that Machado was "a con" and encouraged Americans to …
//	The GOP nominee complained about his mic, even suggesting he …
//	"We can't afford this," Trump said, looking out on the crowd.
//	Citing an unfounded conspiracy theory, Trump accused Rafael Cruz …
//
// coordinated splits such attributions after the rules have read the
// paragraph: the second cue takes the rest of the first one's content,
// and a participle opening the sentence takes the words up to its comma.

// coordinated adds the attributions whose cue shares the source of one
// found in the paragraph.
func (p *para) coordinated() {
	for i := 0; i < len(p.attrs); i++ {
		a := p.attrs[i]
		if a.contOf != nil || a.verbatim || a.source.empty() || a.source.a < 0 || a.cue.empty() || a.cue.a < 0 {
			continue
		}
		if b := p.openingParticiple(a); b != nil {
			p.attrs = append(p.attrs, b)
			p.markCue(b)
		}
		if b := p.splitCoordinated(a); b != nil {
			// The new attribution may hold a third cue: it is looked at
			// in turn.
			p.attrs = append(p.attrs, b)
			p.markCue(b)
		}
	}
}

// ownCue reports whether token k is the cue of an attribution of the
// paragraph already.
func (p *para) ownCue(k int) bool {
	return k >= 0 && k < len(p.cueOwned) && p.cueOwned[k]
}

// markCue records the tokens of a's cue for ownCue.
func (p *para) markCue(a *attr) {
	if p.cueOwned == nil {
		p.cueOwned = make([]bool, len(p.ts))
	}
	for k := max(a.cue.a, 0); k < a.cue.b && k < len(p.ts); k++ {
		p.cueOwned[k] = true
	}
}

// secondCue reads a second cue at token k of a's clause: ", and
// encouraged", "and has called for", ", even suggesting". It returns the
// cue's range.
func (p *para) secondCue(k, hi int) (rng, bool) {
	t := &p.ts[k]
	comma := t.text == ","
	if comma {
		k++
		if k < hi && (p.ts[k].low == "and" || p.ts[k].low == "but" || p.ts[k].low == "yet") {
			t, comma = &p.ts[k], false
		}
	}
	if !comma && t.low != "and" && t.low != "but" && t.low != "yet" {
		return rng{}, false
	}
	if !comma {
		k++
	}
	v := k
	for v < hi && v < k+3 && (p.ts[v].has(lxSkippable) || p.ts[v].low == "even" || p.ts[v].low == "further") && p.ts[v].low != "to" {
		v++
	}
	if v >= hi || p.ts[v].kind != 'w' || p.inQuote(v) || p.ownCue(v) {
		return rng{}, false
	}
	w := p.ts[v].low
	if comma {
		// After a comma, only a participle: ", saying", ", even
		// suggesting".
		if !strings.HasSuffix(w, "ing") {
			return rng{}, false
		}
	} else if strings.HasSuffix(w, "ing") && v == k {
		// "and encouraging" coordinates with a participle, not with a
		// finite cue.
		return rng{}, false
	} else if !(pastForm(w) || strings.HasSuffix(w, "s") || v > k) {
		return rng{}, false
	}
	// A listed verb, or a word the cue model takes for a cue.
	_, cr, ok := p.isCue(v)
	if !ok {
		return rng{}, false
	}
	return cr, true
}

// splitCoordinated finds a second cue in a's last content piece, or right
// after its cue and source ("…," Trump said, looking out on the crowd),
// and returns its attribution with a's source; a's content ends before
// it.
func (p *para) splitCoordinated(a *attr) *attr {
	if len(a.content) == 0 {
		return nil
	}
	si := a.sentence
	if si < 0 || si >= len(p.sents) {
		return nil
	}
	hi := p.sents[si][1]
	last := &a.content[len(a.content)-1]
	end := max(a.cue.b, a.source.b)
	if last.a >= end {
		// The content follows the cue: look inside it, past its first
		// two words.
		for k := last.a + 2; k < last.b-2; k++ {
			if p.ts[k].kind == 'q' || p.inQuote(k) {
				// Words inside a quotation are said, not reported.
				continue
			}
			cr, ok := p.secondCue(k, last.b)
			if !ok {
				continue
			}
			if p.relativeBefore(last.a, k) {
				// "… by pushing a conversation that humanizes people
				// and demands respect": the verb joins the relative
				// clause, not the cue.
				return nil
			}
			e := last.b
			b := &attr{content: []rng{{cr.b, e}}, cue: cr, source: a.source, sentence: si}
			if p.words(rng{cr.b, e}) < 2 {
				return nil
			}
			cut := k
			for cut > last.a && p.ts[cut-1].kind == 'p' && p.ts[cut-1].text == "," {
				cut--
			}
			last.b = cut
			p.claim(cr)
			return b
		}
		return nil
	}
	// The content is a quotation before the cue: ", looking out on …"
	// after "Trump said".
	if end+1 >= hi || p.ts[end].text != "," {
		return nil
	}
	cr, ok := p.secondCue(end, hi)
	if !ok {
		return nil
	}
	e := cr.b
	for e < hi && !p.claimed[e] && p.ts[e].kind != 'q' {
		e++
	}
	for e > cr.b && p.ts[e-1].kind == 'p' {
		e--
	}
	if p.words(rng{cr.b, e}) < 2 || !p.free(rng{end, e}) {
		return nil
	}
	b := &attr{content: []rng{{cr.b, e}}, cue: cr, source: a.source, sentence: si}
	p.claim(rng{end, e})
	return b
}

// openingParticiple reads a participle opening a's sentence, before its
// source: "Citing an unfounded conspiracy theory, Trump accused …",
// "In defending himself, Trump offered …".
func (p *para) openingParticiple(a *attr) *attr {
	si := a.sentence
	if si < 0 || si >= len(p.sents) || a.source.a > a.cue.a {
		return nil
	}
	s := p.sents[si][0]
	for s < a.source.a && p.ts[s].kind != 'w' {
		s++
	}
	if s < a.source.a && (p.ts[s].low == "in" || p.ts[s].low == "after" || p.ts[s].low == "while") {
		s++
	}
	comma := a.source.a - 1
	if comma <= s+1 || p.ts[comma].text != "," || !strings.HasSuffix(p.ts[s].low, "ing") || !p.free(rng{s, comma}) {
		return nil
	}
	w := p.ts[s].low
	if !isCueWord(w) && (p.cues == nil || p.cues.score(p, s) <= p.cues.Threshold) {
		return nil
	}
	for k := s + 1; k < comma; k++ {
		if p.ts[k].text == "," || p.ts[k].kind == 'q' {
			return nil
		}
	}
	cr := rng{s, s + 1}
	if p.words(rng{cr.b, comma}) < 1 {
		return nil
	}
	b := &attr{content: []rng{{cr.b, comma}}, cue: cr, source: a.source, sentence: si}
	p.claim(rng{s, comma})
	return b
}

// relativeBefore reports whether a relative clause opens between tokens
// a and k and runs on to k: "that", "who" or "which" followed by a verb
// in the present or past ("a conversation that humanizes"), with no
// comma closing it.
func (p *para) relativeBefore(a, k int) bool {
	open := false
	for i := a; i+1 < k; i++ {
		switch p.ts[i].low {
		case "that", "who", "which":
			n := p.ts[i+1].low
			if p.ts[i+1].kind == 'w' && (pastForm(n) || strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") && !pronounsOrCue(n)) {
				open = true
			}
		case ",", ";", ":":
			open = false
		}
	}
	return open
}

// attributionTails are the prepositions that open the words after a cue
// which say where, when or how a statement was made, taking no content:
// "Obama wrote in a letter delivered Tuesday."
var attributionTails = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "via": true}
}}

// closesAttribution reports whether the tokens from k to e close an
// attribution standing as its own sentence: nothing, or a prepositional
// phrase with no quotation, clause or other cue in it.
func closesAttribution(p *para, k, e int) bool {
	if k == e {
		return true
	}
	if k > e || !attributionTails.set().has(p.ts[k].low) {
		return false
	}
	for i := k + 1; i < e; i++ {
		t := &p.ts[i]
		if t.kind == 'q' || t.low == "that" || t.text == "," {
			return false
		}
		if _, _, ok := p.isCue(i); ok {
			return false
		}
	}
	return true
}

// raisingLeft returns how many tokens ending at j make a passive raising
// verb before a cue ("is alleged to have", "was reported to", "is said to
// have"), whose subject is the cue's source, or 0.
func raisingLeft(p *para, j, lo int) int {
	k := j
	if k >= lo && p.ts[k].low == "have" {
		k--
	}
	if k-2 < lo || p.ts[k].low != "to" || !raisingVerbs.set().has(p.ts[k-1].low) {
		return 0
	}
	switch p.ts[k-2].low {
	case "is", "was", "are", "were", "been", "be":
		return j - (k - 2) + 1
	}
	return 0
}

// raisingVerbs are the past participles of verbs that, in the passive,
// raise the subject of the verb after them: "he is alleged to have said".
var raisingVerbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"alleged": true, "reported": true, "said": true, "believed": true, "thought": true, "understood": true, "known": true, "quoted": true}
}}

// appositionToCue returns the index of a cue that ends an apposition
// opened by the comma at c and left unclosed ("Zulfikar Arapoglu, the
// mayor of Ercis told NTV"), or -1: the apposition starts with an article
// and runs to the cue over a few words, with no comma or quotation.
func appositionToCue(p *para, c, hi int) int {
	if c+2 >= hi || p.ts[c].text != "," {
		return -1
	}
	switch p.ts[c+1].low {
	case "the", "a", "an":
	default:
		return -1
	}
	for e := c + 3; e < hi && e <= c+9; e++ {
		t := &p.ts[e]
		if t.kind != 'w' {
			return -1
		}
		if kind, _, ok := p.isCue(e); ok && kind != cueObject && (t.has(lxCoreCue) || kind == cueTell) {
			return e
		}
	}
	return -1
}
