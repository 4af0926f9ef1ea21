package server

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/store"
)

func TestPageCache(t *testing.T) {
	page := func(s string) []byte {
		return []byte(s + `<script nonce="` + noncePlaceholder + `">x</script>` + strings.Repeat(" ", 40))
	}
	c := newPageCache(450) // room for four pages of ~90 bytes
	a := &store.Story{ID: "a", Revision: 1, BriefRevision: 1, Cursor: "1"}
	b := &store.Story{ID: "b", Revision: 1, BriefRevision: 1}
	d := &store.Story{ID: "d", Revision: 1, BriefRevision: 1}
	c.put(a, page("A"))
	c.put(b, page("B"))
	c.put(&store.Story{ID: "e"}, page("E"))
	c.put(&store.Story{ID: "f"}, page("F"))
	head, tail, ok := c.get(&store.Story{ID: "a", Revision: 1, BriefRevision: 1, Cursor: "other"})
	if !ok || string(head) != `A<script nonce="` || !strings.HasPrefix(string(tail), `">x</script>`) {
		t.Fatalf("get a: %v %q %q", ok, head, tail)
	}
	// A story that changed is not served from the cache.
	if _, _, ok := c.get(&store.Story{ID: "a", Revision: 2, BriefRevision: 1}); ok {
		t.Error("a page of an older revision was served")
	}
	// a was used last, so adding d evicts b.
	c.put(d, page("D"))
	if _, _, ok := c.get(b); ok {
		t.Error("b, least recently used, was not evicted")
	}
	if _, _, ok := c.get(a); !ok {
		t.Error("a was evicted")
	}
	if c.size > c.max {
		t.Errorf("cache holds %d bytes, limit %d", c.size, c.max)
	}
	off := newPageCache(-1)
	off.put(a, page("A"))
	if _, _, ok := off.get(a); ok {
		t.Error("a disabled cache served a page")
	}
}
