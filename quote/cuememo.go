package quote

import (
	"sync"

	"github.com/storyline-news/storyline/internal/perceptron"
)

// The cue model's weights per word type. Most of the features cueScore
// adds are the word itself, its affixes and stem, or a neighbour's word,
// each with a template or a coarse class: the same weights for every
// token of the same word. A memo keeps them per word, so that a token
// reads them rather than hashing the word and probing the large table
// ten or more times. cueScore still adds every weight in the order the
// features come, so its scores do not change.

// The classes class returns, indexed.
var classNames = [...]string{"<s>", "</s>", "<q>", "det", "pron", "fn", "punct", "word"}

// The classes subjClass returns that are not punctuation, indexed.
var subjNames = [...]string{"<q>", "<s>", "pron", "role", "cap", "det", "word"}

const (
	nClass = len(classNames)
	nSubj  = len(subjNames)
)

// cueWord holds the weights of the features of one word type. The
// fields a look-up and a neighbour's read touch come first, so that they
// share the entry's first cache line: the word's first bytes, to compare
// without reading the word's own memory, filled, and the eight weights.
type cueWord struct {
	// pre holds the word's first len(pre) bytes and plen its length up
	// to 255 (see same)
	pre  [14]byte
	plen uint8
	// filled tells that the weights below are set (see fill)
	filled bool
	// the word's own features: w=, s3=, s2=, stem=
	w, s3, s2, stem float32
	// the word as the neighbour of the token scored: p1=, n1=, p2=, n2=
	p1, n1, p2, n2 float32
	// the word itself
	word string
	// the hashes of w+n1= and p1+w= as far as the word, when it comes
	// first in them: hWN1.Str(w).Byte('|') and hP1W.Str(w).Byte('|')
	wn1, p1w fnv
	// the word's last three runes and its stem
	s3s, st string
	// with the class of a neighbour, filled on demand (done has the
	// bit of each entry filled): s3+n1=, p1c+s3=, stem+n1c=, sj+st=
	done                 uint32
	s3n1, p1cs3, stemN1c [nClass]float32
	sjSt                 [nSubj]float32
	// pairs keeps the weights of w+n1= with the word after it and of
	// p1+w= with the word before it, for the last few neighbours met
	pairs [2]pairCache
}

// newCueWord returns an entry for w, which it keeps.
func newCueWord(w string) *cueWord {
	e := &cueWord{word: w, plen: uint8(min(len(w), 255))}
	copy(e.pre[:], w)
	return e
}

// same reports whether the entry's word is w, reading the word's own
// memory only when w is longer than pre or its first bytes match.
func (e *cueWord) same(w string) bool {
	if len(w) <= len(e.pre) {
		return int(e.plen) == len(w) && string(e.pre[:len(w)]) == w
	}
	return e.word == w
}

// cueMemo maps words to their weights. A finder token read by the cue
// model points to its word's entry (tok.cw), looked up once per token. It holds at most maxMemo words
// (a few MB; BASIL's 210 articles have 10,000 lowercase types); past
// that it starts afresh.
type cueMemo struct {
	// slots is an open-addressed table of the entries by lexHash of
	// their word, at most half full: it doubles as words come, up to
	// twice maxMemo; tags holds each slot's lexHash with its top bit
	// set (0 for an empty slot), so that a probe past another word
	// reads no entry; n counts its entries
	slots []*cueWord
	tags  []uint32
	n     int
}

const maxMemo = 1 << 14

// cueConsts are the weights of the features with few values, looked up
// once per model.
type cueConsts struct {
	b, p1cap, inq float32
	shape         [2]float32 // lower, cap
	p1cN1c        [nClass][nClass]float32
	// the sentence boundaries and quotation marks as neighbours, in
	// classNames' order for the first three: p1=, n1=, p2=, n2=
	p1, n1, p2, n2 [3]float32
	// pos= and rest= by bucket (see bucketIndex), sj= by subject class
	// index, lex= by cue kind, that+ by distance (1 to 4)
	pos, rest [len(bucketNames)]float32
	sj        [nSubj]float32
	lex       [256]float32
	that      [5]float32
}

// bucketNames are the values of bucket, indexed.
var bucketNames = [...]string{"0", "1", "2", "3-5", "6-11", "12+"}

// bucketIndex returns the index of bucket(n) in bucketNames.
func bucketIndex(n int) int {
	switch {
	case n < 3:
		return n
	case n < 6:
		return 3
	case n < 12:
		return 4
	}
	return 5
}

