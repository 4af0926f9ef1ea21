package ingest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const goodText = "The harbour reopened on Monday after a week of storms, the port authority said.\n\nFishing boats went out again at dawn.\n"

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInputs reads a batch of bad inputs between good ones: each bad
// one gives one error naming it (or, for text that can be saved, an
// article), and the rest of the batch is still read.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(goodText)
	if err := f.Truncate(50 << 20); err != nil { // sparse: quick to make
		t.Fatal(err)
	}
	f.Close()

	cases := []struct {
		name    string
		content []byte
		want    string // error text, or "" for an article
		path    string // set for inputs made above
	}{
		{name: "good1.txt", content: []byte(goodText)},
		{name: "empty.txt", content: nil, want: "empty file"},
		{name: "blank.txt", content: []byte(" \n\t\n"), want: "empty file"},
		{name: "binary.txt", content: []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00abc\x00\x00def"), want: "binary file"},
		{name: "invalid-utf8.txt", content: []byte("The mayor\x81s office \x8d\x90 said on Monday."), want: "invalid UTF-8"},
		{name: "latin1.txt", content: []byte("The caf\xe9 in S\xe3o Paulo reopened on Monday, its owner said.")},
		{name: "mostly-utf8.txt", content: []byte("Zürich’s council met on Monday \xff and voted, officials said.")},
		{name: "truncated.html", content: []byte("<html><head><title>Cut</title></head><body><p>The council approved the budget on Tuesday after a long debate that ran late into the evening, and members said the vote was closer than expected")},
		{name: "nothing.html", content: []byte("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>"), want: "no article text found"},
		{name: "feed-empty.xml", content: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`), want: "feed has no items"},
		{name: "bad-feed.rss", content: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x`), want: "feed"},
		{name: "other.xml", content: []byte(`<?xml version="1.0"?><invoice><total>3</total></invoice>`), want: "unsupported format"},
		{name: "huge.txt", path: huge, want: "file too large: 50.0 MiB"},
		{name: "missing.txt", path: filepath.Join(dir, "no-such-file.txt"), want: "no such file"},
		{name: "utf16le.txt", content: utf16NoBOM("Zürich’s council met on Monday and voted to reopen the harbour, officials said.", false)},
		{name: "utf16be.txt", content: utf16NoBOM("Zürich’s council met on Monday and voted to reopen the harbour, officials said.", true)},
		{name: "utf16.jsonl", content: append([]byte{0xFF, 0xFE}, utf16NoBOM(`{"title": "T", "text": "Zürich’s council met on Monday and voted to reopen the harbour, officials said."}`+"\n", false)...)},
		{name: "image.html", content: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x02\x00\x00\x00&\x93\t)"), want: "binary file"},
		{name: "good2.txt", content: []byte(goodText)},
	}
	var paths []string
	for _, c := range cases {
		p := c.path
		if p == "" {
			p = writeFile(t, dir, c.name, c.content)
		}
		paths = append(paths, p)
	}
	var results []goldenResult
	var errs []error
	for a, err := range ReadAll(paths) {
		if err != nil {
			errs = append(errs, err)
			results = append(results, goldenResult{Error: err.Error()})
			continue
		}
		checkArticle(t, a)
		results = append(results, goldenResult{Article: toGolden(a)})
	}
	for _, r := range results {
		if testing.Verbose() && r.Error != "" {
			t.Log(r.Error)
		}
	}
	if len(results) != len(cases) {
		t.Fatalf("got %d results for %d inputs: %+v", len(results), len(cases), results)
	}
	for i, c := range cases {
		r := results[i]
		switch {
		case c.want == "" && r.Article == nil:
			t.Errorf("%s: got error %q, want an article", c.name, r.Error)
		case c.want != "" && r.Article != nil:
			t.Errorf("%s: got an article, want error %q", c.name, c.want)
		case c.want != "" && (!strings.Contains(r.Error, c.want) || !strings.Contains(r.Error, paths[i])):
			t.Errorf("%s: error %q, want one naming the input and saying %q", c.name, r.Error, c.want)
		case c.want != "" && strings.ContainsAny(r.Error, "\n\r"):
			t.Errorf("%s: error %q is not one line", c.name, r.Error)
		}
	}
	for _, i := range []int{14, 15, 16} {
		if got := results[i].Article; got != nil && strings.Join(got.Paragraphs, " ") != "Zürich’s council met on Monday and voted to reopen the harbour, officials said." {
			t.Errorf("%s: %q, want it decoded", cases[i].name, strings.Join(got.Paragraphs, " "))
		}
	}
	for _, err := range errs {
		var ie *Error
		if !errors.As(err, &ie) {
			t.Errorf("%v: not an *Error", err)
		}
	}
	if got := results[5].Article; got != nil && !strings.Contains(got.Paragraphs[0], "café in São Paulo") {
		t.Errorf("latin1: %q, want it decoded", got.Paragraphs[0])
	}
	if got := results[6].Article; got != nil && !strings.Contains(got.Paragraphs[0], "Zürich’s council met on Monday \uFFFD and voted") {
		t.Errorf("mostly UTF-8: %q, want the bad byte replaced", got.Paragraphs[0])
	}
	if got := results[7].Article; got != nil && !strings.Contains(got.Paragraphs[0], "closer than expected") {
		t.Errorf("truncated HTML: %q, want what is there", got.Paragraphs)
	}
	for _, err := range errs {
		if strings.Contains(err.Error(), "other.xml") && !errors.Is(err, ErrUnsupportedFormat) {
			t.Errorf("unknown XML: %v, want ErrUnsupportedFormat", err)
		}
	}
}

