package cluster

import (
	"bytes"
	"errors"
	"testing"
)

// xorExamples: same story when text is high near in time, or very high
// far in time; a rule no single weight per feature expresses.
func xorExamples() []Example {
	var ex []Example
	for i := range 400 {
		var x [nFeatures]float64
		x[0] = float64(i%20) / 20       // text_centroid
		x[11] = float64((i/20)%20) / 20 // far
		same := x[0] > 0.3 && x[11] < 0.5 || x[0] > 0.8
		ex = append(ex, Example{X: x, Same: same})
	}
	return ex
}

func TestBoostLearnsAnInteraction(t *testing.T) {
	ex := xorExamples()
	wrong := func(m Model) int {
		n := 0
		for _, e := range ex {
			if (m.prob(&e.X) >= 0.5) != e.Same {
				n++
			}
		}
		return n
	}
	lin := Fit(ex, 0.01)
	m := Boost(lin, ex, BoostConfig{Trees: 40, Depth: 2, Rate: 0.3, L2: 1, MinWeight: 1})
	if err := m.check(); err != nil {
		t.Fatal(err)
	}
	if len(m.Trees) != 40 {
		t.Fatalf("%d trees, want 40", len(m.Trees))
	}
	if w, wl := wrong(m), wrong(lin); w > 4 || w >= wl {
		t.Errorf("boosted model: %d of %d wrong (logistic alone: %d)", w, len(ex), wl)
	}
	again := Boost(lin, ex, BoostConfig{Trees: 40, Depth: 2, Rate: 0.3, L2: 1, MinWeight: 1})
	if !bytes.Equal(m.JSON(), again.JSON()) {
		t.Error("Boost is not deterministic")
	}
	back, err := ParseModel(m.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if wrong(back) != wrong(m) {
		t.Error("the model read back scores otherwise")
	}
	if b := Boost(lin, ex, BoostConfig{}); len(b.Trees) != 0 {
		t.Error("no trees asked, trees grown")
	}
}

func TestParseModelChecksTrees(t *testing.T) {
	m := DefaultModel()
	for _, tr := range []Tree{
		{},
		{{Feature: 0, Split: 0.5, Left: 0, Right: 1}, {Feature: -1}},
		{{Feature: nFeatures, Split: 0.5, Left: 1, Right: 2}, {Feature: -1}, {Feature: -1}},
		{{Feature: 0, Split: 0.5, Left: 1, Right: 5}, {Feature: -1}},
	} {
		m.Trees = []Tree{tr}
		if _, err := ParseModel(m.JSON()); !errors.Is(err, ErrConfig) {
			t.Errorf("tree %v was read: %v", tr, err)
		}
	}
}

func TestBoostWithoutLeavesThoseComparisonsAlone(t *testing.T) {
	ex := xorExamples()
	for i := range ex {
		if i%3 == 0 {
			ex[i].X[8] = 1 // undated
		}
	}
	lin := Fit(ex, 0.01)
	m := Boost(lin, ex, BoostConfig{Trees: 20, Depth: 2, Rate: 0.3, L2: 1, MinWeight: 1, Without: "undated"})
	if err := m.check(); err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, e := range ex {
		d := m.margin(&e.X) - lin.margin(&e.X)
		if e.X[8] == 1 && d != 0 {
			t.Fatalf("an undated comparison moved by %g", d)
		}
		if e.X[8] == 0 && d != 0 {
			moved++
		}
	}
	if moved == 0 {
		t.Error("the trees changed no dated comparison")
	}
}

// BenchmarkProb and BenchmarkProbLogistic score one comparison with the
// embedded model and with its logistic part alone: what the trees add
// per candidate story.
func BenchmarkProb(b *testing.B) { benchmarkProb(b, DefaultModel()) }

func BenchmarkProbLogistic(b *testing.B) {
	m := DefaultModel()
	m.Trees = nil
	benchmarkProb(b, m)
}

func benchmarkProb(b *testing.B, m Model) {
	ex := xorExamples()
	s := 0.0
	i := 0
	for b.Loop() {
		s += m.prob(&ex[i%len(ex)].X)
		i++
	}
	if s < 0 {
		b.Fatal(s)
	}
}
