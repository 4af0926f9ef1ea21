// Package storetest is the one test suite every store.Store backend
// passes. A backend's test calls Run with a function that opens a new,
// empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
//			...
//			t.Cleanup(func() { s.Close() })
//			return s
//		})
//	}
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// Run runs the suite; open must return a new, empty store each time.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"ArticleIdempotent", testArticleIdempotent},
		{"NotFound", testNotFound},
		{"DocRoundTrip", testDocRoundTrip},
		{"DocsInOneUpdate", testDocsInOneUpdate},
		{"Sketches", testSketches},
		{"Window", testWindow},
		{"Stories", testStories},
		{"StoryPages", testStoryPages},
		{"MoveAndDuplicate", testMoveAndDuplicate},
		{"Merge", testMerge},
		{"Briefs", testBriefs},
		{"Search", testSearch},
		{"Rollback", testRollback},
		{"State", testState},
		{"ConcurrentWriters", testConcurrentWriters},
		{"StorySentences", testStorySentences},
		{"BriefAt", testBriefAt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// OnlyStory returns the one story s holds, and fails t when it holds
// none or several.
func OnlyStory(t testing.TB, s store.Store) *store.Story {
	t.Helper()
	var all []*store.Story
	for st, err := range s.Stories(context.Background(), store.StoryQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, st)
	}
	if len(all) != 1 {
		t.Fatalf("%d stories, want 1: %+v", len(all), all)
	}
	return all[0]
}

// Doc makes a small analysed-looking doc for tests.
func Doc(key, outlet, title, text string, date time.Time) *news.Doc {
	d := &news.Doc{Article: news.Article{
		ID: key, Key: key, Outlet: outlet, Title: title, Text: text, StatedDate: date,
		Paragraphs: []news.Span{{Start: 0, End: len(text)}},
	}}
	d.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: len(text)}, EndToken: 1}}
	d.Tokens = []news.Token{{Span: news.Span{Start: 0, End: len(text)}}}
	d.Analyzer = "storetest/1"
	return d
}

// put stores d in story (and as a duplicate of dup) in one update.
func put(t *testing.T, s store.Store, d *news.Doc, story, dup string) int64 {
	t.Helper()
	var seq int64
	err := s.Update(context.Background(), func(tx store.Tx) error {
		ctx := context.Background()
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		if dup != "" {
			if err := tx.LinkDuplicate(ctx, d.Key, dup); err != nil {
				return err
			}
		}
		var err error
		seq, err = tx.Assign(ctx, d.Key, story)
		return err
	})
	if err != nil {
		t.Fatalf("storing %s: %v", d.Key, err)
	}
	return seq
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatalf("listing: %v", err)
		}
		out = append(out, v)
	}
	return out
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func testArticleIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := &news.Article{ID: "a.txt", Key: "https://example.com/a", Title: "Talks resume", Text: "The talks resumed in Baghdad.", StatedDate: day("2017-09-27")}
	var added []bool
	for range 2 {
		err := s.Update(ctx, func(tx store.Tx) error {
			ok, err := tx.PutArticle(ctx, a)
			added = append(added, ok)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(added, []bool{true, false}) {
		t.Errorf("added = %v, want [true false]", added)
	}
	got, err := s.Article(ctx, a.Key)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Title != a.Title || got.ID != a.ID || !got.StatedDate.Equal(a.StatedDate) {
		t.Errorf("Article = %+v, want %+v", got, a)
	}
	if ok, err := s.HasArticle(ctx, a.Key); !ok || err != nil {
		t.Errorf("HasArticle = %v, %v", ok, err)
	}
	// HasArticles: many keys at once, more than one query's worth.
	keys := []string{"nope"}
	for i := range 150 {
		keys = append(keys, fmt.Sprintf("absent-%d", i))
	}
	keys = append(keys, a.Key, "nope", a.Key)
	if got, err := s.HasArticles(ctx, keys); err != nil || len(got) != 1 || !got[a.Key] {
		t.Errorf("HasArticles = %v, %v; want only %q", got, err, a.Key)
	}
	if got, err := s.HasArticles(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("HasArticles(none) = %v, %v", got, err)
	}
	if n := len(collect(t, s.Search(ctx, store.SearchQuery{Text: "Baghdad"}))); n != 1 {
		t.Errorf("an article put twice is found %d times", n)
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &news.Article{ID: "nokey"})
		return err
	})
	if err == nil {
		t.Error("PutArticle took an article without a key")
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	check := func(what string, v any, err error) {
		t.Helper()
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", what, err)
		}
		if err != nil && !strings.Contains(err.Error(), "nope") {
			t.Errorf("%s: error %q does not name the missing key", what, err)
		}
		_ = v
	}
	a, err := s.Article(ctx, "nope")
	check("Article", a, err)
	if a != nil {
		t.Error("Article returned a value with its error")
	}
	d, err := s.Doc(ctx, "nope")
	check("Doc", d, err)
	st, err := s.Story(ctx, "nope")
	check("Story", st, err)
	b, err := s.Brief(ctx, "nope")
	check("Brief", b, err)
	_, err = s.State(ctx, "nope")
	check("State", nil, err)
	if ok, err := s.HasArticle(ctx, "nope"); ok || err != nil {
		t.Errorf("HasArticle = %v, %v", ok, err)
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		return tx.PutDoc(ctx, Doc("nope", "", "", "text", time.Time{}))
	})
	check("PutDoc without its article", nil, err)
	err = s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Assign(ctx, "nope", "s1")
		return err
	})
	check("Assign of a missing doc", nil, err)
	err = s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutBrief(ctx, &store.Brief{Story: "nope", Revision: 1, JSON: []byte("{}")})
		return err
	})
	check("PutBrief of a missing story", nil, err)
	if n := len(collect(t, s.Stories(ctx, store.StoryQuery{}))); n != 0 {
		t.Errorf("an empty store lists %d stories", n)
	}
}

func testDocRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("k1", "Xinhua", "Iraq talks", "Bagheri met al-Ghanmi in Baghdad.", day("2017-09-27"))
	d.Mentions = []news.Mention{{Span: news.Span{Start: 0, End: 7}, Text: "Bagheri", Type: news.Person, Entity: 0}}
	d.Entities = []news.Entity{{Name: "Bagheri", Type: news.Person, Forms: []string{"Bagheri"}}}
	d.Timexes = []news.Timex{{Span: news.Span{Start: 1, End: 2}, Type: "DATE", Value: "2017-09-27"}}
	d.Quotes = []news.Quote{{Content: news.Span{Start: 0, End: 5}, Speaker: "Bagheri", SpeakerMention: 0}}
	d.Date = day("2017-09-28")
	d.DateStatus = news.DateStated
	seq := put(t, s, d, "s1", "")
	if seq <= 0 {
		t.Errorf("Assign returned seq %d", seq)
	}
	got, err := s.Doc(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Story != "s1" || got.Seq != seq || got.DuplicateOf != "" {
		t.Errorf("Doc placement = %q %d %q", got.Story, got.Seq, got.DuplicateOf)
	}
	if got.Text != d.Text || got.Analyzer != d.Analyzer || len(got.Mentions) != 1 || got.Mentions[0].Text != "Bagheri" ||
		len(got.Timexes) != 1 || got.Timexes[0].Value != "2017-09-27" || len(got.Quotes) != 1 || !got.Date.Equal(d.Date) ||
		len(got.Tokens) != 1 || len(got.Sentences) != 1 || got.Entities[0].Name != "Bagheri" {
		t.Errorf("Doc layers did not survive: %+v", got.Doc)
	}
	// Putting the doc again (a new analyzer) replaces it.
	d2 := *d
	d2.Analyzer = "storetest/2"
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.PutDoc(ctx, &d2) }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Doc(ctx, "k1"); got == nil || got.Analyzer != "storetest/2" || got.Story != "s1" {
		t.Errorf("re-put doc = %+v", got)
	}
	// A doc whose text is not its article's keeps its own, in every
	// listing.
	d3 := *d
	d3.Text = "Bagheri met al-Ghanmi in Baghdad on Wednesday."
	d3.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: len(d3.Text)}}}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.PutDoc(ctx, &d3) }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Doc(ctx, "k1"); got == nil || got.Text != d3.Text {
		t.Errorf("a doc with a text of its own = %+v", got)
	}
	if got := collect(t, s.Docs(ctx, store.DocQuery{Sketch: true})); len(got) != 1 || got[0].Text != d3.Text {
		t.Errorf("the sketch of a doc with a text of its own = %+v", got)
	}
	if got := collect(t, s.StorySentences(ctx, "s1")); len(got) != 1 || !slices.Equal(got[0].Sentences, []string{d3.Text}) {
		t.Errorf("the sentences of a doc with a text of its own = %+v", got)
	}
	if a, _ := s.Article(ctx, "k1"); a == nil || a.Text != d.Text {
		t.Errorf("the article changed with its doc: %+v", a)
	}
}

