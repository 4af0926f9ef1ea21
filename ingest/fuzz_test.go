package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/news"
)

// addSeeds adds the testdata inputs to a fuzz corpus.
func addSeeds(f *testing.F, glob string) {
	files, _ := filepath.Glob(filepath.Join("testdata", glob))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// fuzzReader has small limits so that fuzzing stays fast, and reads web
// pages without the third-party extractors (SimpleHTML), which run too
// slowly under fuzzing instrumentation for the rest to be explored;
// FuzzHTML fuzzes them alone.
func fuzzReader() *Reader {
	r, _ := New(Options{MaxFileSize: 1 << 20, MaxRecordSize: 1 << 20, SimpleHTML: true})
	return r
}

// drain reads every item and checks the invariants of articles.
func drain(t *testing.T, r *Reader, name string, b []byte) {
	for a, err := range r.ReadFrom(name, bytes.NewReader(b)) {
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			continue
		}
		checkArticle(t, a)
	}
}

// FuzzRead fuzzes format detection and every reader, seeded with a real
// input of each format (testdata/*.input, a WARC archive, gzip) and, when
// present, the seed articles.
func FuzzRead(f *testing.F) {
	addSeeds(f, "*.input")
	f.Add(bytes.Join(testWARC(), nil))
	f.Add(gzipped([]byte(goodText)))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc"))
	f.Add([]byte{0x1f, 0x8b, 0x08})
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) { drain(t, r, "fuzz", b) })
}

func FuzzText(f *testing.F) {
	addSeeds(f, "text_*.input")
	f.Add([]byte(" date 2017-09-28 Outlet- TEHRAN, Sept. 27 (Agency) -- Text here and more words.\n"))
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := r.readText(&source{input: "fuzz", id: "fuzz"}, b)
		if err == nil {
			checkArticle(t, a)
		}
	})
}

// FuzzHTML fuzzes the whole HTML reader, go-readability
// included; it is slow (a few hundred executions a second).
func FuzzHTML(f *testing.F) {
	addSeeds(f, "html_*.input")
	r, _ := New(Options{MaxFileSize: 1 << 20, MaxRecordSize: 1 << 20})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := r.readHTML(&source{input: "fuzz", id: "fuzz"}, b, "", "https://example.com/x")
		if err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "feed_*.input")
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) {
		r.readFeed(&source{input: "fuzz", id: "fuzz"}, b, func(a *news.Article, err error) bool {
			if err == nil {
				checkArticle(t, a)
			}
			return true
		})
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "json*.input")
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) { drain(t, r, "fuzz.jsonl", b) })
}

func FuzzWARC(f *testing.F) {
	f.Add(bytes.Join(testWARC(), nil))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("WARC/")) {
			b = append([]byte("WARC/1.0\r\n"), b...)
		}
		drain(t, r, "fuzz.warc", b)
	})
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"23:35 GMT22 June 2021", "2017-09-28 05:31:38", "Mon, 10 Jan 2022 09:00:00 +0000", "June 22, 2021 10:35 pm", "31st December 1999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parseDate(s)
		stampDate(s)
		parseDateline(s)
	})
}

// FuzzHTMLText fuzzes storyline's own part of the HTML reader (decoding,
// block splitting, cleaning) without the third-party extractors, which run
// too slowly under fuzzing instrumentation to be explored well.
func FuzzHTMLText(f *testing.F) {
	addSeeds(f, "html_*.input")
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := decodeHTML(b, "text/html")
		if err != nil {
			return
		}
		doc, err := parseHTMLFragment(s)
		if err != nil {
			return
		}
		a := newArticle(&source{input: "fuzz", id: "fuzz"}, b, "html")
		if r.finish(a, nodeParagraphs(doc, true), finishOpts{debris: true}) == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzSGML(f *testing.F) {
	addSeeds(f, "sgml_*.input")
	f.Add([]byte("<DOC><TEXT><P>x</DOC>"))
	r := fuzzReader()
	f.Fuzz(func(t *testing.T, b []byte) {
		r.readSGML(&source{input: "fuzz", id: "fuzz"}, b, func(a *news.Article, err error) bool {
			if err == nil {
				checkArticle(t, a)
			}
			return true
		})
	})
}
