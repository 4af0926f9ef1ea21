package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/store"
)

// hitList is the answer of GET /api/search.
type hitList struct {
	Query string       `json:"query"`
	Hits  []*store.Hit `json:"hits"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.fail(w, r, errorf(http.StatusBadRequest, "server: search needs a query: ?q=WORDS"))
		return
	}
	limit := 20
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > MaxPageSize {
			s.fail(w, r, errorf(http.StatusBadRequest, "server: limit %q is not a number from 1 to %d", l, MaxPageSize))
			return
		}
		limit = n
	}
	out := hitList{Query: q, Hits: []*store.Hit{}}
	for h, err := range s.cfg.Store.Search(r.Context(), store.SearchQuery{Text: q, Limit: limit}) {
		if err != nil {
			s.fail(w, r, fmt.Errorf("server: searching %q: %w", q, err))
			return
		}
		out.Hits = append(out.Hits, h)
	}
	writeJSON(w, http.StatusOK, out)
}
