package entity

import "sync"

// personIndex finds, for a name, the people whose surname can match its
// surname (partMatch) or whose name written as one word is the same: a
// superset of the names compatible with it, so that personify compares a
// name with a few candidates, not with every person of the story. Each
// candidate is still judged by the full test.
type personIndex struct {
	byKey map[string][]int
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
	return &personIndex{byKey: map[string][]int{}, seen: map[int]int{}}
}

// surnameKeys calls f with the keys under which a surname is filed
// (query false) or looked up (query true). Two parts partMatch only if
// one's query keys meet the other's filed keys: the same spelling, a
// hypocorism, an initial and a first letter, short names differing in
// an initial vowel, one skeleton, or one letter more in a long name.
func surnameKeys(p part, query bool, f func(string)) {
	f("t:" + p.t)
	for _, full := range hypoKeys()[p.t] {
		f("h:" + full)
	}
	if p.t != "" {
		c := p.t[:1]
		switch {
		case query && p.init:
			f("f:" + c) // an initial matches every part with its letter
		case query:
			f("fi:" + c)
		default:
			f("f:" + c)
			if p.init {
				f("fi:" + c)
			}
		}
	}
	if p.init || len(p.t) < 3 {
		return
	}
	if len(p.t) <= 4 && isVowel(p.t[0]) {
		f("v:" + p.t[1:])
	}
	f("s:" + p.sk)
	// one letter added or dropped: the longer less one letter is the shorter
	if query {
		if len(p.t) >= 6 {
			f("d1:" + p.t)
		}
		if len(p.t) >= 7 {
			for i := range len(p.t) {
				f("d0:" + p.t[:i] + p.t[i+1:])
			}
		}
		return
	}
	if len(p.t) >= 6 {
		f("d0:" + p.t)
	}
	if len(p.t) >= 7 {
		for i := range len(p.t) {
			f("d1:" + p.t[:i] + p.t[i+1:])
		}
	}
}

// add files item i, a person named pn.
func (x *personIndex) add(i int, pn pname) {
	sb, ok := pn.surname()
	if !ok {
		return
	}
	file := func(k string) {
		l := x.byKey[k]
		if len(l) == 0 || l[len(l)-1] != i {
			x.byKey[k] = append(l, i)
		}
	}
	surnameKeys(sb, false, file)
	file("j:" + pn.joined())
}

// candidates calls f once with each person filed that may be compatible
// with pn or have its joined name.
func (x *personIndex) candidates(pn pname, f func(int)) {
	sa, ok := pn.surname()
	if !ok {
		return
	}
	x.stamp++
	look := func(k string) {
		for _, j := range x.byKey[k] {
			if x.seen[j] != x.stamp {
				x.seen[j] = x.stamp
				f(j)
			}
		}
	}
	surnameKeys(sa, true, look)
	look("j:" + pn.joined())
}
