package quote

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/textvec"
)

// cueKind says how a reporting verb takes its content.
type cueKind byte

const (
	cueSay    cueKind = 's' // say, add, note: content follows or precedes
	cueTell   cueKind = 't' // tell, inform: an addressee comes first
	cueThink  cueKind = 'b' // believe, hope: an attributed state
	cueObject cueKind = 'o' // accuse, praise: content is an object
)

// verbs lists reporting verbs by base form, made on first use. The
// irregular forms are given after a slash: "say/said/says/saying". The
// list was drawn up from the cue words of PolNeAR's training split that
// are cues most of the time.
var verbs = sync.OnceValue(func() map[cueKind][]string {
	return map[cueKind][]string{
		cueSay: {
			"say/said/says/saying", "add", "note", "stress", "emphasize", "emphasise", "reiterate",
			"explain", "argue", "claim", "insist", "caution", "announce", "declare", "stated",
			"write/wrote/writes/writing/written", "tweet", "suggest", "acknowledge",
			"admit/admitted/admits/admitting", "concede", "confirm", "deny/denied/denies/denying",
			"predict", "vow", "pledge", "recall", "remark", "respond", "reply/replied/replies/replying",
			"report", "recount", "complain", "contend", "maintain", "assert", "allege", "agree", "show/showed/shows/showing/shown", "find/found/finds/finding",
			"observe", "mention", "reveal", "indicate", "joke", "boast", "brag/bragged/brags/bragging",
			"lament", "quip/quipped/quips/quipping", "retort", "counter", "shout", "chant", "declare",
			"proclaim", "affirm", "reaffirm", "underline", "underscore", "testify/testified/testifies/testifying",
			"conclude", "speculate", "estimate", "charge", "concur/concurred/concurs/concurring",
			"wonder", "ask", "exclaim", "interject", "muse", "scoff", "snap/snapped/snaps/snapping",
			"wrote", "post", "signal/signaled/signals/signaling", "hint", "assure", "reassure",
			"elaborate", "clarify/clarified/clarifies/clarifying", "stated",
			"warn", "promise", "threaten", "demand", "propose", "urge", "cite", "describe",
			"forecast/forecast/forecasts/forecasting", "predicted", "recommend", "advise", "pray",
			"swear/swore/swears/swearing", "confess", "point", "echo/echoed/echoes/echoing",
			"decry/decried/decries/decrying", "comment", "vow", "reason",
			"refer/referred/refers/referring", "answer", "invoke", "repeat", "highlight",
			"unveil", "outline", "request", "quote", "rail", "recount", "note",
			"decline", "refuse", "prefer/preferred/prefers/preferring", "portray", "knock",
		},
		cueTell: {
			"tell/told/tells/telling", "inform", "remind", "brief",
		},
		cueThink: {
			"believe", "think/thought/thinks/thinking", "hope", "fear", "expect", "feel/felt/feels/feeling",
			"worry/worried/worries/worrying", "doubt", "suspect", "figure", "reckon", "want", "wish",
			"know/knew/knows/knowing", "assume", "envision", "guess", "consider", "regret",
		},
		cueObject: {
			"accuse", "criticize", "criticise", "praise", "hail", "condemn", "denounce", "reject",
			"dismiss", "defend", "welcome", "blame", "slam/slammed/slams/slamming", "blast",
			"question", "call/called/calls/calling", "tout", "attack", "mock", "applaud", "thank",
			"endorse", "oppose", "voice", "express",
		},
	}
})

// notCues are forms of the verbs above that are nouns or other words
// more often than reporting verbs in news ("attacks", "remarks", "figure").
// Measured on PolNeAR's training split: each was wrong more often than
// right.
var notCues = []string{
	"attacks", "attack", "report", "figure", "figures", "figured", "question", "remarks", "find",
	"finding", "reporting", "thanks", "comments", "voice", "voices", "reason", "reasons",
	"tweet", "tweets", "advising", "advises", "advised", "briefed", "briefing", "brief", "responding",
	"shouting", "post", "posts", "welcoming", "charges", "signal", "denying", "assumed", "promise",
	"want", "call", "showing", "opposing", "feels", "feeling", "add", "thanking",
}

