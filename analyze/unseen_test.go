package analyze_test

import (
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkAnalyzeUnseen is BenchmarkAnalyze on articles whose words the
// taggers' per-word memos have not seen: each iteration reads a BASIL
// article with about a third of its words of four letters or more
// turned into new ones (their letters rotated, as pipeline's replayed
// corpus does), so the memos' misses cost what they cost on a stream of
// new text. BenchmarkAnalyze, over the same 210 articles again and again,
// measures a warm memo.
func BenchmarkAnalyzeUnseen(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	arts := basil(b)
	// the articles of the first passes, made beforehand
	const copies = 40
	n := min(b.N, copies*len(arts))
	in := make([]*news.Article, n)
	for i := range in {
		a := *arts[i%len(arts)]
		a.Text = rotateWords(a.Text, 1+i/len(arts))
		in[i] = &a
	}
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		if _, err := chain.Doc(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}

// rotateWords rotates the letters of about a third of the ASCII words of
// four letters or more of s, chosen by a hash of the word and k, by
// amounts that depend on k; the text keeps its length, so the article's
// paragraphs keep their spans.
func rotateWords(s string, k int) string {
	b := []byte(s)
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i < len(b); {
		if !letter(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && letter(b[j]) {
			j++
		}
		if j-i >= 4 {
			h := uint32(2166136261)
			for _, c := range b[i:j] {
				h = (h ^ uint32(c|0x20)) * 16777619
			}
			h = (h ^ uint32(k)) * 16777619
			if h%3 == 0 {
				for p := i; p < j; p++ {
					rot := byte((k*7+(p-i)*(k/25+1))%25 + 1)
					base := byte('a')
					if b[p] <= 'Z' {
						base = 'A'
					}
					b[p] = base + (b[p]-base+rot)%26
				}
			}
		}
		i = j
	}
	return string(b)
}
