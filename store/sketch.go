package store

import "github.com/storyline-news/storyline/news"

// Sketch returns the part of d that placing a doc in a story reads, as
// package cluster compares docs: the article's metadata without its text,
// the tokens (their text and spans), the sentences, the entity mentions
// and entities, and the dates the analysis trusts. Time expressions,
// quotes, opinion spans, paragraphs and the text itself are left out; a
// doc without tokens keeps its text, which is then all a clusterer can
// read. d is not changed; the sketch shares its slices.
//
// PutDoc keeps every doc's sketch beside it, and DocQuery.Sketch lists
// sketches instead of whole docs: restoring a clusterer from a store of
// many docs then reads and decodes a fraction of the bytes.
func Sketch(d *news.Doc) *news.Doc {
	s := &news.Doc{
		Article:    d.Article,
		Sentences:  d.Sentences,
		Tokens:     d.Tokens,
		Mentions:   d.Mentions,
		Entities:   d.Entities,
		Date:       d.Date,
		DateStatus: d.DateStatus,
		Analyzer:   d.Analyzer,
	}
	s.Paragraphs = nil
	if len(d.Tokens) > 0 {
		s.Text = ""
	}
	return s
}
