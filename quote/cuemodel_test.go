package quote

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/perceptron"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/token"
)

func TestCueModelRoundTrip(t *testing.T) {
	text := "Smith railed against the plan. Jones railed against the tax. Brown ate the cake."
	var cues []news.Span
	for _, w := range []string{"railed against the plan", "railed against the tax"} {
		i := strings.Index(text, w)
		cues = append(cues, news.Span{Start: i, End: i + len("railed")})
	}
	var buf bytes.Buffer
	if err := TrainCueModel([]CueDoc{{Text: text, Cues: cues}}, TrainOptions{Epochs: 5, Veto: -1e38}, &buf); err != nil {
		t.Fatal(err)
	}
	m, err := ReadCueModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold != 0 {
		t.Errorf("threshold %v, want 0", m.Threshold)
	}
	p := newPara(text, news.Span{Start: 0, End: len(text)}, m)
	for i, tk := range p.ts {
		s := m.score(p, i)
		switch tk.low {
		case "railed":
			if s <= 0 {
				t.Errorf("railed scored %v", s)
			}
		case "ate":
			if s > 0 {
				t.Errorf("ate scored %v", s)
			}
		}
	}
}

func TestReadCueModelErrors(t *testing.T) {
	if _, err := ReadCueModel(strings.NewReader("not gzip")); err == nil {
		t.Error("no error for a file that is not gzipped")
	}
	var buf bytes.Buffer
	if err := TrainCueModel(nil, TrainOptions{Epochs: 1}, &buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCueModel(&buf); err != nil {
		t.Errorf("empty model: %v", err)
	}
	if defaultModel() == nil {
		t.Error("the embedded cue model does not load")
	}
}

// TestUnlistedParticiple checks that a participle the model finds, not
// the verb lists, takes the subject of the main clause after its own, as
// a listed one does.
func TestUnlistedParticiple(t *testing.T) {
	m := namedModel(t, map[string]float32{"w=referencing": 10}, 5, -8)
	d := doc("After referencing the bank’s fierce drive to sell more accounts, Senator Jane Roe left the room.")
	var got []string
	for _, q := range find(d, m) {
		got = append(got, q.Cue.In(d.Text)+"|"+q.Source.In(d.Text)+"|"+q.Content.In(d.Text))
	}
	want := "referencing|Senator Jane Roe|the bank’s fierce drive to sell more accounts"
	if !slices.Contains(got, want) {
		t.Errorf("got %q, want %q among them", got, want)
	}
}

// TestBagsDeterministic checks that averaging several perceptrons, trained
// concurrently, writes the same model every time.
func TestBagsDeterministic(t *testing.T) {
	text := "Smith railed against the plan. Jones railed against the tax. Brown ate the cake. Green said the tax would fall."
	var cues []news.Span
	for _, w := range []string{"railed against the plan", "railed against the tax", "said the tax"} {
		i := strings.Index(text, w)
		cues = append(cues, news.Span{Start: i, End: i + strings.Index(w, " ")})
	}
	var first []byte
	for run := 0; run < 3; run++ {
		var buf bytes.Buffer
		if err := TrainCueModel([]CueDoc{{Text: text, Cues: cues}}, TrainOptions{Epochs: 3, Bags: 4, Veto: -1e38}, &buf); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("run %d wrote a different model", run)
		}
	}
}

