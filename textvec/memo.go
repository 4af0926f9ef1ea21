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
// Each of its shards holds a table that never changes once published
// (memoFlat): slots that give each kept word's hash and where the word
// and its value lie in one string of the shard's words, so that a probe
// reads a slot and, for the word sought, the bytes of the word and its
// value side by side, and no entry by pointer (a lookup in a memo of
// many words misses the cache at each pointer it follows). Words kept
// since the table was made wait in a map under the shard's lock; when
// they are many, the shard makes a new table of all its words and
// publishes it, and a reader of the older table still finds what it held.
type WordMemo struct {
	f      func(string) string
	max    int64
	size   atomic.Int64
	shards [memoShards]memoShard
}

const memoShards = 64

type memoShard struct {
	mu   sync.Mutex
	flat atomic.Pointer[memoFlat]
	// recent holds the words kept since flat was made, by word (read
	// and written under mu).
	recent map[string]recentEntry
	_      [40]byte // a shard to a cache line
}

// recentEntry is a word's value and hash, kept until the next table.
type recentEntry struct {
	v string
	h uint64
}

// memoFlat is a shard's open-addressed table of the words kept when it
// was made, probed linearly from the word's hash; at most half its slots
// are full.
type memoFlat struct {
	slots []memoSlot
	// words holds each kept word, followed by its value unless the value
	// is a prefix of the word (as a stem often is).
	words string
	n     int
}

// memoSlot is one slot of a memoFlat: the word's hash with its low bit
// set (0 for an empty slot), and where the word and its value lie in
// memoFlat.words.
type memoSlot struct {
	h          uint64
	off        uint32
	klen, vlen uint16 // vlen's top bit: the value is a prefix of the word
}

// memoBatch is the fewest recent words a shard makes a new table for.
const memoBatch = 8

const (
	slotShared = 1 << 15
	// slotMax bounds the length of a word and its value that a slot
	// can hold; longer ones are computed each time.
	slotMax = slotShared - 1
)

var memoSeed = maphash.MakeSeed()

// NewWordMemo returns a memo of f keeping up to max words.
func NewWordMemo(max int, f func(string) string) *WordMemo {
	return &WordMemo{f: f, max: int64(max)}
}

// find returns the value of w, hashed h, in t, and whether t keeps it.
func (t *memoFlat) find(h uint64, w string) (string, bool) {
	mask := uint64(len(t.slots) - 1)
	sh := h | 1
	for i := (h / memoShards) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.h == 0 {
			return "", false
		}
		if s.h == sh && int(s.klen) == len(w) {
			off := int(s.off)
			if t.words[off:off+len(w)] == w {
				if s.vlen&slotShared != 0 {
					return t.words[off : off+int(s.vlen&^slotShared)], true
				}
				off += len(w)
				return t.words[off : off+int(s.vlen)], true
			}
		}
	}
}

// put adds s, of a word hashed h, to t, which has an empty slot for it.
func (t *memoFlat) put(h uint64, s memoSlot) {
	mask := uint64(len(t.slots) - 1)
	i := (h / memoShards) & mask
	for t.slots[i].h != 0 {
		i = (i + 1) & mask
	}
	s.h = h | 1
	t.slots[i] = s
	t.n++
}

// merged returns a table of the words of t (nil for none) and recent.
func merged(t *memoFlat, recent map[string]recentEntry) *memoFlat {
	n, size := len(recent), 0
	if t != nil {
		n += t.n
		size = len(t.words)
	}
	for k, e := range recent {
		size += len(k)
		if !strings.HasPrefix(k, e.v) {
			size += len(e.v)
		}
	}
	slots := 16
	for slots < 2*n {
		slots *= 2
	}
	out := &memoFlat{slots: make([]memoSlot, slots)}
	var b strings.Builder
	b.Grow(size)
	if t != nil {
		b.WriteString(t.words)
		for _, s := range t.slots {
			if s.h != 0 {
				out.put(s.h, s) // the low bit does not place a word
			}
		}
	}
	for k, e := range recent {
		s := memoSlot{off: uint32(b.Len()), klen: uint16(len(k)), vlen: uint16(len(e.v))}
		b.WriteString(k)
		if strings.HasPrefix(k, e.v) {
			s.vlen |= slotShared
		} else {
			b.WriteString(e.v)
		}
		out.put(e.h, s)
	}
	out.words = b.String()
	return out
}

// Get returns f(w), kept or computed.
func (m *WordMemo) Get(w string) string {
	h := maphash.String(memoSeed, w)
	sh := &m.shards[h%memoShards]
	t := sh.flat.Load()
	if t != nil {
		if v, ok := t.find(h, w); ok {
			return v
		}
	}
	sh.mu.Lock()
	e, ok := sh.recent[w]
	sh.mu.Unlock()
	if ok {
		return e.v
	}
	v := m.f(w)
	if m.size.Load() >= m.max || len(w) > slotMax || len(v) > slotMax {
		return v
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if e, ok := sh.recent[w]; ok {
		return e.v // kept meanwhile
	}
	if t := sh.flat.Load(); t != nil {
		if v, ok := t.find(h, w); ok {
			return v // kept and moved to the table meanwhile
		}
	}
	if sh.recent == nil {
		sh.recent = map[string]recentEntry{}
	}
	v = strings.Clone(v)
	sh.recent[strings.Clone(w)] = recentEntry{v, h}
	m.size.Add(1)
	// A new table when the recent words are an eighth of those in the
	// table (and at least memoBatch): each word is copied a few times at
	// most as the table grows.
	t = sh.flat.Load()
	if n := len(sh.recent); n >= memoBatch && (t == nil || 8*n >= t.n) {
		sh.flat.Store(merged(t, sh.recent))
		clear(sh.recent)
	}
	return v
}
