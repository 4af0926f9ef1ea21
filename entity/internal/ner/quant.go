package ner

import (
	"math"
	"math/bits"
	"slices"
)

// The integer path. The shipped model's weights are 8-bit integers q
// times one scale s, and decode adds them as float32, whose sums round.
// decodeQ adds the integers themselves: its sums are exact, so it may
// add them in any order, and it adds far fewer rows, summed in advance
// per word type (the word alone at each sentence state, and the word as
// each neighbour) or per small state (the document state of a low
// form). Its labels are those of decode wherever rounding cannot change
// a comparison that the best path depends on: decodeQ bounds the
// difference between decode's float32 scores (in units of s) and its
// own exact ones, and where the best label at the end or the best
// previous label of a label on the path leads the next by no more than
// twice that bound (a tie, mostly), it gives up and TagDoc decodes the
// sentence with decode. The labels are therefore always decode's.

// quant is what decodeQ reads of a compiled model whose weights are
// 8-bit integers times one scale.
type quant struct {
	// q holds the rows of compiled.dense as integers, row for row, and
	// val the float32 weight of each integer (by its byte), as Load
	// reads it: they replace dense, which decode and viterbi then read
	// through them (see compiled.row and addWeights).
	q     [][NumLabels]int8
	val   [256]float32
	scale float64

	trans [NumLabels + 1][NumLabels]int32
	// edge rows: a word's neighbours outside the sentence, summed as a
	// word's own rows as a neighbour are (see wordQ)
	prevEdge, nextEdge, prev2Edge, next2Edge packed
	// ceLe[ce][le][st][f3] sums the CapElse and LowElse rows
	ceLe [2][2][4][4]packed
	// memC[mem][st] sums the Mem and MemSh rows
	memC [256][4]packed

	// wide and narrow are compiled.wide and compiled.narrow as arrays;
	// narrowP holds the two labels allowed before each narrow label;
	// at[l] is the place of label l in wide, or -1 less its place in
	// narrow
	wide    [nWide]uint8
	narrow  [nNarrow]uint8
	narrowP [nNarrow][2]uint8
	at      [NumLabels]int8
}

// The labels by the previous labels allowed before them: nWide labels
// (O, B and U of each type) after any of the nClosed labels that close a
// chunk, nNarrow (I and L) after the B and I of their type.
const (
	nWide   = 1 + 2*NumTypes
	nNarrow = 2 * NumTypes
)

// decodeQ's maximum over the closed labels is written out for nine:
// these fail to compile for any other count.
const (
	_ = uint(nClosed - 9)
	_ = uint(9 - nClosed)
)

// The label layout decodeQ's Viterbi is written out for: O, then B, I,
// L and U of each type, so that the labels that close a chunk (O, L,
// U) are 0, 3, 4, 7, 8, ..., those allowed after them (O, B, U) 0, 1, 4,
// 5, 8, ..., and I and L of a type follow its B or I. quantise checks
// that the compiled model's lists are these.
var (
	layoutClosed = [nClosed]uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}
	layoutWide   = [nWide]uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}
	layoutNarrow = [nNarrow]uint8{2, 3, 6, 7, 10, 11, 14, 15}
)

// transQ is a word's previous-label scores for decodeQ: wide[w][j] is
// the score of wide label w after closed label j, narrow[k][j] that of
// narrow label k after its previous label j.
type transQ struct {
	wide   [nWide][nClosed]int16
	narrow [nNarrow][2]int16
	// span is the largest of wide less the smallest: a closed label
	// whose score is more than span below the best closed label's is
	// the best previous label of no wide label (see decodeQ)
	span int32
}

