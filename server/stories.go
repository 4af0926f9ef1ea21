package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/storyline-news/storyline/store"
)

// storyList is the answer of GET /api/stories.
type storyList struct {
	Stories []*store.Story `json:"stories"`
	// Next, when set, is the cursor of the next page.
	Next string `json:"next,omitempty"`
}

// storyQuery reads the query of a story listing: since (YYYY-MM-DD or
// RFC 3339), q, limit (1..MaxPageSize) and cursor.
func storyQuery(v url.Values) (store.StoryQuery, error) {
	q := store.StoryQuery{Query: v.Get("q"), Cursor: v.Get("cursor"), Limit: DefaultPageSize}
	if s := v.Get("since"); s != "" {
		t, err := parseSince(s)
		if err != nil {
			return q, err
		}
		q.Since = t
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxPageSize {
			return q, errorf(http.StatusBadRequest, "server: limit %q is not a number from 1 to %d", s, MaxPageSize)
		}
		q.Limit = n
	}
	return q, nil
}

func parseSince(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, errorf(http.StatusBadRequest, "server: since %q is not a date (YYYY-MM-DD or RFC 3339)", s)
}

// stories lists one page of stories: limit+1 are read to know whether a
// next page exists.
func (s *Server) stories(r *http.Request, q store.StoryQuery) (*storyList, error) {
	limit := q.Limit
	q.Limit = limit + 1
	out := &storyList{Stories: []*store.Story{}}
	for st, err := range s.cfg.Store.Stories(r.Context(), q) {
		if err != nil {
			return nil, err
		}
		if len(out.Stories) == limit {
			out.Next = out.Stories[limit-1].Cursor
			break
		}
		out.Stories = append(out.Stories, st)
	}
	return out, nil
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	q, err := storyQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.stories(r, q)
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: listing stories: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// getStoryBrief answers the brief's JSON as stored: the contract README.md
// documents, byte for byte what `storyline show --format json` prints.
func (s *Server) getStoryBrief(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := s.cfg.Store.Brief(r.Context(), id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: story %q: %w", id, err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Story-Revision", strconv.FormatInt(b.Revision, 10))
	w.Write(b.JSON)
}
