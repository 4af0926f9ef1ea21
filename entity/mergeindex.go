package entity

import (
	"slices"

	"github.com/storyline-news/storyline/internal/fnv1a"
)

// spellingPairs returns the pairs of groups, each as [a, b] with a < b,
// that joinSpellings must test: a superset of the pairs of one first
// letter (of their names written as one word, joined) that spellingOf
// may match, found through keys instead of by comparing every group of
// a letter with every other. spellingOf matches
//   - names of lengths within an eighth whose surnames or first parts
//     partMatch: the groups filed under a key of their surname or first
//     part (surnameKeys) and their length in fours;
//   - names of the same given names (sameGivenNames): filed under them;
//   - a name and the same with one more part (oneMorePart), whose
//     surname partMatches the longer one's part before its surname:
//     filed under the keys of that part.
//
// The pairs come sorted; joinSpellings' result depends only on which
// pairs match, not on their order.
//
// sole, when not nil, gives the one source (doc) of each group's full
// names, or -1 when they have several: groups of one source share it,
// and joinSpellings joins two groups that share a source only when they
// have the same given names, so those pairs are looked up under the
// given names alone. (In a list of names, one source, every pair of a
// surname would otherwise be returned.)
func spellingPairs(cs []nameGroup, joined []string, sole []int) [][2]int {
	byKey := map[uint64][]int{}
	ci := 0
	file := func(k uint64) {
		if l := byKey[k]; len(l) == 0 || l[len(l)-1] != ci {
			byKey[k] = append(l, ci)
		}
	}
	for ci = range cs {
		if joined[ci] == "" {
			continue
		}
		ps := cs[ci].canon.parts
		n := len(joined[ci])
		surnameKeys(ps[len(ps)-1], false, true, func(k uint64) { file(mixKey(k, keyFamily, n/4)) })
		surnameKeys(ps[0], false, true, func(k uint64) { file(mixKey(k, keyFirst, n/4)) })
		if len(ps) >= 3 {
			file(mixKey(givenHash(ps), keyGiven, len(ps)))
			surnameKeys(ps[len(ps)-2], false, false, func(k uint64) { file(mixKey(k, keyBefore, 0)) })
		}
	}
	var pairs [][2]int
	seen := make([]int, len(cs))
	stamp, a := 0, 0
	// lookWithin adds the groups filed under k whose names' lengths are
	// within lo and hi (look: any), but those whose sole source is
	// skip's
	skip := -2
	lookWithin := func(k uint64, lo, hi int) {
		for _, b := range byKey[k] {
			if b == a || seen[b] == stamp || joined[a][0] != joined[b][0] || len(joined[b]) < lo || len(joined[b]) > hi || skip >= 0 && sole[b] == skip {
				continue
			}
			seen[b] = stamp
			pairs = append(pairs, [2]int{min(a, b), max(a, b)})
		}
	}
	look := func(k uint64) { lookWithin(k, 0, int(^uint(0)>>1)) }
	for a = range cs {
		if joined[a] == "" {
			continue
		}
		stamp++
		ps := cs[a].canon.parts
		// a's sole source, whose other groups only the given names' key
		// looks up (-2: none)
		soleA := -2
		if sole != nil && sole[a] >= 0 {
			soleA = sole[a]
		}
		skip = soleA
		// the lengths n of names whose length differs from this one's
		// by at most max(n, its)/8
		lo, hi := len(joined[a])-len(joined[a])/8, len(joined[a])*8/7
		lengths := func(kind int) func(uint64) {
			return func(k uint64) {
				for n := lo / 4; n <= hi/4; n++ {
					lookWithin(mixKey(k, kind, n), lo, hi)
				}
			}
		}
		surnameKeys(ps[len(ps)-1], true, true, lengths(keyFamily))
		surnameKeys(ps[0], true, true, lengths(keyFirst))
		if len(ps) >= 3 {
			skip = -2
			look(mixKey(givenHash(ps), keyGiven, len(ps)))
			skip = soleA
		}
		surnameKeys(ps[len(ps)-1], true, false, func(k uint64) { look(mixKey(k, keyBefore, 0)) })
	}
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(pairs)
}

// The kinds of spellingPairs' keys.
const (
	keyFamily = iota + 1
	keyFirst
	keyGiven
	keyBefore
)

// mixKey mixes a key's kind and a number into its hash.
func mixKey(h uint64, kind, n int) uint64 {
	return uint64(fnv1a.Hash(h).Mix(uint64(kind)).Mix(uint64(n)))
}

// givenHash hashes the parts of a name but its surname.
func givenHash(ps []part) uint64 {
	h := keyHash('g', "", -1)
	for _, p := range ps[:len(ps)-1] {
		h = mixKey(keyHash('g', p.t, -1), int(h), 0)
	}
	return h
}

// groupContext keeps, as people builds its groups, what byContext and
// the title tests read of a group's members, so that they need not walk
// every member of a group (a story's main person may have a member in
// every source).
type groupContext struct {
	// roles counts, by group and role key (pair), the roles of its
	// members
	roles map[uint64]int
	// co counts, by group and other group (pair), the people named
	// beside its members (items' co) that the other group owns
	co map[uint64]int
	// keys numbers the role keys, memoising roleKey: a story's roles
	// repeat
	keys map[string]int
	ids  map[string]int
}

// pair packs two numbers into a map key.
func pair(a, b int) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }

func newGroupContext() *groupContext {
	return &groupContext{roles: map[uint64]int{}, co: map[uint64]int{}, keys: map[string]int{}, ids: map[string]int{}}
}

// join records item it joining group g, with owner the groups of the
// items that joined before it. co is symmetric (items of one source name
// each other), so the pairs it makes with items already in a group are
// counted for both groups.
func (x *groupContext) join(g int, it *item, owner map[int]int) {
	for _, r := range it.roles {
		x.roles[pair(g, x.role(r))]++
	}
	for _, o := range it.co {
		if c, ok := owner[o]; ok {
			x.co[pair(g, c)]++
			x.co[pair(c, g)]++
		}
	}
}

// role returns the number of a role's key.
func (x *groupContext) role(r string) int {
	if id, ok := x.keys[r]; ok {
		return id
	}
	k := roleKey(r)
	id, ok := x.ids[k]
	if !ok {
		id = len(x.ids)
		x.ids[k] = id
	}
	x.keys[r] = id
	return id
}

// holds reports whether a member of group g has one of the roles keyed
// in mine.
func (x *groupContext) holds(g int, mine map[string]bool) bool {
	for k := range mine {
		if id, ok := x.ids[k]; ok && x.roles[pair(g, id)] > 0 {
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
		if id, ok := x.ids[k]; ok {
			s += 2 * x.roles[pair(g, id)]
		}
	}
	for c := range coMine {
		if c != g {
			s += x.co[pair(g, c)]
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
