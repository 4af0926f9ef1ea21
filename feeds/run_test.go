package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

// guard bounds how long a test waits for the poller before it fails: it
// catches a hang, it measures nothing.
const guard = 20 * time.Second

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(guard):
		t.Fatalf("no %s within %s", what, guard)
		panic("unreachable")
	}
}

// reports collects the Results of n polls, by feed URL.
func reports(t *testing.T, ch <-chan Result, n int) map[string]Result {
	t.Helper()
	out := map[string]Result{}
	for range n {
		r := recv(t, ch, "poll report")
		if _, dup := out[r.URL]; dup {
			t.Fatalf("%s polled twice in one round", r.URL)
		}
		out[r.URL] = r
	}
	return out
}

// sink collects delivered articles.
type sink struct {
	mu   sync.Mutex
	got  []string // "feedURL title"
	fail map[string]int
}

func (s *sink) handle(ctx context.Context, feedURL string, a *news.Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail[a.Title] > 0 {
		s.fail[a.Title]--
		return errors.New("store is busy")
	}
	s.got = append(s.got, feedURL+" "+a.Title)
	return nil
}

func (s *sink) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.got
	s.got = nil
	return out
}

func startRun(t *testing.T, p *Poller) (cancel func() error) {
	ctx, stop := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- p.Run(ctx) }()
	return func() error {
		stop()
		return recv(t, errc, "return from Run")
	}
}

func TestRunSchedules(t *testing.T) {
	a := newFeedServer(t, "A", item(3, t0.Add(-time.Hour)), item(2, t0.Add(-2*time.Hour)), item(1, t0.Add(-3*time.Hour)))
	b := newFeedServer(t, "B", item(10, t0.Add(-30*time.Minute)), item(9, t0.Add(-90*time.Minute)))
	b.status = http.StatusInternalServerError
	clock := newFakeClock(t0)
	store := NewMemoryStore(Feed{URL: a.URL + "/"}, Feed{URL: b.URL + "/"})
	results := make(chan Result, 100)
	var out sink
	p := testPoller(t, clock, Config{Store: store, Handle: out.handle, Report: func(r Result) { results <- r }})
	stop := startRun(t, p)

	// Both feeds are due at once.
	round := reports(t, results, 2)
	ra, rb := round[a.URL+"/"], round[b.URL+"/"]
	if ra.Outcome != OutcomeNew || ra.Delivered != 3 || !ra.Feed.NextPoll.Equal(t0.Add(time.Hour)) {
		t.Errorf("A: %s, %d delivered, next %s", ra.Outcome, ra.Delivered, ra.Feed.NextPoll)
	}
	if rb.Outcome != OutcomeError || rb.Feed.Failures != 1 || !rb.Feed.NextPoll.Equal(t0.Add(5*time.Minute)) {
		t.Errorf("B: %s, %d failures, next %s", rb.Outcome, rb.Feed.Failures, rb.Feed.NextPoll)
	}
	got := out.take()
	want := []string{a.URL + "/ Story number 1", a.URL + "/ Story number 2", a.URL + "/ Story number 3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("delivered %q, want %q", got, want)
	}
	saved, _ := store.LoadFeeds(t.Context())
	if len(saved) != 2 || len(saved[0].Seen)+len(saved[1].Seen) != 3 || saved[0].Failures+saved[1].Failures != 1 {
		t.Errorf("store holds %+v", saved)
	}

	// Five minutes on, only the failing feed is due; it fails again.
	clock.Advance(5 * time.Minute)
	rb = recv(t, results, "B's retry")
	if rb.URL != b.URL+"/" || rb.Feed.Failures != 2 || !rb.Feed.NextPoll.Equal(t0.Add(15*time.Minute)) {
		t.Errorf("B's retry: %+v", rb)
	}

	// B recovers and A publishes: at A's next poll both are due.
	b.mu.Lock()
	b.status = 0
	b.mu.Unlock()
	a.add(item(4, t0.Add(30*time.Minute)))
	clock.Advance(55 * time.Minute)
	round = reports(t, results, 2)
	if r := round[a.URL+"/"]; r.Delivered != 1 {
		t.Errorf("A's second poll: %+v", r)
	}
	if r := round[b.URL+"/"]; r.Delivered != 2 || r.Feed.Failures != 0 {
		t.Errorf("B's recovery: %+v", r)
	}
	got = out.take()
	sort.Strings(got)
	want = []string{a.URL + "/ Story number 4", b.URL + "/ Story number 9", b.URL + "/ Story number 10"}
	sort.Strings(want)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("delivered %q, want %q", got, want)
	}

	// B is removed and C added while running: C is polled at once, B no more.
	if err := p.Remove(t.Context(), b.URL); err != nil {
		t.Fatal(err)
	}
	c := newFeedServer(t, "C", item(20, t0))
	if _, err := p.Add(t.Context(), c.URL); err != nil {
		t.Fatal(err)
	}
	if r := recv(t, results, "C's first poll"); r.URL != c.URL+"/" || r.Delivered != 1 {
		t.Errorf("C: %+v", r)
	}
	bRequests, _ := b.counts()
	clock.Advance(24 * time.Hour)
	round = reports(t, results, 2)
	if r, ok := round[a.URL+"/"]; !ok || r.Outcome != OutcomeNotModified {
		t.Errorf("A a day later: %+v", r)
	}
	if _, ok := round[c.URL+"/"]; !ok {
		t.Errorf("C not polled a day later: %v", round)
	}
	if n, _ := b.counts(); n != bRequests {
		t.Errorf("removed feed B polled again")
	}
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v", err)
	}
	feeds, _ := p.Feeds(t.Context())
	saved, _ = store.LoadFeeds(t.Context())
	if len(feeds) != 2 || len(saved) != 2 || saved[0].URL != feeds[0].URL || saved[1].URL != feeds[1].URL {
		t.Errorf("feeds %v, store %v", feeds, saved)
	}
	if _, nm := a.counts(); nm != 1 {
		t.Errorf("A answered %d 304s, want 1", nm)
	}
}

