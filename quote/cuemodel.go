package quote

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/fnv1a"
	"github.com/storyline-news/storyline/internal/perceptron"
	"github.com/storyline-news/storyline/news"
)

// cueModelData is the cue classifier trained on PolNeAR's training split
// by quote/train: a gzipped file of cueMagic, the threshold and the veto
// (float64, little-endian), then the weights as a block of package
// perceptron, one weight per feature keyed by the FNV-1a hash of its
// name (see cueFeatures), quantised to 16 bits. The command that wrote
// it, a conversion of the model shipped before in text, is given in
// quote/train's documentation.
//
//go:embed cues.model.gz
var cueModelData []byte

// cueMagic opens a cue model file.
const cueMagic = "storyline-cues-2\n"

// CueBits is the precision the cue model's weights are written in (see
// TrainOptions.Bits).
const CueBits = 16

// CueModel scores a token as the head of a reporting cue: a linear model
// over the token, its neighbours and its place around quotations. It
// finds the cues the verb lists miss ("sought", "railed against").
type CueModel struct {
	// w holds the weights keyed by the FNV-1a hash of each feature's
	// name, so that scoring a token builds no strings (see cueScore).
	w *perceptron.Table[float32]
	// Threshold is the score above which a word missing from the verb
	// lists is a cue; Veto the score below which a listed verb is not.
	Threshold, Veto float32
	// the weights per word type (see cueMemo)
	cueMemos
}

var (
	modelOnce sync.Once
	model     *CueModel
)

// defaultModel returns the embedded cue model, or nil when it cannot be
// read.
func defaultModel() *CueModel {
	modelOnce.Do(func() {
		m, err := ReadCueModel(bytes.NewReader(cueModelData))
		if err == nil {
			model = m
		}
	})
	return model
}

// ReadCueModel reads a cue model written by TrainCueModel.
func ReadCueModel(r io.Reader) (*CueModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("quote: cue model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(cueMagic)+16)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(cueMagic)]) != cueMagic {
		return nil, fmt.Errorf("quote: cue model: not a cue model file")
	}
	m := &CueModel{
		Threshold: float32(math.Float64frombits(binary.LittleEndian.Uint64(head[len(cueMagic):]))),
		Veto:      float32(math.Float64frombits(binary.LittleEndian.Uint64(head[len(cueMagic)+8:]))),
	}
	ws, h, err := perceptron.Read(br)
	if err != nil {
		return nil, fmt.Errorf("quote: cue model: %w", err)
	}
	if h.Classes != 1 {
		return nil, fmt.Errorf("quote: cue model: %d weights per feature, want 1", h.Classes)
	}
	m.w = perceptron.NewTable[float32](ws.Len())
	for i := range ws.Len() {
		m.w.Put(ws.Key(i), ws.Row(i)[0])
	}
	return m, nil
}

// ConvertCueModel reads a cue model in the text form the package used
// before its weights were hashed and quantised (gzipped lines of
// "feature<TAB>weight", with "threshold" and "veto" among them) and
// writes the same model as TrainCueModel does, its weights quantised to
// bits (see TrainOptions.Bits).
func ConvertCueModel(r io.Reader, w io.Writer, bits int) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("quote: cue model: %w", err)
	}
	defer zr.Close()
	threshold, veto := 0.0, -math.MaxFloat32
	ws := perceptron.NewWeights(1)
	names := map[uint64]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return fmt.Errorf("quote: cue model: bad line %q", sc.Text())
		}
		x, err := strconv.ParseFloat(v, 32)
		if err != nil {
			return fmt.Errorf("quote: cue model: %w", err)
		}
		switch f {
		case "threshold":
			threshold = x
		case "veto":
			veto = x
		default:
			h := featHash(f)
			if g, ok := names[h]; ok && g != f {
				return fmt.Errorf("quote: cue model: features %q and %q have the same hash", g, f)
			}
			names[h] = f
			ws.Set(h, []float32{float32(x)})
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("quote: cue model: %w", err)
	}
	return writeCueModel(w, ws, threshold, veto, bits)
}

