package ner

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/token"
)

// checkDecode tags a document both ways, viterbi over hashed features
// and decode over the word memo, and reports any sentence whose labels
// or lattice scores differ in a single bit.
func checkDecode(t *testing.T, m *Model, name string, sents [][]string) {
	if m.c.qt == nil {
		t.Fatal("the shipped model has no integer weights")
	}
	t.Helper()
	d := newDocState()
	infos := make([]sentInfo, len(sents))
	for i, ws := range sents {
		infos[i] = m.prepare(ws, d)
		d.observe(&infos[i])
	}
	ref := newLattice()
	lt := m.lattice()
	defer m.release(lt)
	fast := m.prepareDoc(sents, lt)
	for k := range infos {
		want := slices.Clone(viterbi(m, m, &infos[k], d, ref))
		gotQ, ok := m.decodeQ(&fast[k], lt.doc, lt)
		gotQ = slices.Clone(gotQ)
		got := m.decode(&fast[k], lt.doc, lt)
		if ok && !slices.Equal(gotQ, want) {
			t.Errorf("%s sentence %d %q: decodeQ %v, viterbi %v", name, k, sents[k], gotQ, want)
			return
		}
		// decodeQ's exact scores are within its bounds of the float32 ones
		for i := range want {
			for l := 0; l < NumLabels; l++ {
				f := ref.delta[i][l]
				if f == negInf {
					continue
				}
				diff := math.Abs(float64(f)/m.c.qt.scale - float64(lt.deltaQ[i][l]))
				if diff > lt.errQ[i] {
					t.Errorf("%s sentence %d token %d label %d: decodeQ %d, viterbi %v (%v), bound %v", name, k, i, l,
						lt.deltaQ[i][l], float64(f)/m.c.qt.scale, diff, lt.errQ[i])
					return
				}
				maxRatio = max(maxRatio, diff/lt.errQ[i])
			}
		}
		checkedQ++
		if !ok {
			fellBack++
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s sentence %d %q: decode %v, viterbi %v", name, k, sents[k], got, want)
			return
		}
		for i := range want {
			for l := 0; l < NumLabels; l++ {
				a, b := lt.delta[i][l], ref.delta[i][l]
				if math.Float32bits(a) != math.Float32bits(b) || (a != negInf && lt.back[i][l] != ref.back[i][l]) {
					t.Errorf("%s sentence %d token %d label %d: decode scores %v, viterbi %v", name, k, i, l, a, b)
					return
				}
			}
		}
		d.remember(&infos[k], want)
		lt.doc.remember(&fast[k], got)
	}
}

// checkedQ and fellBack count the sentences checkDecode gave decodeQ and
// those decodeQ left to decode.
var checkedQ, fellBack int

// maxRatio is the largest difference checkDecode saw between decodeQ's
// scores and viterbi's, as a share of decodeQ's bound.
var maxRatio float64

// TestDecodeMatchesViterbi checks the fast path against the reference
// on CoNLL-2003 and on real news tokenized as the analysis chain does.
func TestDecodeMatchesViterbi(t *testing.T) {
	m := model(t)
	n := 0
	for _, d := range validDocs(t) {
		var sents [][]string
		for _, s := range d.Sentences {
			sents = append(sents, s.Words)
			n += len(s.Words)
		}
		checkDecode(t, m, "valid", sents)
	}
	dir := filepath.Join(repoRoot(t), "..", "shared", "data", "stories", "basil")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if len(files) == 0 {
		t.Logf("no BASIL articles in %s; checked CoNLL only", dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// the JSON's own quotes and escapes make no difference here:
		// any text is a fair test
		text := string(b)
		var sents [][]string
		for _, sp := range sentence.Split(text) {
			var ws []string
			for _, tk := range token.Tokenize(text, sp) {
				ws = append(ws, tk.In(text))
			}
			sents = append(sents, ws)
			n += len(ws)
		}
		checkDecode(t, m, filepath.Base(f), sents)
	}
	t.Logf("%d tokens compared; decodeQ left %d of %d sentences to decode; its scores at most %.3g of its bound from viterbi's", n, fellBack, checkedQ, maxRatio)
}

// TestWordMemoStartsOver fills a lattice's word memo past its bound,
// twice, and checks that tagging still matches.
func TestWordMemoStartsOver(t *testing.T) {
	m := model(t)
	var ws []string
	for i := 0; i < 2*maxWords+100; i++ {
		ws = append(ws, "Word"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('A'+i/26%26))+string(rune('a'+i/676)))
	}
	var sents [][]string
	for i := 0; i+20 <= len(ws); i += 20 {
		sents = append(sents, append(slices.Clone(ws[i:i+20]), "said", "Peter", "Blackburn", "in", "Brussels", "."))
	}
	checkDecode(t, m, "memo", sents)
	lt := m.lattice()
	defer m.release(lt)
	if lt.words.n > maxWords || lt.old.n > maxWords {
		t.Errorf("word memo holds %d and %d words, bound %d each", lt.words.n, lt.old.n, maxWords)
	}
}

// BenchmarkTagDocViterbi tags CoNLL-2003 valid with the reference path
// (every feature hashed and looked up per token, as training decodes),
// for a same-run comparison with BenchmarkTagDoc.
func BenchmarkTagDocViterbi(b *testing.B) {
	m := model(b)
	docs := validDocs(b)
	tokens := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			tokens += len(s.Words)
		}
	}
	lt := newLattice()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			d := newDocState()
			infos := make([]sentInfo, len(doc.Sentences))
			for k, s := range doc.Sentences {
				infos[k] = m.prepare(s.Words, d)
				d.observe(&infos[k])
			}
			for k := range infos {
				d.remember(&infos[k], viterbi(m, m, &infos[k], d, lt))
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestZeroModel tags with a model that has no weights.
func TestZeroModel(t *testing.T) {
	var m Model
	got := m.TagDoc([][]string{{"Peter", "Blackburn"}, {}})
	if len(got) != 2 || got[0] != nil || got[1] != nil {
		t.Errorf("zero model tags %v, want two sentences without chunks", got)
	}
}
