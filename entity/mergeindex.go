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
func spellingPairs(cs []nameGroup, joined []string, byLetter map[byte][]int) [][2]int {
	wild := func(ci int) bool {
		ps := cs[ci].canon.parts
		return ps[0].init || ps[len(ps)-1].init
	}
	byKey := map[string][]int{}
	file := func(ci int) func(string) {
		return func(k string) {
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
		surnameKeys(ps[len(ps)-1], false, func(k string) { f("s" + k) })
		surnameKeys(ps[0], false, func(k string) { f("p" + k) })
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
		look := func(k string) {
			for _, b := range byKey[k] {
				add(a, b)
			}
		}
		surnameKeys(ps[len(ps)-1], true, func(k string) { look("s" + k) })
		surnameKeys(ps[0], true, func(k string) { look("p" + k) })
	}
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(pairs)
}
