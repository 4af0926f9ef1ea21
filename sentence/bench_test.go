package sentence_test

import (
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/sentence"
)

// BenchmarkSplit splits BASIL articles into sentences.
func BenchmarkSplit(b *testing.B) {
	texts := testutil.BasilTexts(b)
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		sentence.Split(texts[i%len(texts)])
	}
	testutil.ReportArticles(b)
	// the CPU time per article: on a shared machine it varies less than
	// the wall clock
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}
