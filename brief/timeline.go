package brief

import "github.com/storyline-news/storyline/news"

// timeline lists the story's dated happenings in date order.
func timeline(s *news.Story) []news.TimelineEntry { return nil }
