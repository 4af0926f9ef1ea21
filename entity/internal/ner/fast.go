package ner

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/perceptron"
)

// The tagger's fast path. Decoding adds up, for every token, the weights
// of about thirty features and of two previous-label features per
// previous label. The sums are float32 and so depend on their order;
// decode adds exactly the weights viterbi adds, in the same order, so
// that both give the same labels from bit-identical scores
// (TestDecodeMatchesViterbi). What it saves is the finding: a weight row
// is looked up once per word type, shape or small feature value rather
// than hashed and probed per token, features without weights are
// skipped, and a row's zero weights are added with the others (adding a
// zero changes no sum but the sign of a zero one, which no comparison
// sees). The document's state of each low form (capitalised elsewhere,
// lower case elsewhere, the labels it was given) is kept beside the word
// memo (lowState), so that decoding reads no Go map.

// entry is one non-zero weight of a feature: its label and value.
type entry struct {
	w float32
	l uint8
}

// span is a feature's non-zero weights, wts[off:off+n] of compiled; the
// zero span is a feature without weights. A row of denseMin or more
// weights (today every row) is kept whole instead, all its labels: n is
// denseSpan and the row is dense[off*NumLabels:], which addSpan adds
// faster than sparse entries.
type span struct{ off, n uint32 }

// denseSpan is the n of a span whose row is kept whole.
const denseSpan = 1 << 31

// row returns the weights of a span kept whole, from dense or, for a
// model kept as integers, from the integers and the table of their
// values.
func (c *compiled) row(sp span) *[NumLabels]float32 {
	if c.dense == nil {
		var r [NumLabels]float32
		for l, x := range c.qrow(sp) {
			r[l] = c.qt.val[uint8(x)]
		}
		return &r
	}
	return (*[NumLabels]float32)(c.dense[sp.off*NumLabels:])
}

// denseMin is the fewest non-zero weights of a row that compile keeps
// whole: every row. The model has about 80,000 rows, most of two or
// three weights; kept whole they take 5.5 MB (1.4 MB as the 8-bit
// integers that replace them in a model read from its file, see
// quant.go), and adding a whole row, seventeen additions in a row with
// no branch, costs less than a loop over a few entries whose count the
// branch predictor cannot guess (about a tenth of the entity stage's CPU
// time on BASIL articles).
const denseMin = 1

// compiled is a model's weights laid out for decoding: a table from
// feature hashes to sparse rows, the previous-label rows summed once,
// and the spans of the features whose values come from small sets
// looked up in advance.
type compiled struct {
	// t maps feature hashes to their rows; its filter tells most absent
	// features (most token pairs have none) from the cache.
	t *perceptron.Table[span]
	// dense holds the rows of denseMin or more weights whole (see span).
	dense []float32
	wts   []entry

	// trans[p] holds the weights of the previous-label feature of p
	// (NumLabels: the start).
	trans [NumLabels + 1][NumLabels]float32
	// pairs are the allowed label bigrams after the start, in the order
	// viterbi tries them: by previous label, then label.
	pairs []pair
	// next[p] lists the labels allowed after p, as pairs orders them.
	next [NumLabels][]uint8
	// into[l] lists the previous labels allowed before l, in order,
	// each with the index of its pair in pairs.
	into [NumLabels][]from
	// closed are the previous labels of O, which close any chunk: O, L
	// and U of each type, in order. wide are the labels allowed after
	// exactly these (O, B and U of each type), and wideK[l] the index
	// in pairs of each pair closed[j], l; narrow are the other labels
	// (I and L, allowed after B and I of their type).
	closed       [nClosed]uint8
	wide, narrow []uint8
	wideK        [NumLabels][nClosed]uint16

	bias                               span
	wm1Edge, wp1Edge, wm2Edge, wp2Edge span // a neighbour outside the sentence
	shm1Edge, shp1Edge                 span
	flagsSt                            [256][4]span // flags, sentence-start state
	start                              [4][4]span   // state, capitalisation
	gaz                                [NumTypes][5][4]span
	gazAll, gazm1, gazp1               [16]span
	lex, lexStart                      [256][4]span
	capElse, lowElse                   [2][4][4]span
	mem                                [256]span
	memSh                              [256][4]span

	// qt is the integer form of the weights that decodeQ reads, or nil
	// (see quant.go).
	qt *quant
}

