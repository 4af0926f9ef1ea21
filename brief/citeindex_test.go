package brief

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// TestStatingFindsEvery checks the indexes of lineCiter against a scan
// of every sentence, on the lines (and their claims) of a brief of real
// articles: stating must list every sentence whose share of a line
// reaches the bound, and copied every sentence holding the line's text
// or making more than half of it. It checks the exact index, without
// citeCommonCap, which drops on purpose the sentences sharing only
// common words with a line.
func TestStatingFindsEvery(t *testing.T) {
	all := testdocs.Basil(t, 30)
	s := &news.Story{ID: "pile", Docs: pile(t, all, 30)}
	b, err := Build(s, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ds := datedStory(s)
	c := newLineCiter(ds, b.Entities, copies(ds.Docs))
	c.commonCap = 0
	var texts []string
	for _, l := range b.Summary {
		texts = append(texts, l.Text)
	}
	for _, e := range b.Timeline {
		texts = append(texts, e.Text)
	}
	for _, text := range slices.Clone(texts) {
		texts = append(texts, claims(text)...)
	}
	// A sentence of the pile, and a part of one, stand for copied lines.
	texts = append(texts, c.sents[0][0].text, c.sents[1][0].text[:len(c.sents[1][0].text)/2])
	checked, found := 0, 0
	for _, text := range texts {
		l := c.sentence(text)
		for w := range l.words {
			l.order = append(l.order, w)
		}
		slices.Sort(l.order)
		for _, frac := range []float64{citeOverlap, 0.25, 0.5} {
			least := min(citeShared, len(l.words))
			got := c.stating(l, frac, least, nil)
			even := c.stating(l, frac, least, func(r int32) bool { return r%2 == 0 })
			if !slices.IsSorted(got) {
				t.Errorf("stating(%q) is not in sentence order", text)
			}
			for r := range c.refs {
				_, cs := c.ref(int32(r))
				checked++
				if v := c.share(l, *cs); v == 0 || v < frac {
					continue
				}
				found++
				if _, ok := slices.BinarySearch(got, int32(r)); !ok {
					t.Errorf("stating(%q, %v) misses %q (share %.3f)", text, frac, cs.text, c.share(l, *cs))
				}
				if _, ok := slices.BinarySearch(even, int32(r)); ok != (r%2 == 0) {
					t.Errorf("stating(%q, %v) with keep: sentence %d listed %v", text, frac, r, ok)
				}
			}
		}
		folded := tidy(text)
		var want []int32
		for r := range c.refs {
			_, cs := c.ref(int32(r))
			if strings.Contains(cs.text, folded) || strings.Contains(folded, cs.text) && len(cs.text) > len(folded)/2 {
				want = append(want, int32(r))
			}
		}
		if got := c.copied(folded, l.words); !slices.Equal(got, want) {
			t.Errorf("copied(%q) = %v, want %v", folded, got, want)
		}
	}
	if found == 0 {
		t.Fatalf("no sentence of %d states a line: the check checks nothing", checked)
	}
	t.Logf("%d lines, %d sentence checks, %d stating", len(texts), checked, found)
}

// BenchmarkCiteLines times citeLines alone on the lines of the brief of
// each pile of BenchmarkBuildClusters (each run on a fresh copy of the
// lines and the sources they were built with), with citeCommonCap and
// without it (cap=0, the exact index), and reports the work done: the
// posting entries and sentence words the index read (reads/op) and the
// sentences the model compared (pairs/op). The work's growth from N=100
// to N=300, against the pile's (3.0 times), says whether citing grows
// linearly; it does not depend on the machine's load, as time does.
//
//	go test -run XXX -bench 'CiteLines$' ./brief
func BenchmarkCiteLines(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		s := &news.Story{ID: "pile", Docs: clusterPile(b, all, n)}
		br, err := Build(s, DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		ds := datedStory(s)
		orig := copies(ds.Docs)
		for _, capped := range []int{0, citeCommonCap} {
			b.Run(fmt.Sprintf("N=%d/cap=%d", n, capped), func(b *testing.B) {
				cpu := testutil.CPUTime()
				reads, pairs := 0, 0
				for b.Loop() {
					x := &news.Brief{Summary: slices.Clone(br.Summary), Timeline: slices.Clone(br.Timeline)}
					c := newLineCiter(ds, br.Entities, orig)
					c.commonCap = capped
					c.citeAll(x)
					reads += c.reads
					pairs += c.pairs
				}
				b.ReportMetric(float64(testutil.CPUTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
				b.ReportMetric(float64(reads)/float64(b.N), "reads/op")
				b.ReportMetric(float64(pairs)/float64(b.N), "pairs/op")
			})
		}
	}
}

// BenchmarkTimeline times the timeline alone on the piles of
// BenchmarkBuildClusters.
func BenchmarkTimeline(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		ds := datedStory(&news.Story{ID: "pile", Docs: clusterPile(b, all, n)})
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) {
			timeline(ds)
		})
	}
}

// TestAnchorDaysWithin checks that within lists, in order, every entry
// whose anchor addUndated would read for an undated day.
func TestAnchorDaysWithin(t *testing.T) {
	base := time.Date(2011, 10, 1, 0, 0, 0, 0, time.UTC)
	a := newAnchorDays()
	var ms []*candidate
	for k := 0; k < 200; k++ {
		st := base.AddDate(0, 0, (k*37)%90)
		en := st.Add(time.Duration(k%3) * 7 * 24 * time.Hour) // a day, a week, two weeks
		if k%11 == 0 {
			en = st.AddDate(0, 1, -1) // a month
		}
		m := &candidate{start: st, end: en}
		a.add(k, m)
		ms = append(ms, m)
	}
	for d := -40; d < 130; d++ {
		day := base.AddDate(0, 0, d)
		from := day.Add(-undatedBefore * 24 * time.Hour)
		got := a.within(from, day, len(ms))
		if !slices.IsSorted(got) {
			t.Fatalf("day %d: within is not in order", d)
		}
		for k, m := range ms {
			reads := !(m.start.After(day) || day.Sub(m.end) > undatedBefore*24*time.Hour)
			if _, listed := slices.BinarySearch(got, k); reads && !listed {
				t.Errorf("day %d: entry %d (%s–%s) not listed", d, k, m.start.Format("01-02"), m.end.Format("01-02"))
			}
		}
	}
	a.add(len(ms), &candidate{start: base, end: base.AddDate(5, 0, 0)})
	if got := a.within(base, base, len(ms)+1); len(got) != len(ms)+1 {
		t.Errorf("with an anchor of five years, within lists %d entries, want all %d", len(got), len(ms)+1)
	}
}