// writeCueModel writes a cue model file: the weights (one per feature)
// quantised to bits, with the threshold and veto.
func writeCueModel(w io.Writer, ws *perceptron.Weights, threshold, veto float64, bits int) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(cueMagic)
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(threshold))
	binary.LittleEndian.PutUint64(b[8:], math.Float64bits(veto))
	bw.Write(b[:])
	if err := ws.Write(bw, bits); err != nil {
		return fmt.Errorf("quote: cue model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("quote: cue model: %w", err)
	}
	return zw.Close()
}

// score returns the model's score for token i of a paragraph, computed
// once per token.
func (m *CueModel) score(p *para, i int) float32 {
	if !p.scoresSet {
		if p.scores == nil {
			p.scores = make([]float32, len(p.ts))
		}
		p.scoresSet = true
		for k := range p.scores {
			p.scores[k] = float32(math.NaN())
		}
	}
	if s := p.scores[i]; s == s {
		return s
	}
	s := m.cueScore(p, i)
	p.scores[i] = s
	return s
}

// fnv is a running FNV-1a hash of a feature's name (package fnv1a).
type fnv = fnv1a.Hash

const fnvOffset = fnv1a.Offset

// featHash is the key of a feature's name in CueModel.w.
func featHash(f string) uint64 { return fnv1a.Of(f) }

// The hashes of the feature templates' prefixes, each of which
// cueFeatures writes before the feature's parts.
var (
	hB, hW, hS3, hS2, hShape  = fnvOffset.Str("b"), fnvOffset.Str("w="), fnvOffset.Str("s3="), fnvOffset.Str("s2="), fnvOffset.Str("shape=")
	hP1, hN1, hP2, hN2        = fnvOffset.Str("p1="), fnvOffset.Str("n1="), fnvOffset.Str("p2="), fnvOffset.Str("n2=")
	hWN1, hP1W, hS3N1, hP1cS3 = fnvOffset.Str("w+n1="), fnvOffset.Str("p1+w="), fnvOffset.Str("s3+n1="), fnvOffset.Str("p1c+s3=")
	hStem, hStemN1c, hP1cN1c  = fnvOffset.Str("stem="), fnvOffset.Str("stem+n1c="), fnvOffset.Str("p1c+n1c=")
	hP1cap, hLex, hInq        = fnvOffset.Str("p1cap"), fnvOffset.Str("lex="), fnvOffset.Str("inq")
	hPos, hRest, hSj, hSjSt   = fnvOffset.Str("pos="), fnvOffset.Str("rest="), fnvOffset.Str("sj="), fnvOffset.Str("sj+st=")
	hThat                     = fnvOffset.Str("that+")
)

