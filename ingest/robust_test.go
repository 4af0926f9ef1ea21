package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// textOfSize returns plain text of exactly n bytes: real sentences in
// paragraphs.
func textOfSize(n int) []byte {
	para := "The harbour reopened on Monday after a week of storms, the port authority said. Fishing boats went out again at dawn.\n\n"
	b := []byte(strings.Repeat(para, n/len(para)+1)[:n])
	b[n-1] = '\n'
	return b
}

// TestSizeLimitAtLimit reads inputs of exactly the limit and refuses those
// one byte over it: files (size known), stdin (size unknown) and JSON
// lines with either line end.
func TestSizeLimitAtLimit(t *testing.T) {
	const limit = 4096
	r, _ := New(Options{MaxFileSize: limit, MaxRecordSize: limit})
	dir := t.TempDir()
	at := writeFile(t, dir, "at.txt", textOfSize(limit))
	over := writeFile(t, dir, "over.txt", textOfSize(limit+1))
	res := collect(t, r.ReadAll([]string{at, over}))
	if len(res) != 2 || res[0].Article == nil || !strings.Contains(res[1].Error, "too large") {
		t.Errorf("files at and over the limit: %+v", res)
	}
	for _, n := range []int{limit, limit + 1} {
		r, _ := New(Options{MaxFileSize: limit, Stdin: strings.NewReader(string(textOfSize(n)))})
		res := collect(t, r.Read("-"))
		if ok := len(res) == 1 && res[0].Article != nil; ok != (n == limit) {
			t.Errorf("stdin of %d bytes, limit %d: %+v", n, limit, res)
		}
	}
	line := func(n int) string {
		head := `{"text": "`
		return head + strings.Repeat("w", n-len(head)-2) + `"}`
	}
	for _, end := range []string{"\n", "\r\n"} {
		in := line(limit) + end + line(limit+1) + end + line(100) + end
		res := collect(t, r.ReadFrom("lines.jsonl", strings.NewReader(in)))
		if len(res) != 3 || res[0].Article == nil || !strings.Contains(res[1].Error, "line longer") || res[2].Article == nil {
			t.Errorf("JSON lines at and over the limit, line end %q: %+v", end, res)
		}
	}
}

// TestDefaultSizeLimit reads a file of exactly DefaultMaxFileSize with the
// default file limit (and a text limit that lets its text through).
func TestDefaultSizeLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 32 MiB")
	}
	p := writeFile(t, t.TempDir(), "limit.txt", textOfSize(DefaultMaxFileSize))
	r, _ := New(Options{MaxTextSize: DefaultMaxFileSize})
	res := collect(t, r.Read(p))
	if len(res) != 1 || res[0].Article == nil {
		t.Fatalf("a file of exactly %d bytes: %+v", DefaultMaxFileSize, res)
	}
}

