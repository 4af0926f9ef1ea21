package perceptron_test

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"

	"github.com/storyline-news/storyline/internal/perceptron"
)

// key hashes a feature's name; the models hash their features' parts
// without building names.
func key(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// A binary model (one class) learns which words are verbs of saying,
// is written with its weights quantised to 16 bits, read back into a
// table and used to score.
func Example() {
	examples := []struct {
		words []string
		y     float32
	}{
		{[]string{"w=said", "n1=that"}, 1},
		{[]string{"w=cake", "n1=was"}, -1},
		{[]string{"w=claimed", "n1=that"}, 1},
		{[]string{"w=plan", "n1=that"}, -1},
	}
	t := perceptron.NewTrainer(1)
	sc := make([]float32, 1)
	for epoch := 0; epoch < 5; epoch++ {
		for _, x := range examples {
			feats := make([]uint64, len(x.words))
			for i, w := range x.words {
				feats[i] = key(w)
			}
			t.Tick()
			sc[0] = 0
			t.Add(feats, sc)
			if sc[0]*x.y <= 0 {
				for _, f := range feats {
					t.Update(f, 0, x.y)
				}
			}
		}
	}
	var file bytes.Buffer
	if err := t.Averaged(0.01).Write(&file, 16); err != nil {
		fmt.Println(err)
		return
	}
	w, h, err := perceptron.Read(bufio.NewReader(&file))
	if err != nil {
		fmt.Println(err)
		return
	}
	tab := perceptron.NewTable[float32](w.Len())
	for i := range w.Len() {
		tab.Put(w.Key(i), w.Row(i)[0])
	}
	score := func(words ...string) float32 {
		var s float32
		for _, x := range words {
			s += tab.Get(key(x))
		}
		return s
	}
	fmt.Println(h.Bits, "bits,", w.Len(), "features")
	fmt.Println("said that:", score("w=said", "n1=that") > 0)
	fmt.Println("cake was:", score("w=cake", "n1=was") > 0)
	// Output:
	// 16 bits, 6 features
	// said that: true
	// cake was: false
}
