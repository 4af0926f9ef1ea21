package brief

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/fnv1a"
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
// lowercased and stripped of punctuation, each once, in ascending order.
// Each word is hashed once (FNV-1a over its bytes), and a 5-gram's hash
// is FNV-1a over its words' hashes, taken 64 bits at a time.
func shingles(text string) []uint64 {
	// An ASCII text is lowercased as it is hashed, not copied first:
	// strings.ToLower changes only its capitals.
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	// the words' hashes, the words split as strings.FieldsFunc would
	// split them
	words := make([]fnv1a.Hash, 0, len(text)/6)
	if ascii {
		h, in := fnv1a.Offset, false
		for i := 0; i < len(text); i++ {
			c := text[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				if in {
					words = append(words, h)
					h, in = fnv1a.Offset, false
				}
				continue
			}
			h, in = h.Byte(c), true
		}
		if in {
			words = append(words, h)
		}
	} else {
		lower := strings.ToLower(text)
		start := -1
		for i, r := range lower {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				words = append(words, fnv1a.Offset.Str(lower[start:i]))
				start = -1
			}
		}
		if start >= 0 {
			words = append(words, fnv1a.Offset.Str(lower[start:]))
		}
	}
	out := make([]uint64, 0, max(0, len(words)-shingleWords+1))
	for i := 0; i+shingleWords <= len(words); i++ {
		h := fnv1a.Offset
		for _, w := range words[i : i+shingleWords] {
			h = h.Mix(uint64(w))
		}
		out = append(out, uint64(h))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// copies maps the ID of each article that copies another to the ID of
// the article it copies. Of two copies, the original is the one dated
// earlier, then the one first in ID order; a copy of a copy points at the
// first original.
func copies(docs []*news.Doc) map[string]string {
	if len(docs) < 2 {
		return map[string]string{} // one article copies none
	}
	ds := append([]*news.Doc(nil), docs...)
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Date, ds[j].Date
		if !a.Equal(b) && !a.IsZero() && !b.IsZero() {
			return a.Before(b)
		}
		return ds[i].ID < ds[j].ID
	})
	n := len(ds)
	sh := make([][]uint64, n)
	total := 0
	for i, d := range ds {
		sh[i] = shingles(d.Text)
		total += len(sh[i])
	}
	// Each doc is compared only with the earlier docs it shares a shingle
	// with. A shingle many docs hold (page furniture, a stock phrase)
	// links only the first seenCap of them, so that counting costs the
	// same per doc however many there are: earlier[j] lists, once per
	// linked shingle, the earlier docs doc j shares it with, and capped[j]
	// counts j's shingles not linked, so that the count of i in
	// earlier[j] plus capped[j] bounds what i and j share. A pair whose
	// bound reaches copyContainment is counted exactly.
	occs := make([]occurrence, 0, total)
	for i, hs := range sh {
		for _, h := range hs {
			occs = append(occs, occurrence{h, int32(i)})
		}
	}
	occs = sortOccurrences(occs)
	earlier := make([][]int32, n)
	capped := make([]int, n)
	for k := 0; k < len(occs); {
		e := k + 1
		for e < len(occs) && occs[e].h == occs[k].h {
			e++
		}
		run := occs[k:e] // the docs holding one shingle, in order
		for m, o := range run {
			if m >= seenCap {
				capped[o.doc]++
				continue
			}
			for _, p := range run[:m] {
				earlier[o.doc] = append(earlier[o.doc], p.doc)
			}
		}
		k = e
	}
	shared := make([]int, n)
	out := map[string]string{}
	for j := range ds {
		clear(shared)
		for _, i := range earlier[j] {
			shared[i]++
		}
		for i := 0; i < j; i++ {
			c := shared[i] + min(capped[j], len(sh[i]))
			if c == 0 {
				continue
			}
			if _, isCopy := out[ds[i].ID]; isCopy || ds[i].ID == ds[j].ID {
				continue
			}
			if sharedShare(c, len(sh[i]), len(sh[j])) < copyContainment {
				continue // not even with every capped shingle shared
			}
			if capped[j] > 0 {
				c = countShared(sh[i], sh[j])
			}
			if sharedShare(c, len(sh[i]), len(sh[j])) >= copyContainment {
				out[ds[j].ID] = ds[i].ID
				break
			}
		}
	}
	return out
}

// seenCap is how many of the docs holding a shingle copies links by it.
const seenCap = 16

// occurrence is a shingle held by a doc.
type occurrence struct {
	h   uint64
	doc int32
}

// sortOccurrences sorts occurrences by shingle, keeping the order of
// those of one shingle (stable): a radix sort on the top two bytes, a
// byte at a time, then an insertion sort, which moves an occurrence only
// past the few before it sharing those bytes (shingles are hashes), and
// never past an equal one.
func sortOccurrences(a []occurrence) []occurrence {
	b := make([]occurrence, len(a))
	for shift := uint(48); shift < 64; shift += 8 {
		var count [257]int
		for _, o := range a {
			count[(o.h>>shift)&0xff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, o := range a {
			k := (o.h >> shift) & 0xff
			b[count[k]] = o
			count[k]++
		}
		a, b = b, a
	}
	for i := 1; i < len(a); i++ {
		o, j := a[i], i
		for ; j > 0 && a[j-1].h > o.h; j-- {
			a[j] = a[j-1]
		}
		a[j] = o
	}
	return a
}

// countShared counts the members two ascending lists share.
func countShared[T cmp.Ordered](a, b []T) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
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
