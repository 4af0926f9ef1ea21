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
	var docs *docsByID
	for _, e := range ents {
		if e.Type != news.Person {
			continue
		}
		if docs == nil {
			docs = indexDocs(s)
		}
		claims := rankClaims(docs.of(e.Sources), e)
		if len(claims) < 2 {
			continue
		}
		out = append(out, news.Conflict{About: "rank of " + e.Name, Kind: "title", Claims: claims})
	}
	return out
}

// docsByID gives the positions in a story of the docs of each ID.
type docsByID struct {
	s  *news.Story
	at map[string][]int
}

func indexDocs(s *news.Story) *docsByID {
	x := &docsByID{s: s, at: make(map[string][]int, len(s.Docs))}
	for i, d := range s.Docs {
		x.at[d.ID] = append(x.at[d.ID], i)
	}
	return x
}

// of returns the story's docs whose ID is among ids, in the story's
// order, each once: a person's sources without reading every doc of the
// pile for each person.
func (x *docsByID) of(ids []string) []*news.Doc {
	var at []int
	for _, id := range ids {
		at = append(at, x.at[id]...)
	}
	slices.Sort(at)
	at = slices.Compact(at)
	out := make([]*news.Doc, len(at))
	for k, i := range at {
		out[k] = x.s.Docs[i]
	}
	return out
}

// rankClaims collects the ranks the sources docs give a person, each
// with the sources that give it, and drops ranks that another one
// refines.
func rankClaims(docs []*news.Doc, e news.Entity) []news.Claim {
	forms := map[string]bool{}
	for _, f := range e.Forms {
		forms[f] = true
	}
	bySrc := map[string]map[string]bool{} // rank → sources
	for _, d := range docs {
		for _, de := range d.Entities {
			if de.Type != news.Person || !forms[de.Name] {
				continue
			}
			for _, r := range de.Roles {
				rk, ok := entity.NormalizeRank(r)
				if !ok {
					continue
				}
				if bySrc[rk] == nil {
					bySrc[rk] = map[string]bool{}
				}
				bySrc[rk][d.ID] = true
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
