package brief

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// movedDateStories gives the seeds and a story of n BASIL articles
// (when the set is there) in which every third article's stated date is
// moved 60 days or 100 years back, so that the date judgements reject
// and infer them, ordered latest first so that Build's time order
// differs from the input's.
func movedDateStories(t *testing.T, n int) map[string]*news.Story {
	stories := map[string]*news.Story{"seeds": seedStory(t)}
	if docs := testdocs.Basil(t, n); len(docs) > 0 {
		for i := 1; i < len(docs); i += 3 {
			docs[i].StatedDate = docs[i].StatedDate.AddDate(0, 0, -60*(i%2))
			if i%2 == 0 {
				docs[i].StatedDate = docs[i].StatedDate.AddDate(-100, 0, 0)
			}
		}
		sort.SliceStable(docs, func(i, j int) bool { return docs[i].StatedDate.After(docs[j].StatedDate) })
		stories["basil"] = &news.Story{ID: "basil", Docs: docs}
	}
	return stories
}

// TestBuildLeavesStoryAlone checks that Build changes nothing it is
// given: the docs, their fields and layers, and their order are the
// same, byte for byte as JSON, before and after, on the seeds (whose
// dates Build rejects and infers) and on a pile of BASIL articles.
func TestBuildLeavesStoryAlone(t *testing.T) {
	for name, s := range movedDateStories(t, 12) {
		before, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		order := append([]*news.Doc(nil), s.Docs...)
		b, err := Build(s, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Sources) != len(s.Docs) {
			t.Errorf("%s: %d sources for %d docs", name, len(b.Sources), len(s.Docs))
		}
		after, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if string(before) != string(after) {
			t.Errorf("%s: Build changed the story it was given", name)
		}
		for i := range order {
			if order[i] != s.Docs[i] {
				t.Errorf("%s: Build reordered the docs (%s at %d)", name, s.Docs[i].ID, i)
				break
			}
		}
	}
}

// pile returns a pile of n analysed real articles: the BASIL articles
// (three outlets a story), then, past the 210 of that set, the first
// three articles of each DUC 2006 topic, in order.
func pile(tb testing.TB, basil []*news.Doc, n int) []*news.Doc {
	return pileOf(tb, basil, n, "summarization/duc2006/docs", "D06*", 3)
}

// clusterPile is pile as `storyline bench` makes it: past the BASIL
// articles come whole DUC 2003 topics (ten articles of one story each).
func clusterPile(tb testing.TB, basil []*news.Doc, n int) []*news.Doc {
	return pileOf(tb, basil, n, "summarization/duc2003/docs", "d*", 1000)
}

// pileOf returns the first n of the BASIL articles, then the first
// perTopic articles of each topic folder of set (those matching glob),
// in order.
func pileOf(tb testing.TB, basil []*news.Doc, n int, set, glob string, perTopic int) []*news.Doc {
	out := append([]*news.Doc(nil), basil[:min(n, len(basil))]...)
	if len(out) >= n {
		return out
	}
	root := testutil.Data(tb, set)
	topics, _ := filepath.Glob(filepath.Join(root, glob))
	sort.Strings(topics)
	chain, err := analyze.Default()
	if err != nil {
		tb.Fatal(err)
	}
	for _, dir := range topics {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		sort.Strings(files)
		for _, f := range files[:min(perTopic, len(files))] {
			for a, err := range ingest.Read(f) {
				if err != nil || len(out) >= n {
					continue
				}
				d, err := chain.Doc(a)
				if err != nil {
					tb.Fatal(err)
				}
				out = append(out, d)
			}
		}
		if len(out) >= n {
			break
		}
	}
	if len(out) < n {
		tb.Skipf("brief: only %d articles for a pile of %d", len(out), n)
	}
	return out
}

