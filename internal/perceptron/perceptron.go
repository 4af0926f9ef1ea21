// Package perceptron is the averaged perceptron that storyline's two
// statistical models share: the entity tagger (entity/internal/ner, a
// structured perceptron over 17 BILOU labels) and the quote cue model
// (quote, one score per word). Each model hashes its own features to
// uint64 keys, builds no feature strings, and decodes in its own way;
// this package holds what they have in common:
//
//   - Trainer, the weights being learnt: a row of weights per feature
//     key, one per class, updated by the perceptron rule and averaged
//     lazily over every example seen (Tick, Update, Averaged);
//   - Weights, trained weights as rows in key order, with Mean (several
//     perceptrons averaged), Prune, Write and Read;
//   - Table, the open-addressing map from feature keys to what a model
//     keeps of each row, with a bit filter that answers most absent
//     features from the cache.
//
// # Model files
//
// Write quantises the weights to 8 or 16 bits with one scale for the
// whole table (the largest weight maps to 127 or 32,767), or keeps them
// as float32 (32); Read gives back q×scale as float32. A block is:
//
//	"perceptron\n", uvarint classes, byte bits, float64 scale (8 bytes,
//	little-endian), uvarint rows, then per row in ascending key order:
//	uvarint key - previous key; when classes > 1 a byte of non-zero
//	weights and, per weight, a byte of its class; the weight, an int8
//	byte, a zig-zag varint int16 or a float32 (4 bytes, little-endian).
//
// A row whose weights all quantise to zero is left out. The models put
// the block inside their own gzip files, after their lexicons. The
// shipped models are written by their train commands:
//
//	go run ./entity/train --out entity/model.bin.gz   (16 bits)
//	go run ./quote/train --out quote/cues.model.gz    (16 bits)
//
// Both commands take --bits to choose 8, 16 or 32. Quantising to 8 bits
// was measured and not kept: see the train commands' documentation.
package perceptron

import (
	"math"
	"slices"
)

// Trainer holds the weights of an averaged perceptron being trained: a
// row of weights per feature key, one weight per class. The averages
// are kept lazily: each weight remembers when it last changed, and its
// running total is brought up to date only when it changes again or
// when Averaged reads it. A Trainer is not safe for concurrent use.
type Trainer struct {
	k     int
	index map[uint64]int32
	w     []float32
	tot   []float64
	ts    []int32
	now   int32
}

// NewTrainer returns a Trainer of rows of the given number of classes
// (1 for a binary model scoring one side).
func NewTrainer(classes int) *Trainer {
	return &Trainer{k: max(classes, 1), index: map[uint64]int32{}}
}

// Classes returns the number of weights per feature.
func (t *Trainer) Classes() int { return t.k }

// Len returns the number of features with a row.
func (t *Trainer) Len() int { return len(t.index) }

// Tick counts one more example: the current weights count once more in
// the averages.
func (t *Trainer) Tick() { t.now++ }

// Add adds to sc[c] the current weight of every feature for class c,
// feature by feature in the order given; sc has a score per class.
func (t *Trainer) Add(feats []uint64, sc []float32) {
	sc = sc[:t.k]
	for _, f := range feats {
		if r, ok := t.index[f]; ok {
			row := t.w[int(r)*t.k:][:t.k]
			for l := range sc {
				sc[l] += row[l]
			}
		}
	}
}

// Update adds d to the weight of feature f for class c, giving f a row
// when it has none.
func (t *Trainer) Update(f uint64, c int, d float32) {
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.index))
		t.index[f] = r
		t.w = append(t.w, make([]float32, t.k)...)
		t.tot = append(t.tot, make([]float64, t.k)...)
		t.ts = append(t.ts, make([]int32, t.k)...)
	}
	k := int(r)*t.k + c
	t.tot[k] += float64(t.now-t.ts[k]) * float64(t.w[k])
	t.ts[k] = t.now
	t.w[k] += d
}

