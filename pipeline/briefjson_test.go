package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

// TestBriefJSON: a brief is stored as brief.JSON renders it, byte for
// byte: the seeds' brief, and one with HTML, escapes and empty lists.
func TestBriefJSON(t *testing.T) {
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	story := &news.Story{ID: "seeds"}
	for r := range chain.All(context.Background(), ingest.Read(seeds(t)), 0) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		story.Docs = append(story.Docs, r.Doc)
	}
	b, err := brief.Build(story, brief.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	odd := &news.Brief{Summary: []news.SummaryLine{{Text: "<b>\"quoted\" & \\ \u2028 tab\t</b>", Sources: []string{}}}, Sources: []news.Source{}}
	for _, b := range []*news.Brief{b, odd, {}} {
		var want bytes.Buffer
		if err := brief.JSON(&want, b); err != nil {
			t.Fatal(err)
		}
		got, err := briefJSON(b)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("briefJSON differs from brief.JSON:\n%s\nwant\n%s", got, want.Bytes())
		}
	}
}

// FuzzIndentJSON: indentJSON lays out compact JSON as json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{},[],"x\"y\\",{"b":null}],"c":"{[,:]}"}` + "\n", `"\u00e9"`, `[[[]],{"":{}}]`, `-1.5e3`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indentJSON(%q) = %q, want %q", compact.Bytes(), got, want.Bytes())
		}
	})
}

// BenchmarkBriefJSON renders the brief of the seeds as stored
// ("stored", briefJSON) and as brief.JSON writes it ("brief.JSON").
func BenchmarkBriefJSON(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	story := &news.Story{ID: "seeds"}
	for r := range chain.All(context.Background(), ingest.Read(seeds(b)), 0) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		story.Docs = append(story.Docs, r.Doc)
	}
	br, err := brief.Build(story, brief.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stored", func(b *testing.B) {
		for b.Loop() {
			if _, err := briefJSON(br); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("brief.JSON", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := brief.JSON(&buf, br); err != nil {
				b.Fatal(err)
			}
		}
	})
}