// cueScore returns the model's score for token i: the sum of the weights
// of the features cueFeatures names, found by their hashes, which are
// computed from the features' parts without building their names.
func (m *CueModel) cueScore(p *para, i int) float32 {
	ts := p.ts
	at := p.contextWord
	if p.memo == nil {
		p.memo = newCueMemo()
	}
	c := m.consts()
	// word returns the memo entry of token k, or nil for a sentence
	// boundary or a quotation mark, whose weights are in c at the index
	// k's class has.
	word := func(k int) (*cueWord, int) {
		if k < 0 || k >= len(ts) || ts[k].kind == 'q' {
			return nil, classIndex(ts, k)
		}
		e := ts[k].cw
		if e == nil {
			e = p.memo.entry(ts[k].low)
			ts[k].cw = e
		}
		if !e.filled {
			e.fill(m)
		}
		return e, 0
	}
	var sum float32
	add := func(h fnv) { sum += m.w.Get(uint64(h)) }
	w := ts[i].low
	// the token scored is read as it is written, quotation mark or not
	e, _ := word(i)
	if e == nil {
		e = p.memo.word(m, w)
	}
	shape := 0
	if ts[i].upper {
		shape = 1
	}
	p1, n1 := at(i-1), at(i+1)
	cp1, cn1 := classIndex(ts, i-1), classIndex(ts, i+1)
	sum += c.b
	sum += e.w
	sum += e.s3
	sum += e.s2
	sum += c.shape[shape]
	x1, k1 := word(i - 1)
	if x1 != nil {
		sum += x1.p1
	} else {
		sum += c.p1[k1]
	}
	xn1, kn1 := word(i + 1)
	if xn1 != nil {
		sum += xn1.n1
	} else {
		sum += c.n1[kn1]
	}
	if x, k := word(i - 2); x != nil {
		sum += x.p2
	} else {
		sum += c.p2[k]
	}
	if x, k := word(i + 2); x != nil {
		sum += x.n2
	} else {
		sum += c.n2[k]
	}
	// the hashes as far as the first word come from the memo (see
	// cueWord.wn1); the pairs of two words, from the word's pair caches
	if xn1 != nil {
		sum += e.pairs[0].weight(m, xn1, e.wn1, n1)
	} else {
		add(e.wn1.Str(n1))
	}
	if x1 != nil {
		sum += e.pairs[1].weight(m, x1, x1.p1w, w)
	} else {
		add(hP1W.Str(p1).Byte('|').Str(w))
	}
	sum += e.s3N1(m, cn1)
	sum += e.p1cS3(m, cp1)
	sum += e.stem
	sum += e.stemN1(m, cn1)
	sum += c.p1cN1c[cp1][cn1]
	if i > 0 && capWord(&ts[i-1]) {
		sum += c.p1cap
	}
	if ts[i].has(lxCue) {
		sum += c.lex[ts[i].cue]
	}
	if p.inQuote(i) {
		sum += c.inq
	}
	sn := p.sents[p.sentOf(i)]
	sum += c.pos[bucketIndex(i-sn[0])]
	sum += c.rest[bucketIndex(sn[1]-1-i)]
	j := i - 1
	for j >= sn[0] && ts[j].kind == 'w' && ts[j].has(lxSkippable) {
		j--
	}
	k := 1 // "<s>"
	if j >= sn[0] {
		k = subjClassIndex(&ts[j])
	}
	if k >= 0 {
		sum += c.sj[k]
		sum += e.sjStem(m, k)
	} else {
		sj := ts[j].text // punctuation, its own class
		add(hSj.Str(sj))
		add(hSjSt.Str(sj).Byte('|').Str(e.st))
	}
	for k := i + 1; k < len(ts) && k <= i+4; k++ {
		if ts[k].low == "that" {
			sum += c.that[k-i]
			break
		}
	}
	return sum
}

// suffixNoAlloc is suffix without converting w to runes: its last n
// runes, or w when it has no more. Invalid UTF-8 goes through suffix,
// whose conversion turns each bad byte into U+FFFD.
func suffixNoAlloc(w string, n int) string {
	if !utf8.ValidString(w) {
		return suffix(w, n)
	}
	e := len(w)
	for k := 0; k < n; k++ {
		if e == 0 {
			return w
		}
		_, size := utf8.DecodeLastRuneInString(w[:e])
		e -= size
	}
	return w[e:]
}

// contextWord is token k of the paragraph as the cue model's context
// features read it: its lower-cased form, "<q>" for a quotation mark, and
// "<s>" or "</s>" before or after the paragraph.
func (p *para) contextWord(k int) string {
	switch {
	case k < 0:
		return "<s>"
	case k >= len(p.ts):
		return "</s>"
	case p.ts[k].kind == 'q':
		return "<q>"
	}
	return p.ts[k].low
}

