package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIngestInterrupted cancels an ingest (as Ctrl-C does) while it waits
// on a server that hangs after its headers, and while it reads an endless
// stream of JSON lines: the fetch is cancelled (the server sees its
// request end), the run exits with 130 and "interrupted" like brief, not
// 1 and "context canceled", and what it reported as stored is stored.
func TestIngestInterrupted(t *testing.T) {
	withAssigner(t)
	aborted := make(chan struct{}, 4)
	started := make(chan struct{}, 4)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good":
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("TEHRAN (Wire) -- Iran's army chief met his Iraqi counterpart on Wednesday. They talked about the border.\n"))
			return
		case "/hang":
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			started <- struct{}{}
		case "/endless":
			w.Header().Set("Content-Type", "application/x-ndjson")
			for i := 0; r.Context().Err() == nil; i++ {
				fmt.Fprintf(w, `{"title": "Harbour %d", "url": "https://example.com/%d", "text": "The harbour reopened on Monday after storm %d, the port authority said."}`+"\n", i, i, i)
				if i == 300 {
					started <- struct{}{}
				}
			}
		}
		select {
		case <-r.Context().Done():
			aborted <- struct{}{}
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	for _, path := range []string{"/hang", "/endless"} {
		t.Run(path[1:], func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			type outcome struct {
				code     int
				out, err string
			}
			done := make(chan outcome, 1)
			go func() {
				var out, errb bytes.Buffer
				code := run(ctx, []string{"ingest", "--db", db, srv.URL + "/good", srv.URL + path}, &out, &errb)
				done <- outcome{code, out.String(), errb.String()}
			}()
			select {
			case <-started:
			case <-time.After(hangGuard):
				t.Fatal("the fetch never reached the server")
			}
			cancel()
			var o outcome
			select {
			case o = <-done:
			case <-time.After(hangGuard):
				t.Fatal("the interruption was not obeyed")
			}
			if o.code != exitInterrupted || !strings.Contains(o.err, "interrupted") || strings.Contains(o.err, "context canceled") {
				t.Errorf("exit %d, stderr %q; want %d and \"interrupted\"", o.code, o.err, exitInterrupted)
			}
			if path == "/hang" {
				select {
				case <-aborted:
				case <-time.After(hangGuard):
					t.Error("the fetch was not cancelled: the server never saw the request end")
				}
			}
			// What the run reported as stored is stored (it may not have
			// stored the article read before the interruption).
			_, found, _ := storyline("search", "--db", db, "Iraqi counterpart")
			if reported := !strings.Contains(o.out, " 0 new article(s) stored"); path == "/hang" && reported != strings.Contains(found, "/good") {
				t.Errorf("summary %q, search %q: the store does not hold what the run reported", o.out, found)
			}
		})
	}
}