// nClosed is the number of labels that close a chunk: O, and L and U
// of each type.
const nClosed = 1 + 2*NumTypes

// pair is an allowed label bigram.
type pair struct{ p, l uint8 }

// from is a previous label allowed before a label, and the index of the
// pair of the two in compiled.pairs.
type from struct {
	p uint8
	k uint16
}

// transitions holds the previous-label scores of a word: trans plus
// the previous label with the word, plus the previous label with the
// shape, summed in that order as viterbi sums them. start is the row
// after the sentence start, pairs follows compiled.pairs.
type transitions struct {
	start [NumLabels]float32
	pairs []float32
	// the same as exact integer sums, when the model has them
	startQ [NumLabels]int32
	q      transQ
}

// builder collects rows for compile in the order they come.
type builder struct {
	keys  []uint64
	spans []span
	wts   []entry
}

// add appends the row of feature k, keeping its non-zero weights.
func (b *builder) add(k uint64, row []float32) {
	sp := span{off: uint32(len(b.wts))}
	for l, x := range row {
		if x != 0 {
			b.wts = append(b.wts, entry{w: x, l: uint8(l)})
		}
	}
	sp.n = uint32(len(b.wts)) - sp.off
	b.keys = append(b.keys, k)
	b.spans = append(b.spans, sp)
}

// compile builds the table; a key added twice keeps its last row.
func (b *builder) compile() *compiled {
	c := &compiled{t: perceptron.NewTable[span](len(b.keys))}
	spans := slices.Clone(b.spans)
	whole := 0
	for _, sp := range spans {
		if sp.n >= denseMin {
			whole++
		}
	}
	c.dense = make([]float32, 0, whole*NumLabels)
	for i, sp := range spans {
		if sp.n < denseMin {
			if sp.n > 0 {
				// kept sparse: its entries move to c.wts
				spans[i].off = uint32(len(c.wts))
				c.wts = append(c.wts, b.wts[sp.off:sp.off+sp.n]...)
			}
			continue
		}
		var row [NumLabels]float32
		for _, e := range b.wts[sp.off : sp.off+sp.n] {
			row[e.l] = e.w
		}
		spans[i] = span{off: uint32(len(c.dense) / NumLabels), n: denseSpan}
		c.dense = append(c.dense, row[:]...)
	}
	for i, k := range b.keys {
		c.t.Put(k, spans[i])
	}
	for p := 0; p <= NumLabels; p++ {
		c.addSpan(c.find(transFeature(uint8(p))), &c.trans[p])
	}
	for p := 0; p < NumLabels; p++ {
		for l := 0; l < NumLabels; l++ {
			if allowed[p][l] {
				c.pairs = append(c.pairs, pair{uint8(p), uint8(l)})
				c.next[p] = append(c.next[p], uint8(l))
			}
		}
	}
	for k, pr := range c.pairs {
		c.into[pr.l] = append(c.into[pr.l], from{pr.p, uint16(k)})
	}
	for j, f := range c.into[0] {
		c.closed[j] = f.p
	}
	for l := range NumLabels {
		into := c.into[l]
		wide := len(into) == nClosed
		for j := 0; wide && j < nClosed; j++ {
			wide = into[j].p == c.closed[j]
		}
		if !wide {
			c.narrow = append(c.narrow, uint8(l))
			continue
		}
		c.wide = append(c.wide, uint8(l))
		for j, f := range into {
			c.wideK[l][j] = f.k
		}
	}
	c.bias = c.find(tmpl(tBias))
	c.wm1Edge = c.find(hnum(tmpl(tWm1), 1))
	c.wp1Edge = c.find(hnum(tmpl(tWp1), 2))
	c.wm2Edge = c.find(hnum(tmpl(tWm2), 1))
	c.wp2Edge = c.find(hnum(tmpl(tWp2), 2))
	c.shm1Edge = c.find(hnum(tmpl(tShm1), 1))
	c.shp1Edge = c.find(hnum(tmpl(tShp1), 2))
	for st := uint64(0); st < 4; st++ {
		for f := uint64(0); f < 256; f++ {
			c.flagsSt[f][st] = c.find(hnum(hnum(tmpl(tFlags), f), st))
			c.lex[f][st] = c.find(hnum(hnum(tmpl(tLex), f), st)) // here st is the capitalisation
			c.lexStart[f][st] = c.find(hnum(hnum(tmpl(tLexStart), f), st))
			c.memSh[f][st] = c.find(hnum(hnum(tmpl(tMemSh), f), st))
		}
		for f := uint64(0); f < 4; f++ {
			c.start[st][f] = c.find(hnum(hnum(tmpl(tStart), st), f))
			for e := uint64(0); e < 2; e++ {
				c.capElse[e][st][f] = c.find(hnum(hnum(hnum(tmpl(tCapElse), e), st), f))
				c.lowElse[e][st][f] = c.find(hnum(hnum(hnum(tmpl(tLowElse), e), st), f))
			}
		}
	}
	for ty := uint64(0); ty < NumTypes; ty++ {
		for pos := uint64(0); pos < 5; pos++ {
			for f := uint64(0); f < 4; f++ {
				c.gaz[ty][pos][f] = c.find(hnum(hnum(hnum(tmpl(tGaz), ty), pos), f))
			}
		}
	}
	for m := uint64(0); m < 16; m++ {
		c.gazAll[m] = c.find(hnum(hnum(tmpl(tGaz), 99), m))
		c.gazm1[m] = c.find(hnum(tmpl(tGazm1), m))
		c.gazp1[m] = c.find(hnum(tmpl(tGazp1), m))
	}
	for m := uint64(0); m < 256; m++ {
		c.mem[m] = c.find(hnum(tmpl(tMem), m))
	}
	return c
}