// cues maps every form of a reporting verb to its kind.
func cues() map[string]cueKind { c, _ := cueForms(); return c }

// progressive marks -ing forms, which take the subject of the main clause.
var progressive = sync.OnceValue(func() *wordSet { _, p := cueForms(); return newWordSet(p) })

// adverb reports whether t is a lowercase adverb in -ly ("openly",
// "increasingly"), which may stand between a subject and its verb.
func adverb(t *tok) bool {
	return t.kind == 'w' && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !t.upper && !notAdverbs.set().has(t.low)
}

// notAdverbs end in -ly and are no adverbs.
var notAdverbs = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"family": true, "rally": true, "italy": true, "reply": true, "supply": true, "apply": true,
		"assembly": true, "ally": true, "bully": true, "belly": true, "july": true, "anomaly": true,
		"monopoly": true, "homily": true, "multiply": true, "comply": true, "jelly": true,
	}
}}

// ingForm reports whether w is a participle in -ing, listed or not
// ("referencing"), which takes the subject of the main clause.
func ingForm(w string) bool {
	return progressive().has(w) || len(w) > 5 && strings.HasSuffix(w, "ing") && !nonVerbIng.set().has(w)
}

// nonVerbIng end in -ing and are no participles.
var nonVerbIng = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"during": true, "including": true, "according": true, "morning": true, "evening": true,
		"something": true, "nothing": true, "anything": true, "everything": true, "building": true,
		"notwithstanding": true, "regarding": true, "concerning": true, "following": true,
	}
}}

// cueForms builds cues and progressive from verbs, on first use.
var cueForms = sync.OnceValues(func() (map[string]cueKind, map[string]bool) {
	cues, progressive := map[string]cueKind{}, map[string]bool{}
	// The kinds in a fixed order, so that a form listed under two kinds
	// would get the same one in every run.
	for _, kind := range []cueKind{cueSay, cueTell, cueThink, cueObject} {
		for _, v := range verbs()[kind] {
			forms := strings.Split(v, "/")
			if len(forms) == 1 {
				forms = inflect(v)
			}
			for i, f := range forms {
				if _, ok := cues[f]; !ok {
					cues[f] = kind
				}
				if i == len(forms)-1 && strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ing") {
					progressive[f] = true
				}
			}
		}
	}
	for _, f := range notCues {
		delete(cues, f)
	}
	return cues, progressive
})

// inflect returns base, past, third person and -ing forms of a regular
// verb.
func inflect(v string) []string {
	var past, third, ing string
	switch {
	case strings.HasSuffix(v, "e"):
		past, third, ing = v+"d", v+"s", v[:len(v)-1]+"ing"
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		past, third, ing = v[:len(v)-1]+"ied", v[:len(v)-1]+"ies", v+"ing"
	case strings.HasSuffix(v, "ss") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "o"):
		past, third, ing = v+"ed", v+"es", v+"ing"
	default:
		past, third, ing = v+"ed", v+"s", v+"ing"
	}
	return []string{v, past, third, ing}
}

// pronouns that can be the source of a quote, with whether they name one
// person: lexicon's subject pronouns and the relative ones.
var pronouns = &lazyWords{build: func() map[string]bool {
	m := map[string]bool{"who": false, "which": false, "that": false}
	for _, w := range lexicon.Words(lexicon.Pronoun, 0) {
		m[w] = w == "he" || w == "she"
	}
	return m
}}

// contracted reports whether w is a pronoun with a contracted auxiliary,
// "he’s", "they're", "who's": a subject, not a possessive.
func contracted(w string) bool {
	_, ok := uncontract(w)
	return ok
}

