// Package ner is storyline's statistical named-entity tagger: an averaged
// perceptron over BILOU labels with word, shape, affix, context,
// capitalisation, gazetteer and document-level features, decoded with
// Viterbi, its training, and its compact model file.
//
// Training decodes by hashing every feature of every token (viterbi).
// Tagging decodes from a compiled table of whole weight rows and a memo of
// what each word type decides alone (decode, fast.go): the same weights
// added in the same order, so the same scores to the bit, with no heap
// allocation per token. A model read from its file, whose weights are
// 8-bit integers times one scale, is tagged by decodeQ (quant.go): it adds
// the integers, exactly and so in any order, from rows summed in advance
// per word type and per document state, and hands decode the rare
// sentence where float32 rounding could have changed a choice on the
// best path, so that its labels are decode's.
//
// The perceptron itself (training updates, averaging, the hashed weight
// table, the quantised weights in the model file) is package
// internal/perceptron, which the quote cue model shares. The shipped
// model, entity/model.bin.gz, is written by
//
//	go run ./entity/train --out entity/model.bin.gz
//
// with its weights quantised to Bits bits.
package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/storyline-news/storyline/internal/perceptron"
)

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	// w are the weights as training leaves them: a row of NumLabels
	// weights per feature hash. A loaded model has only c.
	w   *perceptron.Weights
	lex map[string]uint8
	gaz gazetteer
	// titles are words mined from the training data that are written
	// capitalised right before people's names (President, Gen., Mr).
	titles []string
	// c is the weight table the tagger reads (see compiled).
	c *compiled
	// free holds the working spaces of finished TagDoc calls, with
	// their word memos.
	free perceptron.FreeList[*lattice]
}

// compile builds m.c from m.w.
func (m *Model) compile() {
	var b builder
	for i := range m.w.Len() {
		b.add(m.w.Key(i), m.w.Row(i))
	}
	m.c = b.compile()
}

// weights returns the weights as training leaves them, rebuilding them
// from the compiled table for a loaded model.
func (m *Model) weights() *perceptron.Weights {
	if m.w != nil || m.c == nil {
		return m.w
	}
	c := m.c
	keys := make([]uint64, 0, c.t.Len())
	for k := range c.t.All() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := perceptron.NewWeights(NumLabels)
	for _, k := range keys {
		sp := c.t.Get(k)
		var row [NumLabels]float32
		if sp.n == denseSpan {
			row = *c.row(sp)
		} else {
			for _, e := range c.wts[sp.off : sp.off+sp.n] {
				row[e.l] = e.w
			}
		}
		w.Set(k, row[:])
	}
	return w
}

// Titles returns the title words mined from the training data, lowercased.
func (m *Model) Titles() []string { return m.titles }

// gazetteer maps the hash of a lowercased token sequence to the types it
// names (low four bits) and whether a longer entry continues it (0x10).
type gazetteer map[uint64]uint8

const gazMore = 0x10

func gazKey(h uint64, lowH uint64) uint64 { return hnum(h, lowH) }

func (g gazetteer) add(lows []string, typ int) {
	h := uint64(fnvOffset)
	for i, l := range lows {
		h = gazKey(h, hstr(fnvOffset, l))
		v := g[h]
		if i < len(lows)-1 {
			v |= gazMore
		} else {
			v |= 1 << typ
		}
		g[h] = v
	}
}

// mark sets the gazetteer fields of the tokens, by longest match from the
// left.
func (g gazetteer) mark(toks []tok) {
	for i := 0; i < len(toks); {
		h := uint64(fnvOffset)
		best, mask := -1, uint8(0)
		for j := i; j < len(toks) && j-i < 8; j++ {
			h = gazKey(h, toks[j].lowH)
			var v uint8
			var ok bool
			if wi := toks[j].wi; j == i && wi != nil {
				v, ok = wi.gaz, wi.gazOK // the word's own entry, memoised
			} else {
				v, ok = g[h]
			}
			if !ok {
				break
			}
			if v&0x0f != 0 {
				best, mask = j, v&0x0f
			}
			if v&gazMore == 0 {
				break
			}
		}
		if best < 0 {
			i++
			continue
		}
		for j := i; j <= best; j++ {
			toks[j].gazMask = mask
			switch {
			case best == i:
				toks[j].gazPos = posU + 1
			case j == i:
				toks[j].gazPos = posB + 1
			case j == best:
				toks[j].gazPos = posL + 1
			default:
				toks[j].gazPos = posI + 1
			}
		}
		i = best + 1
	}
}

