package entity

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

// item is what the merger groups: a mention (in a doc) or a document's
// entity (in a story).
type item struct {
	typ     news.EntityType
	forms   []formN // surface forms in order of first use, with how often each was used
	roles   []string
	sources []string
	count   int
	pos     []int // positions of the mentions
	pn      pname
	doc     int   // index of the doc (story level)
	co      []int // items of other people named in the same doc
}

// formN is a surface form of an item and how often it was used.
type formN struct {
	f string
	n int
}

// addForm counts n more uses of form f. An item has few forms: a list
// searched in order costs less than a map.
func (it *item) addForm(f string, n int) {
	for k := range it.forms {
		if it.forms[k].f == f {
			it.forms[k].n += n
			return
		}
	}
	it.forms = append(it.forms, formN{f, n})
}

// best returns the most complete well-formed form: most name parts, then
// most used, then first used.
func best(forms []formN, person bool) string {
	if len(forms) == 1 && forms[0].n >= 0 && !strings.ContainsAny(forms[0].f, "[]()\"") {
		// the only form, scored -1 or more, is chosen whatever its score
		return forms[0].f
	}
	bf, bp, bn := "", -1, -1
	for _, fn := range forms {
		f := fn.f
		p := 0
		if person {
			p = partCount(f)
		} else {
			var buf [8]string
			ws := token.FieldsInto(buf[:0], f)
			p = len(ws)
			if p > 1 && strings.EqualFold(ws[0], "the") {
				p-- // "The New York Times" names no more than "New York Times"
			}
			if _, ok := placeAbbrevs[lowerWord(ws[0])]; ok && p > 1 {
				p-- // "Mount Cook" before "Mt Cook"
			}
			if acronymOf(f) != "" {
				p = 0
			}
		}
		if !capitalised(f) && !capitalised(afterParticle(f)) {
			p-- // lower-case start: less well formed
		}
		if strings.ContainsAny(f, "[]()\"") {
			p -= 2 // a bracket or quote caught in the name
		}
		n := fn.n
		if p > bp || (p == bp && n > bn) {
			bf, bp, bn = f, p, n
		}
	}
	return bf
}

// nameGroup is a group of items naming one entity.
type nameGroup struct {
	members []int
	canon   pname
	count   int
	pos     []int
}

func (c *nameGroup) join(i int, it *item) {
	c.members = append(c.members, i)
	c.count += it.count
	c.pos = append(c.pos, it.pos...)
	if len(it.pn.parts) > len(c.canon.parts) {
		c.canon = it.pn
	}
}

func roleKeys(roles []string) map[string]bool {
	m := map[string]bool{}
	for _, r := range roles {
		m[roleKey(r)] = true
	}
	return m
}

// roleKey is the key under which two spellings of a role are one.
func roleKey(r string) string {
	if rk, ok := NormalizeRank(r); ok {
		return rk
	}
	k := strings.ReplaceAll(fold(r), "-", " ")
	for _, a := range []string{"the ", "a ", "an "} {
		k = strings.TrimPrefix(k, a)
	}
	return strings.Join(strings.Fields(k), " ")
}