// uncontract returns the pronoun of a contraction: "he’s" → "he".
func uncontract(w string) (string, bool) {
	// every suffix holds an apostrophe (' or the first byte of ’) in
	// its last five bytes: a word without one is passed at once
	if tail := w[max(0, len(w)-5):]; strings.IndexByte(tail, '\'') < 0 && strings.IndexByte(tail, 0xE2) < 0 {
		return w, false
	}
	for _, suf := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'d", "’d", "'ll", "’ll"} {
		if b, ok := strings.CutSuffix(w, suf); ok {
			pron := pronouns.set().in(b)
			return b, pron || b == "there" || b == "what"
		}
	}
	return w, false
}

// determiners open a noun phrase: lexicon's determiners, possessives and
// quantifiers, and the numbers one to three. "that" is left out: before a
// cue it more often opens a clause than a noun phrase.
var determiners = &lazyWords{build: func() map[string]bool {
	m := lexicon.Set(lexicon.Determiner|lexicon.Possessive|lexicon.Quantifier, 0, "one", "two", "three")
	delete(m, "that")
	return m
}}

// boundary words end a noun phrase read leftwards from a cue: lexicon's
// object pronouns but "you" and "her" ("her" is as often a possessive
// inside the phrase), and boundaryWords.
var boundary = &lazyWords{build: func() map[string]bool {
	m := lexicon.Set(lexicon.ObjectPronoun, 0, boundaryWords...)
	delete(m, "you")
	delete(m, "her")
	return m
}}

// boundaryWords are the conjunctions, prepositions, auxiliaries and
// adverbs that end a noun phrase read leftwards from a cue.
var boundaryWords = []string{
	"and", "but", "or", "nor", "that", "which", "who", "whom", "when", "while", "as", "if", "because",
	"after", "before", "since", "although", "though", "where", "so", "than", "to", "in", "on", "at",
	"with", "by", "for", "from", "into", "about", "over", "under", "is", "are", "was", "were", "be",
	"been", "being", "said", "says", "says,", "not", "also", "would", "will", "could", "should",
	"can", "may", "might", "must", "did", "does", "do", "has", "have", "had", "then", "there", "here",
	"what", "whether", "how", "why", "until", "unless", "during", "against", "without", "within",
	"between", "among", "through", "like", "even", "just", "only", "up", "out", "yet", "however",
	"now", "upon", "via", "amid", "despite", "toward", "towards", "around", "across", "behind", "per",
	"very", "too", "again", "once",
}

// functionCap are capitalised words that start sentences but not names:
// lexicon's determiners, possessives, subject pronouns and quantifiers,
// the number words one to ten, and functionCapWords. "you", "several",
// "few" and "any" stay out, as they always have.
var functionCap = &lazyWords{build: func() map[string]bool {
	m := lexicon.Set(lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.Quantifier, 0, functionCapWords...)
	for _, w := range lexicon.Words(lexicon.NumberWord, 0) {
		if v, _ := lexicon.NumberValue(w); v <= 10 {
			m[w] = true
		}
	}
	for _, w := range []string{"you", "several", "few", "any"} {
		delete(m, w)
	}
	return m
}}

// functionCapWords are the conjunctions, prepositions, adverbs, time
// words and section labels that start sentences but not names.
var functionCapWords = []string{
	"but", "and", "or", "meanwhile", "however", "still", "also", "in", "on", "at", "when", "while",
	"after", "as", "if", "yet", "so", "then", "now", "here", "there", "for", "besides", "separately",
	"earlier", "later", "last", "during", "according", "speaking", "asked", "what", "who", "why",
	"how", "although", "though", "because", "since", "with", "without", "from", "by", "even",
	"despite", "instead", "moreover", "furthermore", "indeed", "comment", "analysis", "opinion",
	"editorial", "asked,", "today", "yesterday", "tomorrow", "not", "of", "to", "into", "where",
	"until", "unless", "before", "once", "thus", "therefore", "again", "only", "just",
}

