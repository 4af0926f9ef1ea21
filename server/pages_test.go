package server

import (
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// checkPageHeaders checks the security headers of a page and that its
// scripts carry the policy's nonce.
func checkPageHeaders(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Header()
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if h.Get(k) != v {
			t.Errorf("%s: %q, want %q", k, h.Get(k), v)
		}
	}
	csp := h.Get("Content-Security-Policy")
	m := regexp.MustCompile(`script-src 'nonce-([A-Za-z0-9_-]+)'`).FindStringSubmatch(csp)
	if m == nil || !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("Content-Security-Policy %q is not strict with a nonce", csp)
	}
	body := w.Body.String()
	scripts := regexp.MustCompile(`<script[^>]*>`).FindAllString(body, -1)
	for _, s := range scripts {
		if !strings.Contains(s, `nonce="`+m[1]+`"`) {
			t.Errorf("script %s lacks the nonce %s", s, m[1])
		}
	}
	if strings.Contains(body, "http://") && strings.Contains(body, "<link") && regexp.MustCompile(`(src|href)="https?://`).MatchString(body) {
		t.Errorf("the page loads something from elsewhere")
	}
}

func TestStoryPages(t *testing.T) {
	s := openStore(t)
	id, docs := seedStory(t, s)
	srv := newServer(t, Config{Store: s})

	w := do(t, srv, "GET", "/", "", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "/stories/"+id) {
		t.Fatalf("story list: %d", w.Code)
	}
	checkPageHeaders(t, w)
	if !strings.Contains(w.Body.String(), "changed since yesterday") {
		t.Error("the list does not say what changed since yesterday")
	}
	nonce1 := w.Header().Get("Content-Security-Policy")
	if w2 := do(t, srv, "GET", "/", "", ""); w2.Header().Get("Content-Security-Policy") == nonce1 {
		t.Error("two pages share a nonce")
	}

	w = do(t, srv, "GET", "/stories/"+id, "", "")
	if w.Code != 200 {
		t.Fatalf("story page: %d %s", w.Code, w.Body)
	}
	checkPageHeaders(t, w)
	body := w.Body.String()
	// The second view comes from the page cache, with a nonce of its own.
	w2 := do(t, srv, "GET", "/stories/"+id, "", "")
	checkPageHeaders(t, w2)
	n1 := regexp.MustCompile(`nonce="([^"]+)"`).FindStringSubmatch(body)[1]
	n2 := regexp.MustCompile(`nonce="([^"]+)"`).FindStringSubmatch(w2.Body.String())[1]
	if n1 == n2 || strings.Replace(w2.Body.String(), n2, n1, 1) != body {
		t.Error("the cached story page differs from the first, or keeps its nonce")
	}
	for _, want := range []string{`<svg class="timeline"`, `<circle`, `class="cite"`, `data-tip="`, `id="disagreements"`, `class="conflict"`, `<table class="coverage"`, `id="src-5"`, "rejected"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	// A citation's hover text is a sentence of the cited source.
	tips := regexp.MustCompile(`data-tip="[^"]*: “([^”]+)”"`).FindAllStringSubmatch(body, -1)
	if len(tips) == 0 {
		t.Fatal("no citation shows a sentence")
	}
	found := 0
	for _, tip := range tips {
		sent := strings.NewReplacer("&#39;", "'", "&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(tip[1])
		for _, d := range docs {
			if strings.Contains(strings.Join(strings.Fields(d.Text), " "), sent) {
				found++
				break
			}
		}
	}
	if found != len(tips) {
		t.Errorf("%d of %d citation tips are sentences of a source", found, len(tips))
	}

	w = do(t, srv, "GET", "/articles/"+url.PathEscape(docs[1].Key), "", "")
	if w.Code != 200 {
		t.Fatalf("source view: %d", w.Code)
	}
	checkPageHeaders(t, w)
	for _, want := range []string{`class="ent ent-PER"`, `class="tx"`, `title="DATE = 2017-`, `class="q`} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("source view lacks %s", want)
		}
	}

	if w := do(t, srv, "GET", "/stories/nope", "", ""); w.Code != 404 {
		t.Errorf("missing story page: %d", w.Code)
	}
	if w := do(t, srv, "GET", "/static/style.css", "", ""); w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Errorf("style sheet: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
}

func TestPagesEscape(t *testing.T) {
	s := openStore(t)
	srv := newServer(t, Config{Store: s, Ingester: &testIngester{tb: t, s: s}})
	evil := `{"title": "<script>alert(1)</script> news", "text": "Officials said <img src=x onerror=alert(2)> the plan \"will work\" on Monday.", "date": "2024-02-02", "source": "<b>Outlet</b>"}`
	w := do(t, srv, "POST", "/api/articles", "application/json", evil)
	var res IngestResult
	decode(t, w, &res)
	if res.Stored != 1 {
		t.Fatalf("POST: %s", w.Body)
	}
	for _, target := range []string{"/", "/stories/" + res.Results[0].Story, "/articles/" + url.PathEscape(res.Results[0].Key)} {
		w := do(t, srv, "GET", target, "", "")
		body := w.Body.String()
		if w.Code != 200 {
			t.Fatalf("%s: %d", target, w.Code)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>Outlet"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s shows %q unescaped", target, bad)
			}
		}
	}
}