// people groups person items. Names of several parts go first, each to
// the group whose most complete name it is compatible with; then names of
// one part go to the group whose surname they match. When several groups
// match, inDoc picks the nearest group named before it, and across docs
// the group sharing roles or co-mentioned people, else none.
func people(items []item, idx []int, inDoc bool) []nameGroup {
	slices.SortStableFunc(idx, func(a, b int) int {
		pa, pb := len(items[a].pn.parts), len(items[b].pn.parts)
		if (pa > 1) != (pb > 1) {
			if pa > 1 {
				return -1
			}
			return 1
		}
		if pa > 1 && pa != pb {
			return pb - pa
		}
		if pa > 1 && items[a].count != items[b].count {
			return items[b].count - items[a].count
		}
		return items[a].pos[0] - items[b].pos[0]
	})
	var cs []nameGroup
	owner := map[int]int{}
	// what the groups' members hold and are named beside, across docs
	// (a doc's groups are small enough to walk)
	var ctx *groupContext
	if !inDoc {
		ctx = newGroupContext()
	}
	// suffixed lists the groups whose name has a generational suffix,
	// in order (see suffixOnly)
	var suffixed []int
	// groups by the skeleton of their surname (names that match have the
	// same), and two-part names by their first part
	bySur := map[string][]int{}
	// and the big ones by given names
	var big *bigBuckets
	byFirst := map[string][]int{}
	// groups by their full names written as one word
	byJoined := map[string][]int{}
	// groups by the surnames they have had, for suffixOnly across docs:
	// built when a name with a suffix first needs it
	var byName *personIndex
	// the groups of a big bucket that a name may join (candidates)
	var scratch []int
	// index files group ci, joined by a member named pn, whose name had
	// before parts
	index := func(ci int, pn pname, before int) {
		c := &cs[ci]
		if big == nil {
			// (an article's buckets: none big)
			if sn, ok := c.canon.surname(); ok {
				switch l := bySur[sn.sk]; {
				case slices.Contains(l, ci):
					// filed already
				case len(l) < manyGroups:
					bySur[sn.sk] = append(l, ci)
				default:
					big = big.add(bySur, sn.sk, ci, cs)
				}
			}
		} else {
			if len(c.members) > 1 && len(c.canon.parts) != before {
				big.renamed(ci, c.canon)
			}
			if sn, ok := c.canon.surname(); ok && !big.has(bySur, sn.sk, ci) {
				big.add(bySur, sn.sk, ci, cs)
			}
		}
		if len(pn.parts) > 1 {
			// (looked up from the stack; the key made only when new)
			var buf [64]byte
			if j := pn.appendJoined(buf[:0]); !slices.Contains(byJoined[string(j)], ci) {
				byJoined[string(j)] = append(byJoined[string(j)], ci)
			}
		}
		// every spelling of the group that may be written family name
		// first ("Kim Jong-un" beside "Kim Jong Un")
		for _, n := range []pname{c.canon, pn} {
			if familyFirst(n) && !slices.Contains(byFirst[n.parts[0].t], ci) {
				byFirst[n.parts[0].t] = append(byFirst[n.parts[0].t], ci)
			}
		}
	}
	for _, i := range idx {
		it := &items[i]
		var cands []int
		if sn, ok := it.pn.surname(); ok {
			among := bySur[sn.sk]
			if big != nil {
				if found, ok := big.candidates(sn.sk, it.pn, scratch[:0]); ok {
					among, scratch = found, found
				}
			}
			for _, ci := range among {
				c := &cs[ci]
				if len(it.pn.parts) > 1 && len(c.canon.parts) < 2 {
					continue
				}
				if compatible(it.pn, c.canon) {
					cands = append(cands, ci)
				}
			}
		}
		if len(cands) == 0 && len(it.pn.parts) > 1 {
			// the same letters split in other places ("Kim Jong-un",
			// "Kim Jong Un")
			cands = joinedSame(it.pn, cs, byJoined)
		}
		if len(cands) == 0 && len(it.pn.parts) > 1 && !inDoc {
			// "John Roberts" in one source, "John G. Roberts Jr." in
			// another: one person, unless the item's own source tells
			// them apart by naming both. A name without a suffix is
			// tried against the groups with one only.
			among := suffixed
			if it.pn.suffix != "" {
				// the groups whose surname may match (each name a group
				// has had is filed in byName), in order
				if byName == nil {
					byName = newPersonIndex()
					for ci := range cs {
						byName.add(ci, cs[ci].canon)
					}
				}
				among = nil
				byName.candidates(it.pn, func(ci int) { among = append(among, ci) })
				slices.Sort(among)
			}
			cands = suffixOnly(items, cs, among, it)
		}
		if len(cands) == 0 && len(it.pn.parts) == 1 {
			// a name of one part may be the family name written first
			// (Xi for Xi Jinping), when it fits one person only; across
			// sources the context or salience picks among several
			for _, ci := range byFirst[it.pn.parts[0].t] {
				cands = append(cands, ci)
			}
			if len(cands) > 1 && inDoc {
				cands = nil
			}
		}
		slices.Sort(cands)
		if len(cands) == 1 && len(it.pn.parts) == 1 && len(it.roles) > 0 && inDoc && len(cs[cands[0]].canon.parts) > 1 {
			// a titled surname whose title the one person of that name
			// in the doc never holds is someone else: "President Obama"
			// is not Sasha Obama (a shared surname is not enough)
			mine := roleKeys(it.roles)
			if !holdsRole(items, cs, nil, cands[0], mine) && !titled(items, cs[cands[0]].members) {
				cands = nil
			}
		}
		if len(cands) > 1 && len(it.pn.parts) == 1 && len(it.roles) > 0 {
			// a titled surname goes to the one person holding that title
			// ("President Obama" among Barack, Michelle and Sasha Obama)
			mine := roleKeys(it.roles)
			var with []int
			for _, ci := range cands {
				if holdsRole(items, cs, ctx, ci, mine) {
					with = append(with, ci)
				}
			}
			switch {
			case len(with) == 1:
				cands = with
			case len(with) == 0 && inDoc:
				// none of them holds it: another person of that name
				// ("former Vice President Cheney" beside his daughters)
				cands = nil
			}
		}
		pick := -1
		switch {
		case len(cands) == 1:
			pick = cands[0]
		case len(cands) > 1 && len(it.pn.parts) > 1:
			pick = cands[0]
			for _, ci := range cands[1:] {
				if cs[ci].count > cs[pick].count {
					pick = ci
				}
			}
		case len(cands) > 1 && inDoc:
			// the nearest group named before the mention, else after;
			// but a group named twice as often wins over a nearer one
			bestPos, most := -1, 0
			for _, ci := range cands {
				most = max(most, cs[ci].count)
				for _, p := range cs[ci].pos {
					if p < it.pos[0] && p > bestPos {
						bestPos, pick = p, ci
					}
				}
			}
			if pick >= 0 && 2*cs[pick].count <= most {
				for _, ci := range cands {
					if cs[ci].count == most {
						pick = ci
						break
					}
				}
			}
			if pick < 0 {
				bestPos = int(^uint(0) >> 1)
				for _, ci := range cands {
					for _, p := range cs[ci].pos {
						if p < bestPos {
							bestPos, pick = p, ci
						}
					}
				}
			}
		case len(cands) > 1:
			pick = byContext(ctx, cands, it, owner)
			if pick < 0 && len(it.pn.parts) == 1 {
				pick = salient(cs, cands)
			}
		}
		if pick < 0 {
			cs = append(cs, nameGroup{canon: it.pn})
			pick = len(cs) - 1
		}
		before := len(cs[pick].canon.parts)
		cs[pick].join(i, it)
		if ctx != nil {
			ctx.join(pick, it, owner)
		}
		index(pick, it.pn, before)
		if byName != nil && (len(cs[pick].members) == 1 || len(cs[pick].canon.parts) != before) {
			byName.add(pick, cs[pick].canon)
		}
		if !inDoc {
			// (only byContext and ctx read owner, across docs)
			owner[i] = pick
		}
		// keep suffixed the groups whose name has a suffix, in order
		k, in := slices.BinarySearch(suffixed, pick)
		switch has := cs[pick].canon.suffix != ""; {
		case has && !in:
			suffixed = slices.Insert(suffixed, k, pick)
		case !has && in:
			suffixed = slices.Delete(suffixed, k, k+1)
		}
	}
	if !inDoc {
		cs = joinSpellings(items, cs)
	}
	return cs
}

