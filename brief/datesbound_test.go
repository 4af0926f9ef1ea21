package brief

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// boundPiles are the piles the bound is checked on: the bench's (BASIL
// then DUC 2003) and BenchmarkBuild's (BASIL then DUC 2006).
func boundPiles(t *testing.T) [][]*news.Doc {
	all := testdocs.Basil(t, 300)
	if len(all) == 0 {
		t.Skip("brief: no BASIL articles")
	}
	return [][]*news.Doc{clusterPile(t, all, 100), clusterPile(t, all, 300), pile(t, all, 300)}
}

// TestReachOf checks what reachOf says of every expression of the piles
// against what timex.ResolveInterval gives for anchors every few days
// over three decades: each period of at most maxEventDays lies where its
// reach says, and runs at least its span.
func TestReachOf(t *testing.T) {
	var anchors []time.Time
	for a := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); a.Year() < 2021; a = a.AddDate(0, 0, 11) {
		anchors = append(anchors, a)
	}
	seen := map[formKey]bool{}
	checked := map[reachKind]int{}
	for _, docs := range boundPiles(t) {
		for _, d := range docs {
			dd := newDocDates(d)
			for f, k := range dd.formOf {
				x := dd.xs[k]
				key := formKey{hasRel: x.Relative != nil, value: x.Value, future: x.Future}
				if x.Relative != nil {
					key.rel = *x.Relative
					key.rel.Base = nil
					if x.Relative.Base != nil {
						continue // a ref: any reach, nothing to check
					}
				}
				if seen[key] {
					continue
				}
				seen[key] = true
				r := reachOf(dd, f)
				checked[r.kind]++
				for _, a := range anchors {
					st, en, _, ok := timex.ResolveInterval(x, a)
					if !ok || en.Sub(st) > maxEventDays*24*time.Hour {
						continue
					}
					s, e := st.Unix(), en.Unix()
					fits := true
					switch r.kind {
					case reachFixed:
						fits = s == r.s && e == r.e
					case reachWindow:
						fits = s >= a.Unix()+r.lo && e <= a.Unix()+r.hi
						if r.weekday != 0 {
							fits = fits && s == e && int(st.Weekday()+6)%7+1 == r.weekday
						}
					case reachMonthDay:
						fits = s == e && int(st.Month()) == r.month && st.Day() == r.day
					case reachMonth:
						fits = int(st.Month()) == r.month && int(en.Month()) == r.month
					case reachNever:
						fits = false
					}
					if e-s < int64(r.span)*daySec {
						fits = false // shorter than its span says
					}
					if !fits {
						t.Errorf("%s %q (%+v) against %s reads %s..%s, outside its reach %+v", d.ID, x.Text, *x.Relative, a.Format("2006-01-02"), st.Format("2006-01-02"), en.Format("2006-01-02"), r)
						break
					}
				}
			}
		}
	}
	t.Logf("forms checked by reach (any, fixed, window, month-day, month, never): %v", checked)
}

// boundSetup reads the piles' docs as datedStory does before it scores:
// their dates, related docs and the pool of happenings, anchored at each
// doc's stated date (else, with dateline, its dateline date).
func boundSetup(docs []*news.Doc, dateline bool) ([]*docDates, [][]bool, []time.Time, *pool) {
	dds := make([]*docDates, len(docs))
	for i, d := range docs {
		dds[i] = newDocDates(d)
	}
	related := relatedDocs(dds)
	numberParts(dds)
	anchors := make([]time.Time, len(docs))
	for i, d := range docs {
		anchors[i] = d.StatedDate
		if dateline && anchors[i].IsZero() {
			anchors[i] = d.DatelineDate
		}
	}
	return dds, related, anchors, newPool(dds, anchors, nil)
}

// TestFarBound checks on the piles that betterDate with the bound gives
// what the scan of every candidate day gives, for every doc against its
// stated date (else its dateline date), and logs how often the bound
// spared the scan.
func TestFarBound(t *testing.T) {
	for _, docs := range boundPiles(t) {
		dds, related, anchors, all := boundSetup(docs, true)
		spared, tried, overruled := 0, 0, 0
		for i := range docs {
			a := anchors[i]
			if a.IsZero() {
				continue
			}
			// The anchor itself and a month off, so that some overrule.
			for _, at := range []time.Time{a, a.AddDate(0, -1, 0)} {
				tried++
				t1, ev1, ok1 := betterDateBy(dds[i], i, at, all, related[i], true)
				t2, ev2, ok2 := betterDateBy(dds[i], i, at, all, related[i], false)
				if !t1.Equal(t2) || ok1 != ok2 || !slices.Equal(ev1, ev2) {
					t.Errorf("%s against %s: with the bound %s %v %q, the scan %s %v %q", docs[i].ID, human(at), human(t1), ok1, ev1, human(t2), ok2, ev2)
				}
				if ok2 {
					overruled++
				}
				sc := newScorer(dds[i], i, all, related[i], true)
				if days := sc.candidates(); len(days) > 0 {
					s, _ := sc.score(day0(at), false)
					if farBelow(days, sc.dayBounds(days), day0(at).Unix(), s+clearMargin) {
						spared++
					}
				}
			}
		}
		t.Logf("%d docs: %d dates tried, %d overruled, the bound spared the scan of %d", len(docs), tried, overruled, spared)
	}
}

