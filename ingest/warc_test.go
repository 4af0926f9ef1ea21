package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// warcRec builds one WARC record around block.
func warcRec(typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08x-0000-0000-0000-000000000000>\r\n", typ, len(block)+len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2022-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResp builds an HTTP/1.1 response with the given headers and body.
func httpResp(status string, headers []string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func chunked(body []byte) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		n := min(len(body), 100)
		fmt.Fprintf(&b, "%x\r\n", n)
		b.Write(body[:n])
		b.WriteString("\r\n")
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

const warcPage1 = `<html><head><title>Tram line opens | Metro Post</title><meta property="og:site_name" content="Metro Post">
<meta property="article:published_time" content="2022-02-28T08:00:00Z"></head><body><article><h1>Tram line opens</h1>
<p>LYON, Feb. 27 (Metro Post) -- The new tram line to the airport opened on Sunday, cutting the journey from the centre to thirty minutes, the transport authority said.</p>
<p>About 12,000 passengers are expected to use it every day in its first year, rising as new housing is built along the route.</p></article></body></html>`

const warcPage2 = `<html><head><title>Market hall restored</title><link rel="canonical" href="https://news.example/market-hall"></head><body><div class="content"><h1>Market hall restored</h1>
<p>The nineteenth-century market hall reopened on Saturday after a restoration that kept its iron roof and glass walls, and traders said business had been brisk all day.</p>
<p>The city paid for most of the work with help from a national heritage fund.</p></div></body></html>`

const warcPage3 = `<html><head><title>Night trains return</title><meta property="og:site_name" content="Rail Weekly"></head><body><article><h1>Night trains return</h1>
<p>Night trains between the two capitals will run again from December, the rail operators said on Thursday, ending a pause of almost twenty years.</p></article></body></html>`

// testWARC returns a small archive: an info record, a request, two HTML
// pages (one chunked and gzipped), a 404, an image, a metadata record and
// a page fetched over HTTP/2.
func testWARC() [][]byte {
	return [][]byte{
		warcRec("warcinfo", "", "application/warc-fields", []byte("software: storyline test\r\n")),
		warcRec("request", "https://metropost.example/tram", "application/http; msgtype=request", []byte("GET /tram HTTP/1.1\r\nHost: metropost.example\r\n\r\n")),
		warcRec("response", "https://metropost.example/tram", "application/http; msgtype=response",
			httpResp("200 OK", []string{"Content-Type: text/html; charset=utf-8", fmt.Sprintf("Content-Length: %d", len(warcPage1))}, []byte(warcPage1))),
		warcRec("response", "https://metropost.example/missing", "application/http; msgtype=response",
			httpResp("404 Not Found", []string{"Content-Type: text/html"}, []byte("<html><body><p>Not found</p></body></html>"))),
		warcRec("response", "https://metropost.example/logo.png", "application/http; msgtype=response",
			httpResp("200 OK", []string{"Content-Type: image/png"}, []byte("\x89PNG\r\n\x1a\n\x00\x00"))),
		warcRec("response", "https://news.example/market-hall?ref=home", "application/http; msgtype=response",
			httpResp("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked(gzipped([]byte(warcPage2))))),
		warcRec("metadata", "https://news.example/market-hall?ref=home", "application/warc-fields", []byte("fetchTimeMs: 120\r\n")),
		warcRec("response", "https://h2.example/", "application/http; msgtype=response",
			[]byte(strings.Replace(string(httpResp("200", []string{"content-type: text/html"}, []byte(warcPage3))), "HTTP/1.1", "HTTP/2", 1))),
	}
}

// TestWARC reads the same archive plain and as multi-member gzip and
// compares it with testdata/warc.golden.
func TestWARC(t *testing.T) {
	recs := testWARC()
	plain := bytes.Join(recs, nil)
	var gz []byte
	for _, r := range recs {
		gz = append(gz, gzipped(r)...) // one gzip member per record, as crawlers write
	}
	r, _ := New(Options{})
	got := collect(t, r.ReadFrom("pages.warc", bytes.NewReader(plain)))
	checkGolden(t, "testdata/warc.golden", got)
	gotGz := collect(t, r.ReadFrom("pages.warc", bytes.NewReader(gz)))
	if a, b := mustJSON(t, gotGz), mustJSON(t, got); a != b {
		t.Errorf("gzip archive read differently:\n%s\nwant\n%s", a, b)
	}
	for _, g := range got {
		if g.Article == nil || g.Article.Format != "warc" {
			t.Errorf("want only warc articles, got %+v", g)
		}
	}

	// A truncated archive: the pages before the cut, then one error.
	cut := plain[:len(plain)-len(recs[len(recs)-1])-len(recs[len(recs)-2])-len(recs[len(recs)-3])/2]
	res := collect(t, r.ReadFrom("cut.warc", bytes.NewReader(cut)))
	if len(res) != 2 || res[0].Article == nil || res[1].Error == "" || !strings.Contains(res[1].Error, "cut.warc#6") {
		t.Errorf("truncated archive: got %+v", res)
	}

	// A record over the record limit is skipped, not read into memory.
	small, _ := New(Options{MaxRecordSize: 200})
	res = collect(t, small.ReadFrom("big.warc", bytes.NewReader(plain)))
	if len(res) != 1 || !strings.Contains(res[0].Error, "no HTML pages") {
		t.Errorf("records over the limit: got %+v", res)
	}

	// As a .warc.gz file in a folder.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), gz, 0o644); err != nil {
		t.Fatal(err)
	}
	if res := collect(t, Read(dir)); len(res) != 3 {
		t.Errorf("folder with a .warc.gz: got %d results, want 3", len(res))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
