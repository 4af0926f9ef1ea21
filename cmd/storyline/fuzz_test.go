package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// FuzzFlow runs arbitrary input through the whole flow: ingest, every
// analysis stage, the brief and its three renderers. Nothing may panic,
// and the JSON brief must keep its shape.
func FuzzFlow(f *testing.F) {
	// The seeds, when present, start the corpus.
	files, _ := filepath.Glob(filepath.Join(testutil.Root(f), "..", "shared", "seeds", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, b[:len(b)/2])
		}
	}
	f.Add([]byte(" date 2017-09-28 TEHRAN, Sept. 27 (Xinhua) -- \"We won,\" he said on Wednesday.\n\nComment: next week."), []byte("<html><body><p>Monday's vote. “Quote,” said Al-Foo.</p></body></html>"))
	f.Add([]byte("Sept. 11\n\n\"\n\n“”’ Mr. . . U.S. 19 Sept. 11 2 1/2 years ago"), []byte("<DOC><TEXT><P>x said: \"</P></TEXT></DOC>"))
	chain, err := analyze.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "a.txt"), a, 0o644)
		os.WriteFile(filepath.Join(dir, "b.html"), b, 0o644)
		story := &news.Story{ID: "fuzz"}
		for art, err := range ingest.Read(dir) {
			if err != nil {
				continue
			}
			d, err := chain.Doc(art)
			if err != nil {
				t.Fatalf("analysis failed on readable input: %v", err)
			}
			story.Docs = append(story.Docs, d)
		}
		if len(story.Docs) == 0 {
			return
		}
		br, err := brief.Build(story, brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, render := range []brief.RenderFunc{brief.JSON, brief.Markdown, brief.HTML} {
			var buf bytes.Buffer
			if err := render(&buf, br); err != nil {
				t.Fatal(err)
			}
		}
	})
}
