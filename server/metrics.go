package server

import (
	"bufio"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// Metrics counts what the server does, written out in the Prometheus text
// format by GET /metrics. It is safe for concurrent use.
type Metrics struct {
	// ArticlesStored, ArticlesKnown and ArticlesFailed count ingested
	// articles by what became of them.
	ArticlesStored, ArticlesKnown, ArticlesFailed atomic.Int64

	mu sync.Mutex
	// polls counts feed polls by outcome.
	polls map[feeds.Outcome]int64
	// lag is the time from an article's stated date to its storage.
	lag *histogram
	// requests are the request latencies by route and status.
	requests map[reqKey]*histogram
}

type reqKey struct {
	method, route string
	code          int
}

// Bucket bounds, in seconds.
var (
	latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	lagBuckets     = []float64{60, 300, 900, 3600, 3 * 3600, 6 * 3600, 24 * 3600, 3 * 86400, 7 * 86400, 30 * 86400}
)

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	return &Metrics{polls: map[feeds.Outcome]int64{}, lag: newHistogram(lagBuckets), requests: map[reqKey]*histogram{}}
}

// FeedPoll counts one feed poll; it is the feeds.Config.Report of
// `storyline serve`.
func (m *Metrics) FeedPoll(r feeds.Result) {
	m.mu.Lock()
	m.polls[r.Outcome]++
	m.mu.Unlock()
}

// countIngest counts an ingest's results, and the lag of each stored
// article that states its date.
func (m *Metrics) countIngest(res *IngestResult, arts []*news.Article, now time.Time) {
	dates := map[string]time.Time{}
	for _, a := range arts {
		if !a.StatedDate.IsZero() {
			k := a.Key
			if k == "" {
				k = news.KeyOf(a)
			}
			dates[k] = a.StatedDate
		}
	}
	m.ArticlesStored.Add(int64(res.Stored))
	m.ArticlesKnown.Add(int64(res.Known))
	m.ArticlesFailed.Add(int64(res.Failed))
	for _, r := range res.Results {
		if d, ok := dates[r.Key]; ok && r.Status == "stored" && now.After(d) {
			m.lag.observe(now.Sub(d).Seconds())
		}
	}
}

// observeRequest records one request's latency.
func (m *Metrics) observeRequest(method, route string, code int, d time.Duration) {
	k := reqKey{method, route, code}
	m.mu.Lock()
	h := m.requests[k]
	if h == nil {
		h = newHistogram(latencyBuckets)
		m.requests[k] = h
	}
	m.mu.Unlock()
	h.observe(d.Seconds())
}

// histogram is a Prometheus histogram.
type histogram struct {
	bounds []float64
	counts []atomic.Uint64 // per bucket, not cumulative; the last is +Inf
	sum    atomic.Uint64   // float64 bits
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]atomic.Uint64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	i := sort.SearchFloat64s(h.bounds, v) // first bound >= v
	h.counts[i].Add(1)
	for {
		old := h.sum.Load()
		if h.sum.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

func (h *histogram) write(w *bufio.Writer, name, labels string) {
	var cum uint64
	sep := ""
	if labels != "" {
		sep = ","
	}
	for i, b := range h.bounds {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{%s%sle=%q} %d\n", name, labels, sep, strconv.FormatFloat(b, 'g', -1, 64), cum)
	}
	cum += h.counts[len(h.bounds)].Load()
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, cum)
	braces := ""
	if labels != "" {
		braces = "{" + labels + "}"
	}
	fmt.Fprintf(w, "%s_sum%s %s\n", name, braces, strconv.FormatFloat(math.Float64frombits(h.sum.Load()), 'g', -1, 64))
	fmt.Fprintf(w, "%s_count%s %d\n", name, braces, cum)
}

// statusWriter remembers the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// instrument times every request, labelled by the mux pattern that
// served it (so IDs in paths do not make new series).
func (m *Metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		m.observeRequest(r.Method, route, sw.code, time.Since(start))
	})
}

