package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/safehttp"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
)

// tokenEnv names the environment variable that may hold the token.
const tokenEnv = "STORYLINE_TOKEN"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline serve [--db DSN] [--addr 127.0.0.1:8080] [--feeds FILE] [--token T] [--allow-private-urls] [--public-metrics] [--resync 30s] [--warm 500]"
	fs := newFlags("serve", usage, "Serves the JSON API and the web pages over the store, follows the feeds it is given\n"+
		"and those 'storyline feeds add' stored, and ingests their new items as 'storyline ingest' does.\n"+
		"Listening on anything but loopback needs a token (--token or $"+tokenEnv+").\n"+
		"SIGTERM or Ctrl-C shuts it down gracefully: requests and ingests in flight finish.", stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	feedList := fs.String("feeds", "", "a feed list to follow: OPML, or one URL a line")
	token := fs.String("token", "", "the token every request must carry (default $"+tokenEnv+")")
	allowPrivate := fs.Bool("allow-private-urls", false, "let feeds and posted URLs reach loopback and private addresses")
	publicMetrics := fs.Bool("public-metrics", false, "let /metrics answer clients other than loopback")
	warm := fs.Int("warm", 500, "render the pages of this many most recently changed stories at start, in the background (0: none)")
	resync := fs.Duration("resync", feeds.DefaultResync, "how often to read the stored feed list again, for 'storyline feeds add|remove' run meanwhile")
	cfg := brief.DefaultConfig()
	fs.IntVar(&cfg.Words, "words", cfg.Words, "summary length in words of the stored briefs")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *token == "" {
		*token = os.Getenv(tokenEnv)
	}
	if *resync <= 0 {
		return fmt.Errorf("%w: --resync %v: give a positive interval", errUsage, *resync)
	}
	defer pipeline.TuneGC()()
	if err := checkListen(*addr, *token); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	chain, err := analyze.Default()
	if err != nil {
		return err
	}
	ing, err := newServeIngester(ctx, s, chain, cfg)
	if err != nil {
		return err
	}
	client, err := safehttp.NewClient(safehttp.Options{AllowPrivate: *allowPrivate})
	if err != nil {
		return err
	}
	opts := ingest.DefaultOptions()
	opts.Client = client
	reader, err := ingest.New(opts)
	if err != nil {
		return err
	}

	var srv *server.Server
	poller, err := feeds.New(feeds.Config{
		Client: client,
		Reader: reader,
		Store:  &storeFeeds{s: s},
		Resync: *resync,
		Handle: func(ctx context.Context, feedURL string, a *news.Article) error {
			// A store failure leaves the item unseen, to be offered again;
			// an article analysis refuses is reported and not retried.
			_, err := srv.Ingest(ctx, []*news.Article{a})
			return err
		},
		Report: func(r feeds.Result) { srv.Metrics().FeedPoll(r) },
		Logger: logger,
	})
	if err != nil {
		return err
	}
	srv, err = server.New(server.Config{
		Store: s, Ingester: ing, Feeds: poller, Reader: reader,
		Token: *token, PublicMetrics: *publicMetrics, Logger: logger,
	})
	if err != nil {
		return err
	}
	if *feedList != "" {
		urls, err := feeds.ReadListFile(*feedList)
		if err != nil {
			fmt.Fprintln(stderr, err) // bad entries are named; the good ones are followed
		}
		if len(urls) == 0 && err != nil {
			return err
		}
		for _, u := range urls {
			if _, err := poller.Add(ctx, u); err != nil {
				return err
			}
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	// Requests get a context of their own, cancelled once the grace after
	// SIGTERM is over, so that a fetch for a posted URL that hangs stops
	// then rather than holding the shutdown up.
	reqCtx, cancelReqs := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelReqs()
	hs.BaseContext = func(net.Listener) context.Context { return reqCtx }
	pollCtx, stopPolls := context.WithCancel(context.WithoutCancel(ctx))
	var polls sync.WaitGroup
	polls.Add(1)
	go func() {
		defer polls.Done()
		if err := poller.Run(pollCtx); err != nil && !errors.Is(err, context.Canceled) {
			logger.Error("storyline serve: the feed poller stopped", "err", err)
		}
	}()
	polls.Add(1)
	go func() {
		defer polls.Done()
		if n, err := srv.Warm(pollCtx, *warm); err != nil && !errors.Is(err, context.Canceled) {
			logger.Warn("storyline serve: rendering story pages ahead", "err", err, "rendered", n)
		}
	}()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "storyline serve: listening on http://%s/\n", ln.Addr())

	select {
	case err = <-served:
	case <-ctx.Done():
		fmt.Fprintln(stdout, "storyline serve: shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		err = hs.Shutdown(sctx)
		cancel()
		if err != nil {
			// The grace is over: cancel what still runs (fetches stop; an
			// ingest of what was read finishes, as srv.Wait below waits
			// for it) and close the connections.
			fmt.Fprintf(stderr, "storyline serve: requests still running after %v are cancelled\n", shutdownGrace)
			cancelReqs()
			err = hs.Close()
		}
	}
	stopPolls()
	polls.Wait()
	srv.Wait() // ingests in flight (posted or from feeds) finish before the store closes
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// shutdownGrace is how long serve waits after SIGTERM for the requests in
// flight to finish before it cancels them.
var shutdownGrace = 30 * time.Second

// checkListen refuses to listen beyond loopback without a token.
func checkListen(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%w: --addr %q: %v", errUsage, addr, err)
	}
	if token != "" || isLoopbackHost(host) {
		return nil
	}
	return fmt.Errorf("%w: listening on %q, beyond loopback, needs a token: --token or $%s", errUsage, addr, tokenEnv)
}

// isLoopbackHost reports whether host names loopback only.
func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serveIngester takes articles from the API and the feeds down the path
// of `storyline ingest` (package pipeline: analysis on all cores,
// placement, batched transactions, briefs rebuilt), one batch at a time.
// The assigner learns the stored docs at the first batch; each
// transaction catches up with what other processes stored meanwhile.
type serveIngester struct {
	mu  sync.Mutex
	p   *pipeline.Pipeline
	res *server.IngestResult // of the batch in flight
}

func newServeIngester(ctx context.Context, s store.Store, chain analyze.Chain, cfg brief.Config) (*serveIngester, error) {
	si := &serveIngester{}
	p, err := pipeline.New(s, pipeline.Config{Chain: chain, Brief: cfg, NewAssigner: newAssigner, KnownStories: true, OnResult: func(r pipeline.Result) {
		ar := &si.res.Results[r.Index]
		ar.Status, ar.Story = string(r.Status), r.Story
		if r.Err != nil {
			ar.Error = r.Err.Error()
		}
	}})
	if err != nil {
		return nil, err
	}
	si.p = p
	return si, nil
}

// Ingest stores the articles not stored yet and rebuilds the briefs of
// the stories that changed. The articles given are not changed. A store
// error stops the batch; what was stored before it stays stored.
func (si *serveIngester) Ingest(ctx context.Context, arts []*news.Article) (*server.IngestResult, error) {
	si.mu.Lock()
	defer si.mu.Unlock()
	res := &server.IngestResult{Results: make([]server.ArticleResult, len(arts))}
	for i, a := range arts {
		ar := &res.Results[i]
		ar.ID, ar.Key = a.ID, a.Key
		if ar.Key == "" {
			ar.Key = news.KeyOf(a)
		}
	}
	si.res = res
	sum, err := si.p.Run(ctx, func(yield func(*news.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	})
	si.res = nil
	res.Stored, res.Known, res.Failed, res.Briefs = sum.Stored, sum.Known, sum.Failed, sum.Briefs
	return res, err
}
