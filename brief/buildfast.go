package brief

import "github.com/storyline-news/storyline/news"

// originals counts the story's docs that copy no other (orig, as copies
// gives, maps each copy to its original).
func originals(s *news.Story, orig map[string]string) int {
	n := 0
	for _, d := range s.Docs {
		if _, isCopy := orig[d.ID]; !isCopy {
			n++
		}
	}
	return n
}
