package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
)

func repoRoot(t testing.TB) string {
	return testutil.Root(t)
}

func model(t testing.TB) *Model {
	f, err := os.Open(filepath.Join(repoRoot(t), "entity", "model.bin.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func validDocs(t testing.TB) []Doc {
	p := filepath.Join(repoRoot(t), "..", "shared", "data", "entities", "conll2003", "valid.txt")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("no CoNLL-2003 valid data: %v", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestQualityFloor guards the tagger's F1 on CoNLL-2003 valid (measured
// 93.3 on PER+ORG+LOC, 92.8 with MISC).
func TestQualityFloor(t *testing.T) {
	m := model(t)
	docs := validDocs(t)
	_, _, f3 := Score(m, docs, 3)
	_, _, f4 := Score(m, docs, 4)
	t.Logf("F1 PER+ORG+LOC %.4f, with MISC %.4f", f3, f4)
	if f3 < 0.92 {
		t.Errorf("F1 PER+ORG+LOC %.4f, want >= 0.92", f3)
	}
	if f4 < 0.91 {
		t.Errorf("F1 with MISC %.4f, want >= 0.91", f4)
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		tags []string
		want []Chunk
	}{
		{strings.Fields("B-PER I-PER O B-LOC"), []Chunk{{0, 2, 0}, {3, 4, 2}}},
		{strings.Fields("I-ORG I-ORG B-ORG O"), []Chunk{{0, 2, 1}, {2, 3, 1}}}, // IOB1
		{strings.Fields("B-PER I-LOC I-LOC"), []Chunk{{0, 1, 0}, {1, 3, 2}}},   // type change
		{strings.Fields("O I-MISC O"), []Chunk{{1, 2, 3}}},                     // I after O starts
		{strings.Fields("B-PER I-PER I-PER I-PER"), []Chunk{{0, 4, 0}}},        // long
		{strings.Fields("O O"), nil},
	}
	for _, tc := range tests {
		got := ChunksIOB(tc.tags)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ChunksIOB(%q) = %v, want %v", tc.tags, got, tc.want)
		}
		if back := chunksBILOU(bilou(tc.tags)); !reflect.DeepEqual(back, tc.want) {
			t.Errorf("BILOU round trip of %q = %v, want %v", tc.tags, back, tc.want)
		}
		if again := ChunksIOB(IOB2(got, len(tc.tags))); !reflect.DeepEqual(again, tc.want) {
			t.Errorf("IOB2 round trip of %q = %v", tc.tags, again)
		}
	}
}

func TestSaveLoad(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader("-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nvisited VBD B-VP O\nBrussels NNP B-NP B-LOC\n. . O O\n\nThe DT B-NP O\nEuropean NNP I-NP B-ORG\nCommission NNP I-NP I-ORG\nsaid VBD B-VP O\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := Train(docs, TrainOptions{Epochs: 3, Seed: 1})
	var buf bytes.Buffer
	if err := m.Save(&buf, Bits); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ws := [][]string{docs[0].Sentences[0].Words, docs[0].Sentences[1].Words}
	if a, b := m.TagDoc(ws), m2.TagDoc(ws); !reflect.DeepEqual(a, b) {
		t.Errorf("loaded model tags %v, trained one %v", b, a)
	}
	// training is deterministic
	var buf2 bytes.Buffer
	if err := Train(docs, TrainOptions{Epochs: 3, Seed: 1}).Save(&buf2, Bits); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("two trainings with one seed wrote different models")
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n")
	f.Add("word\n")
	f.Add("a b c I-PER\n\n\n-DOCSTART-\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, se := range d.Sentences {
				if len(se.Words) != len(se.Tags) {
					t.Fatal("words and tags differ in number")
				}
				for _, c := range ChunksIOB(se.Tags) {
					if c.Start < 0 || c.End > len(se.Tags) || c.Start >= c.End {
						t.Fatalf("bad chunk %v", c)
					}
				}
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	var buf bytes.Buffer
	Train(nil, TrainOptions{Epochs: 1}).Save(&buf, Bits)
	f.Add(buf.Bytes())
	f.Add([]byte("not a model"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(bytes.NewReader(b))
		if err != nil {
			return
		}
		m.TagDoc([][]string{{"Peter", "Blackburn", "visited", "Brussels", "."}})
	})
}

// BenchmarkTagDoc tags CoNLL-2003 valid and reports tokens per second.
func BenchmarkTagDoc(b *testing.B) {
	m := model(b)
	docs := validDocs(b)
	var sents [][][]string
	tokens := 0
	for _, d := range docs {
		var ws [][]string
		for _, s := range d.Sentences {
			ws = append(ws, s.Words)
			tokens += len(s.Words)
		}
		sents = append(sents, ws)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ws := range sents {
			m.TagDoc(ws)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
