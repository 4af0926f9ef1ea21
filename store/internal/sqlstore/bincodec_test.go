package sqlstore

import (
	"bytes"
	"context"
	"encoding/gob"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// gobRoundTrip is what a doc stored in gob read back as.
func gobRoundTrip(t testing.TB, d *news.Doc) *news.Doc {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(d); err != nil {
		t.Fatal(err)
	}
	got := new(news.Doc)
	if err := gob.NewDecoder(&buf).Decode(got); err != nil {
		t.Fatal(err)
	}
	return got
}

func binRoundTrip(t testing.TB, d *news.Doc) *news.Doc {
	b, err := appendBinDoc(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	got := new(news.Doc)
	if err := decodeBinDoc(b, got); err != nil {
		t.Fatal(err)
	}
	return got
}

// edgeDocs are docs with every field set, and with the values gob
// treats apart: empty and nil slices, empty strings in slices, nested
// and empty relative times, times in other zones, negative integers.
func edgeDocs() []*news.Doc {
	zone := time.FixedZone("", -5*3600)
	full := &news.Doc{
		Article: news.Article{ID: "id", Key: "key", Path: "p", URL: "u", Outlet: "o", Title: "t", Author: "a",
			StatedDate: time.Date(2020, 2, 3, 4, 5, 6, 7, zone), Dateline: "d", DatelinePlace: "dp",
			DatelineDate: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), PageStamp: time.Date(2021, 5, 6, 0, 0, 0, 0, time.Local),
			Text: "text é", Paragraphs: []news.Span{{Start: 0, End: 4}, {Start: -1, End: 1 << 40}}, Hash: "h", Format: "f"},
		Sentences: []news.Sentence{{Span: news.Span{Start: 1, End: 2}, Paragraph: 3, FirstToken: 4, EndToken: 5}},
		Tokens:    []news.Token{{Span: news.Span{Start: 0, End: 4}}, {}},
		Mentions: []news.Mention{{Span: news.Span{Start: 1, End: 2}, Text: "m", Type: news.Person, Sentence: -1,
			Titles: []string{"", "Dr"}, TitleSpan: news.Span{Start: 3, End: 4}, Entity: -1}, {Titles: []string{}}},
		Entities: []news.Entity{{Name: "n", Type: "ORG", Forms: []string{"a", ""}, Roles: []string{}, Sources: []string{"s"}}},
		Timexes: []news.Timex{{Span: news.Span{Start: 1, End: 2}, Text: "x", Type: "DATE", Value: "v", Mod: "m", Sentence: 2, Future: true, Tense: -1,
			Relative: &news.Relative{Kind: "k", N: -2, Unit: "u", Gran: "g", Mode: "m", Month: 1, Day: 2, Weekday: 3, Season: "s", Tense: 1, Strict: 2,
				Time: "t", Suffix: "x", Event: true, Name: true, Base: &news.Relative{Kind: "base"}, Value: "v"}},
			{Relative: &news.Relative{}}, {}},
		Quotes: []news.Quote{{Content: news.Span{Start: 1, End: 2}, Cue: news.Span{Start: 3, End: 4}, Source: news.Span{Start: 5, End: 6},
			Direct: true, Speaker: "sp", SpeakerMention: -1, Via: "v", ViaSource: news.Span{Start: 7, End: 8}, ViaCue: news.Span{Start: 9, End: 10}, Sentence: 1}},
		Opinion:    []news.Span{{Start: 2, End: 3}},
		Date:       time.Date(2020, 2, 3, 0, 0, 0, 0, time.UTC),
		DateStatus: "trusted", DateNote: "note", Analyzer: "v1",
	}
	empty := &news.Doc{Sentences: []news.Sentence{}, Tokens: []news.Token{}, Opinion: []news.Span{}}
	return []*news.Doc{full, empty, {}, testDoc()}
}

// TestBinCodecAsGob: a doc reads back from the binary format exactly as
// it read back from gob, the format it replaces, so that what is built
// from stored docs (briefs, placements) does not change.
func TestBinCodecAsGob(t *testing.T) {
	for i, d := range edgeDocs() {
		if got, want := binRoundTrip(t, d), gobRoundTrip(t, d); !reflect.DeepEqual(got, want) {
			t.Errorf("doc %d: binary %+v\ngob %+v", i, got, want)
		}
	}
}

// TestBinCodecAnalysed: the same on the docs analysis makes of the seeds.
func TestBinCodecAnalysed(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the seeds")
	}
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range chain.All(context.Background(), ingest.Read(testutil.Shared(t, "seeds")), 0) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		n++
		d := r.Doc
		if got, want := binRoundTrip(t, d), gobRoundTrip(t, d); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the binary round trip differs from gob's", d.ID)
		}
		for _, textless := range []bool{false, true} {
			enc := encodeDoc
			if textless {
				enc = encodeTextless
			}
			b, err := enc(d)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeDocText(b, d.Text)
			if err != nil {
				t.Fatal(err)
			}
			g, err := encodeGob(d)
			if err != nil {
				t.Fatal(err)
			}
			want, err := decodeDocText(g, "")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (textless %v): stored and read back, not as gob", d.ID, textless)
			}
		}
	}
	if n == 0 {
		t.Fatal("no seeds analysed")
	}
}

