package token_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
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

// BenchmarkTokenize tokenizes the sentences of BASIL articles.
func BenchmarkTokenize(b *testing.B) {
	texts := basilTexts(b)
	spans := make([][]news.Span, len(texts))
	for i, t := range texts {
		spans[i] = sentence.Split(t)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(texts)
		for _, sp := range spans[k] {
			token.Tokenize(texts[k], sp)
		}
	}
	reportArticles(b)
}
