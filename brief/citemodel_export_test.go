package brief

import (
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// SetCiteThreshold replaces the citation model's threshold (0: the
// model's own) for the tests that choose it.
func SetCiteThreshold(t float64) { citeThresholdOverride = t }

// CiteProbe says, for a line of a story's brief and each doc, the best
// model probability among the doc's candidate sentences ignoring dates
// (-1 when the index offers none) and with the brief's date check.
func CiteProbe(s *news.Story, text, date string, planned bool) (free, dated []float64, ids, best []string, xs [][]float64) {
	s = datedStory(s)
	c := newLineCiter(s, entities(s), nil)
	var notBefore time.Time
	var on [2]time.Time
	if st, en, ok := timex.Interval(date); ok {
		on = [2]time.Time{st, en}
		if !planned {
			notBefore = st
		}
	}
	l := c.reread(text)
	m := defaultCiteModel()
	free = make([]float64, len(c.docs))
	dated = make([]float64, len(c.docs))
	best = make([]string, len(c.docs))
	xs = make([][]float64, len(c.docs))
	for i, d := range c.docs {
		free[i], dated[i] = -1, -1
		ids = append(ids, d.ID)
	}
	keep := c.onDay(notBefore, on)
	for _, r := range c.stating(l, citeCandFrac, min(citeCandLeast, len(l.words)), nil) {
		i, cs := c.ref(r)
		x := c.pairFeatures(l, r)
		p := m.Prob(x[:])
		if p > free[i] {
			best[i] = cs.text
		}
		free[i] = max(free[i], p)
		if (keep == nil || keep(r)) && p > dated[i] {
			dated[i] = p
			xs[i] = append([]float64(nil), x[:]...)
		}
	}
	return free, dated, ids, best, xs
}

// DefaultCiteModel is the embedded citation model.
func DefaultCiteModel() *CiteModel { return defaultCiteModel() }