// namedModel returns a cue model of the named features' weights, as its
// file holds them (16 bits).
func namedModel(t *testing.T, named map[string]float32, threshold, veto float64) *CueModel {
	t.Helper()
	ws := perceptron.NewWeights(1)
	for f, x := range named {
		ws.Set(featHash(f), []float32{x})
	}
	var buf bytes.Buffer
	if err := writeCueModel(&buf, ws, threshold, veto, CueBits); err != nil {
		t.Fatal(err)
	}
	m, err := ReadCueModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCueModelQuantised checks that a model reads back its threshold,
// veto and weights, the weights to within half a step of its scale.
func TestCueModelQuantised(t *testing.T) {
	named := map[string]float32{"w=said": 12.5, "s3=ied": -0.75, "b": -3.25, "lex=a": 0.01}
	for _, bits := range []int{8, 16, 32} {
		ws := perceptron.NewWeights(1)
		for f, x := range named {
			ws.Set(featHash(f), []float32{x})
		}
		var buf bytes.Buffer
		if err := writeCueModel(&buf, ws, -4, -8, bits); err != nil {
			t.Fatal(err)
		}
		m, err := ReadCueModel(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if m.Threshold != -4 || m.Veto != -8 {
			t.Errorf("%d bits: threshold %v veto %v, want -4 -8", bits, m.Threshold, m.Veto)
		}
		step := 12.5 / float64(int(1)<<(bits-1)-1)
		if bits == 32 {
			step = 0
		}
		for f, x := range named {
			if got := m.w.Get(featHash(f)); math.Abs(float64(got-x)) > step/2+1e-6 {
				t.Errorf("%d bits: %s reads back %v, want %v", bits, f, got, x)
			}
		}
	}
}

// TestHashedScoreMatchesFeatures checks that the hashed scorer gives, to
// the bit, the score of summing the weights of the named features that
// cueFeatures builds (each found by the hash of its whole name), over
// every token of the package's test texts.
func TestHashedScoreMatchesFeatures(t *testing.T) {
	m := defaultModel()
	files, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	// The seeds too, when they are there.
	seeds, _ := filepath.Glob(filepath.Join(testutil.Root(t), "..", "shared", "seeds", "*.txt"))
	files = append(files, seeds...)
	texts := []string{"Smith railed against the plan, “which is bad,” he said. Café owners’ union sought ÿ\xffx relief that day."}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	n, nonzero := 0, 0
	for _, text := range texts {
		for _, sp := range paragraphs(doc(text)) {
			p := newPara(text, sp, m)
			for i := range p.ts {
				var want float32
				for _, f := range cueFeatures(p, i, nil) {
					x := m.w.Get(featHash(f))
					want += x
					if x != 0 {
						nonzero++
					}
				}
				if got := m.cueScore(p, i); got != want {
					t.Errorf("%q: hashed score %v, named features %v", p.ts[i].text, got, want)
				}
				n++
			}
		}
	}
	if n < 200 || nonzero < 10*n {
		t.Errorf("only %d tokens compared, %d weights found", n, nonzero)
	}
}

// TestTrainingSeesRunFeatures checks that the cue model is trained on
// the features it is scored with: the paragraph the trainer reads
// (newPara, which segments the paragraph's text on its own) has, word for
// word, the tokens and cueFeatures of the paragraph find reads from a
// segmented Doc, over the package's test texts, the seeds and the BASIL
// articles (not in -short).
func TestTrainingSeesRunFeatures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	seeds, _ := filepath.Glob(filepath.Join(testutil.Root(t), "..", "shared", "seeds", "*.txt"))
	files = append(files, seeds...)
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if !testing.Short() {
		for _, a := range testutil.Basil(t) {
			texts = append(texts, a.Text())
		}
	}
	n := 0
	for _, text := range texts {
		d := doc(text)
		seg := segmented(d)
		lower := token.LowerASCII(text)
		for _, sp := range paragraphs(d) {
			train := newPara(text, sp, nil)
			// as find makes it
			dts := tokensIn(seg.Tokens, sp.Start, sp.End)
			run := newParaOf(text, appendDocTokens(nil, text, lower, dts), sp, dts, sentencesIn(nil, seg, sp), nil, nil)
			if len(train.ts) != len(run.ts) {
				t.Errorf("%q: %d tokens in training, %d at run time", text[sp.Start:sp.End], len(train.ts), len(run.ts))
				continue
			}
			for i := range train.ts {
				a, b := train.ts[i], run.ts[i]
				if a.text != b.text || a.Start != b.Start || a.kind != b.kind || a.low != b.low {
					t.Errorf("token %d of %q: %q in training, %q at run time", i, text[sp.Start:sp.End], a.text, b.text)
					break
				}
				fa, fb := cueFeatures(train, i, nil), cueFeatures(run, i, nil)
				if !slices.Equal(fa, fb) {
					t.Errorf("%q at %d: features %q in training, %q at run time", a.text, a.Start, fa, fb)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d tokens compared", n)
	}
}

// BenchmarkReadCueModel reads the embedded cue model: what the first
// quote finding of a process pays.
func BenchmarkReadCueModel(b *testing.B) {
	b.ReportMetric(float64(len(cueModelData)), "file-bytes")
	for i := 0; i < b.N; i++ {
		if _, err := ReadCueModel(bytes.NewReader(cueModelData)); err != nil {
			b.Fatal(err)
		}
	}
}
