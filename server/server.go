// Package server is storyline's HTTP face: a JSON API under /api/ and
// server-rendered pages, both over a store.Store, for `storyline serve`.
//
// # API
//
//	GET    /api/stories?since=&q=&limit=&cursor=  stories, the most recently changed first
//	GET    /api/stories/{id}                      the story's brief, the JSON stored for it
//	GET    /api/articles/{id}                     one article (id: its key, path-escaped)
//	POST   /api/articles                          ingest JSON article(s), an HTML page, text, or URLs
//	GET    /api/search?q=                         full text over articles
//	GET    /api/feeds, POST /api/feeds            the followed feeds
//	DELETE /api/feeds?url=                        stop following a feed
//	GET    /healthz, /readyz                      liveness; readiness (the store answers)
//	GET    /metrics                               Prometheus text format
//	GET    /api/openapi.json                      the OpenAPI 3 description of all of the above
//
// Every error is JSON, {"status": 404, "error": "..."}, its status chosen
// in one place (errors.go): a record the store does not hold is a 404, a
// body that cannot be decoded a 400, a body over the limit a 413.
//
// # Pages
//
// "/" lists stories (search, dates, outlets, what changed since yesterday),
// /stories/{id} shows a story's brief (cited summary with the cited
// sentences on hover and focus, an SVG timeline, people and organisations,
// quotes by speaker, disagreements, coverage by outlet, sources and their
// date status), /articles/{id} an article's text with its analysis layers
// marked. Templates and static files are embedded; pages work without
// JavaScript.
//
// # Security
//
// When Config.Token is set, every API and page request must carry it, as
// "Authorization: Bearer TOKEN" or in the session cookie the /login form
// sets (an HMAC of the token, never the token itself); both are compared
// in constant time. /metrics answers loopback clients only unless
// Config.PublicMetrics. Pages send a strict Content-Security-Policy with a
// fresh nonce per response for their one small script, nosniff,
// X-Frame-Options DENY and Referrer-Policy no-referrer; all text goes
// through html/template and is escaped. Request bodies are limited to
// Config.MaxBodySize. URLs posted to the API are fetched with the
// ingest.Reader the caller configures (internal/safehttp refuses private
// addresses in `storyline serve`).
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// Defaults for the zero fields of Config.
const (
	DefaultMaxBodySize = 8 << 20
	DefaultMaxURLs     = 100
	DefaultPageSize    = 50
	MaxPageSize        = 500
)

// Ingester takes articles down the path of `storyline ingest`: analysis,
// placement in a story, storage, and the brief of every story that changed.
// Implementations must be safe for concurrent use.
type Ingester interface {
	Ingest(ctx context.Context, arts []*news.Article) (*IngestResult, error)
}

// IngestResult says what became of each article handed to an Ingester.
type IngestResult struct {
	Stored  int             `json:"stored"`
	Known   int             `json:"known"`
	Failed  int             `json:"failed"`
	Briefs  int             `json:"briefs"`
	Results []ArticleResult `json:"articles"`
}

// ArticleResult is what became of one article.
type ArticleResult struct {
	ID  string `json:"id"`
	Key string `json:"key,omitempty"`
	// Status is "stored", "known" (stored before) or "failed".
	Status string `json:"status"`
	// Story is the story a stored article joined.
	Story string `json:"story,omitempty"`
	Error string `json:"error,omitempty"`
}

// Feeds manages the followed feeds; *feeds.Poller implements it.
type Feeds interface {
	Feeds(ctx context.Context) ([]feeds.Feed, error)
	Add(ctx context.Context, rawURL string) (feeds.Feed, error)
	Remove(ctx context.Context, rawURL string) error
}

// Config configures a Server. Store is required; the other fields are
// optional (a nil Ingester makes POST /api/articles answer 503, nil Feeds
// makes the feed routes answer 503).
type Config struct {
	Store    store.Store
	Ingester Ingester
	Feeds    Feeds
	// Reader reads posted bodies and fetches posted URLs; ingest.New
	// with default options when nil.
	Reader *ingest.Reader
	// Token, when set, is required on every API and page request.
	Token string
	// PublicMetrics lets /metrics answer clients other than loopback.
	PublicMetrics bool
	// MaxBodySize limits request bodies in bytes; DefaultMaxBodySize when 0.
	MaxBodySize int64
	// MaxURLs limits the URLs one request may post; DefaultMaxURLs when 0.
	MaxURLs int
	// PageCacheSize bounds the rendered story pages kept in memory, in
	// bytes: DefaultPageCacheSize when 0, none when negative.
	PageCacheSize int
	// Logger receives errors answered with a 5xx; slog.Default when nil.
	Logger *slog.Logger
	// Now tells the time (what changed since yesterday); time.Now when nil.
	Now func() time.Time
}

// Server serves the API and the pages. Create it with New.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	handler http.Handler
	metrics *Metrics
	pages   *pages
	// pageCache keeps rendered story pages.
	pageCache *pageCache
	// changes keeps the story list's lines of what changed since yesterday.
	changes changeCache
	// inflight counts ingests running, so Shutdown can wait for them.
	inflight sync.WaitGroup
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: Config.Store is nil")
	}
	if cfg.MaxBodySize <= 0 {
		cfg.MaxBodySize = DefaultMaxBodySize
	}
	if cfg.MaxURLs <= 0 {
		cfg.MaxURLs = DefaultMaxURLs
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Reader == nil {
		r, err := ingest.New(ingest.DefaultOptions())
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		cfg.Reader = r
	}
	p, err := newPages()
	if err != nil {
		return nil, err
	}
	if cfg.PageCacheSize == 0 {
		cfg.PageCacheSize = DefaultPageCacheSize
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), metrics: NewMetrics(), pages: p, pageCache: newPageCache(cfg.PageCacheSize)}
	s.routes()
	s.handler = s.metrics.instrument(s.secure(s.mux))
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Metrics returns the server's metrics, for the feed poller's reports and
// the ingester's counts.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Wait blocks until the ingests in flight have finished: call it after
// http.Server.Shutdown so a posted batch is stored (or rolled back) before
// the store closes.
func (s *Server) Wait() { s.inflight.Wait() }
