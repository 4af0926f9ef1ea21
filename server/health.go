package server

import (
	"context"
	"net/http"
	"time"

	"github.com/storyline-news/storyline/store"
)

// healthz answers while the process serves.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when the store answers a listing within two seconds,
// else 503.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	for _, err := range s.cfg.Store.Stories(ctx, store.StoryQuery{Limit: 1}) {
		if err != nil {
			s.fail(w, r, errorf(http.StatusServiceUnavailable, "server: the store does not answer: %v", err))
			return
		}
	}
	if err := ctx.Err(); err != nil {
		s.fail(w, r, errorf(http.StatusServiceUnavailable, "server: the store does not answer: %v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