// find returns the weights of feature k.
func (c *compiled) find(k uint64) span { return c.t.Get(k) }

// nPair is the number of word-pair features pairFeatures finds.
const nPair = 5

// pairFeatures finds the word-pair features of every token of a
// sentence, in the order decode adds them: the previous word with the
// word, the word with the next, the three shapes, the previous shape
// with the word, the previous word with the shape. Most of their table
// reads are cache misses; it makes all the reads of seen first, with no
// branch between them, so that they overlap, then probes the table for
// the features seen lets through.
//
// With all false, the spans of the features the filter turned down are
// left as they were, not emptied: decodeQ reads only those of
// lt.pairMask.
func (c *compiled) pairFeatures(toks []tok, lt *lattice, all bool) [][nPair]span {
	n := len(toks)
	if cap(lt.pairKeys) < n {
		lt.pairKeys = make([][nPair]uint64, n)
		lt.pairSpans = make([][nPair]span, n)
		lt.pairMask = make([]uint8, n)
	}
	keys, spans, mask := lt.pairKeys[:n], lt.pairSpans[:n], lt.pairMask[:n]
	tab := c.t
	for i := range toks {
		t := &toks[i]
		lm1, sm1, lp1, sp1 := uint64(1), uint64(1), uint64(2), uint64(2)
		if i > 0 {
			lm1, sm1 = toks[i-1].lowH, toks[i-1].shH
		}
		if i+1 < n {
			lp1, sp1 = toks[i+1].lowH, toks[i+1].shH
		}
		ks := &keys[i]
		ks[0] = hnum(hnum(tmpl(tWm1W), lm1), t.lowH)
		ks[1] = hnum(hnum(tmpl(tWWp1), t.lowH), lp1)
		ks[2] = hnum(hnum(hnum(tmpl(tSh3), sm1), t.shH), sp1)
		ks[3] = hnum(hnum(tmpl(tShm1W), sm1), t.lowH)
		ks[4] = hnum(hnum(tmpl(tWm1Sh), lm1), t.shH)
		var m uint8
		for j, k := range ks {
			m |= uint8(tab.Filter(k)) << j
		}
		mask[i] = m
	}
	for i := range toks {
		m := mask[i]
		if !all {
			for ; m != 0; m &= m - 1 {
				j := bits.TrailingZeros8(m)
				spans[i][j], _ = tab.Probe(keys[i][j])
			}
			continue
		}
		for j, k := range &keys[i] {
			if m&(1<<j) == 0 {
				spans[i][j] = span{}
				continue
			}
			spans[i][j], _ = tab.Probe(k)
		}
	}
	return spans
}

