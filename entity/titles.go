package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// rankWords maps the words of military and police ranks, and their
// abbreviations, to the word as spelled out: lexicon's ranks and
// rankQualifiers.
var rankWords = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, w := range lexicon.Words(lexicon.Rank, 0) {
		m[w] = upperFirst(lexicon.RankName(w))
	}
	for _, w := range rankQualifiers {
		m[w] = upperFirst(w)
	}
	return m
})

// rankQualifiers are the words that stand before a rank in its name and
// are no rank alone ("Rear Admiral", "Vice Admiral", "Field Marshal",
// "Air Marshal").
var rankQualifiers = []string{"rear", "vice", "field", "air"}

// rankHeads are the words a rank ends with: lexicon's ranks, spelled out.
var rankHeads = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Words(lexicon.Rank, lexicon.Abbrev) {
		m[upperFirst(w)] = true
	}
	return m
})

// upperFirst capitalises an ASCII word's first letter.
func upperFirst(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// rankOf returns the rank that words spell, spelled out ("Lt.-Gen." →
// "Lieutenant General"), or "" when they are not a rank. Every word must
// be capitalised; a lone "." token is skipped.
func rankOf(words []string) string {
	var buf [8]string
	out := buf[:0]
	for _, w := range words {
		if w == "." {
			continue
		}
		for p := range strings.FieldsFuncSeq(w, func(r rune) bool { return r == '-' || r == ' ' }) {
			p = strings.TrimSuffix(p, ".")
			if p == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(p)
			if !unicode.IsUpper(r) {
				return ""
			}
			c := lowerIn(rankWords(), p)
			if c == "" {
				return ""
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 || !rankHeads()[out[len(out)-1]] {
		return ""
	}
	return strings.Join(out, " ")
}

// NormalizeRank returns a military rank spelled out and in one spelling
// ("Maj. Gen." and "Major-General" → "Major General",
// "Lieutenant-General" → "Lieutenant General") and whether s is a rank.
func NormalizeRank(s string) (string, bool) {
	var buf [8]string
	r := rankOf(token.FieldsInto(buf[:0], s))
	return r, r != ""
}

// officeGeneral are the offices whose name ends in "General", which is then
// no rank (Attorney General, Secretary General).
var officeGeneral = map[string]bool{
	"attorney": true, "secretary": true, "surgeon": true, "solicitor": true, "inspector": true,
	"auditor": true, "governor": true, "postmaster": true, "adjutant": true, "advocate": true,
	"director": true, "consul": true, "comptroller": true, "accountant": true,
}

// honorifics are the forms of address written before a name that are
// neither ranks nor offices: lexicon's.
var honorifics = sync.OnceValue(func() map[string]bool { return lexicon.Set(lexicon.Honorific, 0) })

// roleHeads are the words that make a phrase an office or a role.
var roleHeads = map[string]bool{
	"chief": true, "minister": true, "president": true, "commander": true, "head": true, "director": true,
	"secretary": true, "leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "chair": true, "ambassador": true, "envoy": true, "governor": true,
	"mayor": true, "king": true, "queen": true, "prince": true, "princess": true, "emir": true, "sultan": true,
	"premier": true, "chancellor": true, "senator": true, "judge": true, "prosecutor": true, "attorney": true,
	"ceo": true, "founder": true, "official": true, "officer": true, "general": true, "admiral": true,
	"deputy": true, "adviser": true, "advisor": true, "aide": true, "coach": true, "manager": true,
	"editor": true, "correspondent": true, "analyst": true, "representative": true, "speaker": true,
	"commissioner": true, "inspector": true, "delegate": true, "lawmaker": true, "legislator": true,
	"mp": true, "cleric": true, "pope": true, "cardinal": true, "bishop": true, "archbishop": true,
	"vice-president": true, "president-elect": true, "secretary-general": true, "prime": true,
	"justice": true, "councillor": true, "councilor": true, "dean": true, "rector": true, "provost": true,
	"executive": true, "treasurer": true, "auditor": true, "comptroller": true, "sheriff": true,
	"superintendent": true, "magistrate": true, "consul": true, "diplomat": true, "negotiator": true,
	"mediator": true, "strongman": true, "dictator": true, "monarch": true, "ruler": true, "crown": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "amb": true, "supt": true, "insp": true,
	"cmdr": true, "gen": true,
}

// address are the honorifics that are forms of address only, kept in a
// mention's titles but not among a person's roles.
var address = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mme": true, "mlle": true, "herr": true, "frau": true,
}

// roleWords may stand in lower case inside an office's name ("Iraqi army
// chief of staff", "supreme leader").
var roleWords = map[string]bool{
	"army": true, "military": true, "armed": true, "forces": true, "force": true, "defense": true,
	"defence": true, "foreign": true, "interior": true, "finance": true, "staff": true, "vice": true,
	"top": true, "senior": true, "supreme": true, "national": true, "security": true, "intelligence": true,
	"police": true, "navy": true, "naval": true, "air": true, "joint": true, "affairs": true, "state": true,
	"acting": true, "trade": true, "economy": true, "oil": true, "health": true, "education": true,
	"general": true, "assistant": true, "associate": true, "executive": true, "managing": true,
	"operating": true, "financial": true, "energy": true, "agriculture": true, "farm": true,
	"labour": true, "labor": true, "transport": true, "culture": true, "environment": true,
	"house": true, "senate": true, "council": true, "cabinet": true, "party": true, "opposition": true,
	"government": true, "ministry": true, "revolutionary": true, "guards": true, "corps": true,
	"spiritual": true, "religious": true, "regional": true, "provincial": true, "federal": true,
	"majority": true, "minority": true, "whip": true, "city": true, "county": true, "press": true,
}

// connectors may stand inside an office's name.
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "&": true}

// leading words trimmed off the left of an office's name.
var leadStop = map[string]bool{
	"during": true, "in": true, "on": true, "at": true, "after": true, "before": true, "when": true,
	"while": true, "but": true, "and": true, "the": true, "a": true, "an": true, "as": true, "by": true,
	"with": true, "from": true, "to": true, "for": true, "of": true, "said": true, "says": true,
	"according": true, "meanwhile": true, "also": true, "then": true, "however": true, "both": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "&": true, "former": false,
	"separately": true, "speaking": true, "earlier": true, "later": true, "yesterday": true, "today": true,
	"this": true, "that": true, "these": true, "those": true, "if": true, "because": true, "since": true,
}

// lowerWord returns w lowercased without trailing dots.
func lowerWord(w string) string { return strings.ToLower(strings.TrimRight(w, ".")) }

func capitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return w[0]-'A' < 26
	}
	return upperFirstRune(w)
}

