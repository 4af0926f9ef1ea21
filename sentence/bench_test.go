package sentence_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/sentence"
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

// BenchmarkSplit splits BASIL articles into sentences.
func BenchmarkSplit(b *testing.B) {
	texts := basilTexts(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sentence.Split(texts[i%len(texts)])
	}
	reportArticles(b)
}
