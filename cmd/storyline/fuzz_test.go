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
//
// The corpus starts from a real input of every format (ingest's testdata:
// text, HTML, feeds, JSON, SGML) and the seed articles, paired so that a
// brief has two sources. Web pages are read with ingest's SimpleHTML, so
// that the fuzzer's time goes to storyline's code rather than to the
// third-party extractors (ingest's FuzzHTML covers those).
func FuzzFlow(f *testing.F) {
	root := testutil.Root(f)
	var inputs [][]byte
	for _, glob := range []string{
		filepath.Join(root, "ingest", "testdata", "*.input"),
		filepath.Join(root, "..", "shared", "seeds", "*.txt"),
	} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				inputs = append(inputs, b)
			}
		}
	}
	for i, b := range inputs {
		f.Add(b, inputs[(i+1)%len(inputs)])
	}
	f.Add([]byte(" date 2017-09-28 TEHRAN, Sept. 27 (Xinhua) -- \"We won,\" he said on Wednesday.\n\nComment: next week."), []byte("<html><body><p>Monday's vote. “Quote,” said Al-Foo.</p></body></html>"))
	f.Add([]byte("Sept. 11\n\n\"\n\n“”’ Mr. . . U.S. 19 Sept. 11 2 1/2 years ago"), []byte("<DOC><TEXT><P>x said: \"</P></TEXT></DOC>"))
	chain, err := analyze.Default()
	if err != nil {
		f.Fatal(err)
	}
	rd, err := ingest.New(ingest.Options{MaxFileSize: 256 << 10, MaxRecordSize: 256 << 10, SimpleHTML: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		story := &news.Story{ID: "fuzz"}
		for i, in := range [][]byte{a, b} {
			for art, err := range rd.ReadFrom(string(rune('a'+i)), bytes.NewReader(in)) {
				if err != nil {
					continue
				}
				d, err := chain.Doc(art)
				if err != nil {
					t.Fatalf("analysis failed on readable input: %v", err)
				}
				story.Docs = append(story.Docs, d)
			}
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
