package textvec_test

import (
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/textvec"
)

// Example weighs three short texts by TF-IDF over their stems and
// compares them by cosine; MinHash finds the near-copy.
func Example() {
	texts := []string{
		"Rescuers searched the rubble after the earthquake struck the city.",
		"After the earthquake struck the city, rescuers searched the rubble.",
		"The central bank raised interest rates again.",
	}
	vocab := textvec.NewVocab()
	var df textvec.DF
	var counts []textvec.Vector
	var sigs []textvec.Signature
	for _, t := range texts {
		var ids []uint32
		var words []uint64
		textvec.Words(t, func(a, b int) {
			w := strings.ToLower(t[a:b])
			words = append(words, textvec.HashString(w))
			if !textvec.IsStopword(w) {
				ids = append(ids, vocab.ID(textvec.Stem(w)))
			}
		})
		v := textvec.Counts(ids, nil)
		df.Add(v)
		counts = append(counts, v)
		sigs = append(sigs, textvec.MinHash(words, 1, 64))
	}
	a, b, c := df.TFIDF(counts[0]), df.TFIDF(counts[1]), df.TFIDF(counts[2])
	fmt.Printf("same story: %.2f\n", textvec.Cosine(a, b))
	fmt.Printf("other story: %.2f\n", textvec.Cosine(a, c))
	fmt.Printf("word-set similarity of the first two: %.1f\n", textvec.Similarity(sigs[0], sigs[1]))
	// Output:
	// same story: 1.00
	// other story: 0.00
	// word-set similarity of the first two: 1.0
}