// TestBinCodecFields fails when news.Doc's fields change: the binary
// format writes each by name, so a new field needs a new binVersion and
// its place in appendBinDoc and decodeBinDoc.
func TestBinCodecFields(t *testing.T) {
	var fields []string
	seen := map[reflect.Type]bool{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == reflect.TypeFor[time.Time]() || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			fields = append(fields, prefix+t.Name()+"."+f.Name+":"+f.Type.String())
			walk(prefix, f.Type)
		}
	}
	walk("", reflect.TypeFor[news.Doc]())
	slices.Sort(fields)
	got := strings.Join(fields, "\n")
	const want = `Article.Author:string
Article.Dateline:string
Article.DatelineDate:time.Time
Article.DatelinePlace:string
Article.Format:string
Article.Hash:string
Article.ID:string
Article.Key:string
Article.Outlet:string
Article.PageStamp:time.Time
Article.Paragraphs:[]news.Span
Article.Path:string
Article.StatedDate:time.Time
Article.Text:string
Article.Title:string
Article.URL:string
Doc.Analyzer:string
Doc.Article:news.Article
Doc.Date:time.Time
Doc.DateNote:string
Doc.DateStatus:string
Doc.Entities:[]news.Entity
Doc.Mentions:[]news.Mention
Doc.Opinion:[]news.Span
Doc.Quotes:[]news.Quote
Doc.Sentences:[]news.Sentence
Doc.Timexes:[]news.Timex
Doc.Tokens:[]news.Token
Entity.Forms:[]string
Entity.Name:string
Entity.Roles:[]string
Entity.Sources:[]string
Entity.Type:news.EntityType
Mention.Entity:int
Mention.Sentence:int
Mention.Span:news.Span
Mention.Text:string
Mention.TitleSpan:news.Span
Mention.Titles:[]string
Mention.Type:news.EntityType
Quote.Content:news.Span
Quote.Cue:news.Span
Quote.Direct:bool
Quote.Sentence:int
Quote.Source:news.Span
Quote.Speaker:string
Quote.SpeakerMention:int
Quote.Via:string
Quote.ViaCue:news.Span
Quote.ViaSource:news.Span
Relative.Base:*news.Relative
Relative.Day:int
Relative.Event:bool
Relative.Gran:string
Relative.Kind:string
Relative.Mode:string
Relative.Month:int
Relative.N:int
Relative.Name:bool
Relative.Season:string
Relative.Strict:int
Relative.Suffix:string
Relative.Tense:int
Relative.Time:string
Relative.Unit:string
Relative.Value:string
Relative.Weekday:int
Sentence.EndToken:int
Sentence.FirstToken:int
Sentence.Paragraph:int
Sentence.Span:news.Span
Span.End:int
Span.Start:int
Timex.Future:bool
Timex.Mod:string
Timex.Relative:*news.Relative
Timex.Sentence:int
Timex.Span:news.Span
Timex.Tense:int
Timex.Text:string
Timex.Type:string
Timex.Value:string
Token.Span:news.Span`
	if got != want {
		t.Errorf("news.Doc's fields changed: update the binary doc format (and binVersion). Now:\n%s", got)
	}
}

// TestBinCodecBroken: a truncated or damaged doc is an error, never a
// panic.
func TestBinCodecBroken(t *testing.T) {
	b, err := appendBinDoc(nil, edgeDocs()[0])
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if err := decodeBinDoc(b[:n], new(news.Doc)); err == nil {
			t.Errorf("%d of %d bytes decoded", n, len(b))
		}
	}
	if err := decodeBinDoc(append(slices.Clone(b), 0), new(news.Doc)); err == nil {
		t.Error("a doc with a byte after it decoded")
	}
	for i := range b {
		c := slices.Clone(b)
		c[i] ^= 0xff
		decodeBinDoc(c, new(news.Doc)) // must not panic
	}
	if err := decodeBinDoc([]byte{2}, new(news.Doc)); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("a later version: %v", err)
	}
}

func BenchmarkBinCodec(b *testing.B) {
	d := codecDoc(0)
	d.Mentions = make([]news.Mention, 60)
	for i := range d.Mentions {
		d.Mentions[i] = news.Mention{Span: news.Span{Start: i, End: i + 3}, Text: "Some Name", Type: news.Person, Entity: i % 7}
	}
	d.Sentences = make([]news.Sentence, 40)
	b.Run("encode/bin", func(b *testing.B) {
		for b.Loop() {
			if _, err := encodeTextless(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode/gob", func(b *testing.B) {
		for b.Loop() {
			if _, err := encodeGob(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	bin, _ := encodeDoc(d)
	g, _ := encodeGob(d)
	b.Run("decode/bin", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeDocText(bin, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode/gob", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeDocText(g, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}
