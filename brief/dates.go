package brief

import "github.com/storyline-news/storyline/news"

// resolveDates decides which date to trust for every doc of the story and
// sets Date, DateStatus and DateNote. This first version trusts the stated
// date, then the dateline date.
func resolveDates(s *news.Story) {
	for _, d := range s.Docs {
		switch {
		case !d.StatedDate.IsZero():
			d.Date, d.DateStatus = d.StatedDate, news.DateStated
		case !d.DatelineDate.IsZero():
			d.Date, d.DateStatus = d.DatelineDate, news.DateDateline
		default:
			d.DateStatus = news.DateUnknown
		}
	}
}

// dateConflicts reports the stated dates that were rejected.
func dateConflicts(s *news.Story) []news.Conflict { return nil }
