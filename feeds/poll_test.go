package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/safehttp"
)

func titles(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Article.Title)
	}
	return out
}

func TestPollConditionalGET(t *testing.T) {
	srv := newFeedServer(t, "Example Wire",
		item(3, t0.Add(-1*time.Hour)), item(2, t0.Add(-2*time.Hour)), item(1, t0.Add(-3*time.Hour)))
	clock := newFakeClock(t0)
	p := testPoller(t, clock, Config{})
	f := Feed{URL: srv.URL + "/feed"}

	res, err := p.Poll(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != OutcomeNew || res.Status != 200 {
		t.Fatalf("first poll: outcome %s, status %d", res.Outcome, res.Status)
	}
	if got := strings.Join(titles(res.Items), "|"); got != "Story number 1|Story number 2|Story number 3" {
		t.Errorf("first poll: got %q, want all three oldest first", got)
	}
	a := res.Items[0].Article
	if a.Outlet != "Example Wire" || a.URL != "http://example.com/story/1" || !a.StatedDate.Equal(t0.Add(-3*time.Hour)) ||
		!strings.Contains(a.Text, "approved the budget") || a.Format != "feed" {
		t.Errorf("article read wrongly: %+v", a)
	}
	if f.ETag != "" || len(f.Seen) != 0 {
		t.Errorf("Poll changed the Feed it was given: %+v", f)
	}
	f = res.Feed
	if f.ETag == "" || len(f.Seen) != 3 || len(f.Published) != 3 || f.Title != "Example Wire" || f.Failures != 0 || !f.LastPoll.Equal(t0) {
		t.Errorf("state after the first poll: %+v", f)
	}
	// Items an hour apart: polled again in an hour.
	if want := t0.Add(time.Hour); !f.NextPoll.Equal(want) {
		t.Errorf("NextPoll %s, want %s", f.NextPoll, want)
	}

	// Unchanged: the server answers 304, nothing is new.
	clock.Advance(time.Hour)
	res, err = p.Poll(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	if _, nm := srv.counts(); nm != 1 || res.Outcome != OutcomeNotModified || len(res.Items) != 0 || res.Status != 304 {
		t.Fatalf("second poll: outcome %s, status %d, %d items, %d 304s", res.Outcome, res.Status, len(res.Items), nm)
	}
	if srv.lastCond != f.ETag {
		t.Errorf("If-None-Match %q, want %q", srv.lastCond, f.ETag)
	}
	if len(res.Feed.Seen) != 3 || !res.Feed.LastSuccess.Equal(clock.Now()) {
		t.Errorf("state after a 304: %+v", res.Feed)
	}
	f = res.Feed

	// A new item changes the ETag: only it is new.
	srv.add(item(4, t0.Add(30*time.Minute)))
	clock.Advance(time.Hour)
	res, err = p.Poll(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(titles(res.Items), "|"); res.Outcome != OutcomeNew || got != "Story number 4" {
		t.Fatalf("third poll: outcome %s, items %q", res.Outcome, got)
	}
	if res.Feed.ETag == f.ETag || len(res.Feed.Seen) != 4 || len(res.Feed.Published) != 4 {
		t.Errorf("state after the third poll: %+v", res.Feed)
	}
}

func TestPollWithoutValidatorsNoDuplicates(t *testing.T) {
	srv := newFeedServer(t, "Plain", item(2, t0.Add(-time.Hour)), item(1, t0.Add(-2*time.Hour)))
	srv.noETag = true
	p := testPoller(t, newFakeClock(t0), Config{})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if err != nil || len(res.Items) != 2 {
		t.Fatalf("first poll: %d items, %v", len(res.Items), err)
	}
	res, err = p.Poll(t.Context(), res.Feed)
	if err != nil || res.Outcome != OutcomeUnchanged || len(res.Items) != 0 {
		t.Fatalf("second poll of the same document: %s, %d items, %v", res.Outcome, len(res.Items), err)
	}
	if srv.lastCond != "" {
		t.Errorf("sent If-None-Match %q without an ETag", srv.lastCond)
	}
}

func TestPollLastModified(t *testing.T) {
	lm := t0.Add(-time.Hour).Format(http.TimeFormat)
	var since string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		since = r.Header.Get("If-Modified-Since")
		if since == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lm)
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid><description>The mayor opened the new library on Monday morning.</description></item></channel></rss>`))
	}))
	defer srv.Close()
	p := testPoller(t, newFakeClock(t0), Config{})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if err != nil || res.Feed.LastModified != lm || len(res.Items) != 1 {
		t.Fatalf("first poll: %+v, %v", res.Feed, err)
	}
	res, err = p.Poll(t.Context(), res.Feed)
	if err != nil || res.Outcome != OutcomeNotModified || since != lm {
		t.Fatalf("second poll: %s, If-Modified-Since %q, %v", res.Outcome, since, err)
	}
}

func TestPollRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		header func(now time.Time) string
		wait   time.Duration
	}{
		{"seconds", http.StatusServiceUnavailable, func(time.Time) string { return "7200" }, 2 * time.Hour},
		{"date", http.StatusTooManyRequests, func(now time.Time) string { return now.Add(3 * time.Hour).UTC().Format(http.TimeFormat) }, 3 * time.Hour},
		{"over a day", http.StatusServiceUnavailable, func(time.Time) string { return "1000000" }, 24 * time.Hour},
		{"shorter than the backoff", http.StatusServiceUnavailable, func(time.Time) string { return "10" }, 5 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newFeedServer(t, "Busy")
			srv.status = tc.status
			// The server's clock is the real one; the hint is measured
			// from its Date header, so the fake clock does not matter.
			now := time.Now()
			srv.header.Set("Date", now.UTC().Format(http.TimeFormat))
			srv.header.Set("Retry-After", tc.header(now))
			clock := newFakeClock(t0)
			p := testPoller(t, clock, Config{})
			res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
			var se *StatusError
			if !errors.As(err, &se) || se.Code != tc.status {
				t.Fatalf("got %v, want status %d", err, tc.status)
			}
			if got := res.Feed.NextPoll.Sub(t0); got != tc.wait {
				t.Errorf("next poll in %s, want %s", got, tc.wait)
			}
			if res.Feed.Failures != 1 || !strings.Contains(res.Feed.LastError, srv.URL) || res.Outcome != OutcomeError {
				t.Errorf("state: %+v", res.Feed)
			}
		})
	}
}

func TestPollBackoff(t *testing.T) {
	srv := newFeedServer(t, "Flaky", item(1, t0.Add(-time.Hour)))
	srv.status = http.StatusInternalServerError
	clock := newFakeClock(t0)
	p := testPoller(t, clock, Config{})
	f := Feed{URL: srv.URL}
	want := []time.Duration{5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440}
	for i, w := range want {
		res, err := p.Poll(t.Context(), f)
		if err == nil || !strings.Contains(err.Error(), "500") {
			t.Fatalf("poll %d: got %v, want a 500", i+1, err)
		}
		f = res.Feed
		if got := f.NextPoll.Sub(clock.Now()); got != w*time.Minute || f.Failures != i+1 {
			t.Errorf("failure %d: next poll in %s, want %s (failures %d)", i+1, got, w*time.Minute, f.Failures)
		}
		clock.Advance(f.NextPoll.Sub(clock.Now()))
	}
	srv.mu.Lock()
	srv.status = 0
	srv.mu.Unlock()
	res, err := p.Poll(t.Context(), f)
	if err != nil || res.Feed.Failures != 0 || res.Feed.LastError != "" || len(res.Items) != 1 {
		t.Fatalf("recovery: %+v, %v", res.Feed, err)
	}
	if requests, _ := srv.counts(); requests != len(want)+1 {
		t.Errorf("%d requests, want %d", requests, len(want)+1)
	}
}

func TestPollBodyLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>endless</title>`))
		chunk := []byte(strings.Repeat("<item><title>x</title></item>", 1000))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	p := testPoller(t, newFakeClock(t0), Config{MaxBodySize: 1 << 20})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if !errors.Is(err, safehttp.ErrTooLarge) || !strings.Contains(err.Error(), "1048576") || !strings.Contains(err.Error(), srv.URL) {
		t.Fatalf("got %v, want a body-too-large error naming the feed and the limit", err)
	}
	if res.Outcome != OutcomeError || res.Feed.Failures != 1 {
		t.Errorf("state: %+v", res.Feed)
	}
}

