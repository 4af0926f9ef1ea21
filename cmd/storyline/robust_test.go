package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

// hangGuard bounds a test that would otherwise hang on a bug; it is a
// failure guard, not a measure of speed.
const hangGuard = 60 * time.Second

// TestSignalDuringFetch sends SIGTERM to this process while a brief waits
// on a server that never answers, with the signal handling of main: the
// run ends with "interrupted" and exit status 130, not at the HTTP
// timeout and not with "context canceled".
func TestSignalDuringFetch(t *testing.T) {
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case arrived <- struct{}{}:
		default:
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type outcome struct {
		code   int
		stderr string
	}
	done := make(chan outcome, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(ctx, []string{"brief", srv.URL + "/story"}, &out, &errb)
		done <- outcome{code, errb.String()}
	}()
	select {
	case <-arrived:
	case <-time.After(hangGuard):
		t.Fatal("the fetch never reached the server")
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Skipf("cannot signal this process: %v", err)
	}
	select {
	case o := <-done:
		if o.code != exitInterrupted || !strings.Contains(o.stderr, "interrupted") || strings.Contains(o.stderr, "context canceled") {
			t.Errorf("exit %d, stderr %q; want %d and \"interrupted\"", o.code, o.stderr, exitInterrupted)
		}
	case <-time.After(hangGuard):
		t.Fatal("SIGTERM was not obeyed")
	}
}

// TestCancelDuringBrief cancels a run whose input keeps arriving slowly:
// the command returns on cancellation whatever stage is under way.
func TestCancelDuringBrief(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; r.Context().Err() == nil; i++ {
			fmt.Fprintf(w, `{"title": "Harbour %d", "text": "The harbour reopened on Monday after storm %d, the port authority said."}`+"\n", i, i)
			w.(http.Flusher).Flush()
			time.Sleep(20 * time.Millisecond)
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() { done <- run(ctx, []string{"brief", "--max-articles", "0", srv.URL}, &bytes.Buffer{}, &errb) }()
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("exit %d, want %d", code, exitInterrupted)
		}
	case <-time.After(hangGuard):
		t.Fatal("cancellation was not obeyed")
	}
}

// TestEndlessStream briefs an endless stream of JSON lines: reading stops
// at --max-articles, with a note on stderr, and the brief holds that many.
func TestEndlessStream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; r.Context().Err() == nil; i++ {
			_, err := fmt.Fprintf(w, `{"title": "Harbour report %d", "source": "Outlet %d", "date": "2024-03-%02d", "text": "The harbour reopened on Monday after a week of storms, the port authority said in report %d. Fishing boats went out again at dawn."}`+"\n", i, i, 1+i%28, i)
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"brief", "--format", "json", "--max-articles", "25", srv.URL}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "--max-articles 25") {
		t.Errorf("stderr does not say the limit was reached: %q", errb.String())
	}
	var b news.Brief
	if err := json.Unmarshal(out.Bytes(), &b); err != nil || len(b.Sources) != 25 {
		t.Errorf("brief of %d sources (%v), want 25", len(b.Sources), err)
	}
}

func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	text := "The harbour reopened on Monday after a week of storms, the port authority said. Fishing boats went out again at dawn.\n"
	var paths []string
	for i := range 5 {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		os.WriteFile(p, []byte(text), 0o644)
		paths = append(paths, p)
	}
	code, out, errs := storyline(append([]string{"brief", "--format", "json", "--max-bytes", fmt.Sprint(2*len(text) + 10)}, paths...)...)
	var b news.Brief
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil || len(b.Sources) != 2 || !strings.Contains(errs, "--max-bytes") {
		t.Errorf("exit %d, %d sources, stderr %q; want 2 sources and a note", code, len(b.Sources), errs)
	}
}

// TestHelpAndVersion checks where help goes and what version prints.
func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"brief", "--help"}, {"help", "brief"}, {"eval", "-h"}} {
		code, out, errs := storyline(args...)
		if code != 0 || !strings.Contains(out, "brief") && !strings.Contains(out, "eval") || errs != "" {
			t.Errorf("storyline %q: exit %d, stdout %q, stderr %q; want help on stdout", args, code, out, errs)
		}
	}
	code, out, errs := storyline()
	if code != 2 || out != "" || !strings.Contains(errs, "Commands:") {
		t.Errorf("no command: exit %d, stdout %q; want usage on stderr and 2", code, out)
	}
	code, out, errs = storyline("brief", "--nosuchflag", "x")
	if code != 2 || out != "" || !strings.Contains(errs, "nosuchflag") || !strings.Contains(errs, "usage:") {
		t.Errorf("bad flag: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ = storyline(args...)
		if code != 0 || !strings.HasPrefix(out, "storyline ") || !strings.Contains(out, "go1.") {
			t.Errorf("storyline %q: exit %d, %q", args, code, out)
		}
	}
}

