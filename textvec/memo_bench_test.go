package textvec

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkWordMemo looks words up in a warm memo of 200,000 words, as
// the process's stem memos are read in a long ingest: drawn uniformly,
// which misses the cache at nearly every lookup, and by a Zipf law, as a
// text's words come. One op is one lookup.
func BenchmarkWordMemo(b *testing.B) {
	const n = 200000
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("Word%dxing", i*7919%1000003)
	}
	m := NewWordMemo(1<<20, func(w string) string { return w[:len(w)-3] })
	for _, w := range words {
		m.Get(w)
	}
	for _, zipf := range []bool{false, true} {
		r := rand.New(rand.NewPCG(1, 2))
		z := rand.NewZipf(r, 1.1, 1, n-1)
		draws := make([]string, 1<<18)
		for i := range draws {
			if zipf {
				draws[i] = words[z.Uint64()]
			} else {
				draws[i] = words[r.IntN(n)]
			}
		}
		name := "uniform"
		if zipf {
			name = "zipf"
		}
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				m.Get(draws[i&(len(draws)-1)])
				i++
			}
		})
	}
}