func TestRunBoundedConcurrency(t *testing.T) {
	var mu sync.Mutex
	inflight, most := 0, 0
	arrived := make(chan string, 10)
	release := make(chan struct{})
	feed := newFeedServer(t, "F", item(1, t0))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inflight++
		most = max(most, inflight)
		mu.Unlock()
		defer func() {
			mu.Lock()
			inflight--
			mu.Unlock()
		}()
		arrived <- r.URL.Path
		<-release
		feed.ServeHTTP(w, r)
	}))
	defer srv.Close()
	var fs []Feed
	for _, path := range []string{"/1", "/2", "/3", "/4", "/5"} {
		fs = append(fs, Feed{URL: srv.URL + path})
	}
	results := make(chan Result, 10)
	var out sink
	p := testPoller(t, newFakeClock(t0), Config{Store: NewMemoryStore(fs...), Concurrency: 2, Handle: out.handle, Report: func(r Result) { results <- r }})
	stop := startRun(t, p)
	first := []string{recv(t, arrived, "request"), recv(t, arrived, "request")}
	if first[0] == first[1] {
		t.Errorf("the same feed polled twice at once: %v", first)
	}
	for i := range 5 {
		release <- struct{}{}
		if i < 3 {
			recv(t, arrived, "request")
		}
	}
	reports(t, results, 5)
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v", err)
	}
	if most != 2 {
		t.Errorf("at most %d polls at once, want 2", most)
	}
	if n := len(out.take()); n != 5 {
		t.Errorf("%d articles delivered, want 5", n)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done() // hangs until the client goes away
	}))
	defer srv.Close()
	store := NewMemoryStore(Feed{URL: srv.URL + "/", ETag: `"v1"`})
	var out sink
	p := testPoller(t, newFakeClock(t0), Config{Store: store, Handle: out.handle, Timeout: time.Hour})
	stop := startRun(t, p)
	recv(t, arrived, "request")
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v", err)
	}
	saved, _ := store.LoadFeeds(t.Context())
	if saved[0].Failures != 0 || saved[0].ETag != `"v1"` || !saved[0].LastPoll.IsZero() {
		t.Errorf("a poll cut by shutdown was recorded: %+v", saved[0])
	}
}