// consts computes the weights of the features with few values.
func (m *CueModel) consts() *cueConsts {
	m.constOnce.Do(func() {
		c := &cueConsts{}
		c.b = m.w.Get(uint64(hB))
		c.p1cap = m.w.Get(uint64(hP1cap))
		c.inq = m.w.Get(uint64(hInq))
		c.shape[0] = m.w.Get(uint64(hShape.Str("lower")))
		c.shape[1] = m.w.Get(uint64(hShape.Str("cap")))
		for a, ca := range classNames {
			for b, cb := range classNames {
				c.p1cN1c[a][b] = m.w.Get(uint64(hP1cN1c.Str(ca).Byte('|').Str(cb)))
			}
		}
		for k, s := range classNames[:3] {
			c.p1[k] = m.w.Get(uint64(hP1.Str(s)))
			c.n1[k] = m.w.Get(uint64(hN1.Str(s)))
			c.p2[k] = m.w.Get(uint64(hP2.Str(s)))
			c.n2[k] = m.w.Get(uint64(hN2.Str(s)))
		}
		for k, b := range bucketNames {
			c.pos[k] = m.w.Get(uint64(hPos.Str(b)))
			c.rest[k] = m.w.Get(uint64(hRest.Str(b)))
		}
		for k, sj := range subjNames {
			c.sj[k] = m.w.Get(uint64(hSj.Str(sj)))
		}
		for k := range c.lex {
			c.lex[k] = m.w.Get(uint64(hLex.Byte(byte(k))))
		}
		for k := 1; k < len(c.that); k++ {
			c.that[k] = m.w.Get(uint64(hThat.Byte(byte('0' + k))))
		}
		m.constW = c
	})
	return m.constW
}

// takeMemo takes a memo from the model's free list, a new one if none is
// free.
func (m *CueModel) takeMemo() *cueMemo {
	return m.memos.Get(newCueMemo)
}

func newCueMemo() *cueMemo { return &cueMemo{} }

// putMemo gives a memo back.
func (m *CueModel) putMemo(c *cueMemo) { m.memos.Put(c) }

// entry returns the memo entry of w, without its weights, which fill
// sets when the word is first scored or read beside a word scored.
func (c *cueMemo) entry(w string) *cueWord {
	if c.slots == nil {
		c.slots = make([]*cueWord, 256)
		c.tags = make([]uint32, 256)
	}
	h := lexHash(w)
	tag := h | 1<<31 // the table's mask is below bit 31
	mask := uint32(len(c.slots) - 1)
	i := h & mask
	for ; c.tags[i] != 0; i = (i + 1) & mask {
		if c.tags[i] == tag {
			if e := c.slots[i]; e.same(w) {
				return e
			}
		}
	}
	if c.n >= maxMemo {
		clear(c.slots)
		clear(c.tags)
		c.n = 0
		i = h & mask
	} else if 2*(c.n+1) > len(c.slots) {
		c.grow()
		mask = uint32(len(c.slots) - 1)
		for i = h & mask; c.tags[i] != 0; i = (i + 1) & mask {
		}
	}
	// a token's text is often a slice of its whole article: the memo
	// outlives the article, so it keeps a copy
	e := newCueWord(cloneString(w))
	c.slots[i], c.tags[i] = e, tag
	c.n++
	return e
}

// grow doubles the memo's table.
func (c *cueMemo) grow() {
	old, oldTags := c.slots, c.tags
	c.slots = make([]*cueWord, 2*len(old))
	c.tags = make([]uint32, 2*len(old))
	mask := uint32(len(c.slots) - 1)
	for k, e := range old {
		if e == nil {
			continue
		}
		i := oldTags[k] & mask
		for c.tags[i] != 0 {
			i = (i + 1) & mask
		}
		c.slots[i], c.tags[i] = e, oldTags[k]
	}
}

// word returns the memo entry of w with its weights.
func (c *cueMemo) word(m *CueModel, w string) *cueWord {
	e := c.entry(w)
	e.fill(m)
	return e
}

