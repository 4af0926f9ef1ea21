package token

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Iraq's army", "Iraq 's army"},
		{"Iraq’s army", "Iraq ’s army"},
		{"don't go", "do n't go"},
		{"Maj. Gen. Baqeri.", "Maj. Gen. Baqeri ."},
		{"the U.S. and P.M.F. forces", "the U.S. and P.M.F. forces"},
		{`"We won," he said.`, `" We won , " he said .`},
		{"(Xinhua) -- Iran", "( Xinhua ) -- Iran"},
		{"Sputnik)—Turkish", "Sputnik ) — Turkish"},
		{"al-Ghanmi's three-day visit", "al-Ghanmi 's three-day visit"},
		{"1,000 people, 3.5% growth, at 5:30 on 9/25/2017", "1,000 people , 3.5 % growth , at 5:30 on 9/25/2017"},
		{"$100 million", "$ 100 million"},
		{"“plot” to", "“ plot ” to"},
		{"”Mr. Trump is.” ― Ana", "” Mr. Trump is . ” ― Ana"},
		{"[U.S.] are", "[ U.S. ] are"},
		{"Xinhua| 2017", "Xinhua | 2017"},
		{"wait...", "wait ..."},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.Join(Words(tt.in), " ")
		if got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "xx “Tomorrow, we’ll visit,” he added. yy"
	span := news.Span{Start: 3, End: len(text) - 3}
	for _, tok := range Tokenize(text, span) {
		if w := tok.In(text); w == "" || strings.TrimSpace(w) != w || tok.Start < span.Start || tok.End > span.End {
			t.Errorf("token %q at %v is empty, holds space or lies outside %v", w, tok.Span, span)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Iraq's U.S. “x”", "--—|", "n't '", "\xff'\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s, news.Span{Start: 0, End: len(s)}) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, s)
			}
			if w := tok.In(s); strings.TrimSpace(w) != w {
				t.Fatalf("token %q holds space", w)
			}
			prev = tok.End
		}
	})
}

func TestLongChunks(t *testing.T) {
	// Many dashes in one chunk: split without recursion, every part kept.
	dashes := strings.Repeat("a—", 10000) + "a"
	if got := len(Words(dashes)); got != 20001 {
		t.Errorf("%d tokens from 10,000 dashes, want 20,001", got)
	}
	// Marks after a long word: each is a token, the word whole.
	marks := strings.Repeat("x", 5000) + strings.Repeat(".,", 1000)
	w := Words(marks)
	if len(w) != 2001 || w[0] != strings.Repeat("x", 5000) {
		t.Errorf("%d tokens, first %d bytes; want 2001 and 5000", len(w), len(w[0]))
	}
}

// BenchmarkTokenize tokenizes chunks that once took time quadratic in
// their length (marks cut one by one off a long word, many dashes); the
// MB/s figure stays flat across sizes when Tokenize is linear.
func BenchmarkTokenize(b *testing.B) {
	for _, n := range []int{10 << 10, 100 << 10} {
		inputs := map[string]string{
			"marks":  strings.Repeat("x", n/2) + strings.Repeat(".,", n/4),
			"dashes": strings.Repeat("a—", n/4),
			"words":  strings.Repeat("Maj. Gen. Baqeri's visit, (Xinhua) -- U.S. 1,000 ", n/50),
		}
		for name, s := range inputs {
			b.Run(fmt.Sprintf("%s/%dKB", name, n>>10), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					Tokenize(s, news.Span{Start: 0, End: len(s)})
				}
			})
		}
	}
}
