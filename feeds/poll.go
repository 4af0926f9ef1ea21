package feeds

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/safehttp"
	"github.com/storyline-news/storyline/news"
)

// Defaults for the zero fields of Config.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMaxBodySize = 8 << 20
	DefaultMaxSeen     = 1000
	DefaultConcurrency = 4
	DefaultResync      = 30 * time.Second
	DefaultUserAgent   = "storyline (feed follower; +https://github.com/storyline-news/storyline)"
)

// ErrNotFeed is wrapped by the error for a response that is not an RSS,
// Atom or JSON feed.
var ErrNotFeed = errors.New("not a feed")

// StatusError is a response with a status other than 200 or 304.
type StatusError struct {
	Code   int
	Status string // as the server sent it, "503 Service Unavailable"
}

// Error gives the status.
func (e *StatusError) Error() string { return "HTTP status " + e.Status }

// PollError is a failed poll, naming the feed.
type PollError struct {
	URL string
	Err error
}

// Error names the feed and the failure on one line.
func (e *PollError) Error() string { return fmt.Sprintf("feeds: %s: %v", e.URL, e.Err) }

// Unwrap returns the underlying error.
func (e *PollError) Unwrap() error { return e.Err }

// Handler receives each new article of a feed, oldest first. An error leaves
// the item unseen, so that a later poll offers it again.
type Handler func(ctx context.Context, feedURL string, a *news.Article) error

// Config configures a Poller. The zero value of a field means its default;
// Handle is needed only by Run.
type Config struct {
	// Client fetches feeds. By default a safehttp client (private and
	// loopback addresses refused) with Timeout.
	Client *http.Client
	// AllowPrivate lets the default client fetch private and loopback
	// addresses (--allow-private-urls). Ignored when Client is set.
	AllowPrivate bool
	// Reader turns a feed document into articles; ingest.New with default
	// options when nil.
	Reader *ingest.Reader
	// UserAgent is sent with every request; DefaultUserAgent when "".
	UserAgent string
	// Timeout bounds one poll, from the request to the last byte of the
	// body; DefaultTimeout when zero.
	Timeout time.Duration
	// MaxBodySize is the largest feed document read, in bytes;
	// DefaultMaxBodySize when zero.
	MaxBodySize int64
	// MaxSeen bounds the item keys a Feed remembers beyond those of its
	// current document; DefaultMaxSeen when zero.
	MaxSeen int
	// Schedule decides when each feed is polled next.
	Schedule Schedule
	// Concurrency is the number of polls Run makes at once;
	// DefaultConcurrency when zero.
	Concurrency int
	// Clock tells the time; SystemClock when nil.
	Clock Clock
	// Store keeps feed state; a new MemoryStore when nil.
	Store StateStore
	// Resync is how often Run reads the feed list in Store again, to
	// follow the feeds another process (`storyline feeds add|remove`)
	// added or removed: DefaultResync when zero, never when negative.
	Resync time.Duration
	// Handle receives every new article (Run only).
	Handle Handler
	// Report, when set, is called by Run after every poll with its result
	// (for metrics: polls by Outcome).
	Report func(Result)
	// Logger receives a warning for every failed poll and item; nothing is
	// logged when nil.
	Logger *slog.Logger
}

// Validate reports whether the configuration makes sense.
func (c Config) Validate() error {
	if c.Timeout < 0 || c.MaxBodySize < 0 || c.MaxSeen < 0 || c.Concurrency < 0 {
		return fmt.Errorf("feeds: negative limit in config (timeout %s, body %d, seen %d, concurrency %d)",
			c.Timeout, c.MaxBodySize, c.MaxSeen, c.Concurrency)
	}
	return c.Schedule.Validate()
}

// Outcome classifies a poll.
type Outcome string

// The outcomes of a poll.
const (
	OutcomeNew         Outcome = "new"          // the feed had new items
	OutcomeUnchanged   Outcome = "unchanged"    // a full response with no new items
	OutcomeNotModified Outcome = "not_modified" // a 304 answer to a conditional request
	OutcomeError       Outcome = "error"        // the poll failed; Feed.Failures grew
	OutcomeCanceled    Outcome = "canceled"     // ctx was done; the state is unchanged
)

// Item is a new item of a feed: its key in Feed.Seen and its article, as
// ingest's feed reader made it, except that an item without a link gets the
// ID "FEEDURL#KEY", which stays the same while the feed grows (ingest's
// "NAME#N" counts positions in one document).
type Item struct {
	Key     string
	Article *news.Article
}

