package timex_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/timex"
)

// basilTexts reads the bodies of the BASIL articles (real news from three
// outlets), paragraphs separated by a blank line.
func basilTexts(b *testing.B) []string {
	dir := testutil.Data(b, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	sort.Strings(files)
	if len(files) == 0 {
		b.Skipf("no BASIL articles in %s", dir)
	}
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var j struct {
			Paras [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(raw, &j); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		var paras []string
		for _, p := range j.Paras {
			paras = append(paras, strings.Join(p, " "))
		}
		out = append(out, strings.Join(paras, "\n\n"))
	}
	return out
}

// reportArticles reports the articles done per second.
func reportArticles(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkStage runs the time expression stage over segmented BASIL
// articles.
func BenchmarkStage(b *testing.B) {
	var docs []*news.Doc
	for i, t := range basilTexts(b) {
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
	reportArticles(b)
}