// weights is what Viterbi decoding needs of a weight table.
type weights interface {
	// add adds the weights of the features to sc.
	add(feats []uint64, sc *[NumLabels]float32)
}

func (m *Model) add(feats []uint64, sc *[NumLabels]float32) {
	for _, f := range feats {
		m.c.addSpan(m.c.find(f), sc)
	}
}

var negInf = float32(math.Inf(-1))

// viterbi returns the best label sequence of a sentence under the BILOU
// constraints: a first-order model whose label-dependent features are
// the previous label alone and with the word and its shape. It hashes
// every feature of every token and is what training decodes with; a
// compiled model's TagDoc decodes with decode, which gives the same
// labels from the same sums in the same order, faster.
func viterbi(w weights, m *Model, si *sentInfo, d *docState, lt *lattice) []uint8 {
	n := len(si.toks)
	if n == 0 {
		return nil
	}
	lt.grow(n)
	em, dyn := &lt.em, &lt.dyn
	for i := 0; i < n; i++ {
		*em = [NumLabels]float32{}
		lt.buf = m.features(lt.buf[:0], si, i, d)
		w.add(lt.buf, em)
		row := &lt.delta[i]
		for c := range row {
			row[c] = negInf
		}
		prevs := NumLabels
		if i == 0 {
			prevs = 1
		}
		for pi := 0; pi < prevs; pi++ {
			p := uint8(pi)
			base := float32(0)
			if i == 0 {
				p = NumLabels
			} else {
				base = lt.delta[i-1][p]
				if base == negInf {
					continue
				}
			}
			if m, ok := w.(*Model); ok && m.c != nil {
				*dyn = m.c.trans[p]
				lt.dbuf = dynamicWord(lt.dbuf[:0], si, i, p)
			} else {
				*dyn = [NumLabels]float32{}
				lt.dbuf = dynamic(lt.dbuf[:0], si, i, p)
			}
			w.add(lt.dbuf, dyn)
			for c := 0; c < NumLabels; c++ {
				if !allowed[p][c] {
					continue
				}
				if s := base + em[c] + dyn[c]; s > row[c] {
					row[c] = s
					lt.back[i][c] = p
				}
			}
		}
	}
	return lt.best(n)
}

// best follows the back pointers from the best end state of n tokens,
// into lt.out.
func (lt *lattice) best(n int) []uint8 {
	// end: no chunk left open
	bc, bs := uint8(0), negInf
	for c := 0; c < NumLabels; c++ {
		if c != 0 && (labelPos(uint8(c)) == posB || labelPos(uint8(c)) == posI) {
			continue
		}
		if lt.delta[n-1][c] > bs {
			bc, bs = uint8(c), lt.delta[n-1][c]
		}
	}
	out := lt.out[:n]
	out[n-1] = bc
	for i := n - 1; i > 0; i-- {
		out[i-1] = lt.back[i][out[i]]
	}
	return out
}

// TagDoc finds the entity chunks of every sentence of a document, given
// as its sentences' words.
func (m *Model) TagDoc(sents [][]string) [][]Chunk {
	if m.c == nil {
		// not from Load or Train: no weights, no chunks
		return make([][]Chunk, len(sents))
	}
	lt := m.lattice()
	defer m.release(lt)
	infos := m.prepareDoc(sents, lt)
	d := lt.doc
	ends := lt.ends[:0]
	var all []Chunk
	for k := range infos {
		ls, ok := []uint8(nil), false
		if m.c.qt != nil {
			ls, ok = m.decodeQ(&infos[k], d, lt)
		}
		if !ok {
			ls = m.decode(&infos[k], d, lt)
		}
		d.remember(&infos[k], ls)
		all = appendChunks(all, ls)
		ends = append(ends, len(all))
	}
	lt.ends = ends
	out := make([][]Chunk, len(sents))
	prev := 0
	for k, e := range ends {
		if e > prev {
			out[k] = all[prev:e:e]
		}
		prev = e
	}
	return out
}

