package quote

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
	"github.com/storyline-news/storyline/token"
)

// person is one person of a document, as speakers are resolved to.
type person struct {
	name string
	key  string
	// ctx holds the lowercased words of the person's titles, roles and
	// the descriptions written next to the name.
	ctx map[string]bool
	// at are the byte offsets where the person is mentioned; subj marks
	// the mentions that are the subject of their sentence.
	at   []int
	subj []bool
	// mention is an index into Doc.Mentions for each entry of at, or -1.
	mention []int
	// entity indexes Doc.Entities, or -1.
	entity int
	// idx is the person's index in people.list once the list is whole.
	idx int
	// gender is 'm' or 'f' once a title or a resolved pronoun told it;
	// votes counts the he/his and she/her that follow its mentions.
	gender byte
	votes  [2]int
}

// countVotes counts, for each mention of each person, whether the first
// third-person pronoun after it in its sentence is male or female:
// "Trump ... his campaign".
func (ps *people) countVotes(dt *docToks) {
	for _, p := range ps.list {
		for _, a := range p.at {
			switch pronounAfter(dt, a) {
			case 'm':
				p.votes[0]++
			case 'f':
				p.votes[1]++
			}
		}
	}
}

// pronounAfter returns the gender ('m', 'f', or 0) of the first
// third-person pronoun among the ten words after offset a in its
// sentence.
func pronounAfter(dt *docToks, a int) byte {
	ts := dt.within(a, dt.sentenceEnd(a))
	if len(ts) > 10 {
		ts = ts[:10]
	}
	for _, t := range ts {
		switch t.low {
		case "he", "him", "his", "himself":
			return 'm'
		case "she", "her", "hers", "herself":
			return 'f'
		}
	}
	return 0
}

// regroupShared moves a bare surname's mention between people who share
// that surname when the pronoun after it tells which one it is: in
// "Jackson told the judge that he …", beside Sandra and Jesse Jackson
// Jr., Jackson is the man. A person's gender here comes from titles and
// the pronouns after the mentions that are not the bare surname.
func (ps *people) regroupShared(d *news.Doc, dt *docToks) {
	var keys []string
	for _, p := range ps.list {
		if len(ps.shared[p.key]) > 1 && !slices.Contains(keys, p.key) {
			keys = append(keys, p.key)
		}
	}
	bare := func(p *person, i int) bool {
		mi := p.mention[i]
		return mi >= 0 && mi < len(d.Mentions) && ps.names.key(d.Mentions[mi].Text) == p.key && textvec.CountFields(d.Mentions[mi].Text) == 1
	}
	for _, key := range keys {
		group := ps.shared[key]
		gender := make([]byte, len(group))
		for gi, p := range group {
			male, female := false, false
			for w := range p.ctx {
				male = male || maleTitles.set().has(w)
				female = female || femaleTitles.set().has(w)
			}
			var v [2]int
			for i, a := range p.at {
				if bare(p, i) {
					continue
				}
				switch pronounAfter(dt, a) {
				case 'm':
					v[0]++
				case 'f':
					v[1]++
				}
			}
			switch {
			case male && !female, !female && v[0] > v[1]:
				gender[gi] = 'm'
			case female && !male, !male && v[1] > v[0]:
				gender[gi] = 'f'
			}
		}
		for gi, p := range group {
			for i := 0; i < len(p.at); i++ {
				g := pronounAfter(dt, p.at[i])
				if !bare(p, i) || g == 0 || g == gender[gi] {
					continue
				}
				// the other person of that gender, else one whose
				// gender nothing tells; of several, the one named last
				// before the mention
				wants := []byte{g, 0}
				if gender[gi] == 0 {
					wants = wants[:1]
				}
				to, toAt := -1, -1
				for _, want := range wants {
					var cands []int
					for gj := range group {
						if gj != gi && gender[gj] == want {
							cands = append(cands, gj)
						}
					}
					if len(cands) == 1 {
						to = cands[0]
					} else {
						for _, gj := range cands {
							for _, a := range group[gj].at {
								if a < p.at[i] && a > toAt {
									to, toAt = gj, a
								}
							}
						}
					}
					if len(cands) > 0 {
						break
					}
				}
				if to < 0 {
					continue
				}
				q := group[to]
				q.at = append(q.at, p.at[i])
				q.subj = append(q.subj, p.subj[i])
				q.mention = append(q.mention, p.mention[i])
				sortMentions(q)
				p.at = slices.Delete(p.at, i, i+1)
				p.subj = slices.Delete(p.subj, i, i+1)
				p.mention = slices.Delete(p.mention, i, i+1)
				i--
			}
		}
	}
}

