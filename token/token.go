// Package token splits text into words and punctuation, keeping byte offsets.
package token

import (
	"strings"

	"github.com/storyline-news/storyline/news"
)

// Tokenize returns the tokens of text[span.Start:span.End], with offsets
// into text.
func Tokenize(text string, span news.Span) []news.Token {
	var out []news.Token
	s := span.In(text)
	i := 0
	for _, f := range strings.Fields(s) {
		j := strings.Index(s[i:], f) + i
		out = append(out, news.Token{Span: news.Span{Start: span.Start + j, End: span.Start + j + len(f)}, Text: f})
		i = j + len(f)
	}
	return out
}