// TestErrorPrefixes checks that no message repeats its package's name.
func TestErrorPrefixes(t *testing.T) {
	deep := filepath.Join(t.TempDir(), "deep.page")
	os.WriteFile(deep, []byte("<html><body>"+strings.Repeat("<div>", 600)+"<p>The story of the day.</p></body></html>"), 0o644)
	for _, args := range [][]string{{"eval", "nosuchsuite"}, {"eval", "entities", "--data", filepath.Join(t.TempDir(), "none")}, {"brief", deep}, {"brief", "ftp://example.com/a"}} {
		_, _, errs := storyline(args...)
		for _, p := range []string{"eval: eval:", "html: html:", "ingest: ingest:", "brief: brief:"} {
			if strings.Contains(errs, p) {
				t.Errorf("storyline %q: %q repeats a prefix", args, errs)
			}
		}
		if errs == "" {
			t.Errorf("storyline %q: no error", args)
		}
	}
}

// TestEvalOutsideRepo says to use --data when the default data is missing.
func TestEvalOutsideRepo(t *testing.T) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(t.TempDir())
	code, _, errs := storyline("eval", "entities")
	if code != 1 || !strings.Contains(errs, "--data") {
		t.Errorf("exit %d, stderr %q; want a hint to use --data", code, errs)
	}
}

// TestProgressThroughSyncWriter keeps the progress line on a terminal
// when stderr is wrapped for interruption. /dev/null stands in for the
// terminal: it is a character device too.
func TestProgressThroughSyncWriter(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer dev.Close()
	if st, err := dev.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	if p := newProgress(&syncWriter{w: dev}, "read"); p.w == nil {
		t.Error("no progress shown on a terminal behind a syncWriter")
	}
	if p := newProgress(&syncWriter{w: &bytes.Buffer{}}, "read"); p.w != nil {
		t.Error("progress shown on a buffer")
	}
}

// TestHostileBatch ingests, twice into one store, a folder mixing good
// articles with the bad inputs a hostile or careless user brings (a cut
// HTML page, a PNG named .html, UTF-16 without a byte-order mark, Latin-1,
// an empty feed, a feed cut off after one item, a JSON line that is not
// JSON, a text too long to analyse) and two URLs (a redirect loop and a
// gzip bomb): every bad input is named on stderr, the rest of the batch is
// stored, and the second run stores nothing twice.
func TestHostileBatch(t *testing.T) {
	withAssigner(t)
	bomb := gzipOf(t, strings.Repeat("The harbour reopened. ", 2<<20)) // 44 MiB of text
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/bomb":
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		}
	}))
	defer srv.Close()

	sentence := func(i int) string {
		return fmt.Sprintf("The harbour of town %d reopened on Monday after a week of storms, the port authority said. Fishing boats went out again at dawn.", i)
	}
	var utf16 []byte
	for _, c := range sentence(3) {
		utf16 = append(utf16, byte(c), 0)
	}
	var long strings.Builder
	for i := 0; long.Len() <= ingest.DefaultMaxTextSize; i++ {
		long.WriteString(sentence(1000+i) + "\n\n")
	}
	item := `<item><title>Harbour</title><link>https://example.com/h</link><description>` + sentence(7) + `</description></item>`
	files := map[string]string{
		"good1.txt":     sentence(1),
		"good2.txt":     sentence(2),
		"utf16.txt":     string(utf16),
		"latin1.txt":    "Caf\xe9 owners in S\xe3o Paulo said on Monday that " + sentence(4),
		"cut.html":      "<html><head><title>Harbour</title></head><body><article><p>" + sentence(5) + "</p><p>" + sentence(6)[:40],
		"image.html":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x02\x00\x00\x00&\x93\t)",
		"empty.rss":     `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`,
		"cut.rss":       `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` + item + `<item><title>Har`,
		"lines.jsonl":   fmt.Sprintf(`{"title": "A", "text": %q}`+"\nthis is not JSON\n"+`{"title": "B", "text": %q}`+"\n", sentence(8), sentence(9)),
		"long.txt":      long.String(),
		"ok-after.html": "<html><head><title>Port</title></head><body><article><p>" + sentence(10) + "</p></article></body></html>",
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for name, content := range files {
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "s.db")
	args := []string{"ingest", "--db", db, in, srv.URL + "/loop", srv.URL + "/bomb"}
	code, out, errs := storyline(args...)
	// good1, good2, utf16, latin1, cut.html, cut.rss#1, lines.jsonl#1 and #3, ok-after.html
	if code != 0 || !strings.Contains(out, "9 new article(s) stored, 0 already stored, 7 unreadable") {
		t.Errorf("first run: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	for _, want := range []string{"image.html: binary file", "empty.rss: feed has no items", "cut.rss: feed:", "lines.jsonl:2: json", "long.txt: article text too long", "/loop: ", "/bomb: input too large"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not say %q:\n%s", want, errs)
		}
	}
	code, out, errs = storyline(args...)
	if code != 0 || !strings.Contains(out, "0 new article(s) stored, 9 already stored, 7 unreadable") {
		t.Errorf("second run: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
}

// gzipOf returns s compressed with gzip.
func gzipOf(t *testing.T, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