// maleTitles and femaleTitles tell a person's gender from a title.
var maleTitles = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"mr.": true, "mr": true, "sir": true, "king": true, "prince": true, "lord": true, "father": true, "brother": true, "sheikh": true}
}}
var femaleTitles = &lazyWords{build: func() map[string]bool {
	return map[string]bool{"mrs.": true, "mrs": true, "ms.": true, "ms": true, "miss": true, "madam": true, "queen": true, "princess": true, "lady": true, "dame": true, "sister": true}
}}

// agrees reports whether a pronoun can refer to p.
func (p *person) agrees(pronoun string) bool {
	if p.gender == 0 {
		// A title tells the gender when all the person's titles agree;
		// a key shared by two people ("Mr. Cheney", "Mrs. Cheney") tells
		// nothing. The answer must not depend on the map's order.
		male, female := false, false
		for w := range p.ctx {
			male = male || maleTitles.set().has(w)
			female = female || femaleTitles.set().has(w)
		}
		switch {
		case male && !female:
			p.gender = 'm'
		case female && !male:
			p.gender = 'f'
		}
	}
	if p.gender == 0 {
		switch m, f := p.votes[0], p.votes[1]; {
		case m >= 2 && m >= 3*f:
			p.gender = 'm'
		case f >= 2 && f >= 3*m:
			p.gender = 'f'
		}
	}
	switch pronoun {
	case "he":
		return p.gender != 'f'
	case "she":
		return p.gender != 'm'
	}
	return true
}

// personTitles are words before a name that mark a person: lexicon's
// abbreviated titles with their period ("Gen.", "Mr.", "Sens.") but "St.",
// which opens a place's name ("St. Louis") as often as a saint's;
// spelledRanks but "marshal", which the list never held; personWords; and
// personTitleWords.
var personTitles = &lazyWords{build: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Words(lexicon.Title, 0) {
		if w != "st" {
			m[w+"."] = true
		}
	}
	for _, w := range slices.Concat(spelledRanks(), personWords, personTitleWords) {
		if w != "marshal" {
			m[w] = true
		}
	}
	return m
}}

// personTitleWords are the roles before a name that mark a person and
// that spelledTitles lacks: "official", "aide", "founder".
var personTitleWords = []string{
	"counterpart", "official", "founder", "ceo", "analyst", "spokesperson", "aide", "adviser",
	"advisor",
}

// orgWords mark a capitalised run as an organisation or place.
var orgWords = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"agency": true, "forces": true, "ministry": true, "republic": true, "government": true,
		"party": true, "council": true, "university": true, "news": true, "times": true,
		"post": true, "army": true, "guard": true, "guards": true, "corps": true, "committee": true,
		"organization": true, "organisation": true, "union": true, "nations": true, "states": true,
		"region": true, "revolution": true, "house": true, "senate": true, "congress": true,
		"court": true, "department": true, "office": true, "association": true, "institute": true,
		"company": true, "group": true, "front": true, "movement": true, "bank": true, "fund": true,
		"network": true, "press": true, "daily": true, "journal": true, "tv": true, "radio": true,
		"airlines": true, "inc.": true, "corp.": true, "co.": true, "ltd": true, "foundation": true,
		"school": true, "college": true, "center": true, "centre": true, "service": true,
		"command": true, "staff": true, "unit": true, "brigade": true, "division": true,
		"mobilization": true, "kurdistan": true, "islamic": true, "state": true, "city": true,
		"county": true, "province": true, "street": true, "road": true, "square": true,
		"international": true, "national": true, "federal": true, "world": true, "campaign": true,
	}
}}

