package entity

import (
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/internal/levenshtein"
	"github.com/storyline-news/storyline/news"
)

// joined is a name's parts written as one word: the letters that
// spellings splitting a name in other places share ("Kim Jong-un", "Kim
// Jong Un" → kimjongun).
func (n pname) joined() string {
	var buf [64]byte
	return string(n.appendJoined(buf[:0]))
}

// appendJoined appends joined's string to b.
func (n pname) appendJoined(b []byte) []byte {
	for _, p := range n.parts {
		b = append(b, p.t...)
	}
	return b
}

// joinedSame returns the groups one of whose members' names is the
// item's name with its parts split in other places, from byJoined, the
// groups by their members' names written as one word. The generational
// suffixes must agree.
func joinedSame(pn pname, cs []nameGroup, byJoined map[string][]int) []int {
	var out []int
	var buf [64]byte
	for _, ci := range byJoined[string(pn.appendJoined(buf[:0]))] {
		if c := cs[ci].canon; c.suffix == pn.suffix {
			out = append(out, ci)
		}
	}
	return out
}

// suffixOnly returns, for a full name that no group matches, the groups
// it matches but for a generational suffix one of them lacks ("John
// Roberts", "John G. Roberts Jr."), when no member of the group comes
// from the item's own source: a source that names both "Jesse Jackson"
// and "Jesse Jackson Jr." tells them apart, and its doc-level grouping
// has already kept them apart.
//
// among lists, in order, the groups to try: every group, or at least
// those whose name's suffix is present where the item's is absent.
func suffixOnly(items []item, cs []nameGroup, among []int, it *item) []int {
	var out []int
	for _, ci := range among {
		c := cs[ci].canon
		if len(c.parts) < 2 || (c.suffix != "") == (it.pn.suffix != "") {
			continue
		}
		a, b := c, it.pn
		a.suffix, b.suffix = "", ""
		if !compatible(a, b) {
			continue
		}
		if slices.ContainsFunc(cs[ci].members, func(m int) bool { return items[m].doc == it.doc }) {
			continue
		}
		out = append(out, ci)
	}
	if len(out) > 1 {
		return nil
	}
	return out
}

// salient returns, among groups a bare surname may name, the one named
// far more often than any other (at least twice as often), or -1: a bare
// surname names the story's main bearer of it.
func salient(cs []nameGroup, cands []int) int {
	best, next := -1, 0
	for _, ci := range cands {
		switch {
		case best < 0 || cs[ci].count > cs[best].count:
			if best >= 0 {
				next = max(next, cs[best].count)
			}
			best = ci
		default:
			next = max(next, cs[ci].count)
		}
	}
	if best >= 0 && cs[best].count >= 2*next && cs[best].count > next {
		return best
	}
	return -1
}

// joinSpellings joins, across sources, groups whose full names are
// spellings of one name that the part-by-part match misses, when they
// also share context (a role, or a person named beside them) and no
// source names both:
//   - transliterations differing in a letter or two over the whole name
//     ("Yoon Young-chan", "Yun Yong Chan"; "Abdul Hakim Belhaj",
//     "AbdelHakim Bilhajj");
//   - a full name and the same name with a second surname ("Francisco
//     Jose Garzon", "Francisco Jose Garzon Amo").
func joinSpellings(items []item, cs []nameGroup) []nameGroup {
	owner := map[int]int{}
	docs := make([]map[int]bool, len(cs))
	// the one source of a group's full names, -1 when several, and the
	// groups each source is the one source of
	sole := make([]int, len(cs))
	var soleOf []int
	for ci, c := range cs {
		docs[ci] = map[int]bool{}
		sole[ci] = -2
		for _, m := range c.members {
			owner[m] = ci
			if len(items[m].pn.parts) > 1 {
				// a source naming both full names tells them apart (a
				// bare surname may have gone to either)
				d := items[m].doc
				docs[ci][d] = true
				if sole[ci] == -2 {
					sole[ci] = d
				} else if sole[ci] != d {
					sole[ci] = -1
				}
			}
		}
		sole[ci] = max(sole[ci], -1)
		if d := sole[ci]; d >= 0 {
			if d >= len(soleOf) {
				soleOf = append(soleOf, make([]int, d+1-len(soleOf))...)
			}
			soleOf[d]++
		}
	}
	if slices.Max(append(soleOf, 0)) <= maxCoPeople {
		// no source is a list of names: the pairs of one are few, and
		// are returned (see spellingPairs)
		sole = nil
	}
	// context of a group: its roles and the groups named beside it
	roles := make([]map[string]bool, len(cs))
	beside := make([]map[int]bool, len(cs))
	for ci, c := range cs {
		roles[ci], beside[ci] = map[string]bool{}, map[int]bool{}
		for _, m := range c.members {
			for _, r := range items[m].roles {
				roles[ci][roleKey(r)] = true
			}
			for _, o := range items[m].co {
				if oc, ok := owner[o]; ok && oc != ci {
					beside[ci][oc] = true
				}
			}
		}
	}
	shareContext := func(a, b int) bool {
		for r := range roles[a] {
			if roles[b][r] {
				return true
			}
		}
		for o := range beside[a] {
			if o != b && beside[b][o] {
				return true
			}
		}
		return false
	}
	// Both kinds of spelling start with the same letter: only groups of
	// one first letter are compared (spellingPairs).
	joined := make([]string, len(cs))
	for ci := range cs {
		if len(cs[ci].canon.parts) >= 2 {
			joined[ci] = cs[ci].canon.joined()
		}
	}
	parent := map[int]int{}
	for _, pr := range spellingPairs(cs, joined, sole) {
		a, b := pr[0], pr[1]
		if !spellingOf(cs[a].canon, cs[b].canon, joined[a], joined[b]) {
			continue
		}
		if disjoint.Find(parent, a) == disjoint.Find(parent, b) {
			continue
		}
		together := false
		for d := range docs[a] {
			if docs[b][d] {
				together = true
				break
			}
		}
		// the same given names in full join even where one source
		// writes both surnames: it misspelt one of them
		given := sameGivenNames(cs[a].canon, cs[b].canon)
		if together && !given || !shareContext(a, b) && !longPrefix(cs[a].canon, cs[b].canon) && !given {
			continue
		}
		disjoint.UnionMin(parent, a, b)
	}
	if len(parent) == 0 {
		return cs
	}
	var out []nameGroup
	at := map[int]int{}
	for ci := range cs {
		r := disjoint.Find(parent, ci)
		k, ok := at[r]
		if !ok {
			k = len(out)
			at[r] = k
			out = append(out, nameGroup{canon: cs[ci].canon})
		}
		g := &out[k]
		g.members = append(g.members, cs[ci].members...)
		g.count += cs[ci].count
		g.pos = append(g.pos, cs[ci].pos...)
		if len(cs[ci].canon.parts) > len(g.canon.parts) {
			g.canon = cs[ci].canon
		}
	}
	return out
}

