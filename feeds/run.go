package feeds

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// state is the Poller's view of the followed feeds while it runs.
type state struct {
	mu      sync.Mutex
	loaded  bool
	running bool // Run is running
	entries map[string]*entry
	wake    chan struct{}
}

type entry struct {
	feed    Feed
	running bool
}

func (s *state) init() {
	s.entries = map[string]*entry{}
	s.wake = make(chan struct{}, 1)
}

func (s *state) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// load reads the store's feeds once.
func (p *Poller) load(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.loaded {
		return nil
	}
	feeds, err := p.store.LoadFeeds(ctx)
	if err != nil {
		return fmt.Errorf("feeds: loading feed state: %w", err)
	}
	for _, f := range feeds {
		if _, ok := p.entries[f.URL]; !ok {
			p.entries[f.URL] = &entry{feed: f.Clone()}
		}
	}
	p.loaded = true
	return nil
}

// resync reads the store's feed list again: a feed another process added
// is followed, one it removed is dropped (a poll of it in flight is
// finished but its result dropped). The state of the feeds followed
// already is this Poller's own and stays.
func (p *Poller) resync(ctx context.Context) error {
	// The lock is held over the read, as Add and Remove hold it over their
	// writes, so the list read is not older than the entries it updates.
	p.mu.Lock()
	defer p.mu.Unlock()
	feeds, err := p.store.LoadFeeds(ctx)
	if err != nil {
		return fmt.Errorf("feeds: reading the feed list again: %w", err)
	}
	stored := make(map[string]bool, len(feeds))
	added := false
	for _, f := range feeds {
		stored[f.URL] = true
		if _, ok := p.entries[f.URL]; !ok {
			p.entries[f.URL] = &entry{feed: f.Clone()}
			added = true
		}
	}
	for u := range p.entries {
		if !stored[u] {
			delete(p.entries, u)
		}
	}
	if added {
		p.poke()
	}
	return nil
}

// Add follows the feed at rawURL (normalized with NormalizeURL), due for a
// poll at once, and returns its state. Adding a feed already followed
// returns its state and changes nothing.
func (p *Poller) Add(ctx context.Context, rawURL string) (Feed, error) {
	u, err := NormalizeURL(rawURL)
	if err != nil {
		return Feed{}, fmt.Errorf("feeds: %w", err)
	}
	if err := p.load(ctx); err != nil {
		return Feed{}, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.entries[u]; ok {
		return e.feed.Clone(), nil
	}
	f := Feed{URL: u}
	if err := p.store.SaveFeed(ctx, f); err != nil {
		return Feed{}, fmt.Errorf("feeds: saving %s: %w", u, err)
	}
	p.entries[u] = &entry{feed: f}
	p.poke()
	return f.Clone(), nil
}

// Remove stops following the feed at rawURL; a poll of it in flight is
// finished but its result dropped. ErrNotFound when it is not followed.
func (p *Poller) Remove(ctx context.Context, rawURL string) error {
	u, err := NormalizeURL(rawURL)
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	if err := p.load(ctx); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.entries[u]; !ok {
		return fmt.Errorf("%w: %s", ErrNotFound, u)
	}
	if err := p.store.DeleteFeed(ctx, u); err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("feeds: deleting %s: %w", u, err)
	}
	delete(p.entries, u)
	return nil
}

// Feeds returns the state of every followed feed, ordered by URL.
func (p *Poller) Feeds(ctx context.Context) ([]Feed, error) {
	if err := p.load(ctx); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Feed, 0, len(p.entries))
	for _, e := range p.entries {
		out = append(out, e.feed.Clone())
	}
	slices.SortFunc(out, func(a, b Feed) int { return strings.Compare(a.URL, b.URL) })
	return out, nil
}