// nameKey is the form two mentions of one person share: the last word of
// the name, lowercased, without "al-" and a possessive.
func nameKey(name string) string {
	// The common name ends in an ASCII word after an ASCII space: its
	// key is worked out from that word alone, lowered once, with the
	// same steps nameKeyFields takes.
	end := len(name)
	for end > 0 && ascii.IsSpace(name[end-1]) {
		end--
	}
	start := end
	for start > 0 && !ascii.IsSpace(name[start-1]) {
		if name[start-1] >= utf8.RuneSelf {
			return nameKeyFields(name)
		}
		start--
	}
	w := name[start:end]
	if w == "" || nameSuffix(w) {
		return nameKeyFields(name)
	}
	if n := len(w); n >= 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		w = w[:n-2]
	}
	// every prefix ends in a hyphen, third or fourth
	if len(w) > 2 && w[2] == '-' || len(w) > 3 && w[3] == '-' {
		for _, pre := range []string{"al-", "el-", "ad-", "as-", "ash-"} {
			if len(w) >= len(pre) && strings.EqualFold(w[:len(pre)], pre) {
				w = w[len(pre):]
			}
		}
	}
	return strings.ToLower(trimDotsCommas(w))
}

// trimDotsCommas is strings.Trim(w, ".,").
func trimDotsCommas(w string) string {
	for w != "" && (w[0] == '.' || w[0] == ',') {
		w = w[1:]
	}
	for w != "" && (w[len(w)-1] == '.' || w[len(w)-1] == ',') {
		w = w[:len(w)-1]
	}
	return w
}