// BenchmarkBuild briefs piles of 10, 30, 100 and 300 real articles (see
// pile), analysed outside the timer: unrelated stories of three outlets
// each, as a mixed pile gives. Besides the wall clock it reports the
// process's CPU time per brief, steadier on a shared machine.
func BenchmarkBuild(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{10, 30, 100, 300} {
		s := &news.Story{ID: "pile", Docs: pile(b, all, n)}
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) {
			if _, err := Build(s, DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// cpuBench runs body once per iteration of the sub-benchmark name and
// reports the process's CPU time per op beside the wall clock: steadier
// on a shared machine.
func cpuBench(b *testing.B, name string, body func(b *testing.B)) {
	b.Run(name, func(b *testing.B) {
		c := testutil.CPUTime()
		for b.Loop() {
			body(b)
		}
		b.ReportMetric(float64(testutil.CPUTime()-c)/float64(b.N)/1e6, "cpu-ms/op")
	})
}

var pileDump = flag.String("pile-dump", "", "TestPileDump: folder to write the JSON briefs of the benchmark piles to")

// TestPileDump writes the JSON brief of each pile of BenchmarkBuild, and
// of the first DUC 2006 topics, to the folder -pile-dump names, with
// their SHA-256 in the log, so that a speed change can show that Build's
// output is the same bytes before and after (diff the folders). Without
// the flag it skips.
func TestPileDump(t *testing.T) {
	if *pileDump == "" {
		t.Skip("brief: no -pile-dump folder given")
	}
	if err := os.MkdirAll(*pileDump, 0o755); err != nil {
		t.Fatal(err)
	}
	all := testdocs.Basil(t, 300)
	for _, n := range []int{10, 30, 100, 300} {
		dumpBrief(t, fmt.Sprintf("pile-%d", n), &news.Story{ID: "pile", Docs: pile(t, all, n)})
	}
	dumpBrief(t, "clusters-300", &news.Story{ID: "pile", Docs: clusterPile(t, all, 300)})
	for _, s := range topicStories(t, "duc2006", "D06*", 8) {
		dumpBrief(t, s.ID, s)
	}
}

// dumpBrief writes the JSON brief of s to name.json in the -pile-dump
// folder and logs its SHA-256.
func dumpBrief(t *testing.T, name string, s *news.Story) {
	t.Helper()
	b, err := Build(s, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.MarshalIndent(b, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*pileDump, name+".json"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d docs, sha256 %x", name, len(s.Docs), sha256.Sum256(out))
}

// BenchmarkBuildClusters is BenchmarkBuild on the piles of
// clusterPile, whose DUC articles come ten to a story, as in
// `storyline bench`.
func BenchmarkBuildClusters(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{100, 300} {
		s := &news.Story{ID: "pile", Docs: clusterPile(b, all, n)}
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) {
			if _, err := Build(s, DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkDates times the date judgements alone (datedStory, the part
// of Build this package's dates.go owns) on the piles of BenchmarkBuild.
func BenchmarkDates(b *testing.B) {
	all := testdocs.Basil(b, 300)
	for _, n := range []int{10, 30, 100, 300} {
		s := &news.Story{ID: "pile", Docs: pile(b, all, n)}
		cpuBench(b, fmt.Sprintf("N=%d", n), func(b *testing.B) {
			datedStory(s)
		})
	}
}

// BenchmarkBuildDUC briefs the first DUC 2006 topics, 25 articles each,
// analysed outside the timer.
func BenchmarkBuildDUC(b *testing.B) {
	for _, s := range topicStories(b, "duc2006", "D06*", 8) {
		cpuBench(b, s.ID, func(b *testing.B) {
			if _, err := Build(s, DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		})
		cpuBench(b, s.ID+"/dates", func(b *testing.B) {
			datedStory(s)
		})
	}
}

// TestRelatedDocs checks on a mixed pile of BASIL stories (three outlets
// each) that relatedDocs links articles of one story and keeps those of
// different stories apart, and logs the share of each.
func TestRelatedDocs(t *testing.T) {
	docs := testdocs.Basil(t, 90)
	dds := make([]*docDates, len(docs))
	for i, d := range docs {
		dds[i] = newDocDates(d)
	}
	rel := relatedDocs(dds)
	story := func(d *news.Doc) string { return strings.SplitN(d.ID, "_", 2)[0] }
	same, sameRel, other, otherRel := 0, 0, 0, 0
	for i := range docs {
		for j := range docs {
			if i == j {
				continue
			}
			if story(docs[i]) == story(docs[j]) {
				same++
				if rel[i][j] {
					sameRel++
				}
			} else {
				other++
				if rel[i][j] {
					otherRel++
				}
			}
		}
	}
	a, b := float64(sameRel)/float64(same), float64(otherRel)/float64(other)
	t.Logf("pairs of one story related: %.1f%% of %d; of different stories: %.2f%% of %d", 100*a, same, 100*b, other)
	if a < 0.9 || b > 0.02 {
		t.Errorf("related: same story %.3f (want >= 0.9), different %.3f (want <= 0.02)", a, b)
	}
}

// TestDocSims logs how similar the articles of one story are, and those
// of different stories, on BASIL and on the web stories of the briefs
// set (what relatedSim is chosen from), and checks that every web page
// has a neighbour of its own story at relatedSim or more, so that the
// nearest-neighbour links of relatedDocs reach it.
func TestDocSims(t *testing.T) {
	q := func(x []float64, p float64) float64 {
		sort.Float64s(x)
		return x[int(p*float64(len(x)-1))]
	}
	docs := testdocs.Basil(t, 90)
	dds := make([]*docDates, len(docs))
	for i, d := range docs {
		dds[i] = newDocDates(d)
	}
	sims := docSims(dds)
	same, other := []float64{}, []float64{}
	for i := range dds {
		for j := range dds {
			if i == j {
				continue
			}
			if strings.Split(docs[i].ID, "_")[0] == strings.Split(docs[j].ID, "_")[0] {
				same = append(same, sims[i][j])
			} else {
				other = append(other, sims[i][j])
			}
		}
	}
	t.Logf("basil same story: min %.3f p10 %.3f p50 %.3f; other: p50 %.3f p90 %.3f p99 %.3f max %.3f", q(same, 0), q(same, 0.1), q(same, 0.5), q(other, 0.5), q(other, 0.9), q(other, 0.99), q(other, 1))
	dirs, _ := filepath.Glob(filepath.Join(testutil.Data(t, "briefs"), "web-*"))
	for _, dir := range dirs {
		s, _ := briefsStory(t, dir)
		dds := make([]*docDates, len(s.Docs))
		for i, d := range s.Docs {
			dds[i] = newDocDates(d)
		}
		sims := docSims(dds)
		var v, best []float64
		for i := range dds {
			b := 0.0
			for j := range dds {
				if i != j {
					v = append(v, sims[i][j])
					b = max(b, sims[i][j])
				}
			}
			best = append(best, b)
		}
		t.Logf("%s: min %.3f p10 %.3f p50 %.3f; best per doc min %.3f p50 %.3f", filepath.Base(dir), q(v, 0), q(v, 0.1), q(v, 0.5), q(best, 0), q(best, 0.5))
		if q(best, 0) < relatedSim {
			t.Errorf("%s: an article's nearest neighbour scores %.3f, below relatedSim %.2f", filepath.Base(dir), q(best, 0), relatedSim)
		}
	}
}

// TestShinglesFNV checks that shingles hashes its word 5-grams as it
// says, from the words strings.FieldsFunc splits (each word hashed by
// hash/fnv's FNV-1a, and the five words' hashes by FNV-1a taken 64 bits
// at a time), on ASCII text, which it lowercases as it hashes, and on
// other text, and that copies finds a copy behind a stock phrase many
// articles share.
func TestShinglesFNV(t *testing.T) {
	// twice, so that shingles repeat; one text of ASCII alone, which
	// shingles lowercases as it hashes
	for _, text := range []string{
		strings.Repeat("Ünïcode words, numbers like 42 and CAPITALS: the quick brown fox jumps over the lazy dog again and again. ", 2),
		strings.Repeat("ASCII words, numbers like 42 and CAPITALS: The Quick brown fox jumps over the LAZY dog again and again. ", 2),
	} {
		words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		var want []uint64
		for i := 0; i+shingleWords <= len(words); i++ {
			h := uint64(14695981039346656037)
			for _, w := range words[i : i+shingleWords] {
				f := fnv.New64a()
				f.Write([]byte(w))
				h = (h ^ f.Sum64()) * 1099511628211
			}
			want = append(want, h)
		}
		slices.Sort(want)
		if got := shingles(text); !slices.Equal(got, slices.Compact(want)) {
			t.Errorf("shingles: %d hashes, %d of hash/fnv's, or other values", len(got), len(want))
		}
	}
	// A stock phrase in every doc is indexed for the first seenCap docs
	// only; the copy among the later docs is still found.
	stock := strings.Repeat("this story was reported with help from staff writers in the newsroom today ", 3)
	var docs []*news.Doc
	for i := range seenCap + 4 {
		var body strings.Builder
		for k := range 60 {
			fmt.Fprintf(&body, "word%dx%d ", i, k)
		}
		docs = append(docs, &news.Doc{Article: news.Article{ID: fmt.Sprintf("d%02d", i), Text: stock + body.String()}})
	}
	docs = append(docs, &news.Doc{Article: news.Article{ID: "z-copy", Text: docs[seenCap+2].Text}})
	got := copies(docs)
	if got["z-copy"] != docs[seenCap+2].ID || len(got) != 1 {
		t.Errorf("copies = %v, want z-copy -> %s only", got, docs[seenCap+2].ID)
	}
}