// cueFeatures returns the features of token i of a paragraph.
func cueFeatures(p *para, i int, buf []string) []string {
	ts := p.ts
	at := p.contextWord
	w := ts[i].low
	shape := "lower"
	if ts[i].upper {
		shape = "cap"
	}
	buf = append(buf[:0],
		"b",
		"w="+w,
		"s3="+suffix(w, 3),
		"s2="+suffix(w, 2),
		"shape="+shape,
		"p1="+at(i-1),
		"n1="+at(i+1),
		"p2="+at(i-2),
		"n2="+at(i+2),
		"w+n1="+w+"|"+at(i+1),
		"p1+w="+at(i-1)+"|"+w,
		"s3+n1="+suffix(w, 3)+"|"+class(at(i+1)),
		"p1c+s3="+class(at(i-1))+"|"+suffix(w, 3),
	)
	buf = append(buf, "stem="+stem(w), "stem+n1c="+stem(w)+"|"+class(at(i+1)), "p1c+n1c="+class(at(i-1))+"|"+class(at(i+1)))
	if i > 0 && capWord(&ts[i-1]) {
		buf = append(buf, "p1cap")
	}
	if k, ok := cues()[w]; ok {
		buf = append(buf, "lex="+string(rune(k)))
	}
	if p.inQuote(i) {
		buf = append(buf, "inq")
	}
	// Where the word stands in its sentence: a cue seldom opens one,
	// and the reporting clause often closes it ("…, he said.").
	sn := p.sents[p.sentOf(i)]
	buf = append(buf, "pos="+bucket(i-sn[0]), "rest="+bucket(sn[1]-1-i))
	// The class of the word before it, past auxiliaries ("Trump has
	// claimed"): a name, pronoun or role noun there is likely its subject.
	j := i - 1
	for j >= sn[0] && ts[j].kind == 'w' && ts[j].has(lxSkippable) {
		j--
	}
	sj := "<s>"
	if j >= sn[0] {
		sj = subjClass(ts[j])
	}
	buf = append(buf, "sj="+sj, "sj+st="+sj+"|"+stem(w))
	for k := i + 1; k < len(ts) && k <= i+4; k++ {
		if ts[k].low == "that" {
			buf = append(buf, "that+"+strconv.Itoa(k-i))
			break
		}
	}
	return buf
}

// subjClass is a coarse class of the word before a candidate cue.
func subjClass(t tok) string {
	switch {
	case t.kind == 'q':
		return "<q>"
	case t.kind == 'p':
		return t.text
	case t.has(lxPronounTrue) || t.low == "they" || t.low == "we" || t.low == "i" || t.low == "who" || contracted(t.low):
		return "pron"
	case t.has(lxRoleNoun):
		return "role"
	case capWord(&t):
		return "cap"
	case t.has(lxDeterminer):
		return "det"
	}
	return "word"
}

// subjClassIndex is subjIndex(subjClass(*t)), without the string.
func subjClassIndex(t *tok) int {
	switch {
	case t.kind == 'q':
		return 0
	case t.kind == 'p':
		return subjIndex(t.text)
	case t.has(lxPronounTrue) || t.low == "they" || t.low == "we" || t.low == "i" || t.low == "who" || contracted(t.low):
		return 2
	case t.has(lxRoleNoun):
		return 3
	case capWord(t):
		return 4
	case t.has(lxDeterminer):
		return 5
	}
	return 6
}

// bucket buckets a count of words.
func bucket(n int) string {
	switch {
	case n < 3:
		return strconv.Itoa(n)
	case n < 6:
		return "3-5"
	case n < 12:
		return "6-11"
	}
	return "12+"
}

// class is a coarse class of a neighbouring word.
func class(w string) string {
	switch {
	case w == "<q>" || w == "<s>" || w == "</s>":
		return w
	case determiners.set().has(w):
		return "det"
	case pronounsOrCue(w) && pronouns.set().has(w):
		return "pron"
	case boundary.set().has(w):
		return "fn"
	case len(w) > 0 && !isWordRune(firstRune(w)):
		return "punct"
	}
	return "word"
}

func suffix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[len(r)-n:])
}

// CueDoc is a text with the spans of its reporting cues, to train the
// cue model on.
type CueDoc struct {
	Text       string
	Paragraphs []news.Span
	Cues       []news.Span
}

// TrainOptions are the settings of TrainCueModel.
type TrainOptions struct {
	// Epochs is the number of passes of each perceptron over its examples.
	Epochs int
	// Threshold and Veto are written into the model (see CueModel).
	Threshold, Veto float64
	// MinWeight drops averaged weights smaller than it.
	MinWeight float64
	// Bags is the number of perceptrons averaged, each trained on its
	// own order of the examples (up to 11 distinct orders); 0 means 1.
	Bags int
	// Bits is the precision of the weights in the file: 8 or 16
	// (quantised with one scale) or 32 (float32); 0 means CueBits.
	Bits int
}