// wordQ is a word's integer rows, in its memo entry.
type wordQ struct {
	// em0 sums the features of the word alone (wordInfo.em0); em[st]
	// adds those of the word at sentence state st (Flags, Start, Head,
	// LexStart), for the states 0 and 1 (2 and 3, headlines, are summed
	// per token).
	em0 [NumLabels]int16
	em  [2]packed // biased by biasEm
	// the word as the token before another (Wm1 and Shm1), after it
	// (Wp1 and Shp1), two before (Wm2) and two after (Wp2), biased by
	// biasRow
	prev, next, prev2, next2 packed
}

// packed is a row of integer scores, each plus a bias, as the 16-bit
// lanes of five words, label l in lane l%4 of word l/4: adding two
// rows adds five words, and no lane carries into the next as long as
// the sum of the biased lanes stays below 1<<16. decodeQ adds at most
// one row biased by biasEm, the sum of at most maxTerms weights, and
// six biased by biasRow, each the sum of at most two weights (of at
// most 127): each lane stays at least 0 and below 8192 + 6096 + 6 ×
// (1024 + 254), less than 1<<16.
type packed [5]uint64

// The biases of packed rows: biasEm for the sum of the word's own
// features, biasRow for the others.
const (
	biasEm  = 1 << 13
	biasRow = 1 << 10
)

// These fail to compile if the bounds above do not hold.
const (
	_ = uint(biasEm - 127*maxTerms - 1)
	_ = uint(biasRow - 2*127 - 1)
	_ = uint(1<<16 - 1 - (biasEm + 127*maxTerms + 6*(biasRow+2*127)))
)

// pack returns r, each score plus bias.
func pack(r *[NumLabels]int32, bias int32) (p packed) {
	for l, x := range r {
		p[l/4] |= uint64(uint16(x+bias)) << (16 * (l % 4))
	}
	return p
}

// add adds q to p, lane by lane.
func (p *packed) add(q *packed) {
	p[0] += q[0]
	p[1] += q[1]
	p[2] += q[2]
	p[3] += q[3]
	p[4] += q[4]
}

// unpack sets sc to the lanes of p less bias.
func unpack(sc *[NumLabels]int32, p *packed, bias int32) {
	sc[0] = int32(p[0]&0xffff) - bias
	sc[1] = int32(p[0]>>16&0xffff) - bias
	sc[2] = int32(p[0]>>32&0xffff) - bias
	sc[3] = int32(p[0]>>48) - bias
	sc[4] = int32(p[1]&0xffff) - bias
	sc[5] = int32(p[1]>>16&0xffff) - bias
	sc[6] = int32(p[1]>>32&0xffff) - bias
	sc[7] = int32(p[1]>>48) - bias
	sc[8] = int32(p[2]&0xffff) - bias
	sc[9] = int32(p[2]>>16&0xffff) - bias
	sc[10] = int32(p[2]>>32&0xffff) - bias
	sc[11] = int32(p[2]>>48) - bias
	sc[12] = int32(p[3]&0xffff) - bias
	sc[13] = int32(p[3]>>16&0xffff) - bias
	sc[14] = int32(p[3]>>32&0xffff) - bias
	sc[15] = int32(p[3]>>48) - bias
	sc[16] = int32(p[4]&0xffff) - bias
}