func TestToken(t *testing.T) {
	s := openStore(t)
	srv := newServer(t, Config{Store: s, Token: "s3cret-token"})

	wantError(t, do(t, srv, "GET", "/api/stories", "", ""), 401)
	wantError(t, do(t, srv, "GET", "/api/stories", "", "", "Authorization", "Bearer wrong"), 401)
	wantError(t, do(t, srv, "GET", "/metrics", "", ""), 401)
	wantError(t, do(t, srv, "GET", "/api/openapi.json", "", ""), 401)
	wantError(t, do(t, srv, "GET", "/api/stories", "", "", "Authorization", "Bearer s3cret-tokenX"), 401)
	wantError(t, do(t, srv, "GET", "/api/stories", "", "", "Authorization", "Bearer s3cret-toke"), 401)
	if w := do(t, srv, "GET", "/api/stories", "", "", "Authorization", "Bearer s3cret-token"); w.Code != 200 {
		t.Fatalf("with the token: %d", w.Code)
	}
	if w := do(t, srv, "GET", "/healthz", "", ""); w.Code != 200 {
		t.Errorf("/healthz needs no token: %d", w.Code)
	}
	w := do(t, srv, "GET", "/", "", "")
	if w.Code != 303 || w.Header().Get("Location") != "/login" {
		t.Fatalf("a page without the token: %d %s", w.Code, w.Header().Get("Location"))
	}
	w = do(t, srv, "POST", "/login", "application/x-www-form-urlencoded", "token=nope")
	if w.Code != 401 || len(w.Result().Cookies()) != 0 {
		t.Fatalf("a wrong login: %d", w.Code)
	}
	w = do(t, srv, "POST", "/login", "application/x-www-form-urlencoded", "token=s3cret-token")
	cookies := w.Result().Cookies()
	if w.Code != 303 || len(cookies) != 1 || !cookies[0].HttpOnly || strings.Contains(cookies[0].Value, "s3cret") {
		t.Fatalf("login: %d %v", w.Code, cookies)
	}
	if w := do(t, srv, "GET", "/", "", "", "Cookie", cookies[0].Name+"="+cookies[0].Value); w.Code != 200 {
		t.Fatalf("a page with the session cookie: %d", w.Code)
	}
	forged := []byte(cookies[0].Value)
	forged[0] ^= 1
	if w := do(t, srv, "GET", "/", "", "", "Cookie", cookies[0].Name+"="+string(forged)); w.Code != 303 {
		t.Fatalf("a page with a forged cookie: %d", w.Code)
	}
}