// skippable words may sit between a source and its cue: "has also said",
// "reportedly told".
var skippable = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"also": true, "has": true, "have": true, "had": true, "later": true, "then": true,
		"reportedly": true, "previously": true, "repeatedly": true, "again": true, "once": true,
		"further": true, "recently": true, "publicly": true, "earlier": true, "privately": true,
		"quickly": true, "specifically": true, "frequently": true, "often": true, "already": true,
		"subsequently": true, "similarly": true, "likewise": true, "separately": true, "too": true,
		"would": true, "will": true, "did": true, "does": true, "do": true, "not": true, "never": true,
		"had,": true, "always": true, "still": true, "first": true, "initially": true, "finally": true,
		"openly": true, "flatly": true, "bluntly": true, "firmly": true, "strongly": true,
		"clearly": true, "explicitly": true, "directly": true, "simply": true, "just": true,
		"even": true, "widely": true, "emphatically": true, "angrily": true, "quietly": true,
		"could": true, "may": true, "might": true, "can": true, "is": true, "are": true, "was": true,
		"were": true, "be": true, "been": true, "being": true, "to": true, "could've": true,
		"himself": true, "herself": true, "themselves": true, "itself": true, "overall": true,
		"personally": true, "today": true, "yesterday": true, "now": true, "cannot": true,
		// Negated auxiliaries: "He doesn't think so".
		"don't": true, "don’t": true, "doesn't": true, "doesn’t": true, "didn't": true, "didn’t": true,
		"won't": true, "won’t": true, "wouldn't": true, "wouldn’t": true, "can't": true, "can’t": true,
		"couldn't": true, "couldn’t": true, "isn't": true, "isn’t": true, "wasn't": true, "wasn’t": true,
		"aren't": true, "aren’t": true, "weren't": true, "weren’t": true, "hasn't": true, "hasn’t": true,
		"haven't": true, "haven’t": true, "hadn't": true, "hadn’t": true, "shouldn't": true,
		"shouldn’t": true,
	}
}}

// roleNouns head descriptions of people and groups: "the Iraqi official".
var roleNouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"official": true, "officials": true, "commander": true, "commanders": true, "counterpart": true,
		"counterparts": true, "chief": true, "chiefs": true, "minister": true, "ministers": true,
		"president": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
		"spokespeople": true, "leader": true, "leaders": true, "head": true, "envoy": true,
		"ambassador": true, "general": true, "generals": true, "officer": true, "officers": true,
		"diplomat": true, "diplomats": true, "aide": true, "aides": true, "adviser": true,
		"advisers": true, "advisor": true, "advisors": true, "source": true, "sources": true,
		"analyst": true, "analysts": true, "expert": true, "experts": true, "lawmaker": true,
		"lawmakers": true, "senator": true, "senators": true, "governor": true, "mayor": true,
		"secretary": true, "director": true, "chairman": true, "chairwoman": true, "chair": true,
		"candidate": true, "candidates": true, "nominee": true, "campaign": true, "government": true,
		"ministry": true, "agency": true, "administration": true, "report": true, "statement": true,
		"poll": true, "polls": true, "survey": true, "study": true, "critics": true, "supporters": true,
		"voters": true, "residents": true, "people": true, "police": true, "prosecutors": true,
		"lawyer": true, "lawyers": true, "attorney": true, "judge": true, "court": true,
		"democrats": true, "republicans": true, "member": true, "members": true, "staff": true,
		"delegation": true, "side": true, "sides": true, "military": true, "army": true, "media": true,
		"authorities": true, "man": true, "woman": true, "executive": true, "founder": true,
		"activist": true, "activists": true, "observers": true, "witnesses": true, "witness": true,
		"representative": true, "representatives": true, "premier": true, "king": true,
		"cleric": true, "clerics": true, "group": true, "groups": true, "party": true, "council": true,
		"committee": true, "newspaper": true, "paper": true, "outlet": true, "network": true,
		"website": true, "document": true, "memo": true, "letter": true, "data": true, "figures": true,
		"researchers": true, "scientists": true, "economists": true, "strategist": true,
		"strategists": true, "manager": true, "operative": true, "operatives": true, "host": true,
		"anchor": true, "reporter": true, "reporters": true, "columnist": true, "editor": true,
		"economist": true, "professor": true, "scholar": true, "team": true, "department": true,
		"office": true, "white house": true, "pentagon": true, "insiders": true, "friends": true,
		"family": true, "wife": true, "husband": true, "son": true, "daughter": true, "father": true,
		"mother": true, "brother": true, "sister": true, "pollster": true, "pollsters": true,
		"americans": true, "republican": true, "democrat": true, "conservatives": true,
		"liberals": true, "delegates": true, "percent": true, "half": true, "third": true,
		"majority": true, "others": true, "board": true, "magazine": true, "airline": true,
		"company": true, "firm": true, "commission": true, "friend": true, "spokesmen": true, "donors": true, "backers": true, "opponents": true,
		"rivals": true, "rival": true, "opponent": true,
	}
}}

