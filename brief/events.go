package brief

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/news"
)

// Events across sources.
//
// Sentences that tell one happening in different sources share its
// participants and its rarer words: "Yalcin Akay was dug from a
// collapsed building" and "survivor Yalcin Akay ... called police" share
// a name no other sentence of the story holds, while every sentence of
// an earthquake story says "earthquake". So when mentions are compared
// to group them into events, each word weighs by how few of the story's
// sentences hold it (its inverse sentence frequency), on top of the
// double weight of names.

// rarity weighs the content words of a story by how few of its
// sentences hold them: log(1 + n/df), n the story's sentences and df
// those holding the word.
type rarity struct {
	of map[string]float64
	n  int
	// docs counts the docs holding each word.
	docs map[string]int
	// bags holds each doc's sentences' content words, read once.
	bags map[*news.Doc][]bag
}

// storyRarity counts the content words of every sentence of s.
func storyRarity(s *news.Story) rarity { return storyRarityWords(s, nil) }

// storyRarityWords is storyRarity reading the words of s's sentences
// from words (nil to read them afresh).
func storyRarityWords(s *news.Story, words *wordCache) rarity {
	// Each word's counts, found by one look-up a sentence: the
	// sentences and the docs holding it, and the last doc (its index in
	// s.Docs) that did.
	type count struct{ sents, docs, last int }
	at := map[string]int{}
	var counts []count
	n := 0
	bags := make(map[*news.Doc][]bag, len(s.Docs))
	for k, d := range s.Docs {
		bs := words.sentences(d)
		bags[d] = bs
		for i := range d.Sentences {
			n++
			for w := range bs[i] {
				j, ok := at[w]
				if !ok {
					j = len(counts)
					at[w] = j
					counts = append(counts, count{last: -1})
				}
				c := &counts[j]
				c.sents++
				if c.last != k {
					c.last = k
					c.docs++
				}
			}
		}
	}
	r := rarity{of: make(map[string]float64, len(at)), n: n, docs: make(map[string]int, len(at)), bags: bags}
	for w, j := range at {
		r.of[w] = exactWeight(math.Log(1 + float64(n)/float64(counts[j].sents)))
		r.docs[w] = counts[j].docs
	}
	return r
}

// sim is bag's sim with each word weighed by its rarity as well.
func (r rarity) sim(a, b bag) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	// The shared words first, read from the smaller bag: a pair that
	// shares none needs no more.
	small, large := a, b
	if len(b) < len(a) {
		small, large = b, a
	}
	var in float64
	for k, v := range small {
		if w, ok := large[k]; ok {
			wt := r.weight(k)
			v, w = v*wt, w*wt
			in += math.Min(v, w) * math.Min(v, w)
		}
	}
	if in == 0 {
		return 0
	}
	na, nb := r.norm(a), r.norm(b)
	if na == 0 || nb == 0 {
		return 0
	}
	return in / math.Sqrt(na*nb)
}

// norm is the sum of the squares of b's weights, each times its word's
// rarity: sim's norm of b.
func (r rarity) norm(b bag) float64 {
	var n float64
	for k, v := range b {
		v *= r.weight(k)
		n += v * v
	}
	return n
}

// weight is the rarity of w; a word no sentence held is as rare as can
// be.
func (r rarity) weight(w string) float64 {
	if v, ok := r.of[w]; ok {
		return v
	}
	return exactWeight(math.Log(1 + float64(max(r.n, 1))))
}

// exactWeight rounds a rarity weight to a multiple of 2⁻¹⁶. sim sums
// squares of weights (times a bag's 1 or 2) over maps, in their random
// order. So rounded, each square is a multiple of 2⁻³² below 2⁹ (a
// weight is below 16 for any story under a million sentences), and a sum
// of up to 4,096 of them fits the float's 53 bits: it is exact, the same
// in any order, and so are the briefs built on it. Unrounded, two runs
// could differ in the last bit and, at a tie, order two events
// differently.
func exactWeight(w float64) float64 { return math.Round(w*(1<<16)) / (1 << 16) }