func TestRunHandlerErrorRetries(t *testing.T) {
	srv := newFeedServer(t, "F", item(2, t0.Add(-time.Hour)), item(1, t0.Add(-2*time.Hour)))
	clock := newFakeClock(t0)
	results := make(chan Result, 10)
	out := sink{fail: map[string]int{"Story number 2": 1}}
	p := testPoller(t, clock, Config{Store: NewMemoryStore(Feed{URL: srv.URL + "/"}), Handle: out.handle, Report: func(r Result) { results <- r }})
	stop := startRun(t, p)
	r := recv(t, results, "first poll")
	if r.Outcome != OutcomeError || r.Delivered != 1 || r.Feed.ETag != "" || len(r.Feed.Seen) != 1 || r.Feed.Failures != 1 ||
		!strings.Contains(r.Feed.LastError, "store is busy") {
		t.Fatalf("first poll: %+v", r)
	}
	clock.Advance(5 * time.Minute)
	r = recv(t, results, "retry")
	if r.Outcome != OutcomeNew || r.Delivered != 1 || len(r.Feed.Seen) != 2 || r.Feed.ETag == "" || r.Feed.Failures != 0 {
		t.Fatalf("retry: %+v", r)
	}
	if srv.lastCond != "" {
		t.Errorf("the retry was conditional (If-None-Match %q): the refused item would never come back", srv.lastCond)
	}
	stop()
	if got := out.take(); strings.Join(got, "|") != srv.URL+"/ Story number 1|"+srv.URL+"/ Story number 2" {
		t.Errorf("delivered %q", got)
	}
}

func TestPollerAddRemove(t *testing.T) {
	p := testPoller(t, newFakeClock(t0), Config{})
	f, err := p.Add(t.Context(), "HTTPS://Example.com/feed#x")
	if err != nil || f.URL != "https://example.com/feed" {
		t.Fatalf("got %+v, %v", f, err)
	}
	f.ETag = "changed"
	if again, err := p.Add(t.Context(), "https://example.com/feed"); err != nil || again.ETag != "" {
		t.Errorf("adding again: %+v, %v", again, err)
	}
	if _, err := p.Add(t.Context(), "file:///etc/passwd"); !errors.Is(err, ErrBadURL) {
		t.Errorf("bad URL: %v", err)
	}
	if err := p.Remove(t.Context(), "https://example.com/other"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing an unknown feed: %v", err)
	}
	if err := p.Remove(t.Context(), "https://example.com/feed"); err != nil {
		t.Error(err)
	}
	if fs, _ := p.Feeds(t.Context()); len(fs) != 0 {
		t.Errorf("feeds left: %v", fs)
	}
	if err := p.Run(t.Context()); err == nil {
		t.Error("Run without a Handle")
	}
}

// TestRunFollowsTheStoredList: a feed another process adds to the store
// (`storyline feeds add`) is polled after the next resync, without a
// restart; one it removes is polled no more.
func TestRunFollowsTheStoredList(t *testing.T) {
	a := newFeedServer(t, "A", item(1, t0.Add(-time.Hour)))
	b := newFeedServer(t, "B", item(7, t0.Add(-time.Hour)))
	clock := newFakeClock(t0)
	store := NewMemoryStore(Feed{URL: a.URL + "/"})
	results := make(chan Result, 100)
	var out sink
	p := testPoller(t, clock, Config{Store: store, Handle: out.handle, Report: func(r Result) { results <- r }, Resync: time.Minute})
	stop := startRun(t, p)
	if r := recv(t, results, "A's poll"); r.URL != a.URL+"/" {
		t.Fatalf("polled %s, want A", r.URL)
	}
	out.take()

	// Another process follows B.
	if err := store.SaveFeed(t.Context(), Feed{URL: b.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(59 * time.Second)
	select {
	case r := <-results:
		t.Fatalf("%s polled before the resync", r.URL)
	case <-time.After(50 * time.Millisecond):
	}
	clock.Advance(time.Second)
	if r := recv(t, results, "B's poll after the resync"); r.URL != b.URL+"/" || r.Delivered != 1 {
		t.Errorf("after the resync: %+v", r)
	}
	if got := out.take(); len(got) != 1 || got[0] != b.URL+"/ Story number 7" {
		t.Errorf("delivered %q", got)
	}
	if fs, _ := p.Feeds(t.Context()); len(fs) != 2 {
		t.Errorf("following %d feeds, want 2", len(fs))
	}

	// Another process stops following A: after the next resync it is
	// not polled at its due time.
	if err := store.DeleteFeed(t.Context(), a.URL+"/"); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	deadline := time.Now().Add(guard)
	for {
		fs, _ := p.Feeds(t.Context())
		if len(fs) == 1 && fs[0].URL == b.URL+"/" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still following %+v", fs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	requests, _ := a.counts()
	clock.Advance(3 * time.Hour)
	recv(t, results, "B's next poll")
	if r, _ := a.counts(); r != requests {
		t.Errorf("A polled %d more times after its removal", r-requests)
	}
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v", err)
	}
}
