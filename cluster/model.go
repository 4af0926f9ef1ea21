package cluster

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/storyline-news/storyline/textvec"
)

// FeatureNames name, in order, the comparisons of a doc with a story that
// the same-story model weighs. With days the time the doc is dated
// outside the story's span of dated docs (0 inside it, and 0 when the
// doc or the story is undated: no evidence either way) and span the
// days between the story's first and last dated docs, near =
// exp(-days/(NearDays+span)) and far = 1 - exp(-days/FarDays). Near
// fades at the story's own pace: a story told in a few days fades
// within a week, one that has run for months (a theme, a long trial)
// still takes shared people weeks later as evidence:
//
//   - text_centroid: cosine of the doc's TF-IDF stem vector with the
//     story's centroid;
//   - text_maxlink: the greatest cosine with one of the story's members
//     (its last MaxLinks counted docs);
//   - ents_centroid, ents_maxlink: the same over entity names, times
//     near: shared people and places are evidence of one story only
//     near in time, so an article weeks later about another event with
//     the same people starts its own story;
//   - no_ents: 1 when the doc or the story names no entity;
//   - title: cosine of the doc's title stems with the story's titles;
//   - no_title: 1 when the doc or the story has no title;
//   - log_gap_days: ln(1+days);
//   - undated: 1 when neither the doc nor the story has a date (a
//     stream without dates, whose base rate differs); a doc alone or a
//     story alone undated is compared as if inside the span, since
//     the training sets hold no such pair to learn from;
//   - log_size: ln of the story's number of counted docs;
//   - text_near: text_maxlink times near;
//   - far, and text_far: text_centroid times far: how much more text a
//     doc months away must share with a story to belong to it;
//   - far_wide: far times 1 - exp(-span/FarDays), span the days between
//     the story's first and last dated docs: a story that has already
//     run for months (a theme, a long trial) takes a doc months away
//     more readily than a story told in a few days;
//   - nums: cosine of the numbers of the doc's body (tolls, counts,
//     years, magnitudes) with the story's: another happening of the
//     same kind (the next earthquake, another raid) is told with the
//     same words but other numbers;
//   - no_nums: 1 when the doc or the story has no number.
var FeatureNames = []string{
	"text_centroid", "text_maxlink", "ents_centroid", "ents_maxlink", "no_ents",
	"title", "no_title", "log_gap_days", "undated", "log_size",
	"text_near", "far", "text_far", "far_wide", "nums", "no_nums",
}

const nFeatures = 16

// NearDays is the time constant of near, in days, for a story told in
// one day; a story's span of dated docs adds to it.
const NearDays = 7

// FarDays is the time constant of far, in days.
const FarDays = 60

// Model is a logistic same-story scorer: the probability that a doc
// belongs to a story is σ(Bias + Σ Weights[i]·x[i] + Σ tree(x)) over
// the features named by FeatureNames, the trees (Trees, grown by Boost)
// being optional. Threshold is the probability the model was
// tuned to join at (by cross-validation; see cluster/train).
type Model struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Trees, when any, add their leaves' values to the log-odds (see
	// Boost).
	Trees     []Tree  `json:"trees,omitempty"`
	Threshold float64 `json:"threshold"`
	// Note says how the model was trained.
	Note string `json:"note,omitempty"`
}

//go:embed story.model.json
var defaultModelJSON []byte

// DefaultModel returns the embedded same-story model, trained by
// cluster/train.
func DefaultModel() Model {
	m, err := ParseModel(defaultModelJSON)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseModel reads a model written by Model.JSON and checks that its
// features are the ones this package computes.
func ParseModel(b []byte) (Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return Model{}, fmt.Errorf("cluster: model: %w", err)
	}
	if err := m.check(); err != nil {
		return Model{}, err
	}
	return m, nil
}

func (m Model) check() error {
	if !slices.Equal(m.Features, FeatureNames) || len(m.Weights) != nFeatures {
		return fmt.Errorf("%w: model features %v, want %v", ErrConfig, m.Features, FeatureNames)
	}
	for i, t := range m.Trees {
		if err := t.check(); err != nil {
			return fmt.Errorf("model tree %d: %w", i, err)
		}
	}
	return nil
}

// JSON returns the model as indented JSON.
func (m Model) JSON() []byte {
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(b, '\n')
}

// prob is the model's probability for feature vector x.
func (m *Model) prob(x *[nFeatures]float64) float64 {
	return 1 / (1 + math.Exp(-m.margin(x)))
}