// quantise sets c.qt from c.dense, and drops c.dense, when every weight
// of the model is an integer of at most 8 bits times scale, as Load
// reads them; it leaves both as they are otherwise (a model just
// trained, or written at 16 or 32 bits).
func (c *compiled) quantise(scale float64) {
	if scale <= 0 || len(c.wts) > 0 {
		return
	}
	q := make([][NumLabels]int8, len(c.dense)/NumLabels)
	for i, w := range c.dense {
		x := math.Round(float64(w) / scale)
		if x < -127 || x > 127 || float32(x*scale) != w {
			return
		}
		q[i/NumLabels][i%NumLabels] = int8(x)
	}
	qt := &quant{q: q, scale: scale}
	for x := -128; x < 128; x++ {
		qt.val[uint8(int8(x))] = float32(float64(x) * scale)
	}
	if c.closed != layoutClosed || !slices.Equal(c.wide, layoutWide[:]) || !slices.Equal(c.narrow, layoutNarrow[:]) {
		return
	}
	copy(qt.wide[:], c.wide)
	copy(qt.narrow[:], c.narrow)
	for k, l := range c.narrow {
		if len(c.into[l]) != 2 {
			return
		}
		qt.narrowP[k] = [2]uint8{c.into[l][0].p, c.into[l][1].p}
		if b := l - 1 - l&1; qt.narrowP[k] != [2]uint8{b, b + 1} {
			return
		}
		qt.at[l] = int8(-k - 1)
	}
	for w, l := range c.wide {
		qt.at[l] = int8(w)
	}
	c.qt = qt
	for p := range qt.trans {
		c.addQ(c.find(transFeature(uint8(p))), &qt.trans[p])
	}
	sum16 := func(dst *packed, sps ...span) {
		var r [NumLabels]int32
		for _, sp := range sps {
			c.addQ(sp, &r)
		}
		*dst = pack(&r, biasRow)
	}
	sum16(&qt.prevEdge, c.wm1Edge, c.shm1Edge)
	sum16(&qt.nextEdge, c.wp1Edge, c.shp1Edge)
	sum16(&qt.prev2Edge, c.wm2Edge)
	sum16(&qt.next2Edge, c.wp2Edge)
	for ce := range 2 {
		for le := range 2 {
			for st := range 4 {
				for f3 := range 4 {
					sum16(&qt.ceLe[ce][le][st][f3], c.capElse[ce][st][f3], c.lowElse[le][st][f3])
				}
			}
		}
	}
	for mem := range 256 {
		for st := range 4 {
			sum16(&qt.memC[mem][st], c.mem[mem], c.memSh[mem][st])
		}
	}
	c.dense = nil
}

// qrow returns the integer row of a span kept whole.
func (c *compiled) qrow(sp span) *[NumLabels]int8 {
	return &c.qt.q[sp.off]
}

// addQ adds a feature's integer weights to sc.
func (c *compiled) addQ(sp span, sc *[NumLabels]int32) {
	if sp.n != 0 {
		addRow8(sc, c.qrow(sp))
	}
}

// addRow8 adds row to sc, written out like addRow.
func addRow8(sc *[NumLabels]int32, row *[NumLabels]int8) {
	sc[0] += int32(row[0])
	sc[1] += int32(row[1])
	sc[2] += int32(row[2])
	sc[3] += int32(row[3])
	sc[4] += int32(row[4])
	sc[5] += int32(row[5])
	sc[6] += int32(row[6])
	sc[7] += int32(row[7])
	sc[8] += int32(row[8])
	sc[9] += int32(row[9])
	sc[10] += int32(row[10])
	sc[11] += int32(row[11])
	sc[12] += int32(row[12])
	sc[13] += int32(row[13])
	sc[14] += int32(row[14])
	sc[15] += int32(row[15])
	sc[16] += int32(row[16])
}

// set16 sets sc to row.
func set16(sc *[NumLabels]int32, row *[NumLabels]int16) {
	sc[0] = int32(row[0])
	sc[1] = int32(row[1])
	sc[2] = int32(row[2])
	sc[3] = int32(row[3])
	sc[4] = int32(row[4])
	sc[5] = int32(row[5])
	sc[6] = int32(row[6])
	sc[7] = int32(row[7])
	sc[8] = int32(row[8])
	sc[9] = int32(row[9])
	sc[10] = int32(row[10])
	sc[11] = int32(row[11])
	sc[12] = int32(row[12])
	sc[13] = int32(row[13])
	sc[14] = int32(row[14])
	sc[15] = int32(row[15])
	sc[16] = int32(row[16])
}

// to16 narrows an integer row summed from at most maxTerms weights.
func to16(r *[NumLabels]int32) (out [NumLabels]int16) {
	for l, x := range r {
		out[l] = int16(x)
	}
	return out
}

