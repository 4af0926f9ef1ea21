// Package summarize chooses a short, non-redundant, cited set of sentences
// that tells a story.
package summarize

import "github.com/storyline-news/storyline/news"

// Options bound a summary.
type Options struct {
	// Words is the budget in words (0: no word limit).
	Words int
	// Bytes is the budget in bytes (0: no byte limit).
	Bytes int
}

// Story returns the summary of a story, each line citing the sources that
// support it.
func Story(s *news.Story, opt Options) []news.SummaryLine { return nil }