// nameKeyFields is nameKey for any name: it splits the name into fields.
func nameKeyFields(name string) string {
	var buf [8]string
	f := token.FieldsInto(buf[:0], name)
	// A generational suffix is no surname: "Jesse Jackson Jr." is a
	// Jackson.
	for len(f) > 1 && nameSuffix(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	w := strings.ToLower(f[len(f)-1])
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	for _, pre := range []string{"al-", "el-", "al ", "ad-", "as-", "ash-"} {
		w = strings.TrimPrefix(w, pre)
	}
	return strings.Trim(w, ".,")
}

// nameSuffix reports whether a word is a generational suffix of a name
// ("Jr.", "Sr.", "III").
func nameSuffix(w string) bool {
	w = trimDotsCommas(w)
	if len(w) > 3 && ascii.All(w) {
		// lowering keeps an ASCII word's length, and no suffix has more
		// than three letters
		return false
	}
	switch strings.ToLower(w) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// givenNames returns the lowercased words of a name before its surname,
// without initials, and its generational suffix.
func givenNames(name string) (given []string, suffix string) {
	var buf [8]string
	f := token.FieldsInto(buf[:0], name)
	for len(f) > 1 && nameSuffix(f[len(f)-1]) {
		suffix = strings.ToLower(strings.Trim(f[len(f)-1], ".,"))
		f = f[:len(f)-1]
	}
	for _, w := range f[:max(0, len(f)-1)] {
		w = strings.ToLower(strings.Trim(w, ".,"))
		if len([]rune(w)) > 1 && !isParticle(w) {
			given = append(given, w)
		}
	}
	return given, suffix
}

// otherPerson reports whether two names sharing a surname are written as
// two different people: their first given names differ ("Sandra
// Jackson", "Michael Jackson"), or their generational suffixes do
// ("Jr.", "Sr."). A surname alone fits either.
func otherPerson(a, b string) bool {
	ga, sa := givenNames(a)
	gb, sb := givenNames(b)
	if sa != "" && sb != "" && sa != sb {
		return true
	}
	return len(ga) > 0 && len(gb) > 0 && ga[0] != gb[0]
}

// stripTitles returns the name in a capitalised run: its longest tail of
// words that are not titles.
func stripTitles(ws []tok) (title, name []tok) {
	i := len(ws)
	for i > 0 {
		w := ws[i-1]
		low := strings.TrimSuffix(strings.TrimSuffix(w.low, "’s"), "'s")
		var title, person, function bool
		if len(low) == len(w.low) {
			// the word itself: its class tells
			title, person, function = w.has(lxTitleWord), w.has(lxPersonTitle), w.has(lxFunctionCap)
		} else {
			title, person, function = titleWords.set().has(low), personTitles.set().has(low), functionCap.set().has(low)
		}
		if title || person || function && !isParticle(low) {
			break
		}
		if !w.upper && !isParticle(low) {
			break
		}
		i--
	}
	return ws[:i], ws[i:]
}

func isParticle(w string) bool {
	if len(w) < 2 {
		return false
	}
	// by first byte: most words are turned down by it alone
	switch w[0] {
	case 'a':
		return w == "al" || strings.HasPrefix(w, "al-")
	case 'e':
		return strings.HasPrefix(w, "el-")
	case 'b':
		return w == "bin"
	case 'i':
		return w == "ibn"
	case 'v':
		return w == "van" || w == "von"
	case 'd':
		return w == "de" || w == "da" || w == "del" || w == "der"
	}
	return false
}

// tokensText joins the tokens as they are written.
func tokensText(text string, ws []tok) string {
	if len(ws) == 0 {
		return ""
	}
	s := text[ws[0].Start:ws[len(ws)-1].End]
	s = strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// people is the set of people of a document.
type people struct {
	list  []*person
	byKey map[string]*person
	// shared holds, for a surname that two or more people of the
	// document bear, all of them; byKey holds the first.
	shared map[string][]*person
	// names holds the keys and clean forms of the names met
	names *names
}

// names holds, for one Doc, the key (nameKey) and the clean form
// (cleanName) of each name string met, each worked out once: a name is
// written many times.
type names struct {
	keys, clean map[string]string
}

func newNames() *names {
	// sized for a news article's names (BASIL's: about 30 keys and 10
	// entity names on average), so that the maps seldom grow
	return &names{keys: make(map[string]string, 32), clean: make(map[string]string, 8)}
}

// key returns nameKey(name).
func (ns *names) key(name string) string {
	k, ok := ns.keys[name]
	if !ok {
		k = nameKey(name)
		ns.keys[name] = k
	}
	return k
}

// cleanName returns cleanName(s).
func (ns *names) cleanName(s string) string {
	c, ok := ns.clean[s]
	if !ok {
		c = cleanName(s)
		ns.clean[s] = c
	}
	return c
}

// find returns the person a name with this key refers to at offset off:
// the only one bearing it, or, among several sharing a surname, the one
// mentioned last before off (the first mentioned when none is before).
func (ps *people) find(key string, off int) *person {
	p := ps.byKey[key]
	all := ps.shared[key]
	if p == nil || len(all) < 2 {
		return p
	}
	best, bestAt := p, -1
	for _, q := range all {
		for _, a := range q.at {
			if a < off && a > bestAt {
				best, bestAt = q, a
			}
		}
	}
	return best
}

// addShared adds a person who shares the surname key with another one.
func (ps *people) addShared(key string, p *person) {
	if ps.shared == nil {
		ps.shared = map[string][]*person{}
	}
	if len(ps.shared[key]) == 0 {
		ps.shared[key] = []*person{ps.byKey[key]}
	}
	ps.shared[key] = append(ps.shared[key], p)
	ps.list = append(ps.list, p)
}

// add adds a mention at offset at of the name, whose key (nameKey) is
// key.
func (ps *people) add(name, key string, at int, subj bool, mention int, ctx []string) *person {
	if key == "" {
		return nil
	}
	p := ps.byKey[key]
	if p == nil {
		p = &person{name: name, key: key, ctx: map[string]bool{}, entity: -1}
		ps.byKey[key] = p
		ps.list = append(ps.list, p)
	}
	if betterName(name, p.name) {
		p.name = name
	}
	for _, c := range ctx {
		p.ctx[strings.ToLower(c)] = true
	}
	p.at = append(p.at, at)
	p.subj = append(p.subj, subj)
	p.mention = append(p.mention, mention)
	return p
}

// betterName reports whether a is a longer well-formed name than b.
func betterName(a, b string) bool {
	if a == b {
		// the same name, the commonest case: neither is longer
		return false
	}
	if na, nb := textvec.CountFields(a), textvec.CountFields(b); na != nb {
		return na > nb
	}
	return len(a) > len(b)
}

// fromMentions builds the people of d from its entity mentions.
func fromMentions(d *news.Doc, dt *docToks, subjects offsetSet, ns *names) *people {
	ps := &people{byKey: map[string]*person{}, names: ns}
	// An entity's name, roles and person, and a written name's clean
	// form and key, are worked out once per document, not once per
	// mention.
	type entity struct {
		form  string
		roles []string
		done  bool
	}
	ents := make([]entity, len(d.Entities))
	byEntity := map[int]*person{}
	// a mention's context words, the buffer reused: add and the loop
	// below read them and keep none
	var ctx []string
	for mi, m := range d.Mentions {
		if m.Type != news.Person {
			continue
		}
		name := m.Text
		var ent *entity
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			ent = &ents[m.Entity]
			if !ent.done {
				e := d.Entities[m.Entity]
				ent.form = bestForm(e, ns)
				for _, r := range e.Roles {
					ent.roles = append(ent.roles, strings.Fields(r)...)
				}
				ent.done = true
			}
			name = ent.form
		}
		name = ns.cleanName(name)
		ctx = ctx[:0]
		for _, t := range m.Titles {
			ctx = append(ctx, strings.Fields(t)...)
		}
		if ent != nil {
			ctx = append(ctx, ent.roles...)
		}
		if !m.TitleSpan.IsZero() {
			for _, t := range dt.within(m.TitleSpan.Start, m.TitleSpan.End) {
				if t.kind == 'w' {
					ctx = append(ctx, t.low)
				}
			}
		}
		ctx = appendContextWords(ctx, dt, m.Span)
		key := ns.key(name)
		var p *person
		if m.Entity >= 0 {
			p = byEntity[m.Entity]
		}
		if p == nil {
			p = ps.byKey[key]
			if p != nil && (otherPerson(p.name, name) || apartEntities(d, p.entity, m.Entity)) {
				// Two people of one surname: Sandra Jackson is not
				// Michael Jackson.
				p = nil
				for _, q := range ps.shared[key] {
					if !otherPerson(q.name, name) && !apartEntities(d, q.entity, m.Entity) {
						p = q
					}
				}
				if p == nil {
					p = &person{name: name, key: key, ctx: map[string]bool{}, entity: m.Entity}
					ps.addShared(key, p)
					if m.Entity >= 0 {
						byEntity[m.Entity] = p
					}
				}
			}
		}
		if p == nil {
			p = ps.add(name, key, m.Start, subjects.has(m.Start), mi, ctx)
			if p != nil {
				p.entity = m.Entity
				if _, ok := byEntity[m.Entity]; !ok && m.Entity >= 0 {
					byEntity[m.Entity] = p
				}
			}
			continue
		}
		if betterName(name, p.name) {
			p.name = name
		}
		for _, c := range ctx {
			p.ctx[strings.ToLower(c)] = true
		}
		p.at = append(p.at, m.Start)
		p.subj = append(p.subj, subjects.has(m.Start))
		p.mention = append(p.mention, mi)
	}
	return ps
}

// apartEntities reports whether the entity grouping kept two mentions of
// one surname apart on evidence beyond the name: a bare surname with a
// title the other person never has ("President Obama" beside "Sasha
// Obama"). A shared surname alone does not join them.
func apartEntities(d *news.Doc, a, b int) bool {
	if a < 0 || b < 0 || a == b || a >= len(d.Entities) || b >= len(d.Entities) {
		return false
	}
	ea, eb := d.Entities[a], d.Entities[b]
	if ea.Type != news.Person || eb.Type != news.Person {
		return false
	}
	return len(ea.Roles) > 0 != (len(eb.Roles) > 0)
}

// bestForm returns the longest well-formed form of an entity: the
// longest form once titles are taken off.
func bestForm(e news.Entity, ns *names) string {
	best := ns.cleanName(e.Name)
	n := -1 // best's fields, counted when needed
	for _, f := range e.Forms {
		c := ns.cleanName(f)
		if c == best {
			continue
		}
		// betterName(c, best), counting best's fields once
		if n < 0 {
			n = textvec.CountFields(best)
		}
		if nc := textvec.CountFields(c); nc > n || nc == n && len(c) > len(best) {
			best, n = c, nc
		}
	}
	return best
}

// cleanName takes titles and a possessive off a name.
func cleanName(s string) string {
	ts := tokenize(s, 0, len(s))
	_, name := stripTitles(ts)
	if len(name) == 0 {
		return strings.TrimSpace(s)
	}
	return tokensText(s, name)
}

// appendContextWords appends to out the words written around a name that
// describe the person, lowercased: titles and roles before it ("his
// Iraqi counterpart", "Chief of Staff of the Iranian Armed Forces") and
// an apposition after it (", the head of …,").
func appendContextWords(out []string, dt *docToks, sp news.Span) []string {
	text := dt.text
	before := dt.within(dt.sentenceStart(sp.Start), sp.Start)
	for k := len(before) - 1; k >= 0 && k >= len(before)-12; k-- {
		t := before[k]
		if t.kind != 'w' {
			if t.text == "," && k > 0 && before[k-1].has(lxRoleNoun) {
				continue
			}
			break
		}
		if t.upper || t.has(lxRoleNoun) || t.has(lxTitleWord) || t.low == "of" || t.low == "the" || t.low == "his" || t.low == "her" || t.low == "top" || t.low == "senior" || t.low == "visiting" || t.low == "army" || t.low == "military" || strings.HasSuffix(t.low, "’s") {
			out = append(out, t.low)
			continue
		}
		break
	}
	hi := min(len(text), sp.End+160)
	for hi < len(text) && text[hi]&0xC0 == 0x80 {
		hi++
	}
	after := dt.within(sp.End, hi)
	if len(after) > 2 && after[0].text == "," && (after[1].low == "the" || after[1].low == "a" || after[1].low == "an") {
		for _, t := range after[1:] {
			if t.kind != 'w' {
				break
			}
			out = append(out, t.low)
		}
	}
	return out
}

// nameRun is a run of name tokens fromText reads, with its titles.
type nameRun struct {
	title, name []tok
	pre         *tok
	hasPre      bool
	source      bool
	// person is isPerson's answer; text and key the name's text and
	// its key
	person    bool
	text, key string
	// skip marks a person's run whose key is known already
	skip bool
}

// runBufs holds fromText's runs from Doc to Doc.
var runBufs = sync.Pool{New: func() any { return new([]nameRun) }}

// fromText finds the people of d in its text when there are no entity
// mentions: capitalised names after a person's title or a role noun, the
// named sources of quotations, and later mentions of their surnames.
//
// It leaves out the people whose keys are in known (the people of the
// entity mentions, or nil), whom resolve would drop: a person's mentions
// are gathered under the person's key alone, so leaving one out changes
// no other.
func fromText(d *news.Doc, dt *docToks, sources map[int]bool, subjects offsetSet, ns *names, known map[string]*person) *people {
	paras := dt.paras
	ps := &people{byKey: map[string]*person{}, names: ns}
	// a run mostly starts at a capitalised word: their number sizes runs
	n := 0
	for _, p := range paras {
		for _, t := range p.ts {
			if t.upper && t.kind == 'w' {
				n++
			}
		}
	}
	buf := runBufs.Get().(*[]nameRun)
	runs := *buf
	if cap(runs) < n {
		runs = make([]nameRun, 0, n)
	}
	defer func() {
		// the buffer must not keep this Doc's tokens alive: the runs
		// past its length are zero already (each Doc clears those it
		// appended, and a grown array is zero past them)
		clear(runs)
		*buf = runs[:0]
		runBufs.Put(buf)
	}()
	for _, p := range paras {
		ts := p.ts
		for i := 0; i < len(ts); i++ {
			if !isNameTok(&ts[i]) {
				continue
			}
			j := i
			for j < len(ts) && (isNameTok(&ts[j]) || (ts[j].low == "of" || ts[j].low == "the") && j+1 < len(ts) && isNameTok(&ts[j+1]) && j > i) {
				if j > i && strings.HasSuffix(ts[j-1].low, "’s") || j > i && strings.HasSuffix(ts[j-1].low, "'s") {
					break
				}
				j++
			}
			title, name := stripTitles(ts[i:j])
			r := nameRun{title: title, name: name}
			if i > 0 {
				r.pre, r.hasPre = &ts[i-1], true
				if ts[i-1].text == "," && i > 1 {
					r.pre = &ts[i-2]
				}
			}
			if len(name) > 0 {
				r.source = sources[name[0].Start]
				runs = append(runs, r)
			}
			i = j - 1
		}
	}
	isPerson := func(r nameRun) bool {
		for _, t := range r.title {
			if personTitles.set().has(strings.TrimSuffix(t.low, ".")) || t.has(lxPersonTitle) {
				return true
			}
		}
		if r.hasPre && (r.pre.has(lxRoleNoun) || r.pre.has(lxPersonTitle)) && !orgWords.set().has(r.pre.low) {
			return true
		}
		if r.source {
			for _, t := range r.name {
				if orgWords.set().has(t.low) || t.has(lxRoleNoun) || timeWords.set().has(t.low) {
					return false
				}
			}
			return true
		}
		return false
	}
	for k := range runs {
		r := &runs[k]
		r.person = isPerson(*r)
		if r.person {
			// the text of a run that is no person is asked in pass 1
			// alone
			r.text = tokensText(d.Text, r.name)
			r.key = ns.key(r.text)
			if known[r.key] != nil {
				r.person = false // nor is it asked in pass 1
				r.skip = true
			}
		}
	}
	// Named people first, then later mentions of their surnames. ctx is
	// a run's context words, the buffer reused: add keeps none of them.
	var ctx []string
	for pass := 0; pass < 2; pass++ {
		for _, r := range runs {
			if pass == 0 && !r.person {
				continue
			}
			if pass == 1 && (r.person || r.skip || len(ps.byKey) == 0) {
				// the key of a run that is no person is asked only
				// here, and only when there is a person to find
				continue
			}
			if pass == 1 {
				r.text = tokensText(d.Text, r.name)
				r.key = ns.key(r.text)
				if ps.byKey[r.key] == nil {
					continue
				}
			}
			name := r.text
			start := r.name[0].Start
			if len(r.title) > 0 {
				start = r.title[0].Start
			}
			ctx = ctx[:0]
			for _, t := range r.title {
				ctx = append(ctx, t.low)
			}
			ctx = appendContextWords(ctx, dt, news.Span{Start: start, End: r.name[len(r.name)-1].End})
			at := r.name[0].Start
			ps.add(name, r.key, at, subjects.has(start) || subjects.has(at), -1, ctx)
		}
	}
	for _, p := range ps.list {
		sortMentions(p)
	}
	return ps
}

func isNameTok(t *tok) bool {
	if t.kind != 'w' {
		return false
	}
	if t.upper {
		return !t.has(lxFunctionCap) || t.has(lxTitleWord) && !t.has(lxDeterminer) && t.low != "of"
	}
	return isParticle(t.low)
}

// sortMentions puts a person's mentions in text order.
func sortMentions(p *person) {
	for i := 1; i < len(p.at); i++ {
		for j := i; j > 0 && p.at[j] < p.at[j-1]; j-- {
			p.at[j], p.at[j-1] = p.at[j-1], p.at[j]
			p.subj[j], p.subj[j-1] = p.subj[j-1], p.subj[j]
			p.mention[j], p.mention[j-1] = p.mention[j-1], p.mention[j]
		}
	}
}

// last returns the latest mention of p before off, and whether it is a
// subject.
func (p *person) last(off int) (int, bool, int) {
	// The mentions are in text order (see newResolver).
	i := sort.SearchInts(p.at, off) - 1
	if i < 0 {
		return -1, false, -1
	}
	return p.at[i], p.subj[i], p.mention[i]
}

// nationalities returns the distinctive capitalised words of a
// description: "the Iraqi official" → "Iraqi".
func distinctive(words []string) []string {
	var out []string
	for _, w := range words {
		if w == "" || !startsUpper(w) {
			continue
		}
		low := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"))
		if titleWords.set().has(low) || personTitles.set().has(low) || functionCap.set().has(low) || orgWords.set().has(low) || roleNouns.set().has(low) {
			continue
		}
		out = append(out, low)
	}
	return out
}

// stem4 compares nationality words by their first four letters: Iran,
// Iranian; Iraq, Iraqi; Turkey, Turkish.
func stem4(w string) string {
	r := []rune(w)
	if len(r) > 4 {
		r = r[:4]
	}
	return string(r)
}

// describes scores how well a description fits person p: distinctive
// words shared with its context, and role words. ok is false when the
// description names another nationality.
func (p *person) describes(desc []string) (score int, ok bool) {
	pd := map[string]bool{}
	for w := range p.ctx {
		if len(w) > 0 && !titleWords.set().has(w) && !personTitles.set().has(w) && !orgWords.set().has(w) && !functionCap.set().has(w) && !roleNouns.set().has(w) && !determiners.set().has(w) {
			pd[stem4(w)] = true
		}
	}
	dist := distinctive(desc)
	matched := 0
	for _, w := range dist {
		if pd[stem4(w)] {
			matched++
		}
	}
	if len(dist) > 0 && matched == 0 && len(pd) > 0 {
		return 0, false
	}
	score = 3 * matched
	for _, w := range desc {
		low := strings.ToLower(w)
		if (roleNouns.set().has(low) || personTitles.set().has(low)) && p.ctx[low] {
			score++
		}
	}
	return score, true
}

// covered reports whether the tagger found p's mentions as something
// other than a person (an organisation or place of the same name).
func (ps *people) covered(others spanSet, p *person) bool {
	for _, a := range p.at {
		if others.contains(news.Span{Start: a, End: a + 1}) {
			return true
		}
	}
	return false
}

// docToks are the finder's tokens of a whole document: its paragraphs'
// tokens, made once, which the people finder reads by offset instead of
// tokenizing the text around each mention again.
type docToks struct {
	text string
	// toks and sents are the Doc's tokens and sentences.
	toks  []news.Token
	sents []news.Sentence
	paras []*para
}

// sentenceStart returns the start of the Doc's sentence that holds
// offset off, or of its line (the finder's paragraph) when that is
// later, or off when no sentence holds it.
func (dt *docToks) sentenceStart(off int) int {
	ss := dt.sents
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > off })
	if k == len(ss) || ss[k].Start > off {
		return off
	}
	start := ss[k].Start
	if j := sort.Search(len(dt.paras), func(j int) bool { return dt.paras[j].sp.End >= off }); j < len(dt.paras) && dt.paras[j].sp.Start <= off {
		start = max(start, dt.paras[j].sp.Start)
	}
	return start
}

