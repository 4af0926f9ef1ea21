package textvec

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// WordMemo memoises a pure function of a word for the whole process: the
// one stem cache, which Stem and StemWord use and which a package with
// its own word key (the brief's citer) makes another of. A hit is one
// hash and a probe of an open-addressed table read without a lock, and
// allocates nothing. It keeps at most max words; past that, a word not
// kept is computed each time. Keys and values are copied when kept, so a
// word sliced from a document's text does not keep the text alive. Since
// the function is pure, what the memo holds changes no result. A
// WordMemo is safe for concurrent use.
//
// Each of its shards holds a table of slots, at most half full, each
// nil or pointing to a kept entry that never changes. A reader loads
// the table and its slots atomically; a writer, holding the shard's
// lock, fills an empty slot, or moves the entries to a table twice the
// size and publishes it, so a reader of the older table still finds
// what it held.
type WordMemo struct {
	f      func(string) string
	max    int64
	size   atomic.Int64
	shards [memoShards]memoShard
}

const memoShards = 64

type memoShard struct {
	mu  sync.Mutex
	tab atomic.Pointer[memoTable]
	_   [48]byte // a shard to a cache line
}

// memoTable is a shard's open-addressed table, probed linearly from the
// word's hash; n counts its entries (read and written under the lock).
type memoTable struct {
	slots []atomic.Pointer[memoEntry]
	n     int
}

type memoEntry struct {
	h    uint64
	k, v string
}

var memoSeed = maphash.MakeSeed()

// NewWordMemo returns a memo of f keeping up to max words.
func NewWordMemo(max int, f func(string) string) *WordMemo {
	return &WordMemo{f: f, max: int64(max)}
}

// find returns the entry of w, hashed h, in t, or nil.
func (t *memoTable) find(h uint64, w string) *memoEntry {
	mask := uint64(len(t.slots) - 1)
	for i := (h / memoShards) & mask; ; i = (i + 1) & mask {
		e := t.slots[i].Load()
		if e == nil || e.h == h && e.k == w {
			return e
		}
	}
}

// put adds e to t, which has an empty slot for it.
func (t *memoTable) put(e *memoEntry) {
	mask := uint64(len(t.slots) - 1)
	i := (e.h / memoShards) & mask
	for t.slots[i].Load() != nil {
		i = (i + 1) & mask
	}
	t.slots[i].Store(e)
	t.n++
}

// Get returns f(w), kept or computed.
func (m *WordMemo) Get(w string) string {
	h := maphash.String(memoSeed, w)
	sh := &m.shards[h%memoShards]
	if t := sh.tab.Load(); t != nil {
		if e := t.find(h, w); e != nil {
			return e.v
		}
	}
	v := m.f(w)
	if m.size.Load() >= m.max {
		return v
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	t := sh.tab.Load()
	if t != nil {
		if e := t.find(h, w); e != nil {
			return e.v // kept meanwhile
		}
	}
	if t == nil || 2*(t.n+1) > len(t.slots) {
		size := 16
		if t != nil {
			size = 2 * len(t.slots)
		}
		grown := &memoTable{slots: make([]atomic.Pointer[memoEntry], size)}
		if t != nil {
			for i := range t.slots {
				if e := t.slots[i].Load(); e != nil {
					grown.put(e)
				}
			}
		}
		sh.tab.Store(grown)
		t = grown
	}
	e := &memoEntry{h: h, k: strings.Clone(w), v: strings.Clone(v)}
	t.put(e)
	m.size.Add(1)
	return e.v
}
