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
// hash, a read lock and a map lookup, and allocates nothing. It keeps at
// most max words; past that, a word not kept is computed each time. Keys
// and values are copied when kept, so a word sliced from a document's
// text does not keep the text alive. Since the function is pure, what
// the memo holds changes no result. A WordMemo is safe for concurrent
// use.
type WordMemo struct {
	f      func(string) string
	max    int64
	size   atomic.Int64
	shards [64]struct {
		sync.RWMutex
		m map[string]string
	}
}

var memoSeed = maphash.MakeSeed()

// NewWordMemo returns a memo of f keeping up to max words.
func NewWordMemo(max int, f func(string) string) *WordMemo {
	return &WordMemo{f: f, max: int64(max)}
}

// Get returns f(w), kept or computed.
func (m *WordMemo) Get(w string) string {
	sh := &m.shards[maphash.String(memoSeed, w)&63]
	sh.RLock()
	v, ok := sh.m[w]
	sh.RUnlock()
	if ok {
		return v
	}
	v = m.f(w)
	if m.size.Load() < m.max {
		sh.Lock()
		if sh.m == nil {
			sh.m = map[string]string{}
		}
		if kept, ok := sh.m[w]; ok {
			v = kept
		} else {
			v = strings.Clone(v)
			sh.m[strings.Clone(w)] = v
			m.size.Add(1)
		}
		sh.Unlock()
	}
	return v
}