// testDocsInOneUpdate: within one update, a doc stored and not placed
// is kept unplaced, one listed by the transaction is there to list,
// and one stored twice keeps the second; each is read back whole.
func testDocsInOneUpdate(t *testing.T, s store.Store) {
	ctx := context.Background()
	u1 := Doc("u1", "X", "Unplaced", "Never placed.", day("2020-01-01"))
	u2 := Doc("u2", "X", "Listed", "Listed before placed.", day("2020-01-02"))
	u3 := Doc("u3", "Y", "Twice", "Stored twice.", day("2020-01-03"))
	u3b := *u3
	u3b.Analyzer = "storetest/2"
	var listed []*store.Doc
	err := s.Update(ctx, func(tx store.Tx) error {
		for _, d := range []*news.Doc{u1, u2, u3} {
			if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
		}
		for d, err := range tx.Docs(ctx, store.DocQuery{}) {
			if err != nil {
				return err
			}
			listed = append(listed, d)
		}
		if err := tx.PutDoc(ctx, &u3b); err != nil {
			return err
		}
		if _, err := tx.Assign(ctx, "u2", "sX"); err != nil {
			return err
		}
		if err := tx.LinkDuplicate(ctx, "u3", "u2"); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, "u3", "sX")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Docs lists placed docs (seq above After, 0): none was placed yet.
	if len(listed) != 0 {
		t.Errorf("tx.Docs before any placement = %d docs, want none", len(listed))
	}
	if got, err := s.Doc(ctx, "u1"); err != nil || got.Story != "" || got.Seq != 0 || got.Text != u1.Text || len(got.Sentences) != 1 {
		t.Errorf("unplaced doc = %+v, %v", got, err)
	}
	if got, err := s.Doc(ctx, "u2"); err != nil || got.Story != "sX" || got.Seq != 1 || got.Text != u2.Text {
		t.Errorf("doc listed, then placed = %+v, %v", got, err)
	}
	if got, err := s.Doc(ctx, "u3"); err != nil || got.Story != "sX" || got.Seq != 2 || got.Analyzer != "storetest/2" || got.DuplicateOf != "u2" {
		t.Errorf("doc stored twice, then placed = %+v, %v", got, err)
	}
	st, err := s.Story(ctx, "sX")
	if err != nil || st.Articles != 2 || st.Sources != 1 || st.Outlets != 2 || st.First != "2020-01-02" || st.Last != "2020-01-03" {
		t.Errorf("story = %+v, %v", st, err)
	}
	got := collect(t, s.StorySentences(ctx, "sX"))
	if len(got) != 2 || got[0].Key != "u2" || !slices.Equal(got[1].Sentences, []string{u3.Text}) {
		t.Errorf("StorySentences(sX) = %+v", got)
	}
}

// testSketches: DocQuery.Sketch lists what placing reads (tokens,
// mentions, entities, dates, metadata) without the text and the other
// layers, in and out of a transaction, and follows moves as Docs does.
func testSketches(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("k1", "Xinhua", "Iraq talks", "Bagheri met al-Ghanmi in Baghdad.", day("2017-09-27"))
	d.Mentions = []news.Mention{{Span: news.Span{Start: 0, End: 7}, Text: "Bagheri", Type: news.Person, Entity: 0}}
	d.Entities = []news.Entity{{Name: "Bagheri", Type: news.Person, Forms: []string{"Bagheri"}}}
	d.Timexes = []news.Timex{{Span: news.Span{Start: 1, End: 2}, Type: "DATE", Value: "2017-09-27"}}
	d.Quotes = []news.Quote{{Content: news.Span{Start: 0, End: 5}, Speaker: "Bagheri"}}
	d.Date = day("2017-09-28")
	seq1 := put(t, s, d, "s1", "")
	put(t, s, Doc("k2", "IRNA", "More talks", "Talks again.", time.Time{}), "s2", "")
	check := func(what string, got []*store.Doc) {
		t.Helper()
		if len(got) != 2 || got[0].Key != "k1" || got[1].Key != "k2" || got[0].Story != "s1" || got[0].Seq != seq1 {
			t.Fatalf("%s: %d sketches %+v", what, len(got), got)
		}
		g := got[0]
		if g.Text != d.Text || g.Paragraphs != nil || g.Timexes != nil || g.Quotes != nil {
			t.Errorf("%s: the sketch lost its text or keeps layers placing does not read: %+v", what, g.Doc)
		}
		if g.Title != "Iraq talks" || g.Outlet != "Xinhua" || !g.StatedDate.Equal(d.StatedDate) || !g.Date.Equal(d.Date) ||
			len(g.Tokens) != 1 || g.Tokens[0].In(d.Text) != d.Text || len(g.Sentences) != 1 ||
			len(g.Mentions) != 1 || g.Mentions[0].Text != "Bagheri" || len(g.Entities) != 1 || g.Entities[0].Name != "Bagheri" {
			t.Errorf("%s: the sketch lost what placing reads: %+v", what, g.Doc)
		}
	}
	check("Docs", collect(t, s.Docs(ctx, store.DocQuery{Sketch: true})))
	err := s.Update(ctx, func(tx store.Tx) error {
		check("Tx.Docs", collect(t, tx.Docs(ctx, store.DocQuery{Sketch: true})))
		if got := collect(t, tx.Docs(ctx, store.DocQuery{Sketch: true, After: seq1})); len(got) != 1 || got[0].Key != "k2" {
			t.Errorf("Tx.Docs after %d = %+v, want k2", seq1, got)
		}
		_, err := tx.Assign(ctx, "k1", "s2")
		if err != nil {
			return err
		}
		got := collect(t, tx.Docs(ctx, store.DocQuery{Sketch: true, After: seq1}))
		if len(got) != 2 || got[1].Key != "k1" || got[1].Story != "s2" {
			t.Errorf("Tx.Docs after a move = %+v, want k2 then k1 in s2", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The whole doc is still there.
	if got, err := s.Doc(ctx, "k1"); err != nil || got.Text != d.Text || len(got.Timexes) != 1 {
		t.Errorf("Doc after sketching: %+v, %v", got, err)
	}
}

// testWindow: DocQuery.Window keeps the docs of the stories with a doc
// dated within the window of the newest doc, and of undated stories,
// all of their docs, in placement order; Through and LastSeq bound a
// listing.
func testWindow(t *testing.T, s store.Store) {
	ctx := context.Background()
	keys := func(ds []*store.Doc) string {
		var k []string
		for _, d := range ds {
			k = append(k, d.Key)
		}
		return strings.Join(k, " ")
	}
	if seq, err := s.LastSeq(ctx); seq != 0 || err != nil {
		t.Errorf("LastSeq of an empty store = %d, %v", seq, err)
	}
	if got := collect(t, s.Docs(ctx, store.DocQuery{Window: time.Hour})); len(got) != 0 {
		t.Errorf("an empty store's window holds %s", keys(got))
	}
	put(t, s, Doc("a1", "X", "A", "Old story begins.", day("2020-01-01")), "A", "")
	put(t, s, Doc("u1", "X", "U", "Undated story.", time.Time{}), "U", "")
	put(t, s, Doc("b1", "X", "B", "Story that runs long.", day("2020-02-01")), "B", "")
	put(t, s, Doc("a2", "X", "A", "Old story ends.", day("2020-03-01")), "A", "")
	put(t, s, Doc("c1", "X", "C", "Story on the window's first day.", day("2021-05-02")), "C", "")
	put(t, s, Doc("b2", "X", "B", "It goes on.", day("2021-05-20")), "B", "")
	last := put(t, s, Doc("d1", "X", "D", "The newest doc.", day("2021-06-01")), "D", "")
	if seq, err := s.LastSeq(ctx); seq != last || err != nil {
		t.Errorf("LastSeq = %d, %v; want %d", seq, err, last)
	}
	got := collect(t, s.Docs(ctx, store.DocQuery{Window: 30 * 24 * time.Hour, Sketch: true}))
	if k := keys(got); k != "u1 b1 c1 b2 d1" {
		t.Errorf("window of 30 days: %s, want u1 b1 c1 b2 d1", k)
	}
	got = collect(t, s.Docs(ctx, store.DocQuery{Window: 30 * 24 * time.Hour, Through: last - 1}))
	if k := keys(got); k != "u1 b1 c1 b2" {
		t.Errorf("window through %d: %s, want u1 b1 c1 b2", last-1, k)
	}
	got = collect(t, s.Docs(ctx, store.DocQuery{Window: 3 * 365 * 24 * time.Hour}))
	if len(got) != 7 {
		t.Errorf("a window of three years: %s, want all seven", keys(got))
	}
}

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("a1", "Xinhua", "Talks in Baghdad", "Iran and Iraq held talks.", day("2017-09-27")), "sA", "")
	put(t, s, Doc("b1", "Reuters", "Floods in Dhaka", "Floods hit Dhaka.", day("2020-07-01")), "sB", "")
	put(t, s, Doc("a2", "IRNA", "Baghdad talks go on", "The talks went on in Baghdad.", day("2017-09-29")), "sA", "")
	put(t, s, Doc("a3", "IRNA", "More talks", "Talks again.", time.Time{}), "sA", "")

	st, err := s.Story(ctx, "sA")
	if err != nil {
		t.Fatal(err)
	}
	want := store.Story{ID: "sA", Title: "Talks in Baghdad", First: "2017-09-27", Last: "2017-09-29", Articles: 3, Sources: 3, Outlets: 2, Revision: 3}
	if st.ID != want.ID || st.Title != want.Title || st.First != want.First || st.Last != want.Last ||
		st.Articles != want.Articles || st.Sources != want.Sources || st.Outlets != want.Outlets || st.Revision != want.Revision || st.BriefRevision != 0 {
		t.Errorf("Story = %+v\nwant %+v", st, want)
	}
	if st.Updated.IsZero() || time.Since(st.Updated) > time.Hour {
		t.Errorf("Story.Updated = %v", st.Updated)
	}
	var ids []string
	for _, st := range collect(t, s.Stories(ctx, store.StoryQuery{})) {
		ids = append(ids, st.ID)
	}
	if !slices.Equal(ids, []string{"sA", "sB"}) {
		t.Errorf("Stories = %v, want the latest changed first [sA sB]", ids)
	}
	ids = nil
	for _, st := range collect(t, s.Stories(ctx, store.StoryQuery{Since: day("2018-01-01")})) {
		ids = append(ids, st.ID)
	}
	if !slices.Equal(ids, []string{"sB"}) {
		t.Errorf("Stories since 2018 = %v, want [sB]", ids)
	}
	ids = nil
	for _, st := range collect(t, s.Stories(ctx, store.StoryQuery{Query: "flood"})) {
		ids = append(ids, st.ID)
	}
	if !slices.Equal(ids, []string{"sB"}) {
		t.Errorf("Stories matching flood = %v, want [sB]", ids)
	}
	if n := len(collect(t, s.Stories(ctx, store.StoryQuery{Query: "«»"}))); n != 0 {
		t.Errorf("a query without words matches %d stories", n)
	}
	ids = nil
	for _, st := range collect(t, s.Stories(ctx, store.StoryQuery{Stale: true})) {
		ids = append(ids, st.ID)
	}
	if len(ids) != 2 {
		t.Errorf("stale stories = %v, want both (no briefs yet)", ids)
	}
	var keys []string
	for d := range s.Docs(ctx, store.DocQuery{Story: "sA"}) {
		if d == nil {
			t.Fatal("nil doc")
		}
		keys = append(keys, d.Key)
	}
	if !slices.Equal(keys, []string{"a1", "a2", "a3"}) {
		t.Errorf("Docs of sA = %v", keys)
	}
	keys = nil
	for d, err := range s.Docs(ctx, store.DocQuery{After: 1, Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, d.Key)
	}
	if !slices.Equal(keys, []string{"b1", "a2"}) {
		t.Errorf("Docs after 1, 2 of them = %v", keys)
	}
	// Breaking out of an iterator releases it: the store still works.
	for range s.Docs(ctx, store.DocQuery{}) {
		break
	}
	put(t, s, Doc("b2", "AP", "Dhaka", "Rain.", day("2020-07-02")), "sB", "")
	if bad := collect2(s.Stories(ctx, store.StoryQuery{Cursor: "not a cursor"})); bad == nil {
		t.Error("a bad cursor gave no error")
	}
}

// collect2 returns the first error of a listing.
func collect2[T any](seq func(func(T, error) bool)) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

func testStoryPages(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 7
	for i := range n {
		put(t, s, Doc(fmt.Sprintf("k%d", i), "O", fmt.Sprintf("Story %d", i), "Text.", day("2021-01-01").AddDate(0, 0, i)), fmt.Sprintf("s%d", i), "")
	}
	var seen []string
	cursor := ""
	pages := 0
	for {
		page := collect(t, s.Stories(ctx, store.StoryQuery{Limit: 3, Cursor: cursor}))
		if len(page) == 0 {
			break
		}
		pages++
		for _, st := range page {
			seen = append(seen, st.ID)
		}
		cursor = page[len(page)-1].Cursor
		if pages > n {
			t.Fatal("paging does not end")
		}
	}
	want := []string{"s6", "s5", "s4", "s3", "s2", "s1", "s0"}
	if !slices.Equal(seen, want) || pages != 3 {
		t.Errorf("pages of 3 gave %v in %d pages, want %v in 3", seen, pages, want)
	}
}

func testMoveAndDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("orig", "AP", "Quake", "A quake struck.", day("2022-02-02")), "sQ", "")
	put(t, s, Doc("copy", "Yahoo", "Quake", "A quake struck.", day("2022-02-02")), "sQ", "orig")
	st, err := s.Story(ctx, "sQ")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Sources != 1 {
		t.Errorf("a story with a duplicate has %d articles, %d sources; want 2, 1", st.Articles, st.Sources)
	}
	if d, _ := s.Doc(ctx, "copy"); d == nil || d.DuplicateOf != "orig" {
		t.Errorf("Doc(copy).DuplicateOf = %+v", d)
	}
	put(t, s, Doc("other", "AP", "Other", "Other.", day("2022-02-03")), "sO", "")
	// Move "copy" to sO: both stories change.
	if err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Assign(ctx, "copy", "sO")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	q, _ := s.Story(ctx, "sQ")
	o, _ := s.Story(ctx, "sO")
	if q == nil || o == nil || q.Articles != 1 || o.Articles != 2 || q.Revision != 3 || o.Revision != 2 {
		t.Errorf("after a move: sQ %+v, sO %+v", q, o)
	}
	// Moving the last doc out empties a story, which is then not listed.
	if err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.Assign(ctx, "orig", "sO")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Story(ctx, "sQ"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an emptied story: err = %v, want ErrNotFound", err)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.LinkDuplicate(ctx, "orig", "orig") }); err == nil {
		t.Error("a doc was linked as its own duplicate")
	}
}

func testBriefs(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("a1", "X", "First title", "Text one.", day("2017-09-27")), "sA", "")
	put(t, s, Doc("a2", "Y", "Second", "Text two.", day("2017-09-28")), "sA", "")
	putBrief := func(rev int64, title, body, first, last string) bool {
		var ok bool
		err := s.Update(ctx, func(tx store.Tx) error {
			var err error
			ok, err = tx.PutBrief(ctx, &store.Brief{Story: "sA", Revision: rev, Title: title, JSON: []byte(body), First: first, Last: last})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !putBrief(1, "", `{"v":1}`, "", "") {
		t.Error("first brief not put")
	}
	if !putBrief(2, "Brief title", `{"v":2}`, "2017-09-20", "2017-09-30") {
		t.Error("later brief not put")
	}
	if putBrief(1, "Old", `{"v":1}`, "", "") {
		t.Error("an older brief replaced a newer one")
	}
	b, err := s.Brief(ctx, "sA")
	if err != nil {
		t.Fatal(err)
	}
	if b.Revision != 2 || string(b.JSON) != `{"v":2}` || b.Title != "Brief title" || b.Built.IsZero() {
		t.Errorf("Brief = %+v %s", b, b.JSON)
	}
	st, _ := s.Story(ctx, "sA")
	if st == nil || st.Title != "Brief title" || st.BriefRevision != 2 || st.Revision != 2 || st.First != "2017-09-20" || st.Last != "2017-09-30" {
		t.Errorf("Story after its brief = %+v", st)
	}
	if n := len(collect(t, s.Stories(ctx, store.StoryQuery{Stale: true}))); n != 0 {
		t.Errorf("%d stale stories, want 0", n)
	}
	put(t, s, Doc("a3", "Z", "Third", "Text three.", day("2017-09-29")), "sA", "")
	if n := len(collect(t, s.Stories(ctx, store.StoryQuery{Stale: true}))); n != 1 {
		t.Errorf("%d stale stories after a new doc, want 1", n)
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("a1", "Xinhua", "Iran, Iraq army chiefs meet", "Major General Mohammad Bagheri met Iraqi army chief Othman al-Ghanmi in Tehran on Wednesday.", day("2017-09-27")), "sA", "")
	put(t, s, Doc("b1", "Reuters", "Floods", "Heavy floods were reported in Dhaka after monsoon rains.", day("2020-07-01")), "sB", "")
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &news.Article{ID: "loose", Key: "loose", Title: "Unplaced", Text: "An article about Tehran not yet analysed."})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "Bagheri"}))
	if len(hits) != 1 || hits[0].Key != "a1" || hits[0].Story != "sA" || hits[0].Outlet != "Xinhua" || hits[0].Date != "2017-09-27" || hits[0].Title != "Iran, Iraq army chiefs meet" {
		t.Fatalf("Search(Bagheri) = %+v", hits)
	}
	if !strings.Contains(hits[0].Snippet, "Bagheri") {
		t.Errorf("snippet %q lacks the word found", hits[0].Snippet)
	}
	// Stemming: "flooding" finds "floods"; every word must match.
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "flooding Dhaka"})); len(hits) != 1 || hits[0].Key != "b1" {
		t.Errorf("Search(flooding Dhaka) = %+v", hits)
	}
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "floods Tehran"})); len(hits) != 0 {
		t.Errorf("Search(floods Tehran) = %+v, want none", hits)
	}
	// Query syntax is not interpreted.
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: `Bagheri" OR NEAR(* -x)`})); len(hits) != 0 {
		t.Errorf("Search with syntax = %+v, want none (no article has all the words)", hits)
	}
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: `"al-Ghanmi"`})); len(hits) != 1 {
		t.Errorf("Search(al-Ghanmi) = %+v", hits)
	}
	// An article without a doc is found, with no story.
	hits = collect(t, s.Search(ctx, store.SearchQuery{Text: "tehran"}))
	if len(hits) != 2 {
		t.Fatalf("Search(tehran) = %+v, want 2 hits", hits)
	}
	for _, h := range hits {
		if h.Key == "loose" && h.Story != "" {
			t.Errorf("unplaced article has story %q", h.Story)
		}
	}
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "tehran", Limit: 1})); len(hits) != 1 {
		t.Errorf("Limit 1 gave %d hits", len(hits))
	}
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "  ,;"})); len(hits) != 0 {
		t.Errorf("an empty query found %d", len(hits))
	}
}

