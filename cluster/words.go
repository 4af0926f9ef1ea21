package cluster

// wordTable is the extractor's memo of short folded words: each word of
// at most wordSlotLen bytes with its stem id, in a slot of its own,
// found by open addressing on the word's hash (textvec.HashString,
// which the extractor computes for MinHash anyway). A lookup reads one
// slot, where a Go map of strings reads its control word, its slot and
// the key's bytes elsewhere: three cache misses in a memo of a hundred
// thousand words, against one.
type wordTable struct {
	slots []wordSlot
	used  int
	shift uint // 64 - log2(len(slots))
}

// wordSlot is one word: n is its length, 0 for an empty slot.
type wordSlot struct {
	hash uint64
	id   int32
	n    uint8
	b    [wordSlotLen]byte
}

// wordSlotLen is the longest word kept in a wordTable: a slot is 32
// bytes, two to a cache line.
const wordSlotLen = 19

// home is the first slot probed for hash h: its top bits after a
// multiplication by 2⁶⁴/φ (Fibonacci hashing), which spreads FNV's
// weaker low bits.
func (t *wordTable) home(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the stem id of w, whose hash is h, and whether w is kept.
func (t *wordTable) get(w []byte, h uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return 0, false
		}
		if s.hash == h && int(s.n) == len(w) && string(s.b[:s.n]) == string(w) {
			return s.id, true
		}
	}
}

// put keeps w, whose hash is h and which is not kept yet, with its stem
// id. len(w) must be 1 to wordSlotLen.
func (t *wordTable) put(w []byte, h uint64, id int32) {
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	t.insert(wordSlot{hash: h, id: id, n: uint8(len(w))}, w)
	t.used++
}

func (t *wordTable) insert(s wordSlot, w []byte) {
	mask := uint64(len(t.slots) - 1)
	i := t.home(s.hash)
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	copy(s.b[:], w)
	t.slots[i] = s
}

// grow doubles the slots (at least 1024) and puts the words back.
func (t *wordTable) grow() {
	old := t.slots
	n := max(1024, 2*len(old))
	t.slots = make([]wordSlot, n)
	t.shift = 64
	for m := n; m > 1; m >>= 1 {
		t.shift--
	}
	for _, s := range old {
		if s.n != 0 {
			t.insert(s, s.b[:s.n])
		}
	}
}