// titleWords are ranks and offices written before a name. They are not
// part of the name. They are spelledTitles and lexicon's abbreviated titles
// with their period ("Gen.", "Mr.").
var titleWords = &lazyWords{build: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Words(lexicon.Title, 0) {
		m[w+"."] = true
	}
	for w, v := range spelledTitles.set().m {
		m[w] = v
	}
	return m
}}

// spelledTitles are the titles written out: spelledRanks, personWords and
// spelledTitleWords.
var spelledTitles = &lazyWords{build: func() map[string]bool {
	return lexicon.Set(0, 0, slices.Concat(spelledRanks(), personWords, spelledTitleWords)...)
}}

// spelledTitleWords are the titles written out that personTitles lacks:
// the words of an office's name ("prime", "foreign", "of", "the"),
// religious and party titles, and the French "M.".
var spelledTitleWords = []string{
	"representative", "vice", "prime", "foreign", "defense", "defence", "interior", "of", "the",
	"dame", "supreme", "armed", "forces", "army", "acting", "former", "top", "senior",
	"commander-in-chief", "field", "air", "vice-president", "state", "house", "senate", "u.s.",
	"attorney", "democratic", "republican", "presidential", "father", "brother", "sister", "saint",
	"crown", "archbishop", "m.",
}

// personWords are the compound ranks, offices and forms of address
// written before a name that both spelledTitles and personTitles hold,
// with the four forms of address also written without their period
// ("Mr Smith").
var personWords = []string{
	"lieutenant-general", "major-general", "brigadier-general", "mr", "mrs", "ms", "dr", "senator",
	"governor", "president", "minister", "secretary", "chief", "ayatollah", "sheikh", "king", "queen",
	"prince", "princess", "pope", "judge", "justice", "speaker", "chairman", "chairwoman", "director",
	"mayor", "ambassador", "envoy", "professor", "reverend", "sir", "lord", "lady", "leader",
	"spokesman", "spokeswoman", "head", "deputy", "rabbi", "cardinal", "bishop", "emir", "sultan",
	"chancellor", "premier", "president-elect", "nominee", "candidate", "officer", "hojatoleslam",
	"mullah", "imam", "staff", "mme",
}

// spelledRanks returns lexicon's ranks spelled out ("general",
// "lieutenant") but "corporal" and "commodore", which quote's lists never
// held.
func spelledRanks() []string {
	var out []string
	for _, w := range lexicon.Words(lexicon.Rank, lexicon.Abbrev) {
		if w != "corporal" && w != "commodore" {
			out = append(out, w)
		}
	}
	return out
}

// agencyWords mark a source that relays news: "Tasnim news agency".
var agencyWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"agency": true, "agencies": true, "news": true, "media": true, "newspaper": true,
		"daily": true, "broadcaster": true, "television": true, "tv": true, "radio": true,
		"outlet": true, "outlets": true, "reported": true, "wire": true, "channel": true,
		"website": true, "press": true, "semi-official": true, "official": true, "state-run": true,
		"state": true, "local": true, "reports": true,
	}
}}