// newWordQ sums a word's integer rows; wi has its spans and em0's
// features are those newWordInfo adds, passed as feats (spans of the
// features found by hash) and the bias and Lex spans.
func (c *compiled) newWordQ(wq *wordQ, wi *wordInfo, em0 []span) {
	var r [NumLabels]int32
	for _, sp := range em0 {
		c.addQ(sp, &r)
	}
	wq.em0 = to16(&r)
	for st := range 2 {
		e := r
		c.addStateQ(&e, wi, st, wi.lowH)
		wq.em[st] = pack(&e, biasEm)
	}
	pair := func(a, b span) packed {
		var x [NumLabels]int32
		c.addQ(a, &x)
		c.addQ(b, &x)
		return pack(&x, biasRow)
	}
	wq.prev = pair(wi.wm1, wi.shm1)
	wq.next = pair(wi.wp1, wi.shp1)
	wq.prev2 = pair(wi.wm2, span{})
	wq.next2 = pair(wi.wp2, span{})
}

// addStateQ adds the features of a word at sentence state st: Flags,
// Start, Head and LexStart.
func (c *compiled) addStateQ(e *[NumLabels]int32, wi *wordInfo, st int, lowH uint64) {
	f3 := wi.flags & (fInitCap | fAllCaps)
	c.addQ(c.flagsSt[wi.flags][st], e)
	c.addQ(c.start[st][f3], e)
	if st == 0 {
		c.addQ(wi.head0, e)
	} else {
		c.addQ(c.find(hnum(hnum(tmpl(tHead), uint64(st)), lowH)), e)
	}
	c.addQ(c.lexStart[wi.lex][st], e)
}

// Bounds for decodeQ's comparison of its exact sums with decode's
// float32 ones, in units of the scale.
const (
	// maxTerms bounds the weights decode adds up for a token's label
	// (40: the word alone 14, its context and state 26).
	maxTerms = 48
	// qNeg stands for minus infinity: a label not allowed at the start.
	qNeg = -1 << 30
	// qMaxLen bounds the sentences decodeQ takes, so that no sum comes
	// near qNeg or overflows.
	qMaxLen = 1 << 16
)

// roundoff is float32's unit roundoff, a little more for the rounding
// of the bounds themselves and of the scale's product.
const roundoff = 1.001 / (1 << 24)

// Error bounds per token: emErr bounds the difference between decode's
// float32 sum of a label's emission weights and the exact sum (each
// weight rounded once from q×s, then maxTerms additions of partial sums
// of at most 127×k), dynErr that of a previous-label score (three
// weights), emMax and dynMax the size of the sums.
var (
	emErr  = roundoff * 127 * (maxTerms*(maxTerms+1)/2 + maxTerms)
	dynErr = roundoff * 127 * (3*4/2 + 3)
	emMax  = float64(127 * maxTerms)
	dynMax = float64(127 * 3)
)

