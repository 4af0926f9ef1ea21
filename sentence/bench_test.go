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
	for i := 0; i < b.N; i++ {
		sentence.Split(texts[i%len(texts)])
	}
	testutil.ReportArticles(b)
}
