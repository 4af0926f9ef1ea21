package perceptron

import (
	"iter"
	"math/bits"
)

// Table maps feature keys to what a model keeps of their rows (a
// float32 for a one-class model, the place of a sparse row for the
// tagger). It is an open-addressing table at most half full, probed
// linearly, so that a lookup mostly reads one cache line; key 0 marks
// an empty slot, and a feature whose key is 0 is kept aside. A filter
// of at least filterBitsPerKey bits a key has two bits set for every
// key in the table, both in one 64-bit word (a blocked Bloom filter): it
// answers most absent features (most pairs of words are) with one read,
// without reading the slots. At 8 bits a key it lets through 2.5% of
// the absent word-pair features the tagger asks for on BASIL (a single
// bit a key in a filter of 16 bits a slot, about 50 a key, let through
// 0.7%), in a quarter of the memory: 128 KB for the tagger's 80,000
// keys, 256 KB for the cue model's 150,000, which stay in the cache
// better, and that gains more than the extra probes cost. A Table is
// filled once and then only read, safely from many goroutines.
type Table[V any] struct {
	slots []slot[V]
	mask  uint64
	// seen has the two filter bits of every key set, both in one word.
	seen    []uint64
	seenSh  uint
	zero    V
	hasZero bool
	n       int
}

type slot[V any] struct {
	key uint64
	v   V
}

// filterBitsPerKey is the least number of filter bits a key. 16 bits a
// key (a filter twice as large, fewer keys let through) and 4 were
// measured and were slower (BenchmarkApplyBASIL, BenchmarkQuote).
const filterBitsPerKey = 8

// seenMul spreads a key over the bits of the filter.
const seenMul = 0x9e3779b97f4a7c15

// NewTable returns a table with room for n keys.
func NewTable[V any](n int) *Table[V] {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	words := 8
	for 64*words < filterBitsPerKey*n {
		words <<= 1
	}
	return &Table[V]{
		slots:  make([]slot[V], size),
		mask:   uint64(size - 1),
		seen:   make([]uint64, words),
		seenSh: uint(64 - bits.TrailingZeros(uint(words))),
	}
}

// Len returns the number of keys in the table.
func (t *Table[V]) Len() int { return t.n }

// home is the first slot probed for key k.
func (t *Table[V]) home(k uint64) uint64 { return (k ^ k>>29) & t.mask }

// filterBits returns the word of k's filter bits and the two bits.
func (t *Table[V]) filterBits(k uint64) (uint64, uint64) {
	h := k * seenMul
	return h >> t.seenSh, 1<<(h>>32&63) | 1<<(h>>38&63)
}

// Put sets the value of key k, replacing any it had. The table grows
// when it would be more than half full.
func (t *Table[V]) Put(k uint64, v V) {
	if k == 0 {
		if !t.hasZero {
			t.n++
		}
		t.zero, t.hasZero = v, true
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	w, b := t.filterBits(k)
	t.seen[w] |= b
	i := t.home(k)
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	if t.slots[i].key == 0 {
		t.n++
	}
	t.slots[i] = slot[V]{k, v}
}

// grow doubles the table.
func (t *Table[V]) grow() {
	bigger := NewTable[V](len(t.slots))
	for k, v := range t.All() {
		bigger.Put(k, v)
	}
	*t = *bigger
}

// Get returns the value of key k, or the zero V when it has none.
func (t *Table[V]) Get(k uint64) V {
	v, _ := t.Lookup(k)
	return v
}

// Lookup returns the value of key k and whether the table has it.
func (t *Table[V]) Lookup(k uint64) (V, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	if !t.MayHave(k) {
		var zero V
		return zero, false
	}
	return t.Probe(k)
}

// MayHave reports whether the filter lets key k through: false means
// that the table surely has no k (nor is k 0). Callers looking up many
// keys can read all their filter bits first, so that the cache misses
// overlap, and Probe the keys let through.
func (t *Table[V]) MayHave(k uint64) bool { return t.Filter(k) != 0 }

// Filter is MayHave as a number, 1 or 0, computed without a branch.
func (t *Table[V]) Filter(k uint64) uint32 {
	w, b := t.filterBits(k)
	var f uint32
	if t.seen[w]&b == b {
		f = 1
	}
	return f
}

// Probe looks key k (not 0) up in the slots, without the filter.
func (t *Table[V]) Probe(k uint64) (V, bool) {
	for i := t.home(k); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == k {
			return s.v, true
		}
		if s.key == 0 {
			return s.v, false
		}
	}
}

// All yields the keys and values of the table, in no set order.
func (t *Table[V]) All() iter.Seq2[uint64, V] {
	return func(yield func(uint64, V) bool) {
		if t.hasZero && !yield(0, t.zero) {
			return
		}
		for _, s := range t.slots {
			if s.key != 0 && !yield(s.key, s.v) {
				return
			}
		}
	}
}