// decodeQ is decode over exact integer sums. It reports false, with no
// labels, when rounding might have made decode choose otherwise.
func (m *Model) decodeQ(si *sentInfo, d *docState, lt *lattice) ([]uint8, bool) {
	c := m.c
	qt := c.qt
	toks := si.toks
	n := len(toks)
	if n == 0 {
		return nil, true
	}
	if n > qMaxLen {
		lt.fallbacks++
		return nil, false
	}
	lt.grow(n)
	if cap(lt.deltaQ) < n {
		lt.deltaQ = make([][NumLabels]int32, n)
		lt.errQ = make([]float64, n)
	}
	delta, errs := lt.deltaQ[:n], lt.errQ[:n]
	// read a word of each token's rows and previous-label scores
	// first, with no branch between the reads, so that their cache
	// misses overlap
	var touch int32
	for i := range toks {
		wi := toks[i].wi
		wq, tq := &wi.q, &wi.tr.q
		touch += int32(wq.em[0][0]) + int32(wq.em[1][4]) + int32(wq.prev[4]) + int32(wq.next2[0]) + int32(wq.next2[4]) +
			int32(tq.wide[0][0]) + int32(tq.wide[4][0]) + int32(tq.wide[8][0]) + int32(tq.narrow[0][0]) + int32(wi.low.mem)
	}
	lt.touch = touch
	pairs := c.pairFeatures(toks, lt, false)
	pairMask := lt.pairMask[:n]
	var em [NumLabels]int32
	// bound on the size of the previous token's scores and on their error
	var aPrev, ePrev float64
	for i := 0; i < n; i++ {
		t := &toks[i]
		wi := t.wi
		wq := &wi.q
		f3 := t.flags & (fInitCap | fAllCaps)
		st := 0
		if sentStart(si, i) {
			st = 1
		}
		if si.headline {
			st |= 2
		}
		// the rows kept packed first, in any order (the sums are
		// exact), then the others
		var pk packed
		if st < 2 {
			pk = wq.em[st]
		} else {
			set16(&em, &wq.em0)
			c.addStateQ(&em, wi, st, t.lowH)
			pk = pack(&em, biasEm)
		}
		bias := int32(biasEm + 4*biasRow)
		if i > 0 {
			pk.add(&toks[i-1].wi.q.prev)
		} else {
			pk.add(&qt.prevEdge)
		}
		if i+1 < n {
			pk.add(&toks[i+1].wi.q.next)
		} else {
			pk.add(&qt.nextEdge)
		}
		if i > 1 {
			pk.add(&toks[i-2].wi.q.prev2)
		} else {
			pk.add(&qt.prev2Edge)
		}
		if i+2 < n {
			pk.add(&toks[i+2].wi.q.next2)
		} else {
			pk.add(&qt.next2Edge)
		}
		if t.flags&fAlpha != 0 {
			ls := d.state(t)
			ce, le := ls.capLow()
			pk.add(&qt.ceLe[ce][le][st][f3])
			bias += biasRow
			if f3 != 0 {
				pk.add(&qt.memC[ls.mem][st])
				bias += biasRow
			}
		}
		unpack(&em, &pk, bias)
		// only the features the filter let through can have a row
		// (the others' spans are empty); integer sums, in any order
		for m := pairMask[i]; m != 0; m &= m - 1 {
			c.addQ(pairs[i][bits.TrailingZeros8(m)], &em)
		}
		if t.gazMask != 0 {
			for ty := 0; ty < NumTypes; ty++ {
				if t.gazMask&(1<<ty) != 0 {
					c.addQ(c.gaz[ty][t.gazPos][f3], &em)
				}
			}
			c.addQ(c.gazAll[t.gazMask], &em)
		}
		if i > 0 && toks[i-1].gazMask != 0 {
			c.addQ(c.gazm1[toks[i-1].gazMask], &em)
		}
		if i+1 < n && toks[i+1].gazMask != 0 {
			c.addQ(c.gazp1[toks[i+1].gazMask], &em)
		}

		// the bound on the error of this token's scores: the previous
		// score's, the emission's and the previous-label score's, and
		// the rounding of the two additions
		e := ePrev + emErr + dynErr + 2*roundoff*(aPrev+ePrev+emMax+dynMax+1)
		errs[i] = e
		row := &delta[i]
		tr := wi.tr
		if i == 0 {
			ok := &allowed[NumLabels]
			var a int32
			for l := 0; l < NumLabels; l++ {
				row[l] = qNeg
				if ok[l] {
					row[l] = em[l] + tr.startQ[l]
					a = max(a, row[l], -row[l])
				}
			}
			aPrev, ePrev = float64(a), e
			continue
		}
		// the best score of each label, without its previous label,
		// which the path's check below finds again
		prev := &delta[i-1]
		tq := &tr.q
		// the closing labels' scores: O, then L and U of each type
		pc := [nClosed]int32{prev[0], prev[3], prev[4], prev[7], prev[8], prev[11], prev[12], prev[15], prev[16]}
		// Mostly one closed label (O) leads the others by more than
		// the word's previous-label scores can make up: a closed label
		// j more than span below the best closed score, top, gives
		// every wide label w at most pc[j] + max(wide) < top +
		// min(wide), less than the best's pc + wide[w]. When the best
		// is the only closed label within span of top, it is every
		// wide label's best previous label, and the scores are those
		// of the full maximum, wideMax.
		// (O first: it mostly leads)
		if pc[0]-tq.span > max(pc[1], pc[2], pc[3], pc[4], pc[5], pc[6], pc[7], pc[8]) {
			wideFrom(tq, pc[0], 0, &em, row)
		} else {
			top := max(pc[0], pc[1], pc[2], pc[3], pc[4], pc[5], pc[6], pc[7], pc[8])
			lim, k, near := top-tq.span, 0, 0
			for j, x := range pc {
				if x >= lim {
					k = j
					near++
				}
			}
			if near == 1 {
				wideFrom(tq, pc[k], k, &em, row)
			} else {
				wideMax(tq, &pc, &em, row)
			}
		}
		// I and L of each type, after its B or I
		row[2] = max(prev[1]+int32(tq.narrow[0][0]), prev[2]+int32(tq.narrow[0][1])) + em[2]
		row[3] = max(prev[1]+int32(tq.narrow[1][0]), prev[2]+int32(tq.narrow[1][1])) + em[3]
		row[6] = max(prev[5]+int32(tq.narrow[2][0]), prev[6]+int32(tq.narrow[2][1])) + em[6]
		row[7] = max(prev[5]+int32(tq.narrow[3][0]), prev[6]+int32(tq.narrow[3][1])) + em[7]
		row[10] = max(prev[9]+int32(tq.narrow[4][0]), prev[10]+int32(tq.narrow[4][1])) + em[10]
		row[11] = max(prev[9]+int32(tq.narrow[5][0]), prev[10]+int32(tq.narrow[5][1])) + em[11]
		row[14] = max(prev[13]+int32(tq.narrow[6][0]), prev[14]+int32(tq.narrow[6][1])) + em[14]
		row[15] = max(prev[13]+int32(tq.narrow[7][0]), prev[14]+int32(tq.narrow[7][1])) + em[15]
		// a bound on the size of the scores without reading them (pathQ
		// reads them when this bound is too loose)
		aPrev, ePrev = aPrev+emMax+dynMax, e
	}

	if out, ok := c.pathQ(toks, delta, errs, lt.out[:n]); ok {
		return out, true
	}
	// the bounds again from the scores themselves
	aPrev, ePrev = 0, 0
	for i := range delta {
		e := ePrev + emErr + dynErr + 2*roundoff*(aPrev+ePrev+emMax+dynMax+1)
		errs[i] = e
		var a int32
		for _, x := range &delta[i] {
			if x > qNeg/2 {
				a = max(a, x, -x)
			}
		}
		aPrev, ePrev = float64(a), e
	}
	if out, ok := c.pathQ(toks, delta, errs, lt.out[:n]); ok {
		return out, true
	}
	lt.fallbacks++
	return nil, false
}

