package brief

import (
	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
)

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

// citesOnlyItsDoc reports whether s holds one doc and every summary and
// timeline line of b cites that doc alone: then citeLines, which cites
// each line to docs of the story and keeps a line it cannot trace as it
// was cited, would give every line the same one source again, and need
// not read the story (a stream's stories are mostly of one article).
func citesOnlyItsDoc(b *news.Brief, s *news.Story) bool {
	if len(s.Docs) != 1 {
		return false
	}
	id := s.Docs[0].ID
	only := func(srcs []string) bool { return len(srcs) == 1 && srcs[0] == id }
	for _, l := range b.Summary {
		if !only(l.Sources) {
			return false
		}
	}
	for _, e := range b.Timeline {
		if !only(e.Sources) {
			return false
		}
	}
	return true
}

// hasClockShape reports whether t holds a digit, a colon or a point and
// two digits, as every match of clockRe does: sentences without one
// (most) skip the regular expression.
func hasClockShape(t string) bool {
	for i := 0; i+4 <= len(t); i++ {
		if ascii.IsDigit(t[i]) && (t[i+1] == ':' || t[i+1] == '.') && ascii.IsDigit(t[i+2]) && ascii.IsDigit(t[i+3]) {
			return true
		}
	}
	return false
}
