package timex

import (
	"strings"

	"github.com/storyline-news/storyline/lexicon"
)

// tense reads the tense of the clause around words [i, j): +1 when it
// points to the future (will, is expected to, planned, 'll, by + date),
// -1 when it is past (a past-tense verb, has + participle, ago), 0 when it
// cannot tell. Each cue has a distance, lengthened for weak cues (a verb
// in -ed, which may be an adjective; a reporting verb, whose tense does
// not govern the clause it reports); the nearest cue wins. The search
// stops at the sentence's end, a semicolon or a colon, and goes at most
// ten words either way.
func (s *scanner) tense(i, j int) int {
	// A deadline: by Oct. 31, until Friday; but "until Thursday, they had
	// not called him" and "by Saturday, he clarified" look back.
	switch s.lo(i - 1) {
	case "by", "until", "till", "effective":
		if i-2 < 0 || s.ws[i-2].kind == 'p' {
			// Fronted: the main clause tells.
			if s.tenseFrom(i, j) < 0 {
				return -1
			}
			return 1
		}
		// After the verb: a deadline ahead, unless the verb is in the
		// past perfect (had filed reports by Wednesday).
		for k := i - 2; k >= 0 && i-k <= 8; k-- {
			if s.ws[k].kind == 'p' && s.ws[k].lo != "-" {
				break
			}
			if s.is(k, "had") {
				return -1
			}
		}
		return 1
	}
	return s.tenseFrom(i, j)
}

// tenseFrom is tense without the deadline rule.
func (s *scanner) tenseFrom(i, j int) int {
	const window = 10
	best, bestDist := 0, 1<<30
	s.weakFuture = false
	weak, weakOne := false, false
	// Crossing a conjunction or a comma leaves the clause: cues beyond
	// count as further away.
	cross := 0
	after := false // an "after" or "since" lies between the cue and the expression
	inf := false   // so does an infinitive
	for k := i - 1; k >= 0 && i-k <= window; k-- {
		c, pen := s.cue(k)
		own := pen
		if c == stop {
			break
		}
		if k+1 < i && (s.is(k+1, "after") || s.is(k+1, "since")) {
			after = true
		}
		if k < i-1 || !preposition(s.ws[k].lo) {
			cross += conj(s.ws[k].lo) // since March: a preposition, not a clause
		}
		pen += cross
		if pen == reportingCue && i-k <= 3 {
			pen = 0 // said Monday, announced in January, declared back in December
		}
		if c > 0 && after {
			c = 0 // will become law after voting Wednesday: the vote comes first
		}
		if c < 0 && inf {
			c = 0 // has decided to admit them in early March: the admission is not past
		}
		if s.is(k, "to") && s.infinitive(k+1) && k+1 < i {
			inf = true
		}
		if c != 0 && i-k+pen < bestDist {
			best, bestDist = c, i-k+pen
			weak = s.ws[k].lo == "would"
			weakOne = own >= reportingCue && pen > 0
		}
	}
	cross = 0
	for k := j; k < len(s.ws) && k-j+1 <= window; k++ {
		c, pen := s.cue(k)
		own := pen
		if c == stop || s.is(k, "that") {
			break // claims Monday that he is going to stay: reported content
		}
		if s.is(k, "ahead") {
			c = 0 // arrived Sunday night ahead of a visit: the visit is ahead, not Sunday
		}
		cross += conj(s.ws[k].lo)
		pen += cross
		if pen == reportingCue && k == j {
			pen = 0 // Monday said
		}
		if c != 0 && k-j+1+pen < bestDist {
			best, bestDist = c, k-j+1+pen
			weak = s.ws[k].lo == "would"
			weakOne = own >= reportingCue && pen > 0
		}
	}
	s.weakFuture = weak
	s.weakCue = weakOne
	return best
}

const stop = 9

// conj gives the cost of crossing a word that joins clauses.
func conj(w string) int {
	switch w {
	case ",":
		return 2
	case "and", "but", "while", "whereas", "although", "though", "who", "which", "that",
		"after", "before", "since", "because", "where":
		return 5
	}
	return 0
}

// Penalties of weak cues, in words.
const (
	weakCue      = 3
	reportingCue = 6
)

var reporting = map[string]bool{
	"said": true, "told": true, "added": true, "noted": true, "stated": true, "announced": true,
	"reported": true, "explained": true, "stressed": true, "emphasized": true, "pointed": true,
	"declared": true, "insisted": true, "claimed": true, "confirmed": true, "warned": true,
}