// upperFirstRune is capitalised past ASCII, apart so that capitalised
// is inlined.
func upperFirstRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// isTitleLow reports whether a capitalised word, given as lowerWord
// gives it, is a rank, honorific or office word.
func (t *Tagger) isTitleLow(l string) bool {
	if rankWords()[l] != "" && rankHeads()[rankWords()[l]] {
		return true
	}
	for p := range strings.SplitSeq(l, "-") {
		if honorifics()[p] || roleHeads[p] || t.titles[p] {
			return true
		}
	}
	return false
}

// title is one rank, honorific or role written next to a name.
type title struct {
	span news.Span
	text string
	rank string // spelled-out rank, for ranks
}

// isRoleWord reports whether a lower-case word may stand in an office's
// name.
func (t *Tagger) isRoleWord(w string) bool { return t.isRoleLow(lowerWord(w)) }

// isRoleLow is isRoleWord for a word given as lowerWord gives it.
func (t *Tagger) isRoleLow(l string) bool {
	if roleHeads[l] || roleWords[l] || t.titles[l] {
		return true
	}
	if strings.IndexByte(l, '-') < 0 {
		return false // the one part is l
	}
	for p := range strings.SplitSeq(l, "-") {
		if roleHeads[p] || roleWords[p] {
			return true
		}
	}
	return false
}

func (t *Tagger) hasHead(toks []tok) bool {
	for k := range toks {
		if t.classOf(toks, k)&clsHead != 0 {
			return true
		}
	}
	return false
}

// headLow reports whether a word given as lowerWord gives it is, or has
// a part that is, the head of an office.
func headLow(l string) bool {
	if roleHeads[l] {
		return true
	}
	if strings.IndexByte(l, '-') < 0 {
		return false // the one part is l
	}
	for p := range strings.SplitSeq(l, "-") {
		if roleHeads[p] {
			return true
		}
	}
	return false
}

// titleLike reports whether token k may stand in a title: an office,
// rank or honorific word, or a capitalised word of a place, organisation
// or nationality the tagger found (named).
func (t *Tagger) titleLike(toks []tok, k int, named func(int) bool) bool {
	c := t.classOf(toks, k)
	if c&(clsRole|clsRank) != 0 {
		return true
	}
	if capitalised(toks[k].Text) {
		return named(k) || c&(clsTitle|clsHon) != 0
	}
	return false
}

// leftWindow returns the first token of the run of title-like tokens that
// ends right before token s (>= lo): office words, ranks, honorifics,
// names of places and organisations, connectors, abbreviation dots, and a
// possessor ("Turkey's") that ends the run.
func (t *Tagger) leftWindow(toks []tok, lo, s int, blocked, named func(int) bool) int {
	j := s
	for j > lo && s-j < 14 {
		w := toks[j-1].Text
		if blocked(j - 1) {
			break
		}
		if w == "." {
			if j-2 >= lo && capitalised(toks[j-2].Text) && !blocked(j-2) {
				j--
				continue
			}
			break
		}
		if isPossessive(w) {
			if j < s && j-2 >= lo && capitalised(toks[j-2].Text) && !blocked(j-2) {
				j -= 2
			}
			break
		}
		if t.titleLike(toks, j-1, named) || t.classOf(toks, j-1)&clsConn != 0 {
			j--
			continue
		}
		break
	}
	// trim function words and connectors off the left
	for j < s {
		if t.classOf(toks, j)&(clsLead|clsConn) != 0 || toks[j].Text == "." {
			j++
			continue
		}
		break
	}
	return j
}