func testRollback(t *testing.T, s store.Store) {
	ctx := context.Background()
	boom := errors.New("boom")
	d := Doc("r1", "X", "Rolled back", "Never stored.", day("2019-01-01"))
	var leaked store.Tx
	err := s.Update(ctx, func(tx store.Tx) error {
		leaked = tx
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		if _, err := tx.Assign(ctx, d.Key, "sR"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v, want fn's error", err)
	}
	if _, err := s.Article(ctx, "r1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rolled-back article: %v", err)
	}
	if _, err := s.Story(ctx, "sR"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rolled-back story: %v", err)
	}
	if hits := collect(t, s.Search(ctx, store.SearchQuery{Text: "stored"})); len(hits) != 0 {
		t.Errorf("rolled-back article is searchable: %+v", hits)
	}
	if _, err := leaked.PutArticle(ctx, &d.Article); err == nil {
		t.Error("a Tx worked after its Update returned")
	}
	// A panic rolls back too, and the store stays usable.
	func() {
		defer func() { recover() }()
		s.Update(ctx, func(tx store.Tx) error {
			tx.PutArticle(ctx, &d.Article)
			panic("boom")
		})
	}()
	if ok, _ := s.HasArticle(ctx, "r1"); ok {
		t.Error("an update that panicked was committed")
	}
	// A cancelled context stops the update before it commits.
	cctx, cancel := context.WithCancel(ctx)
	err = s.Update(cctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(cctx, &d.Article); err != nil {
			return err
		}
		cancel()
		return nil
	})
	if err == nil {
		t.Error("an update whose context was cancelled reported success")
	}
	if ok, _ := s.HasArticle(ctx, "r1"); ok {
		t.Error("an update whose context was cancelled was committed")
	}
	put(t, s, d, "sR", "")
	if _, err := s.Story(ctx, "sR"); err != nil {
		t.Errorf("after the rollbacks: %v", err)
	}
}

