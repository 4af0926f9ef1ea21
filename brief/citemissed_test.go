package brief_test

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
)

// missedGroup is one (line, doc) of the briefs set: a line telling gold
// items and a doc of its story, with the candidate sentences the citer
// would ask the model about.
type missedGroup struct {
	story        string
	line         int
	doc          string
	cited        bool
	gold, n      int // the told items the doc is a source of; the items told
	cands        []missedCand
	shipP, trueP float64 // best kept candidate: the shipped model's, the in-domain one's (-1: none)
}

// missedCand is one candidate sentence: how many of the line's told
// items' keys it holds, whether the date check keeps it, its features.
type missedCand struct {
	tells int
	kept  bool
	// dropped says why the date check drops it ("" when kept)
	dropped string
	x       []float64
	text    string
}

// TestCiteMissed reads where the citation recall of the briefs set is
// lost: for every (line, doc) the brief does not cite where the doc is
// a source of an item the line tells, whether some sentence of the doc
// holds the item's keys, whether the date check keeps it and what the
// model gives it; how much of the line that sentence holds; and, as a
// check of whether the model's features can do better in domain, a
// logistic model over the same features fitted on the briefs set's own
// pairs (a sentence holding every told item's keys of a doc that is a
// source of them all against the sentences of docs that are a source
// of none), leaving one story out, ranking the uncited (line, doc)s as
// the shipped model does. On demand (STORYLINE_CITEMISSED_ROWS may name
// a file for the candidate rows):
//
//	STORYLINE_CITEMISSED=1 go test ./brief -run TestCiteMissed -v
//
// At cfc0e36 (eval briefs 94.02/58.61): 478 wanted citations missed,
//   - 163 on (line, doc)s where the line tells two or three items and
//     the doc is a source of only some (the line merges facts): citing
//     them costs one wrong citation for each right one;
//   - 315 on (line, doc)s where the doc is a source of every told item:
//     177 have a candidate sentence holding the keys that the date
//     check keeps, scored by the model under 0.4 (108), 0.4-0.75 (61),
//     above 0.75 (8); 46 have one only the date check drops; 90 (49
//     pairs, 37 of them lines of two items each stated in a sentence
//     of its own) have no single sentence holding every item's keys;
//   - of the (line, doc)s whose best sentence reaches the threshold
//     but the date check drops it, by why: the sentence names a day
//     next to the line's, +8/-1 right/wrong; a day further off, +15/-5;
//     it names none and its article came out more than a week after,
//     +5/-1; before, +0/-1. The first is the day's slack onDay now
//     allows (eval briefs 94.05/60.39; after it, 458 missed);
//   - the keyed sentences of the uncited: a median 0.10 of the line's
//     word weight, against 0.07 for the best sentence of docs that are
//     a source of none: the line says much more than the source, which
//     states only the item's core (a name and an event word);
//   - ranking the 869 uncited (line, doc)s that have a candidate by
//     their best kept sentence, the first 10/20/40/80 add right/wrong
//     citations 14/3, 25/7, 45/18, 82/42 under the shipped model and
//     14/3, 23/9, 48/16, 88/32 under the in-domain model: any added
//     citation beyond a handful is right at 75-85%, under the 94% the
//     brief keeps, so neither adds citations; the features, not their
//     weights, are what is missing.
func TestCiteMissed(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CITEMISSED")
	groups := citeGroups(t, stories, chain)
	ship := brief.DefaultCiteModel()
	for _, g := range groups {
		for _, c := range g.cands {
			if c.kept {
				g.shipP = max(g.shipP, ship.Prob(c.x))
			}
		}
	}
	// the in-domain model, leaving one story out
	for _, st := range stories {
		m := inDomainModel(groups, func(name string) bool { return name != st.Name })
		for _, g := range groups {
			if g.story != st.Name {
				continue
			}
			for _, c := range g.cands {
				if c.kept {
					g.trueP = max(g.trueP, m.Prob(c.x))
				}
			}
		}
	}
	// where the missed citations are
	kinds := map[string][2]int{}
	var heldCited, heldMissed, heldNone []float64
	for _, g := range groups {
		var keyed, keyedKept []missedCand
		best := -1.0
		for _, c := range g.cands {
			if c.tells == g.n {
				keyed = append(keyed, c)
				if c.kept {
					keyedKept = append(keyedKept, c)
					best = max(best, ship.Prob(c.x))
				}
			}
		}
		share := -1.0
		for _, c := range keyedKept {
			share = max(share, c.x[0])
		}
		switch {
		case g.gold == g.n && share >= 0 && g.cited:
			heldCited = append(heldCited, share)
		case g.gold == g.n && share >= 0:
			heldMissed = append(heldMissed, share)
		case g.gold == 0 && !g.cited:
			b := -1.0
			for _, c := range g.cands {
				if c.kept {
					b = max(b, c.x[0])
				}
			}
			if b >= 0 {
				heldNone = append(heldNone, b)
			}
		}
		if g.cited || g.gold == 0 {
			continue
		}
		var k string
		switch {
		case g.gold < g.n:
			k = fmt.Sprintf("partial: a source of %d of the line's %d items", g.gold, g.n)
		case len(g.cands) == 0:
			k = "whole: no candidate sentence"
		case len(keyedKept) > 0 && best < 0.4:
			k = "whole: keyed sentence kept, model < 0.4"
		case len(keyedKept) > 0 && best < 0.75:
			k = "whole: keyed sentence kept, model 0.4-0.75"
		case len(keyedKept) > 0:
			k = "whole: keyed sentence kept, model >= 0.75"
		case len(keyed) > 0:
			k = "whole: keyed sentence dated elsewhere only"
		default:
			k = "whole: no sentence holds every item's keys"
		}
		v := kinds[k]
		kinds[k] = [2]int{v[0] + 1, v[1] + g.gold}
	}
	missed := 0
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		t.Logf("%-50s (line, doc)s %4d citations %4d", k, kinds[k][0], kinds[k][1])
		missed += kinds[k][1]
	}
	t.Logf("missed citations %d", missed)
	t.Logf("share of the line's weight its keyed sentence holds (median): cited %.2f (%d), missed %.2f (%d); best sentence of a doc that is a source of none %.2f (%d)",
		median(heldCited), len(heldCited), median(heldMissed), len(heldMissed), median(heldNone), len(heldNone))
	// the candidates only the date check drops: the (line, doc)s whose
	// best sentence, kept or not, reaches the threshold and is dropped,
	// by why, right and wrong citations
	drops := map[string][2]int{}
	for _, g := range groups {
		if g.cited || g.shipP >= ship.Threshold {
			continue
		}
		best, why := -1.0, ""
		for _, c := range g.cands {
			if p := ship.Prob(c.x); p > best {
				best, why = p, c.dropped
			}
		}
		if best >= ship.Threshold && why != "" {
			v := drops[why]
			drops[why] = [2]int{v[0] + g.gold, v[1] + g.n - g.gold}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(drops)) {
		t.Logf("dropped by the date check (%s) at the model's threshold: +%d/-%d", k, drops[k][0], drops[k][1])
	}
	var unc []*missedGroup
	for _, g := range groups {
		if !g.cited && len(g.cands) > 0 {
			unc = append(unc, g)
		}
	}
	for _, which := range []string{"shipped", "in-domain"} {
		p := func(g *missedGroup) float64 { return g.shipP }
		if which == "in-domain" {
			p = func(g *missedGroup) float64 { return g.trueP }
		}
		slices.SortStableFunc(unc, func(a, b *missedGroup) int { return cmp.Compare(p(b), p(a)) })
		var sb strings.Builder
		right, wrong := 0, 0
		for i, g := range unc {
			right += g.gold
			wrong += g.n - g.gold
			if slices.Contains([]int{5, 10, 20, 40, 80, 160}, i+1) {
				fmt.Fprintf(&sb, " top %d: +%d/-%d (p %.2f);", i+1, right, wrong, p(g))
			}
		}
		t.Logf("%d uncited (line, doc)s ranked by the %s model:%s", len(unc), which, sb.String())
	}
	if out := os.Getenv("STORYLINE_CITEMISSED_ROWS"); out != "" {
		var sb strings.Builder
		for _, g := range groups {
			for _, c := range g.cands {
				fmt.Fprintf(&sb, "%s\t%d\t%s\t%t\t%d\t%d\t%d\t%t", g.story, g.line, g.doc, g.cited, g.gold, g.n, c.tells, c.kept)
				for _, v := range c.x {
					fmt.Fprintf(&sb, "\t%.5g", v)
				}
				fmt.Fprintf(&sb, "\t%s\n", strings.ReplaceAll(c.text, "\t", " "))
			}
		}
		if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return -1
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// citeGroups builds the brief of each story and returns its (line, doc)s
// with their candidate sentences.
func citeGroups(t *testing.T, stories []eval.BriefStory, chain analyze.Chain) []*missedGroup {
	var groups []*missedGroup
	eachToldLine(t, chain, stories, func(st eval.BriefStory, s *news.Story, l toldLine) {
		by := map[string]*missedGroup{}
		for _, d := range s.Docs {
			g := &missedGroup{story: st.Name, line: l.index, doc: d.ID, cited: slices.Contains(l.srcs, d.ID), n: len(l.told), gold: l.goldOf(d.ID), shipP: -1, trueP: -1}
			by[d.ID] = g
			groups = append(groups, g)
		}
		ids, texts, dropped, xs := brief.CitePairProbe(s, l.text, l.date, l.planned)
		for k, id := range ids {
			c := missedCand{kept: dropped[k] == "", dropped: dropped[k], x: xs[k], text: texts[k]}
			for _, it := range l.told {
				if eval.Tells(texts[k], it.Keys) {
					c.tells++
				}
			}
			by[id].cands = append(by[id].cands, c)
		}
	})
	return groups
}

// inDomainModel fits the citation model's features to the pairs of the
// stories train accepts: a sentence holding every told item's keys of a
// doc that is a source of them all (stating), against the sentences of
// docs that are a source of none.
func inDomainModel(groups []*missedGroup, train func(story string) bool) brief.CiteModel {
	var ex []brief.CiteExample
	for _, g := range groups {
		if !train(g.story) || (g.gold != 0 && g.gold != g.n) {
			continue
		}
		for _, c := range g.cands {
			y := g.gold == g.n && c.tells == g.n
			if g.gold == g.n && !y {
				continue
			}
			var e brief.CiteExample
			copy(e.X[:], c.x)
			e.Y, e.W = y, 1
			ex = append(ex, e)
		}
	}
	return brief.FitCiteModel(ex, 1)
}