// splitTitles splits the tokens [j, s) before a name into a role, then
// honorifics, then a rank next to the name. Only an office word makes
// the leftmost part a role.
//
// A role right before the name that relates to another person's office
// ("spokesman for House Speaker" before "John Boehner") keeps only that
// office, which is the named person's; direct is false for a role in
// apposition ("an adviser to the President, John Smith"), which is kept
// whole.
func (t *Tagger) splitTitles(text string, toks []tok, j, s int, direct bool) (out []title, start int) {
	start = s
	end := s
	// rankBefore takes the longest run of up to five tokens before end
	// that spells a rank ("General" after an office word is that office's).
	rankBefore := func() {
		for k := max(j, end-5); k < end; k++ {
			ws := make([]string, 0, end-k)
			for _, tk := range toks[k:end] {
				ws = append(ws, tk.Text)
			}
			if r := rankOf(ws); r != "" && toks[k].Text != "." && !(r == "General" && k > j && lowerWordIn(officeGeneral, toks[k-1].Text)) {
				out = append(out, title{span: news.Span{Start: toks[k].Start, End: toks[end-1].End}, rank: r})
				end, start = k, k
				return
			}
		}
	}
	// rank next to the name
	rankBefore()
	// honorifics
	for end > j {
		k := end - 1
		if toks[k].Text == "." && k > j {
			k--
		}
		if !capitalised(toks[k].Text) || t.classOf(toks, k)&clsHon == 0 {
			break
		}
		out = append(out, title{span: news.Span{Start: toks[k].Start, End: toks[end-1].End}})
		end, start = k, k
	}
	// a rank after honorifics (Dr. Gen. is rare, Gen. after a role common)
	rankBefore()
	// the role: trim connectors off its right
	e := end
	relation := false // "a spokesman for (the)" right before the name
	for e > j && (t.classOf(toks, e-1)&clsConn != 0 || isPossessive(toks[e-1].Text)) {
		switch t.lowOf(toks, e-1) {
		case "for", "to", "of":
			relation = true
		}
		e--
	}
	if e > j && t.hasHead(toks[j:e]) && !(direct && relation) {
		a := j
		if direct && capitalised(toks[e-1].Text) && t.hasHead(toks[e-1:e]) {
			// "spokesman for House Speaker": the office after the last
			// "for" or "to" is the person's
			for c := e - 2; c > j; c-- {
				if l := t.lowOf(toks, c); l == "for" || l == "to" {
					if t.hasHead(toks[j:c]) {
						a = c + 1
						for a < e-1 && (t.lowOf(toks, a) == "the" || t.lowOf(toks, a) == "a") {
							a++
						}
					}
					break
				}
			}
		}
		out = append(out, title{span: news.Span{Start: toks[a].Start, End: toks[e-1].End}})
		start = a
	}
	for i := range out {
		out[i].text = strings.Join(strings.Fields(out[i].span.In(text)), " ")
	}
	// left to right
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out, start
}

// rightRole returns the role given in an apposition after the name that
// ends before token e ("…al-Ghanmi, the chief of staff of Iraqi Armed
// Forces,"), and the end of the apposition.
func (t *Tagger) rightRole(text string, toks []tok, e, hi int, blocked, named func(int) bool) (title, int, bool) {
	if e >= hi || toks[e].Text != "," {
		return title{}, 0, false
	}
	k := e + 1
	for k < hi && k-e <= 14 {
		w := toks[k].Text
		if blocked(k) {
			return title{}, 0, false
		}
		switch w {
		case ",", ".", ";", ":", ")", "--", "–", "—", "\"", "”", "“":
			goto done
		}
		l := t.lowOf(toks, k)
		if t.titleLike(toks, k, named) || connectors[l] || l == "a" || l == "an" || isPossessive(w) {
			k++
			continue
		}
		return title{}, 0, false
	}
	if k < hi {
		return title{}, 0, false
	}
done:
	a := e + 1
	for a < k {
		l := t.lowOf(toks, a)
		if l == "the" || l == "a" || l == "an" {
			a++
			continue
		}
		break
	}
	if a >= k || !t.hasHead(toks[a:k]) {
		return title{}, 0, false
	}
	sp := news.Span{Start: toks[a].Start, End: toks[k-1].End}
	return title{span: sp, text: strings.Join(strings.Fields(sp.In(text)), " ")}, toks[k-1].End, true
}