// TestTextSizeLimit refuses articles whose text is over MaxTextSize, in
// every format, with an error naming the input, and reads the rest of the
// batch: a file under the file limit can still hold more text than
// analysis can bear.
func TestTextSizeLimit(t *testing.T) {
	const limit = 4096
	r, _ := New(Options{MaxTextSize: limit})
	// Paragraphs that differ, since a paragraph repeating the one before
	// it is dropped.
	var lb strings.Builder
	for i := 0; lb.Len() < 3*limit; i++ {
		fmt.Fprintf(&lb, "The harbour reopened on Monday after storm number %d, the port authority said.\n\n", i)
	}
	long := lb.String()
	esc, _ := json.Marshal(long)
	dir := t.TempDir()
	inputs := []struct{ name, content string }{
		{"long.txt", long},
		{"long.html", "<html><head><title>T</title></head><body><article><p>" + strings.ReplaceAll(long, "\n\n", "</p><p>") + "</p></article></body></html>"},
		{"long.jsonl", `{"title": "T", "text": ` + string(esc) + "}\n" + `{"title": "T", "text": "The harbour reopened on Monday, the port authority said."}` + "\n"},
		{"long.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>One</title><description>` + long + `</description></item></channel></rss>`},
		{"padded.txt", goodText + strings.Repeat(" \n", 3*limit)}, // long only in white space
		{"good.txt", goodText},
	}
	var paths []string
	for _, in := range inputs {
		paths = append(paths, writeFile(t, dir, in.name, []byte(in.content)))
	}
	res := collect(t, r.ReadAll(paths))
	if len(res) != 7 {
		t.Fatalf("got %d results, want 7: %+v", len(res), res)
	}
	for i, want := range []string{"long.txt", "long.html", "long.jsonl:1", "", "long.rss", "", ""} {
		switch {
		case want == "" && res[i].Article == nil:
			t.Errorf("result %d: %q, want an article", i, res[i].Error)
		case want != "" && (!strings.Contains(res[i].Error, want) || !strings.Contains(res[i].Error, "text too long")):
			t.Errorf("result %d: %+v, want an error naming %s and the text limit", i, res[i], want)
		}
	}
	if res, _ := New(Options{}); res.opts.MaxTextSize != DefaultMaxTextSize {
		t.Errorf("default MaxTextSize %d, want %d", res.opts.MaxTextSize, DefaultMaxTextSize)
	}
}

// TestSymlinkedFolders reads a folder named through a link and links
// inside folders, names a link loop, and reads a folder reached twice once.
func TestSymlinkedFolders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "real/a.txt", []byte(goodText))
	writeFile(t, dir, "real/sub/b.txt", []byte(goodText))
	writeFile(t, dir, "other/c.txt", []byte(goodText))
	links := map[string]string{
		"link":           "real",
		"real/loop":      "../link",     // back to the folder being read
		"real/toother":   "../other",    // another folder, read through the link
		"real/again":     "../real/sub", // a folder read anyway
		"real/broken":    "nowhere",
		"other/file.txt": "../real/a.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	var paths, errs []string
	for a, err := range Read(filepath.Join(dir, "link")) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		rel, _ := filepath.Rel(dir, a.Path)
		paths = append(paths, filepath.ToSlash(rel))
	}
	// real/sub is read once, through the first name that reaches it.
	want := "link/a.txt link/again/b.txt link/toother/c.txt link/toother/file.txt"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("read %q, want %q", got, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "broken") || !strings.Contains(errs[1], "loop") {
		t.Errorf("errors %q, want the broken link and the loop named", errs)
	}
}

// TestFoldersWithoutArticlesNamed names each folder from which nothing comes, in a
// run with other inputs.
func TestFoldersWithoutArticlesNamed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "binaries/blob", []byte("\x00\x01\x02\x03binary\x00"))
	writeFile(t, dir, "binaries/blob2", []byte("\x7fELF\x00\x00\x00"))
	writeFile(t, dir, "docs/a.pdf", []byte("%PDF-1.4"))
	os.MkdirAll(filepath.Join(dir, "empty"), 0o755)
	good := writeFile(t, dir, "good.txt", []byte(goodText))
	var inputs []string
	for _, d := range []string{"binaries", "docs", "empty"} {
		inputs = append(inputs, filepath.Join(dir, d))
	}
	res := collect(t, ReadAll(append(inputs, good)))
	if len(res) != 4 || res[3].Article == nil {
		t.Fatalf("got %+v", res)
	}
	for i, in := range inputs {
		if !strings.Contains(res[i].Error, in+": no articles") {
			t.Errorf("%s: %q, want it named with %q", in, res[i].Error, ErrNoArticles)
		}
	}
}

