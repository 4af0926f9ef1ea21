package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store/sqlite"
)

// A server over a store: the API answers JSON, errors included.
func Example() {
	dir, _ := os.MkdirTemp("", "storyline-example-")
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "s.db"), sqlite.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	srv, err := server.New(server.Config{Store: s})
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, path := range []string{"/api/stories", "/api/stories/s000000000000"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		var body map[string]any
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		fmt.Println(path, resp.StatusCode, body["stories"], body["status"])
	}
	// Output:
	// /api/stories 200 [] <nil>
	// /api/stories/s000000000000 404 <nil> 404
}
