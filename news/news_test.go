package news

import (
	"strings"
	"testing"
)

func TestSpan(t *testing.T) {
	text := "Baqeri met al-Ghanmi."
	s := Span{Start: 0, End: 6}
	if got := s.In(text); got != "Baqeri" {
		t.Errorf("In = %q", got)
	}
	for _, bad := range []Span{{-1, 3}, {3, 99}, {5, 5}, {6, 2}} {
		if got := bad.In(text); got != "" {
			t.Errorf("%v.In = %q, want empty", bad, got)
		}
	}
	if !s.Overlaps(Span{5, 9}) || s.Overlaps(Span{6, 9}) {
		t.Error("Overlaps is wrong at the edge")
	}
	if !s.Contains(Span{1, 6}) || s.Contains(Span{1, 7}) {
		t.Error("Contains is wrong at the edge")
	}
	if s.Len() != 6 || !(Span{}).IsZero() {
		t.Error("Len or IsZero is wrong")
	}
}

func TestDocLookups(t *testing.T) {
	d := &Doc{
		Article:   Article{Text: "One. Two. Comment: three."},
		Sentences: []Sentence{{Span: Span{0, 4}}, {Span: Span{5, 9}}, {Span: Span{10, 25}}},
		Opinion:   []Span{{10, 25}},
	}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 5: 1, 12: 2, 25: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
	if d.InOpinion(d.Sentences[1].Span) || !d.InOpinion(d.Sentences[2].Span) {
		t.Error("InOpinion is wrong")
	}
	if d.SentenceText(1) != "Two." {
		t.Errorf("SentenceText(1) = %q", d.SentenceText(1))
	}
}

func TestKeyOf(t *testing.T) {
	tests := []struct {
		a    Article
		want string
	}{
		{Article{URL: "HTTPS://Example.COM:443/a/b/?utm_source=x&id=2#top"}, "https://example.com/a/b?id=2"},
		{Article{URL: "http://example.com/"}, "http://example.com/"},
		{Article{URL: "not a url", Text: "a  b\n\nc"}, KeyOf(&Article{Text: " a b c "})},
	}
	for _, tt := range tests {
		if got := KeyOf(&tt.a); got != tt.want {
			t.Errorf("KeyOf(%q, %q) = %q, want %q", tt.a.URL, tt.a.Text, got, tt.want)
		}
	}
	if k := KeyOf(&Article{Text: "a"}); !strings.HasPrefix(k, "sha256:") || len(k) != 7+64 {
		t.Errorf("content key %q", k)
	}
	if KeyOf(&Article{Text: "a"}) == KeyOf(&Article{Text: "b"}) {
		t.Error("different texts share a key")
	}
}
