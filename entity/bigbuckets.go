package entity

import "slices"

// manyGroups is the number of groups of people of one surname past which
// people finds those a name may join through keys instead of testing
// each (bigBuckets): an article names a surname's few bearers, a list of
// names thousands (and testing each made a 770 KB list of names
// quadratic).
const manyGroups = 32

// bigBuckets indexes people's buckets of groups, by the skeleton of each
// surname their name has had (names that match have the same), grown
// past manyGroups groups: it files their groups of several parts under
// the keys of their given names (surnameKeys, from pairs off), so that a
// name of several parts meets only the groups whose given names may
// match its own. compatible needs the first given name of the shorter
// name to match a given name of the longer, and of two parts that match,
// each meets the other's filed keys with its query keys: the groups
// filed under the query keys of the name's given names include every
// group of the bucket it is compatible with. Each is still judged by
// compatible. It is nil until a bucket grows big: an article's buckets
// are scanned as they were.
type bigBuckets struct {
	// given files, by bucket, the groups of a big bucket under the keys
	// of the given names of each name of several parts they have had
	given map[string]map[uint64][]int
	// in lists the big buckets each group is in
	in    map[int][]string
	seen  []int // group → stamp of the last query that met it
	stamp int
}

// has reports whether group ci is in bucket sk of groups.
func (x *bigBuckets) has(groups map[string][]int, sk string, ci int) bool {
	if x != nil && x.given[sk] != nil {
		return slices.Contains(x.in[ci], sk)
	}
	return slices.Contains(groups[sk], ci)
}

// add puts group ci in bucket sk of groups, filing it when the bucket
// is or grows big; cs are the groups. It returns x, made when a bucket
// first grows big.
func (x *bigBuckets) add(groups map[string][]int, sk string, ci int, cs []nameGroup) *bigBuckets {
	groups[sk] = append(groups[sk], ci)
	if x != nil {
		if byKey := x.given[sk]; byKey != nil {
			x.file(sk, byKey, ci, cs[ci].canon)
			return x
		}
	}
	if len(groups[sk]) <= manyGroups {
		return x
	}
	if x == nil {
		x = &bigBuckets{given: map[string]map[uint64][]int{}, in: map[int][]string{}}
	}
	byKey := map[uint64][]int{}
	x.given[sk] = byKey
	for _, g := range groups[sk] {
		x.file(sk, byKey, g, cs[g].canon)
	}
	return x
}

// file files group ci of big bucket sk under the keys of canon's given
// names.
func (x *bigBuckets) file(sk string, byKey map[uint64][]int, ci int, canon pname) {
	if !slices.Contains(x.in[ci], sk) {
		x.in[ci] = append(x.in[ci], sk)
	}
	if len(canon.parts) < 2 {
		return
	}
	for _, p := range canon.parts[:len(canon.parts)-1] {
		surnameKeys(p, false, false, func(k uint64) {
			if l := byKey[k]; len(l) == 0 || l[len(l)-1] != ci {
				byKey[k] = append(l, ci)
			}
		})
	}
}

// renamed files group ci, whose name has become canon, under its given
// names in the big buckets it is in.
func (x *bigBuckets) renamed(ci int, canon pname) {
	if x == nil {
		return
	}
	for _, sk := range x.in[ci] {
		x.file(sk, x.given[sk], ci, canon)
	}
}

// candidates returns, for a name of several parts whose surname's
// skeleton is sk, the filed groups of a big bucket sk whose given names
// may match one of the name's, each once, in no order, appended to out;
// ok is false when the bucket is not big or the name has one part, and
// its groups are to be tested.
func (x *bigBuckets) candidates(sk string, pn pname, out []int) ([]int, bool) {
	if x == nil || len(pn.parts) < 2 {
		return out, false
	}
	byKey := x.given[sk]
	if byKey == nil {
		return out, false
	}
	x.stamp++
	for _, p := range pn.parts[:len(pn.parts)-1] {
		surnameKeys(p, true, false, func(k uint64) {
			for _, ci := range byKey[k] {
				if ci >= len(x.seen) {
					x.seen = append(x.seen, make([]int, ci+1-len(x.seen))...)
				}
				if x.seen[ci] != x.stamp {
					x.seen[ci] = x.stamp
					out = append(out, ci)
				}
			}
		})
	}
	return out, true
}