// addSpan adds a feature's weights to sc. Adding a whole row adds zeros
// for the labels without a weight, which changes no sum but the sign of
// a zero one, and no comparison sees that sign.
func (c *compiled) addSpan(sp span, sc *[NumLabels]float32) {
	// small enough to inline: most features have no weights
	if sp.n != 0 {
		c.addWeights(sp, sc)
	}
}

// addWeights is addSpan for a span with weights.
func (c *compiled) addWeights(sp span, sc *[NumLabels]float32) {
	if sp.n == denseSpan {
		if c.dense == nil {
			addRowQ(sc, c.qrow(sp), &c.qt.val)
			return
		}
		addRow(sc, c.row(sp))
		return
	}
	for _, e := range c.wts[sp.off : sp.off+sp.n] {
		sc[e.l] += e.w
	}
}

// addRow is written for 17 labels: these fail to compile for any other
// count.
const (
	_ = uint(NumLabels - 17)
	_ = uint(17 - NumLabels)
)

// addRowQ adds to sc the values in val of the integers of row, label
// by label: the float32 weights that addRow would add.
func addRowQ(sc *[NumLabels]float32, row *[NumLabels]int8, val *[256]float32) {
	sc[0] += val[uint8(row[0])]
	sc[1] += val[uint8(row[1])]
	sc[2] += val[uint8(row[2])]
	sc[3] += val[uint8(row[3])]
	sc[4] += val[uint8(row[4])]
	sc[5] += val[uint8(row[5])]
	sc[6] += val[uint8(row[6])]
	sc[7] += val[uint8(row[7])]
	sc[8] += val[uint8(row[8])]
	sc[9] += val[uint8(row[9])]
	sc[10] += val[uint8(row[10])]
	sc[11] += val[uint8(row[11])]
	sc[12] += val[uint8(row[12])]
	sc[13] += val[uint8(row[13])]
	sc[14] += val[uint8(row[14])]
	sc[15] += val[uint8(row[15])]
	sc[16] += val[uint8(row[16])]
}

// addRow adds row to sc, label by label, written out so that no loop or
// bounds check comes between the additions.
func addRow(sc, row *[NumLabels]float32) {
	sc[0] += row[0]
	sc[1] += row[1]
	sc[2] += row[2]
	sc[3] += row[3]
	sc[4] += row[4]
	sc[5] += row[5]
	sc[6] += row[6]
	sc[7] += row[7]
	sc[8] += row[8]
	sc[9] += row[9]
	sc[10] += row[10]
	sc[11] += row[11]
	sc[12] += row[12]
	sc[13] += row[13]
	sc[14] += row[14]
	sc[15] += row[15]
	sc[16] += row[16]
}

