// Package disjoint holds the find half of a union-find forest kept in a
// map, for the places that group things transitively (entity merging,
// summary citations, coreference scoring), and UnionMin, the union of the
// callers whose groups are named by their least member. A caller that
// needs another root to win keeps its own union, since which root wins
// decides the order of its groups.
package disjoint

import "cmp"

// Find returns the root of x in the forest parent (a value missing from
// parent, or its own parent, is a root), shortening the path it walked.
func Find[T comparable](parent map[T]T, x T) T {
	p, ok := parent[x]
	if !ok || p == x {
		return x
	}
	r := Find(parent, p)
	parent[x] = r
	return r
}

// UnionMin joins the sets of a and b in the forest parent, the lesser
// root becoming the root of both.
func UnionMin[T cmp.Ordered](parent map[T]T, a, b T) {
	ra, rb := Find(parent, a), Find(parent, b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	parent[rb] = ra
}
