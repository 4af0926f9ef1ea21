package eval

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/summarize"
)

// TestSummarizationQualityFloor runs the summarization suite on DUC 2003
// (100 words) and holds storyline's ROUGE recall above a floor a little
// under what it measures (R-1 39.42, R-2 10.72 when written) and above
// the LexRank baseline.
func TestSummarizationQualityFloor(t *testing.T) {
	data := rougeSharedData(t, "summarization/duc2003")
	rouge := rougeSharedData(t, "summarization/rouge")
	rep, err := Run("summarization", Options{Data: data, Rouge: rouge})
	if err != nil {
		t.Fatal(err)
	}
	for _, sys := range []string{"storyline", "lexrank", "centroid"} {
		for _, m := range []string{"rouge-1_recall", "rouge-2_recall", "rouge-su4_recall", "rouge-1_f", "rouge-2_f", "rouge-su4_f", "clusters_per_second"} {
			if _, ok := rep.Value(sys, m); !ok {
				t.Errorf("no %s for %s", m, sys)
			}
		}
	}
	for _, tc := range []struct {
		metric string
		floor  float64
	}{{"rouge-1_recall", 0.375}, {"rouge-2_recall", 0.098}, {"rouge-su4_recall", 0.13}} {
		got, _ := rep.Value("storyline", tc.metric)
		base, _ := rep.Value("lexrank", tc.metric)
		if got < tc.floor {
			t.Errorf("storyline %s = %.4f, below the floor %.4f", tc.metric, got, tc.floor)
		}
		if got <= base {
			t.Errorf("storyline %s = %.4f, not above lexrank's %.4f", tc.metric, got, base)
		}
	}
	var buf bytes.Buffer
	if err := rep.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "-l 100") {
		t.Errorf("notes do not give the length limit:\n%s", buf.String())
	}
	t.Log("\n" + buf.String())
}

// BenchmarkSummarizationCluster measures storyline's summarizer, the
// segmenter included, on a DUC 2003 cluster of ten articles.
func BenchmarkSummarizationCluster(b *testing.B) {
	cs, _, err := ReadSummarization(rougeSharedData(b, "summarization/duc2003"))
	if err != nil {
		b.Fatal(err)
	}
	var c SummCluster
	for _, x := range cs {
		if len(x.Docs) == 10 {
			c = x
			break
		}
	}
	b.ReportMetric(float64(len(c.Docs)), "docs/cluster")
	start := time.Now()
	n := 0
	for b.Loop() {
		if _, err := summarize.Documents(c.Docs, summarize.Options{Words: 100, Overflow: true}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "clusters/s")
}
