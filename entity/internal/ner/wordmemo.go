package ner

import "hash/maphash"

// wordMemo is one generation of a lattice's word memo: the wordInfo of
// each word as written, in an open-addressed table at most half full.
// It does what a map[string]*wordInfo does with fewer cache misses per
// look-up: a probe past another word reads only a tag, and a word of up
// to len(wordInfo.pre) bytes is compared with the bytes its entry holds,
// in the entry's first cache line, not with its own memory.
type wordMemo struct {
	// tags holds each slot's tag (see wordTag), 0 for an empty slot
	tags  []uint32
	slots []*wordInfo
	n     int
}

// wordSeed seeds the memo's hash. The memo's order is read by nothing
// that changes an output (see lattice.trimLows).
var wordSeed = maphash.MakeSeed()

// wordHash is the hash of w that places it in a wordMemo: the low bits
// pick its home slot, the high ones make its tag.
func wordHash(w string) uint64 { return maphash.String(wordSeed, w) }

// wordTag is the tag of hash h, never 0.
func wordTag(h uint64) uint32 { return uint32(h>>32) | 1<<31 }

// setWord records w, the word the entry is for, to compare on look-up.
func (wi *wordInfo) setWord(w string) {
	wi.word = w
	wi.plen = uint8(min(len(w), 255))
	copy(wi.pre[:], w)
}

// is reports whether the entry is for word w.
func (wi *wordInfo) is(w string) bool {
	if len(w) <= len(wi.pre) {
		return int(wi.plen) == len(w) && string(wi.pre[:len(w)]) == w
	}
	return wi.word == w
}

// get returns the entry of w, whose hash is h, or nil.
func (t *wordMemo) get(w string, h uint64) *wordInfo {
	if t.n == 0 {
		return nil
	}
	mask := uint64(len(t.tags) - 1)
	tag := wordTag(h)
	for i := h & mask; t.tags[i] != 0; i = (i + 1) & mask {
		if t.tags[i] == tag {
			if wi := t.slots[i]; wi.is(w) {
				return wi
			}
		}
	}
	return nil
}

// put adds wi, whose word is not in the table and hashes to h.
func (t *wordMemo) put(h uint64, wi *wordInfo) {
	if 2*(t.n+1) > len(t.tags) {
		t.grow()
	}
	mask := uint64(len(t.tags) - 1)
	i := h & mask
	for t.tags[i] != 0 {
		i = (i + 1) & mask
	}
	t.tags[i], t.slots[i] = wordTag(h), wi
	t.n++
}

// grow doubles the table (to 256 slots at first).
func (t *wordMemo) grow() {
	oldTags, old := t.tags, t.slots
	size := max(256, 2*len(old))
	t.tags, t.slots = make([]uint32, size), make([]*wordInfo, size)
	mask := uint64(size - 1)
	for k, wi := range old {
		if wi == nil {
			continue
		}
		i := wordHash(wi.word) & mask
		for t.tags[i] != 0 {
			i = (i + 1) & mask
		}
		t.tags[i], t.slots[i] = oldTags[k], wi
	}
}

// reset empties the table, keeping its room.
func (t *wordMemo) reset() {
	clear(t.tags)
	clear(t.slots)
	t.n = 0
}
