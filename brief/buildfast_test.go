package brief

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// TestCitesOnlyItsDoc checks the shortcut Build takes for a story of one
// doc whose lines all cite it (citesOnlyItsDoc): on real articles briefed
// one by one, citeLines run on such a brief changes no line's sources.
func TestCitesOnlyItsDoc(t *testing.T) {
	docs := testdocs.Basil(t, 30)
	taken := 0
	for _, d := range docs {
		s := &news.Story{ID: d.ID, Docs: []*news.Doc{d}}
		b, err := Build(s, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		if !citesOnlyItsDoc(b, s) {
			continue
		}
		taken++
		ds := datedStory(s)
		got := &news.Brief{Summary: slices.Clone(b.Summary), Timeline: slices.Clone(b.Timeline)}
		citeLines(got, ds, b.Entities, copies(ds.Docs))
		for i, l := range got.Summary {
			if !slices.Equal(l.Sources, b.Summary[i].Sources) {
				t.Errorf("%s: summary line %d: citeLines cites %v, the shortcut %v", d.ID, i, l.Sources, b.Summary[i].Sources)
			}
		}
		for i, e := range got.Timeline {
			if !slices.Equal(e.Sources, b.Timeline[i].Sources) {
				t.Errorf("%s: timeline entry %d: citeLines cites %v, the shortcut %v", d.ID, i, e.Sources, b.Timeline[i].Sources)
			}
		}
	}
	if taken < len(docs)/2 {
		t.Errorf("the shortcut was taken for %d of %d one-doc stories", taken, len(docs))
	}
	two := &news.Story{ID: "two", Docs: docs[:2]}
	if b, err := Build(two, DefaultConfig()); err != nil || citesOnlyItsDoc(b, two) {
		t.Errorf("a story of two docs takes the one-doc shortcut (err %v)", err)
	}
}
