package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its words and their IOB2 tags
// (column 4).
type Sentence struct {
	Words []string
	Tags  []string
}

// Doc is one -DOCSTART- document of a CoNLL file.
type Doc struct {
	Sentences []Sentence
}

// ReadCoNLL reads a CoNLL-2003 file: one token per line with the entity
// tag in the last column, blank lines between sentences and -DOCSTART-
// lines between documents.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var cur Doc
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flushSent()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("ner: line %d: want a word and a tag, got %q", line, sc.Text())
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: reading CoNLL: %w", err)
	}
	flushDoc()
	return docs, nil
}