// cue classifies word k as a tense cue and gives its penalty.
func (s *scanner) cue(k int) (int, int) {
	w := s.ws[k]
	switch w.kind {
	case 'p':
		switch w.lo {
		case ".", ";", ":", "!", "?":
			return stop, 0
		}
		return 0, 0
	case 'd':
		return 0, 0
	}
	lo := w.lo
	switch lo {
	case "won":
		if s.gluedIs(k+1, "'") || s.is(k+1, "n") {
			return 1, 0
		}
		return -1, 0
	case "is", "are", "am":
		if s.is(k+1, "to") || s.is(k+1, "set") && s.is(k+2, "to") || s.is(k+1, "due") {
			return 1, 0
		}
		return 0, 0
	case "to":
		return 0, 0
	case "as":
		// as soon as Tuesday, as early as next week
		if s.is(k-2, "as") && (s.is(k-1, "soon") || s.is(k-1, "early")) {
			return 1, 0
		}
		return 0, 0
	}
	if lo == "would" {
		return 1, weakCue
	}
	cls := s.cueClass(lo)
	if cls&cueReporting != 0 {
		return -1, reportingCue
	}
	switch lo {
	case "was", "were":
		switch s.lo(k + 1) {
		case "planning", "going", "expected", "scheduled", "due", "set", "supposed", "about", "to":
			return 1, 0 // future in the past: were planning to drive on Monday
		}
	case "plans", "plan", "planning":
		if k > 0 && s.nounBefore(k-1) {
			return 0, 0 // announced the plan Aug. 21: a noun
		}
		if s.is(k+1, "to") {
			return 1, 0
		}
		switch s.lo(k - 1) {
		case "i", "we", "they", "you", "he", "she", "who", "will", "would", "also", "still", "now":
			return 1, weakCue // we plan on Monday
		}
		return 0, 0 // the budget plan on March 29: a noun
	case "set":
		if s.is(k+1, "to") || s.is(k+1, "for") {
			return 1, 0
		}
		if s.is(k-1, "be") || s.is(k-1, "is") || s.is(k-1, "are") {
			return 0, 0
		}
		return -1, weakCue // the record high set on Aug. 6
	case "ahead":
		if s.is(k+1, "of") {
			return 1, weakCue // campaigning ahead of Thursday's debate
		}
		return 0, 0
	case "payable":
		return 1, weakCue // payable Dec. 15
	case "record":
		if s.is(k-1, "of") {
			return 1, weakCue // holders of record Nov. 16
		}
		return 0, 0
	}
	if cls&cueFuture != 0 {
		// had been due to expire Friday, as previously planned: a plan
		// that is over.
		if s.is(k-1, "had") || s.is(k-1, "been") && s.is(k-2, "had") || s.is(k-1, "previously") || s.is(k-1, "originally") {
			return -1, 0
		}
		switch s.lo(k - 1) {
		case "a", "an", "the", "his", "her", "its", "their", "s":
			return 1, reportingCue + 1 // a scheduled visit, Erdogan's planned visit: weaker than a verb
		}
		return 1, 0
	}
	if s.is(k+1, "by") && (cls&cuePast != 0 || len(lo) > 4 && strings.HasSuffix(lo, "ed")) && lo != "was" && lo != "were" && lo != "had" {
		return 0, 0 // followed by the House on Thursday: a participle
	}
	if cls&cuePast != 0 {
		if s.is(k-1, "be") || s.is(k-1, "is") || s.is(k-1, "are") {
			return 0, 0 // will be paid Dec. 14
		}
		return -1, 0
	}
	if len(lo) > 4 && strings.HasSuffix(lo, "ed") && !w.upper && cls&cueNotPast == 0 {
		switch s.lo(k - 1) {
		case "a", "an", "the":
			return 0, 0 // a registered nurse: an adjective
		}
		if s.is(k-1, "be") || s.is(k-1, "being") || s.is(k-1, "is") || s.is(k-1, "are") {
			return 0, 0 // must be returned by Jan. 14
		}
		return -1, weakCue
	}
	return 0, 0
}

// cueClass returns the tense cue classes of lo (see cueIndex).
func (s *scanner) cueClass(lo string) uint8 {
	if s.cues == nil {
		s.cues = cueIndex()
	}
	return s.cues.get(lo)
}

// nounBefore reports whether word k makes the word after it a noun: a
// determiner, a possessive or a past-tense verb (announced plans to).
func (s *scanner) nounBefore(k int) bool {
	if lexicon.ClassOf(s.lo(k))&(lexicon.Determiner|lexicon.Possessive) != 0 {
		return true
	}
	switch s.lo(k) {
	case "s", "new", "no", "any":
		return true
	}
	w := s.ws[k]
	if w.kind != 'a' {
		return false
	}
	return reporting[w.lo] || len(w.lo) > 4 && strings.HasSuffix(w.lo, "ed") && !notPast[w.lo]
}

// preposition reports whether w, a conjunction before a clause, is a
// preposition right before a time expression (after Monday, since March).
func preposition(w string) bool {
	switch w {
	case "after", "before", "since", "because":
		return true
	}
	return false
}

// infinitive reports whether word k, after "to", is a verb: to admit, to
// visit (not to Paris, to the border, to 25).
func (s *scanner) infinitive(k int) bool {
	if k >= len(s.ws) || s.ws[k].kind != 'a' || s.ws[k].upper {
		return false
	}
	if lexicon.ClassOf(s.ws[k].lo)&(lexicon.Determiner|lexicon.Possessive) != 0 {
		return false
	}
	switch s.ws[k].lo {
	case "some", "all", "any", "each", "every", "many", "more", "most", "other", "another", "about", "date", "day", "power", "office":
		return false
	}
	w := s.ws[k].lo
	return !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") // to Washington's, to officials: nouns
}
