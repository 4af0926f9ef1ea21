package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

// countIngester counts what it is given and stores nothing.
type countIngester struct{ n int }

func (c *countIngester) Ingest(ctx context.Context, arts []*news.Article) (*IngestResult, error) {
	c.n += len(arts)
	return &IngestResult{}, nil
}

// TestPostURLLongStream posts the URL of a server streaming JSON lines
// (20000 here; endless in the wild): the server must not hold every
// article the stream gives before ingesting them (2.3 GB of RSS and no
// answer after 200 s with a real endless stream), but stop reading that
// URL at a limit of its own (here, articles of more than MaxBodySize bytes
// in all) and say so, naming the URL.
func TestPostURLLongStream(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; i < 20000 && r.Context().Err() == nil; i++ {
			fmt.Fprintf(w, `{"title": "Harbour %d", "url": "https://example.com/%d", "text": "The harbour reopened on Monday after storm %d, the port authority said."}`+"\n", i, i, i)
		}
	}))
	defer up.Close()
	rd, err := ingest.New(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ci := &countIngester{}
	srv := newServer(t, Config{Store: openStore(t), Ingester: ci, Reader: rd, MaxBodySize: 4 << 10, MaxURLs: 2})
	w := do(t, srv, "POST", "/api/articles", "application/json", `{"urls": ["`+up.URL+`/stream"]}`)
	if ci.n > 1000 {
		t.Errorf("%d articles held from one posted URL (limit 4 KiB of body): answer %d %.300s", ci.n, w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), up.URL+"/stream") {
		t.Errorf("the answer does not name the URL cut short: %.300s", w.Body)
	}
}
