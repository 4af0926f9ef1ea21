package brief

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// entities merges the docs' entities into one entry per entity, as a
// reader wants them: named things only (nationalities used as words and
// stray common words left out), each person once with the most specific
// roles.
func entities(s *news.Story) []news.Entity {
	return withSurnames(entity.MergeWith(s.Docs, entity.MergeOptions{}))
}

// withSurnames lists a person's surname among the forms a reader meets
// ("Earnest" for Josh Earnest), when the surname names no one else in
// the brief: no other entity has it as a form or as a word of its
// name's forms ("Jackson" for Jesse Jackson Jr. beside Sandra Jackson is
// left out). A name with a particle before its last word ("Garzon de
// Amo") or of one word gains nothing. The entities given are not
// changed: a person gaining a form is a copy.
func withSurnames(ents []news.Entity) []news.Entity {
	owners := map[string]int{} // a folded word → entities using it
	for _, e := range ents {
		seen := map[string]bool{}
		for _, f := range append([]string{e.Name}, e.Forms...) {
			for w := range strings.FieldsSeq(f) {
				seen[strings.ToLower(strings.Trim(w, ".,"))] = true
			}
		}
		for w := range seen {
			owners[w]++
		}
	}
	out := make([]news.Entity, len(ents))
	copy(out, ents)
	for i, e := range out {
		if e.Type != news.Person {
			continue
		}
		sn, suffixed := surnameForm(e.Name)
		var add []string
		if sn != "" && owners[strings.ToLower(sn)] == 1 && !slices.Contains(e.Forms, sn) {
			add = append(add, sn)
		}
		// "Jackson Jr.": the surname with its suffix names the one who
		// bears it even where another person shares the surname.
		if suffixed != "" && owners[strings.ToLower(sn)] > 1 && !slices.Contains(e.Forms, suffixed) && !suffixTaken(ents, i, suffixed) {
			add = append(add, suffixed)
		}
		if len(add) == 0 {
			continue
		}
		e.Forms = append(slices.Clip(e.Forms), add...)
		out[i] = e
	}
	return out
}

// surnameForm returns the last word of a person's name of two words or more
// (before a generational suffix: "Jackson" of "Jesse L. Jackson Jr."),
// or "" when it is not a name's word: an initial, a lower-case word, or
// one after a particle ("de Amo"); and, when the name ends on a suffix,
// the surname with it ("Jackson Jr.").
func surnameForm(name string) (surname, suffixed string) {
	ws := strings.Fields(name)
	var suffix []string
	for len(ws) > 0 && generational[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(ws[len(ws)-1], "."), ","))] {
		suffix = append([]string{ws[len(ws)-1]}, suffix...)
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return "", ""
	}
	last, before := ws[len(ws)-1], ws[len(ws)-2]
	r, _ := utf8.DecodeRuneInString(last)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(last) < 3 || strings.HasSuffix(last, ".") {
		return "", ""
	}
	if b, _ := utf8.DecodeRuneInString(before); !unicode.IsUpper(b) {
		return "", "" // "Garzon de Amo", "bin Laden": the surname is more than its last word
	}
	if len(suffix) > 0 {
		suffixed = last + " " + strings.Join(suffix, " ")
	}
	return last, suffixed
}

// suffixTaken reports whether an entity other than ents[self] ends a
// name or form on the surname with a suffix.
func suffixTaken(ents []news.Entity, self int, suffixed string) bool {
	for j, o := range ents {
		if j == self {
			continue
		}
		for _, f := range append([]string{o.Name}, o.Forms...) {
			if f == suffixed || strings.HasSuffix(f, " "+suffixed) {
				return true
			}
		}
	}
	return false
}

// generational are the suffixes after a surname.
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// entityConflicts reports where the sources give a person ranks that
// exclude each other ("Major General" in one, "Lieutenant-General" in
// another). Rank spellings are normalised first, so "Lieutenant-General"
// and "Lieutenant General" are one claim, and a rank that only generalises
// another ("General" beside "Major General") claims nothing against it.
func entityConflicts(s *news.Story, ents []news.Entity) []news.Conflict {
	var out []news.Conflict
	var ranked map[string][]rankedMention
	for _, e := range ents {
		if e.Type != news.Person {
			continue
		}
		if ranked == nil {
			ranked = rankedMentions(s)
		}
		claims := rankClaims(ranked, e)
		if len(claims) < 2 {
			continue
		}
		out = append(out, news.Conflict{About: "rank of " + e.Name, Kind: "title", Claims: claims})
	}
	return out
}

// rankedMention is a doc's person entity that the doc gives a rank.
type rankedMention struct {
	doc   string // the doc's ID
	ranks []string
}

// rankedMentions files, by name, the person entities of the story's docs
// that carry a rank (entity.NormalizeRank of a role), each rank once:
// a person's ranks are then read from the mentions of its forms, not
// from every entity of every source (quadratic in a doc that names
// thousands of people, a list of names).
func rankedMentions(s *news.Story) map[string][]rankedMention {
	out := map[string][]rankedMention{}
	for _, d := range s.Docs {
		for _, de := range d.Entities {
			if de.Type != news.Person {
				continue
			}
			var ranks []string
			for _, r := range de.Roles {
				if rk, ok := entity.NormalizeRank(r); ok && !slices.Contains(ranks, rk) {
					ranks = append(ranks, rk)
				}
			}
			if len(ranks) > 0 {
				out[de.Name] = append(out[de.Name], rankedMention{d.ID, ranks})
			}
		}
	}
	return out
}

// rankClaims collects the ranks the sources give a person (its forms'
// ranked mentions in docs among its sources), each with the sources
// that give it, and drops ranks that another one refines.
func rankClaims(ranked map[string][]rankedMention, e news.Entity) []news.Claim {
	var sources map[string]bool
	bySrc := map[string]map[string]bool{} // rank → sources
	seen := map[string]bool{}
	for _, f := range e.Forms {
		if seen[f] {
			continue
		}
		seen[f] = true
		for _, m := range ranked[f] {
			if sources == nil {
				sources = make(map[string]bool, len(e.Sources))
				for _, id := range e.Sources {
					sources[id] = true
				}
			}
			if !sources[m.doc] {
				continue
			}
			for _, rk := range m.ranks {
				if bySrc[rk] == nil {
					bySrc[rk] = map[string]bool{}
				}
				bySrc[rk][m.doc] = true
			}
		}
	}
	var ranks []string
	for r := range bySrc {
		ranks = append(ranks, r)
	}
	// a rank that only generalises another (General, Major General) is
	// not a competing claim
	var kept []string
	for _, r := range ranks {
		general := false
		for _, o := range ranks {
			if o != r && strings.HasSuffix(o, " "+r) {
				general = true
				break
			}
		}
		if !general {
			kept = append(kept, r)
		}
	}
	var claims []news.Claim
	for _, r := range kept {
		var ids []string
		for id := range bySrc[r] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		claims = append(claims, news.Claim{Value: r, Sources: ids})
	}
	sort.Slice(claims, func(a, b int) bool {
		if c := slices.Compare(claims[a].Sources, claims[b].Sources); c != 0 {
			return c < 0
		}
		return claims[a].Value < claims[b].Value
	})
	return claims
}