// TestStrayBytesRepaired keeps a UTF-8 article with a few invalid bytes,
// repaired, with a warning naming it, in every format that reads text.
func TestStrayBytesRepaired(t *testing.T) {
	// A few stray bytes in an article of some length; \x81 and \x9d are
	// not Windows-1252 either.
	body := "The council met on Monday and voted \x81\x9d to reopen the harbour, officials said. " + strings.Repeat("Fishing boats went out again at dawn. ", 20)
	inputs := map[string]string{
		"ascii.txt":  body,
		"utf8.txt":   "Zürich’s " + body + "\x9d",
		"page.html":  "<html><head><meta charset=utf-8><title>T</title></head><body><article><p>Zürich’s " + body + "</p><p>" + body + "</p></article></body></html>",
		"line.jsonl": `{"title": "T", "text": "` + body + `"}` + "\n",
	}
	for name, in := range inputs {
		var warnings []string
		r, _ := New(Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
		res := collect(t, r.ReadFrom(name, strings.NewReader(in)))
		if len(res) != 1 || res[0].Article == nil {
			t.Errorf("%s: %+v, want the article kept", name, res)
			continue
		}
		if !strings.Contains(res[0].Article.Paragraphs[0], "\uFFFD") && !strings.Contains(strings.Join(res[0].Article.Paragraphs, " "), "\uFFFD") {
			t.Errorf("%s: %q, want the bytes replaced", name, res[0].Article.Paragraphs)
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], name) || !strings.Contains(warnings[0], "invalid UTF-8") {
			t.Errorf("%s: warnings %q, want one naming the input", name, warnings)
		}
	}
}

func TestURLSchemes(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a.txt", []byte(goodText))
	res := collect(t, Read("file://"+filepath.ToSlash(p)))
	if len(res) != 1 || res[0].Article == nil {
		t.Errorf("file URL: %+v", res)
	}
	for _, u := range []string{"ftp://example.com/a.txt", "s3://bucket/a.txt"} {
		var errs []error
		for _, err := range Read(u) {
			errs = append(errs, err)
		}
		if len(errs) != 1 || !errors.Is(errs[0], ErrUnsupportedScheme) || !strings.Contains(errs[0].Error(), u) {
			t.Errorf("%s: %v, want one ErrUnsupportedScheme naming it", u, errs)
		}
	}
}

// TestCancelHangingFetch cancels the read of a URL whose server never
// answers: the sequence ends, and says nothing of the cancellation. The
// deadline only guards against a hang; it is not a measure of speed.
func TestCancelHangingFetch(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("The council met on Monday"))
		w.(http.Flusher).Flush()
		select { // hang mid-body until the client goes or the test ends
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	for _, path := range []string{srv.URL + "/hang", srv.URL + "/hang2"} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		done := make(chan []string)
		go func() {
			var errs []string
			for _, err := range ReadAllContext(ctx, []string{path, path}) {
				errs = append(errs, err.Error())
			}
			done <- errs
		}()
		select {
		case errs := <-done:
			if len(errs) != 0 {
				t.Errorf("errors %q after cancelling, want none", errs)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the read did not stop when cancelled")
		}
		cancel()
	}
}

// TestSimpleHTML reads a page without the third-party extractors: its
// title and body text, with the furniture dropped.
func TestSimpleHTML(t *testing.T) {
	page, err := os.ReadFile("testdata/html_article.input")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := New(Options{SimpleHTML: true})
	res := collect(t, r.ReadFrom("page.html", strings.NewReader(string(page))))
	if len(res) != 1 || res[0].Article == nil {
		t.Fatalf("got %+v", res)
	}
	a := res[0].Article
	if a.Title == "" || len(a.Paragraphs) < 2 || strings.Contains(strings.Join(a.Paragraphs, " "), "Subscribe") {
		t.Errorf("title %q, paragraphs %q", a.Title, a.Paragraphs)
	}
}

