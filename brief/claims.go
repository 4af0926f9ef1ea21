package brief

import (
	"math"
	"sort"

	"github.com/storyline-news/storyline/news"
)

// Claims about one quantity.
//
// A figure says what it counts in two kinds of words. Its unit, its
// measure (the head noun, "people", "$", "buildings"; and what befell
// them, killed or injured), a qualifier (seriously injured) and the place
// it is counted in ("117 in Ercis") are read whenever the sentence states
// them: two figures that differ in them are two quantities, and a town's
// toll is a part of the toll, not a value of it. Its complement ("$5,150
// on fur capes"), its person ("Zelensky 73%") and the earlier time its
// sentence tells of ("from 2007 to 2014") are read only when they stand
// by the figure, so a source that leaves them out ("the Clintons earned
// roughly $141 million") does not speak of another quantity than one
// that states them ("earned $139 million in adjusted gross income from
// 2007 to 2014"). Two figures are of one quantity when their unit,
// measure, qualifier and place agree, no complement, person or time that
// both state differs, and the words around them tell of one thing
// (comparable); when one states an attribute the other leaves out, they
// must also state another alike or share words besides those of what
// they count (linked).
//
// Figures of one key (all their attributes alike) are one quantity. A
// quantity that one source alone gives is joined to a linked quantity of
// another source, the strongest link first (attributes stated alike, then
// one value, then shared words), and never so that a group holds two
// complements, persons or times. Two quantities that several sources
// each give stay apart.

// attrs are a figure's complement, person and period.
type attrs [3]string

// quantityOf is what a figure states of its quantity whenever its
// sentence does: its unit, measure, qualifier and place.
func (f figure) quantityOf() string { return f.unit + "|" + f.measure + "|" + f.qual + "|" + f.place }

// softAttrs are the attributes a figure states only when they stand by
// it.
func (f figure) softAttrs() attrs { return attrs{f.comp, f.person, f.period} }

// agree reports whether two attribute sets contradict in nothing: each
// attribute is unstated in one or the same in both.
func agree(a, b attrs) bool {
	for i := range a {
		if a[i] != "" && b[i] != "" && a[i] != b[i] {
			return false
		}
	}
	return true
}

// stated counts the attributes both sets state alike.
func stated(a, b attrs) int {
	n := 0
	for i := range a {
		if a[i] != "" && a[i] == b[i] {
			n++
		}
	}
	return n
}

// sameQuantity reports whether two figures of different sources and of
// one quantityOf (their unit, measure, qualifier and place are one) are
// of one quantity: their other attributes agree, and they are linked and
// comparable. Only such figures are asked: quantityGroups compares the
// groups of one quantityOf, and each group it gives holds one.
func sameQuantity(a, b *figure) bool {
	return a.doc != b.doc && agree(a.softAttrs(), b.softAttrs()) && linked(a, b) && comparable(a, b)
}

// linked reports whether two figures that agree in their attributes
// tell of one thing beyond that: they state every attribute alike, or
// their values are within a factor of three and they state some
// attribute alike or their sentences share minSharedContext words
// besides those of what they count. A figure of an earlier time and one
// whose sentence names no time are linked only when they state a
// complement or person alike and their values are within a tenth of each
// other (a sum misprinted in one source): the toll of an earlier disaster
// is not this one's.
func linked(a, b *figure) bool {
	sa, sb := a.softAttrs(), b.softAttrs()
	if sa == sb {
		return true
	}
	lo, hi := math.Min(a.value, b.value), math.Max(a.value, b.value)
	if lo <= 0 {
		return false
	}
	if sa[2] != sb[2] {
		sa[2], sb[2] = "", ""
		return stated(sa, sb) > 0 && hi <= 1.1*lo
	}
	return hi <= 3*lo && (stated(sa, sb) > 0 || topicalContext(a, b) >= minSharedContext)
}