// isLoopback reports whether the request comes from a loopback address.
func isLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.PublicMetrics && !isLoopback(r) {
		s.fail(w, r, errorf(http.StatusForbidden, "server: /metrics answers loopback clients only"))
		return
	}
	var stories int
	for _, err := range s.cfg.Store.Stories(r.Context(), store.StoryQuery{}) {
		if err != nil {
			s.fail(w, r, fmt.Errorf("server: counting stories: %w", err))
			return
		}
		stories++
	}
	var followed []feeds.Feed
	if s.cfg.Feeds != nil {
		var err error
		if followed, err = s.cfg.Feeds.Feeds(r.Context()); err != nil {
			s.fail(w, r, fmt.Errorf("server: listing feeds: %w", err))
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	m := s.metrics
	fmt.Fprintln(bw, "# HELP storyline_articles_ingested_total Articles handed to ingest, by result.")
	fmt.Fprintln(bw, "# TYPE storyline_articles_ingested_total counter")
	fmt.Fprintf(bw, "storyline_articles_ingested_total{result=\"stored\"} %d\n", m.ArticlesStored.Load())
	fmt.Fprintf(bw, "storyline_articles_ingested_total{result=\"known\"} %d\n", m.ArticlesKnown.Load())
	fmt.Fprintf(bw, "storyline_articles_ingested_total{result=\"failed\"} %d\n", m.ArticlesFailed.Load())
	fmt.Fprintln(bw, "# HELP storyline_stories Stories in the store.")
	fmt.Fprintln(bw, "# TYPE storyline_stories gauge")
	fmt.Fprintf(bw, "storyline_stories %d\n", stories)

	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(bw, "# HELP storyline_feed_polls_total Feed polls, by result.")
	fmt.Fprintln(bw, "# TYPE storyline_feed_polls_total counter")
	for _, o := range []feeds.Outcome{feeds.OutcomeNew, feeds.OutcomeUnchanged, feeds.OutcomeNotModified, feeds.OutcomeError, feeds.OutcomeCanceled} {
		fmt.Fprintf(bw, "storyline_feed_polls_total{result=%q} %d\n", o, m.polls[o])
	}
	if s.cfg.Feeds != nil {
		failing := 0
		for _, f := range followed {
			if f.Failures > 0 {
				failing++
			}
		}
		fmt.Fprintln(bw, "# HELP storyline_feeds Followed feeds.")
		fmt.Fprintln(bw, "# TYPE storyline_feeds gauge")
		fmt.Fprintf(bw, "storyline_feeds %d\n", len(followed))
		fmt.Fprintln(bw, "# HELP storyline_feeds_failing Followed feeds whose last poll failed (backing off).")
		fmt.Fprintln(bw, "# TYPE storyline_feeds_failing gauge")
		fmt.Fprintf(bw, "storyline_feeds_failing %d\n", failing)
	}
	fmt.Fprintln(bw, "# HELP storyline_ingest_lag_seconds Time from an article's stated date to its storage.")
	fmt.Fprintln(bw, "# TYPE storyline_ingest_lag_seconds histogram")
	m.lag.write(bw, "storyline_ingest_lag_seconds", "")
	fmt.Fprintln(bw, "# HELP storyline_http_request_duration_seconds Request latency, by method, route and status.")
	fmt.Fprintln(bw, "# TYPE storyline_http_request_duration_seconds histogram")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b reqKey) int {
		if a.route != b.route {
			if a.route < b.route {
				return -1
			}
			return 1
		}
		if a.method != b.method {
			if a.method < b.method {
				return -1
			}
			return 1
		}
		return a.code - b.code
	})
	for _, k := range keys {
		m.requests[k].write(bw, "storyline_http_request_duration_seconds",
			fmt.Sprintf("method=%q,route=%q,code=\"%d\"", k.method, k.route, k.code))
	}
}
