package cluster

import (
	"github.com/storyline-news/storyline/internal/logreg"
	"github.com/storyline-news/storyline/news"
)

// Example is one comparison of a doc with a candidate story, labelled
// with whether the doc belongs to it.
type Example struct {
	X    [nFeatures]float64
	Same bool
	// W is the example's weight in Fit; 0 counts as 1.
	W float64
}

// Examples replays docs in order, placing each in its gold story
// (gold[i] names the story of docs[i]), and returns the comparison of
// each doc with every candidate story the index offers it, as Add would
// score them. A doc found to be a near-duplicate gives no example: Add
// places it without the model. docs are not modified.
func Examples(docs []*news.Doc, gold []string, cfg Config) []Example {
	c := New(cfg)
	var out []Example
	for i, d := range docs {
		f := c.x.extract(d, &c.cfg)
		c.advance(f.date)
		v := c.weigh(f)
		orig, _ := c.duplicate(f.sig)
		if orig < 0 {
			cands := c.candidates(v.text)
			for k, x := range c.compareAll(cands, f, v) {
				out = append(out, Example{X: x, Same: c.stories[cands[k]].id == gold[i]})
			}
		}
		si, ok := c.byID[gold[i]]
		if !ok {
			si = c.newStory(gold[i])
		}
		c.join(si, d.ID, f, v, int32(orig), orig < 0)
	}
	return out
}

// Fit fits a logistic model to examples by Newton's method with an L2
// penalty l2 on the weights (not the bias). It is deterministic. The
// returned model's Threshold is 0.5; choose it by clustering held-out
// streams.
func Fit(ex []Example, l2 float64) Model {
	w, bias := logreg.Fit(nFeatures, len(ex), func(k int) ([]float64, bool, float64) {
		ew := ex[k].W
		if ew == 0 {
			ew = 1
		}
		return ex[k].X[:], ex[k].Same, ew
	}, l2, 50)
	return Model{
		Features:  append([]string(nil), FeatureNames...),
		Weights:   w,
		Bias:      bias,
		Threshold: 0.5,
	}
}

// Balance weighs a set's examples so that they count 1000 in all, half
// for the same-story ones and half for the others: sets of different
// sizes and shapes then weigh alike in Fit.
func Balance(ex []Example) {
	pos, neg := logreg.Balanced(len(ex), func(k int) bool { return ex[k].Same })
	for i := range ex {
		if ex[i].Same {
			ex[i].W = pos
		} else {
			ex[i].W = neg
		}
	}
}
