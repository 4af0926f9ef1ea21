package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// rssFeedItem serves an RSS document with one full item.
func rssFeedItem(title, link, text string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>%s</link><description>test</description>
<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>Thu, 28 Sep 2017 09:00:00 GMT</pubDate><description>%s</description></item>
</channel></rss>`, link, title, link, link, text)
	}
}

// waitFor polls cond until it holds or a minute passes (the poll and the
// analysis run in the background; this bounds the wait, it times nothing).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("waited a minute for %s", what)
}

// listenRE finds the address serve prints once it listens.
var listenRE = regexp.MustCompile(`listening on (http://[^/\s]+)/`)

// listeningAt waits for serve to say, on its stdout out, where it
// listens, and returns that base URL.
func listeningAt(t *testing.T, out *syncBuffer) string {
	t.Helper()
	var base string
	waitFor(t, "the server to listen", func() bool {
		m := listenRE.FindStringSubmatch(out.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	})
	return base
}

func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == 200 && v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v: %s", u, err, b)
		}
	}
	return resp.StatusCode
}

// TestServeFeeds: `storyline serve` follows a feed served locally, and its
// new article appears in its story without a restart, through the same
// ingest path as `storyline ingest`; a feed added through the API is
// polled at once; SIGTERM (ctx) shuts the server down cleanly; the feeds
// stay in the store for `storyline feeds list`.
func TestServeFeeds(t *testing.T) {
	withAssigner(t)
	seeds := testutil.Shared(t, "seeds")
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"ingest", "--db", db, filepath.Join(seeds, "000_f345440d66054cb6.txt")}, &out, &errb); code != 0 {
		t.Fatalf("ingest: %d %s", code, errb.String())
	}

	mux := http.NewServeMux()
	feedSrv := httptest.NewServer(mux)
	defer feedSrv.Close()
	mux.HandleFunc("/wire.xml", rssFeedItem("Iran and Turkey army chiefs meet in Tehran", feedSrv.URL+"/a/1",
		"TEHRAN, Oct. 2 -- Turkish army chief General Hulusi Akar met Iran's armed forces chief of staff Major General Mohammad Baqeri in Tehran on Monday to discuss the Kurdish independence referendum."))
	mux.HandleFunc("/second.xml", rssFeedItem("Baqeri says ties with Ankara will grow", feedSrv.URL+"/a/2",
		"Iran's chief of staff Mohammad Baqeri said on Tuesday that military cooperation with Turkey would grow after the visit of General Akar."))
	mux.HandleFunc("/third.xml", rssFeedItem("Akar and Baqeri agree on joint border patrols", feedSrv.URL+"/a/3",
		"General Hulusi Akar and Major General Mohammad Baqeri agreed in Tehran on joint patrols of the Iran-Turkey border, Turkish officials said on Wednesday."))
	list := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(list, []byte("# test\n"+feedSrv.URL+"/wire.xml\nnot a url\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var sout, serr syncBuffer
	done := make(chan int, 1)
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(time.Minute):
		}
	})
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--feeds", list, "--allow-private-urls", "--resync", "200ms"}, &sout, &serr)
	}()
	base := listeningAt(t, &sout)
	if !strings.Contains(serr.String(), "feeds.txt:3") {
		t.Errorf("the bad feed list line is not reported: %s", serr.String())
	}

	var story string
	hasSource := func(title string) bool {
		var list struct {
			Stories []struct {
				ID            string `json:"id"`
				Revision      int64  `json:"revision"`
				BriefRevision int64  `json:"brief_revision"`
			} `json:"stories"`
		}
		getJSON(t, base+"/api/stories", &list)
		for _, st := range list.Stories {
			var b news.Brief
			if getJSON(t, base+"/api/stories/"+st.ID, &b) != 200 {
				continue
			}
			for _, src := range b.Sources {
				if src.Title == title {
					story = st.ID
					return true
				}
			}
		}
		return false
	}
	waitFor(t, "the feed's article in a story's brief", func() bool { return hasSource("Iran and Turkey army chiefs meet in Tehran") })
	var b news.Brief
	getJSON(t, base+"/api/stories/"+story, &b)
	if len(b.Sources) != 2 {
		t.Errorf("the story has %d sources, want the seed and the feed's article", len(b.Sources))
	}
	resp, err := http.Get(base + "/stories/" + story)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "Iran and Turkey army chiefs meet in Tehran") {
		t.Error("the story page does not show the feed's article")
	}

	// A feed added through the API is polled at once.
	resp, err = http.Post(base+"/api/feeds", "application/json", strings.NewReader(`{"url": "`+feedSrv.URL+`/second.xml"}`))
	if err != nil || resp.StatusCode != 201 {
		t.Fatalf("POST /api/feeds: %v %v", err, resp.Status)
	}
	resp.Body.Close()
	waitFor(t, "the second feed's article", func() bool { return hasSource("Baqeri says ties with Ankara will grow") })

	// A feed that `storyline feeds add`, another process, stores is
	// followed by the running server, without a restart.
	out.Reset()
	if code := run(context.Background(), []string{"feeds", "--db", db, "add", feedSrv.URL + "/third.xml"}, &out, &errb); code != 0 {
		t.Fatalf("feeds add: %s", errb.String())
	}
	waitFor(t, "the article of the feed added by 'storyline feeds add'", func() bool { return hasSource("Akar and Baqeri agree on joint border patrols") })
	if fs := getFeeds(t, base); len(fs) != 3 {
		t.Errorf("GET /api/feeds lists %d feeds, want 3", len(fs))
	}

	// A poll is counted when it ends, which may come after its
	// article's brief is already served: wait for the counts.
	var m string
	counted := func() bool {
		if resp, err := http.Get(base + "/metrics"); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			m = string(b)
		}
		return strings.Contains(m, `storyline_feed_polls_total{result="new"} 3`) && strings.Contains(m, `storyline_articles_ingested_total{result="stored"} 3`)
	}
	for deadline := time.Now().Add(time.Minute); !counted() && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
	}
	if !counted() {
		t.Errorf("metrics do not count the polls and articles:\n%s", m)
	}

	cancel() // as SIGTERM does
	select {
	case code := <-done:
		done <- code
		if code != 0 {
			t.Fatalf("serve exited with %d: %s", code, serr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not shut down")
	}

	out.Reset()
	if code := run(context.Background(), []string{"feeds", "--db", db, "list"}, &out, &errb); code != 0 {
		t.Fatalf("feeds list: %s", errb.String())
	}
	for _, f := range []string{"/wire.xml", "/second.xml", "/third.xml"} {
		if !strings.Contains(out.String(), feedSrv.URL+f) {
			t.Errorf("feeds list lacks %s:\n%s", f, out.String())
		}
	}
}

// getFeeds returns the feeds GET /api/feeds lists.
func getFeeds(t *testing.T, base string) []struct{ URL string } {
	t.Helper()
	var fl struct {
		Feeds []struct{ URL string } `json:"feeds"`
	}
	if code := getJSON(t, base+"/api/feeds", &fl); code != 200 {
		t.Fatalf("GET /api/feeds: %d", code)
	}
	return fl.Feeds
}

func TestFeedsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	var out, errb bytes.Buffer
	cmd := func(args ...string) int {
		out.Reset()
		errb.Reset()
		return run(context.Background(), append([]string{"feeds", "--db", db}, args...), &out, &errb)
	}
	if code := cmd("add", "https://Example.com/rss", "gopher://x"); code != 1 || !strings.Contains(errb.String(), "gopher://x") {
		t.Fatalf("add with a bad URL: %d %q", code, errb.String())
	}
	if code := cmd("add", "https://example.com/rss"); code != 0 || !strings.Contains(out.String(), "already followed") {
		t.Fatalf("add again: %d %q", code, out.String())
	}
	cmd("list")
	if !strings.Contains(out.String(), "https://example.com/rss") {
		t.Fatalf("list: %q", out.String())
	}
	if code := cmd("remove", "https://example.com/rss"); code != 0 {
		t.Fatalf("remove: %d %s", code, errb.String())
	}
	if code := cmd("remove", "https://example.com/rss"); code != 1 {
		t.Fatalf("remove twice: %d", code)
	}
	cmd("list")
	if strings.Contains(out.String(), "example.com") {
		t.Fatalf("list after remove: %q", out.String())
	}
	if code := cmd("frobnicate"); code != 2 {
		t.Fatalf("unknown action: %d", code)
	}
}