// wordInfo is what the tagger knows about a word as written, whatever its
// context: its hashes and flags, and the weights of the features it
// decides alone or as a neighbour.
type wordInfo struct {
	lowH, shH  uint64
	flags, lex uint8
	multi      bool // more than one rune
	// gaz is the gazetteer's entry for the word alone, if gazOK
	gaz   uint8
	gazOK bool
	// the word as written, for the memo's look-ups (see wordMemo): its
	// length up to 255, its first bytes, and itself
	plen  uint8
	pre   [10]byte
	word  string
	head0 span // Head at sentence-start state 0
	// the word's features as the token before or after another
	wm1, wp1, wm2, wp2, shm1, shp1 span
	// em0 is the sum of the first features of the word, the ones that
	// depend on nothing but it: bias, W, Word, Sh, the affixes, Len and
	// Lex.
	em0 [NumLabels]float32
	// low is the document state of its low form, shared by the words
	// of that low form in the lattice's memo (see lattice.lows).
	low *lowState
	// tr holds its previous-label scores, shared by the words of a shape
	// when the model has no weights for the previous label with the
	// word.
	tr *transitions
	// q is its integer rows, when the model has them
	q wordQ
}

// maxWords bounds each of the two generations of a lattice's word memo:
// when the new one is full it becomes the old one, and a word found only
// in the old one moves back to the new, so that frequent words stay.
// Two generations of 16,384 words take a few MB; BASIL's 210 articles
// have 11,000 types as written, which then stay.
const maxWords = 1 << 14

// newWordInfo computes the memo entry of a word.
func (m *Model) newWordInfo(w string, lt *lattice) *wordInfo {
	c := m.c
	low := norm(w)
	shape, flags := shapeOf(w)
	wi := &wordInfo{lowH: hstr(fnvOffset, low), shH: hstr(fnvOffset, shape), flags: flags, multi: utf8.RuneCountInString(w) > 1}
	if b, ok := m.lex[low]; ok {
		wi.lex = b + 1
	}
	wi.gaz, wi.gazOK = m.gaz[gazKey(fnvOffset, wi.lowH)]
	wi.low = lt.lowOf(wi.lowH)
	// the features of the word alone, in the order features adds them
	em0 := lt.spans[:0]
	em0 = append(em0, c.bias, c.find(hnum(tmpl(tW), wi.lowH)), c.find(hstr(tmpl(tWord), w)), c.find(hnum(tmpl(tSh), wi.shH)))
	rc := utf8.RuneCountInString(low)
	lt.buf = appendAffixes(lt.buf[:0], low, rc)
	lt.buf = append(lt.buf, lenFeature(rc, flags))
	for _, f := range lt.buf {
		em0 = append(em0, c.find(f))
	}
	em0 = append(em0, c.lex[wi.lex][flags&(fInitCap|fAllCaps)])
	lt.spans = em0
	for _, sp := range em0 {
		c.addSpan(sp, &wi.em0)
	}
	wi.head0 = c.find(hnum(hnum(tmpl(tHead), 0), wi.lowH))
	wi.wm1 = c.find(hnum(tmpl(tWm1), wi.lowH))
	wi.wp1 = c.find(hnum(tmpl(tWp1), wi.lowH))
	wi.wm2 = c.find(hnum(tmpl(tWm2), wi.lowH))
	wi.wp2 = c.find(hnum(tmpl(tWp2), wi.lowH))
	wi.shm1 = c.find(hnum(tmpl(tShm1), wi.shH))
	wi.shp1 = c.find(hnum(tmpl(tShp1), wi.shH))
	if c.qt != nil {
		c.newWordQ(&wi.q, wi, em0)
	}
	var p1w [NumLabels + 1]span
	any := false
	for p := range p1w {
		p1w[p] = c.find(hnum(hnum(tmpl(tP1W), uint64(p)), wi.lowH))
		any = any || p1w[p].n > 0
	}
	if !any {
		if wi.tr = lt.shapes[wi.shH]; wi.tr == nil {
			wi.tr = c.transitions(&p1w, wi.shH)
			lt.shapes[wi.shH] = wi.tr
		}
		return wi
	}
	wi.tr = c.transitions(&p1w, wi.shH)
	return wi
}

