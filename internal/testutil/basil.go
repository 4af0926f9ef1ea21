package testutil

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// BasilArticle is one article of the BASIL set (real news from three
// outlets), as the stage benchmarks read it.
type BasilArticle struct {
	File       string // the file's path
	Outlet     string
	Title      string
	Date       string // YYYY-MM-DD
	Paragraphs []string
}

// Text returns the article's body, paragraphs separated by a blank line.
func (a BasilArticle) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// Basil reads the BASIL articles in ../shared/data/stories/basil, in file
// order, and skips tb when the set is missing.
func Basil(tb testing.TB) []BasilArticle {
	tb.Helper()
	dir := Data(tb, "stories/basil")
	var files []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	var out []BasilArticle
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var j struct {
			Source string     `json:"source"`
			Title  string     `json:"title"`
			Date   string     `json:"date"`
			Paras  [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(raw, &j); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		a := BasilArticle{File: f, Outlet: j.Source, Title: j.Title, Date: j.Date}
		for _, p := range j.Paras {
			a.Paragraphs = append(a.Paragraphs, strings.Join(p, " "))
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		tb.Skipf("no BASIL articles in %s", dir)
	}
	return out
}

// BasilTexts returns the bodies of the BASIL articles (see Basil).
func BasilTexts(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, a := range Basil(tb) {
		out = append(out, a.Text())
	}
	return out
}

// ReportArticles reports the articles a benchmark did per second, one an
// iteration.
func ReportArticles(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
