package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/news"
)

func TestAPIReads(t *testing.T) {
	s := openStore(t)
	id, docs := seedStory(t, s)
	srv := newServer(t, Config{Store: s})

	w := do(t, srv, "GET", "/api/stories", "", "")
	var list storyList
	decode(t, w, &list)
	if w.Code != 200 || len(list.Stories) != 1 || list.Stories[0].ID != id || list.Stories[0].Articles != len(docs) {
		t.Fatalf("GET /api/stories: %d %s", w.Code, w.Body)
	}
	w = do(t, srv, "GET", "/api/stories?since=2100-01-01", "", "")
	decode(t, w, &list)
	if len(list.Stories) != 0 {
		t.Errorf("since 2100 lists %d stories", len(list.Stories))
	}
	w = do(t, srv, "GET", "/api/stories?q=Baqeri&limit=5", "", "")
	decode(t, w, &list)
	if len(list.Stories) != 1 {
		t.Errorf("q=Baqeri lists %d stories, want 1", len(list.Stories))
	}

	w = do(t, srv, "GET", "/api/stories/"+id, "", "")
	var b news.Brief
	decode(t, w, &b)
	if w.Code != 200 || len(b.Sources) != len(docs) {
		t.Fatalf("GET /api/stories/%s: %d, %d sources", id, w.Code, len(b.Sources))
	}

	key := docs[0].Key
	w = do(t, srv, "GET", "/api/articles/"+url.PathEscape(key), "", "")
	var a news.Article
	decode(t, w, &a)
	if w.Code != 200 || a.Key != key || a.Text == "" {
		t.Fatalf("GET /api/articles/%s: %d %+v", key, w.Code, a.Key)
	}

	w = do(t, srv, "GET", "/api/search?q=Akar", "", "")
	var hits hitList
	decode(t, w, &hits)
	if w.Code != 200 || len(hits.Hits) == 0 || hits.Hits[0].Story != id {
		t.Fatalf("GET /api/search?q=Akar: %d %s", w.Code, w.Body)
	}

	for _, c := range []struct {
		target string
		status int
	}{
		{"/api/stories/s000000000000", 404},
		{"/api/articles/" + url.PathEscape("https://example.com/none"), 404},
		{"/api/search", 400},
		{"/api/search?q=x&limit=0", 400},
		{"/api/stories?limit=abc", 400},
		{"/api/stories?limit=100000", 400},
		{"/api/stories?since=yesterday", 400},
		{"/api/nothing", 404},
		{"/api/feeds", 503}, // no feeds configured
	} {
		wantError(t, do(t, srv, "GET", c.target, "", ""), c.status)
	}
	if w := do(t, srv, "GET", "/healthz", "", ""); w.Code != 200 {
		t.Errorf("/healthz: %d", w.Code)
	}
	if w := do(t, srv, "GET", "/readyz", "", ""); w.Code != 200 {
		t.Errorf("/readyz: %d", w.Code)
	}
}

func TestStoryListPaging(t *testing.T) {
	s := openStore(t)
	srv := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}})
	var body []string
	for i := range 3 {
		body = append(body, fmt.Sprintf(`{"title": "Report %d", "text": "The council of town %d met on Monday and voted on the budget.", "date": "2024-05-0%d"}`, i, i, i+1))
	}
	w := do(t, srv, "POST", "/api/articles", "application/json", "["+strings.Join(body, ",")+"]")
	if w.Code != 200 {
		t.Fatalf("POST: %d %s", w.Code, w.Body)
	}
	var seen []string
	cursor := ""
	for page := 0; page < 5; page++ {
		w := do(t, srv, "GET", "/api/stories?limit=2&cursor="+url.QueryEscape(cursor), "", "")
		var list storyList
		decode(t, w, &list)
		for _, st := range list.Stories {
			seen = append(seen, st.ID)
		}
		if list.Next == "" {
			break
		}
		cursor = list.Next
	}
	slices.Sort(seen)
	if len(seen) != 3 || len(slices.Compact(seen)) != 3 {
		t.Fatalf("paging with limit 2 saw %v, want 3 distinct stories", seen)
	}
}

