// Package fnv1a is the 64-bit FNV-1a hash, the one hash/fnv's New64a
// computes, as a plain value that is continued a byte or a string at a
// time: no interface, no allocation, and small enough to inline in the
// loops that key model features and index entries by it.
//
// The hashes are part of what is stored and trained: quote's cue model
// and the entity tagger look their weights up by the hash of a feature's
// name, and the brief's shingles and textvec's term hashes are compared
// across processes. The bits of every function here must never change.
package fnv1a

// Hash is a running FNV-1a hash. Offset is the hash of nothing; each
// method returns the hash continued over more bytes, leaving h as it was.
type Hash uint64

const (
	// Offset is the FNV-1a offset basis: the hash of no bytes.
	Offset Hash = 14695981039346656037
	// Prime is the 64-bit FNV prime.
	Prime Hash = 1099511628211
)

// Str continues the hash over the bytes of s.
func (h Hash) Str(s string) Hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ Hash(s[i])) * Prime
	}
	return h
}

// Bytes continues the hash over b.
func (h Hash) Bytes(b []byte) Hash {
	for _, c := range b {
		h = (h ^ Hash(c)) * Prime
	}
	return h
}

// Byte continues the hash over one byte.
func (h Hash) Byte(c byte) Hash { return (h ^ Hash(c)) * Prime }

// Mix continues the hash over a whole 64-bit number x, taken as FNV-1a
// takes a byte: one xor and one multiply. Hashes of words, kinds or
// counts are chained this way without writing them out as bytes.
func (h Hash) Mix(x uint64) Hash { return (h ^ Hash(x)) * Prime }

// Of is the FNV-1a hash of s.
func Of(s string) uint64 { return uint64(Offset.Str(s)) }