// margin is the model's log-odds for feature vector x.
func (m *Model) margin(x *[nFeatures]float64) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * x[i]
	}
	for _, t := range m.Trees {
		z += t.eval(x)
	}
	return z
}

// link is what a story keeps of one counted member for max-link
// comparisons.
type link struct {
	text, ents textvec.Vector
}

// compare computes the features of a doc against story s.
func (c *Clusterer) compare(s *story, f features, v vecs) [nFeatures]float64 {
	c.scatter(v)
	defer c.unscatter(v)
	return c.compareScattered(s, f, v)
}

// scatter writes the weights of v.text and v.ents into c.dense by term
// id (stems and entity names never share an id), for compareScattered;
// unscatter clears them.
func (c *Clusterer) scatter(v vecs) {
	if n := c.x.vocab.Len(); len(c.dense) < n {
		c.dense = append(c.dense, make([]float64, n-len(c.dense))...)
	}
	for _, e := range v.text {
		c.dense[e.ID] = e.W
	}
	for _, e := range v.ents {
		c.dense[e.ID] = e.W
	}
}

func (c *Clusterer) unscatter(v vecs) {
	for _, e := range v.text {
		c.dense[e.ID] = 0
	}
	for _, e := range v.ents {
		c.dense[e.ID] = 0
	}
}

// dotDense returns textvec.Dot(a, b) for the vector a scattered in
// dense: the same products (a's weight times b's), added in the same
// order (increasing id), so the same float64. A term b has and a lacks
// adds nothing in either (its weight in dense is 0).
func dotDense(dense []float64, b textvec.Vector) float64 {
	var s float64
	for _, e := range b {
		if w := dense[e.ID]; w != 0 {
			s += w * e.W
		}
	}
	return s
}

// compareScattered is compare with v.text and v.ents scattered in
// c.dense: the many dot products of a doc with a story's centroid and
// links each walk the story's side alone.
func (c *Clusterer) compareScattered(s *story, f features, v vecs) [nFeatures]float64 {
	ve, vtitle := v.ents, v.title
	var x [nFeatures]float64
	near := 1.0
	switch {
	case f.date.IsZero() && s.first.IsZero():
		x[8] = 1
	case f.date.IsZero() || s.first.IsZero():
		// one side undated: compared as if inside the span
	default:
		var gap time.Duration
		switch {
		case f.date.Before(s.first):
			gap = s.first.Sub(f.date)
		case f.date.After(s.last):
			gap = f.date.Sub(s.last)
		}
		days := gap.Hours() / 24
		x[7] = math.Log1p(days)
		span := s.last.Sub(s.first).Hours() / 24
		near = math.Exp(-days / (NearDays + span))
		x[11] = 1 - math.Exp(-days/FarDays)
		x[13] = x[11] * (1 - math.Exp(-span/FarDays))
	}
	if s.cnorm > 0 {
		x[0] = dotDense(c.dense, s.centroid) / s.cnorm
	}
	hasEnts := len(ve) > 0 && s.enorm > 0
	for _, l := range s.links {
		x[1] = math.Max(x[1], dotDense(c.dense, l.text))
		if hasEnts {
			x[3] = math.Max(x[3], dotDense(c.dense, l.ents))
		}
	}
	if hasEnts {
		x[2] = dotDense(c.dense, s.ents) / s.enorm * near
		x[3] *= near
	} else {
		x[4] = 1
	}
	if len(vtitle) > 0 && s.tnorm > 0 {
		x[5] = textvec.Dot(vtitle, s.titles) / s.tnorm
	} else {
		x[6] = 1
	}
	x[9] = math.Log(float64(max(s.counted, 1)))
	x[10] = x[1] * near
	x[12] = x[0] * x[11]
	if len(v.nums) > 0 && s.nnorm > 0 {
		x[14] = textvec.Dot(v.nums, s.nums) / s.nnorm
	} else {
		x[15] = 1
	}
	return x
}

// compareAll computes the features of a doc against each candidate
// story in cands into c.xs (reused by the next call).
func (c *Clusterer) compareAll(cands []int32, f features, v vecs) [][nFeatures]float64 {
	c.xs = c.xs[:0]
	c.scatter(v)
	for _, si := range cands {
		c.xs = append(c.xs, c.compareScattered(c.stories[si], f, v))
	}
	c.unscatter(v)
	return c.xs
}
