package pipeline

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// TestSketchEnough: the clusterer judges sketches (what a pipeline
// restores from) exactly as the whole docs, so a restored assigner
// decides as the one that placed the docs. When the clusterer comes to
// read another layer, this fails until store.Sketch keeps it.
func TestSketchEnough(t *testing.T) {
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*news.Doc
	for r := range chain.All(context.Background(), ingest.Read(seeds(t)), 0) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		docs = append(docs, r.Doc)
	}
	if len(docs) < 3 {
		t.Skip("too few seeds")
	}
	full, sketched := cluster.New(cluster.DefaultConfig()), cluster.New(cluster.DefaultConfig())
	for _, d := range docs {
		full.Observe(d)
		sketched.Observe(store.Sketch(d))
	}
	for i, a := range docs {
		for j, b := range docs {
			if i == j {
				continue
			}
			f, s := full.Similarity(a, b), sketched.Similarity(store.Sketch(a), store.Sketch(b))
			if f != s {
				t.Errorf("similarity of seeds %d and %d: %v from the docs, %v from their sketches", i, j, f, s)
			}
		}
	}
	// A clusterer restored from sketches places the next doc as one
	// restored from the docs.
	fa, sa := newClusterAssigner(), newClusterAssigner()
	for i, d := range docs[:len(docs)-1] {
		story := store.StoryID(docs[i%2].Key)
		fa.Restore(d, story)
		sa.Restore(store.Sketch(d), story)
	}
	last := docs[len(docs)-1]
	f1, f2, f3 := fa.Assign(last)
	s1, s2, s3 := sa.Assign(last)
	if f1 != s1 || f2 != s2 || len(f3) != len(s3) {
		t.Errorf("placed after restoring docs: %s %q %v; after restoring sketches: %s %q %v", f1, f2, f3, s1, s2, s3)
	}
}
