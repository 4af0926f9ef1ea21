package entity

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/news"
)

// MergeOptions says what Merge keeps.
type MergeOptions struct {
	// KeepAdjectives keeps the entities that are only nationalities,
	// peoples, faiths or parties' members used as words ("Iranian",
	// "Kurds", "Muslims", "Republican"), which a reader of a brief does not
	// need among the story's named things.
	KeepAdjectives bool
	// KeepStray keeps the names of places, organisations and other things
	// written once, in one source, as a single word the language otherwise
	// writes in lower case ("Arrogance", "Army"): mostly common words
	// capitalised for emphasis or in a quote.
	KeepStray bool
}

// adjectiveEntity reports whether an entity names only a nationality, a
// people, a faith or a party's members, as a word.
func adjectiveEntity(e news.Entity, lookup func([]string) uint8) bool {
	if len(e.Roles) > 0 && e.Type == news.Person {
		return false
	}
	for _, f := range append([]string{e.Name}, e.Forms...) {
		if !adjectival(f, lookup) {
			return false
		}
		if e.Type != news.Misc {
			// a person, place or group only when every word is one of
			// the listed words or a plural ("Muslims", "Iranians"), not
			// a place with a suffix like a nationality's (Japan, Mali)
			for _, w := range strings.Fields(f) {
				l := strings.ToLower(w)
				if !irregularDemonyms[l] && !irregularDemonyms[strings.TrimSuffix(l, "s")] && !strings.HasSuffix(l, "s") {
					return false
				}
			}
		}
		if lookup != nil {
			// a name the gazetteer knows as a place, group or person only
			if m := lookup(strings.Fields(f)); m != 0 && m&(1<<3) == 0 {
				return false
			}
		}
	}
	return true
}

// strayWord reports whether an entity other than a person is a single
// word written once in one source that the training data writes in lower
// case most of the time, or an abstract noun it does not know.
func strayWord(e news.Entity, count int, common func(string) bool, lookup func([]string) uint8) bool {
	if e.Type == news.Person || count > 1 || len(e.Sources) > 1 || len(e.Forms) > 1 || common == nil {
		return false
	}
	if strings.ContainsAny(e.Name, " -.") || acronymOf(e.Name) != "" && !common(e.Name) {
		return false
	}
	if common(e.Name) {
		return true
	}
	// an abstract noun the training data does not know as a name
	l := strings.ToLower(e.Name)
	for _, suf := range []string{"ness", "ance", "ence", "ment", "tion", "sion", "ity", "ism", "ship", "hood", "dom"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+3 && (lookup == nil || lookup([]string{e.Name}) == 0) {
			return true
		}
	}
	return false
}

// strayPeople moves to the people the places, organisations and other
// names of a story that name a person whom the story names so more often
// ("Obama" typed a place in one article, a person in the others): a
// surname, a full name, or the given name of the one titled or otherwise
// named person with it. A name typed a person in most mentions is a
// person everywhere; a tie goes to the person unless the gazetteer knows
// the word as a place or organisation.
func strayPeople(items []item, perIdx, otherIdx []int, lookup func([]string) uint8) ([]int, []int) {
	if len(perIdx) == 0 {
		return perIdx, otherIdx
	}
	bySur := map[string][]int{}
	byGiven := map[string][]int{} // two-part names by their first part
	for _, i := range perIdx {
		if sn, ok := items[i].pn.surname(); ok {
			bySur[sn.sk] = append(bySur[sn.sk], i)
		}
		if ps := items[i].pn.parts; len(ps) == 2 && !ps[0].init && (len(items[i].roles) > 0 || len(items[i].forms) > 1) {
			// a person shown to be one: titled, or also named otherwise
			// (by the surname alone, mostly)
			byGiven[ps[0].t] = append(byGiven[ps[0].t], i)
		}
	}
	otherN := map[string]int{} // mentions of each name as something else
	for _, j := range otherIdx {
		for _, fn := range items[j].forms {
			g, n := fn.f, fn.n
			otherN[nameKey(g)] += n
		}
	}
	var keep []int
	for _, i := range otherIdx {
		it := &items[i]
		f := best(it.forms, false)
		if len(it.forms) != 1 || acronymOf(f) != "" || len(it.roles) > 0 {
			keep = append(keep, i)
			continue
		}
		pn := parseName(f)
		sn, ok := pn.surname()
		if !ok || len(pn.parts) > 4 || len(pn.parts) != len(strings.Fields(f)) {
			keep = append(keep, i)
			continue
		}
		// votes: mentions of people with this surname against mentions
		// of this name as something else
		per, other := 0, 0
		k := nameKey(f)
		for _, j := range bySur[sn.sk] {
			// one word: any person it may be the surname of; several:
			// a person written so
			if len(pn.parts) == 1 && compatible(pn, items[j].pn) || len(pn.parts) > 1 && personForm(items, []int{j}, f) > 0 {
				per += items[j].count
			}
		}
		if per == 0 && len(pn.parts) == 1 {
			// a given name alone ("Muammar" typed a place) of the one
			// person of the story named so, when no place is known by it
			if js := byGiven[pn.parts[0].t]; len(js) > 0 && (lookup == nil || lookup([]string{f})&(1<<1|1<<2) == 0) {
				for _, j := range js {
					if !compatible(items[j].pn, items[js[0]].pn) {
						per = 0
						break
					}
					per += items[j].count
				}
			}
		}
		if per == 0 {
			keep = append(keep, i)
			continue
		}
		other = otherN[k]
		// a tie goes to the person unless the gazetteer knows the word
		// as a place or organisation
		if per < other || per == other && (lookup == nil || lookup([]string{f})&(1<<1|1<<2) != 0) {
			keep = append(keep, i)
			continue
		}
		it.typ = news.Person
		it.pn = pn
		perIdx = append(perIdx, i)
	}
	return perIdx, keep
}

