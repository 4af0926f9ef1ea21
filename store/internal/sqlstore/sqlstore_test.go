package sqlstore

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

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

// encodeGzipJSON is how docs were stored before gob: gzipped JSON.
func encodeGzipJSON(d *news.Doc) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	json.NewEncoder(zw).Encode(d)
	zw.Close()
	return buf.Bytes()
}

// BenchmarkEncodeDoc compares gob with the gzipped JSON docs were stored
// in before, in the same run.
func BenchmarkEncodeDoc(b *testing.B) {
	d := testDoc()
	b.Run("gob", func(b *testing.B) {
		for b.Loop() {
			if _, err := encodeDoc(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gzip-json", func(b *testing.B) {
		for b.Loop() {
			encodeGzipJSON(d)
		}
	})
}

// BenchmarkDecodeDoc is the cost of reading back one stored doc of 800
// tokens, as rebuilding a brief does for each of its docs: gob, and the
// gzipped JSON docs were stored in before, in the same run.
func BenchmarkDecodeDoc(b *testing.B) {
	enc, err := encodeDoc(testDoc())
	if err != nil {
		b.Fatal(err)
	}
	for name, enc := range map[string][]byte{"gob": enc, "gzip-json": encodeGzipJSON(testDoc())} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(enc)))
			for b.Loop() {
				if _, err := decodeDoc(enc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDecodeDoc: docs are written in gob and read back whole; docs
// stored by earlier versions, in gzipped JSON, are still read.
func TestDecodeDoc(t *testing.T) {
	d := &news.Doc{Article: news.Article{ID: "a", Key: "k", Text: "Hello world.", StatedDate: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)},
		Tokens:  []news.Token{{Span: news.Span{Start: 0, End: 5}}},
		Timexes: []news.Timex{{Value: "2020", Relative: &news.Relative{Kind: "year"}}},
		Date:    time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC), Analyzer: "v1"}
	b, err := encodeDoc(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeDoc(b)
	if err != nil || got.Text != d.Text || !got.StatedDate.Equal(d.StatedDate) || !got.Date.Equal(d.Date) ||
		len(got.Tokens) != 1 || got.Tokens[0] != d.Tokens[0] || got.Timexes[0].Relative.Kind != "year" || got.Analyzer != "v1" {
		t.Errorf("gob round trip: %+v, %v", got, err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	json.NewEncoder(zw).Encode(d)
	zw.Close()
	old, err := decodeDoc(buf.Bytes())
	if err != nil || old.Text != d.Text || len(old.Tokens) != 1 || !old.Date.Equal(d.Date) {
		t.Errorf("gzipped JSON doc: %+v, %v", old, err)
	}
	if _, err := decodeDoc([]byte("gob1 not gob")); err == nil {
		t.Error("a broken doc decoded")
	}
}
