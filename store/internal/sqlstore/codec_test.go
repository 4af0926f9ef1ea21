package sqlstore

import (
	"bytes"
	"encoding/gob"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

func codecDoc(i int) *news.Doc {
	d := testDoc()
	d.Key = string(rune('a' + i%26))
	d.Timexes = []news.Timex{{Value: "2020", Relative: &news.Relative{Kind: "year"}}}
	d.Date = time.Date(2020, 1, 1+i%28, 0, 0, 0, 0, time.UTC)
	d.Tokens = d.Tokens[:100+i]
	return d
}

// TestDocCodecSameBytes: the codec's reused encoders write what a new
// encoder writes, byte for byte, so the stored format is unchanged.
func TestDocCodecSameBytes(t *testing.T) {
	if theDocCodec().preamble == nil {
		t.Fatal("the doc codec reuses no encoder: news.Doc has an interface field, or gob's stream changed")
	}
	for i := range 3 {
		d := codecDoc(i)
		var got, want bytes.Buffer
		if err := theDocCodec().encode(&got, d); err != nil {
			t.Fatal(err)
		}
		if err := gob.NewEncoder(&want).Encode(d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("doc %d: the codec wrote %d bytes, a new encoder %d, not the same", i, got.Len(), want.Len())
		}
	}
}

// oldDoc stands for news.Doc as an earlier build had it: a stream with
// other type descriptors, which the codec decodes with a new decoder.
type oldDoc struct {
	news.Article
	Tokens []news.Token
	Extra  string
}

func TestDocCodecOtherPreamble(t *testing.T) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&oldDoc{Article: news.Article{Key: "k", Title: "T"}, Tokens: []news.Token{{Span: news.Span{Start: 1, End: 3}}}, Extra: "x"}); err != nil {
		t.Fatal(err)
	}
	var d news.Doc
	if err := theDocCodec().decode(buf.Bytes(), &d); err != nil || d.Key != "k" || d.Title != "T" || len(d.Tokens) != 1 || d.Tokens[0].End != 3 {
		t.Fatalf("decoding another build's doc: %+v, %v", d, err)
	}
}

// TestDocCodecBroken: a stream with the preamble and a broken value is an
// error, and the decoders that serve later docs are not harmed.
func TestDocCodecBroken(t *testing.T) {
	var buf bytes.Buffer
	if err := theDocCodec().encode(&buf, codecDoc(1)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	for _, broken := range [][]byte{b[:len(b)-10], append(bytes.Clone(b[:len(theDocCodec().preamble)]), 0xff, 0xff, 0x01)} {
		if err := theDocCodec().decode(broken, new(news.Doc)); err == nil {
			t.Error("a broken doc decoded")
		}
		var d news.Doc
		if err := theDocCodec().decode(b, &d); err != nil || len(d.Tokens) != 101 {
			t.Fatalf("after a broken doc: %d tokens, %v", len(d.Tokens), err)
		}
	}
}

// TestDocCodecConcurrent encodes and decodes on several goroutines (run
// with -race).
func TestDocCodecConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				want := codecDoc(g*20 + i)
				var buf bytes.Buffer
				if err := theDocCodec().encode(&buf, want); err != nil {
					t.Error(err)
					return
				}
				var got news.Doc
				if err := theDocCodec().decode(buf.Bytes(), &got); err != nil || got.Key != want.Key || len(got.Tokens) != len(want.Tokens) || !got.Date.Equal(want.Date) || got.Timexes[0].Relative.Kind != "year" {
					t.Errorf("round trip of doc %d: %v", g*20+i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkDocCodec compares the codec with a new encoder or decoder per
// doc (how docs were encoded and decoded before), in the same run.
func BenchmarkDocCodec(b *testing.B) {
	d := testDoc()
	var enc bytes.Buffer
	theDocCodec().encode(&enc, d)
	b.Run("encode/codec", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			theDocCodec().encode(&buf, d)
		}
	})
	b.Run("encode/new", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			gob.NewEncoder(&buf).Encode(d)
		}
	})
	b.Run("decode/codec", func(b *testing.B) {
		for b.Loop() {
			if err := theDocCodec().decode(enc.Bytes(), new(news.Doc)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode/new", func(b *testing.B) {
		for b.Loop() {
			if err := gob.NewDecoder(bytes.NewReader(enc.Bytes())).Decode(new(news.Doc)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