// TestFetchTimeoutNamed reads servers that hang before their headers,
// after them, and mid-body, and one that drips its body without end,
// between good inputs: each gives one error naming the URL and saying the
// fetch timed out (the client's timeout, which the Reader enforces), and
// the batch goes on.
func TestFetchTimeoutNamed(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/good" {
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte(goodText))
			return
		}
		wait := func() bool {
			select {
			case <-r.Context().Done():
				return false
			case <-release:
				return false
			case <-time.After(10 * time.Millisecond):
				return true
			}
		}
		w.Header().Set("Content-Type", "text/plain")
		switch r.URL.Path {
		case "/before":
			for wait() {
			}
			return
		case "/after":
			w.WriteHeader(http.StatusOK)
		case "/mid":
			w.Write([]byte("The council met on Monday"))
		case "/drip":
			for wait() {
				w.Write([]byte("a "))
				w.(http.Flusher).Flush()
			}
			return
		}
		w.(http.Flusher).Flush()
		for wait() {
		}
	}))
	defer srv.Close()
	defer close(release)
	r, _ := New(Options{Client: &http.Client{Timeout: 300 * time.Millisecond}})
	paths := []string{srv.URL + "/good"}
	for _, p := range []string{"/before", "/after", "/mid", "/drip"} {
		paths = append(paths, srv.URL+p)
	}
	paths = append(paths, srv.URL+"/good")
	res := collect(t, r.ReadAll(paths))
	if len(res) != len(paths) {
		t.Fatalf("%d results for %d inputs: %+v", len(res), len(paths), res)
	}
	for i, p := range paths {
		good := strings.HasSuffix(p, "/good")
		switch {
		case good && res[i].Article == nil:
			t.Errorf("%s: %q, want an article", p, res[i].Error)
		case !good && (!strings.Contains(res[i].Error, p+": ") || !strings.Contains(res[i].Error, "no complete answer within 300ms")):
			t.Errorf("%s: %+v, want an error naming it and the timeout", p, res[i])
		}
	}
}

// TestBrokenFeedSalvaged reads a feed cut off part way, and one broken by
// bad markup after its first items: the items complete before the break
// are read, then one error names the feed and the break. A feed broken
// before any item closes is one error, as before.
func TestBrokenFeedSalvaged(t *testing.T) {
	item := func(n int) string {
		return fmt.Sprintf(`<item><title>Harbour %d</title><link>https://example.com/%d</link><description>The harbour reopened on Monday after storm %d, the port authority said.</description></item>`, n, n, n)
	}
	entry := func(n int) string {
		return fmt.Sprintf(`<entry><title>Harbour %d</title><id>https://example.com/%d</id><link href="https://example.com/%d"/><updated>2024-03-04T10:00:00Z</updated><content type="html">The harbour reopened on Monday after storm %d, the port authority said.</content></entry>`, n, n, n, n)
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port news</title><id>urn:x</id><updated>2024-03-04T10:00:00Z</updated>`
	cases := []struct {
		name, feed string
		items      int
	}{
		{"cut.rss", rss + item(1) + item(2) + `<item><title>Harbour 3</tit`, 2},
		{"badmarkup.rss", rss + item(1) + `<item><title>x</title><description>a < b & </oops></item>` + item(3) + `</channel></rss>`, 1},
		{"cut.atom", atom + entry(1) + entry(2) + `<entry><title>Har`, 2},
		{"noitem.rss", rss + `<item><title>Harbour 1`, 0},
	}
	for _, c := range cases {
		res := collect(t, defaultReader.ReadFrom(c.name, strings.NewReader(c.feed)))
		if len(res) != c.items+1 {
			t.Errorf("%s: %d results, want %d items and an error: %+v", c.name, len(res), c.items, res)
			continue
		}
		for i, r := range res[:c.items] {
			if r.Article == nil || r.Article.Title != fmt.Sprintf("Harbour %d", i+1) {
				t.Errorf("%s: result %d %+v, want item %d", c.name, i, r, i+1)
			}
		}
		if testing.Verbose() {
			t.Log(res[c.items].Error)
		}
		if last := res[c.items]; last.Article != nil || !strings.Contains(last.Error, c.name+": feed: ") {
			t.Errorf("%s: last result %+v, want an error naming the feed", c.name, last)
		}
	}
}