// transitions sums the previous-label scores of a word whose previous
// label features have the weights p1w and whose shape hashes to shH.
func (c *compiled) transitions(p1w *[NumLabels + 1]span, shH uint64) *transitions {
	tr := &transitions{pairs: make([]float32, len(c.pairs))}
	var rows [NumLabels + 1][NumLabels]float32
	for p := range rows {
		rows[p] = c.trans[p]
		c.addSpan(p1w[p], &rows[p])
		c.addSpan(c.find(hnum(hnum(tmpl(tP1Sh), uint64(p)), shH)), &rows[p])
	}
	tr.start = rows[NumLabels]
	for k, pr := range c.pairs {
		tr.pairs[k] = rows[pr.p][pr.l]
	}
	if c.qt == nil {
		return tr
	}
	var rq [NumLabels + 1][NumLabels]int32
	for p := range rq {
		rq[p] = c.qt.trans[p]
		c.addQ(p1w[p], &rq[p])
		c.addQ(c.find(hnum(hnum(tmpl(tP1Sh), uint64(p)), shH)), &rq[p])
	}
	tr.startQ = rq[NumLabels]
	tq := &tr.q
	for w, l := range c.qt.wide {
		for j, p := range c.closed {
			tq.wide[w][j] = int16(rq[p][l])
		}
	}
	for k, l := range c.qt.narrow {
		for j, p := range c.qt.narrowP[k] {
			tq.narrow[k][j] = int16(rq[p][l])
		}
	}
	lo, hi := tq.wide[0][0], tq.wide[0][0]
	for w := range tq.wide {
		for _, x := range &tq.wide[w] {
			lo, hi = min(lo, x), max(hi, x)
		}
	}
	tq.span = int32(hi) - int32(lo)
	return tr
}

// lattice is the working space of decoding, reused from document to
// document by one goroutine at a time.
type lattice struct {
	buf, dbuf []uint64
	spans     []span
	em, dyn   [NumLabels]float32
	// decodeQ's scores and their error bounds, and the sentences it
	// left to decode
	deltaQ    [][NumLabels]int32
	errQ      []float64
	fallbacks int
	touch     int32 // keeps decodeQ's first reads
	delta     [][NumLabels]float32
	back      [][NumLabels]uint8
	out       []uint8
	toks      []tok
	// pairFeatures' working space
	pairKeys  [][nPair]uint64
	pairSpans [][nPair]span
	pairMask  []uint8
	sents     []sentInfo
	ends      []int
	doc       *docState
	words     wordMemo                // the memo's new generation
	old       wordMemo                // its old generation
	shapes    map[uint64]*transitions // of the words without their own
	// lows maps low-form hashes to the lowState that the words of the
	// new generation with that low form share: a word found in the old
	// generation takes its low form's lowState when it moves back. lows
	// is rebuilt from the new generation between documents when it has
	// grown past two generations' worth, so that the tokens of a
	// document always share one lowState per low form.
	lows map[uint64]*lowState
}

func newLattice() *lattice {
	return &lattice{doc: newDocState(),
		shapes: map[uint64]*transitions{}, lows: map[uint64]*lowState{}}
}

// grow makes room for a sentence of n tokens.
func (lt *lattice) grow(n int) {
	if cap(lt.delta) < n {
		lt.delta = make([][NumLabels]float32, n)
		lt.back = make([][NumLabels]uint8, n)
		lt.out = make([]uint8, n)
	}
	lt.delta, lt.back = lt.delta[:n], lt.back[:n]
}

// word returns the memo entry of w.
func (lt *lattice) word(m *Model, w string) *wordInfo {
	h := wordHash(w)
	if wi := lt.words.get(w, h); wi != nil {
		return wi
	}
	if lt.words.n >= maxWords {
		lt.words, lt.old = lt.old, lt.words
		lt.words.reset()
		if len(lt.shapes) >= maxWords {
			clear(lt.shapes)
		}
	}
	wi := lt.old.get(w, h)
	if wi != nil {
		// back to the new generation, with the low form's state of the
		// new one
		if ls := lt.lows[wi.lowH]; ls != nil {
			wi.low = ls
		} else {
			lt.lows[wi.lowH] = wi.low
		}
	} else {
		wi = m.newWordInfo(w, lt)
		// a token's text is often a slice of its whole article: copy it
		wi.setWord(strings.Clone(w))
	}
	lt.words.put(h, wi)
	return wi
}

