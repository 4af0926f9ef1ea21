package brief

import (
	"math"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testdocs"
)

// TestScorerReadsAlike checks that a date scorer's reading of a day
// does not depend on the days it read before: on the bench's pile of
// 100 articles, each doc's scorer reads every candidate day in turn, and
// each reading must equal a fresh scorer's reading of that day alone.
// A reading that gives up on a day (a day the doc names in full as past
// comes after it) must let go of what it had claimed, or later days
// read less.
func TestScorerReadsAlike(t *testing.T) {
	docs := clusterPile(t, testdocs.Basil(t, 300), 100)
	dds := make([]*docDates, len(docs))
	anchors := make([]time.Time, len(docs))
	for i, d := range docs {
		dds[i] = newDocDates(d)
		if !d.StatedDate.IsZero() {
			anchors[i] = day0(d.StatedDate)
		}
	}
	all := newPool(dds, anchors, nil)
	rel := relatedDocs(dds)
	read, gaveUp := 0, 0
	for i, dd := range dds {
		sc := newScorer(dd, i, all, rel[i], false)
		for _, a := range sc.candidates() {
			got, _ := sc.score(a, false)
			want, _ := newScorer(dd, i, all, rel[i], false).score(a, false)
			if got != want {
				t.Fatalf("doc %d, day %s: %v after the days before it, %v alone", i, a.Format("2006-01-02"), got, want)
			}
			read++
			if math.IsInf(got, -1) {
				gaveUp++
			}
		}
	}
	if gaveUp == 0 {
		t.Fatalf("none of %d readings gave up on its day: the test tests nothing", read)
	}
	t.Logf("%d readings, %d of them given up", read, gaveUp)
}