// suffixLinks links a name of two or more words that ends another, longer
// name of the story (not a place's) to it when that longer name is the
// only one it ends ("Immunities Act", "Foreign Sovereign Immunities Act";
// "Justice Department", "U.S. Justice Department"), and a name to the
// only longer one that is it "of" something ("Islamic Republic",
// "Islamic Republic of Iran"). A single word links only when it is no
// common word and no place: to the one organisation it ends
// ("Chargers", "San Diego Chargers") or the one name it is "of"
// ("Academy", "Academy of Motion Picture Arts and Sciences").
func suffixLinks(items []item, idx []int, common func(string) bool, lookup func([]string) uint8) [][2]int {
	type name struct {
		i int
		k string
	}
	// the names of two words or more by each of their ends of fewer
	// words ("justice department" under "department"), and by each part
	// before an "of" ("islamic republic of iran" under "islamic
	// republic"): a name looks up only the longer names it may end or be
	// "of" something, not every name with its last or first word
	byEnd := map[string][]name{}
	byOf := map[string][]name{}
	for _, i := range idx {
		for _, fn := range items[i].forms {
			f := fn.f
			k := nameKey(f)
			for p := 0; p < len(k); p++ {
				if k[p] != ' ' {
					continue
				}
				byEnd[k[p+1:]] = append(byEnd[k[p+1:]], name{i, k})
				if strings.HasPrefix(k[p:], " of ") {
					byOf[k[:p]] = append(byOf[k[:p]], name{i, k})
				}
			}
		}
	}
	var links [][2]int
	for _, i := range idx {
		for _, fn := range items[i].forms {
			f := fn.f
			k := nameKey(f)
			ws := strings.Fields(k)
			if len(ws) == 0 {
				continue
			}
			one := len(ws) == 1
			if one && (items[i].typ != news.Organisation || common == nil || common(f) || acronymOf(f) != "" || demonymLike(f, lookup)) {
				continue
			}
			// the longer name must be one (items of one name merge anyway)
			target, tk := -1, ""
			try := func(n name, ok bool) {
				if !ok || n.i == i || len(n.k) <= len(k) || target == -2 {
					return
				}
				if target >= 0 && tk != n.k {
					target = -2
					return
				}
				target, tk = n.i, n.k
			}
			for _, n := range byOf[k] {
				try(n, true)
			}
			for _, n := range byEnd[k] {
				t := items[n.i].typ
				ok := t != news.Place
				if ok && one {
					// an organisation named with more words in front, none
					// a nationality or a party ("Democratic Senate") or a
					// relation ("Member of Congress")
					extra := strings.Fields(strings.TrimSuffix(n.k, " "+k))
					ok = t == news.Organisation
					for _, w := range extra {
						if w == "of" || w == "for" || w == "and" || w == "gop" || demonymLike(strings.ToUpper(w[:1])+w[1:], lookup) {
							ok = false
						}
					}
				}
				try(n, ok)
			}
			if target >= 0 {
				links = append(links, [2]int{i, target})
			}
		}
	}
	return links
}