func testState(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, v := range []string{"etag-1", "etag-2"} {
		if err := s.Update(ctx, func(tx store.Tx) error { return tx.SetState(ctx, "feed:https://example.com/rss", v) }); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := s.State(ctx, "feed:https://example.com/rss"); v != "etag-2" || err != nil {
		t.Errorf("State = %q, %v", v, err)
	}
	for _, k := range []string{"feed:https://a.example/rss", "feeds", "fee", "other"} {
		if err := s.Update(ctx, func(tx store.Tx) error { return tx.SetState(ctx, k, "v-"+k) }); err != nil {
			t.Fatal(err)
		}
	}
	var keys []string
	for e := range s.States(ctx, "feed:") {
		if e == nil {
			t.Fatal("nil state entry")
		}
		keys = append(keys, e.Key)
		if e.Value == "" {
			t.Errorf("state %s has no value", e.Key)
		}
	}
	if !slices.Equal(keys, []string{"feed:https://a.example/rss", "feed:https://example.com/rss"}) {
		t.Errorf("States(feed:) = %v", keys)
	}
	if n := len(collect(t, s.States(ctx, ""))); n != 5 {
		t.Errorf("States() lists %d, want 5", n)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.DeleteState(ctx, "feeds") }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.State(ctx, "feeds"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted state: %v", err)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.DeleteState(ctx, "feeds") }); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting a missing state: %v", err)
	}
}

