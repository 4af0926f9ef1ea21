package ingest

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// goldenArticle is what a golden file records of an article: its fields,
// with the text as its list of paragraphs.
type goldenArticle struct {
	ID            string   `json:"id"`
	Path          string   `json:"path,omitempty"`
	URL           string   `json:"url,omitempty"`
	Outlet        string   `json:"outlet,omitempty"`
	Title         string   `json:"title,omitempty"`
	Author        string   `json:"author,omitempty"`
	StatedDate    string   `json:"stated_date,omitempty"`
	Dateline      string   `json:"dateline,omitempty"`
	DatelinePlace string   `json:"dateline_place,omitempty"`
	DatelineDate  string   `json:"dateline_date,omitempty"`
	PageStamp     string   `json:"page_stamp,omitempty"`
	Format        string   `json:"format"`
	Hash          string   `json:"hash"`
	Paragraphs    []string `json:"paragraphs"`
}

// goldenResult is one item of a Read sequence.
type goldenResult struct {
	Article *goldenArticle `json:"article,omitempty"`
	Error   string         `json:"error,omitempty"`
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func toGolden(a *news.Article) *goldenArticle {
	g := &goldenArticle{
		ID: a.ID, Path: filepath.ToSlash(a.Path), URL: a.URL, Outlet: a.Outlet, Title: a.Title, Author: a.Author,
		StatedDate: stamp(a.StatedDate), Dateline: a.Dateline, DatelinePlace: a.DatelinePlace,
		DatelineDate: stamp(a.DatelineDate), PageStamp: stamp(a.PageStamp), Format: a.Format, Hash: a.Hash,
	}
	for _, p := range a.Paragraphs {
		g.Paragraphs = append(g.Paragraphs, p.In(a.Text))
	}
	return g
}

// collect runs a sequence to its end, checking the invariants every
// article must hold.
func collect(t *testing.T, seq func(func(*news.Article, error) bool)) []goldenResult {
	t.Helper()
	var out []goldenResult
	for a, err := range seq {
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Errorf("error %v is not an *ingest.Error", err)
			}
			msg := err.Error()
			if strings.ContainsAny(msg, "\r\n") || !strings.HasPrefix(msg, "ingest: ") {
				t.Errorf("error %q is not one line starting with the package name", msg)
			}
			out = append(out, goldenResult{Error: msg})
			continue
		}
		checkArticle(t, a)
		out = append(out, goldenResult{Article: toGolden(a)})
	}
	return out
}

// checkArticle checks what holds of every article.
func checkArticle(t *testing.T, a *news.Article) {
	t.Helper()
	if a.ID == "" || a.Format == "" || len(a.Hash) != 64 {
		t.Errorf("%s: ID %q, Format %q, Hash %q: want all set", a.Path, a.ID, a.Format, a.Hash)
	}
	if strings.TrimSpace(a.Text) == "" || len(a.Paragraphs) == 0 {
		t.Errorf("%s: empty text", a.Path)
	}
	end := 0
	for i, p := range a.Paragraphs {
		if p.Start < end || p.End > len(a.Text) || p.IsZero() {
			t.Errorf("%s: paragraph %d span %v out of order or range", a.Path, i, p)
			break
		}
		if s := p.In(a.Text); s != strings.TrimSpace(s) || strings.Contains(s, "\n") {
			t.Errorf("%s: paragraph %d %q has untrimmed space or a line break", a.Path, i, s)
		}
		end = p.End
	}
	if !strings.Contains(a.Text, "\n\n") && len(a.Paragraphs) > 1 {
		t.Errorf("%s: paragraphs not separated by blank lines", a.Path)
	}
}

// TestGolden reads every testdata/NAME.input and compares the result
// with testdata/NAME.golden; -update rewrites the golden files.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			got := collect(t, Read(filepath.ToSlash(in)))
			checkGolden(t, "testdata/"+name+".golden", got)
		})
	}
}

func checkGolden(t *testing.T, golden string, got []goldenResult) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	testutil.Golden(t, golden, b)
}