// TestBestBound checks on the piles that best skipping the days its
// bounds rule out gives the day and score of the scan of every day, for
// the scorers of inferDate and betterDate of every doc, and logs the
// share of days scored.
func TestBestBound(t *testing.T) {
	for _, docs := range boundPiles(t) {
		dds, related, _, all := boundSetup(docs, false)
		days, scored := 0, 0
		for i := range docs {
			for _, past := range []bool{false, true} {
				sc := newScorer(dds[i], i, all, related[i], past)
				cands := sc.candidates()
				if len(cands) == 0 {
					continue
				}
				bounds := sc.dayBounds(cands)
				b1, s1 := sc.best(cands, bounds)
				b2, s2 := sc.best(cands, nil)
				if !b1.Equal(b2) || s1 != s2 {
					t.Errorf("%s (past %v): with bounds %s %v, the scan %s %v", docs[i].ID, past, human(b1), s1, human(b2), s2)
				}
				for j := range cands {
					if s, _ := sc.score(cands[j], false); s > bounds[j]+boundSlack {
						t.Errorf("%s (past %v): %s scores %v over its bound %v", docs[i].ID, past, human(cands[j]), s, bounds[j])
					}
				}
				days += len(cands)
				// The days best scores: those its bounds leave.
				run := math.Inf(-1)
				for j := range cands {
					if bounds[j]+boundSlack <= run+1e-9 {
						continue
					}
					scored++
					if s, _ := sc.score(cands[j], false); s > run+1e-9 {
						run = s
					}
				}
			}
		}
		t.Logf("%d docs: best scores %d of %d candidate days", len(docs), scored, days)
	}
}

// TestWeekdayWithin checks weekdayWithin against time.Weekday.
func TestWeekdayWithin(t *testing.T) {
	start := time.Date(1969, 12, 20, 0, 0, 0, 0, time.UTC)
	for n := 0; n < 40; n++ {
		for l := 0; l < 10; l++ {
			st := start.AddDate(0, 0, n)
			en := st.AddDate(0, 0, l)
			for wd := 1; wd <= 7; wd++ {
				fs, fe := weekdayWithin(st.Unix(), en.Unix(), wd)
				var ws, we int64 = 1, 0
				for d := st; !d.After(en); d = d.AddDate(0, 0, 1) {
					if int(d.Weekday()+6)%7+1 == wd {
						if ws > we {
							ws = d.Unix()
						}
						we = d.Unix()
					}
				}
				if (ws > we) != (fs > fe) || ws <= we && (fs != ws || fe != we) {
					t.Errorf("%s..%s weekday %d: %d..%d, want %d..%d", st.Format("2006-01-02"), en.Format("2006-01-02"), wd, fs, fe, ws, we)
				}
			}
		}
	}
}

// TestReachMeets checks meets for months and days of a month against
// the days of each span, spans of up to maxEventDays over two years.
func TestReachMeets(t *testing.T) {
	var reaches []reach
	for m := 1; m <= 12; m++ {
		reaches = append(reaches, reach{kind: reachMonth, month: m})
		for _, d := range []int{1, 15, 28, monthDaysCommon[m]} {
			reaches = append(reaches, reach{kind: reachMonthDay, month: m, day: d})
		}
	}
	start := time.Date(2011, 11, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; n < 800; n += 3 {
		for l := 0; l <= maxEventDays; l += 2 {
			st := start.AddDate(0, 0, n)
			en := st.AddDate(0, 0, l)
			es, ee := st.Unix(), en.Unix()
			c := civilOf(es, ee)
			for _, r := range reaches {
				want := false
				for d := st; !d.After(en); d = d.AddDate(0, 0, 1) {
					if int(d.Month()) == r.month && (r.kind == reachMonth || d.Day() == r.day) {
						want = true
					}
				}
				if got := r.meets(es, ee, c); got != want {
					t.Errorf("%+v meets %s..%s: %v, want %v", r, st.Format("2006-01-02"), en.Format("2006-01-02"), got, want)
				}
			}
		}
	}
}
