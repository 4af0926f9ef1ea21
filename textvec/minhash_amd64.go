//go:build !purego

package textvec

// hasAVX512 reports whether the CPU and the OS support AVX-512
// Foundation and DQ (the 64-bit multiply MinHash needs).
var hasAVX512 = cpuHasAVX512()

// cpuHasAVX512 asks CPUID and XGETBV whether AVX-512 F and DQ can be
// used.
func cpuHasAVX512() bool

// minHash8 lowers each m[l] to the least mix(h + c[l]) over the shingle
// hashes hs: eight of MinHash's hash functions at once, in one AVX-512
// register. It needs hasAVX512.
//
//go:noescape
func minHash8(hs []uint64, c, m *[8]uint64)

// shingles8 sets hs[i] to the hash of the w-word shingle from words[i],
// eight shingles at once; len(hs) is a multiple of 8 and words holds at
// least len(hs)+w-1 words. It needs hasAVX512.
//
//go:noescape
func shingles8(words []uint64, w int, hs []uint64)