// trimLows rebuilds lows from the new generation when it has grown past
// two generations' worth. It runs between documents (see lows).
func (lt *lattice) trimLows() {
	if len(lt.lows) < 2*maxWords {
		return
	}
	clear(lt.lows)
	for _, wi := range lt.words.slots {
		if wi == nil {
			continue
		}
		if ls := lt.lows[wi.lowH]; ls != nil {
			wi.low = ls
		} else {
			lt.lows[wi.lowH] = wi.low
		}
	}
}

// lowOf returns the lowState shared by the words of low-form hash h.
func (lt *lattice) lowOf(h uint64) *lowState {
	ls := lt.lows[h]
	if ls == nil {
		ls = new(lowState)
		lt.lows[h] = ls
	}
	return ls
}

// lattice takes a working space, a new one if none is free.
func (m *Model) lattice() *lattice { return m.free.Get(newLattice) }

// release gives a working space back.
func (m *Model) release(lt *lattice) { m.free.Put(lt) }

// prepareDoc fills lt.sents with the sentences' tokens, as prepare does,
// from the word memo, and observes them in lt.doc.
func (m *Model) prepareDoc(sents [][]string, lt *lattice) []sentInfo {
	total := 0
	for _, ws := range sents {
		total += len(ws)
	}
	if cap(lt.toks) < total {
		lt.toks = make([]tok, total)
	}
	if cap(lt.sents) < len(sents) {
		lt.sents = make([]sentInfo, len(sents))
	}
	toks, infos := lt.toks[:total], lt.sents[:len(sents)]
	lt.trimLows()
	d := lt.doc
	d.reset()
	at := 0
	for k, ws := range sents {
		s := sentInfo{toks: toks[at : at+len(ws) : at+len(ws)]}
		at += len(ws)
		alpha, caps := 0, 0
		for i, w := range ws {
			wi := lt.word(m, w)
			// field by field: a whole tok written while the collector
			// runs goes through a bulk write barrier, several hundred
			// instructions. Every field but low and shape, which
			// prepareDoc's tokens never have, is set: the tokens of an
			// earlier document are overwritten.
			t := &s.toks[i]
			t.word = w
			t.flags, t.lowH, t.shH, t.lex, t.wi = wi.flags, wi.lowH, wi.shH, wi.lex, wi
			t.gazMask, t.gazPos = 0, 0
			if wi.flags&fAlpha != 0 && wi.multi {
				alpha++
				if wi.flags&fAllCaps != 0 {
					caps++
				}
			}
		}
		s.headline = alpha >= 2 && caps == alpha
		m.gaz.mark(s.toks)
		infos[k] = s
		d.observe(&infos[k])
	}
	return infos
}

