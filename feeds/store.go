package feeds

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned for a feed that is not followed.
var ErrNotFound = errors.New("feeds: feed not found")

// StateStore keeps the state of followed feeds between polls and restarts.
// The Poller calls it from several goroutines, but never for the same URL at
// once. The store's backends implement it with a table keyed by URL.
type StateStore interface {
	// LoadFeeds returns every followed feed.
	LoadFeeds(ctx context.Context) ([]Feed, error)
	// SaveFeed inserts or replaces the feed with f.URL.
	SaveFeed(ctx context.Context, f Feed) error
	// DeleteFeed stops following url; ErrNotFound when it is not followed.
	DeleteFeed(ctx context.Context, url string) error
}

// MemoryStore is a StateStore in memory, for tests and a single process
// that need not remember its feeds across restarts. Its zero value is empty
// and ready; it is safe for concurrent use.
type MemoryStore struct {
	mu    sync.Mutex
	feeds map[string]Feed
}

// NewMemoryStore returns a MemoryStore holding copies of feeds.
func NewMemoryStore(feeds ...Feed) *MemoryStore {
	m := &MemoryStore{}
	for _, f := range feeds {
		_ = m.SaveFeed(context.Background(), f)
	}
	return m
}

// LoadFeeds returns copies of the feeds, ordered by URL.
func (m *MemoryStore) LoadFeeds(ctx context.Context) ([]Feed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Feed, 0, len(m.feeds))
	for _, f := range m.feeds {
		out = append(out, f.Clone())
	}
	slices.SortFunc(out, func(a, b Feed) int { return strings.Compare(a.URL, b.URL) })
	return out, nil
}

// SaveFeed stores a copy of f.
func (m *MemoryStore) SaveFeed(ctx context.Context, f Feed) error {
	if f.URL == "" {
		return errors.New("feeds: saving a feed without URL")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.feeds == nil {
		m.feeds = map[string]Feed{}
	}
	m.feeds[f.URL] = f.Clone()
	return nil
}

// DeleteFeed forgets the feed with url.
func (m *MemoryStore) DeleteFeed(ctx context.Context, url string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.feeds[url]; !ok {
		return ErrNotFound
	}
	delete(m.feeds, url)
	return nil
}

// Clock tells the time and waits; the Poller uses it for every decision
// about time, so tests can drive it by hand.
type Clock interface {
	Now() time.Time
	// Until sends the time on the returned channel once it is t or later.
	Until(t time.Time) <-chan time.Time
}

// SystemClock is the Clock of the time package.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// Until returns time.After(time.Until(t)).
func (SystemClock) Until(t time.Time) <-chan time.Time { return time.After(time.Until(t)) }
