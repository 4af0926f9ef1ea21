package server

import (
	"bytes"
	"container/list"
	"sync"

	"github.com/storyline-news/storyline/store"
)

// DefaultPageCacheSize bounds the story pages kept rendered, in bytes.
const DefaultPageCacheSize = 256 << 20

// noncePlaceholder stands for the nonce in a cached page; it has the
// length of a real nonce.
const noncePlaceholder = "NoncePlaceholderXXXXXXXX"

// pageCache keeps rendered story pages, least recently used out first,
// each valid while its story row (revision, brief revision, figures) is
// unchanged: a story that gets a doc or a new brief is rendered again.
type pageCache struct {
	mu   sync.Mutex
	max  int
	size int
	ll   *list.List
	m    map[string]*list.Element
}

type cachedPage struct {
	story store.Story // Cursor cleared
	body  []byte      // rendered with noncePlaceholder
}

func newPageCache(max int) *pageCache {
	return &pageCache{max: max, ll: list.New(), m: map[string]*list.Element{}}
}

// get returns the cached page of st, split around its nonce: the page is
// head, the nonce, tail. ok is false when st's page is not cached.
func (c *pageCache) get(st *store.Story) (head, tail []byte, ok bool) {
	if c.max <= 0 {
		return nil, nil, false
	}
	key := *st
	key.Cursor = ""
	c.mu.Lock()
	e, ok := c.m[st.ID]
	if !ok || e.Value.(*cachedPage).story != key {
		c.mu.Unlock()
		return nil, nil, false
	}
	c.ll.MoveToFront(e)
	body := e.Value.(*cachedPage).body
	c.mu.Unlock()
	return splitNonce(body)
}

// splitNonce splits a page rendered with noncePlaceholder around the
// placeholder's last occurrence (the script's: it is the page's last
// element, whatever the stories' text holds).
func splitNonce(body []byte) (head, tail []byte, ok bool) {
	i := bytes.LastIndex(body, []byte(noncePlaceholder))
	if i < 0 {
		return nil, nil, false
	}
	return body[:i], body[i+len(noncePlaceholder):], true
}

// full reports whether the cache holds as many bytes as it may (a new
// page would push out another).
func (c *pageCache) full() bool {
	if c.max <= 0 {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size >= c.max*9/10
}

// put keeps the page of st, rendered with noncePlaceholder.
func (c *pageCache) put(st *store.Story, body []byte) {
	if c.max <= 0 || len(body) > c.max/4 {
		return
	}
	key := *st
	key.Cursor = ""
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[st.ID]; ok {
		c.size -= len(e.Value.(*cachedPage).body)
		c.ll.Remove(e)
	}
	c.m[st.ID] = c.ll.PushFront(&cachedPage{story: key, body: body})
	c.size += len(body)
	for c.size > c.max {
		e := c.ll.Back()
		p := e.Value.(*cachedPage)
		c.ll.Remove(e)
		delete(c.m, p.story.ID)
		c.size -= len(p.body)
	}
}
