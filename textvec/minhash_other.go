//go:build !amd64 || purego

package textvec

// hasAVX512 is false off amd64: MinHash takes its portable loop.
const hasAVX512 = false

// minHash8 is never called off amd64.
func minHash8(hs []uint64, c, m *[8]uint64) { panic("textvec: minHash8 without AVX-512") }

// shingles8 is never called off amd64.
func shingles8(words []uint64, w int, hs []uint64) { panic("textvec: shingles8 without AVX-512") }
