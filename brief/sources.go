package brief

import (
	"sort"
	"time"

	"github.com/storyline-news/storyline/news"
)

const dayFormat = "2006-01-02"

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dayFormat)
}

// sortDocs puts the docs in time order, undated ones last, keeping input
// order among equals.
func sortDocs(s *news.Story) {
	sort.SliceStable(s.Docs, func(i, j int) bool {
		a, b := s.Docs[i].Date, s.Docs[j].Date
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
}

// sources lists the story's articles in input order of their IDs.
func sources(s *news.Story) []news.Source {
	out := make([]news.Source, 0, len(s.Docs))
	for _, d := range s.Docs {
		out = append(out, news.Source{
			ID:           d.ID,
			Path:         d.Path,
			URL:          d.URL,
			Outlet:       d.Outlet,
			Title:        d.Title,
			StatedDate:   day(d.StatedDate),
			DatelineDate: day(d.DatelineDate),
			Date:         day(d.Date),
			DateStatus:   d.DateStatus,
			DateNote:     d.DateNote,
			Opinion:      len(d.Opinion) > 0,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
