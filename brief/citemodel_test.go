package brief

import (
	"strings"
	"testing"
)

// TestCiteModelEmbedded checks the embedded citation model: it reads,
// names the features pairFeatures computes, has a threshold that is a
// probability, and is written as the training command writes it.
func TestCiteModelEmbedded(t *testing.T) {
	m, err := ParseCiteModel(citeModelJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Weights) != len(CiteFeatureNames) || m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("model has %d weights for %d features, threshold %v", len(m.Weights), len(CiteFeatureNames), m.Threshold)
	}
	if m.Note == "" {
		t.Error("the model does not say how it was trained")
	}
	if string(m.JSON()) != string(citeModelJSON) {
		t.Error("cite.model.json is not as CiteModel.JSON writes it (brief/citetrain's TestShippedModelReproduces checks the command gives it)")
	}
	if _, err := ParseCiteModel([]byte(`{"features":["fwd"],"weights":[1]}`)); err == nil || !strings.HasPrefix(err.Error(), "brief: ") {
		t.Errorf("a model of one feature gave error %v, want one starting with the package name", err)
	}
}

// TestCiteModelJudges checks what the model makes of a line's
// candidates: a source telling the same toll in other words is more
// likely to state the line than one telling another toll, and much more
// than one telling another event.
func TestCiteModelJudges(t *testing.T) {
	s := analysedStory(t,
		"The earthquake killed 217 people in the eastern province of Van on Sunday, officials said.",
		"Officials said 217 people died when the earthquake struck the eastern province of Van on Sunday.",
		"Officials said 264 people died when the earthquake struck the eastern province of Van on Sunday.",
		"Rescue teams from Azerbaijan arrived in the province on Monday with sniffer dogs.",
	)
	c := newLineCiter(s, entities(s), nil)
	m := defaultCiteModel()
	l := c.reread(c.sents[0][0].text)
	prob := map[int]float64{}
	for _, r := range c.stating(l, citeCandFrac, min(citeCandLeast, len(l.words)), nil) {
		i, _ := c.ref(r)
		x := c.pairFeatures(l, r)
		prob[i] = max(prob[i], m.Prob(x[:]))
	}
	if !(prob[1] > prob[2] && prob[2] > prob[3]) {
		t.Errorf("probabilities same toll %.3f, other toll %.3f, other event %.3f: want them in that order", prob[1], prob[2], prob[3])
	}
	if prob[1] < m.Threshold {
		t.Errorf("the same toll in other words gets %.3f, below the threshold %.3f", prob[1], m.Threshold)
	}
}

// TestFitCiteModel checks that fitting learns a feature that tells the
// examples apart, and gives the same model from the same examples.
func TestFitCiteModel(t *testing.T) {
	var ex []CiteExample
	for i := range 200 {
		var e CiteExample
		e.X[0] = float64(i%10) / 10
		e.Y = i%10 >= 5
		e.X[1] = float64(i%3) / 3 // noise
		e.W = 1
		ex = append(ex, e)
	}
	a, b := FitCiteModel(ex, 1), FitCiteModel(ex, 1)
	if a.Weights[0] <= 0 {
		t.Errorf("weight of the telling feature %.3f, want it positive", a.Weights[0])
	}
	if string(a.JSON()) != string(b.JSON()) {
		t.Error("two fits of the same examples differ")
	}
	if p, q := a.Prob(ex[9].X[:]), a.Prob(ex[0].X[:]); p <= q {
		t.Errorf("Prob of a positive %.3f, of a negative %.3f", p, q)
	}
}