// Result is what one poll found.
type Result struct {
	URL     string
	Outcome Outcome
	// Status is the HTTP status, 0 when there was no response.
	Status int
	// Feed is the feed's state after the poll, NextPoll set.
	Feed Feed
	// Items are the new items, oldest first.
	Items []Item
	// ItemErrors are the new items ingest could not read (a *ingest.Error
	// each); they count as seen, since reading them again would fail again.
	// A feed cut off or broken part way adds one for the break, naming the
	// feed; the items complete before it are read.
	ItemErrors []error
	// Delivered counts the items Run handed to the Handler successfully.
	Delivered int
	// Err is the failure when Outcome is OutcomeError or OutcomeCanceled.
	Err error
}

// Poller polls feeds: once with Poll, or all of them on their own schedules
// with Run. It is safe for concurrent use.
type Poller struct {
	cfg    Config
	client *http.Client
	reader *ingest.Reader
	clock  Clock
	store  StateStore
	sched  Schedule

	state
}

// New returns a Poller with cfg, its zero fields set to their defaults.
func New(cfg Config) (*Poller, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg.Timeout = cmp.Or(cfg.Timeout, DefaultTimeout)
	cfg.MaxBodySize = cmp.Or(cfg.MaxBodySize, DefaultMaxBodySize)
	cfg.MaxSeen = cmp.Or(cfg.MaxSeen, DefaultMaxSeen)
	cfg.Concurrency = cmp.Or(cfg.Concurrency, DefaultConcurrency)
	cfg.Resync = cmp.Or(cfg.Resync, DefaultResync)
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	p := &Poller{cfg: cfg, client: cfg.Client, reader: cfg.Reader, clock: cfg.Clock, store: cfg.Store, sched: cfg.Schedule.withDefaults()}
	if p.client == nil {
		c, err := safehttp.NewClient(safehttp.Options{Timeout: cfg.Timeout, AllowPrivate: cfg.AllowPrivate})
		if err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		p.client = c
	}
	if p.reader == nil {
		r, err := ingest.New(ingest.Options{})
		if err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		p.reader = r
	}
	if p.clock == nil {
		p.clock = SystemClock{}
	}
	if p.store == nil {
		p.store = NewMemoryStore()
	}
	p.state.init()
	return p, nil
}