// decode is viterbi for a compiled model and tokens from prepareDoc.
func (m *Model) decode(si *sentInfo, d *docState, lt *lattice) []uint8 {
	c := m.c
	toks := si.toks
	n := len(toks)
	if n == 0 {
		return nil
	}
	lt.grow(n)
	pairs := c.pairFeatures(toks, lt, true)
	var em [NumLabels]float32
	for i := 0; i < n; i++ {
		t := &toks[i]
		wi := t.wi
		f3 := t.flags & (fInitCap | fAllCaps)
		var st uint64
		if sentStart(si, i) {
			st = 1
		}
		if si.headline {
			st |= 2
		}

		pairSp := &pairs[i]
		// the features in the order features appends them
		em = wi.em0 // the word alone
		if i > 0 {
			c.addSpan(toks[i-1].wi.wm1, &em)
		} else {
			c.addSpan(c.wm1Edge, &em)
		}
		if i+1 < n {
			c.addSpan(toks[i+1].wi.wp1, &em)
		} else {
			c.addSpan(c.wp1Edge, &em)
		}
		if i > 1 {
			c.addSpan(toks[i-2].wi.wm2, &em)
		} else {
			c.addSpan(c.wm2Edge, &em)
		}
		if i+2 < n {
			c.addSpan(toks[i+2].wi.wp2, &em)
		} else {
			c.addSpan(c.wp2Edge, &em)
		}
		c.addSpan(pairSp[0], &em)
		c.addSpan(pairSp[1], &em)
		if i > 0 {
			c.addSpan(toks[i-1].wi.shm1, &em)
		} else {
			c.addSpan(c.shm1Edge, &em)
		}
		if i+1 < n {
			c.addSpan(toks[i+1].wi.shp1, &em)
		} else {
			c.addSpan(c.shp1Edge, &em)
		}
		c.addSpan(pairSp[2], &em)
		c.addSpan(c.flagsSt[t.flags][st], &em)
		c.addSpan(c.start[st][f3], &em)
		c.addSpan(pairSp[3], &em)
		c.addSpan(pairSp[4], &em)
		if st == 0 {
			c.addSpan(wi.head0, &em)
		} else {
			c.addSpan(c.find(hnum(hnum(tmpl(tHead), st), t.lowH)), &em)
		}
		if t.gazMask != 0 {
			for ty := 0; ty < NumTypes; ty++ {
				if t.gazMask&(1<<ty) != 0 {
					c.addSpan(c.gaz[ty][t.gazPos][f3], &em)
				}
			}
			c.addSpan(c.gazAll[t.gazMask], &em)
		}
		if i > 0 && toks[i-1].gazMask != 0 {
			c.addSpan(c.gazm1[toks[i-1].gazMask], &em)
		}
		if i+1 < n && toks[i+1].gazMask != 0 {
			c.addSpan(c.gazp1[toks[i+1].gazMask], &em)
		}
		c.addSpan(c.lexStart[t.lex][st], &em)
		if t.flags&fAlpha != 0 {
			ls := d.state(t)
			ce, le := ls.capLow()
			c.addSpan(c.capElse[ce][st][f3], &em)
			c.addSpan(c.lowElse[le][st][f3], &em)
			if f3 != 0 {
				mem := ls.mem
				c.addSpan(c.mem[mem], &em)
				c.addSpan(c.memSh[mem][st], &em)
			}
		}

		row := &lt.delta[i]
		back := &lt.back[i]
		if i == 0 {
			for l := range row {
				row[l] = negInf
			}
			ok := &allowed[NumLabels]
			for l := 0; l < NumLabels; l++ {
				if !ok[l] {
					continue
				}
				if s := float32(0) + em[l] + wi.tr.start[l]; s > row[l] {
					row[l] = s
					back[l] = NumLabels
				}
			}
			continue
		}
		// label by label, its previous labels in order: the comparisons
		// of a label come in the order of a loop over previous labels,
		// and its best is kept in a register
		// A previous label at negInf gives negInf whatever is added to
		// it (the weights are finite), which beats no best: skipping it,
		// as viterbi does, and adding it give the same row. A label
		// keeps a best above negInf once any previous label had one.
		prev := &lt.delta[i-1]
		dyn := wi.tr.pairs
		// the labels after the closing ones read the same previous
		// scores, loaded once
		var pc [nClosed]float32
		for j, p := range &c.closed {
			pc[j] = prev[p]
		}
		for _, l := range c.wide {
			best, bp := negInf, uint8(0)
			el := em[l]
			ks := &c.wideK[l]
			for j := range pc {
				s := pc[j] + el + dyn[ks[j]]
				if s > best {
					best, bp = s, c.closed[j]
				}
			}
			row[l] = best
			if best != negInf {
				back[l] = bp
			}
		}
		for _, l := range c.narrow {
			best, bp := negInf, uint8(0)
			el := em[l]
			for _, f := range c.into[l] {
				s := prev[f.p] + el + dyn[f.k]
				if s > best {
					best, bp = s, f.p
				}
			}
			row[l] = best
			if best != negInf {
				back[l] = bp
			}
		}
	}
	return lt.best(n)
}