// spellingOf reports whether two full names, also given written as one
// word (ja, jb), may be spellings of one name
// that compatible does not match: their family names match and the whole
// names, written as one word of ten letters or more, differ by at most
// one letter in eight; or one is the other with one more
// surname at its end.
func spellingOf(a, b pname, ja, jb string) bool {
	if a.suffix != b.suffix {
		return false
	}
	sa, _ := a.surname()
	sb, _ := b.surname()
	// the family name matches, written last or, in names written family
	// name first, first (tested after the cheap length tests)
	family := func() bool { return partMatch(sa, sb) || partMatch(a.parts[0], b.parts[0]) }
	if n := max(len(ja), len(jb)); n >= 10 && n-min(len(ja), len(jb)) <= n/8 && ja[0] == jb[0] && family() && levenshtein.Distance(ja, jb, n/8) <= n/8 {
		return true
	}
	return sameGivenNames(a, b) || oneMorePart(a, b, 2)
}

// longPrefix reports whether one name of three parts or more starts the
// other ("Francisco Jose Garzon", "Francisco Jose Garzon Amo"): two given
// names and a surname are specific enough without shared context.
func longPrefix(a, b pname) bool { return oneMorePart(a, b, 3) }

// oneMorePart reports whether one name, of least parts or more, none an
// initial, is the other with one more part at its end.
func oneMorePart(a, b pname, least int) bool {
	if len(a.parts) > len(b.parts) {
		a, b = b, a
	}
	if len(a.parts) < least || len(b.parts) != len(a.parts)+1 {
		return false
	}
	for i, p := range a.parts {
		if p.init || !partMatch(p, b.parts[i]) {
			return false
		}
	}
	return true
}

// sameGivenNames reports whether two names of three parts or more agree
// on every given name, written out, and differ only in a surname of the
// same first letter ("Idris Naim Sahin", "Idris Naim Sener"): two given
// names in full are specific enough to take the surname for a source's
// misspelling.
func sameGivenNames(a, b pname) bool {
	n := len(a.parts)
	if n < 3 || len(b.parts) != n || a.suffix != b.suffix {
		return false
	}
	for i := range n - 1 {
		if a.parts[i].init || a.parts[i].t != b.parts[i].t {
			return false
		}
	}
	sa, sb := a.parts[n-1].t, b.parts[n-1].t
	return len(sa) >= 4 && len(sb) >= 4 && sa[0] == sb[0]
}

// untitled returns a name without the titles written before it ("Col
// Gaddafi" → "Gaddafi"), and whether it had one.
func untitled(f string) (string, bool) {
	ws := strings.Fields(f)
	i := 0
	for i < len(ws)-1 {
		w := lowerWord(ws[i])
		_, rank := rankWords()[w]
		if !capitalised(ws[i]) || !(rank || honorifics()[w] || personTitles[w]) {
			break
		}
		i++
	}
	return strings.Join(ws[i:], " "), i > 0
}

// personify moves to the people a place or organisation whose name is a
// person's full name, or a titled surname, that other sources give to a
// person more often than to anything else (the tagger's slip in one
// article: "Muammar el-Qaddafi" typed as an organisation).
func personify(items []item, perIdx, otherIdx []int) ([]int, []int) {
	otherN := map[string]int{}
	for _, i := range otherIdx {
		for _, fn := range items[i].forms {
			f, n := fn.f, fn.n
			otherN[nameKey(f)] += n
		}
	}
	idx := newPersonIndex()
	for _, j := range perIdx {
		if len(items[j].pn.parts) > 1 {
			idx.add(j, items[j].pn)
		}
	}
	var keep []int
	for _, i := range otherIdx {
		it := &items[i]
		f := best(it.forms, true)
		name, titledName := untitled(f)
		pn := parseName(name)
		if acronymOf(f) != "" || len(strings.Fields(f)) < 2 || len(pn.parts) == 0 || len(pn.parts) < 2 && !titledName {
			keep = append(keep, i)
			continue
		}
		per := 0
		many, joined := len(pn.parts) > 1, pn.joined()
		idx.candidates(pn, func(j int) {
			pj := items[j].pn
			if items[j].doc != it.doc && len(pj.parts) > 1 && (compatible(pn, pj) || many && joined == pj.joined()) {
				per += items[j].count
			}
		})
		if per <= otherN[nameKey(f)] {
			keep = append(keep, i)
			continue
		}
		it.typ = news.Person
		it.pn = pn
		perIdx = append(perIdx, i)
		if len(pn.parts) > 1 {
			idx.add(i, pn)
		}
	}
	return perIdx, keep
}
