package textvec

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestWordsAndStemWord(t *testing.T) {
	var got []string
	s := "The U.S. army's 3rd-division, réunion"
	Words(s, func(a, b int) { got = append(got, s[a:b]) })
	want := []string{"The", "U", "S", "army", "s", "3rd", "division", "r", "union"}
	if !slices.Equal(got, want) {
		t.Errorf("Words(%q) = %q, want %q", s, got, want)
	}
	for w, want := range map[string]string{"Running": "run", "the": "the", "Cats": "cat", "was": "was"} {
		if got := StemWord(w); got != want {
			t.Errorf("StemWord(%q) = %q, want %q", w, got, want)
		}
		if got := StemWord(w); got != want { // cached
			t.Errorf("cached StemWord(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Café": "cafe", "ŁÓDŹ": "lodz", "word": "word", "WORD": "word", "—": "", "O’Brien": "o'brien", "..": ""} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStopwords(t *testing.T) {
	if !IsStopword("the") || !IsStopword("said") || IsStopword("earthquake") {
		t.Error("stopword list wrong")
	}
}

func TestVocab(t *testing.T) {
	v := NewVocab()
	a, b := v.ID("x"), v.ID("y")
	if a != 0 || b != 1 || v.ID("x") != 0 || v.Term(1) != "y" || v.Len() != 2 {
		t.Error("vocab ids not dense in order of first sight")
	}
	if _, ok := v.Lookup("z"); ok {
		t.Error("Lookup added a term")
	}
}

func TestVectors(t *testing.T) {
	a := Counts([]uint32{3, 1, 3}, nil)
	if !slices.Equal(a, Vector{{1, 1}, {3, 2}}) {
		t.Fatalf("Counts = %v", a)
	}
	b := Vector{{2, 1}, {3, 1}}
	if d := Dot(a, b); d != 2 {
		t.Errorf("Dot = %v", d)
	}
	if c := Cosine(a, a); c < 0.999999 || c > 1.000001 {
		t.Errorf("Cosine(a, a) = %v", c)
	}
	if c := Cosine(a, nil); c != 0 {
		t.Errorf("Cosine with zero = %v", c)
	}
	if s := AddScaled(a, 2, b); !slices.Equal(s, Vector{{1, 1}, {2, 2}, {3, 4}}) {
		t.Errorf("AddScaled = %v", s)
	}
}

// TestTop compares the heap selection with a full sort.
func TestTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 60; n++ {
		var v Vector
		for i := 0; i < n; i++ {
			v = append(v, Entry{uint32(i * 2), float64(r.IntN(5))})
		}
		for _, k := range []int{0, 1, 3, 10, 20, 40, 100} {
			want := slices.Clone(v)
			slices.SortFunc(want, func(a, b Entry) int {
				if heavier(a, b) {
					return -1
				}
				if heavier(b, a) {
					return 1
				}
				return 0
			})
			want = want[:min(k, len(want))]
			slices.SortFunc(want, func(a, b Entry) int { return int(a.ID) - int(b.ID) })
			if got := v.Top(k); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("Top(%d) of %v = %v, want %v", k, v, got, want)
			}
			if k >= len(v) {
				continue
			}
			// out of ID order, Top still gives the k heaviest in ID order
			u := slices.Clone(v)
			r.Shuffle(len(u), func(i, j int) { u[i], u[j] = u[j], u[i] })
			if got := u.Top(k); !slices.Equal(got, want) {
				t.Fatalf("Top(%d) of %v = %v, want %v", k, u, got, want)
			}
		}
	}
}

func TestDF(t *testing.T) {
	var df DF
	df.Add(Vector{{0, 1}, {1, 3}})
	df.Add(Vector{{1, 1}})
	if df.Docs() != 2 || df.Freq(1) != 2 || df.Freq(0) != 1 || df.Freq(9) != 0 {
		t.Fatal("frequencies wrong")
	}
	if df.IDF(0) <= df.IDF(1) {
		t.Error("a rarer term must weigh more")
	}
	v := df.TFIDF(Vector{{0, 1}, {1, 1}})
	if v[0].W <= v[1].W || v.Norm() < 0.999999 {
		t.Errorf("TFIDF = %v", v)
	}
	df.Remove(Vector{{1, 1}})
	if df.Docs() != 1 || df.Freq(1) != 1 {
		t.Error("Remove did not uncount")
	}
}

func hashes(s string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(s) {
		out = append(out, HashString(Fold(w)))
	}
	return out
}

func TestMinHashLSH(t *testing.T) {
	base := "the quake struck the coastal city early on tuesday killing at least forty people and leaving thousands homeless officials said as rescuers searched the rubble for survivors through the night"
	edited := strings.Replace(base, "forty", "forty-two", 1) + " more rain is expected"
	other := "the central bank raised interest rates by a quarter point on wednesday citing stubborn inflation and a tight labour market in the third quarter of the year"
	a, b, c := MinHash(hashes(base), 3, 64), MinHash(hashes(edited), 3, 64), MinHash(hashes(other), 3, 64)
	if s := Similarity(a, b); s < 0.6 {
		t.Errorf("edited copy similarity %.2f, want ≥ 0.6", s)
	}
	if s := Similarity(a, c); s > 0.2 {
		t.Errorf("unrelated similarity %.2f, want ≤ 0.2", s)
	}
	l := NewLSH(16, 4)
	l.Add(1, a)
	l.Add(2, c)
	if got := l.Query(b); !slices.Equal(got, []int32{1}) {
		t.Errorf("Query(edited) = %v, want [1]", got)
	}
	l.Remove(1, a)
	if got := l.Query(b); len(got) != 0 {
		t.Errorf("Query after Remove = %v", got)
	}
	if e := MinHash(nil, 3, 64); Similarity(e, e) != 0 {
		t.Error("empty signatures must not match")
	}
}

func BenchmarkStemWord(b *testing.B) {
	words := strings.Fields("The ministers met in Kestrel on Tuesday and agreed to reopen the border between the two countries after months of talks")
	for b.Loop() {
		for _, w := range words {
			StemWord(w)
		}
	}
}

func BenchmarkMinHash(b *testing.B) {
	h := hashes(strings.Repeat("the quake struck the coastal city early on tuesday killing at least forty people ", 40))
	for b.Loop() {
		MinHash(h, 4, 64)
	}
}

// BenchmarkMinHashRef is BenchmarkMinHash with minHashRef, to measure
// the faster loop against it in the same run.
func BenchmarkMinHashRef(b *testing.B) {
	h := hashes(strings.Repeat("the quake struck the coastal city early on tuesday killing at least forty people ", 40))
	for b.Loop() {
		minHashRef(h, 4, 64)
	}
}

func BenchmarkTop(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	v := make(Vector, 1000)
	for i := range v {
		v[i] = Entry{uint32(i), r.Float64()}
	}
	for b.Loop() {
		v.Top(40)
	}
}

// BenchmarkTopMost keeps 300 of 360 entries, as a story's centroid
// does when a doc joins it: Top picks them in one pass instead of
// sorting them.
func BenchmarkTopMost(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	v := make(Vector, 360)
	for i := range v {
		v[i] = Entry{uint32(i), r.Float64()}
	}
	for b.Loop() {
		v.Top(300)
	}
}

func BenchmarkCosine(b *testing.B) {
	var x, y Vector
	for i := 0; i < 300; i++ {
		x = append(x, Entry{uint32(2 * i), 1})
		y = append(y, Entry{uint32(3 * i), 1})
	}
	for b.Loop() {
		Cosine(x, y)
	}
}

// TestCountFields checks CountFields, and HasFields at every bound,
// against strings.Fields on spaces of every kind and on bytes that are
// no UTF-8.
func TestCountFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "x\u00a0y\u2003z\u0085w", "\xffa \xfe", "“Quoted,” he said.  ", "a\u3000b", "Élysée-Palace, O'Neill\u00e9x", "ab12cd", "\v\f\ra\x00b\x1fc", "one  two\tthree\n"} {
		if got, want := CountFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("CountFields(%q) = %d, want %d", s, got, want)
		}
		for n := -1; n <= len(strings.Fields(s))+2; n++ {
			if got, want := HasFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("HasFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// minHashRef is MinHash as first written, one shingle at a time with
// every hash function of it: the reference the faster loop must match.
func minHashRef(words []uint64, w, k int) Signature {
	sig := make(Signature, k)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	if len(words) == 0 {
		return sig
	}
	if w < 1 {
		w = 1
	}
	n := len(words) - w + 1
	if n < 1 {
		n, w = 1, len(words)
	}
	for i := 0; i < n; i++ {
		var h uint64
		for _, x := range words[i : i+w] {
			h = mix(h ^ x + 0x9e3779b97f4a7c15)
		}
		for j := range sig {
			v := mix(h + uint64(j+1)*0x9e3779b97f4a7c15)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// TestMinHashSame checks MinHash against minHashRef on random sequences
// of every length up to past its stack buffer, with several shingle
// lengths and signature sizes.
func TestMinHashSame(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 5, 17, 100, 511, 512, 515, 516, 600, 2000} {
		words := make([]uint64, n)
		for i := range words {
			words[i] = r.Uint64() % 50 // repeats, as in text
		}
		for _, w := range []int{0, 1, 3, 4} {
			for _, k := range []int{0, 1, 3, 4, 7, 64, 65} {
				if got, want := MinHash(words, w, k), minHashRef(words, w, k); !slices.Equal(got, want) {
					t.Fatalf("n=%d w=%d k=%d: MinHash differs from the reference", n, w, k)
				}
			}
		}
	}
}

// TestHashBytes checks that HashBytes is HashString over the same bytes.
func TestHashBytes(t *testing.T) {
	for _, s := range []string{"", "a", "quake", "réunion", "2011"} {
		if HashBytes([]byte(s)) != HashString(s) {
			t.Errorf("HashBytes(%q) differs from HashString", s)
		}
	}
}
