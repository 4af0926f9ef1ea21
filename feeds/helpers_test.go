package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/safehttp"
)

// fakeClock is a Clock moved by hand.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []fakeWaiter
}

type fakeWaiter struct {
	t time.Time
	c chan time.Time
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{now: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Until(t time.Time) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !t.After(c.now) {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, fakeWaiter{t, ch})
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if !w.t.After(c.now) {
			w.c <- c.now
		} else {
			kept = append(kept, w)
		}
	}
	c.waiters = kept
}

// testItem is an item of a served feed.
type testItem struct {
	guid, title, link, text string
	date                    time.Time
}

// feedServer serves an RSS feed of its items with an ETag and answers
// If-None-Match with 304, unless told otherwise.
type feedServer struct {
	*httptest.Server
	mu        sync.Mutex
	title     string
	items     []testItem // newest first, as feeds list them
	noETag    bool       // send no validators and ignore conditional requests
	status    int        // when not 0, answer with this status and no feed
	header    http.Header
	requests  int
	notMod    int
	lastCond  string // the If-None-Match of the last request
	lastSince string
}

func newFeedServer(t testing.TB, title string, items ...testItem) *feedServer {
	s := &feedServer{title: title, items: items, header: http.Header{}}
	s.Server = httptest.NewServer(s)
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) add(it testItem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append([]testItem{it}, s.items...)
}

func (s *feedServer) counts() (requests, notModified int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests, s.notMod
}

func (s *feedServer) body() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>http://example.com/</link><description>test feed</description>
`, s.title)
	for _, it := range s.items {
		fmt.Fprintf(&b, "<item><title>%s</title>", it.title)
		if it.link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", it.link)
		}
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.guid)
		}
		if !it.date.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.date.Format(time.RFC1123Z))
		}
		fmt.Fprintf(&b, "<description>%s</description></item>\n", it.text)
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	s.lastCond = r.Header.Get("If-None-Match")
	s.lastSince = r.Header.Get("If-Modified-Since")
	for k, v := range s.header {
		w.Header()[k] = v
	}
	if s.status != 0 {
		w.WriteHeader(s.status)
		fmt.Fprintln(w, "failing")
		return
	}
	body := s.body()
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if !s.noETag {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.notMod++
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, body)
}

// item makes a dated item with a sentence of text.
func item(n int, date time.Time) testItem {
	return testItem{
		guid:  fmt.Sprintf("urn:test:%d", n),
		title: fmt.Sprintf("Story number %d", n),
		link:  fmt.Sprintf("http://example.com/story/%d", n),
		text:  fmt.Sprintf("The council met on the %dth day and approved the budget for the new bridge after a long debate.", n),
		date:  date,
	}
}

var t0 = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// testPoller returns a Poller for loopback test servers with a fake clock.
func testPoller(t testing.TB, clock *fakeClock, cfg Config) *Poller {
	t.Helper()
	if cfg.Client == nil {
		c, err := safehttp.NewClient(safehttp.Options{AllowPrivate: true, Timeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Client = c
	}
	cfg.Clock = clock
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
