// Package conll reads files in the CoNLL-2003 named-entity format: one
// token per line with its entity tag in the last column, blank lines
// between sentences and -DOCSTART- lines between documents. The entity
// tagger trains on it and package eval scores against it.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence: its words and their entity tags (the last
// column, IOB1 or IOB2).
type Sentence struct {
	Words []string
	Tags  []string
}

// Doc is one -DOCSTART- document.
type Doc struct {
	Sentences []Sentence
}

// Read reads a CoNLL-2003 file. Empty sentences and documents are dropped;
// a line with fewer than two columns is an error naming its line number.
func Read(r io.Reader) ([]Doc, error) {
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
			return nil, fmt.Errorf("conll: line %d: want a word and a tag, got %q", line, sc.Text())
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	flushDoc()
	return docs, nil
}
