package entity

import "slices"

// spellingPairs returns the pairs of groups, each as [a, b] with a < b,
// that joinSpellings must test: a superset of those of one first letter
// (of their names written as one word, joined) that spellingOf may
// match. spellingOf needs the family names to partMatch, written last or
// first, or (sameGivenNames, oneMorePart) the first parts to: a group is
// paired with those whose surname or first part has a key in common with
// its own (surnameKeys), not with every group of its letter. A group
// whose surname or first part is an initial partMatches every part of
// its letter, so it is paired with its whole letter, as before.
//
// The pairs come sorted; joinSpellings' result depends only on which
// pairs match, not on their order.
// firstPart marks the keys of first parts apart from surnames'.
const firstPart = 0x9e3779b97f4a7c15

func spellingPairs(cs []nameGroup, joined []string, byLetter map[byte][]int) [][2]int {
	wild := func(ci int) bool {
		ps := cs[ci].canon.parts
		return ps[0].init || ps[len(ps)-1].init
	}
	byKey := map[uint64][]int{}
	file := func(ci int) func(uint64) {
		return func(k uint64) {
			if l := byKey[k]; len(l) == 0 || l[len(l)-1] != ci {
				byKey[k] = append(l, ci)
			}
		}
	}
	for ci := range cs {
		if joined[ci] == "" || wild(ci) {
			continue
		}
		ps := cs[ci].canon.parts
		f := file(ci)
		surnameKeys(ps[len(ps)-1], false, f)
		surnameKeys(ps[0], false, func(k uint64) { f(k ^ firstPart) })
	}
	var pairs [][2]int
	seen := make([]int, len(cs))
	stamp := 0
	add := func(a, b int) {
		if b == a || seen[b] == stamp || joined[b] == "" || joined[a][0] != joined[b][0] {
			return
		}
		seen[b] = stamp
		pairs = append(pairs, [2]int{min(a, b), max(a, b)})
	}
	for a := range cs {
		if joined[a] == "" {
			continue
		}
		stamp++
		if wild(a) {
			for _, b := range byLetter[joined[a][0]] {
				add(a, b)
			}
			continue
		}
		ps := cs[a].canon.parts
		look := func(k uint64) {
			for _, b := range byKey[k] {
				add(a, b)
			}
		}
		surnameKeys(ps[len(ps)-1], true, look)
		surnameKeys(ps[0], true, func(k uint64) { look(k ^ firstPart) })
	}
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(pairs)
}

// groupContext keeps, as people builds its groups, what byContext and
// the title tests read of a group's members, so that they need not walk
// every member of a group (a story's main person may have a member in
// every source).
type groupContext struct {
	// roles counts, by group and role key, the roles of its members
	roles map[groupRole]int
	// co counts, by group and other group, the people named beside its
	// members (items' co) that the other group owns
	co map[[2]int]int
	// keys memoises roleKey: a story's roles repeat
	keys map[string]string
}

type groupRole struct {
	g int
	k string
}

func newGroupContext() *groupContext {
	return &groupContext{roles: map[groupRole]int{}, co: map[[2]int]int{}, keys: map[string]string{}}
}

// join records item it joining group g, with owner the groups of the
// items that joined before it. co is symmetric (items of one source name
// each other), so the pairs it makes with items already in a group are
// counted for both groups.
func (x *groupContext) join(g int, it *item, owner map[int]int) {
	for _, r := range it.roles {
		k, ok := x.keys[r]
		if !ok {
			k = roleKey(r)
			x.keys[r] = k
		}
		x.roles[groupRole{g, k}]++
	}
	for _, o := range it.co {
		if c, ok := owner[o]; ok {
			x.co[[2]int{g, c}]++
			x.co[[2]int{c, g}]++
		}
	}
}

// holds reports whether a member of group g has one of the roles keyed
// in mine.
func (x *groupContext) holds(g int, mine map[string]bool) bool {
	for k := range mine {
		if x.roles[groupRole{g, k}] > 0 {
			return true
		}
	}
	return false
}

// score is byContext's score of group g: two for each role of its
// members keyed in mine, one for each person named beside a member whose
// group, not g, is in coMine.
func (x *groupContext) score(g int, mine map[string]bool, coMine map[int]bool) int {
	s := 0
	for k := range mine {
		s += 2 * x.roles[groupRole{g, k}]
	}
	for c := range coMine {
		if c != g {
			s += x.co[[2]int{g, c}]
		}
	}
	return s
}

// holdsRole reports whether a member of group ci has one of the roles
// keyed in mine, from ctx or, without one, from the members.
func holdsRole(items []item, cs []nameGroup, ctx *groupContext, ci int, mine map[string]bool) bool {
	if ctx != nil {
		return ctx.holds(ci, mine)
	}
	for _, m := range cs[ci].members {
		if slices.ContainsFunc(items[m].roles, func(r string) bool { return mine[roleKey(r)] }) {
			return true
		}
	}
	return false
}