// quantityGroups groups figures by the quantity they are of. Figures of
// one key (unit, measure, qualifier, place, complement, person, period)
// are one quantity; a quantity that one source alone gives is also
// joined to another source's quantity of the same unit, measure,
// qualifier and place whose complement, person and period contradict
// none of its own, when one of its figures and one of the other's are
// sameQuantity: the strongest such link first (most attributes stated
// alike, then one value, then most shared words around the figures),
// never giving a group two values of an attribute. Two quantities that
// several sources each give stay apart. It returns the groups in the
// order of their first figure in fs.
func quantityGroups(fs []figure) [][]figure {
	keyOf := map[string]int{}
	var groups [][]int
	for i, f := range fs {
		k, ok := keyOf[f.key()]
		if !ok {
			k = len(groups)
			keyOf[f.key()] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], i)
	}
	sources := make([]map[*news.Doc]bool, len(groups))
	attrs := make([]attrs, len(groups))
	for g, ix := range groups {
		sources[g] = map[*news.Doc]bool{}
		for _, i := range ix {
			sources[g][fs[i].doc] = true
		}
		attrs[g] = fs[ix[0]].softAttrs()
	}
	type link struct{ a, b, strength int }
	var links []link
	// Only groups of one unit, measure and qualifier may join: a list of
	// groups per quantity finds them.
	byQuantity := map[string][]int{}
	for g, ix := range groups {
		q := fs[ix[0]].quantityOf()
		byQuantity[q] = append(byQuantity[q], g)
	}
	for a := range groups {
		peers := byQuantity[fs[groups[a][0]].quantityOf()]
		for _, b := range peers[sort.SearchInts(peers, a+1):] {
			if len(sources[a]) > 1 && len(sources[b]) > 1 || !agree(attrs[a], attrs[b]) {
				continue
			}
			best := -1
			for _, i := range groups[a] {
				for _, j := range groups[b] {
					if !sameQuantity(&fs[i], &fs[j]) {
						continue // peers: one quantityOf
					}
					strength := sharedContext(&fs[i], &fs[j])
					if sameWithin(fs[i].value, fs[i].prec, fs[j].value, fs[j].prec) {
						strength += 4 // one value: most likely one quantity
					}
					best = max(best, strength)
				}
			}
			if best >= 0 {
				links = append(links, link{a, b, 8*stated(attrs[a], attrs[b]) + best})
			}
		}
	}
	sort.SliceStable(links, func(x, y int) bool { return links[x].strength > links[y].strength })
	parent := make([]int, len(groups))
	for g := range parent {
		parent[g] = g
	}
	root := func(g int) int {
		for parent[g] != g {
			parent[g] = parent[parent[g]]
			g = parent[g]
		}
		return g
	}
	for _, l := range links {
		a, b := root(l.a), root(l.b)
		if a == b || !agree(attrs[a], attrs[b]) || len(sources[a]) > 1 && len(sources[b]) > 1 {
			continue
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a
		for k := range attrs[a] {
			if attrs[a][k] == "" {
				attrs[a][k] = attrs[b][k]
			}
		}
		for d := range sources[b] {
			sources[a][d] = true
		}
	}
	members := map[int][]int{}
	var roots []int
	for g, ix := range groups {
		r := root(g)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], ix...)
	}
	var out [][]figure
	for _, r := range roots {
		ix := members[r]
		sort.Ints(ix)
		var g []figure
		for _, i := range ix {
			g = append(g, fs[i])
		}
		out = append(out, g)
	}
	return out
}

// topicalContext counts the words around two figures that both share,
// leaving out the words of what they count (their unit and measure
// words): what the sentences tell of besides the quantity.
func topicalContext(a, b *figure) int {
	n := 0
	for w := range a.context {
		if b.context[w] == 0 || w == a.unit {
			continue
		}
		if _, isMeasure := measures[w]; isMeasure || peopleUnits[w] {
			continue
		}
		n++
	}
	return n
}