// wideFrom sets the scores of the wide labels in row when the closed
// label k, whose score is p, is the best previous label of each.
func wideFrom(tq *transQ, p int32, k int, em, row *[NumLabels]int32) {
	row[0] = p + int32(tq.wide[0][k]) + em[0]
	row[1] = p + int32(tq.wide[1][k]) + em[1]
	row[4] = p + int32(tq.wide[2][k]) + em[4]
	row[5] = p + int32(tq.wide[3][k]) + em[5]
	row[8] = p + int32(tq.wide[4][k]) + em[8]
	row[9] = p + int32(tq.wide[5][k]) + em[9]
	row[12] = p + int32(tq.wide[6][k]) + em[12]
	row[13] = p + int32(tq.wide[7][k]) + em[13]
	row[16] = p + int32(tq.wide[8][k]) + em[16]
}

// wideMax sets the scores of the wide labels in row: each label's best
// closed label's score in pc plus its previous-label score, plus its
// emission score in em.
func wideMax(tq *transQ, pc *[nClosed]int32, em, row *[NumLabels]int32) {
	for w := range nWide {
		d := &tq.wide[w]
		b := pc[0] + int32(d[0])
		b = max(b, pc[1]+int32(d[1]))
		b = max(b, pc[2]+int32(d[2]))
		b = max(b, pc[3]+int32(d[3]))
		b = max(b, pc[4]+int32(d[4]))
		b = max(b, pc[5]+int32(d[5]))
		b = max(b, pc[6]+int32(d[6]))
		b = max(b, pc[7]+int32(d[7]))
		b = max(b, pc[8]+int32(d[8]))
		l := layoutWide[w]
		row[l] = b + em[l]
	}
}