// timeWords name days, months and other times, never a source: lexicon's
// weekdays and months written in full, and these.
var timeWords = &lazyWords{build: func() map[string]bool {
	return lexicon.Set(lexicon.Weekday|lexicon.Month, lexicon.Abbrev,
		"today", "yesterday", "week", "month", "year", "morning", "afternoon", "evening",
		"night", "weekend", "tonight")
}}

// Listed reports whether cue, as written, is a reporting verb of the
// package's lists (said, told, believes, according to…) rather than a
// word only the cue model took for a cue ("signed", "discussed"): what
// someone said or thinks, not what they did.
func Listed(cue string) bool {
	f := strings.Fields(strings.ToLower(cue))
	if len(f) == 0 {
		return false
	}
	if f[0] == "according" || cue == ":" {
		return true
	}
	for _, w := range f {
		if _, ok := cues()[strings.Trim(w, ".,:;")]; ok {
			return true
		}
	}
	return false
}

// lexBits is the lexical class of a token: the word lists of the package
// that hold its lowercase form, looked up once per token (newPara) rather
// than by each rule that asks.
type lexBits uint16

const (
	lxCue         lexBits = 1 << iota // a key of cues; tok.cue is its kind
	lxSkippable                       // skippable
	lxBoundary                        // boundary
	lxDeterminer                      // determiners
	lxPronoun                         // a key of pronouns
	lxPronounTrue                     // pronouns says true: one person
	lxRoleNoun                        // roleNouns
	lxFunctionCap                     // functionCap
	lxCoreCue                         // coreCues
	lxClauseConj                      // clauseConj
	lxNounCueWord                     // nounCueWords
	lxTitleWord                       // titleWords
	lxPersonTitle                     // personTitles
	lxNumberWord                      // numberWords
	lxIrregular                       // irregularParticiples
	lxSeemVerb                        // seemVerbs
)

// lexClasses maps every word of the lists lexBits names to its bits. It
// is built on first use.
var lexClasses = sync.OnceValue(func() map[string]lexBits {
	m := map[string]lexBits{}
	for w := range cues() {
		m[w] |= lxCue
	}
	sets := []struct {
		words map[string]bool
		bit   lexBits
	}{
		{skippable.set().m, lxSkippable}, {boundary.set().m, lxBoundary}, {determiners.set().m, lxDeterminer},
		{roleNouns.set().m, lxRoleNoun}, {functionCap.set().m, lxFunctionCap}, {coreCues.set().m, lxCoreCue},
		{clauseConj.set().m, lxClauseConj}, {nounCueWords.set().m, lxNounCueWord},
		{titleWords.set().m, lxTitleWord}, {personTitles.set().m, lxPersonTitle},
		{numberWords.set().m, lxNumberWord}, {irregularParticiples.set().m, lxIrregular},
		{seemVerbs.set().m, lxSeemVerb},
	}
	for _, s := range sets {
		for w, ok := range s.words {
			if ok {
				m[w] |= s.bit
			}
		}
	}
	for w, one := range pronouns.set().m {
		m[w] |= lxPronoun
		if one {
			m[w] |= lxPronounTrue
		}
	}
	return m
})

// classify sets the lexical class of each token and, if it has lxCue,
// its kind of cue, reading them from lexIndex: one probe per token.
func classify(ts []tok) {
	x := lexIndex()
	for i := range ts {
		t := &ts[i]
		t.lx, t.cue = x.get(t.low)
	}
}

// lexTable is lexClasses and cues in one open-addressed table, hashed
// by lexHash: a token's class and cue kind in one probe that, for most
// words of no list, ends at an empty slot without comparing strings.
type lexTable struct {
	first [4]uint64 // bit b: a key whose first byte is b
	mask  uint32
	slots []lexSlot
}

type lexSlot struct {
	key string
	lx  lexBits
	cue cueKind
}