func TestPollTimeoutAndCancel(t *testing.T) {
	arrived := make(chan struct{}, 10)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("<rss>"))
		w.(http.Flusher).Flush()
		select { // hangs mid-body
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	p := testPoller(t, newFakeClock(t0), Config{Timeout: 200 * time.Millisecond})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "within 200ms") || res.Outcome != OutcomeError || res.Feed.Failures != 1 {
		t.Fatalf("timeout: got %v, outcome %s", err, res.Outcome)
	}
	<-arrived

	p = testPoller(t, newFakeClock(t0), Config{Timeout: time.Hour})
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		<-arrived
		cancel()
	}()
	f := Feed{URL: srv.URL, ETag: `"x"`, Failures: 2}
	res, err = p.Poll(ctx, f)
	if !errors.Is(err, context.Canceled) || res.Outcome != OutcomeCanceled {
		t.Fatalf("cancel: got %v, outcome %s", err, res.Outcome)
	}
	if res.Feed.Failures != 2 || res.Feed.ETag != `"x"` || !res.Feed.LastPoll.IsZero() {
		t.Errorf("a cancelled poll changed the state: %+v", res.Feed)
	}
}

func TestPollNotAFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body><p>Welcome to our web site.</p></body></html>"))
	}))
	defer srv.Close()
	p := testPoller(t, newFakeClock(t0), Config{})
	_, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if !errors.Is(err, ErrNotFeed) {
		t.Fatalf("got %v, want ErrNotFeed", err)
	}
}

