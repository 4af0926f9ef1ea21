package brief

import "github.com/storyline-news/storyline/news"

// quotes lists who said what, grouped by speaker, each quote once.
func quotes(s *news.Story, ents []news.Entity) []news.QuoteEntry { return nil }
