package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/storyline-news/storyline/feeds"
)

// feedList is the answer of GET /api/feeds.
type feedList struct {
	Feeds []feedInfo `json:"feeds"`
}

// feedInfo is a followed feed as the API shows it: its state without the
// remembered item keys.
type feedInfo struct {
	feeds.Feed
	Seen int `json:"seen"`
}

func info(f feeds.Feed) feedInfo {
	n := len(f.Seen)
	f.Seen, f.Published = nil, nil
	return feedInfo{Feed: f, Seen: n}
}

func (s *Server) feedsOrFail(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Feeds == nil {
		s.fail(w, r, errorf(http.StatusServiceUnavailable, "server: this server follows no feeds"))
		return false
	}
	return true
}

func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) {
	if !s.feedsOrFail(w, r) {
		return
	}
	fs, err := s.cfg.Feeds.Feeds(r.Context())
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: listing feeds: %w", err))
		return
	}
	out := feedList{Feeds: make([]feedInfo, 0, len(fs))}
	for _, f := range fs {
		out.Feeds = append(out.Feeds, info(f))
	}
	writeJSON(w, http.StatusOK, out)
}

// feedRequest is the body of POST /api/feeds.
type feedRequest struct {
	URL string `json:"url"`
}

// decodeFeedRequest reads {"url": "..."}; unknown fields are refused.
func decodeFeedRequest(r io.Reader) (string, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var fr feedRequest
	if err := dec.Decode(&fr); err != nil {
		return "", badRequest(fmt.Errorf(`server: the body is not {"url": "..."}: %w`, err))
	}
	if fr.URL == "" {
		return "", badRequest(fmt.Errorf(`server: the body names no feed: {"url": "..."}`))
	}
	return fr.URL, nil
}

func (s *Server) addFeed(w http.ResponseWriter, r *http.Request) {
	if !s.feedsOrFail(w, r) {
		return
	}
	u, err := decodeFeedRequest(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.cfg.Feeds.Add(r.Context(), u)
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: adding feed %q: %w", u, err))
		return
	}
	writeJSON(w, http.StatusCreated, info(f))
}

func (s *Server) removeFeed(w http.ResponseWriter, r *http.Request) {
	if !s.feedsOrFail(w, r) {
		return
	}
	u := r.URL.Query().Get("url")
	if u == "" {
		s.fail(w, r, errorf(http.StatusBadRequest, "server: name the feed: DELETE /api/feeds?url=URL"))
		return
	}
	if err := s.cfg.Feeds.Remove(r.Context(), u); err != nil {
		s.fail(w, r, fmt.Errorf("server: removing feed %q: %w", u, err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
