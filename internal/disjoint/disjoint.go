// Package disjoint holds the find half of a union-find forest kept in a
// map, for the places that group things transitively (entity merging,
// summary citations, coreference scoring). Each caller keeps its own union,
// since which root wins decides the order of its groups.
package disjoint

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