// roleAbbrevs spell out the abbreviations of offices written before
// names.
var roleAbbrevs = map[string]string{
	"sen": "Senator", "rep": "Representative", "gov": "Governor", "pres": "President",
	"amb": "Ambassador", "supt": "Superintendent", "insp": "Inspector", "cmdr": "Commander",
	"atty": "Attorney", "sec": "Secretary", "lt. gov": "Lieutenant Governor",
}

// spellRole spells out the abbreviations of offices in a role ("Sen." →
// "Senator", "North Carolina Rep." → "North Carolina Representative").
func spellRole(r string) string {
	if s, ok := roleAbbrevs[strings.ToLower(strings.TrimSuffix(r, "."))]; ok {
		return s
	}
	ws := strings.Fields(r)
	changed := false
	for i, w := range ws {
		if !strings.HasSuffix(w, ".") || !capitalised(w) {
			continue
		}
		if s, ok := roleAbbrevs[strings.ToLower(strings.TrimSuffix(w, "."))]; ok {
			ws[i], changed = s, true
		} else if strings.EqualFold(w, "Lt.") && i+1 < len(ws) {
			ws[i], changed = "Lieutenant", true
		}
	}
	if !changed {
		return r
	}
	return strings.Join(ws, " ")
}

// specificRoles drops from a person's roles those that another role of
// theirs refines: a rank inside a longer rank ("General", "Major
// General"), an office inside a longer office ("President", "Turkish
// President"; "secretary", "White House press secretary"). Roles that
// differ only in case are one.
func specificRoles(roles []string) []string {
	keys := make([]string, len(roles))
	for i, r := range roles {
		keys[i] = " " + roleKey(r) + " "
	}
	var out []string
	for i, r := range roles {
		_, rank := NormalizeRank(r)
		drop := false
		for j, o := range roles {
			if i == j {
				continue
			}
			if _, orank := NormalizeRank(o); orank != rank {
				continue
			}
			if keys[i] == keys[j] && j < i || keys[i] != keys[j] && strings.Contains(keys[j], keys[i]) && !otherOffice(keys[j], keys[i]) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, r)
		}
	}
	return out
}

// otherOffice reports whether a longer role names another office than
// the shorter one it holds ("vice president", "president"; "former
// senator", "senator").
func otherOffice(long, short string) bool {
	rest := strings.Replace(long, short, " ", 1)
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "vice", "deputy", "assistant", "former", "ex", "acting", "lieutenant", "under", "associate", "co", "sub", "interim", "past", "late", "would-be", "elect":
			return true
		}
	}
	return false
}

// pluralsKnown extends a gazetteer lookup: a single word the story uses
// as an other name both alone and with a plural "s" ("Takfiri",
// "Takfiris") counts as an other name (a people or a following), so that
// demonymLike takes its "-i" or "-an" ending for a nationality's.
func pluralsKnown(items []item, idx []int, lookup func([]string) uint8) func([]string) uint8 {
	misc := map[string]bool{}
	for _, i := range idx {
		if items[i].typ != news.Misc {
			continue
		}
		for _, fn := range items[i].forms {
			f := fn.f
			if !strings.ContainsRune(f, ' ') {
				misc[strings.ToLower(f)] = true
			}
		}
	}
	return func(ws []string) uint8 {
		var m uint8
		if lookup != nil {
			m = lookup(ws)
		}
		if len(ws) == 1 {
			l := strings.ToLower(ws[0])
			if misc[l] && (misc[l+"s"] || strings.HasSuffix(l, "s") && misc[strings.TrimSuffix(l, "s")]) {
				m |= 1 << 3
			}
		}
		return m
	}
}

// displayName writes a name given only in capitals ("WASHINGTON", a
// dateline's) as a name is written, when it is no acronym: several
// words, or a word the gazetteer knows as a place or a person.
func displayName(name string, lookup func([]string) uint8) string {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) || r == '.' {
			return name
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	ws := strings.Fields(name)
	if letters < 6 {
		return name
	}
	if len(ws) == 1 && (lookup == nil || lookup(ws)&(1<<0|1<<2) == 0) {
		return name
	}
	for i, w := range ws {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}
