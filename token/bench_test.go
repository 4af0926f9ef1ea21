package token_test

import (
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
)

// BenchmarkTokenize tokenizes the sentences of BASIL articles.
func BenchmarkTokenize(b *testing.B) {
	texts := testutil.BasilTexts(b)
	spans := make([][]news.Span, len(texts))
	for i, t := range texts {
		spans[i] = sentence.Split(t)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(texts)
		for _, sp := range spans[k] {
			token.Tokenize(texts[k], sp)
		}
	}
	testutil.ReportArticles(b)
}