// lexIndex is lexTable built from lexClasses and cues on first use.
var lexIndex = sync.OnceValue(func() *lexTable {
	classes, cs := lexClasses(), cues()
	n := 1
	for n < 4*len(classes) {
		n <<= 1
	}
	x := &lexTable{mask: uint32(n - 1), slots: make([]lexSlot, n)}
	for w, lx := range classes {
		if w == "" {
			continue
		}
		x.first[w[0]>>6] |= 1 << (w[0] & 63)
		i := lexHash(w) & x.mask
		for x.slots[i].key != "" {
			i = (i + 1) & x.mask
		}
		x.slots[i] = lexSlot{key: w, lx: lx}
		if lx&lxCue != 0 {
			x.slots[i].cue = cs[w]
		}
	}
	return x
})

// lexHash is the low 32 bits of textvec.HashString(w) (FNV-1a): the
// home slot of w in quote's open-addressed tables.
func lexHash(w string) uint32 { return uint32(textvec.HashString(w)) }

// get returns the class of w and its kind of cue (0 unless the class
// has lxCue), as lexClasses and cues give them.
func (x *lexTable) get(w string) (lexBits, cueKind) {
	if w == "" || x.first[w[0]>>6]&(1<<(w[0]&63)) == 0 {
		return 0, 0
	}
	for i := lexHash(w) & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.key == w {
			return s.lx, s.cue
		}
		if s.key == "" {
			return 0, 0
		}
	}
}

// has reports whether t is in every list of bits.
func (t *tok) has(bits lexBits) bool { return t.lx&bits == bits }

// wordSet is a word list: the words of a map (a word whose value is
// false is a key the list holds apart, as pronouns' plural ones), with
// a filter of the lengths and first bytes of its keys that turns most
// other words down before they are hashed.
type wordSet struct {
	lens  uint64    // bit n: a key of n bytes (63: of 63 or more)
	first [4]uint64 // bit b: a key whose first byte is b
	m     map[string]bool
}

func newWordSet(m map[string]bool) *wordSet {
	s := &wordSet{m: m}
	for w := range m {
		s.lens |= 1 << min(len(w), 63)
		if w != "" {
			s.first[w[0]>>6] |= 1 << (w[0] & 63)
		}
	}
	return s
}

// may reports whether w passes the filter.
func (s *wordSet) may(w string) bool {
	if s.lens&(1<<min(len(w), 63)) == 0 {
		return false
	}
	return w == "" || s.first[w[0]>>6]&(1<<(w[0]&63)) != 0
}

// has returns the value of w: true for a word of the list.
func (s *wordSet) has(w string) bool { return s.may(w) && s.m[w] }

// in reports whether w is a key of the list, whatever its value.
func (s *wordSet) in(w string) bool {
	if !s.may(w) {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// lazyWords is a word list made on first use by build: the package's
// start costs nothing for the lists a run does not read.
type lazyWords struct {
	build func() map[string]bool
	once  sync.Once
	p     atomic.Pointer[wordSet]
}

// set returns the list, made on the first call.
func (l *lazyWords) set() *wordSet {
	if s := l.p.Load(); s != nil {
		return s
	}
	return l.make()
}

func (l *lazyWords) make() *wordSet {
	l.once.Do(func() { l.p.Store(newWordSet(l.build())) })
	return l.p.Load()
}

// get returns the value of w and whether w is a key of the list.
func (s *wordSet) get(w string) (v, ok bool) {
	if !s.may(w) {
		return false, false
	}
	v, ok = s.m[w]
	return v, ok
}

// participle reports whether t can be a past participle ("criticized",
// "thought"): an -ed word or one of irregularParticiples, read from t's
// class.
func (t *tok) participle() bool {
	return strings.HasSuffix(t.low, "ed") || t.has(lxIrregular)
}

// isNumber is isNumber(t.low), read from t's class.
func (t *tok) isNumber() bool {
	w := t.low
	if w == "" {
		return false
	}
	for _, c := range w {
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != '%' {
			return t.has(lxNumberWord)
		}
	}
	return true
}
