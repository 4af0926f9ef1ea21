package quote

import (
	"unicode"
)

// Transcripts and signed quotations: two layouts in which who speaks is
// marked by the page rather than by a verb.
//
//	WALLACE: Do you really see those two as equivalent?
//	Q: How did things go for you?
//	“We can build a wall around Donald Trump.” ― Steve Quinlan

// speakerLabel returns the label opening a paragraph of a transcript, as
// the token range of the label and the index of the colon after it: one
// to three words in capitals ("WALLACE", "JAKE TAPPER", "SEN. GRAHAM"),
// or the Q and A of an interview, after an optional quotation mark.
func speakerLabel(ts []tok) (label rng, colon int, ok bool) {
	s := 0
	for s < len(ts) && s < 2 && ts[s].kind != 'w' && ts[s].text != ":" {
		s++
	}
	e, words := s, 0
	for e < len(ts) && words < 3 {
		t := &ts[e]
		switch {
		case t.kind == 'w' && allCaps(t.text) && (len(t.text) >= 2 || t.text == "Q" || t.text == "A"):
			words++
		case t.kind == 'w' && abbreviated(t.text) && allCaps(t.text[:len(t.text)-1]):
			// "SEN. GRAHAM"
			words++
		default:
			goto done
		}
		e++
	}
done:
	if words == 0 || e >= len(ts) || ts[e].text != ":" {
		return rng{}, 0, false
	}
	if words == 1 && (headlineShouts.set().has(ts[s].low) || colonLabels.set().has(ts[s].low) && ts[s].low != "q" && ts[s].low != "a") {
		// "BREAKING:", "UPDATE:": a section or a shout.
		return rng{}, 0, false
	}
	return rng{s, e}, e, true
}

// allCaps reports whether a word is written in capital letters only, with
// at least one letter.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r):
			return false
		case r != '-' && r != '\'' && r != '’':
			return false
		}
	}
	return letters > 0
}

// transcriptTurn reads a paragraph of a transcript as one turn: the label
// is the source, its colon the cue and the rest of the paragraph what was
// said. The turn holds no other attribution: "I think" inside it is the
// speaker's own words.
func (p *para) transcriptTurn() bool {
	label, colon, ok := speakerLabel(p.ts)
	if !ok {
		return false
	}
	e := len(p.ts)
	for e > colon+1 && p.ts[e-1].kind == 'q' {
		e--
	}
	if p.words(rng{colon + 1, e}) < 1 {
		return false
	}
	p.add(&attr{content: []rng{{colon + 1, e}}, cue: rng{colon, colon + 1}, source: label, direct: true, verbatim: true})
	p.claim(rng{0, len(p.ts)})
	return true
}

// isTranscript reports whether the paragraphs make a transcript: at least
// two of them open with a speaker's label.
func isTranscript(ps []*para) bool {
	n := 0
	for _, p := range ps {
		if _, _, ok := speakerLabel(p.ts); ok {
			n++
		}
	}
	return n >= 2
}

// signature reads a quotation signed with a dash after it, from token k
// just past the quotation: "“…” ― Steve Quinlan", "“…” — Paul Ryan
// (@SpeakerRyan) July 5, 2016", "“…” -Michelle Marks, Philadelphia." It
// returns the dash and the name.
func (p *para) signature(k int) (cue, src rng, ok bool) {
	if k >= len(p.ts) || !isSignDash(p.ts[k].text) || p.claimed[k] {
		return rng{}, rng{}, false
	}
	e, words := k+1, 0
	for e < len(p.ts) && words < 6 {
		t := &p.ts[e]
		switch {
		case capWord(t) || t.kind == 'w' && isParticle(t.low) && words > 0:
			words++
		case t.text == "." && e > k+1 && len([]rune(p.ts[e-1].text)) == 1 && e+1 < len(p.ts) && capWord(&p.ts[e+1]):
			// An initial: "Edwin G. Monroy".
		default:
			goto done
		}
		e++
	}
done:
	if words == 0 || !capWord(&p.ts[k+1]) || e-k-1 > 8 {
		return rng{}, rng{}, false
	}
	if e < len(p.ts) {
		switch t := p.ts[e]; {
		case t.kind == 'q', t.text == ".", t.text == ",", t.text == "(", t.text == ";":
		default:
			// "“…” — Trump said": a cue follows; the verb reads it.
			return rng{}, rng{}, false
		}
	}
	return rng{k, k + 1}, rng{k + 1, e}, true
}

// isSignDash reports whether s is a dash that may sign a quotation,
// including the horizontal bar of epigraphs.
func isSignDash(s string) bool {
	return isDash(s) || s == "―"
}
