package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// testStorySentences: StorySentences lists a story's docs in placement
// order with their sentences' text, and follows a doc analysed again.
func testStorySentences(t *testing.T, s store.Store) {
	ctx := context.Background()
	two := func(key, text string, cut int) *news.Doc {
		d := Doc(key, "X", "T "+key, text, day("2017-09-27"))
		d.ID = "id-" + key
		d.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: cut}}, {Span: news.Span{Start: cut + 1, End: len(text)}}}
		return d
	}
	put(t, s, two("b", "First of b. Second of b.", 11), "sA", "")
	put(t, s, two("a", "One. Two.", 4), "sA", "")
	put(t, s, Doc("c", "Y", "other story", "Elsewhere.", day("2017-09-27")), "sB", "")
	got := collect(t, s.StorySentences(ctx, "sA"))
	want := []store.DocSentences{
		{Key: "b", ID: "id-b", Sentences: []string{"First of b.", "Second of b."}},
		{Key: "a", ID: "id-a", Sentences: []string{"One.", "Two."}},
	}
	if len(got) != len(want) {
		t.Fatalf("StorySentences(sA) = %d docs, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Key != want[i].Key || got[i].ID != want[i].ID || !slices.Equal(got[i].Sentences, want[i].Sentences) {
			t.Errorf("StorySentences(sA)[%d] = %+v, want %+v", i, *got[i], want[i])
		}
	}
	// A doc analysed again replaces its sentences.
	d := two("a", "One. Two.", 4)
	d.Sentences = d.Sentences[:1]
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.PutDoc(ctx, d) }); err != nil {
		t.Fatal(err)
	}
	got = collect(t, s.StorySentences(ctx, "sA"))
	if len(got) != 2 || !slices.Equal(got[1].Sentences, []string{"One."}) {
		t.Errorf("after a new analysis: %+v", got)
	}
	if got := collect(t, s.StorySentences(ctx, "nosuch")); len(got) != 0 {
		t.Errorf("StorySentences(nosuch) = %d docs, want none", len(got))
	}
}

// testBriefAt: BriefAt finds the brief a story had at a time, the last
// one of its hour.
func testBriefAt(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("a1", "X", "First", "Text one.", day("2017-09-27")), "sA", "")
	before := time.Now().Add(-time.Hour)
	if _, err := s.BriefAt(ctx, "sA", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt before any brief: %v, want ErrNotFound", err)
	}
	putBrief := func(rev int64, body string) *store.Brief {
		b := &store.Brief{Story: "sA", Revision: rev, JSON: []byte(body)}
		if err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.PutBrief(ctx, b); return err }); err != nil {
			t.Fatal(err)
		}
		return b
	}
	b1 := putBrief(1, `{"v":1}`)
	got, err := s.BriefAt(ctx, "sA", b1.Built)
	if err != nil || got.Revision != 1 || string(got.JSON) != `{"v":1}` || !got.Built.Equal(b1.Built) {
		t.Errorf("BriefAt(built) = %+v, %v; want revision 1", got, err)
	}
	if _, err := s.BriefAt(ctx, "sA", b1.Built.Add(-time.Nanosecond)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt before the first brief: %v, want ErrNotFound", err)
	}
	if _, err := s.BriefAt(ctx, "sA", before); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt an hour before: %v, want ErrNotFound", err)
	}
	put(t, s, Doc("a2", "Y", "Second", "Text two.", day("2017-09-28")), "sA", "")
	b2 := putBrief(2, `{"v":2}`)
	got, err = s.BriefAt(ctx, "sA", b2.Built.Add(time.Hour))
	if err != nil || got.Revision != 2 {
		t.Errorf("BriefAt(later) = %+v, %v; want revision 2", got, err)
	}
	if _, err := s.BriefAt(ctx, "sB", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt of a story without briefs: %v, want ErrNotFound", err)
	}
}
