package entity_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// repoRoot walks up from the package folder to the folder holding go.mod.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = up
	}
}

// sharedData returns ../shared/data/REL from the repository root, skipping
// the test when it is missing.
func sharedData(t testing.TB, rel string) string {
	p := filepath.Join(repoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no %s: %v", p, err)
	}
	return p
}

var dateHeader = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

// docOf builds a doc from plain text with the lead's segmenter.
func docOf(t testing.TB, id, text string) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id, Text: text}}
	off := 0
	for _, p := range strings.Split(text, "\n\n") {
		d.Paragraphs = append(d.Paragraphs, news.Span{Start: off, End: off + len(p)})
		off += len(p) + 2
	}
	if err := analyze.Segment.Apply(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func seedDocs(t testing.TB) []*news.Doc {
	dir := sharedData(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "0*.txt"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	tg, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*news.Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := dateHeader.ReplaceAllString(string(b), "")
		id := strings.SplitN(filepath.Base(f), "_", 2)[0]
		d := docOf(t, id, strings.TrimSpace(text))
		if err := tg.Apply(d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestSeedsDump(t *testing.T) {
	docs := seedDocs(t)
	for _, d := range docs {
		for _, m := range d.Mentions {
			t.Logf("%s %s %q %q ent=%d", d.ID, m.Type, m.Text, m.Titles, m.Entity)
		}
	}
	for _, e := range entity.Merge(docs) {
		t.Logf("%s %q forms=%q roles=%q src=%v", e.Type, e.Name, e.Forms, e.Roles, e.Sources)
	}
}