func TestServeNeedsToken(t *testing.T) {
	var out, errb bytes.Buffer
	t.Setenv(tokenEnv, "")
	if code := run(context.Background(), []string{"serve", "--db", filepath.Join(t.TempDir(), "x.db"), "--addr", "0.0.0.0:0"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "token") {
		t.Fatalf("serve on 0.0.0.0 without a token: %d %s", code, errb.String())
	}
}

// TestServeShutdownCancelsRequests: after SIGTERM (ctx), serve waits
// shutdownGrace for the requests in flight, then cancels them: a posted
// URL whose server never answers stops being fetched, the poster gets an
// answer, and serve exits cleanly instead of hanging on the fetch.
func TestServeShutdownCancelsRequests(t *testing.T) {
	withAssigner(t)
	old := shutdownGrace
	shutdownGrace = 100 * time.Millisecond
	t.Cleanup(func() { shutdownGrace = old })

	entered, released := make(chan struct{}), make(chan struct{})
	var once sync.Once
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(entered) })
		select {
		case <-r.Context().Done(): // the fetcher gave up
		case <-released:
		}
	}))
	defer hang.Close()
	defer close(released)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var sout, serr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", filepath.Join(t.TempDir(), "s.db"), "--addr", "127.0.0.1:0", "--allow-private-urls"}, &sout, &serr)
	}()
	base := listeningAt(t, &sout)

	posted := make(chan error, 1)
	go func() {
		resp, err := http.Post(base+"/api/articles", "application/json", strings.NewReader(`{"urls": ["`+hang.URL+`/slow"]}`))
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		posted <- err
	}()
	select {
	case <-entered:
	case <-time.After(time.Minute):
		t.Fatal("the posted URL was never fetched")
	}

	cancel() // as SIGTERM does
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d: %s", code, serr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not shut down while a posted URL hung")
	}
	if !strings.Contains(serr.String(), "cancelled") {
		t.Errorf("serve does not say it cancelled the request in flight: %q", serr.String())
	}
	select {
	case <-posted: // an answer or a closed connection, either way not left hanging
	case <-time.After(time.Minute):
		t.Error("the poster was left waiting")
	}
}
