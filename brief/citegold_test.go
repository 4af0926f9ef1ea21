package brief_test

import (
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
)

// TestCiteGoldCV reads how the citation model does when it is fitted on
// the briefs set's own gold instead of ECB+: a candidate sentence
// states a line when both tell one gold item (each holds every key of
// it, as eval scores a line), a negative when the line tells items and
// the sentence none of them; pairs are those the brief's word index
// offers (brief.CiteExamples), every sentence of a story taken as a
// line. Leaving one story out, the model fitted on the other fifteen
// (positives and negatives weighed alike) briefs the story left out at
// each threshold of a grid, and the citation figures of the stories
// left out are summed; the shipped model's figures at the same
// thresholds are printed beside them. Run on demand:
//
//	STORYLINE_CITEGOLD=1 go test ./brief -run TestCiteGoldCV -v
//
// Measured (the shipped model at 0.75: 93.61/57.60): fitted on the gold,
// held-out precision/recall 89.61/60.31 at 0.75, 92.18/57.69 at 0.85,
// 92.62/55.94 at 0.9 — below the ECB+ model's trade at every threshold,
// so the ECB+ model stays.
func TestCiteGoldCV(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CITEGOLD")
	type story struct {
		s     *news.Story
		texts map[string]string
		gold  *eval.GoldBrief
		ex    []brief.CiteExample
	}
	var all []story
	for _, bs := range stories {
		s, texts := diagStory(t, chain, bs)
		items := append(append([]eval.GoldItem{}, bs.Gold.Events...), bs.Gold.Facts...)
		tells := map[[2]int][]int{}
		told := func(i, k int) []int {
			if v, ok := tells[[2]int{i, k}]; ok {
				return v
			}
			var v []int
			f := eval.Fold(s.Docs[i].SentenceText(k))
			for j, it := range items {
				if eval.TellsFolded(f, it.Keys) {
					v = append(v, j)
				}
			}
			tells[[2]int{i, k}] = v
			return v
		}
		ex := brief.CiteExamples(s, func(i, line, j, sent int) (bool, bool) {
			a := told(i, line)
			if len(a) == 0 {
				return false, false
			}
			for _, x := range told(j, sent) {
				for _, y := range a {
					if x == y {
						return true, true
					}
				}
			}
			return false, true
		})
		all = append(all, story{s, texts, bs.Gold, ex})
	}
	grid := []float64{0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9}
	type counts struct{ right, made, found, wanted int }
	add := func(c *counts, st story) {
		b, err := brief.Build(st.s, brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		sc := eval.ScoreBrief(st.gold, b, st.texts)
		c.right += sc.CiteRight
		c.made += sc.CiteMade
		c.found += sc.CiteFound
		c.wanted += sc.CiteWanted
	}
	gold := make([]counts, len(grid))
	shipped := make([]counts, len(grid))
	defer brief.SetCiteModel(nil)
	defer brief.SetCiteThreshold(0)
	for k := range all {
		var train []brief.CiteExample
		for j := range all {
			if j != k {
				train = append(train, all[j].ex...)
			}
		}
		pos := 0
		for _, e := range train {
			if e.Y {
				pos++
			}
		}
		for i := range train {
			if train[i].Y {
				train[i].W = float64(len(train)) / float64(2*pos)
			} else {
				train[i].W = float64(len(train)) / float64(2*(len(train)-pos))
			}
		}
		m := brief.FitCiteModel(train, 1)
		for g, th := range grid {
			brief.SetCiteThreshold(th)
			brief.SetCiteModel(&m)
			add(&gold[g], all[k])
			brief.SetCiteModel(nil)
			add(&shipped[g], all[k])
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	for g, th := range grid {
		c, s := gold[g], shipped[g]
		t.Logf("threshold %.2f: fitted on the gold, held out %.2f/%.2f; the shipped model %.2f/%.2f", th, pct(c.right, c.made), pct(c.found, c.wanted), pct(s.right, s.made), pct(s.found, s.wanted))
	}
}