func TestPostArticles(t *testing.T) {
	s := openStore(t)
	srv := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}, MaxBodySize: 4 << 10, MaxURLs: 2})

	art := `{"title": "Bridge opens", "text": "The new bridge over the river opened on Tuesday, the mayor said.", "date": "2024-03-05", "source": "Daily", "url": "https://example.com/bridge"}`
	w := do(t, srv, "POST", "/api/articles", "application/json", art)
	var res IngestResult
	decode(t, w, &res)
	if w.Code != 200 || res.Stored != 1 || res.Results[0].Story == "" {
		t.Fatalf("POST one article: %d %s", w.Code, w.Body)
	}
	w = do(t, srv, "POST", "/api/articles", "application/json", art)
	decode(t, w, &res)
	if res.Stored != 0 || res.Known != 1 {
		t.Fatalf("POST the same article again: %s", w.Body)
	}
	if w := do(t, srv, "GET", "/api/articles/"+url.PathEscape("https://example.com/bridge"), "", ""); w.Code != 200 {
		t.Fatalf("the posted article is not served: %d", w.Code)
	}

	html := `<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1><p>A storm hit the coast on Sunday, cutting power to thousands of homes, officials said.</p><p>Repairs will take a week, the utility said in a statement on Monday.</p></article></body></html>`
	w = do(t, srv, "POST", "/api/articles", "text/html; charset=utf-8", html)
	decode(t, w, &res)
	if w.Code != 200 || res.Stored != 1 {
		t.Fatalf("POST HTML: %d %s", w.Code, w.Body)
	}

	// URLs: a bad scheme is reported by name, the rest goes on; too many
	// URLs is a 413.
	w = do(t, srv, "POST", "/api/articles", "application/json", `{"urls": ["ftp://example.com/a"]}`)
	decode(t, w, &res)
	if w.Code != 200 || res.Failed != 1 || !strings.Contains(res.Results[0].Error, "ftp://example.com/a") {
		t.Fatalf("POST a bad URL: %d %s", w.Code, w.Body)
	}
	wantError(t, do(t, srv, "POST", "/api/articles", "text/uri-list", "https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\n"), 413)

	wantError(t, do(t, srv, "POST", "/api/articles", "application/json", `{"title": "big", "text": "`+strings.Repeat("word ", 2000)+`"}`), 413)
	wantError(t, do(t, srv, "POST", "/api/articles", "image/png", "xx"), 415)
	wantError(t, do(t, srv, "POST", "/api/articles", "", "xx"), 415)
	wantError(t, do(t, srv, "POST", "/api/articles", "application/json", "   "), 400)
	wantError(t, do(t, srv, "POST", "/api/articles", "application/json", `{"title": `), 400)

	// Without an ingester the route says so.
	wantError(t, do(t, newServer(t, Config{Store: s}), "POST", "/api/articles", "application/json", art), 503)
}

// fakeFeeds is a Feeds in memory.
type fakeFeeds struct{ m *feeds.MemoryStore }

func (f fakeFeeds) Feeds(ctx context.Context) ([]feeds.Feed, error) { return f.m.LoadFeeds(ctx) }
func (f fakeFeeds) Add(ctx context.Context, raw string) (feeds.Feed, error) {
	u, err := feeds.NormalizeURL(raw)
	if err != nil {
		return feeds.Feed{}, err
	}
	return feeds.Feed{URL: u}, f.m.SaveFeed(ctx, feeds.Feed{URL: u})
}
func (f fakeFeeds) Remove(ctx context.Context, raw string) error { return f.m.DeleteFeed(ctx, raw) }

func TestFeedsAPI(t *testing.T) {
	srv := newServer(t, Config{Store: openStore(t), Feeds: fakeFeeds{feeds.NewMemoryStore()}})
	w := do(t, srv, "POST", "/api/feeds", "application/json", `{"url": "https://Example.com/feed.xml"}`)
	if w.Code != 201 {
		t.Fatalf("POST /api/feeds: %d %s", w.Code, w.Body)
	}
	wantError(t, do(t, srv, "POST", "/api/feeds", "application/json", `{"url": "file:///etc/passwd"}`), 400)
	wantError(t, do(t, srv, "POST", "/api/feeds", "application/json", `{"link": "https://example.com/"}`), 400)
	w = do(t, srv, "GET", "/api/feeds", "", "")
	var fl struct {
		Feeds []struct {
			URL string `json:"url"`
		} `json:"feeds"`
	}
	decode(t, w, &fl)
	if len(fl.Feeds) != 1 || fl.Feeds[0].URL != "https://example.com/feed.xml" {
		t.Fatalf("GET /api/feeds: %s", w.Body)
	}
	if w := do(t, srv, "DELETE", "/api/feeds?url="+url.QueryEscape("https://example.com/feed.xml"), "", ""); w.Code != 204 {
		t.Fatalf("DELETE: %d %s", w.Code, w.Body)
	}
	wantError(t, do(t, srv, "DELETE", "/api/feeds?url="+url.QueryEscape("https://example.com/feed.xml"), "", ""), 404)
	wantError(t, do(t, srv, "DELETE", "/api/feeds", "", ""), 400)
}

