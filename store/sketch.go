package store

import "github.com/storyline-news/storyline/news"

// Sketch returns the part of d that placing a doc in a story reads, as
// package cluster compares docs: the article's metadata and text (a
// token is a span of the text, so its word is read there), the tokens,
// the sentences, the entity mentions and entities, and the dates the
// analysis trusts. Time expressions, quotes, opinion spans and paragraphs
// are left out. d is not changed; the sketch shares its slices.
//
// DocQuery.Sketch lists sketches instead of whole docs. A backend may
// keep them apart or trim the whole doc as it reads it: the SQL backends
// did keep a sketch beside each doc, but it was nine tenths of the doc's
// bytes, and encoding and writing it cost more at every store than it
// saved at the rare restore, so they now trim.
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
	return s
}