// pathQ follows the best path back through decodeQ's scores, into out.
// It reports false when the best end label or the best previous label
// of a label on the path leads the next by no more than twice the
// bound on decode's rounding, errs.
func (c *compiled) pathQ(toks []tok, delta [][NumLabels]int32, errs []float64, out []uint8) ([]uint8, bool) {
	qt := c.qt
	n := len(delta)
	// the best end state, no chunk left open, as best chooses it
	last := &delta[n-1]
	bc, bs, second := -1, int32(0), int32(qNeg)
	for l := 0; l < NumLabels; l++ {
		if l != 0 && (labelPos(uint8(l)) == posB || labelPos(uint8(l)) == posI) {
			continue
		}
		switch {
		case bc < 0 || last[l] > bs:
			if bc >= 0 {
				second = bs
			}
			bc, bs = l, last[l]
		case last[l] > second:
			second = last[l]
		}
	}
	if float64(bs)-float64(second) <= 2*errs[n-1] {
		return nil, false
	}
	out[n-1] = uint8(bc)
	for i := n - 1; i > 0; i-- {
		// the best previous label of the path's label and its lead over
		// the others
		l := out[i]
		prev := &delta[i-1]
		tq := &toks[i].wi.tr.q
		var best, other int32
		var bp uint8
		if k := qt.at[l]; k >= 0 {
			// after a closing label: the best of nine and the next
			// (equal to it when two tie), then the first that is best
			d := &tq.wide[k]
			cs := [nClosed]int32{prev[0] + int32(d[0]), prev[3] + int32(d[1]), prev[4] + int32(d[2]),
				prev[7] + int32(d[3]), prev[8] + int32(d[4]), prev[11] + int32(d[5]), prev[12] + int32(d[6]),
				prev[15] + int32(d[7]), prev[16] + int32(d[8])}
			if o := max(cs[1], cs[2], cs[3], cs[4], cs[5], cs[6], cs[7], cs[8]); cs[0] > o {
				// O, mostly
				best, other, bp = cs[0], o, 0
			} else {
				best, other = cs[0], qNeg
				for _, x := range cs[1:] {
					other = max(other, min(best, x))
					best = max(best, x)
				}
				for j := nClosed - 1; j >= 0; j-- {
					if cs[j] == best {
						bp = layoutClosed[j]
					}
				}
			}
		} else {
			// I or L, after the B or I of its type
			k = -k - 1
			b := l - 1 - l&1
			d := &tq.narrow[k]
			s0, s1 := prev[b]+int32(d[0]), prev[b+1]+int32(d[1])
			best, other, bp = s0, s1, b
			if s1 > s0 {
				best, other, bp = s1, s0, b+1
			}
		}
		if float64(best)-float64(other) <= 2*errs[i] {
			return nil, false
		}
		out[i-1] = bp
	}
	return out, true
}
