package timex_test

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/timex"
)

// BenchmarkStage runs the time expression stage over segmented BASIL
// articles.
func BenchmarkStage(b *testing.B) {
	var docs []*news.Doc
	for i, t := range testutil.BasilTexts(b) {
		d := &news.Doc{Article: news.Article{ID: fmt.Sprint(i), Text: t, Paragraphs: sentence.Paragraphs(t)}}
		if err := analyze.Segment.Apply(d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		if err := (timex.Stage{}).Apply(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	testutil.ReportArticles(b)
	// the CPU time per article: on a shared machine it varies less than
	// the wall clock
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkTense reads the tense at every eighth token of the BASIL
// articles, as the brief's timeline does; Whole reads the whole sentence's
// words at each, as Tense did before it read only the words near the span.
func BenchmarkTense(b *testing.B) {
	docs := segmented(b)
	for _, bc := range []struct {
		name  string
		tense func(*news.Doc, news.Span) int
	}{{"near", timex.Tense}, {"whole", timex.TenseWhole}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				d := docs[i%len(docs)]
				for k := 0; k < len(d.Tokens); k += 8 {
					at := d.Tokens[k].Start
					bc.tense(d, news.Span{Start: at, End: at})
				}
			}
			testutil.ReportArticles(b)
		})
	}
}

// BenchmarkNamesEvent asks NamesEvent of every DATE expression of the
// BASIL articles (Whole: see BenchmarkTense).
func BenchmarkNamesEvent(b *testing.B) {
	docs := segmented(b)
	for _, bc := range []struct {
		name  string
		names func(*news.Doc, news.Timex) bool
	}{{"near", timex.NamesEvent}, {"whole", timex.NamesEventWhole}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				d := docs[i%len(docs)]
				for _, x := range d.Timexes {
					bc.names(d, x)
				}
			}
			testutil.ReportArticles(b)
		})
	}
}