// testConcurrentWriters runs writers that each place docs after catching
// up with the others, as ingest processes do: every placement must be
// seen exactly once, in order, and no update may be lost.
func testConcurrentWriters(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last int64
			seen := 0
			for i := range each {
				key := fmt.Sprintf("w%d-%d", w, i)
				d := Doc(key, fmt.Sprintf("outlet%d", w), "Shared", "Shared story text "+key, day("2023-03-03"))
				err := s.Update(ctx, func(tx store.Tx) error {
					for sd, err := range tx.DocsAfter(ctx, last) {
						if err != nil {
							return err
						}
						if sd.Seq != last+1 {
							return fmt.Errorf("writer %d: caught up with seq %d after %d", w, sd.Seq, last)
						}
						last = sd.Seq
						seen++
					}
					if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
						return err
					}
					if err := tx.PutDoc(ctx, d); err != nil {
						return err
					}
					seq, err := tx.Assign(ctx, key, "shared")
					if err != nil {
						return err
					}
					if seq != last+1 {
						return fmt.Errorf("writer %d: placed at %d after catching up to %d", w, seq, last)
					}
					last = seq
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Story(ctx, "shared")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != writers*each || st.Revision != writers*each || st.Outlets != writers {
		t.Errorf("after %d concurrent placements: %+v", writers*each, st)
	}
	n := 0
	for d, err := range s.Docs(ctx, store.DocQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if d.Seq != int64(n) {
			t.Errorf("doc %d has seq %d", n, d.Seq)
		}
	}
	if n != writers*each {
		t.Errorf("%d docs stored, want %d", n, writers*each)
	}
}

func testMerge(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Doc("a1", "X", "A", "Alpha.", day("2018-05-01")), "sA", "")
	put(t, s, Doc("b1", "Y", "B", "Beta.", day("2018-05-03")), "sB", "")
	put(t, s, Doc("a2", "Z", "A2", "Alpha two.", day("2018-05-02")), "sA", "")
	put(t, s, Doc("c1", "X", "C", "Gamma.", day("2018-05-04")), "sC", "")
	merge := func(from, into string) error {
		return s.Update(ctx, func(tx store.Tx) error { return tx.MergeStory(ctx, from, into) })
	}
	if err := merge("sA", "sB"); err != nil {
		t.Fatal(err)
	}
	b, err := s.Story(ctx, "sB")
	if err != nil {
		t.Fatal(err)
	}
	if b.Articles != 3 || b.Outlets != 3 || b.First != "2018-05-01" || b.Last != "2018-05-03" || b.Revision != 2 {
		t.Errorf("after merging sA into sB: %+v", b)
	}
	a, err := s.Story(ctx, "sA")
	if err != nil || a.MergedInto != "sB" || a.Articles != 0 {
		t.Errorf("Story(sA) after its merge = %+v, %v", a, err)
	}
	// Other writers see the moves as placements after theirs, in order.
	var moved []string
	err = s.Update(ctx, func(tx store.Tx) error {
		for d, err := range tx.DocsAfter(ctx, 4) {
			if err != nil {
				return err
			}
			if d.Story != "sB" {
				t.Errorf("moved doc %s is in %q", d.Key, d.Story)
			}
			moved = append(moved, d.Key)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(moved, []string{"a1", "a2"}) {
		t.Errorf("DocsAfter(4) = %v, want the moved [a1 a2]", moved)
	}
	var ids []string
	for _, st := range collect(t, s.Stories(ctx, store.StoryQuery{})) {
		ids = append(ids, st.ID)
	}
	if slices.Contains(ids, "sA") || len(ids) != 2 {
		t.Errorf("Stories after a merge = %v, want sB and sC", ids)
	}
	// Merging the target on: earlier merges follow.
	if err := merge("sB", "sC"); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Story(ctx, "sA"); a == nil || a.MergedInto != "sC" {
		t.Errorf("Story(sA) after sB's merge = %+v", a)
	}
	if c, _ := s.Story(ctx, "sC"); c == nil || c.Articles != 4 {
		t.Errorf("Story(sC) = %+v", c)
	}
	if err := merge("nope", "sC"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merging a missing story: %v", err)
	}
	if err := merge("sC", "sC"); err == nil {
		t.Error("a story merged into itself")
	}
}