// sources counts the sources of an entry.
func (e *entry) sources() int {
	var srcs []string
	for _, m := range e.members {
		srcs = appendOnce(srcs, m.source)
	}
	return len(srcs)
}

// newActors keeps (in keep) the entries of one source's undated
// sentences that bring a new actor to the timeline: a person or
// organisation no kept entry names. They are read in the order their
// articles tell them (the first sentences of each article first), and
// each one kept adds its actors to those named.
func newActors(entries []*entry, keep []bool, cn *candNorms) {
	r := cn.r
	named := map[string]bool{}
	for k, e := range entries {
		if !keep[k] {
			continue
		}
		for _, m := range e.members {
			for w := range strings.FieldsFuncSeq(strings.ToLower(m.text), notLetter) {
				named[w] = true
			}
		}
	}
	// The kept entries by the day of their first member, so that a
	// candidate reads only those of its days (see retells).
	near := newAnchorDays()
	var solo []int
	for k, e := range entries {
		if keep[k] {
			near.add(k, e.members[0])
		} else if len(e.explicit()) == 0 {
			solo = append(solo, k)
		}
	}
	sort.SliceStable(solo, func(a, b int) bool { return entries[solo[a]].members[0].rank < entries[solo[b]].members[0].rank })
	for _, k := range solo {
		m := entries[k].members[0]
		if m.rank >= soloRank {
			continue
		}
		fresh := false
		for _, a := range m.actors {
			if !named[a] && r.docs[a] <= soloDocs {
				fresh = true
			}
		}
		if !fresh || retells(entries, keep, near, m, cn) {
			continue
		}
		keep[k] = true
		near.add(k, m)
		for w := range strings.FieldsFuncSeq(strings.ToLower(m.text), notLetter) {
			named[w] = true
		}
	}
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && r != '-' }

// closeSources lists, sorted, the sources of the members of an undated
// entry that tell what its text tells: the text's own, and those of the
// members at least citeMember alike to it (rarity weighed). The others
// joined the entry through a third sentence, and only citing decides
// whether they state the line.
func closeSources(ms []*candidate, text *candidate, cn *candNorms) []string {
	srcs := []string{text.source}
	for _, m := range ms {
		if m != text && cn.raritySim(m, text) >= citeMember {
			srcs = appendOnce(srcs, m.source)
		}
	}
	sort.Strings(srcs)
	return srcs
}

// citeMember is the least likeness of an undated entry's member to its
// text for the member's source to be cited.
//
// A line's sources are re-derived by citeLines, which keeps a source the
// timeline listed when one of its sentences holds the line; so what a
// line lists here decides only the sources no sentence of which the
// citation model judges to state it. Of the 34 wrong citations of
// timeline lines on the briefs set (eval briefs, citation precision/
// recall 92.62/57.13), 14 come from citeLines' model alone, one is the
// text's own source, and 19 from the members listed here: 11 of them on
// a line whose text tells two gold items, the source stating the other
// (a death and the capture it followed), 5 a detail its sentence leaves
// out, 3 another happening of that day. Narrowing the list of a dated
// entry (one whose sentences name its date) cut right and wrong sources
// alike, every way tried:
//   - members at least 0.1/0.2/0.3 alike to the text (rarity weighed):
//     93.31/56.36, 93.64/55.67, 93.61/55.41; the text's source alone:
//     93.60/55.24;
//   - members whose own sentence the citation model judges at half its
//     threshold or more to state the line: 93.30/56.19 (0.3 of it:
//     92.95/56.62);
//   - members no less alike to the line's text than 0.3 of their
//     likeness to any other line's text (each sentence tells one
//     happening): 92.99/56.96;
//   - no member opening by pointing back: 92.82/56.62; dated members
//     joining by their likeness to one member rather than the entry's
//     pooled words: 92.47/55.76; a stricter join (mergeDay 0.15):
//     92.67/56.64;
//   - the sources of undated sentences a dated entry absorbs added to
//     it: 92.50/57.22; citeMember 0.2/0.4: 92.03/57.56, 92.58/56.79.
//
// The right and the wrong members are as alike to the text, by words
// and by the model, so none was kept.
const citeMember = 0.3