func TestMetrics(t *testing.T) {
	s := openStore(t)
	fs := feeds.NewMemoryStore(feeds.Feed{URL: "https://example.com/ok.xml"}, feeds.Feed{URL: "https://example.com/down.xml", Failures: 3, LastError: "503"})
	srv := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}, Feeds: fakeFeeds{fs}})
	do(t, srv, "GET", "/api/stories", "", "")
	do(t, srv, "GET", "/api/stories/nope", "", "")
	do(t, srv, "POST", "/api/articles", "application/json", `{"title": "A", "text": "The port reopened on Friday after the strike ended.", "date": "2024-01-05"}`)
	srv.Metrics().FeedPoll(feeds.Result{Outcome: feeds.OutcomeNotModified})
	w := do(t, srv, "GET", "/metrics", "", "")
	body := w.Body.String()
	for _, want := range []string{
		`storyline_articles_ingested_total{result="stored"} 1`,
		`storyline_stories 1`,
		`storyline_feed_polls_total{result="not_modified"} 1`,
		"storyline_feeds 2\n",
		"storyline_feeds_failing 1\n",
		`storyline_ingest_lag_seconds_count 1`,
		`storyline_http_request_duration_seconds_count{method="GET",route="GET /api/stories",code="200"} 1`,
		`storyline_http_request_duration_seconds_count{method="GET",route="GET /api/stories/{id}",code="404"} 1`,
		`storyline_http_request_duration_seconds_bucket{method="GET",route="GET /api/stories",code="200",le="+Inf"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if t.Failed() {
		t.Log(body)
	}
	// Only loopback, unless configured.
	r := httptest.NewRequest("GET", "/metrics", nil) // RemoteAddr 192.0.2.1
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, r)
	wantError(t, rec, 403)
	open := newServer(t, Config{Store: s, PublicMetrics: true})
	rec = httptest.NewRecorder()
	open.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Errorf("public metrics: %d", rec.Code)
	}
}

func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q", doc.OpenAPI)
	}
	inDoc := map[string]bool{}
	for p, ops := range doc.Paths {
		for m, op := range ops {
			inDoc[strings.ToUpper(m)+" "+p] = true
			if _, ok := op["responses"]; !ok {
				t.Errorf("%s %s has no responses", m, p)
			}
		}
	}
	srv := newServer(t, Config{Store: openStore(t)})
	inMux := map[string]bool{}
	for _, rt := range srv.routeTable() {
		apiPath := strings.HasPrefix(rt.path, "/api/") || rt.path == "/healthz" || rt.path == "/readyz" || rt.path == "/metrics"
		if apiPath != rt.api {
			t.Errorf("route %s %s: api=%v, but its path says %v", rt.method, rt.path, rt.api, apiPath)
		}
		if rt.api {
			inMux[rt.method+" "+rt.path] = true
		}
	}
	for k := range inMux {
		if !inDoc[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	for k := range inDoc {
		if !inMux[k] {
			t.Errorf("openapi.json describes %s, which the mux does not serve", k)
		}
	}
	if w := do(t, srv, "GET", "/api/openapi.json", "", ""); w.Code != 200 || !json.Valid(w.Body.Bytes()) {
		t.Errorf("GET /api/openapi.json: %d", w.Code)
	}
}

func FuzzDecodePost(f *testing.F) {
	for _, c := range [][2]string{
		{"application/json", `{"title": "A", "text": "Some text.", "date": "2024-01-01"}`},
		{"application/json", `[{"title": "A", "text": "x"}, {"title": "B", "content": "y"}]`},
		{"application/json", `{"urls": ["https://example.com/a", "ftp://x"]}`},
		{"application/json", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n"},
		{"text/html; charset=utf-8", `<html><body><p>Hello there, this is a page.</p></body></html>`},
		{"text/plain", " date 2020-01-01\nTitle\n\nBody text here."},
		{"text/uri-list", "# c\nhttps://example.com/\n"},
		{"multipart/form-data; boundary=x", "--x--"},
		{"", ""},
	} {
		f.Add(c[0], []byte(c[1]))
	}
	srv := newServer(f, Config{Store: openStore(f)})
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		p, err := decodePost(srv.cfg.Reader, ct, body, DefaultMaxURLs)
		if err != nil {
			if st := statusOf(err); st < 400 || st >= 500 {
				t.Fatalf("decode error %v answered with %d, want a 4xx", err, st)
			}
			return
		}
		if len(p.Articles)+len(p.URLs)+len(p.Errors) == 0 {
			t.Fatalf("decoded nothing and no error from %q %q", ct, body)
		}
		for _, u := range p.URLs {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("URL %q passed the check", u)
			}
		}
	})
}

func FuzzDecodeFeedRequest(f *testing.F) {
	f.Add([]byte(`{"url": "https://example.com/feed"}`))
	f.Add([]byte(`{"url": ""}`))
	f.Add([]byte(`{"x": 1}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := decodeFeedRequest(strings.NewReader(string(body)))
		if err != nil {
			if statusOf(err) != 400 {
				t.Fatalf("error %v is not a 400", err)
			}
			return
		}
		if u == "" {
			t.Fatal("an empty URL passed")
		}
	})
}
