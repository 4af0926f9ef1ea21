package brief

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/news"
)

const dayFormat = "2006-01-02"

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dayFormat)
}

// sortDocs puts the docs in time order, undated ones last, keeping input
// order among equals.
func sortDocs(s *news.Story) {
	sort.SliceStable(s.Docs, func(i, j int) bool {
		a, b := s.Docs[i].Date, s.Docs[j].Date
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
}

// sources lists the story's articles in input order of their IDs.
func sources(s *news.Story) []news.Source {
	out := make([]news.Source, 0, len(s.Docs))
	for _, d := range s.Docs {
		out = append(out, news.Source{
			ID:           d.ID,
			Path:         d.Path,
			URL:          d.URL,
			Outlet:       d.Outlet,
			Title:        d.Title,
			StatedDate:   day(d.StatedDate),
			DatelineDate: day(d.DatelineDate),
			Date:         day(d.Date),
			DateStatus:   d.DateStatus,
			DateNote:     d.DateNote,
			Opinion:      len(d.Opinion) > 0,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Copies.
//
// An article that copies another (syndicated wire text, a reprint) shares
// most of its word 5-grams with it: copyContainment is the least share of
// the shorter text's shingles found in the other for the two to be one
// text. Rewrites of one wire story by different outlets share far less
// (on the briefs set, 0.33 at most, against 0.58 for a copy).
const (
	shingleWords    = 5
	copyContainment = 0.5
	// minShingles keeps very short texts (a headline, a caption) from
	// being taken for copies.
	minShingles = 40
)

// shingles returns the hashed word 5-grams of a text, its words
// lowercased and stripped of punctuation.
func shingles(text string) map[uint64]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := make(map[uint64]bool, max(0, len(words)-shingleWords+1))
	for i := 0; i+shingleWords <= len(words); i++ {
		// FNV-1a over the words, each followed by a zero byte
		h := uint64(fnvOffset)
		for _, w := range words[i : i+shingleWords] {
			for k := 0; k < len(w); k++ {
				h ^= uint64(w[k])
				h *= fnvPrime
			}
			h *= fnvPrime // h ^= 0
		}
		out[h] = true
	}
	return out
}

// The 64-bit FNV-1a parameters (hash/fnv's).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// copies maps the ID of each article that copies another to the ID of
// the article it copies. Of two copies, the original is the one dated
// earlier, then the one first in ID order; a copy of a copy points at the
// first original.
func copies(docs []*news.Doc) map[string]string {
	ds := append([]*news.Doc(nil), docs...)
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Date, ds[j].Date
		if !a.Equal(b) && !a.IsZero() && !b.IsZero() {
			return a.Before(b)
		}
		return ds[i].ID < ds[j].ID
	})
	sh := make([]map[uint64]bool, len(ds))
	for i, d := range ds {
		sh[i] = shingles(d.Text)
	}
	// Each doc is compared only with the earlier docs it shares a shingle
	// with, counted through an index of the shingles seen so far. A
	// shingle many docs hold (page furniture, a stock phrase) stops being
	// indexed once seenCap docs hold it, so that the count costs the same
	// per doc however many there are: for doc j, shared[i] counts the
	// indexed shingles doc i shares with it, and capped the shingles of j
	// not counted, so that shared[i]+capped bounds what the two share. A
	// doc whose bound reaches copyContainment is counted exactly.
	seen := map[uint64][]int{}
	shared := make([]int, len(ds))
	out := map[string]string{}
	for j := range ds {
		clear(shared)
		capped := 0
		for h := range sh[j] {
			l := seen[h]
			if len(l) >= seenCap {
				capped++
				continue
			}
			for _, i := range l {
				shared[i]++
			}
			seen[h] = append(l, j)
		}
		for i := 0; i < j; i++ {
			n := shared[i] + min(capped, len(sh[i]))
			if n == 0 {
				continue
			}
			if _, isCopy := out[ds[i].ID]; isCopy || ds[i].ID == ds[j].ID {
				continue
			}
			if sharedShare(n, len(sh[i]), len(sh[j])) < copyContainment {
				continue // not even with every capped shingle shared
			}
			if capped > 0 {
				n = countShared(sh[i], sh[j])
			}
			if sharedShare(n, len(sh[i]), len(sh[j])) >= copyContainment {
				out[ds[j].ID] = ds[i].ID
				break
			}
		}
	}
	return out
}

// seenCap is how many docs holding a shingle copies indexes it for.
const seenCap = 16

// countShared counts the members two sets share.
func countShared(a, b map[uint64]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for h := range a {
		if b[h] {
			n++
		}
	}
	return n
}

// sharedShare is the containment of two sets of sizes a and b sharing n
// members: the share of the smaller set's members found in the other, 0
// when either is smaller than minShingles.
func sharedShare(n, a, b int) float64 {
	if m := min(a, b); m >= minShingles {
		return float64(n) / float64(m)
	}
	return 0
}

// countOnce rewrites a list of source IDs so that each copy counts as its
// original: a copy's ID is replaced by its original's, and each ID is
// kept once, in first-seen order.
func countOnce(ids []string, orig map[string]string) []string {
	if len(orig) == 0 {
		return ids
	}
	out := make([]string, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if o, ok := orig[id]; ok {
			id = o
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// markCopies sets the sources' duplicate_of and makes every citation of
// the brief count a copy as its original. It also turns every nil list
// inside the brief's entries into an empty one, so that JSON shows every
// documented field as a list.
func markCopies(b *news.Brief, orig map[string]string) {
	defer fillLists(b)
	if len(orig) == 0 {
		return
	}
	for i := range b.Sources {
		b.Sources[i].DuplicateOf = orig[b.Sources[i].ID]
	}
	for i := range b.Summary {
		b.Summary[i].Sources = countOnce(b.Summary[i].Sources, orig)
	}
	for i := range b.Timeline {
		b.Timeline[i].Sources = countOnce(b.Timeline[i].Sources, orig)
	}
	for i := range b.Quotes {
		b.Quotes[i].Sources = countOnce(b.Quotes[i].Sources, orig)
	}
	for i := range b.Conflicts {
		for k := range b.Conflicts[i].Claims {
			b.Conflicts[i].Claims[k].Sources = countOnce(b.Conflicts[i].Claims[k].Sources, orig)
		}
	}
}

// fillLists turns the nil lists inside a brief's entries into empty ones.
func fillLists(b *news.Brief) {
	list := func(p *[]string) {
		if *p == nil {
			*p = []string{}
		}
	}
	for i := range b.Summary {
		list(&b.Summary[i].Sources)
	}
	for i := range b.Timeline {
		list(&b.Timeline[i].Sources)
	}
	for i := range b.Entities {
		list(&b.Entities[i].Forms)
		list(&b.Entities[i].Roles)
		list(&b.Entities[i].Sources)
	}
	for i := range b.Quotes {
		list(&b.Quotes[i].Sources)
	}
	for i := range b.Conflicts {
		if b.Conflicts[i].Claims == nil {
			b.Conflicts[i].Claims = []news.Claim{}
		}
		for k := range b.Conflicts[i].Claims {
			list(&b.Conflicts[i].Claims[k].Sources)
		}
	}
}
