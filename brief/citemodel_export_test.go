package brief

import (
	"slices"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// SetCiteThreshold replaces the citation model's threshold (0: the
// model's own) for the tests that choose it.
func SetCiteThreshold(t float64) { citeThresholdOverride = t }

// SetCiteModel replaces the citation model (nil: the embedded one).
func SetCiteModel(m *CiteModel) { citeModelOverride = m }

// SetCiteHeldProb replaces citeHeldProb (negative: the shipped value)
// for the test that chooses it.
func SetCiteHeldProb(p float64) { citeHeldOverride = p }

// CiteProbe says, for a line of a story's brief and each doc, the best
// model probability among the doc's candidate sentences ignoring dates
// (-1 when the index offers none) and with the brief's date check.
func CiteProbe(s *news.Story, text, date string, planned bool) (free, dated []float64, ids, best []string, xs [][]float64) {
	c, l, keep, _ := probeLine(s, text, date, planned)
	m := defaultCiteModel()
	free = make([]float64, len(c.docs))
	dated = make([]float64, len(c.docs))
	best = make([]string, len(c.docs))
	xs = make([][]float64, len(c.docs))
	for i, d := range c.docs {
		free[i], dated[i] = -1, -1
		ids = append(ids, d.ID)
	}
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

// CiteDocProbe gives, for a line and each doc of a story, the doc-level
// evidence the citation diagnostics weigh: the best model probability
// of the doc's candidate sentences ignoring dates and with them (-1:
// none), the share of the line's word weight the doc holds anywhere,
// the share of its figures, of its people, and of its rare words.
func CiteDocProbe(s *news.Story, text, date string, planned bool) (ids, best []string, rows [][]float64) {
	c, l, keep, notBefore := probeLine(s, text, date, planned)
	m := defaultCiteModel()
	free := make([]float64, len(c.docs))
	dated := make([]float64, len(c.docs))
	best = make([]string, len(c.docs))
	for i := range free {
		free[i], dated[i] = -1, -1
	}
	for _, r := range c.stating(l, 0.0001, 1, nil) {
		i, cs := c.ref(r)
		x := c.pairFeatures(l, r)
		p := m.Prob(x[:])
		if p > free[i] {
			best[i] = cs.text
		}
		free[i] = max(free[i], p)
		if keep == nil || keep(r) {
			dated[i] = max(dated[i], p)
		}
	}
	for i, d := range c.docs {
		ids = append(ids, d.ID)
		dw := c.docWords(i)
		var all, cover, rareAll, rareIn float64
		top := c.unseenIDF()
		for _, w := range l.order {
			v := c.weightOf(l, w)
			all += v
			rare := c.weightOf(l, w)/l.words[w] >= top/2
			if rare {
				rareAll++
			}
			if dw.words[w] {
				cover += v
				if rare {
					rareIn++
				}
			}
		}
		row := []float64{free[i], dated[i], 0, -1, -1, -1, 0, 0}
		if all > 0 {
			row[2] = cover / all
		}
		if len(l.numbers) > 0 {
			row[3] = float64(figuresHeld(l.numbers, dw.numbers)) / float64(len(l.numbers))
		}
		if len(l.people) > 0 {
			ppl := map[string]bool{}
			for _, cs := range c.sents[i] {
				for p := range cs.people {
					ppl[p] = true
				}
			}
			n := 0
			for p := range l.people {
				if ppl[p] {
					n++
				}
			}
			row[4] = float64(n) / float64(len(l.people))
		}
		if rareAll > 0 {
			row[5] = rareIn / rareAll
		}
		if !d.Date.IsZero() && !notBefore.IsZero() && d.Date.Before(notBefore.Add(-citeDateSlack)) {
			row[6] = 1
		}
		row[7] = float64(len(l.order))
		rows = append(rows, row)
	}
	return ids, best, rows
}

// probeLine makes the citer of story s and reads a line of it, with the
// brief's date check for the line's date (nil: none) and the day the
// line's sources may not be dated before (zero: none).
func probeLine(s *news.Story, text, date string, planned bool) (c *lineCiter, l citeSent, keep func(int32) bool, notBefore time.Time) {
	s = datedStory(s)
	c = newLineCiter(s, entities(s), nil)
	var on [2]time.Time
	if st, en, ok := timex.Interval(date); ok {
		on = [2]time.Time{st, en}
		if !planned {
			notBefore = st
		}
	}
	return c, c.reread(text), c.onDay(notBefore, on), notBefore
}

// SetCiteTrace has f see each brief before its lines are cited (nil: no
// one), for the diagnostics.
func SetCiteTrace(f func(b *news.Brief)) { citeTrace = f }

// SetCiteWhy has f see why each source joins a line.
func SetCiteWhy(f func(text, id, why string)) { citeWhy = f }

// SetCiteSummaryThreshold replaces the threshold of the summary's lines
// that name no day (0: the threshold less citeSummaryEase).
func SetCiteSummaryThreshold(t float64) { citeSummaryOverride = t }

// SetCiteClaimRuleProb replaces citeClaimRuleProb (for the test that
// chooses it).
func SetCiteClaimRuleProb(p float64) { citeClaimRuleProb = p }

// CitePairProbe gives, for a line of a story's brief, every candidate
// sentence the citer would ask the model about, without a floor (the
// doc's ID, the sentence's text, why the brief's date check drops it,
// "" when it keeps it, and its pair features).
func CitePairProbe(s *news.Story, text, date string, planned bool) (ids, texts, dropped []string, xs [][]float64) {
	c, l, keep, notBefore := probeLine(s, text, date, planned)
	var on [2]time.Time
	if st, en, ok := timex.Interval(date); ok {
		on = [2]time.Time{st, en}
	}
	for _, r := range c.stating(l, 0.0001, 1, nil) {
		i, cs := c.ref(r)
		x := c.pairFeatures(l, r)
		ids = append(ids, c.docs[i].ID)
		texts = append(texts, cs.text)
		why := ""
		if keep != nil && !keep(r) {
			d := c.docs[i]
			switch spans := c.spans[c.spanAt[r]:c.spanAt[r+1]]; {
			case len(spans) > 0:
				why = "other day"
				for _, sp := range spans {
					if !sp[1].Before(on[0].Add(-citeDateSlack)) && !sp[0].After(on[1].Add(citeDateSlack)) {
						why = "other day, within a day"
					}
				}
			case d.Date.IsZero():
				why = "undated article"
			case notBefore.IsZero():
				why = "plan"
			case d.Date.Before(on[0].Add(-citeDateSlack)):
				why = "article before"
			default:
				why = "article after a week"
			}
		}
		dropped = append(dropped, why)
		xs = append(xs, append([]float64(nil), x[:]...))
	}
	return ids, texts, dropped, xs
}

// CiteExpandProbe gives, for a line of a story's brief and each doc, the
// best model probability (with the brief's date check) of the doc's
// sentences as statements of the line (direct), and as statements of
// the best sentence of another doc among cited that states the line
// (via, with that sentence's own probability in viaLine).
func CiteExpandProbe(s *news.Story, text, date string, planned bool, cited []string) (ids []string, direct, via, viaLine []float64) {
	c, l, keep, _ := probeLine(s, text, date, planned)
	m := defaultCiteModel()
	n := len(c.docs)
	direct, via, viaLine = make([]float64, n), make([]float64, n), make([]float64, n)
	bestText := make([]string, n)
	for i, d := range c.docs {
		ids = append(ids, d.ID)
		direct[i], via[i], viaLine[i] = -1, -1, -1
	}
	for _, r := range c.stating(l, citeCandFrac, min(citeCandLeast, len(l.words)), keep) {
		i, cs := c.ref(r)
		x := c.pairFeatures(l, r)
		if p := m.Prob(x[:]); p > direct[i] {
			direct[i], bestText[i] = p, cs.text
		}
	}
	for b, d := range c.docs {
		if !slices.Contains(cited, d.ID) || bestText[b] == "" || bestText[b] == text {
			continue
		}
		bl := c.reread(bestText[b])
		for _, r := range c.stating(bl, citeCandFrac, min(citeCandLeast, len(bl.words)), keep) {
			i, _ := c.ref(r)
			if i == b {
				continue
			}
			x := c.pairFeatures(bl, r)
			if p := m.Prob(x[:]); p > via[i] {
				via[i], viaLine[i] = p, direct[b]
			}
		}
	}
	return ids, direct, via, viaLine
}

// CiteClaimsProbe gives, for a line of a story's brief of two claims or
// more and each doc, the least over the claims of the best model
// probability of the doc's sentences (with the brief's date check) that
// they state it; nil for a line of one claim.
func CiteClaimsProbe(s *news.Story, text, date string, planned bool) (ids []string, least []float64) {
	c, _, keep, _ := probeLine(s, text, date, planned)
	parts := c.claimParts(text)
	if len(parts) < 2 {
		return nil, nil
	}
	m := defaultCiteModel()
	for i, d := range c.docs {
		ids = append(ids, d.ID)
		lo := 1.0
		for _, p := range parts {
			b := 0.0
			for r := c.docRefs[i]; r < c.docRefs[i+1]; r++ {
				if keep != nil && !keep(r) {
					continue
				}
				x := c.pairFeatures(p, r)
				b = max(b, m.Prob(x[:]))
			}
			lo = min(lo, b)
		}
		least = append(least, lo)
	}
	return ids, least
}