// Run polls every followed feed when it is due (Feed.NextPoll), at most
// Config.Concurrency at once, hands each new article to Config.Handle,
// saves each feed's new state in Config.Store and calls Config.Report. Feeds
// added or removed while it runs are picked up at once. Run returns when ctx
// is done, after the polls in flight have stopped (their requests are
// cancelled with ctx), with ctx's error; or at once with an error when the
// store cannot be read. Every Config.Resync it reads the store's feed list
// again, following the feeds another process added and dropping those it
// removed. Only one Run at a time may run on a Poller.
func (p *Poller) Run(ctx context.Context) error {
	if p.cfg.Handle == nil {
		return errors.New("feeds: Run needs a Config.Handle")
	}
	if err := p.load(ctx); err != nil {
		return err
	}
	p.mu.Lock()
	if p.state.running {
		p.mu.Unlock()
		return errors.New("feeds: Run is already running")
	}
	p.state.running = true
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.state.running = false
		p.mu.Unlock()
	}()
	var wg sync.WaitGroup
	defer wg.Wait()
	done := make(chan struct{}, p.cfg.Concurrency)
	running := 0
	var nextSync time.Time
	if p.cfg.Resync > 0 {
		nextSync = p.clock.Now().Add(p.cfg.Resync)
	}
	for {
		now := p.clock.Now()
		if !nextSync.IsZero() && !now.Before(nextSync) {
			if err := p.resync(ctx); err != nil && ctx.Err() == nil {
				p.warn("feeds: feed list not read", "", err, Feed{})
			}
			nextSync = now.Add(p.cfg.Resync)
		}
		var earliest time.Time
		p.mu.Lock()
		var due []*entry
		for _, e := range p.entries {
			if e.running {
				continue
			}
			if t := e.feed.NextPoll; t.After(now) {
				if earliest.IsZero() || t.Before(earliest) {
					earliest = t
				}
				continue
			}
			due = append(due, e)
		}
		// The most overdue first; URL order among equals, for determinism.
		slices.SortFunc(due, func(a, b *entry) int {
			if c := a.feed.NextPoll.Compare(b.feed.NextPoll); c != 0 {
				return c
			}
			return strings.Compare(a.feed.URL, b.feed.URL)
		})
		for _, e := range due {
			if running == p.cfg.Concurrency {
				break
			}
			e.running = true
			running++
			wg.Add(1)
			go func(e *entry, f Feed) {
				defer wg.Done()
				p.pollAndDeliver(ctx, e, f)
				done <- struct{}{}
			}(e, e.feed.Clone())
		}
		p.mu.Unlock()

		if running == p.cfg.Concurrency {
			earliest = time.Time{} // a poll ending wakes the loop first
		}
		if !nextSync.IsZero() && (earliest.IsZero() || nextSync.Before(earliest)) {
			earliest = nextSync
		}
		var timer <-chan time.Time
		if !earliest.IsZero() {
			timer = p.clock.Until(earliest)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-done:
			running--
		case <-timer:
		case <-p.wake:
		}
	}
}

// pollAndDeliver polls f, delivers its new articles, and records the new
// state, unless the feed was removed meanwhile or ctx ended the poll.
func (p *Poller) pollAndDeliver(ctx context.Context, e *entry, f Feed) {
	res, _ := p.Poll(ctx, f)
	if res.Outcome != OutcomeCanceled {
		p.deliver(ctx, &res)
	}
	for _, err := range res.ItemErrors {
		p.warn("feeds: item not read", f.URL, err, res.Feed)
	}
	if res.Outcome == OutcomeError {
		p.warn("feeds: poll failed", f.URL, res.Err, res.Feed)
	}

	p.mu.Lock()
	e.running = false
	ok := p.entries[f.URL] == e // not removed (and perhaps added again) meanwhile
	if ok {
		if res.Outcome != OutcomeCanceled {
			e.feed = res.Feed.Clone()
			// Saved even when ctx is done, so delivered items stay seen.
			if err := p.store.SaveFeed(context.WithoutCancel(ctx), res.Feed); err != nil {
				p.warn("feeds: saving feed state", f.URL, err, res.Feed)
			}
		}
	}
	p.mu.Unlock()
	if ok && p.cfg.Report != nil {
		p.cfg.Report(res)
	}
	p.poke()
}

// deliver hands the new items to the Handler. Items it refuses, and those
// not reached because ctx is done, are taken out of Feed.Seen and the
// validators dropped, so the next poll reads the whole feed and offers them
// again; a refusal counts as a failure of the poll.
func (p *Poller) deliver(ctx context.Context, res *Result) {
	var undelivered []string
	var first error
	for _, it := range res.Items {
		if ctx.Err() != nil {
			undelivered = append(undelivered, it.Key)
			continue
		}
		if err := p.cfg.Handle(ctx, res.URL, it.Article); err != nil {
			undelivered = append(undelivered, it.Key)
			if first == nil && ctx.Err() == nil {
				first = fmt.Errorf("feeds: %s: handing on %s: %w", res.URL, it.Article.ID, err)
			}
			continue
		}
		res.Delivered++
	}
	if len(undelivered) == 0 {
		return
	}
	f := &res.Feed
	f.Seen = slices.DeleteFunc(f.Seen, func(k string) bool { return slices.Contains(undelivered, k) })
	f.ETag, f.LastModified = "", ""
	if first != nil {
		now := f.LastPoll
		f.Failures++
		f.LastError = first.Error()
		f.NextPoll = now.Add(p.sched.afterFailure(f.Failures, 0))
		res.Outcome, res.Err = OutcomeError, first
	}
}

func (p *Poller) warn(msg, url string, err error, f Feed) {
	if p.cfg.Logger == nil {
		return
	}
	p.cfg.Logger.Warn(msg, "feed", url, "err", err, "failures", f.Failures, "next_poll", f.NextPoll)
}
