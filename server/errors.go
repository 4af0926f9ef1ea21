package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/internal/safehttp"
	"github.com/storyline-news/storyline/store"
)

// statusError is an error that knows its HTTP status.
type statusError struct {
	status int
	err    error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// errorf makes an error answered with status.
func errorf(status int, format string, args ...any) error {
	return &statusError{status, fmt.Errorf(format, args...)}
}

// badRequest wraps err as a 400.
func badRequest(err error) error { return &statusError{http.StatusBadRequest, err} }

// statusOf maps an error to the status it is answered with: the one place
// where errors become statuses.
func statusOf(err error) int {
	var se *statusError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &se):
		return se.status
	case errors.Is(err, store.ErrNotFound), errors.Is(err, feeds.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &mbe), errors.Is(err, safehttp.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, feeds.ErrBadURL):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// apiError is the JSON body of every error answer.
type apiError struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
}

// fail answers err as JSON with its status; 5xx errors are logged.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.cfg.Logger.Error("server: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, status, apiError{Status: status, Error: err.Error()})
}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(apiError{status, "server: encoding the answer: " + err.Error()})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
