package perceptron

import (
	"bufio"
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAveraged checks the lazy averages against weights summed after
// every example.
func TestAveraged(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const k, feats, steps = 3, 5, 200
	tr := NewTrainer(k)
	var w, sum [feats][k]float64
	// an example counts the weights it was scored with, before its
	// updates
	for s := 0; s < steps; s++ {
		tr.Tick()
		for f := range w {
			for c := range w[f] {
				sum[f][c] += w[f][c]
			}
		}
		for u := 0; u < rng.IntN(3); u++ {
			f, c := rng.IntN(feats), rng.IntN(k)
			d := float32(rng.IntN(5) - 2)
			tr.Update(uint64(f+1), c, d)
			w[f][c] += float64(d)
		}
	}
	avg := tr.Averaged(0)
	for f := range w {
		row, ok := avg.Find(uint64(f + 1))
		for c := range w[f] {
			want := sum[f][c] / steps
			var got float64
			if ok {
				got = float64(row[c])
			}
			if math.Abs(got-want) > 1e-5 {
				t.Errorf("feature %d class %d: average %v, want %v", f, c, got, want)
			}
		}
	}
	// the current weights score
	sc := make([]float32, k)
	tr.Add([]uint64{1, 2, 99}, sc)
	for c := range sc {
		if want := float32(w[0][c] + w[1][c]); sc[c] != want {
			t.Errorf("class %d: score %v, want %v", c, sc[c], want)
		}
	}
}

// TestMeanPrune averages two tables and drops the small weights.
func TestMeanPrune(t *testing.T) {
	a, b := NewWeights(2), NewWeights(2)
	a.Set(5, []float32{1, 0.02})
	a.Set(1, []float32{2, 4})
	b.Set(1, []float32{0, 2})
	b.Set(9, []float32{0.04, -0.02})
	m := Mean(a, b)
	want := map[uint64][]float32{1: {1, 3}, 5: {0.5, 0.01}, 9: {0.02, -0.01}}
	if m.Len() != 3 {
		t.Fatalf("mean has %d rows, want 3", m.Len())
	}
	for i := range m.Len() {
		if !slices.Equal(m.Row(i), want[m.Key(i)]) {
			t.Errorf("mean row %d: %v, want %v", m.Key(i), m.Row(i), want[m.Key(i)])
		}
	}
	p := m.Prune(0.015)
	if p.Len() != 3 || !slices.Equal(p.Row(1), []float32{0.5, 0}) || !slices.Equal(p.Row(2), []float32{0.02, 0}) {
		t.Errorf("pruned: keys %v", p.keys)
	}
	if p := m.Prune(0.03); p.Len() != 2 || p.Key(1) != 5 {
		t.Errorf("pruned to 0.03: keys %v, want 1 and 5", p.keys)
	}
}

// TestWriteRead round-trips weights at each precision.
func TestWriteRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, k := range []int{1, 17} {
		w := NewWeights(k)
		for i := 0; i < 500; i++ {
			row := make([]float32, k)
			for l := range row {
				if rng.IntN(3) == 0 {
					row[l] = float32(rng.NormFloat64() * 3)
				}
			}
			w.Set(rng.Uint64(), row)
		}
		w.Set(0, make([]float32, k)) // a row without weights is left out
		top := float64(w.MaxAbs())
		for _, bits := range []int{8, 16, 32} {
			var buf bytes.Buffer
			if err := w.Write(&buf, bits); err != nil {
				t.Fatal(err)
			}
			buf.WriteString("after")
			r := bufio.NewReader(&buf)
			got, h, err := Read(r)
			if err != nil {
				t.Fatalf("%d classes, %d bits: %v", k, bits, err)
			}
			if rest, _ := r.ReadString(0); rest != "after" {
				t.Errorf("%d bits: read %q past the block", bits, rest)
			}
			if h.Bits != bits || h.Classes != k {
				t.Errorf("header %+v", h)
			}
			step := 0.0
			if bits != 32 {
				step = top / float64(int(1)<<(bits-1)-1)
			}
			n := 0
			for i := range w.Len() {
				row, ok := got.Find(w.Key(i))
				for l, x := range w.Row(i) {
					var y float32
					if ok {
						y = row[l]
					}
					if math.Abs(float64(x-y)) > step/2*(1+1e-6) {
						t.Errorf("%d bits: key %x class %d: %v read back as %v", bits, w.Key(i), l, x, y)
					}
				}
				if ok {
					n++
				}
			}
			if n != got.Len() {
				t.Errorf("%d bits: %d rows read, %d of them written", bits, got.Len(), n)
			}
		}
	}
}

func TestWriteErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := NewWeights(1).Write(&buf, 12); err == nil {
		t.Error("no error for 12 bits")
	}
	for _, bad := range []string{"", "perceptron\n", "perceptron\n\x00", "perceptron\n\x01\x0c", "nonsense at all"} {
		if _, _, err := Read(bufio.NewReader(bytes.NewReader([]byte(bad)))); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

// TestTable fills a table past its first size and reads it back.
func TestTable(t *testing.T) {
	tab := NewTable[int32](4)
	want := map[uint64]int32{}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 1000; i++ {
		k := rng.Uint64() >> rng.IntN(60)
		want[k] = int32(i)
		tab.Put(k, int32(i))
	}
	tab.Put(0, -1)
	want[0] = -1
	if tab.Len() != len(want) {
		t.Errorf("Len %d, want %d", tab.Len(), len(want))
	}
	for k, v := range want {
		if got, ok := tab.Lookup(k); !ok || got != v {
			t.Errorf("key %x: %v %v, want %v", k, got, ok, v)
		}
	}
	n := 0
	for k, v := range tab.All() {
		if want[k] != v {
			t.Errorf("All yields %x %v, want %v", k, v, want[k])
		}
		n++
	}
	if n != len(want) {
		t.Errorf("All yields %d keys, want %d", n, len(want))
	}
	absent := 0
	for i := 0; i < 1000; i++ {
		k := rng.Uint64() | 1<<63
		if _, ok := want[k]; ok {
			continue
		}
		if _, ok := tab.Lookup(k); ok {
			t.Errorf("absent key %x found", k)
		}
		if tab.MayHave(k) {
			absent++
		}
	}
	// the filter lets few absent keys through
	if absent > 200 {
		t.Errorf("filter let %d absent keys of 1000 through", absent)
	}
}

func FuzzRead(f *testing.F) {
	w := NewWeights(3)
	w.Set(7, []float32{1, 0, -2})
	for _, bits := range []int{8, 16, 32} {
		var buf bytes.Buffer
		w.Write(&buf, bits)
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		w, h, err := Read(bufio.NewReader(bytes.NewReader(b)))
		if err != nil {
			return
		}
		if w.Classes() != h.Classes || w.Len() > h.Rows {
			t.Errorf("read %d rows of %d classes, header %+v", w.Len(), w.Classes(), h)
		}
	})
}

// TestRice round-trips numbers through the Rice coder the keys are
// written with.
func TestRice(t *testing.T) {
	xs := []uint64{0, 1, 2, 1<<32 - 1, 1 << 32, 1<<33 + 5, 1<<63 + 7, math.MaxUint64}
	for _, k := range []uint{0, 1, 31, 32, 33, 62, 63} {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		w := bitWriter{w: bw}
		var in []uint64
		for _, x := range xs {
			if k < 64 && x>>k > 1<<12 {
				continue // a unary part too long to write
			}
			in = append(in, x)
			w.rice(x, k)
		}
		w.flush()
		bw.WriteByte(0xAB)
		bw.Flush()
		r := bitReader{r: bufio.NewReader(&buf)}
		for _, x := range in {
			got, err := r.rice(k)
			if err != nil || got != x {
				t.Errorf("k %d: %d read back as %d, %v", k, x, got, err)
			}
		}
		if b, _ := r.r.ReadByte(); b != 0xAB {
			t.Errorf("k %d: the byte after the code is %x", k, b)
		}
	}
}
