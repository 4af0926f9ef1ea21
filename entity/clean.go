package entity

import (
	"bytes"
	"strings"
	"sync"
	"unicode"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

// discourse are the words that open a sentence as a connective or an
// adverb; written capitalised there, they are no names ("Besides, …").
var discourse = map[string]bool{
	"besides": true, "however": true, "meanwhile": true, "moreover": true, "furthermore": true,
	"nevertheless": true, "nonetheless": true, "additionally": true, "also": true, "still": true,
	"thus": true, "hence": true, "therefore": true, "instead": true, "otherwise": true, "indeed": true,
	"overall": true, "separately": true, "similarly": true, "likewise": true, "consequently": true,
	"accordingly": true, "finally": true, "lastly": true, "first": true, "second": true, "third": true,
	"today": true, "yesterday": true, "tomorrow": true, "earlier": true, "later": true, "afterwards": true,
	"afterward": true, "recently": true, "currently": true, "previously": true, "notably": true,
	"importantly": true, "ironically": true, "unfortunately": true, "fortunately": true, "surprisingly": true,
	"interestingly": true, "regardless": true, "anyway": true, "again": true, "further": true, "yet": true,
	"so": true, "then": true, "now": true, "here": true, "there": true, "well": true, "yes": true, "no": true,
	"oh": true, "okay": true, "ok": true, "sadly": true, "clearly": true, "obviously": true, "apparently": true,
	"specifically": true, "basically": true, "ultimately": true, "initially": true, "originally": true,
	"elsewhere": true, "nearby": true, "altogether": true, "personally": true, "frankly": true,
	"honestly": true, "admittedly": true, "undoubtedly": true, "certainly": true, "perhaps": true, "maybe": true,
	"thankfully": true, "hopefully": true, "please": true, "hi": true, "hello": true, "thanks": true, "critics": true, "supporters": true, "opponents": true,
	"advocates": true, "officials": true, "analysts": true, "experts": true, "residents": true,
}

// weekdays (and "Dear") are trimmed off the front of a name ("Friday
// Facebook", "Dear Sasha"), and weekdays off the end of a person's
// ("Obama Monday").
var weekdays = sync.OnceValue(func() map[string]bool { return lexicon.Set(lexicon.Weekday, lexicon.Abbrev, "dear") })

// personTitles are office words that, inside what the tagger took for an
// organisation's or a person's name, start a person's name when written
// capitalised before one ("Gov. Deval Patrick", "Vermont Sen. Sanders",
// "Chief Justice Roberts").
var personTitles = map[string]bool{
	"sen": true, "senator": true, "rep": true, "representative": true, "congressman": true,
	"congresswoman": true, "gov": true, "governor": true, "sheriff": true, "councilman": true,
	"councilwoman": true, "assemblyman": true, "assemblywoman": true, "justice": true, "judge": true,
	"mayor": true, "adviser": true, "advisor": true, "secretary": true, "spokesman": true,
	"spokeswoman": true, "justices": true, "pres": true, "president": true, "minister": true,
	"chairman": true, "chairwoman": true, "director": true, "ambassador": true, "delegate": true,
	"attorney": true, "prosecutor": true, "commissioner": true, "speaker": true, "leader": true,
	"candidate": true, "nominee": true, "chief": true,
}

// nonNameHeads are the last words of the names of laws, bodies and other
// things that are never people ("Immunities Act", "Senate Committee").
var nonNameHeads = map[string]news.EntityType{
	"act": news.Misc, "law": news.Misc, "bill": news.Misc, "amendment": news.Misc, "doctrine": news.Misc,
	"treaty": news.Misc, "accord": news.Misc, "accords": news.Misc, "agreement": news.Misc, "protocol": news.Misc,
	"program": news.Misc, "programme": news.Misc, "plan": news.Misc, "initiative": news.Misc,
	"committee": news.Organisation, "commission": news.Organisation, "council": news.Organisation,
	"department": news.Organisation, "ministry": news.Organisation, "agency": news.Organisation,
	"party": news.Organisation, "institute": news.Organisation, "university": news.Organisation,
	"college": news.Organisation, "school": news.Organisation, "foundation": news.Organisation,
	"association": news.Organisation, "union": news.Organisation, "corporation": news.Organisation,
	"company": news.Organisation, "court": news.Organisation, "office": news.Organisation,
	"bureau": news.Organisation, "caucus": news.Organisation, "coalition": news.Organisation,
	"league": news.Organisation, "forces": news.Organisation, "army": news.Organisation,
	"navy": news.Organisation, "police": news.Organisation, "government": news.Organisation,
	"parliament": news.Organisation, "center": news.Organisation, "centre": news.Organisation,
	"group": news.Organisation, "network": news.Organisation, "times": news.Organisation,
	"post": news.Organisation, "journal": news.Organisation, "news": news.Organisation,
	"county": news.Place, "city": news.Place, "island": news.Place, "province": news.Place,
	"street": news.Place, "avenue": news.Place, "square": news.Place, "airport": news.Place,
	"poll": news.Misc, "survey": news.Misc, "award": news.Misc, "prize": news.Misc,
	"river": news.Place, "mountains": news.Place, "valley": news.Place, "belt": news.Place,
}

// orgHeads are the words of an armed force or a state body that, written
// capitalised after a nationality, name an organisation ("Iranian Armed
// Forces", "Iraqi Army", "Turkish Parliament").
var orgHeads = map[string]bool{
	"army": true, "armed": true, "forces": true, "force": true, "navy": true, "air": true,
	"government": true, "parliament": true, "ministry": true, "police": true, "military": true,
	"guards": true, "revolutionary": true, "corps": true, "cabinet": true, "senate": true,
	"assembly": true, "national": true, "coast": true, "guard": true, "marines": true,
	"special": true, "security": true, "intelligence": true, "defence": true, "defense": true,
	"foreign": true, "interior": true, "of": true, "the": true, "and": true, "staff": true,
	"general": true, "joint": true, "central": true, "bank": true, "red": true, "crescent": true,
}

// orgLast are the words such a name may end with.
var orgLast = map[string]bool{
	"army": true, "forces": true, "force": true, "navy": true, "government": true, "parliament": true,
	"ministry": true, "police": true, "military": true, "guards": true, "corps": true, "cabinet": true,
	"senate": true, "assembly": true, "guard": true, "marines": true, "staff": true, "bank": true,
	"crescent": true,
}

// isPersonTitle reports whether w is an office written as one capitalised
// word or abbreviation that stands before a person's name.
func isPersonTitle(w string) bool {
	return capitalised(w) && lowerWordIn(personTitles, w)
}

// placeHeads are the words that, before a name, make it a place's
// ("Mount Cook", "Lake Placid", "Fort Worth").
var placeHeads = map[string]bool{
	"mount": true, "mt": true, "lake": true, "fort": true, "ft": true, "cape": true, "port": true,
	"gulf": true, "bay": true, "isle": true, "mount.": true,
}

// nonNameType returns the type a "person" whose name ends with a word of
// a law, body or place, or starts with a place's word, really has, or ""
// when the name may be a person's.
func nonNameType(toks []tok) news.EntityType {
	if len(toks) < 2 {
		return ""
	}
	if lowerWordIn(placeHeads, toks[0].Text) {
		return news.Place
	}
	return lowerIn(nonNameHeads, toks[len(toks)-1].Text)
}

// personCut returns where a person's name starts inside a chunk [a, b)
// after an office word ("Gov." in "Gov. Deval Patrick", "Sen." in
// "Vermont Sen. Sanders", "Calif." in "Calif. Dukes"), or a when there is
// none. The rest must look like a name: one to four capitalised words,
// none of them the head of an organisation's name.
func (t *Tagger) personCut(toks []tok, a, b int, typ news.EntityType) int {
	cut := a
	for k := a; k < b-1; k++ {
		w := toks[k].Text
		if w == "." && k > a {
			continue
		}
		title := isPersonTitle(w) || (typ == news.Person && stateAbbrev(w))
		if !title {
			continue
		}
		e := k + 1
		if e < b && toks[e].Text == "." {
			e++
		}
		if e < b && isPersonTitle(toks[e].Text) {
			continue // "Chief Justice": the later word cuts
		}
		if e >= b || b-e > 4 {
			continue
		}
		ok := true
		for _, tk := range toks[e:b] {
			l := strings.ToLower(tk.Text)
			if !capitalised(tk.Text) && !nameParticle(tk.Text) || nonNameHeads[l] != "" || orgHeads[l] || t.isRoleWord(tk.Text) && !capitalised(tk.Text) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if typ != news.Person {
			// only a name that is not itself a known place or organisation
			ws := make([]string, 0, b-e)
			for _, tk := range toks[e:b] {
				ws = append(ws, tk.Text)
			}
			if m := t.m.Known(ws); m != 0 && m&1 == 0 {
				continue
			}
		}
		cut = e
	}
	return cut
}

// stateAbbrev reports whether w is an abbreviation of three or more
// letters ending with a dot that is no initial or name suffix ("Calif.",
// "Mass.").
func stateAbbrev(w string) bool {
	if !strings.HasSuffix(w, ".") || !capitalised(w) {
		return false
	}
	s := strings.TrimSuffix(w, ".")
	if len(s) < 3 || strings.ContainsAny(s, ".-") {
		return false
	}
	switch strings.ToLower(s) {
	case "jr", "sr", "st", "mrs", "esq", "bros", "inc", "ltd", "co", "corp":
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// partyTag reports whether a word is a party-and-state tag ("R-Texas",
// "D-N.Y.").
func partyTag(s string) bool {
	if len(s) < 3 || len(s) > 14 || s[1] != '-' {
		return false
	}
	switch s[0] {
	case 'D', 'R', 'I':
	default:
		return false
	}
	return capitalised(s[2:]) && !strings.ContainsRune(s, ' ')
}

// demonymLike reports whether a word has the form of a nationality or a
// people (Iranian, Iraqi, Turkish, Israeli, Kurds, Swiss, Dutch). The
// endings "-i" and "-an" alone, which many places and other names share
// (Benghazi, Ramadan), count only when known, the gazetteer (when
// given) holding the word as an other name (MISC).
func demonymLike(w string, known func([]string) uint8) bool {
	l := strings.ToLower(strings.Trim(w, ".'’"))
	if len(l) < 3 || !capitalised(w) {
		return false
	}
	if irregularDemonyms[l] || irregularDemonyms[strings.TrimSuffix(l, "s")] {
		return true
	}
	if strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "ese") {
		l = strings.TrimSuffix(l, "s")
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish", "ic", "ist", "ite", "ch", "ard", "iote", "i", "an"} {
		if !strings.HasSuffix(l, suf) || len(l) <= len(suf)+2 {
			continue
		}
		if suf == "i" || suf == "an" {
			return known != nil && known([]string{w})&(1<<3) != 0
		}
		return true
	}
	return false
}

// irregularDemonyms are nationalities, peoples, faiths and parties' members
// whose form demonymLike's endings do not catch.
var irregularDemonyms = map[string]bool{
	"arab": true, "serb": true, "kurd": true, "turk": true, "thai": true, "czech": true, "slovak": true,
	"greek": true, "swiss": true, "welsh": true, "scot": true, "scots": true, "jew": true, "sikh": true,
	"hindu": true, "sunni": true, "shia": true, "shi'ite": true, "hutu": true, "tutsi": true,
	"tamil": true, "basque": true, "nazi": true, "moslem": true, "muslim": true, "christian": true,
	"catholic": true, "protestant": true, "buddhist": true, "democrat": true, "republican": true,
	"conservative": true, "liberal": true, "tory": true, "tories": true, "briton": true, "swede": true,
	"dane": true, "finn": true, "pole": true, "croat": true, "bosniak": true, "uzbek": true, "kazakh": true,
	"tajik": true, "pashtun": true, "baloch": true, "uighur": true, "uyghur": true, "yazidi": true,
	"druze": true, "alawite": true, "maori": true, "inuit": true, "latino": true, "latina": true,
	"hispanic": true, "western": true, "eastern": true, "northern": true, "southern": true, "soviet": true,
	"evangelical": true, "mormon": true, "zionist": true, "jihadist": true, "islamist": true,
	"frenchman": true, "englishman": true, "irishman": true, "dutchman": true, "gop": false,
}

// adjectival reports whether every word of a name is a nationality, a
// people, a faith or an abbreviation-free hyphenated compound of them
// ("Iranian", "Saudi Arabian", "Israeli-Palestinian", "U.S.-led").
func adjectival(s string, known func([]string) uint8) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	if len(ws) == 1 && strings.Contains(ws[0], "-") {
		// a compound with a word in lower case is an adjective
		// ("Republican-controlled", "anti-Islamic", "Washington-based")
		for p := range strings.SplitSeq(ws[0], "-") {
			if p != "" && !capitalised(p) && !particles[p] && unicode.IsLetter([]rune(p)[0]) {
				return true
			}
		}
	}
	for _, w := range ws {
		for i, p := range strings.Split(w, "-") {
			if i > 0 && (p == "led" || p == "based" || p == "backed" || p == "born" || p == "made" || p == "style" || p == "owned" || p == "American" || p == "Americans") {
				continue
			}
			if !demonymLike(p, known) {
				return false
			}
		}
	}
	return true
}

// extendOrgs extends a nationality the tagger found alone over the
// capitalised words of an armed force or a state body that follow it
// ("Iranian" + "Armed Forces" → the organisation "Iranian Armed
// Forces"). Lower-case words ("Iraqi army") are left alone.
func extendOrgs(toks []tok, sents []news.Sentence, cands []cand, known func([]string) uint8) []cand {
	for i := range cands {
		cd := &cands[i]
		if cd.typ != news.Misc || !demonymLike(toks[cd.a].Text, known) {
			continue
		}
		if cd.b-cd.a > 1 {
			// the tagger took the whole body for an other name
			body := true
			for _, tk := range toks[cd.a+1 : cd.b] {
				l := strings.ToLower(tk.Text)
				body = body && orgHeads[l] && (capitalised(tk.Text) || connectors[l])
			}
			if body && lowerIn(orgLast, toks[cd.b-1].Text) {
				cd.typ = news.Organisation
			}
			continue
		}
		end := sents[cd.sent].EndToken
		last := -1
		for k := cd.b; k < end && k-cd.b < 6; k++ {
			w := toks[k].Text
			l := strings.ToLower(w)
			if !orgHeads[l] || (!capitalised(w) && !connectors[l]) {
				break
			}
			if orgLast[l] {
				last = k
			}
		}
		if last < 0 {
			continue
		}
		// only over words the tagger left out: a nationality before a
		// body it found stays apart, as in CoNLL ("German" "Foreign
		// Ministry"), and docEntities names the body in full
		ok := true
		for j := range cands {
			o := cands[j]
			if j != i && o.b > cd.b && o.a <= last {
				ok = false
			}
		}
		if !ok {
			continue
		}
		cd.b, cd.typ = last+1, news.Organisation
	}
	return cands
}

// fullBody returns the name of mention i as its entity should be known:
// an armed force or state body right after a nationality is named with
// it ("German" "Foreign Ministry" → "German Foreign Ministry"), the
// mentions staying apart as CoNLL tags them.
func fullBody(d *news.Doc, i int) string {
	m := &d.Mentions[i]
	if m.Type != news.Organisation || i == 0 {
		return m.Text
	}
	p := &d.Mentions[i-1]
	if p.Type != news.Misc || p.End+1 != m.Start || d.Text[p.End] != ' ' || !demonymLike(p.Text, nil) && !knownMisc(p.Text) {
		return m.Text
	}
	ws := strings.Fields(m.Text)
	if !lowerIn(orgLast, ws[len(ws)-1]) {
		return m.Text
	}
	for _, w := range ws {
		l := strings.ToLower(w)
		if !orgHeads[l] || !capitalised(w) && !connectors[l] {
			return m.Text
		}
	}
	return p.Text + " " + m.Text
}

// knownMisc reports whether the embedded model's gazetteer holds a word
// as an other name (a nationality, mostly).
func knownMisc(w string) bool {
	t, err := Default()
	return err == nil && t.m != nil && !strings.Contains(w, " ") && t.m.Known([]string{w})&(1<<3) != 0
}

// notName are words that alone never name an entity: weekdays, the
// abbreviations of months and titles with their period ("Sept.", "Gen."),
// and two offices.
var notName = sync.OnceValue(func() map[string]bool {
	m := lexicon.Set(lexicon.Weekday, lexicon.Abbrev, "congressman", "congresswoman")
	for _, w := range lexicon.Words(lexicon.Month|lexicon.Title, 0) {
		if lexicon.ClassOf(w)&lexicon.Abbrev != 0 {
			m[w+"."] = true
		}
	}
	return m
})

// peopleWord reports whether a word names a people or the followers of a
// faith, alone or in the plural ("Muslims", "Kurds", "Sunni"), which
// CoNLL types as other names.
func peopleWord(w string) bool {
	if !capitalised(w) {
		return false
	}
	// lowered on the stack when it can be: the lookups build no string
	var buf [64]byte
	l := ascii.AppendLower(buf[:0], w)
	one := bytes.TrimSuffix(l, []byte("s"))
	if partyWords[string(one)] || partyWords[string(l)] {
		return false
	}
	return irregularDemonyms[string(l)] || irregularDemonyms[string(one)]
}

// partyWords are the words of irregularDemonyms that also name parties
// or regions, left as the tagger types them.
var partyWords = map[string]bool{
	"democrat": true, "republican": true, "conservative": true, "liberal": true, "tory": true,
	"tories": true, "western": true, "eastern": true, "northern": true, "southern": true,
	"soviet": true, "christian": true, "gop": true,
}