// example is one training example of a perceptron: the hashes of its
// features' names and its side.
type example struct {
	feats []uint64
	y     float32
}

// TrainCueModel trains the cue classifier, an averaged perceptron over
// words, on docs and writes it in the form the package embeds.
func TrainCueModel(docs []CueDoc, o TrainOptions, w io.Writer) error {
	exs, err := tokenExamples(docs)
	if err != nil {
		return err
	}
	// Several perceptrons, each reading the examples in its own order,
	// averaged: one alone moves by tenths of a point with the order.
	bags := max(o.Bags, 1)
	ws := make([]*perceptron.Weights, bags)
	var wg sync.WaitGroup
	for b := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws[b] = trainBag(exs, o.Epochs, b)
		}()
	}
	wg.Wait()
	bits := o.Bits
	if bits == 0 {
		bits = CueBits
	}
	return writeCueModel(w, perceptron.Mean(ws...).Prune(o.MinWeight), o.Threshold, o.Veto, bits)
}

// tokenExamples returns a training example for every word of docs: +1
// when it heads a cue, else -1. Two feature names with one hash are an
// error: the model could not tell them apart.
func tokenExamples(docs []CueDoc) ([]example, error) {
	var exs []example
	names := map[uint64]string{}
	var buf []string
	for _, d := range docs {
		doc := &news.Doc{Article: news.Article{Text: d.Text, Paragraphs: d.Paragraphs}}
		for _, sp := range paragraphs(doc) {
			p := newPara(d.Text, sp, nil)
			for i, t := range p.ts {
				if t.kind != 'w' {
					continue
				}
				y := float32(-1)
				for _, c := range d.Cues {
					if t.Start >= c.Start && t.Start < c.End && firstWordAt(p, i, c) {
						y = 1
						break
					}
				}
				buf = cueFeatures(p, i, buf)
				x := example{feats: make([]uint64, len(buf)), y: y}
				for k, f := range buf {
					h := featHash(f)
					if g, ok := names[h]; !ok {
						names[h] = f
					} else if g != f {
						return nil, fmt.Errorf("quote: cue model: features %q and %q have the same hash", g, f)
					}
					x.feats[k] = h
				}
				exs = append(exs, x)
			}
		}
	}
	return exs, nil
}

// strides are the primes by which trainBag steps through the examples,
// one order per seed.
var strides = []int{7919, 6007, 4999, 3001, 2003, 1009, 503, 251, 127, 61, 31}

// stride returns the step of seed's order through n examples: a prime
// of strides that does not divide n, so that every example is visited.
func stride(seed, n int) int {
	for k := range strides {
		if s := strides[(seed+k)%len(strides)]; n%s != 0 {
			return s
		}
	}
	return 1
}

// trainBag trains an averaged perceptron and returns its averaged
// weights.
func trainBag(exs []example, epochs, seed int) *perceptron.Weights {
	st := stride(seed, len(exs))
	t := perceptron.NewTrainer(1)
	var sc [1]float32
	for e := 0; e < epochs && len(exs) > 0; e++ {
		// A fixed, deterministic order that differs by epoch.
		for k := range exs {
			x := exs[(k*st+e*104729)%len(exs)]
			t.Tick()
			sc[0] = 0
			t.Add(x.feats, sc[:])
			if sc[0]*x.y > 0 {
				continue
			}
			for _, f := range x.feats {
				t.Update(f, 0, x.y)
			}
		}
	}
	return t.Averaged(0)
}

// firstWordAt reports whether token i is the head of cue c: its first
// word that is not an auxiliary or adverb ("has also said" → "said").
func firstWordAt(p *para, i int, c news.Span) bool {
	if p.ts[i].has(lxSkippable) || adverb(&p.ts[i]) {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if p.ts[k].End <= c.Start {
			return true
		}
		if p.ts[k].kind == 'w' && !p.ts[k].has(lxSkippable) && !adverb(&p.ts[k]) {
			return false
		}
	}
	return true
}

// stem takes a verb ending off a word: railed, rails, railing → rail.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
