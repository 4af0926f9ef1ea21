package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("id")
	a, err := s.cfg.Store.Article(r.Context(), key)
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: article %q: %w", key, err))
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// posted is a decoded POST /api/articles body: articles read from it, the
// URLs it lists, and the entries that could not be read.
type posted struct {
	Articles []*news.Article
	URLs     []string
	Errors   []ArticleResult
}

// urlList is the JSON form of a list of URLs to fetch.
type urlList struct {
	URLs []string `json:"urls"`
}

// decodePost reads a POST /api/articles body of the given Content-Type:
//
//   - application/json: an article object ({"title", "text", "date", "url",
//     "source", "author"}, as `storyline ingest` reads JSON), an array of
//     them, JSON lines, or {"urls": [...]} to fetch;
//   - text/html: one web page; text/plain: one article in storyline's text
//     form; text/uri-list: URLs to fetch, one a line.
//
// Articles are read by rd, as `storyline ingest` reads files; an entry it
// cannot read is kept in Errors and the others go on. The error is a 4xx
// statusError when the body as a whole is unusable.
func decodePost(rd *ingest.Reader, contentType string, body []byte, maxURLs int) (*posted, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, errorf(http.StatusUnsupportedMediaType, "server: Content-Type %q: %v", contentType, err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errorf(http.StatusBadRequest, "server: the body is empty")
	}
	p := &posted{}
	var name string
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "application/x-ndjson":
		if t := bytes.TrimSpace(body); t[0] == '{' && bytes.Contains(t, []byte(`"urls"`)) {
			var ul urlList
			if err := json.Unmarshal(t, &ul); err == nil && ul.URLs != nil {
				return p, p.addURLs(ul.URLs, maxURLs)
			}
		}
		name = "request.json"
	case mt == "text/uri-list":
		var urls []string
		sc := bufio.NewScanner(bytes.NewReader(body))
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				urls = append(urls, l)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, badRequest(fmt.Errorf("server: reading the URL list: %w", err))
		}
		return p, p.addURLs(urls, maxURLs)
	case mt == "text/html" || mt == "application/xhtml+xml":
		name = "request.html"
	case mt == "text/plain":
		name = "request.txt"
	default:
		return nil, errorf(http.StatusUnsupportedMediaType,
			"server: Content-Type %q is not application/json, text/html, text/plain or text/uri-list", mt)
	}
	for a, err := range rd.ReadFrom(name, bytes.NewReader(body)) {
		if err != nil {
			p.Errors = append(p.Errors, ArticleResult{ID: name, Status: "failed", Error: err.Error()})
			continue
		}
		p.Articles = append(p.Articles, a)
	}
	if len(p.Articles) == 0 {
		if len(p.Errors) > 0 {
			return nil, badRequest(fmt.Errorf("server: no article in the body: %s", p.Errors[0].Error))
		}
		return nil, badRequest(fmt.Errorf("server: no article in the body"))
	}
	return p, nil
}

// addURLs checks a posted URL list: http(s) only, at most max.
func (p *posted) addURLs(urls []string, max int) error {
	if len(urls) == 0 {
		return badRequest(fmt.Errorf("server: the URL list is empty"))
	}
	if len(urls) > max {
		return errorf(http.StatusRequestEntityTooLarge, "server: %d URLs posted; at most %d at once", len(urls), max)
	}
	for _, u := range urls {
		n, err := feeds.NormalizeURL(u)
		if err != nil {
			p.Errors = append(p.Errors, ArticleResult{ID: u, Status: "failed", Error: fmt.Sprintf("server: %v", err)})
			continue
		}
		p.URLs = append(p.URLs, n)
	}
	return nil
}

// postArticles ingests the posted articles, or fetches the posted URLs and
// ingests what they hold. The answer (200) lists what became of each
// entry; the ingest runs to its end even when the client goes away or the
// server shuts down, so a batch is stored or rolled back, never cut short.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingester == nil {
		s.fail(w, r, errorf(http.StatusServiceUnavailable, "server: this server does not ingest"))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodySize))
	if err != nil {
		s.fail(w, r, fmt.Errorf("server: reading the body (limit %d bytes): %w", s.cfg.MaxBodySize, err))
		return
	}
	p, err := decodePost(s.cfg.Reader, r.Header.Get("Content-Type"), body, s.cfg.MaxURLs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.inflight.Add(1)
	defer s.inflight.Done()
	for _, u := range p.URLs {
		p.Articles, p.Errors = s.readURL(r.Context(), u, p.Articles, p.Errors)
	}
	if err := r.Context().Err(); err != nil {
		s.fail(w, r, fmt.Errorf("server: reading the posted URLs: %w", err))
		return
	}
	res := &IngestResult{}
	if len(p.Articles) > 0 {
		res, err = s.Ingest(context.WithoutCancel(r.Context()), p.Articles)
		if err != nil {
			s.fail(w, r, fmt.Errorf("server: ingesting %d article(s): %w", len(p.Articles), err))
			return
		}
	}
	s.metrics.ArticlesFailed.Add(int64(len(p.Errors)))
	res.Failed += len(p.Errors)
	res.Results = append(res.Results, p.Errors...)
	writeJSON(w, http.StatusOK, res)
}

// readURL appends the articles of a posted URL to arts, and its errors to
// errs. The fetch stops with the request; a URL whose articles hold more
// text than a posted body may (MaxBodySize bytes, an endless stream of
// JSON lines for one) is cut there, with a failed result that names it,
// so that no URL makes the server hold more than one body's worth.
func (s *Server) readURL(ctx context.Context, u string, arts []*news.Article, errs []ArticleResult) ([]*news.Article, []ArticleResult) {
	var size int64
	for a, err := range s.cfg.Reader.ReadContext(ctx, u) {
		if err != nil {
			errs = append(errs, ArticleResult{ID: u, Status: "failed", Error: err.Error()})
			continue
		}
		size += int64(len(a.Title) + len(a.Text))
		if size > s.cfg.MaxBodySize {
			errs = append(errs, ArticleResult{ID: u, Status: "failed",
				Error: fmt.Sprintf("server: %s gives more than %d bytes of articles, the limit of a posted body; read up to there", u, s.cfg.MaxBodySize)})
			break
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// Ingest hands arts to the Ingester, counting what it did in the metrics;
// the feed poller of `storyline serve` calls it too, so that feeds and the
// API take one path. Shutdown waits for it (see Wait).
func (s *Server) Ingest(ctx context.Context, arts []*news.Article) (*IngestResult, error) {
	if s.cfg.Ingester == nil {
		return nil, errorf(http.StatusServiceUnavailable, "server: this server does not ingest")
	}
	s.inflight.Add(1)
	defer s.inflight.Done()
	res, err := s.cfg.Ingester.Ingest(ctx, arts)
	if res != nil {
		s.metrics.countIngest(res, arts, s.cfg.Now())
		// The pages of the stories that changed are rendered now, in the
		// background, rather than by their first reader.
		var changed []string
		for _, ar := range res.Results {
			if ar.Status == "stored" && ar.Story != "" && !slices.Contains(changed, ar.Story) {
				changed = append(changed, ar.Story)
			}
		}
		if len(changed) > 0 {
			s.inflight.Add(1)
			go func() {
				defer s.inflight.Done()
				s.warmStories(changed)
			}()
		}
	}
	return res, err
}