// model file layout (inside gzip): magic, lexicon, titles, gazetteer,
// then the weights as a block of package perceptron.
const magic = "storyline-ner-3\n"

// ErrBadModel is returned by Load for data that is not a model file.
var ErrBadModel = errors.New("ner: not a model file")

// Bits is the precision the shipped model's weights are written in:
// 8-bit integers with one scale for the model, which held CoNLL-2003
// valid F1 (see entity/train).
const Bits = 8

// Save writes the model, its weights quantised to bits (8, 16 or 32; see
// perceptron.Weights.Write), gzip-compressed.
func (m *Model) Save(w io.Writer, bits int) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) {
		uv(uint64(len(s)))
		bw.WriteString(s)
	}
	bw.WriteString(magic)
	// lexicon
	words := slices.Sorted(maps.Keys(m.lex))
	uv(uint64(len(words)))
	for _, k := range words {
		str(k)
		bw.WriteByte(m.lex[k])
	}
	// titles
	uv(uint64(len(m.titles)))
	for _, t := range m.titles {
		str(t)
	}
	// gazetteer
	keys := slices.Sorted(maps.Keys(m.gaz))
	uv(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		uv(k - prev)
		prev = k
		bw.WriteByte(m.gaz[k])
	}
	// weights
	ws := m.weights()
	if ws == nil {
		ws = perceptron.NewWeights(NumLabels)
	}
	if err := ws.Write(bw, bits); err != nil {
		return fmt.Errorf("ner: writing model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: writing model: %w", err)
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrBadModel
	}
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	bt := func() byte {
		b, err := br.ReadByte()
		if err != nil && rerr == nil {
			rerr = err
		}
		return b
	}
	// str reads a string written with its length first.
	str := func() (string, error) {
		l := uv()
		if l > 1<<10 {
			return "", ErrBadModel
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", fmt.Errorf("%w: %w", ErrBadModel, err)
		}
		return string(b), nil
	}
	m := &Model{lex: map[string]uint8{}, gaz: gazetteer{}}
	n := uv()
	for i := uint64(0); i < n && rerr == nil; i++ {
		w, err := str()
		if err != nil {
			return nil, err
		}
		m.lex[w] = bt()
	}
	n = uv()
	for i := uint64(0); i < n && rerr == nil; i++ {
		t, err := str()
		if err != nil {
			return nil, err
		}
		m.titles = append(m.titles, t)
	}
	n = uv()
	var prev uint64
	for i := uint64(0); i < n && rerr == nil; i++ {
		prev += uv()
		m.gaz[prev] = bt()
	}
	if rerr != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, rerr)
	}
	var b builder
	h, err := perceptron.ReadRows(br, func(h perceptron.Header) func(uint64, []float32) {
		// most rows have a few weights: room for three each, for as
		// many rows as the header claims up to a bound (their keys were
		// there to be read, their weights may not be)
		n := min(h.Rows, 1<<18)
		b = builder{keys: make([]uint64, 0, n), spans: make([]span, 0, n), wts: make([]entry, 0, 3*n)}
		return func(key uint64, row []float32) {
			if len(row) == NumLabels {
				b.add(key, row)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if h.Classes != NumLabels {
		return nil, fmt.Errorf("%w: weights of %d labels, want %d", ErrBadModel, h.Classes, NumLabels)
	}
	m.c = b.compile()
	if h.Bits == 8 {
		m.c.quantise(h.Scale)
	}
	return m, nil
}

// Common reports whether the training data writes w in lower case most
// of the time (a common word, not a name, when capitalised at a sentence
// start).
func (m *Model) Common(w string) bool {
	b, ok := m.lex[norm(w)]
	return ok && b >= 3
}

// Known returns the types (bit 1<<k for Types[k]) under which the
// gazetteer holds the name written as words, or 0 when it is unknown.
func (m *Model) Known(words []string) uint8 {
	if len(words) == 0 {
		return 0
	}
	h := uint64(fnvOffset)
	for _, w := range words {
		h = gazKey(h, hstr(fnvOffset, norm(w)))
	}
	return m.gaz[h] & 0x0f
}
