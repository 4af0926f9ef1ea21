package brief_test

import (
	"math"
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
)

// TestCiteInDomainCV reads whether the citation model, refitted on the
// briefs set's own pairs (inDomainModel) instead of ECB+'s, cites better
// held out: for each fold of stories it fits the model on the other
// stories, chooses its threshold there as TestCiteThresholdCV does (the
// most recall at citeFloor precision), and scores the brief of the
// stories held out; the shipped model, its threshold chosen the same
// way, is the base. Leaving one story out and in five folds (story k in
// fold k mod 5). On demand (about 3,000 briefs):
//
//	STORYLINE_CITEINDOMAIN=1 go test ./brief -run TestCiteInDomainCV -v
//
// At cfc0e36 (threshold grid 0.5 to 0.95 by 0.05), precision/recall:
// shipped model, leaving one story out 94.02/58.61, five folds
// 94.26/58.35; in-domain model 93.43/58.08 and 93.35/58.61. The
// in-domain fit is worse held out: sixteen stories' pairs, labelled by
// the gold's keys, are fewer and noisier than ECB+'s.
func TestCiteInDomainCV(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CITEINDOMAIN")
	groups := citeGroups(t, stories, chain)
	type counts struct{ right, made, found, wanted int }
	add := func(a *counts, b counts) {
		a.right += b.right
		a.made += b.made
		a.found += b.found
		a.wanted += b.wanted
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	docs := make([]*news.Story, len(stories))
	texts := make([]map[string]string, len(stories))
	for i, st := range stories {
		docs[i], texts[i] = diagStory(t, chain, st)
	}
	score := func(si int, m *brief.CiteModel) counts {
		brief.SetCiteModel(m)
		defer brief.SetCiteModel(nil)
		b, err := brief.Build(docs[si], brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		sc := eval.ScoreBrief(stories[si].Gold, b, texts[si])
		return counts{sc.CiteRight, sc.CiteMade, sc.CiteFound, sc.CiteWanted}
	}
	var grid []float64
	for v := 0.5; v < 0.951; v += 0.05 {
		grid = append(grid, math.Round(v*100)/100)
	}
	// fold scores the stories out holds with a model fitted (or, for the
	// base, the shipped one) on the others, its threshold chosen on them.
	fold := func(out func(si int) bool, inDomain bool) counts {
		m := *brief.DefaultCiteModel()
		if inDomain {
			m = inDomainModel(groups, func(name string) bool {
				for si, st := range stories {
					if st.Name == name {
						return !out(si)
					}
				}
				return false
			})
		}
		best, bestC := -1.0, counts{}
		fallback, fallbackC := -1.0, counts{}
		for _, th := range grid {
			m.Threshold = th
			var c counts
			for si := range stories {
				if !out(si) {
					add(&c, score(si, &m))
				}
			}
			if ratio(c.right, c.made) >= citeFloor && (best < 0 || c.found > bestC.found) {
				best, bestC = th, c
			}
			if fallback < 0 || ratio(c.right, c.made) > ratio(fallbackC.right, fallbackC.made) {
				fallback, fallbackC = th, c
			}
		}
		if best < 0 {
			best = fallback
		}
		m.Threshold = best
		var c counts
		for si := range stories {
			if out(si) {
				add(&c, score(si, &m))
			}
		}
		return c
	}
	for _, inDomain := range []bool{false, true} {
		name := "shipped (ECB+)"
		if inDomain {
			name = "in-domain"
		}
		var loo, five counts
		for si := range stories {
			add(&loo, fold(func(k int) bool { return k == si }, inDomain))
		}
		for f := range 5 {
			add(&five, fold(func(k int) bool { return k%5 == f }, inDomain))
		}
		t.Logf("%s model: leave one story out precision %.4f recall %.4f; five folds precision %.4f recall %.4f",
			name, ratio(loo.right, loo.made), ratio(loo.found, loo.wanted), ratio(five.right, five.made), ratio(five.found, five.wanted))
	}
}
