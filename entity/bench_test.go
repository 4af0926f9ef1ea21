package entity_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// basilDocs reads the BASIL articles (real news from three outlets) and
// segments them as the analysis chain does.
func basilDocs(tb testing.TB) []*news.Doc {
	dir := testutil.Data(tb, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	sort.Strings(files)
	if len(files) == 0 {
		tb.Skipf("no BASIL articles in %s", dir)
	}
	var out []*news.Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var j struct {
			Paras [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &j); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		var paras []string
		for _, p := range j.Paras {
			paras = append(paras, strings.Join(p, " "))
		}
		out = append(out, docOf(tb, filepath.Base(f), strings.Join(paras, "\n\n")))
	}
	return out
}

// BenchmarkApplyBASIL runs the entity stage over segmented BASIL articles
// and reports articles and tokens per second.
func BenchmarkApplyBASIL(b *testing.B) {
	docs := basilDocs(b)
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if err := tg.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(tokens)/float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMergeBASIL merges the entities of 100 BASIL articles, as the
// brief of a pile of them does.
func BenchmarkMergeBASIL(b *testing.B) {
	docs := basilDocs(b)
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:min(100, len(docs))]
	for _, d := range docs {
		if err := tg.Apply(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entity.Merge(docs)
	}
}
