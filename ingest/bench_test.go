package ingest

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func benchInput(b *testing.B, name string) []byte {
	in, err := os.ReadFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func benchRead(b *testing.B, name string, in []byte) {
	r, _ := New(Options{})
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range r.ReadFrom(name, bytes.NewReader(in)) {
			_ = err
		}
	}
}

func BenchmarkText(b *testing.B) { benchRead(b, "page.txt", benchInput(b, "text_page.input")) }

func BenchmarkHTML(b *testing.B) { benchRead(b, "page.html", benchInput(b, "html_article.input")) }

func BenchmarkFeed(b *testing.B) { benchRead(b, "feed.xml", benchInput(b, "feed_rss.input")) }

func BenchmarkJSONL(b *testing.B) {
	line := `{"title": "Rail fares to rise", "text": "Rail fares will rise by 3 percent in March, the operator said on Wednesday.\n\nSeason tickets will cost more too.", "date": "2018-11-28", "source": "Example Daily"}` + "\n"
	benchRead(b, "items.jsonl", []byte(strings.Repeat(line, 100)))
}

func BenchmarkWARC(b *testing.B) { benchRead(b, "pages.warc", bytes.Join(testWARC(), nil)) }

// BenchmarkDebris runs the debris rules over the paragraphs of real
// articles (DUC 2006), without the rest of the reader.
func BenchmarkDebris(b *testing.B) {
	docs := ducDocs(b)
	if len(docs) > 200 {
		docs = docs[:200]
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			debrisReasons(d.paras)
		}
	}
}
