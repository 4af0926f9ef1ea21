package summarize

import (
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// Document is a plain document to summarise, as evaluation sets give them.
type Document struct {
	ID    string
	Title string
	Date  time.Time
	// Text is the body: paragraphs separated by a blank line.
	Text string
}

// Analyse turns plain documents into docs with sentences and tokens, by
// the real segmenter (analyze.Segment).
func Analyse(docs []Document) ([]*news.Doc, error) {
	out := make([]*news.Doc, 0, len(docs))
	for _, d := range docs {
		a := news.Article{ID: d.ID, Title: d.Title, StatedDate: d.Date, Text: d.Text, Paragraphs: sentence.Paragraphs(d.Text)}
		doc := &news.Doc{Article: a, Date: d.Date}
		if err := analyze.Segment.Apply(doc); err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, nil
}

// Documents segments plain documents and summarises them.
func Documents(docs []Document, opt Options) ([]news.SummaryLine, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	ds, err := Analyse(docs)
	if err != nil {
		return nil, err
	}
	return Docs(ds, opt), nil
}
