package textvec

import (
	"math"
	"math/bits"
	"slices"
)

// Entry is one weighted term of a sparse vector.
type Entry struct {
	ID uint32
	W  float64
}

// Vector is a sparse vector: entries sorted by ID, each ID once.
type Vector []Entry

// Counts builds a vector of term counts from ids (in any order, with
// repeats). scratch, when not nil, is reused for sorting.
func Counts(ids []uint32, scratch []uint32) Vector {
	if len(ids) == 0 {
		return nil
	}
	s := append(scratch[:0], ids...)
	slices.Sort(s)
	v := make(Vector, 0, len(s))
	for i, id := range s {
		if i > 0 && s[i-1] == id {
			v[len(v)-1].W++
			continue
		}
		v = append(v, Entry{ID: id, W: 1})
	}
	return v
}

// Norm returns the Euclidean norm.
func (v Vector) Norm() float64 {
	var s float64
	for _, e := range v {
		s += e.W * e.W
	}
	return math.Sqrt(s)
}

// Normalize scales v in place to unit length (a zero vector stays zero)
// and returns it.
func (v Vector) Normalize() Vector {
	n := v.Norm()
	if n == 0 {
		return v
	}
	for i := range v {
		v[i].W /= n
	}
	return v
}

// Dot returns the dot product of two sparse vectors by merging them.
func Dot(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			s += a[i].W * b[j].W
			i++
			j++
		}
	}
	return s
}

// Cosine returns the cosine similarity of a and b, 0 when either is zero.
func Cosine(a, b Vector) float64 {
	na, nb := a.Norm(), b.Norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return Dot(a, b) / (na * nb)
}

// heavier reports whether a ranks before b: larger weight, then smaller ID.
func heavier(a, b Entry) bool {
	return a.W > b.W || a.W == b.W && a.ID < b.ID
}

// Top returns the k entries of largest weight (ties by smaller ID), in
// ID order, as a new vector. It keeps a heap of k entries: O(n log k).
func (v Vector) Top(k int) Vector {
	if len(v) <= k {
		return slices.Clone(v)
	}
	if k <= 0 {
		return nil
	}
	// h is a min-heap by rank: h[0] is the lightest kept entry
	h := make(Vector, k)
	copy(h, v[:k])
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			m := l
			if r := l + 1; r < k && heavier(h[l], h[r]) {
				m = r
			}
			if !heavier(h[i], h[m]) {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, e := range v[k:] {
		if heavier(e, h[0]) {
			h[0] = e
			down(0)
		}
	}
	// h[0] is the lightest of the k heaviest. When sorting them would
	// cost more than two passes over v, a pass picks the entries of v
	// at least as heavy as h[0], which are the k (no two entries rank
	// alike), in v's ID order.
	if k*bits.Len(uint(k)) >= len(v) && pick(v, h[0], h) {
		return h
	}
	slices.SortFunc(h, func(a, b Entry) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return h
}

// pick writes the entries of v at least as heavy as cut into h, in v's
// order, and reports whether they were exactly len(h) entries of
// increasing ID and weight not NaN; if not (a vector out of order, a
// repeated ID, a NaN), it leaves h as it was.
func pick(v Vector, cut Entry, h Vector) bool {
	n, prev := 0, -1
	for _, e := range v {
		if int(e.ID) <= prev || e.W != e.W {
			return false
		}
		prev = int(e.ID)
		if !heavier(cut, e) {
			n++
		}
	}
	if n != len(h) {
		return false
	}
	n = 0
	for _, e := range v {
		if !heavier(cut, e) {
			h[n] = e
			n++
		}
	}
	return true
}

// AddScaled returns a + f·b as a new vector.
func AddScaled(a Vector, f float64, b Vector) Vector {
	out := make(Vector, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i].ID < b[j].ID:
			out = append(out, a[i])
			i++
		case i >= len(a) || b[j].ID < a[i].ID:
			out = append(out, Entry{b[j].ID, f * b[j].W})
			j++
		default:
			out = append(out, Entry{a[i].ID, a[i].W + f*b[j].W})
			i++
			j++
		}
	}
	return out
}

// DF is a document-frequency table that grows online: Add one document's
// terms at a time, and IDF weighs a term by the documents seen so far.
type DF struct {
	n  int
	df []int32
}

// Docs returns the number of documents added.
func (t *DF) Docs() int { return t.n }

// Add counts one document whose distinct terms are the IDs of v.
func (t *DF) Add(v Vector) {
	t.n++
	for _, e := range v {
		for int(e.ID) >= len(t.df) {
			t.df = append(t.df, 0)
		}
		t.df[e.ID]++
	}
}

// Remove uncounts a document added before.
func (t *DF) Remove(v Vector) {
	t.n--
	for _, e := range v {
		if int(e.ID) < len(t.df) && t.df[e.ID] > 0 {
			t.df[e.ID]--
		}
	}
}

// Freq returns the number of documents using term id.
func (t *DF) Freq(id uint32) int {
	if int(id) < len(t.df) {
		return int(t.df[id])
	}
	return 0
}

// IDF returns the smoothed inverse document frequency of term id:
// ln((1+N)/(1+df)) + 1, always positive.
func (t *DF) IDF(id uint32) float64 {
	return math.Log(float64(1+t.n)/float64(1+t.Freq(id))) + 1
}

// TFIDF returns a new vector of v's counts weighted by sublinear term
// frequency (1+ln tf) times IDF, normalised to unit length.
func (t *DF) TFIDF(v Vector) Vector {
	out := make(Vector, len(v))
	for i, e := range v {
		tf := e.W
		if tf > 0 {
			tf = 1 + math.Log(tf)
		}
		out[i] = Entry{e.ID, tf * t.IDF(e.ID)}
	}
	return out.Normalize()
}