func TestPollItemErrors(t *testing.T) {
	srv := newFeedServer(t, "Mixed", item(2, t0), testItem{guid: "empty", title: "No text", date: t0.Add(-time.Hour)})
	p := testPoller(t, newFakeClock(t0), Config{})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 || len(res.ItemErrors) != 1 || !strings.Contains(res.ItemErrors[0].Error(), srv.URL+"#2") {
		t.Fatalf("items %q, errors %v", titles(res.Items), res.ItemErrors)
	}
	if len(res.Feed.Seen) != 2 {
		t.Errorf("the unreadable item is not seen: %v", res.Feed.Seen)
	}
	res, _ = p.Poll(t.Context(), res.Feed)
	if len(res.ItemErrors) != 0 || len(res.Items) != 0 {
		t.Errorf("second poll: items %q, errors %v", titles(res.Items), res.ItemErrors)
	}
}

func TestDefaultClientRefusesLoopback(t *testing.T) {
	srv := newFeedServer(t, "Local", item(1, t0))
	p, err := New(Config{Clock: newFakeClock(t0)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if !errors.Is(err, safehttp.ErrForbiddenAddress) || res.Feed.Failures != 1 {
		t.Fatalf("got %v, want the loopback server refused", err)
	}
	if requests, _ := srv.counts(); requests != 0 {
		t.Errorf("the server saw %d requests", requests)
	}
	p, err = New(Config{Clock: newFakeClock(t0), AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Poll(t.Context(), Feed{URL: srv.URL}); err != nil {
		t.Fatalf("with AllowPrivate: %v", err)
	}
}

func TestMergeSeenBounded(t *testing.T) {
	old := []string{"a", "b", "c", "d", "e"}
	got := mergeSeen(old, []string{"x", "c", "y"}, 5)
	if strings.Join(got, "") != "dexcy" {
		t.Errorf("got %v", got)
	}
	// The current document is kept whole even over the bound.
	got = mergeSeen(old, []string{"1", "2", "3", "4", "5", "6"}, 3)
	if strings.Join(got, "") != "123456" {
		t.Errorf("got %v", got)
	}
}

func TestPollItemWithoutLink(t *testing.T) {
	srv := newFeedServer(t, "Linkless", testItem{guid: "tag:x,2026:1", title: "First", text: "The river rose by two metres overnight.", date: t0})
	p := testPoller(t, newFakeClock(t0), Config{})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL + "/"})
	if err != nil || len(res.Items) != 1 {
		t.Fatalf("%d items, %v", len(res.Items), err)
	}
	if id := res.Items[0].Article.ID; id != srv.URL+"/#tag:x,2026:1" {
		t.Errorf("ID %q", id)
	}
	srv.add(testItem{guid: "tag:x,2026:2", title: "Second", text: "The water fell again by the afternoon.", date: t0.Add(time.Hour)})
	res, err = p.Poll(t.Context(), res.Feed)
	if err != nil || len(res.Items) != 1 || res.Items[0].Article.ID != srv.URL+"/#tag:x,2026:2" {
		t.Fatalf("second poll: %+v, %v", res.Items, err)
	}
}

// TestPollBrokenFeed polls a feed cut off after two complete items, as a
// publisher's broken or truncated output gives it: the two items are read,
// the break is reported naming the feed, and the poll succeeds; once the
// feed is whole again, only the new item is read.
func TestPollBrokenFeed(t *testing.T) {
	body := func(n ...int) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken Wire</title>`)
		for _, i := range n {
			fmt.Fprintf(&b, `<item><guid>urn:test:%d</guid><title>Story number %d</title><link>http://example.com/story/%d</link><description>The council met on the %dth day and approved the budget for the new bridge after a long debate.</description></item>`, i, i, i, i)
		}
		return b.String()
	}
	var doc atomic.Value
	doc.Store(body(2, 1) + `<item><title>Story number 3</ti`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, doc.Load())
	}))
	defer srv.Close()
	p := testPoller(t, newFakeClock(t0), Config{})
	res, err := p.Poll(t.Context(), Feed{URL: srv.URL})
	if err != nil || res.Feed.Failures != 0 {
		t.Fatalf("poll of a feed broken after two items: %v, failures %d", err, res.Feed.Failures)
	}
	if got := strings.Join(titles(res.Items), ", "); got != "Story number 1, Story number 2" && got != "Story number 2, Story number 1" {
		t.Errorf("items %q, want the two complete ones", got)
	}
	if len(res.ItemErrors) != 1 || !strings.Contains(res.ItemErrors[0].Error(), srv.URL+": feed: ") {
		t.Errorf("item errors %v, want one naming the feed and its break", res.ItemErrors)
	}
	doc.Store(body(3, 2, 1) + `</channel></rss>`)
	res, err = p.Poll(t.Context(), res.Feed)
	if err != nil || len(res.ItemErrors) != 0 || strings.Join(titles(res.Items), ", ") != "Story number 3" {
		t.Errorf("poll of the mended feed: %v, items %q, errors %v; want only item 3", err, titles(res.Items), res.ItemErrors)
	}
}
