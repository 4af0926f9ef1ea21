package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/perceptron"
)

// GazEntry is an extra gazetteer entry: a name as words, and its type
// (an index into Types).
type GazEntry struct {
	Words []string
	Type  int
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int
	// Folds is the number of folds the training documents are split into
	// so that each document sees a gazetteer built without it.
	Folds int
	// Extra are gazetteer entries from outside the training data.
	Extra []GazEntry
	// MinWeight drops averaged weights smaller than it in magnitude.
	MinWeight float64
	// Seed fixes the document order of each epoch.
	Seed uint64
	// Dev, when set, is tagged after each epoch and its F1 reported.
	Dev      []Doc
	Progress io.Writer
}

// trainer is the perceptron being trained, as viterbi reads it.
type trainer struct{ *perceptron.Trainer }

func (t trainer) add(feats []uint64, sc *[NumLabels]float32) { t.Add(feats, sc[:]) }

// buildLex counts how often each word is written in lower case.
func buildLex(docs []Doc) map[string]uint8 {
	type c struct{ n, low int }
	cnt := map[string]*c{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, w := range s.Words {
				_, fl := shapeOf(w)
				if fl&fAlpha == 0 {
					continue
				}
				k := norm(w)
				x := cnt[k]
				if x == nil {
					x = &c{}
					cnt[k] = x
				}
				x.n++
				if fl&fInitCap == 0 && fl&fHasLower != 0 {
					x.low++
				}
			}
		}
	}
	lex := map[string]uint8{}
	for k, x := range cnt {
		if x.n < 3 {
			continue
		}
		f := float64(x.low) / float64(x.n)
		var b uint8
		switch {
		case f == 0:
			b = 0
		case f < 0.2:
			b = 1
		case f < 0.6:
			b = 2
		case f < 0.95:
			b = 3
		default:
			b = 4
		}
		lex[k] = b
	}
	return lex
}

func buildGaz(docs []Doc, skip func(int) bool, extra []GazEntry) gazetteer {
	g := gazetteer{}
	for _, e := range extra {
		lows := make([]string, len(e.Words))
		for i, w := range e.Words {
			lows[i] = norm(w)
		}
		g.add(lows, e.Type)
	}
	for di, d := range docs {
		if skip != nil && skip(di) {
			continue
		}
		for _, s := range d.Sentences {
			for _, c := range ChunksIOB(s.Tags) {
				lows := make([]string, 0, c.End-c.Start)
				for _, w := range s.Words[c.Start:c.End] {
					lows = append(lows, norm(w))
				}
				g.add(lows, c.Type)
			}
		}
	}
	return g
}

// Train trains a model on CoNLL documents. It is deterministic for given
// options.
func Train(docs []Doc, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	m := &Model{lex: buildLex(docs), titles: mineTitles(docs)}
	folds := make([]gazetteer, opt.Folds)
	for k := range folds {
		folds[k] = buildGaz(docs, func(i int) bool { return i%opt.Folds == k }, opt.Extra)
	}
	full := buildGaz(docs, nil, opt.Extra)
	t := trainer{perceptron.NewTrainer(NumLabels)}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var buf []uint64
	lt := &lattice{}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, di := range order {
			m.gaz = folds[di%opt.Folds]
			d := newDocState()
			doc := docs[di]
			infos := make([]sentInfo, len(doc.Sentences))
			for i, s := range doc.Sentences {
				infos[i] = m.prepare(s.Words, d)
				d.observe(&infos[i])
			}
			for k := range infos {
				si := &infos[k]
				gold := bilou(doc.Sentences[k].Tags)
				t.Tick()
				ls := viterbi(t, m, si, d, lt)
				total += len(ls)
				wrong := false
				for i := range ls {
					if ls[i] != gold[i] {
						errs++
						wrong = true
					}
				}
				if wrong {
					gp, yp := uint8(NumLabels), uint8(NumLabels)
					for i := range ls {
						g, y := gold[i], ls[i]
						if g != y || gp != yp {
							if g != y {
								buf = m.features(buf[:0], si, i, d)
								for _, f := range buf {
									t.Update(f, int(g), 1)
									t.Update(f, int(y), -1)
								}
							}
							buf = dynamic(buf[:0], si, i, gp)
							for _, f := range buf {
								t.Update(f, int(g), 1)
							}
							buf = dynamic(buf[:0], si, i, yp)
							for _, f := range buf {
								t.Update(f, int(y), -1)
							}
						}
						gp, yp = g, y
					}
				}
				d.remember(si, ls)
			}
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "epoch %d: %d features, train token errors %.4f", ep+1, t.Len(), float64(errs)/float64(total))
			if opt.Dev != nil {
				am := averaged(t.Trainer, m, full, opt.MinWeight)
				p, r, f := Score(am, opt.Dev, 3)
				fmt.Fprintf(opt.Progress, ", dev PER+ORG+LOC P %.4f R %.4f F1 %.4f", p, r, f)
			}
			fmt.Fprintln(opt.Progress)
		}
	}
	return averaged(t.Trainer, m, full, opt.MinWeight)
}

// averaged returns a model with the averaged weights, rows whose weights
// are all small dropped.
func averaged(t *perceptron.Trainer, m *Model, g gazetteer, minW float64) *Model {
	out := &Model{lex: m.lex, gaz: g, titles: m.titles, w: t.Averaged(minW)}
	out.compile()
	return out
}

// Score tags the documents and returns conlleval precision, recall and F1
// over the first ntypes types (3: PER, ORG, LOC; 4: with MISC).
func Score(m *Model, docs []Doc, ntypes int) (p, r, f float64) {
	var correct, guessed, gold int
	for _, d := range docs {
		ws := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			ws[i] = s.Words
		}
		got := m.TagDoc(ws)
		for i, s := range d.Sentences {
			g := map[Chunk]bool{}
			for _, c := range ChunksIOB(s.Tags) {
				if c.Type < ntypes {
					g[c] = true
					gold++
				}
			}
			for _, c := range got[i] {
				if c.Type < ntypes {
					guessed++
					if g[c] {
						correct++
					}
				}
			}
		}
	}
	if guessed > 0 {
		p = float64(correct) / float64(guessed)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// mineTitles finds the words written capitalised, not first in the
// sentence, that stand right before a person's name (or before another
// such word) in at least 30% of their capitalised uses and 3 times.
func mineTitles(docs []Doc) []string {
	before, capd := map[string]int{}, map[string]int{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i, w := range s.Words {
				_, fl := shapeOf(w)
				if i > 0 && fl&fInitCap != 0 && fl&fHasLower != 0 && s.Tags[i] == "O" {
					capd[norm(w)]++
				}
			}
			for _, c := range ChunksIOB(s.Tags) {
				if c.Type != 0 {
					continue
				}
				for j := c.Start - 1; j > 0; j-- {
					w := strings.TrimSuffix(s.Words[j], ".")
					_, fl := shapeOf(w)
					if s.Tags[j] != "O" || fl&fInitCap == 0 || fl&fHasLower == 0 {
						break
					}
					before[norm(w)]++
				}
			}
		}
	}
	var out []string
	for w, n := range before {
		if n >= 3 && float64(n) >= 0.3*float64(capd[w]+capd[w+"."]) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
