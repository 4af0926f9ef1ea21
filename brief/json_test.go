package brief_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/internal/seedtest"
	"github.com/storyline-news/storyline/news"
)

// TestJSONIndented: brief.JSON writes what an Encoder with
// SetIndent("", "  ") and HTML left unescaped writes, byte for byte:
// for the seeds' brief, one with HTML, escapes and empty lists, and an
// empty one.
func TestJSONIndented(t *testing.T) {
	b, err := brief.Build(seedtest.Analysed(t), brief.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	odd := &news.Brief{Summary: []news.SummaryLine{{Text: "<b>\"quoted\" & \\ \u2028 tab\t</b>", Sources: []string{}}}, Sources: []news.Source{}}
	for _, b := range []*news.Brief{b, odd, {}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(b); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := brief.JSON(&got, b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("brief.JSON differs from the indenting Encoder:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
		}
	}
}

// BenchmarkJSON renders the seeds' brief with brief.JSON
// ("brief.JSON") and with an indenting Encoder ("Encoder").
func BenchmarkJSON(b *testing.B) {
	br, err := brief.Build(seedtest.Analysed(b), brief.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("brief.JSON", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := brief.JSON(&buf, br); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Encoder", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(br); err != nil {
				b.Fatal(err)
			}
		}
	})
}
