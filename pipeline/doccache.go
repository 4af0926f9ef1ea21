package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// DefaultDocCache is the number of docs a pipeline keeps in memory for
// rebuilding briefs when Config.DocCache is 0: twice DefaultBriefAfter,
// so that a story rebuilt in the background, once DefaultBriefAfter docs
// have been placed since it changed, still finds its latest docs kept.
const DefaultDocCache = 2 * DefaultBriefAfter

// docCache keeps the docs a pipeline stored most recently, by key, so
// that rebuilding a brief does not read and decode again the docs that
// were just analysed: the docs a brief is built from are those the store
// holds, and a doc is kept only once the transaction that stored it has
// committed. The oldest is dropped first. It is safe for concurrent use.
type docCache struct {
	mu   sync.Mutex
	docs map[string]*news.Doc
	ring []string // keys in the order they were added; next is the oldest
	next int
}

func newDocCache(n int) *docCache {
	if n <= 0 {
		return nil
	}
	return &docCache{docs: make(map[string]*news.Doc, n), ring: make([]string, 0, n)}
}

// add keeps d, dropping the oldest doc kept when the cache is full.
func (c *docCache) add(d *news.Doc) {
	if c == nil || d.Key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.docs[d.Key]; ok {
		c.docs[d.Key] = d
		return
	}
	if len(c.ring) < cap(c.ring) {
		c.ring = append(c.ring, d.Key)
	} else {
		delete(c.docs, c.ring[c.next])
		c.ring[c.next] = d.Key
		c.next = (c.next + 1) % len(c.ring)
	}
	c.docs[d.Key] = d
}

// get returns the kept doc of key, or nil.
func (c *docCache) get(key string) *news.Doc {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[key]
}

// storyBrief builds the brief of a stored story as StoryBrief does,
// taking the docs the cache keeps from it and reading only the others.
func (p *Pipeline) storyBrief(ctx context.Context, id string) (*news.Brief, error) {
	if p.cache == nil {
		return StoryBrief(ctx, p.store, id, p.cfg.Brief)
	}
	story := &news.Story{ID: id}
	for d, err := range p.store.Docs(ctx, store.DocQuery{Story: id, Placement: true}) {
		if err != nil {
			return nil, err
		}
		doc := p.cache.get(d.Key)
		if doc == nil {
			sd, err := p.store.Doc(ctx, d.Key)
			if err != nil {
				return nil, err
			}
			doc = sd.Doc
		}
		story.Docs = append(story.Docs, doc)
	}
	if len(story.Docs) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	b, err := brief.Build(story, p.cfg.Brief)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return b, nil
}
