package brief

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// BenchmarkBuildDUCTopics briefs every topic of DUC 2003 and DUC 2006
// (10 and 25 articles each), analysed outside the timer, and reports the
// CPU time of the median and of the slowest topic's brief, and which
// topic that is (the issue asks the worst 25-article topic <= 0.3 s).
func BenchmarkBuildDUCTopics(b *testing.B) {
	for _, set := range []string{"duc2003", "duc2006"} {
		stories := topicStories(b, set, "*", 0)
		b.Run(set, func(b *testing.B) {
			times := make([]float64, len(stories))
			for b.Loop() {
				for i, s := range stories {
					c := testutil.CPUTime()
					if _, err := Build(s, DefaultConfig()); err != nil {
						b.Fatal(err)
					}
					times[i] += float64(testutil.CPUTime()-c) / 1e6
				}
			}
			worst := 0
			for i := range times {
				times[i] /= float64(b.N)
				if times[i] > times[worst] {
					worst = i
				}
			}
			sorted := append([]float64(nil), times...)
			sort.Float64s(sorted)
			b.ReportMetric(sorted[len(sorted)/2], "median-cpu-ms")
			b.ReportMetric(times[worst], "worst-cpu-ms")
			b.Logf("%s: slowest topic %s (%d articles), %.0f cpu-ms", set, stories[worst].ID, len(stories[worst].Docs), times[worst])
		})
	}
}

// topicStories returns the first k topics (every one when k is 0) of a
// DUC set whose folder names match glob, each an analysed story; a set
// that is missing skips.
func topicStories(tb testing.TB, set, glob string, k int) []*news.Story {
	tb.Helper()
	root := testutil.Data(tb, "summarization/"+set+"/docs")
	topics, _ := filepath.Glob(filepath.Join(root, glob))
	if len(topics) == 0 {
		tb.Skipf("brief: %s missing at %s", set, root)
	}
	sort.Strings(topics)
	if k > 0 {
		topics = topics[:min(k, len(topics))]
	}
	chain, err := analyze.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var stories []*news.Story
	for _, dir := range topics {
		s := &news.Story{ID: filepath.Base(dir)}
		for a, err := range ingest.Read(dir) {
			if err != nil {
				continue
			}
			d, err := chain.Doc(a)
			if err != nil {
				tb.Fatal(err)
			}
			s.Docs = append(s.Docs, d)
		}
		if len(s.Docs) > 0 {
			stories = append(stories, s)
		}
	}
	return stories
}
