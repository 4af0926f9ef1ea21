package brief_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
)

// citeSetting is one setting of a grid the citation tests choose from:
// its label, and how to apply it.
type citeSetting struct {
	label string
	apply func()
}

// citeCounts are the citation counts of one brief.
type citeCounts struct{ right, made, found, wanted int }

func (c *citeCounts) add(x citeCounts) {
	c.right += x.right
	c.made += x.made
	c.found += x.found
	c.wanted += x.wanted
}

func (c citeCounts) String() string {
	r := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	return fmt.Sprintf("%.2f/%.2f", r(c.right, c.made), r(c.found, c.wanted))
}

// citeGridCV scores the briefs set for each setting of grid, then
// chooses a setting on all stories but a fold (the most recall at
// precision floor or more, else the most precision) and applies it to
// the fold: leaving one story out, and five folds of stories (story k
// in fold k mod 5). reset restores the shipped setting.
func citeGridCV(t *testing.T, env string, grid []citeSetting, reset func()) {
	stories, chain := diagStories(t, env)
	floor := 0.9359
	if v, err := strconv.ParseFloat(os.Getenv("STORYLINE_CITEFLOOR"), 64); err == nil {
		floor = v
	}
	score := make([][]citeCounts, len(stories))
	defer reset()
	for si, st := range stories {
		s, texts := diagStory(t, chain, st)
		score[si] = make([]citeCounts, len(grid))
		for gi, g := range grid {
			g.apply()
			b, err := brief.Build(s, brief.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			sc := eval.ScoreBrief(st.Gold, b, texts)
			score[si][gi] = citeCounts{sc.CiteRight, sc.CiteMade, sc.CiteFound, sc.CiteWanted}
		}
	}
	reset()
	sum := func(out func(si int) bool, gi int) citeCounts {
		var c citeCounts
		for si := range stories {
			if !out(si) {
				c.add(score[si][gi])
			}
		}
		return c
	}
	prec := func(c citeCounts) float64 { return float64(c.right) / float64(max(c.made, 1)) }
	choose := func(out func(si int) bool) int {
		best := -1
		for gi := range grid {
			c := sum(out, gi)
			if prec(c) < floor {
				continue
			}
			if best < 0 || c.found > sum(out, best).found {
				best = gi
			}
		}
		if best >= 0 {
			return best
		}
		best = 0
		for gi := range grid {
			if prec(sum(out, gi)) > prec(sum(out, best)) {
				best = gi
			}
		}
		return best
	}
	for gi, g := range grid {
		t.Logf("%-28s all %s", g.label, sum(func(int) bool { return false }, gi))
	}
	for _, folds := range []int{len(stories), 5} {
		var cv citeCounts
		picks := map[string]int{}
		for f := 0; f < folds; f++ {
			out := func(si int) bool { return si%folds == f }
			gi := choose(out)
			picks[grid[gi].label]++
			for si := range stories {
				if out(si) {
					cv.add(score[si][gi])
				}
			}
		}
		t.Logf("%d folds: held out %s, picks %v", folds, cv, picks)
	}
	t.Logf("on all stories: %s", grid[choose(func(int) bool { return false })].label)
}

// TestCiteCurve prints the threshold's trade, for comparison.
//
//	STORYLINE_CITECURVE=1 go test ./brief -run TestCiteCurve -v
func TestCiteCurve(t *testing.T) {
	var grid []citeSetting
	for _, th := range []float64{0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8} {
		th := th
		grid = append(grid, citeSetting{fmt.Sprintf("threshold %.2f", th), func() { brief.SetCiteThreshold(th) }})
	}
	citeGridCV(t, "STORYLINE_CITECURVE", grid, func() { brief.SetCiteThreshold(0) })
}

// TestCiteKindCV chooses a threshold for the summary's lines that name
// no day and one for the other lines.
//
//	STORYLINE_CITEKIND=1 go test ./brief -run TestCiteKindCV -v
func TestCiteKindCV(t *testing.T) {
	var grid []citeSetting
	for _, s := range []float64{0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75} {
		for _, tl := range []float64{0.7, 0.725, 0.75, 0.775, 0.8} {
			s, tl := s, tl
			grid = append(grid, citeSetting{fmt.Sprintf("summary %.2f timeline %.2f", s, tl), func() {
				brief.SetCiteSummaryThreshold(s)
				brief.SetCiteThreshold(tl)
			}})
		}
	}
	citeGridCV(t, "STORYLINE_CITEKIND", grid, func() { brief.SetCiteThreshold(0); brief.SetCiteSummaryThreshold(0) })
}

// TestCiteClaimRuleCV chooses the least probability the model must give
// a claim the rule test finds stated (2: no rule test) with the
// threshold of the summary's lines that name no day.
//
//	STORYLINE_CITECR=1 go test ./brief -run TestCiteClaimRuleCV -v
//
// Measured (eval briefs precision/recall): the rule test alone (0)
// 93.20/59.68 at 0.5, 93.52/58.97 at 0.75; at 0.7 (kept), 94.14/58.53
// and 94.45/57.46; none 94.28/58.53 and 94.71/57.28. Held out, the
// setting chosen on the other stories at the precision of main
// (93.59): leaving one story out 93.37/58.79, five folds 93.89/58.70
// (the threshold alone on main, TestCiteCurve: 93.13/57.82,
// 93.56/58.08).
func TestCiteClaimRuleCV(t *testing.T) {
	var grid []citeSetting
	for _, p := range []float64{0, 0.3, 0.4, 0.5, 0.6, 0.7, 2} {
		for _, s := range []float64{0.5, 0.6, 0.75} {
			p, s := p, s
			grid = append(grid, citeSetting{fmt.Sprintf("claim-rule prob %.2f summary %.2f", p, s), func() {
				brief.SetCiteClaimRuleProb(p)
				brief.SetCiteSummaryThreshold(s)
			}})
		}
	}
	citeGridCV(t, "STORYLINE_CITECR", grid, func() { brief.SetCiteClaimRuleProb(0.7); brief.SetCiteSummaryThreshold(0) })
}
