package brief_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/brief"
)

// TestCiteSeparation measures how well the citation model ranks, on the
// briefs set, the (line, source) pairs whose source reports every item
// the line tells above those whose source reports none: the area under
// the ROC curve of the embedded model, and of the same features fitted
// on the other stories (leave one story out). On demand:
//
//	STORYLINE_CITESEP=1 go test ./brief -run TestCiteSeparation -v
func TestCiteSeparation(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CITESEP")
	type pair struct {
		story int
		brief.CiteExample
	}
	var pairs []pair
	for si, st := range stories {
		s, _ := diagStory(t, chain, st)
		b, err := brief.Build(s, brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range briefLines(b, st) {
			told := l.told
			if len(told) == 0 {
				continue
			}
			_, dated, ids, _, xs := brief.CiteProbe(s, l.text, l.date, l.planned)
			for i, id := range ids {
				if dated[i] < 0 || dated[i] > 0.99 {
					continue // none, or the line's own sentence
				}
				in := 0
				for _, it := range told {
					if slices.Contains(it.Sources, id) {
						in++
					}
				}
				if in > 0 && in < len(told) {
					continue
				}
				p := pair{story: si}
				copy(p.X[:], xs[i])
				p.Y, p.W = in > 0, 1
				pairs = append(pairs, p)
			}
		}
	}
	auc := func(score []float64, y []bool) float64 {
		idx := make([]int, len(score))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return score[idx[a]] < score[idx[b]] })
		var pos, neg, rank float64
		for r, i := range idx {
			if y[i] {
				pos++
				rank += float64(r + 1)
			} else {
				neg++
			}
		}
		return (rank - pos*(pos+1)/2) / (pos * neg)
	}
	m := brief.DefaultCiteModel()
	var ecb, loso, fwd []float64
	var ys []bool
	for si := range stories {
		var train []brief.CiteExample
		for _, p := range pairs {
			if p.story != si {
				train = append(train, p.CiteExample)
			}
		}
		dm := brief.FitCiteModel(train, 1)
		for _, p := range pairs {
			if p.story == si {
				ecb = append(ecb, m.Prob(p.X[:]))
				loso = append(loso, dm.Prob(p.X[:]))
				fwd = append(fwd, p.X[0])
				ys = append(ys, p.Y)
			}
		}
	}
	pos := 0
	for _, y := range ys {
		if y {
			pos++
		}
	}
	t.Logf("%d pairs (%d right): AUC of the ECB+ model %.4f, of a leave-one-story-out fit %.4f, of fwd alone %.4f", len(ys), pos, auc(ecb, ys), auc(loso, ys), auc(fwd, ys))
	all := make([]brief.CiteExample, 0, len(pairs))
	for _, p := range pairs {
		all = append(all, p.CiteExample)
	}
	dm := brief.FitCiteModel(all, 1)
	for i, n := range dm.Features {
		t.Logf("  %-14s ecb %8.3f dev %8.3f", n, m.Weights[i], dm.Weights[i])
	}
}
