package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestConllChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []chunk
	}{
		{"B-PER I-PER O B-LOC", []chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-ORG I-ORG B-ORG O", []chunk{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{"B-PER I-LOC", []chunk{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"O I-MISC", []chunk{{1, 2, "MISC"}}},
		{"O O", nil},
	}
	for _, tc := range tests {
		if got := conllChunks(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("conllChunks(%q) = %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func TestScoreChunks(t *testing.T) {
	c := newCounts()
	gold := conllChunks(strings.Fields("B-PER I-PER O B-LOC O B-ORG"))
	got := []chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "ORG"}, {6, 7, "MISC"}}
	scoreChunks(c, gold, got)
	p, r, f := sumCounts(c, "PER", "ORG", "LOC").scores()
	if p != 2.0/3 || r != 2.0/3 || f < 0.666 || f > 0.667 {
		t.Errorf("P %v R %v F %v, want 2/3 each", p, r, f)
	}
	if _, _, fm := c["MISC"].scores(); fm != 0 {
		t.Errorf("MISC F1 %v, want 0", fm)
	}
}

func TestConllDocRoundTrip(t *testing.T) {
	docs, err := parseCoNLL(strings.NewReader("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n"))
	if err != nil || len(docs) != 1 || len(docs[0].Sentences) != 2 {
		t.Fatalf("got %+v, %v", docs, err)
	}
	d := conllDoc("0", docs[0])
	var words []string
	for _, tk := range d.Tokens {
		words = append(words, tk.In(d.Text))
	}
	if got := strings.Join(words, " "); got != "EU rejects German call Peter Blackburn" {
		t.Errorf("tokens read %q", got)
	}
	if len(d.Sentences) != 2 || d.Sentences[1].FirstToken != 4 {
		t.Errorf("sentences %+v", d.Sentences)
	}
}

func FuzzParseCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n\n")
	f.Add("x\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := parseCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for i, cd := range docs {
			d := conllDoc("x", cd)
			var words []string
			for _, s := range cd.Sentences {
				words = append(words, s.Words...)
			}
			if len(words) != len(d.Tokens) {
				t.Fatalf("doc %d: %d tokens for %d words", i, len(d.Tokens), len(words))
			}
			for k, tk := range d.Tokens {
				if tk.In(d.Text) != words[k] {
					t.Fatalf("doc %d: token %q misplaced, reads %q", i, words[k], tk.In(d.Text))
				}
			}
			for _, s := range cd.Sentences {
				for _, c := range conllChunks(s.Tags) {
					if c.Start < 0 || c.End > len(s.Tags) || c.Start >= c.End {
						t.Fatalf("bad chunk %v", c)
					}
				}
			}
		}
	})
}
