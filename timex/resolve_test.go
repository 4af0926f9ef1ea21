package timex_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

func ExampleResolve() {
	a := &news.Article{ID: "x", Text: "The talks ended on Monday. They resume Oct. 23."}
	d, _ := analyze.Chain{analyze.Segment}.Doc(a)
	timex.Find(d, time.Time{}) // found once, with no date to read it against
	for _, x := range d.Timexes {
		bare, _ := timex.Resolve(x, time.Time{})
		v1, _ := timex.Resolve(x, time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC))
		v2, _ := timex.Resolve(x, time.Date(2011, 10, 20, 0, 0, 0, 0, time.UTC))
		fmt.Printf("%s (%s, tense %d): %s, %s, %s\n", x.Text, x.Relative.Kind, x.Tense, bare, v1, v2)
	}
	// Output:
	// Monday (weekday, tense -1): XXXX-WXX-1, 2017-09-25, 2011-10-17
	// Oct. 23 (month_day, tense 0): XXXX-10-23, 2017-10-23, 2011-10-23
}

// fidelityDocs reads the BASIL articles through segmentation.
func fidelityDocs(tb testing.TB, n int) []*news.Doc {
	root := testutil.Data(tb, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.json"))
	if len(files) == 0 {
		tb.Skipf("timex: BASIL data missing at %s", root)
	}
	sort.Strings(files)
	var docs []*news.Doc
	for _, f := range files {
		for a, err := range ingest.Read(f) {
			if err != nil {
				continue
			}
			d, err := analyze.Chain{analyze.Segment}.Doc(a)
			if err == nil {
				docs = append(docs, d)
			}
		}
		if len(docs) >= n {
			break
		}
	}
	return docs
}

// TestResolveFidelity checks that finding once and resolving against
// another anchor gives what finding against that anchor gives: the brief
// relies on it when it re-dates an article. It measures the share of
// expressions (found against both anchors, by span) whose value and
// future flag agree, on BASIL articles, and holds it at a floor.
func TestResolveFidelity(t *testing.T) {
	docs := fidelityDocs(t, 300)
	shifts := []int{-400, -40, -9, -3, -1, 1, 2, 5, 13, 60, 200}
	same, total, futSame := 0, 0, 0
	fromZero, zeroTotal := 0, 0
	for _, d := range docs {
		a0 := d.StatedDate
		if a0.IsZero() {
			continue
		}
		found := *d
		timex.Find(&found, a0)
		bare := *d
		timex.Find(&bare, time.Time{})
		for _, sh := range shifts {
			a := a0.AddDate(0, 0, sh)
			want := *d
			timex.Find(&want, a)
			at := map[news.Span]news.Timex{}
			for _, x := range want.Timexes {
				at[x.Span] = x
			}
			for _, x := range found.Timexes {
				w, ok := at[x.Span]
				if !ok {
					continue
				}
				total++
				v, f := timex.Resolve(x, a)
				if v == w.Value {
					same++
				} else if testing.Verbose() && sh == 1 {
					t.Logf("%s %q: resolved %q, found %q (%+v)", d.ID, x.Text, v, w.Value, x.Relative)
				}
				if f == w.Future {
					futSame++
				}
			}
			for _, x := range bare.Timexes {
				w, ok := at[x.Span]
				if !ok {
					continue
				}
				zeroTotal++
				if v, _ := timex.Resolve(x, a); v == w.Value {
					fromZero++
				}
			}
		}
	}
	if total == 0 {
		t.Skip("timex: no dated articles")
	}
	vs, fs, zs := float64(same)/float64(total), float64(futSame)/float64(total), float64(fromZero)/float64(zeroTotal)
	t.Logf("%d docs, %d expression readings: value agrees %.2f%%, future %.2f%%; found without anchor: %.2f%% of %d", len(docs), total, 100*vs, 100*fs, 100*zs, zeroTotal)
	if vs < 0.995 || fs < 0.995 || zs < 0.98 {
		t.Errorf("resolving does not reproduce finding: value %.4f, future %.4f, from no anchor %.4f", vs, fs, zs)
	}
}

// BenchmarkResolve reads every expression of BASIL articles against a
// new anchor, one expression per iteration.
func BenchmarkResolve(b *testing.B) {
	docs := fidelityDocs(b, 60)
	var xs []news.Timex
	for _, d := range docs {
		timex.Find(d, time.Time{})
		xs = append(xs, d.Timexes...)
	}
	if len(xs) == 0 {
		b.Skip("timex: no expressions")
	}
	anchor := time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
	i := 0
	for b.Loop() {
		timex.Resolve(xs[i%len(xs)], anchor.AddDate(0, 0, i%30))
		i++
	}
}

// BenchmarkFind finds the expressions of BASIL articles, one article per
// iteration: what Resolve saves each time the brief re-reads a doc.
func BenchmarkFind(b *testing.B) {
	docs := fidelityDocs(b, 60)
	anchor := time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
	i := 0
	for b.Loop() {
		timex.Find(docs[i%len(docs)], anchor)
		i++
	}
}

// BenchmarkResolveRelative reads the expressions of BASIL articles that
// depend on the anchor (with a Relative) against a new anchor, one per
// iteration, as the brief's date scorer reads an undated article against
// its candidate days.
func BenchmarkResolveRelative(b *testing.B) {
	xs, anchor := relativeTimexes(b)
	i := 0
	for b.Loop() {
		timex.Resolve(xs[i%len(xs)], anchor.AddDate(0, 0, i%30))
		i++
	}
}