// Poll fetches f once with a conditional GET and returns the items not seen
// before, with the feed's next state; f itself is not changed. A 304 answer
// is not parsed. A failure (network, timeout, a status other than 200 or
// 304, a body over Config.MaxBodySize, a document that is not a feed) is
// returned as a *PollError and also recorded in Result.Feed (Failures,
// LastError, a backed-off NextPoll). When ctx is done before the poll ends,
// the outcome is OutcomeCanceled and Result.Feed is f unchanged.
func (p *Poller) Poll(ctx context.Context, f Feed) (Result, error) {
	now := p.clock.Now()
	next := f.Clone()
	next.LastPoll = now
	res := Result{URL: f.URL}

	fail := func(err error, hint time.Duration) (Result, error) {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no complete answer within %s: %w", p.cfg.Timeout, err)
		}
		err = &PollError{URL: f.URL, Err: err}
		res.Err = err
		if ctx.Err() != nil {
			res.Outcome, res.Feed = OutcomeCanceled, f.Clone()
			return res, err
		}
		next.Failures++
		next.LastError = err.Error()
		next.NextPoll = now.Add(p.sched.afterFailure(next.Failures, hint))
		res.Outcome, res.Feed = OutcomeError, next
		return res, err
	}

	pctx, cancel := context.WithTimeout(ctx, p.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(pctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return fail(err, 0)
	}
	req.Header.Set("User-Agent", p.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8")
	if f.ETag != "" {
		req.Header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		req.Header.Set("If-Modified-Since", f.LastModified)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the PollError names the URL already
		}
		return fail(err, 0)
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	hint, _ := ServerHint(resp.Header, now)

	switch resp.StatusCode {
	case http.StatusNotModified:
		if et := resp.Header.Get("ETag"); et != "" {
			next.ETag = et
		}
		if lm := resp.Header.Get("Last-Modified"); lm != "" {
			next.LastModified = lm
		}
		p.succeed(&next, now, hint)
		res.Outcome, res.Feed = OutcomeNotModified, next
		return res, nil
	case http.StatusOK:
	default:
		return fail(&StatusError{Code: resp.StatusCode, Status: resp.Status}, hint)
	}

	body, err := safehttp.ReadAll(resp.Body, p.cfg.MaxBodySize)
	if err != nil {
		return fail(err, hint)
	}
	doc, broken := ingest.ParseFeed(body)
	if doc == nil {
		return fail(fmt.Errorf("%w: %v", ErrNotFeed, broken), hint)
	}

	seen := make(map[string]bool, len(f.Seen))
	for _, k := range f.Seen {
		seen[k] = true
	}
	keys := make([]string, 0, len(doc.Items))
	var published []time.Time
	fresh := map[int]string{} // item number (1-based, as ingest counts) → key
	for i, it := range doc.Items {
		if it == nil {
			continue
		}
		k := itemKey(it)
		keys = append(keys, k)
		published = append(published, itemTime(it))
		if !seen[k] {
			seen[k] = true // a key twice in one document is one item
			fresh[i+1] = k
		}
	}
	if len(fresh) > 0 {
		res.Items, res.ItemErrors = p.read(ctx, f.URL, body, fresh)
		if err := ctx.Err(); err != nil {
			return fail(err, 0) // some items may be unread: keep the old state
		}
	}
	if broken != nil {
		// Cut off or broken part way: the complete items were read, and
		// the break is reported with the item errors.
		res.ItemErrors = append(res.ItemErrors, &ingest.Error{Input: f.URL, Err: ingest.BrokenFeedError(broken, len(doc.Items))})
	}

	next.ETag = resp.Header.Get("ETag")
	next.LastModified = resp.Header.Get("Last-Modified")
	if t := strings.Join(strings.Fields(doc.Title), " "); t != "" {
		next.Title = t
	}
	next.Published = mergePublished(f.Published, published)
	next.Seen = mergeSeen(f.Seen, keys, p.cfg.MaxSeen)
	p.succeed(&next, now, hint)
	res.Feed = next
	res.Outcome = OutcomeUnchanged
	if len(res.Items) > 0 {
		res.Outcome = OutcomeNew
	}
	return res, nil
}

// succeed records a successful poll in f.
func (p *Poller) succeed(f *Feed, now time.Time, hint time.Duration) {
	f.Failures, f.LastError, f.LastSuccess = 0, "", now
	f.NextPoll = now.Add(p.sched.afterSuccess(f.Published, now, hint))
}

// read turns the fresh items of a feed document into articles with ingest's
// feed reader. Ingest numbers the items of a document "URL#N" in
// Article.Path and in its errors, N counting from 1 in document order.
func (p *Poller) read(ctx context.Context, feedURL string, body []byte, fresh map[int]string) ([]Item, []error) {
	var items []Item
	var errs []error
	number := func(path string) int {
		rest, ok := strings.CutPrefix(path, feedURL+"#")
		if !ok {
			return 0
		}
		n, err := strconv.Atoi(rest)
		if err != nil {
			return 0
		}
		return n
	}
	for a, err := range p.reader.ReadFrom(feedURL, bytes.NewReader(body)) {
		if ctx.Err() != nil {
			break
		}
		if err != nil {
			var ie *ingest.Error
			if errors.As(err, &ie) {
				if _, ok := fresh[number(ie.Input)]; !ok {
					continue // an old item, or the document as a whole, already read
				}
			}
			errs = append(errs, err)
			continue
		}
		if key, ok := fresh[number(a.Path)]; ok && a.Format == "feed" {
			if a.URL == "" {
				// Ingest names an item without a link by its position
				// in the document, which shifts as the feed grows; its
				// key names it for good.
				a.ID = feedURL + "#" + key
			}
			items = append(items, Item{Key: key, Article: a})
		}
	}
	// Feeds list their newest items first; hand them on oldest first,
	// undated items after the dated ones in their document order reversed.
	slices.Reverse(items)
	slices.SortStableFunc(items, func(a, b Item) int {
		return news.CompareDated(a.Article.StatedDate, b.Article.StatedDate)
	})
	return items, errs
}

// itemKey names an item for Feed.Seen: its GUID, else its link, else a hash
// of its title, dates and text.
func itemKey(it *gofeed.Item) string {
	if g := strings.TrimSpace(it.GUID); g != "" {
		return g
	}
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{it.Title, it.Published, it.Updated, cmp.Or(it.Content, it.Description)}, "\x00")))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// itemTime is when an item was published, else updated; zero when unknown.
func itemTime(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		return it.UpdatedParsed.UTC()
	}
	return time.Time{}
}