// familyFirst reports whether a name may be written family name first:
// two parts (Xi Jinping), or three whose given name is written as two
// syllables (Moon Jae In).
func familyFirst(n pname) bool {
	if len(n.parts) < 2 || len(n.parts) > 3 || n.parts[0].init || n.suffix != "" {
		return false
	}
	if len(n.parts) == 3 {
		for _, p := range n.parts[1:] {
			if p.init || len(p.t) > 3 {
				return false
			}
		}
	}
	return true
}

// byContext picks among groups the one that shares the most roles and
// co-mentioned people with the item, or -1 when none stands out.
func byContext(ctx *groupContext, cands []int, it *item, owner map[int]int) int {
	mine := roleKeys(it.roles)
	coMine := map[int]bool{}
	for _, o := range it.co {
		if c, ok := owner[o]; ok {
			coMine[c] = true
		}
	}
	best, bestScore, tie := -1, 0, false
	for _, ci := range cands {
		score := ctx.score(ci, mine, coMine)
		switch {
		case score > bestScore:
			best, bestScore, tie = ci, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// things groups places, organisations and other names: by name key, by
// acronym and its expansion, and by explicit links.
func things(items []item, idx []int, links [][2]int) [][]int {
	// a union-find forest over the items, each its own root at first;
	// the lower root wins, so a group's root is its first item
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if rb < ra {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	byKey := map[string]int{}
	var acr []int
	// the forms that are no acronyms, whose initials byInit files when
	// there are acronyms to expand
	type form struct {
		i int
		f string
	}
	var rest []form
	for _, i := range idx {
		for _, fn := range items[i].forms {
			f := fn.f
			k := baseKey(nameKey(f))
			if k == "" {
				continue
			}
			if j, ok := byKey[k]; ok {
				union(i, j)
			} else {
				byKey[k] = i
			}
			if a := acronymOf(f); a != "" {
				acr = append(acr, i)
			} else {
				rest = append(rest, form{i, f})
			}
		}
	}
	var byInit map[string][]int
	if len(acr) > 0 {
		byInit = map[string][]int{}
		for _, r := range rest {
			if in := initials(r.f); len(in) >= 2 {
				byInit[in] = append(byInit[in], r.i)
			}
		}
	}
	for _, i := range acr {
		for _, fn := range items[i].forms {
			f := fn.f
			a := acronymOf(f)
			if a == "" {
				continue
			}
			js := byInit[a]
			var same []int
			for _, j := range js {
				if items[j].typ == items[i].typ {
					same = append(same, j)
				}
			}
			if len(same) > 0 {
				// expansions of the acronym's own type first ("N.Y.",
				// "New York", not "New Yorker")
				js = same
			}
			if len(js) > 0 {
				// only when the expansions agree among themselves
				ok := true
				for _, j := range js[1:] {
					if find(j) != find(js[0]) {
						ok = false
					}
				}
				if ok {
					union(i, js[0])
				}
			}
		}
	}
	for _, l := range links {
		union(l[0], l[1])
	}
	// the groups in the order of their first item in idx; slot holds a
	// root's group, plus one
	slot := make([]int, len(items))
	var out [][]int
	for _, i := range idx {
		r := find(i)
		if slot[r] == 0 {
			out = append(out, nil)
			slot[r] = len(out)
		}
		out[slot[r]-1] = append(out[slot[r]-1], i)
	}
	return out
}

// entityOf builds an entity from a group of items.
func entityOf(items []item, members []int, typ news.EntityType) (news.Entity, int) {
	agg := item{}
	var roleKeys []string // the keys of agg.roles (few: a list)
	var srcs []string
	var nPlace, nOrg, nPerson int
	for _, m := range members {
		it := &items[m]
		for _, fn := range it.forms {
			agg.addForm(fn.f, fn.n)
		}
		for _, r := range it.roles {
			r = spellRole(r)
			k := roleKey(r)
			if !slices.Contains(roleKeys, k) {
				roleKeys = append(roleKeys, k)
				if rk, ok := NormalizeRank(r); ok {
					r = rk
				}
				agg.roles = append(agg.roles, r)
			}
		}
		for _, s := range it.sources {
			// a doc's items share their one source
			if len(srcs) == 0 || srcs[len(srcs)-1] != s {
				srcs = append(srcs, s)
			}
		}
		agg.count += it.count
		switch it.typ {
		case news.Place:
			nPlace += it.count
		case news.Organisation:
			nOrg += it.count
		case news.Person:
			nPerson += it.count
		}
	}
	if typ == "" {
		// the most used type; MISC only when no other is used (a place's
		// name is also written as an adjective)
		bestN := 0
		for _, t := range [...]struct {
			typ news.EntityType
			n   int
		}{{news.Place, nPlace}, {news.Organisation, nOrg}, {news.Person, nPerson}} {
			if t.n > bestN {
				typ, bestN = t.typ, t.n
			}
		}
		if typ == "" {
			typ = news.Misc
		}
	}
	e := news.Entity{Name: best(agg.forms, typ == news.Person), Type: typ, Roles: agg.roles}
	if len(agg.roles) > 1 {
		// (a role alone is its own most specific)
		e.Roles = specificRoles(agg.roles)
	}
	slices.SortStableFunc(agg.forms, func(a, b formN) int { return b.n - a.n })
	e.Forms = make([]string, len(agg.forms))
	for k, fn := range agg.forms {
		e.Forms[k] = fn.f
	}
	if len(srcs) > 0 {
		// each source once, in order; no spare room kept
		slices.Sort(srcs)
		if u := slices.Compact(srcs); len(u) < len(srcs) {
			e.Sources = slices.Clone(u)
		} else {
			e.Sources = slices.Clip(u)
		}
	}
	if e.Roles == nil {
		e.Roles = []string{}
	}
	return e, agg.count
}

// mentionRoles returns the roles of a mention, ranks spelled out.
func mentionRoles(m *news.Mention) []string {
	var out []string
	for _, t := range m.Titles {
		if lowerWordIn(address, t) {
			continue
		}
		if rk, ok := NormalizeRank(t); ok {
			out = append(out, rk)
			continue
		}
		out = append(out, t)
	}
	return out
}

// docEntities groups a doc's mentions into its entities.
func docEntities(d *news.Doc, names *nameCache) {
	items := make([]item, len(d.Mentions))
	// the items' first position, form and source, in shared backing
	// arrays: a slice of capacity one that grows is copied, and sources
	// are only read
	pos := make([]int, len(d.Mentions))
	forms := make([]formN, len(d.Mentions))
	var sources []string
	if d.ID != "" {
		sources = []string{d.ID}
	}
	// the people's and the others' indexes, in one backing array
	idxBuf := make([]int, 2*len(d.Mentions))
	perIdx, otherIdx := idxBuf[:0:len(d.Mentions)], idxBuf[len(d.Mentions):len(d.Mentions)]
	for i := range d.Mentions {
		m := &d.Mentions[i]
		pos[i] = m.Start
		forms[i] = formN{fullBody(d, i), 1}
		it := item{typ: m.Type, count: 1, pos: pos[i : i+1 : i+1], roles: mentionRoles(m),
			forms: forms[i : i+1 : i+1], sources: sources}
		if m.Type == news.Person {
			it.pn = names.parse(m.Text)
			perIdx = append(perIdx, i)
		} else {
			otherIdx = append(otherIdx, i)
		}
		items[i] = it
	}
	pcs := people(items, perIdx, true)
	// a one-word place or organisation that is a person's surname in this
	// doc, or a titled person's name, is that person (the tagger typed it
	// wrongly)
	rest := make([]int, 0, len(otherIdx))
	// the people filed by surname, for a doc of more than maxCoPeople (a
	// list of names rather than an article): a word then meets only those
	// filed under its keys, a superset of those it is compatible with, in
	// order, not every person of the list
	var bySur *personIndex
	var among []int
	for _, i := range otherIdx {
		m := &d.Mentions[i]
		moved := false
		// a name of one word is parsed; one of several cannot move
		var pn pname
		if !strings.ContainsRune(m.Text, ' ') {
			pn = names.parse(m.Text)
		}
		if len(pn.parts) == 1 && !strings.ContainsRune(m.Text, ' ') && acronymOf(m.Text) == "" {
			many := len(pcs) > maxCoPeople
			if many {
				if bySur == nil {
					bySur = newPersonIndex()
					for ci := range pcs {
						bySur.add(ci, pcs[ci].canon)
					}
				}
				among = among[:0]
				bySur.candidates(pn, func(ci int) { among = append(among, ci) })
				slices.Sort(among)
			}
			// the first group whose surname it may be, of a person named
			// in full or with a title (a name of several words typed
			// otherwise stays: moving it costs more than it gains on
			// CoNLL)
			pick := -1
			if !many {
				for ci := range pcs {
					if (len(pcs[ci].canon.parts) > 1 || titled(items, pcs[ci].members)) && compatible(pn, pcs[ci].canon) {
						pick = ci
						break
					}
				}
			} else {
				for _, ci := range among {
					// (the same test, of the groups filed under its keys)
					if (len(pcs[ci].canon.parts) > 1 || titled(items, pcs[ci].members)) && compatible(pn, pcs[ci].canon) {
						pick = ci
						break
					}
				}
			}
			if pick >= 0 {
				m.Type = news.Person
				items[i].typ = news.Person
				items[i].pn = pn
				pcs[pick].join(i, &items[i])
				moved = true
			}
		}
		if !moved {
			rest = append(rest, i)
		}
	}
	var links [][2]int
	for i := range d.Mentions {
		// "Name (ACR)"
		m := &d.Mentions[i]
		if m.Type == news.Person || i+1 >= len(d.Mentions) {
			continue
		}
		n := &d.Mentions[i+1]
		if n.Type == m.Type && acronymOf(n.Text) != "" && m.End <= n.Start && n.Start <= len(d.Text) && strings.TrimSpace(d.Text[m.End:n.Start]) == "(" {
			links = append(links, [2]int{i, i + 1})
		}
	}
	groups := things(items, rest, links)
	type ent struct {
		members []int
		typ     news.EntityType
		first   int
	}
	ents := make([]ent, 0, len(pcs)+len(groups))
	for _, c := range pcs {
		ents = append(ents, ent{c.members, news.Person, minPos(items, c.members)})
	}
	for _, g := range groups {
		ents = append(ents, ent{g, "", minPos(items, g)})
	}
	slices.SortStableFunc(ents, func(a, b ent) int { return a.first - b.first })
	d.Entities = d.Entities[:0]
	if len(ents) > 0 {
		// at its length: Apply keeps it as it is
		d.Entities = make([]news.Entity, 0, len(ents))
	}
	for ei, e := range ents {
		ne, _ := entityOf(items, e.members, e.typ)
		if ne.Sources == nil {
			ne.Sources = []string{}
		}
		d.Entities = append(d.Entities, ne)
		for _, m := range e.members {
			d.Mentions[m].Entity = ei
		}
	}
}

func minPos(items []item, ms []int) int {
	p := int(^uint(0) >> 1)
	for _, m := range ms {
		for _, x := range items[m].pos {
			p = min(p, x)
		}
	}
	return p
}

// Merge groups the entities of every doc of a story into one entry per
// real-world entity, with every form used and the IDs of the sources,
// most important (most sources, then most mentions) first. It leaves out
// what MergeOptions' zero value leaves out: nationalities and other
// adjectives, and stray common words.
func Merge(docs []*news.Doc) []news.Entity { return MergeWith(docs, MergeOptions{}) }

// maxCoPeople bounds the people of a doc recorded as named beside each
// other (item.co); no article of the data sets names more than 40.
const maxCoPeople = 128

// coPeople returns, of a doc's people (item indexes in the doc's order),
// those recorded as named beside each other: all of them, but for a doc
// naming more than maxCoPeople (a list of names rather than an article)
// only the maxCoPeople named most often, in the doc's order; the others
// are recorded beside no one. co is context for choosing among groups,
// which a doc's main people carry; bounded, a doc's pairs are at most
// maxCoPeople squared instead of its people's square (a 770 KB list of
// 4,854 names made 23 million) or its people times maxCoPeople (which
// made 3.5 million, counted again by every group they joined: most of
// the cost of merging such a list). Within the bound co stays symmetric,
// as groupContext.join counts it.
func coPeople(items []item, docPeople []int) []int {
	if len(docPeople) <= maxCoPeople {
		return docPeople
	}
	most := slices.Clone(docPeople)
	sort.SliceStable(most, func(a, b int) bool { return items[most[a]].count > items[most[b]].count })
	most = most[:maxCoPeople]
	slices.Sort(most)
	return most
}

// MergeWith is Merge with options.
func MergeWith(docs []*news.Doc, opt MergeOptions) []news.Entity {
	var items []item
	var perIdx, otherIdx []int
	for di, d := range docs {
		counts := make([]int, len(d.Entities))
		firsts := make([]int, len(d.Entities))
		for i := range firsts {
			firsts[i] = -1
		}
		formCount := make([]map[string]int, len(d.Entities))
		for _, m := range d.Mentions {
			if m.Entity < 0 || m.Entity >= len(d.Entities) {
				continue
			}
			counts[m.Entity]++
			if firsts[m.Entity] < 0 {
				firsts[m.Entity] = m.Start
			}
			if formCount[m.Entity] == nil {
				formCount[m.Entity] = map[string]int{}
			}
			formCount[m.Entity][m.Text]++
		}
		var docPeople []int
		for ei, e := range d.Entities {
			if junk(e.Name, e.Type) {
				continue
			}
			it := item{typ: e.Type, count: max(1, counts[ei]), roles: e.Roles, doc: di,
				pos: []int{di<<32 | max(0, firsts[ei])}}
			it.sources = e.Sources
			if len(it.sources) == 0 && d.ID != "" {
				it.sources = []string{d.ID}
			}
			for _, f := range e.Forms {
				n := formCount[ei][f]
				it.addForm(f, max(1, n))
			}
			if len(it.forms) == 0 {
				it.addForm(e.Name, 1)
			}
			i := len(items)
			if e.Type == news.Person {
				it.pn = parseName(e.Name)
				perIdx = append(perIdx, i)
				docPeople = append(docPeople, i)
			} else {
				otherIdx = append(otherIdx, i)
			}
			items = append(items, it)
		}
		beside := coPeople(items, docPeople)
		for _, i := range beside {
			for _, j := range beside {
				if i != j {
					items[i].co = append(items[i].co, j)
				}
			}
		}
	}
	var lookup func([]string) uint8
	var common func(string) bool
	if t, err := Default(); err == nil && t.m != nil {
		lookup, common = t.m.Known, t.m.Common
	}
	perIdx, otherIdx = retype(items, perIdx, otherIdx)
	perIdx, otherIdx = strayPeople(items, perIdx, otherIdx, lookup)
	perIdx, otherIdx = personify(items, perIdx, otherIdx)
	type ent struct {
		e     news.Entity
		count int
	}
	var ents []ent
	for _, c := range people(items, perIdx, false) {
		e, n := entityOf(items, c.members, news.Person)
		if !opt.KeepAdjectives && adjectiveEntity(e, lookup) {
			continue
		}
		e.Name = displayName(e.Name, lookup)
		ents = append(ents, ent{e, n})
	}
	adjLookup := pluralsKnown(items, otherIdx, lookup)
	for _, g := range things(items, otherIdx, suffixLinks(items, otherIdx, common, lookup)) {
		e, n := entityOf(items, g, "")
		if !opt.KeepAdjectives && adjectiveEntity(e, adjLookup) || !opt.KeepStray && strayWord(e, n, common, lookup) {
			continue
		}
		e.Name = displayName(e.Name, lookup)
		ents = append(ents, ent{e, n})
	}
	sort.SliceStable(ents, func(a, b int) bool {
		// nationalities, events and other names after people, groups and
		// places
		if ma, mb := ents[a].e.Type == news.Misc, ents[b].e.Type == news.Misc; ma != mb {
			return mb
		}
		if len(ents[a].e.Sources) != len(ents[b].e.Sources) {
			return len(ents[a].e.Sources) > len(ents[b].e.Sources)
		}
		if ents[a].count != ents[b].count {
			return ents[a].count > ents[b].count
		}
		return ents[a].e.Name < ents[b].e.Name
	})
	out := make([]news.Entity, 0, len(ents))
	for _, e := range ents {
		out = append(out, e.e)
	}
	return out
}

// afterParticle returns a name without a leading particle ("al-Ghanmi" →
// "Ghanmi").
func afterParticle(f string) string {
	if i := strings.IndexAny(f, "-' "); i > 0 && lowerIn(particles, f[:i]) {
		return f[i+1:]
	}
	return f
}

// retype moves to the places and organisations a "person" with no title
// whose name other sources give to a place or organisation at least as
// often as to people it may be (a tagger's slip in one article).
func retype(items []item, perIdx, otherIdx []int) ([]int, []int) {
	other := map[string]int{}
	otherType := map[string]news.EntityType{}
	for _, i := range otherIdx {
		for _, fn := range items[i].forms {
			f, n := fn.f, fn.n
			k := nameKey(f)
			other[k] += n
			otherType[k] = items[i].typ
		}
	}
	bySur := map[string][]int{}
	for _, i := range perIdx {
		if sn, ok := items[i].pn.surname(); ok {
			bySur[sn.sk] = append(bySur[sn.sk], i)
		}
	}
	// The mentions of the people a name may be, summed once for each
	// spelling of a name (items of one name get the same sum).
	compatibleMentions := map[string]int{}
	var keep []int
	for _, i := range perIdx {
		it := &items[i]
		if len(it.roles) == 0 {
			k := nameKey(best(it.forms, true))
			// the mentions of people this name may be
			per := it.count
			if sn, ok := it.pn.surname(); ok && other[k] > 0 {
				key := it.pn.key()
				sum, ok := compatibleMentions[key]
				if !ok {
					for _, j := range bySur[sn.sk] {
						if compatible(it.pn, items[j].pn) {
							sum += items[j].count
						}
					}
					compatibleMentions[key] = sum
				}
				per += sum
				if compatible(it.pn, it.pn) {
					per -= it.count // the item itself is in bySur
				}
			}
			if other[k] >= per {
				it.typ = otherType[k]
				otherIdx = append(otherIdx, i)
				continue
			}
		}
		keep = append(keep, i)
	}
	return keep, otherIdx
}

// key is a string that two names share when all their parts and suffix
// are the same, and so compatible says the same of them: each string
// written after its length.
func (n pname) key() string {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(n.suffix)
	for _, p := range n.parts {
		str(p.t)
		str(p.sk)
		if p.init {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	return string(b)
}

// genericTails are the words after a name that do not change what it
// names ("Tasnim News Agency", "Tasnim"; "Kurdistan Region", "Kurdistan").
var genericTails = []string{" news agency", " agency", " inc", " ltd", " corp", " corporation", " co", " company", " plc", " llc", " group", " region"}

// baseKey drops a generic tail from a name key, keeping at least a word.
func baseKey(k string) string {
	for _, t := range genericTails {
		if strings.HasSuffix(k, t) && len(k) > len(t) {
			return k[:len(k)-len(t)]
		}
	}
	return k
}

// titled reports whether one of the items has a role.
func titled(items []item, members []int) bool {
	for _, m := range members {
		if len(items[m].roles) > 0 {
			return true
		}
	}
	return false
}

// Group sets d.Entities from d.Mentions, as Apply does after finding the
// mentions, and points each mention at its entity. It lets mentions found
// elsewhere (gold mentions, another tagger's) be grouped the same way.
// The mentions must be in text order.
func Group(d *news.Doc) { docEntities(d, newNameCache()) }

// personForm returns how often the items were written as name.
func personForm(items []item, members []int, name string) int {
	k := nameKey(name)
	n := 0
	for _, m := range members {
		for _, fn := range items[m].forms {
			f, c := fn.f, fn.n
			if nameKey(f) == k {
				n += c
			}
		}
	}
	return n
}