// retells reports whether candidate c tells again what a kept entry
// tells: a member of one is at least soloRetells alike to it. near
// lists the kept entries by their first members' days.
func retells(entries []*entry, keep []bool, near *anchorDays, c *candidate, cn *candNorms) bool {
	for _, k := range near.within(c.start.Add(-undatedBefore*24*time.Hour), c.end, len(entries)) {
		e := entries[k]
		if !keep[k] {
			continue
		}
		if a := e.members[0]; a.start.After(c.end) || c.start.Sub(a.end) > undatedBefore*24*time.Hour {
			continue
		}
		for _, m := range e.members[:min(len(e.members), linkMembers)] {
			if m != c && cn.raritySim(m, c) >= soloRetells {
				return true
			}
		}
	}
	return false
}

// soloRetells is the likeness at which one source's sentence retells a
// kept entry.
const soloRetells = 0.2

// commonDay returns the member of an undated entry whose day most of its
// sources give, the earliest of equals: one source dated wrong does not
// move the happening.
func commonDay(ms []*candidate) *candidate {
	votes := map[string][]string{}
	for _, m := range ms {
		votes[m.date] = appendOnce(votes[m.date], m.source)
	}
	best := ms[0]
	for _, m := range ms {
		n, bn := len(votes[m.date]), len(votes[best.date])
		if n > bn || n == bn && m.start.Before(best.start) {
			best = m
		}
	}
	return best
}

// soloRank bounds the undated sentences of an article that may bring a
// new actor alone: the first soloRank of them.
const soloRank = 1000

// soloDocs is the most docs that may name an actor one source's
// sentence brings alone: an actor other sources name too has its
// happenings told by them, in other words, and a line of one source
// would cite too few.
const soloDocs = 1

// foldRetellings keeps one line for a happening that several kept
// entries of undated sentences tell in words too far apart to have
// joined: an entry whose text is at least retellSim alike (rarity
// weighed) to a member of an entry kept before it, within undatedBefore
// days, is folded into that entry when it too is of undated sentences,
// and dropped when that one names its date (which tells it already).
// Entries told by more sources come first.
func foldRetellings(entries []*entry, keep []bool, cn *candNorms) {
	var order []int
	dated := make([]bool, len(entries))
	anchor := make([]*candidate, len(entries))
	for k, e := range entries {
		if !keep[k] {
			continue
		}
		order = append(order, k)
		anchor[k] = e.members[0]
		if ex := e.explicit(); len(ex) > 0 {
			dated[k], anchor[k] = true, ex[0]
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		ka, kb := order[a], order[b]
		if dated[ka] != dated[kb] {
			return dated[ka]
		}
		return entries[ka].sources() > entries[kb].sources()
	})
	// done lists the entries kept so far, in order; near lists them
	// by their anchors' days.
	var done []int
	near := newAnchorDays()
	for _, k := range order {
		e := entries[k]
		into := -1
		if !dated[k] {
			t := clearestOf(e.members, cn)
			for _, n := range near.within(t.start.Add(-undatedBefore*24*time.Hour), t.end, len(done)) {
				j := done[n]
				f, a := entries[j], anchor[j]
				if a.start.After(t.end) || t.start.Sub(a.end) > undatedBefore*24*time.Hour {
					continue
				}
				need := retellSim
				if dated[j] {
					need = retellDated
				}
				for _, m := range f.members[:min(len(f.members), linkMembers)] {
					if cn.raritySim(m, t) >= need {
						into = j
						break
					}
				}
				if into >= 0 {
					break
				}
			}
		}
		if into < 0 {
			near.add(len(done), anchor[k])
			done = append(done, k)
			continue
		}
		keep[k] = false
		if f := entries[into]; !dated[into] {
			f.members = append(f.members, e.members...)
			f.words.add(e.words)
		}
	}
}

// retellSim is the likeness at which a kept entry retells another of
// undated sentences, retellDated one of dated sentences.
const (
	retellSim   = 0.2
	retellDated = 0.3
)