// fill sets the weights of the word's own features, once.
func (e *cueWord) fill(m *CueModel) {
	if e.filled {
		return
	}
	w := e.word
	s3, s2, st := suffixNoAlloc(w, 3), suffixNoAlloc(w, 2), stem(w)
	e.s3s, e.st = s3, st
	e.w = m.w.Get(uint64(hW.Str(w)))
	e.s3 = m.w.Get(uint64(hS3.Str(s3)))
	e.s2 = m.w.Get(uint64(hS2.Str(s2)))
	e.stem = m.w.Get(uint64(hStem.Str(st)))
	e.p1 = m.w.Get(uint64(hP1.Str(w)))
	e.n1 = m.w.Get(uint64(hN1.Str(w)))
	e.p2 = m.w.Get(uint64(hP2.Str(w)))
	e.n2 = m.w.Get(uint64(hN2.Str(w)))
	e.wn1 = hWN1.Str(w).Byte('|')
	e.p1w = hP1W.Str(w).Byte('|')
	e.filled = true
}

// pairCache keeps the weights of a word's last few pair features, keyed
// by the memo entry of the other word: a word scored is often scored
// beside the same neighbours ("said that", "he said"), and each pair
// read from the model's table is a cache miss.
type pairCache struct {
	other [4]*cueWord
	w     [4]float32
	next  uint8
}

// weight returns the weight of the pair feature formed with the word of
// entry x, whose hash is h.Str(rest).
func (c *pairCache) weight(m *CueModel, x *cueWord, h fnv, rest string) float32 {
	for k, o := range c.other {
		if o == x {
			return c.w[k]
		}
	}
	w := m.w.Get(uint64(h.Str(rest)))
	k := c.next
	c.other[k], c.w[k] = x, w
	c.next = (k + 1) % uint8(len(c.other))
	return w
}

// cloneString returns a copy of s that shares no memory with it.
func cloneString(s string) string { return string([]byte(s)) }

// classIndex returns the index in classNames of the class that class
// gives the word cueScore reads at k, from the token's lexical class.
func classIndex(ts []tok, k int) int {
	switch {
	case k < 0:
		return 0
	case k >= len(ts):
		return 1
	case ts[k].kind == 'q':
		return 2
	}
	t := &ts[k]
	switch {
	case t.has(lxDeterminer):
		return 3
	case t.has(lxPronounTrue):
		return 4
	case t.has(lxBoundary):
		return 5
	case len(t.low) > 0 && !isWordRune(firstRune(t.low)):
		return 6
	}
	return 7
}

// s3N1 returns the weight of s3+n1= for class index k.
func (e *cueWord) s3N1(m *CueModel, k int) float32 {
	if bit := uint32(1) << k; e.done&bit == 0 {
		e.s3n1[k] = m.w.Get(uint64(hS3N1.Str(e.s3s).Byte('|').Str(classNames[k])))
		e.done |= bit
	}
	return e.s3n1[k]
}

// p1cS3 returns the weight of p1c+s3= for class index k.
func (e *cueWord) p1cS3(m *CueModel, k int) float32 {
	if bit := uint32(1) << (nClass + k); e.done&bit == 0 {
		e.p1cs3[k] = m.w.Get(uint64(hP1cS3.Str(classNames[k]).Byte('|').Str(e.s3s)))
		e.done |= bit
	}
	return e.p1cs3[k]
}

// stemN1c returns the weight of stem+n1c= for class index k.
func (e *cueWord) stemN1(m *CueModel, k int) float32 {
	if bit := uint32(1) << (2*nClass + k); e.done&bit == 0 {
		e.stemN1c[k] = m.w.Get(uint64(hStemN1c.Str(e.st).Byte('|').Str(classNames[k])))
		e.done |= bit
	}
	return e.stemN1c[k]
}

// sjStem returns the weight of sj+st= for subject class index k.
func (e *cueWord) sjStem(m *CueModel, k int) float32 {
	if bit := uint32(1) << (3*nClass + k); e.done&bit == 0 {
		e.sjSt[k] = m.w.Get(uint64(hSjSt.Str(subjNames[k]).Byte('|').Str(e.st)))
		e.done |= bit
	}
	return e.sjSt[k]
}

// subjIndex returns the index of a subjClass in subjNames, or -1 for
// punctuation, whose class is its text.
func subjIndex(sj string) int {
	for k, s := range subjNames {
		if s == sj {
			return k
		}
	}
	return -1
}

// the memo fields of CueModel, kept here with the code that uses them
type cueMemos struct {
	constOnce sync.Once
	constW    *cueConsts
	memos     perceptron.FreeList[*cueMemo]
}
