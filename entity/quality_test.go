package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"

	"github.com/storyline-news/storyline/entity/internal/ner"
	"github.com/storyline-news/storyline/news"
)

// TestStageQualityFloor runs the whole stage (tagger, repairs, titles,
// merging) over CoNLL-2003 valid and guards its exact-span F1 on
// PER+ORG+LOC (measured 93.3; storyline eval entities reports the same).
func TestStageQualityFloor(t *testing.T) {
	root := testutil.Root(t)
	f, err := os.Open(filepath.Join(root, "..", "shared", "data", "entities", "conll2003", "valid.txt"))
	if err != nil {
		t.Skipf("no CoNLL-2003 valid data: %v", err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var correct, guessed, gold int
	for _, cd := range docs {
		d := &news.Doc{}
		var b strings.Builder
		for _, s := range cd.Sentences {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			first, start := len(d.Tokens), b.Len()
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
				}
				d.Tokens = append(d.Tokens, news.Token{Span: news.Span{Start: b.Len(), End: b.Len() + len(w)}})
				b.WriteString(w)
			}
			d.Sentences = append(d.Sentences, news.Sentence{Span: news.Span{Start: start, End: b.Len()}, FirstToken: first, EndToken: len(d.Tokens)})
		}
		d.Text = b.String()
		if err := tg.Apply(d); err != nil {
			t.Fatal(err)
		}
		type key struct {
			start, end int
			typ        string
		}
		want := map[key]bool{}
		for k, s := range cd.Sentences {
			for _, c := range ner.ChunksIOB(s.Tags) {
				if c.Type < 3 {
					first := d.Sentences[k].FirstToken
					want[key{d.Tokens[first+c.Start].Start, d.Tokens[first+c.End-1].End, ner.Types[c.Type]}] = true
					gold++
				}
			}
		}
		for _, m := range d.Mentions {
			if m.Type == news.Misc {
				continue
			}
			guessed++
			if want[key{m.Start, m.End, string(m.Type)}] {
				correct++
			}
		}
	}
	p, r := float64(correct)/float64(guessed), float64(correct)/float64(gold)
	f1 := 2 * p * r / (p + r)
	t.Logf("stage P %.4f R %.4f F1 %.4f", p, r, f1)
	if f1 < 0.92 {
		t.Errorf("stage F1 on PER+ORG+LOC %.4f, want >= 0.92", f1)
	}
}
