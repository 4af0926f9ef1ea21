package cluster_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// corpus returns the DUC 2003 and BASIL articles, segmented (no
// entities, to keep the set-up short), in date order.
func corpus(b *testing.B) []*news.Doc {
	b.Helper()
	var items []eval.StoryItem
	duc, err := eval.ReadDUCStories(testutil.Shared(b, "data/summarization/duc2003"))
	if err != nil {
		b.Fatal(err)
	}
	items = append(items, duc...)
	basil, err := eval.ReadBASIL(testutil.Shared(b, "data/stories/basil"))
	if err != nil {
		b.Fatal(err)
	}
	items = append(items, basil...)
	var docs []*news.Doc
	for _, it := range items {
		d, err := analyze.Chain{analyze.Segment}.Doc(&it.Article)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// replay returns the i-th doc of an endless stream made by replaying
// base: copy r of the corpus gets new IDs and is dated from r×400 days
// (past the default Window, so copies of one article do not meet), its
// docs a few minutes apart in corpus order.
func replay(base []*news.Doc, i int) *news.Doc {
	r, k := i/len(base), i%len(base)
	d := *base[k]
	d.ID = fmt.Sprintf("r%d/%s", r, d.ID)
	d.Date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 400*r).Add(time.Duration(k) * 3 * time.Minute)
	return &d
}

// benchmarkPlace measures placing one doc in a clusterer that already
// holds about n docs of the replayed stream: n rounded up to whole
// copies of the corpus, so that every size places the same docs.
func benchmarkPlace(b *testing.B, n int) { benchmarkPlaceWith(b, n, cluster.DefaultConfig()) }

// logisticOnly returns the defaults with the model's trees left out:
// the logistic model alone, to measure in the same run what the trees
// cost.
func logisticOnly() cluster.Config {
	cfg := cluster.DefaultConfig()
	m := *cfg.Model
	m.Trees = nil
	cfg.Model = &m
	return cfg
}

func benchmarkPlaceWith(b *testing.B, n int, cfg cluster.Config) {
	base := corpus(b)
	n = (n + len(base) - 1) / len(base) * len(base)
	c := cluster.New(cfg)
	for i := 0; i < n; i++ {
		c.Add(replay(base, i))
	}
	i := n
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for b.Loop() {
		c.Add(replay(base, i))
		i++
	}
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(c.Stories()), "stories")
}

// BenchmarkPlace10k and BenchmarkPlace100k show that the cost of
// placing a doc does not grow with the number of docs and stories
// stored (the bound: at most 1.5× from 10k to 100k). Besides
// ns/op they report cpu-ns/op, the process's CPU time per placed doc,
// which a machine busy with other work disturbs less.
func BenchmarkPlace10k(b *testing.B)  { benchmarkPlace(b, 10_000) }
func BenchmarkPlace100k(b *testing.B) { benchmarkPlace(b, 100_000) }

// BenchmarkPlace10kLogistic and BenchmarkPlace100kLogistic place docs
// as BenchmarkPlace10k and BenchmarkPlace100k do, with the model's
// trees left out.
func BenchmarkPlace10kLogistic(b *testing.B)  { benchmarkPlaceWith(b, 10_000, logisticOnly()) }
func BenchmarkPlace100kLogistic(b *testing.B) { benchmarkPlaceWith(b, 100_000, logisticOnly()) }

// BenchmarkAdd places the corpus once, from an empty clusterer.
func BenchmarkAdd(b *testing.B) {
	base := corpus(b)
	c := cluster.New(cluster.DefaultConfig())
	i := 0
	for b.Loop() {
		c.Add(replay(base, i))
		i++
	}
}
