package eval

import (
	"fmt"
	"io"
	"os"

	"github.com/storyline-news/storyline/internal/conll"
)

// CoNLLSentence is one sentence of a CoNLL-2003 file: its words and their
// entity tags (the last column, IOB1 or IOB2).
type CoNLLSentence = conll.Sentence

// CoNLLDoc is one -DOCSTART- document (an "article") of a CoNLL file.
type CoNLLDoc = conll.Doc

// ReadCoNLL reads a CoNLL-2003 file.
func ReadCoNLL(path string) ([]CoNLLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	docs, err := parseCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return docs, nil
}

func parseCoNLL(r io.Reader) ([]CoNLLDoc, error) { return conll.Read(r) }

// chunk is an entity span of a sentence: words [Start, End) of a type.
type chunk struct {
	Start, End int
	Type       string
}

// conllChunks reads the chunks of IOB tags the way conlleval does: a chunk
// starts at B-, and at I- after O or after a chunk of another type.
func conllChunks(tags []string) []chunk {
	var out []chunk
	cur, start := "", 0
	for i, t := range tags {
		pfx, typ := "O", ""
		if len(t) > 2 && t[1] == '-' {
			pfx, typ = t[:1], t[2:]
		}
		if pfx == "O" {
			if cur != "" {
				out = append(out, chunk{start, i, cur})
			}
			cur = ""
			continue
		}
		if pfx == "B" || typ != cur {
			if cur != "" {
				out = append(out, chunk{start, i, cur})
			}
			cur, start = typ, i
		}
	}
	if cur != "" {
		out = append(out, chunk{start, len(tags), cur})
	}
	return out
}

// prf counts exact-span matches of chunks.
type prf struct{ correct, guessed, gold int }

func (c prf) scores() (p, r, f float64) {
	p, r = ratio(c.correct, c.guessed), ratio(c.correct, c.gold)
	return p, r, f1(p, r)
}
