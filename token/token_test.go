package token

import (
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
		if tok.In(text) != tok.Text || tok.Start < span.Start || tok.End > span.End {
			t.Errorf("token %q at %v does not match text %q", tok.Text, tok.Span, tok.In(text))
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
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || tok.In(s) != tok.Text {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, s)
			}
			if strings.TrimSpace(tok.Text) != tok.Text {
				t.Fatalf("token %q holds space", tok.Text)
			}
			prev = tok.End
		}
	})
}