// TestFolder reads a folder recursively, in order, skipping hidden files
// and files of other kinds.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", []byte(goodText))
	writeFile(t, dir, "a/page.html", []byte("<html><body><article><p>"+strings.Repeat("The bridge reopened on Monday after repairs, the city said. ", 5)+"</p></article></body></html>"))
	writeFile(t, dir, "a/notes", []byte(goodText))          // no extension: read
	writeFile(t, dir, "NYT19980601.0012", []byte(goodText)) // a serial number for an extension: read
	writeFile(t, dir, "a/blob", []byte("\x00\x01\x02binary"))
	writeFile(t, dir, ".hidden.txt", []byte(goodText))
	writeFile(t, dir, ".git/c.txt", []byte(goodText))
	writeFile(t, dir, "README.md", []byte("# About\n\nThese are test files.\n"))
	writeFile(t, dir, "table.csv", []byte("a,b\n1,2\n"))
	var ids []string
	for a, err := range Read(dir) {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
			continue
		}
		ids = append(ids, a.ID+":"+a.Format)
	}
	if got, want := strings.Join(ids, " "), "NYT19980601.0012:text notes:text page.html:html b.txt:text"; got != want {
		t.Errorf("read %q, want %q", got, want)
	}
	// An explicitly named Markdown file is read as text.
	n := 0
	for a, err := range Read(filepath.Join(dir, "README.md")) {
		if err != nil || a.Format != "text" {
			t.Errorf("README.md named explicitly: %v %v", a, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("README.md: %d results", n)
	}
}

// TestFolderWithoutArticles names a folder in which nothing is read.
func TestFolderWithoutArticles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "README.md", []byte("# About\n"))
	writeFile(t, dir, "table.csv", []byte("a,b\n"))
	n := 0
	for a, err := range Read(dir) {
		n++
		if a != nil || !errors.Is(err, ErrNoArticles) || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "2 skipped") {
			t.Errorf("got %v, %v; want ErrNoArticles naming the folder and the skipped count", a, err)
		}
	}
	if n != 1 {
		t.Errorf("got %d results, want one error", n)
	}
}

// TestURL fetches pages with net/http from a local test server.
func TestURL(t *testing.T) {
	page, _ := os.ReadFile("testdata/html_article.input")
	feed, _ := os.ReadFile("testdata/feed_rss.input")
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/story", http.StatusFound) })
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	r, _ := New(Options{Client: srv.Client()})
	res := collect(t, r.ReadAll([]string{srv.URL + "/old", srv.URL + "/missing", srv.URL + "/feed"}))
	if len(res) != 5 {
		t.Fatalf("got %d results: %+v", len(res), res)
	}
	if a := res[0].Article; a == nil || a.ID != srv.URL+"/old" || a.Outlet != "Harbour Times" || !strings.HasPrefix(a.URL, "https://harbourtimes.example/") {
		t.Errorf("page: %+v", res[0])
	}
	if !strings.Contains(res[1].Error, srv.URL+"/missing") || !strings.Contains(res[1].Error, "404") {
		t.Errorf("missing page: %q", res[1].Error)
	}
	if a := res[2].Article; a == nil || a.Format != "feed" || a.Outlet != "Valley Courier" {
		t.Errorf("feed: %+v", res[2])
	}
}

// TestStdin reads "-" from Options.Stdin.
func TestStdin(t *testing.T) {
	r, _ := New(Options{Stdin: strings.NewReader(" date 2020-05-06 " + goodText)})
	res := collect(t, r.Read("-"))
	if len(res) != 1 || res[0].Article == nil || res[0].Article.Path != "-" || res[0].Article.ID != "stdin" || res[0].Article.StatedDate != "2020-05-06T00:00:00Z" {
		t.Errorf("stdin: %+v", res)
	}
}

// TestJSONLinesLimit skips a line over the record limit and goes on.
func TestJSONLinesLimit(t *testing.T) {
	long := `{"text": "` + strings.Repeat("word ", 100) + `"}`
	in := `{"text": "First article text here."}` + "\n" + long + "\n" + `{"text": "Third article text here."}` + "\n"
	r, _ := New(Options{MaxRecordSize: 200})
	res := collect(t, r.ReadFrom("big.jsonl", strings.NewReader(in)))
	if len(res) != 3 || res[0].Article == nil || !strings.Contains(res[1].Error, "big.jsonl:2: line longer") || res[2].Article == nil {
		t.Errorf("got %+v", res)
	}
}

// TestJSONLinesLongFirstLine streams JSON lines whose first line is longer
// than the part of the input looked at to tell its format.
func TestJSONLinesLongFirstLine(t *testing.T) {
	first := `{"title": "Long", "text": "` + strings.Repeat("Many words here. ", 1000) + `"}`
	in := first + "\n" + `{"text": "Second article text here."}` + "\n"
	r, _ := New(Options{})
	res := collect(t, r.ReadFrom("long.jsonl", strings.NewReader(in)))
	if len(res) != 2 || res[0].Article == nil || res[1].Article == nil || res[1].Article.Path != "long.jsonl#2" {
		t.Errorf("got %+v", res)
	}
}

func TestOptionsValidate(t *testing.T) {
	if _, err := New(Options{MaxFileSize: -1}); err == nil {
		t.Error("negative MaxFileSize accepted")
	}
	if err := DefaultOptions().Validate(); err != nil {
		t.Error(err)
	}
}

// utf16NoBOM encodes s as UTF-16 without a byte-order mark.
func utf16NoBOM(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}
