package timex_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// spanDocs reads the time suite's TimeML documents and the briefs set's
// articles, each with its timexes found against its own date and against
// none.
func spanDocs(t *testing.T) [][]news.Timex {
	var sets [][]news.Timex
	add := func(d *news.Doc, dct time.Time) {
		for _, a := range []time.Time{dct, {}} {
			c := *d
			timex.Find(&c, a)
			sets = append(sets, c.Timexes)
		}
	}
	if files, err := eval.TimeMLFiles(testutil.Data(t, "time/tbaq")); err == nil {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			doc, err := eval.ParseTimeML(string(b))
			if err != nil {
				continue
			}
			d, err := eval.TimeMLNewsDoc(doc)
			if err == nil {
				add(d, doc.DCT)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(testutil.Data(t, "briefs"), "*", "articles", "*.json"))
	sort.Strings(files)
	for _, f := range files {
		for a, err := range ingest.Read(f) {
			if err != nil {
				continue
			}
			if d, err := (analyze.Chain{analyze.Segment}).Doc(a); err == nil {
				add(d, d.StatedDate)
			}
		}
	}
	return sets
}

// TestResolveInterval checks ResolveInterval against Interval of what
// Resolve gives, on every timex of the time suite and the briefs set,
// read against no anchor and against days around its own.
func TestResolveInterval(t *testing.T) {
	sets := spanDocs(t)
	if len(sets) == 0 {
		t.Skip("timex: no data")
	}
	base := time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
	shifts := []int{-4000, -400, -60, -9, -3, -1, 0, 1, 2, 5, 13, 60, 200, 4000}
	n := 0
	for _, xs := range sets {
		for _, x := range xs {
			anchors := []time.Time{{}, base, base.Add(13 * time.Hour), time.Date(2001, 11, 12, 0, 0, 0, 0, time.UTC)}
			for _, sh := range shifts {
				anchors = append(anchors, base.AddDate(0, 0, sh), time.Date(2012, 2, 29, 0, 0, 0, 0, time.UTC).AddDate(0, 0, sh))
			}
			for _, a := range anchors {
				v, fut := timex.Resolve(x, a)
				ws, we, wok := timex.Interval(v)
				s, e, f, ok := timex.ResolveInterval(x, a)
				n++
				if ok != wok || f != fut || !s.Equal(ws) || !e.Equal(we) || s.Location() != ws.Location() {
					t.Errorf("%q (%+v) at %s: ResolveInterval %v %v %v %v, Interval(Resolve) of %q: %v %v %v %v", x.Text, x.Relative, a.Format(time.DateOnly), s, e, f, ok, v, ws, we, fut, wok)
				}
			}
		}
	}
	t.Logf("%d readings of %d timex sets agree", n, len(sets))
}

// BenchmarkResolveInterval reads the BASIL expressions that depend on the
// anchor straight to their periods, one per iteration, against days in a
// row as the brief's date scorer does; BenchmarkResolveThenInterval is the
// value string then Interval, what it replaces.
func BenchmarkResolveInterval(b *testing.B) {
	xs, anchor := relativeTimexes(b)
	i := 0
	for b.Loop() {
		timex.ResolveInterval(xs[i%len(xs)], anchor.AddDate(0, 0, i%30))
		i++
	}
}

func BenchmarkResolveThenInterval(b *testing.B) {
	xs, anchor := relativeTimexes(b)
	i := 0
	for b.Loop() {
		v, _ := timex.Resolve(xs[i%len(xs)], anchor.AddDate(0, 0, i%30))
		timex.Interval(v)
		i++
	}
}

// relativeTimexes returns the expressions of 60 BASIL articles that depend
// on the anchor (with a Relative), found without one, and the anchor the
// benchmarks read them against.
func relativeTimexes(b *testing.B) ([]news.Timex, time.Time) {
	docs := fidelityDocs(b, 60)
	var xs []news.Timex
	for _, d := range docs {
		timex.Find(d, time.Time{})
		for _, x := range d.Timexes {
			if x.Relative != nil {
				xs = append(xs, x)
			}
		}
	}
	if len(xs) == 0 {
		b.Skip("timex: no relative expressions")
	}
	return xs, time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
}