// Averaged returns the weights averaged over the examples counted so
// far, each weight smaller than minW in magnitude set to zero and the
// rows left without weights dropped. The trainer can go on training.
func (t *Trainer) Averaged(minW float64) *Weights {
	out := &Weights{k: t.k}
	keys := make([]uint64, 0, len(t.index))
	for f := range t.index {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	row := make([]float32, t.k)
	for _, f := range keys {
		r := int(t.index[f]) * t.k
		keep := false
		for l := range row {
			k := r + l
			a := 0.0
			if t.now > 0 {
				a = (t.tot[k] + float64(t.now-t.ts[k])*float64(t.w[k])) / float64(t.now)
			}
			row[l] = 0
			if math.Abs(a) >= minW && a != 0 {
				row[l] = float32(a)
				keep = true
			}
		}
		if keep {
			out.keys = append(out.keys, f)
			out.vals = append(out.vals, row...)
		}
	}
	return out
}

// Weights are trained weights: a row of one weight per class for each
// feature key, the keys in ascending order.
type Weights struct {
	k    int
	keys []uint64
	vals []float32
}

// NewWeights returns empty weights of rows of the given number of
// classes, to fill with Set.
func NewWeights(classes int) *Weights { return &Weights{k: max(classes, 1)} }

// Classes returns the number of weights per feature.
func (w *Weights) Classes() int { return w.k }

// Len returns the number of rows.
func (w *Weights) Len() int { return len(w.keys) }

// Key returns the feature key of row i.
func (w *Weights) Key(i int) uint64 { return w.keys[i] }

// Row returns the weights of row i, one per class; the caller must not
// change them.
func (w *Weights) Row(i int) []float32 { return w.vals[i*w.k : (i+1)*w.k : (i+1)*w.k] }

// Find returns the row of feature key f, and whether there is one.
func (w *Weights) Find(f uint64) ([]float32, bool) {
	i, ok := slices.BinarySearch(w.keys, f)
	if !ok {
		return nil, false
	}
	return w.Row(i), true
}

// Set gives feature f the row (Classes() weights), replacing any it had.
func (w *Weights) Set(f uint64, row []float32) {
	i, ok := slices.BinarySearch(w.keys, f)
	if ok {
		copy(w.vals[i*w.k:(i+1)*w.k], row)
		return
	}
	w.keys = slices.Insert(w.keys, i, f)
	w.vals = slices.Insert(w.vals, i*w.k, row[:w.k]...)
}

// Mean returns the average of several weights of the same number of
// classes, a feature missing from one counting as zero there: each
// weight divided by their number and summed in the order given.
func Mean(ws ...*Weights) *Weights {
	if len(ws) == 0 {
		return &Weights{k: 1}
	}
	k := ws[0].k
	var keys []uint64
	for _, w := range ws {
		keys = append(keys, w.keys...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	out := &Weights{k: k, keys: keys, vals: make([]float32, len(keys)*k)}
	n := float32(len(ws))
	for _, w := range ws {
		j := 0
		for i, f := range w.keys {
			for keys[j] != f {
				j++
			}
			dst := out.vals[j*k : (j+1)*k]
			for l, x := range w.Row(i) {
				dst[l] += x / n
			}
		}
	}
	return out
}

// Prune returns the weights with every weight smaller than minW in
// magnitude set to zero and the rows left without weights dropped.
func (w *Weights) Prune(minW float64) *Weights {
	out := &Weights{k: w.k}
	for i, f := range w.keys {
		row := slices.Clone(w.Row(i))
		keep := false
		for l, x := range row {
			if math.Abs(float64(x)) < minW || x == 0 {
				row[l] = 0
			} else {
				keep = true
			}
		}
		if keep {
			out.keys = append(out.keys, f)
			out.vals = append(out.vals, row...)
		}
	}
	return out
}

// MaxAbs returns the largest weight in magnitude.
func (w *Weights) MaxAbs() float32 {
	var m float32
	for _, x := range w.vals {
		m = max(m, float32(math.Abs(float64(x))))
	}
	return m
}
