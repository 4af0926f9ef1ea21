package server

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// TestCiteLinksEscape: citations are written outside the template, so
// they escape outlet names and sentences themselves.
func TestCiteLinksEscape(t *testing.T) {
	got := string(citeLinks([]sourceRef{
		{N: 1, Outlet: `<script>"A&B'`, Sentence: `He said "no" & <b>left</b>.`},
		{N: 2, Outlet: `Plain`},
	}))
	want := `<a class="cite" href="#src-1" data-tip="&lt;script&gt;&#34;A&amp;B&#39;: “He said &#34;no&#34; &amp; &lt;b&gt;left&lt;/b&gt;.”">[1]</a>` +
		`<a class="cite" href="#src-2" title="Plain">[2]</a>`
	if got != want {
		t.Errorf("citeLinks =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "<script") || strings.Contains(got, "<b>") {
		t.Error("unescaped markup")
	}
}

// TestCitedSentence: the cited sentence is the one sharing the most words
// with the line (Dice overlap), whitespace folded; none without overlap.
func TestCitedSentence(t *testing.T) {
	sents := []string{"The army chiefs met in Tehran.", "Talks  covered\nthe referendum and border security.", "Weather was fine."}
	line := map[string]bool{}
	for _, w := range wordsOf("Talks covered the Kurdish referendum") {
		line[w] = true
	}
	if got := citedSentence(sents, sentenceWords(sents), line); got != "Talks covered the referendum and border security." {
		t.Errorf("cited %q", got)
	}
	if got := citedSentence(sents, sentenceWords(sents), map[string]bool{"zebra": true}); got != "" {
		t.Errorf("cited %q for a line sharing no word", got)
	}
}

// TestIngestWarmsPages: after an ingest the pages of the stories it
// changed are rendered in the background, so their first reader finds
// them in the page cache; a page cache of size -1 keeps nothing.
func TestIngestWarmsPages(t *testing.T) {
	s := openStore(t)
	srv := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}})
	w := do(t, srv, "POST", "/api/articles", "application/json", `{"title": "Port strike", "text": "The port of Antwerp reopened on Friday after a two-day strike by pilots ended.", "date": "2024-01-05"}`)
	if w.Code != 200 && w.Code != 201 {
		t.Fatalf("POST /api/articles: %d %s", w.Code, w.Body)
	}
	srv.Wait()
	var ids []string
	for st, err := range s.Stories(context.Background(), store.StoryQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, st.ID)
		if _, _, ok := srv.pageCache.get(st); !ok {
			t.Errorf("the page of story %s is not rendered after the ingest", st.ID)
		}
	}
	if len(ids) != 1 {
		t.Fatalf("%d stories, want 1", len(ids))
	}
	// The page served is the one rendered.
	if w := do(t, srv, "GET", "/stories/"+ids[0], "", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "Antwerp") {
		t.Errorf("story page: %d", w.Code)
	}
}

// TestWarm: Warm renders the pages of the most recently changed stories,
// those not rendered yet, up to n.
func TestWarm(t *testing.T) {
	s := openStore(t)
	ing := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}, PageCacheSize: -1})
	for _, text := range []string{
		"The port of Antwerp reopened on Friday after a two-day strike by pilots ended.",
		"Heavy rain flooded the centre of Valencia on Tuesday, closing schools and roads.",
		"The central bank of Chile raised its main rate by half a point on Wednesday.",
	} {
		if w := do(t, ing, "POST", "/api/articles", "application/json", `{"title": "T", "text": "`+text+`", "date": "2024-01-05"}`); w.Code >= 300 {
			t.Fatalf("POST /api/articles: %d %s", w.Code, w.Body)
		}
	}
	ing.Wait()
	ctx := context.Background()
	srv := newServer(t, Config{Store: s})
	if n, err := srv.Warm(ctx, 2); n != 2 || err != nil {
		t.Fatalf("Warm(2) = %d, %v; want 2", n, err)
	}
	cached := 0
	for st, err := range s.Stories(ctx, store.StoryQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := srv.pageCache.get(st); ok {
			cached++
		}
	}
	if cached != 2 {
		t.Errorf("%d pages cached, want 2", cached)
	}
	if n, err := srv.Warm(ctx, 10); n != 1 || err != nil {
		t.Errorf("Warm(10) after Warm(2) = %d, %v; want the one left", n, err)
	}
	if n, _ := ing.Warm(ctx, 10); n != 0 {
		t.Errorf("Warm without a page cache rendered %d pages", n)
	}
}

// TestTimelinePointsDoNotOverlap: points closer than a circle's width go
// on separate rows; distant ones share the first row.
func TestTimelinePointsDoNotOverlap(t *testing.T) {
	var entries []news.TimelineEntry
	for _, d := range []string{"2017-09-25", "2017-09-27", "2017-09-28", "2017-W40", "2017-10-01", "2017-10-02", "2017-08", "2017-10-04", "undated"} {
		entries = append(entries, news.TimelineEntry{Date: d, Text: "event " + d})
	}
	tv := makeTimeline(entries, func([]string) []sourceRef { return nil })
	if len(tv.Points) != 8 || len(tv.Undated) != 1 {
		t.Fatalf("%d points, %d undated; want 8 and 1", len(tv.Points), len(tv.Undated))
	}
	for i, p := range tv.Points {
		for _, q := range tv.Points[:i] {
			if p.Y == q.Y && abs(p.X-q.X) < tlGap {
				t.Errorf("points %d (%s, x %d) and %d (%s, x %d) overlap on row y=%d", q.N, q.Date, q.X, p.N, p.Date, p.X, p.Y)
			}
		}
	}
	if tv.Points[0].Y != 60 {
		t.Errorf("the first point is on row y=%d, want the first row", tv.Points[0].Y)
	}
	if maxY := slices.MaxFunc(tv.Points, func(a, b point) int { return a.Y - b.Y }).Y; tv.Height < maxY+20 {
		t.Errorf("height %d does not hold the lowest point at y=%d", tv.Height, maxY)
	}
}
