package sentence_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
)

// quoted splits text, one paragraph, into sentences and tokens as the
// segment stage does and returns its quotations and Quoted's sentences,
// as text. attributed says that a sentence opening with "he" or a name
// and "said" is an attribution.
func quoted(text string) (qs, sents []string) {
	spans := sentence.Split(text)
	var toks []news.Token
	for _, sp := range spans {
		toks = token.Append(toks, text, sp)
	}
	quotations := sentence.Quotations(text, toks)
	for _, q := range quotations {
		s := q.In(text)
		if q.Unclosed {
			s += "…"
		}
		if got := text[toks[q.FirstToken].Start:toks[q.EndToken-1].End]; got != q.In(text) {
			s += " (tokens " + got + ")"
		}
		qs = append(qs, s)
	}
	attributed := func(next news.Span, stop byte) bool {
		f := strings.Fields(next.In(text))
		return len(f) >= 2 && strings.TrimRight(f[1], ".,") == "said"
	}
	for _, s := range sentence.Quoted(text, spans, quotations, attributed) {
		sents = append(sents, s.In(text))
	}
	return qs, sents
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`"We won," he said. "Again."`, []string{`"We won,"`, `"Again."`}},
		{"“We won,” he said.", []string{"“We won,”"}},
		{"He called it a ``plot'' and left.", []string{"``plot''"}},
		{"She said: “I stay", []string{"“I stay…"}},
		// a closing mark written where a quotation opens opens it
		{"”Mr. Trump is ours.” ― Ana", []string{"”Mr. Trump is ours.”"}},
		// a stray closing mark opens nothing
		{"the end.” He left.", nil},
		// two opening marks in a row: the second opens
		{"“ “We won,” he said.", []string{"“We won,”"}},
		// a mark at the paragraph's end opens nothing
		{`He said "`, nil},
		{"''Seeing it is emotional. It's something,''' she added.", []string{"''Seeing it is emotional. It's something,'''"}},
	}
	for _, tt := range tests {
		got, _ := quoted(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Quotations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// a break inside a quotation closed in the paragraph
		{"“I came. I saw,” he said. Then he left.", []string{"“I came. I saw,” he said.", "Then he left."}},
		// a quotation that ends in a stop and its attribution
		{"“Can she stay?” Trump said. Then he left.", []string{"“Can she stay?” Trump said.", "Then he left."}},
		// a quotation that ends a sentence before another speaker's
		{"“She stays.” Trump left. He said so.", []string{"“She stays.”", "Trump left.", "He said so."}},
		// an unclosed quotation joins nothing
		{"He said: “I came. I saw.", []string{"He said: “I came.", "I saw."}},
		{"One. Two.", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		_, got := quoted(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Quoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestQuotedBound checks that joining never makes a sentence longer than
// MaxBytes: a quotation of many sentences stays cut.
func TestQuotedBound(t *testing.T) {
	text := "“" + strings.Repeat("We stay here. ", 200) + "” he said."
	_, sents := quoted(text)
	if len(sents) < 2 {
		t.Fatalf("one sentence of %d bytes", len(text))
	}
	for _, s := range sents {
		if len(s) > sentence.MaxBytes {
			t.Errorf("a sentence of %d bytes", len(s))
		}
	}
}

func ExampleQuoted() {
	text := "“I came. I saw,” he said. Then he left."
	spans := sentence.Split(text)
	var toks []news.Token
	for _, sp := range spans {
		toks = token.Append(toks, text, sp)
	}
	qs := sentence.Quotations(text, toks)
	for _, s := range sentence.Quoted(text, spans, qs, nil) {
		fmt.Println(s.In(text))
	}
	// Output:
	// “I came. I saw,” he said.
	// Then he left.
}