// sentenceEnd returns the end of the Doc's sentence that holds offset
// off, or off when none does.
func (dt *docToks) sentenceEnd(off int) int {
	ss := dt.sents
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > off })
	if k < len(ss) && ss[k].Start <= off {
		return ss[k].End
	}
	return off
}

// within returns the tokens that lie in text[lo:hi] and in the
// paragraph of lo: a slice of the paragraph's tokens, or, where no
// paragraph holds lo, the finder's tokens made from the Doc's tokens
// in the range.
func (dt *docToks) within(lo, hi int) []tok {
	// the searches are sort.Search's, probe for probe, written out: a
	// name's context asks for several windows
	paras := dt.paras
	k, j := 0, len(paras)
	for k < j {
		if h := int(uint(k+j) >> 1); paras[h].sp.End < lo {
			k = h + 1
		} else {
			j = h
		}
	}
	if k == len(paras) || paras[k].sp.Start > lo || lo > hi {
		return appendDocTokens(nil, dt.text, "", tokensIn(dt.toks, lo, hi))
	}
	hi = min(hi, paras[k].sp.End)
	ts := paras[k].ts
	a, j := 0, len(ts)
	for a < j {
		if h := int(uint(a+j) >> 1); ts[h].Start < lo {
			a = h + 1
		} else {
			j = h
		}
	}
	b, j := a, len(ts)
	for b < j {
		if h := int(uint(b+j) >> 1); ts[h].End <= hi {
			b = h + 1
		} else {
			j = h
		}
	}
	return ts[a:b]
}

// SpokesNoun reports whether a lowercased word names an unnamed person
// who speaks for an organisation ("official", "spokesman", "sources"),
// as in the source "a NATO official".
func SpokesNoun(w string) bool { return spokesNouns.set().has(w) }

// spokesNouns are the role nouns of people who speak for an organisation
// without being named.
var spokesNouns = &lazyWords{build: func() map[string]bool {
	return map[string]bool{
		"official": true, "officials": true, "spokesman": true, "spokeswoman": true,
		"spokesperson": true, "spokespeople": true, "source": true, "sources": true,
		"officer": true, "officers": true, "representative": true, "representatives": true,
	}
}}
