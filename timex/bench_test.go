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
	for i := 0; i < b.N; i++ {
		if err := (timex.Stage{}).Apply(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	testutil.ReportArticles(b)
}
