package sqlstore

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func testDoc() *news.Doc {
	var b strings.Builder
	d := &news.Doc{}
	for i := range 800 {
		start := b.Len()
		fmt.Fprintf(&b, "word%d ", i%300)
		d.Tokens = append(d.Tokens, news.Token{Span: news.Span{Start: start, End: b.Len() - 1}})
	}
	d.Text, d.Key, d.ID = b.String(), "k", "k"
	return d
}

func TestDocRoundTrip(t *testing.T) {
	d := testDoc()
	for range 3 { // the pooled compressor is reused
		b, err := encodeDoc(d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeDoc(b)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != d.Text || len(got.Tokens) != len(d.Tokens) || got.Tokens[799] != d.Tokens[799] {
			t.Fatal("doc changed in the round trip")
		}
	}
}

func TestTerms(t *testing.T) {
	got := strings.Join(Terms(`Bagheri" OR NEAR(al-Ghanmi*) 2017`), "|")
	if got != "bagheri|or|near|al|ghanmi|2017" {
		t.Errorf("Terms = %s", got)
	}
}

// BenchmarkEncodeDoc compares the pooled compressor with a new one per
// doc, in the same run.
func BenchmarkEncodeDoc(b *testing.B) {
	d := testDoc()
	b.Run("pooled", func(b *testing.B) {
		for b.Loop() {
			if _, err := encodeDoc(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("new-writer", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
			json.NewEncoder(zw).Encode(d)
			zw.Close()
		}
	})
}

// BenchmarkDecodeDoc is the cost of reading back one stored doc of 800
// tokens, as ingest does for every stored doc when it starts.
func BenchmarkDecodeDoc(b *testing.B) {
	enc, err := encodeDoc(testDoc())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := decodeDoc(enc); err != nil {
			b.Fatal(err)
		}
	}
}
