package entity

import (
	"sync"

	"github.com/storyline-news/storyline/internal/fnv1a"
)

// personIndex finds, for a name, the people whose surname can match its
// surname (partMatch) or whose name written as one word is the same: a
// superset of the names compatible with it, so that personify compares a
// name with a few candidates, not with every person of the story. Each
// candidate is still judged by the full test.
type personIndex struct {
	byKey map[uint64][]int
	seen  map[int]int // item → stamp of the last query that returned it
	stamp int
}

// hypoKeys maps a given name, short or full, to the full names it is a
// form of (hypocorisms), so that "bill" and "william" share a key.
var hypoKeys = sync.OnceValue(func() map[string][]string {
	hypoKeys := map[string][]string{}
	for k := range hypocorisms() {
		for i := 0; i < len(k); i++ {
			if k[i] == '|' {
				short, full := k[:i], k[i+1:]
				hypoKeys[short] = append(hypoKeys[short], full)
				hypoKeys[full] = append(hypoKeys[full], full)
				break
			}
		}
	}
	return hypoKeys
})

func newPersonIndex() *personIndex {
	return &personIndex{byKey: map[uint64][]int{}, seen: map[int]int{}}
}

// keyHash hashes a key kind and the string that follows it (FNV-1a, package fnv1a),
// leaving out the byte at skip (none when skip < 0), so that keys need no
// string built. Two keys of one hash meet though they differ: the index
// then returns a candidate more, which the full test judges.
func keyHash(kind byte, s string, skip int) uint64 {
	h := fnv1a.Offset.Byte(kind)
	if skip < 0 || skip >= len(s) {
		return uint64(h.Str(s))
	}
	return uint64(h.Str(s[:skip]).Str(s[skip+1:]))
}

// surnameKeys calls f with the keys under which a surname is filed
// (query false) or looked up (query true). Two parts partMatch only if
// one's query keys meet the other's filed keys: the same spelling, a
// hypocorism, an initial and a first letter, short names differing in
// an initial vowel, one skeleton, or one letter more in a long name.
//
// Where every name filed also looks up, one of two names a letter apart
// finds the other from its side: pairs then files a long name without
// the keys of it less each letter (query ones suffice).
func surnameKeys(p part, query, pairs bool, f func(uint64)) {
	f(keyHash('t', p.t, -1))
	for _, full := range hypoKeys()[p.t] {
		f(keyHash('h', full, -1))
	}
	if p.t != "" {
		c := p.t[:1]
		switch {
		case query && p.init:
			f(keyHash('f', c, -1)) // an initial matches every part with its letter
		case query:
			f(keyHash('i', c, -1))
		default:
			f(keyHash('f', c, -1))
			if p.init {
				f(keyHash('i', c, -1))
			}
		}
	}
	if p.init || len(p.t) < 3 {
		return
	}
	if len(p.t) <= 4 && isVowel(p.t[0]) {
		f(keyHash('v', p.t[1:], -1))
	}
	f(keyHash('s', p.sk, -1))
	// one letter added or dropped: the longer less one letter is the shorter
	if query {
		if len(p.t) >= 6 {
			f(keyHash('1', p.t, -1))
		}
		if len(p.t) >= 7 {
			for i := range len(p.t) {
				f(keyHash('0', p.t, i))
			}
		}
		return
	}
	if len(p.t) >= 6 {
		f(keyHash('0', p.t, -1))
	}
	if len(p.t) >= 7 && !pairs {
		for i := range len(p.t) {
			f(keyHash('1', p.t, i))
		}
	}
}

// add files item i, a person named pn.
func (x *personIndex) add(i int, pn pname) {
	sb, ok := pn.surname()
	if !ok {
		return
	}
	file := func(k uint64) {
		l := x.byKey[k]
		if len(l) == 0 || l[len(l)-1] != i {
			x.byKey[k] = append(l, i)
		}
	}
	surnameKeys(sb, false, false, file)
	file(joinedHash(pn))
}

// joinedHash is the key of a name written as one word (joined).
func joinedHash(pn pname) uint64 {
	h := fnv1a.Offset.Byte('j')
	for _, p := range pn.parts {
		h = h.Str(p.t)
	}
	return uint64(h)
}

// candidates calls f once with each person filed that may be compatible
// with pn or have its joined name.
func (x *personIndex) candidates(pn pname, f func(int)) {
	sa, ok := pn.surname()
	if !ok {
		return
	}
	x.stamp++
	look := func(k uint64) {
		for _, j := range x.byKey[k] {
			if x.seen[j] != x.stamp {
				x.seen[j] = x.stamp
				f(j)
			}
		}
	}
	surnameKeys(sa, true, false, look)
	look(joinedHash(pn))
}
