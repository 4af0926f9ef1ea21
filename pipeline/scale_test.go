package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

var (
	scaleN    = flag.Int("scale.n", 10000, "BenchmarkScale: articles stored in all")
	scaleStep = flag.Int("scale.step", 0, "BenchmarkScale: articles per Run (a batch from a feed); 0 means one copy of the corpus, so that every Run is alike")
	scaleOut  = flag.String("scale.jsonl", "", "TestWriteReplay: write -scale.n replayed articles to this JSON-lines file, for `storyline ingest`")
)

// corpus is the real articles of ../shared/data that the scale benchmark
// replays (BASIL, ECB+, DUC 2003 and 2006), each analysed once.
type corpus struct {
	arts []news.Article
	docs map[string]*news.Doc // by article ID
}

var (
	corpusOnce sync.Once
	theCorpus  *corpus
	corpusErr  error
)

// loadArticles reads the corpus's articles without analysing them.
func loadArticles(tb testing.TB) *corpus {
	tb.Helper()
	c, err := readCorpus(testutil.Shared(tb, "data"))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func readCorpus(data string) (*corpus, error) {
	var corpusErr error
	var items []eval.StoryItem
	add := func(set string, its []eval.StoryItem, err error) {
		if err != nil {
			corpusErr = err
			return
		}
		for _, it := range its {
			it.Article.ID = set + "/" + it.Article.ID
			it.Article.Key = ""
			items = append(items, it)
		}
	}
	basil, err := eval.ReadBASIL(filepath.Join(data, "stories", "basil"))
	add("basil", basil, err)
	dev, train, err := eval.ReadECBPlusStories(filepath.Join(data, "stories", "ecbplus"))
	add("ecb", append(dev, train...), err)
	for _, set := range []string{"duc2003", "duc2006"} {
		its, err := eval.ReadDUCStories(filepath.Join(data, "summarization", set))
		add(set, its, err)
	}
	if corpusErr != nil {
		return nil, corpusErr
	}
	// Dated articles first, in date order, as a stream would bring them.
	slices.SortStableFunc(items, func(a, b eval.StoryItem) int {
		return news.CompareDated(a.Article.StatedDate, b.Article.StatedDate)
	})
	c := &corpus{docs: map[string]*news.Doc{}}
	for _, it := range items {
		c.arts = append(c.arts, it.Article)
	}
	return c, nil
}

func loadCorpus(tb testing.TB) *corpus {
	tb.Helper()
	data := testutil.Shared(tb, "data")
	corpusOnce.Do(func() {
		c, err := readCorpus(data)
		if err != nil {
			corpusErr = err
			return
		}
		chain, err := analyze.Default()
		if err != nil {
			corpusErr = err
			return
		}
		in := func(yield func(*news.Article, error) bool) {
			for i := range c.arts {
				if !yield(&c.arts[i], nil) {
					return
				}
			}
		}
		for r := range chain.All(context.Background(), in, 0) {
			if r.Err != nil {
				corpusErr = r.Err
				return
			}
			c.docs[r.Doc.ID] = r.Doc
		}
		theCorpus = c
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return theCorpus
}

// replayYears is how far apart in time the copies of the corpus are:
// more than any story's span, so copy k's stories are not copy k-1's.
const replayYears = 30

// replay returns the first n articles of the corpus replayed: copy k of
// an article has an ID and URL (so a key) of its own, its dates shifted
// by k·replayYears years, and a third of its words of four letters or
// more (chosen by a hash of the word and k) with their letters rotated:
// each copy has names and words of its own, consistent within the copy,
// and is no near-duplicate of another copy, while most of the vocabulary
// stays, as in a real stream. An undated article (ECB+ has none) is given
// one, a day per ten articles from 2000-01-01 in corpus order, so that
// copies are told apart by time as the dated ones are. Byte offsets do not
// change, so a copy's layers are the original's (see replayStage). Copy
// 0 is the corpus itself. Articles are made as they are read.
func (c *corpus) replay(n int) func(yield func(*news.Article, error) bool) {
	return func(yield func(*news.Article, error) bool) {
		for i := 0; i < n; i++ {
			k, a := i/len(c.arts), c.arts[i%len(c.arts)]
			r := a
			r.ID = fmt.Sprintf("r%d:%s", k, a.ID)
			r.URL = fmt.Sprintf("https://replay.invalid/%d/%s", k, a.ID)
			r.Key = ""
			r.Title = testutil.Garble(a.Title, k)
			r.Text = testutil.Garble(a.Text, k)
			if a.StatedDate.IsZero() && a.DatelineDate.IsZero() {
				a.StatedDate = time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, (i%len(c.arts))/10)
			}
			r.StatedDate = shift(a.StatedDate, k)
			r.DatelineDate = shift(a.DatelineDate, k)
			if !yield(&r, nil) {
				return
			}
		}
	}
}

func shift(t time.Time, k int) time.Time {
	if t.IsZero() {
		return t
	}
	return t.AddDate(k*replayYears, 0, 0)
}

// replayStage gives a replayed article the layers of its original's
// analysis, its words and names garbled alike and its dates shifted: the
// analysis is then free, and what is measured is the rest of the
// pipeline (placing, storing, briefs).
type replayStage struct{ c *corpus }

func (replayStage) Name() string { return "replay" }

func (s replayStage) Apply(d *news.Doc) error {
	var k int
	var id string
	if _, err := fmt.Sscanf(d.ID, "r%d:", &k); err != nil {
		return fmt.Errorf("replay: %s: not a replayed article", d.ID)
	}
	_, id, _ = strings.Cut(d.ID, ":")
	o := s.c.docs[id]
	if o == nil {
		return fmt.Errorf("replay: %s: no analysed original", d.ID)
	}
	d.Sentences, d.Opinion, d.Timexes = o.Sentences, o.Opinion, o.Timexes
	d.Paragraphs = o.Paragraphs
	// A token is a span of the text, which the reader garbled already
	// (garble keeps every byte's place).
	d.Tokens = slices.Clone(o.Tokens)
	d.Mentions = make([]news.Mention, len(o.Mentions))
	for i, m := range o.Mentions {
		m.Text = testutil.Garble(m.Text, k)
		d.Mentions[i] = m
	}
	d.Entities = make([]news.Entity, len(o.Entities))
	for i, e := range o.Entities {
		e.Name = testutil.Garble(e.Name, k)
		e.Forms = slices.Clone(e.Forms)
		for j := range e.Forms {
			e.Forms[j] = testutil.Garble(e.Forms[j], k)
		}
		d.Entities[i] = e
	}
	d.Quotes = make([]news.Quote, len(o.Quotes))
	for i, q := range o.Quotes {
		q.Speaker = testutil.Garble(q.Speaker, k)
		d.Quotes[i] = q
	}
	d.Date, d.DateStatus, d.DateNote, d.Analyzer = shift(o.Date, k), o.DateStatus, o.DateNote, o.Analyzer
	return nil
}

// maxRSS returns the process's peak resident set size in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10
}

// BenchmarkScale stores -scale.n replayed articles (see corpus.replay),
// -scale.step per Run (by default one copy of the corpus, so that every
// Run holds the same articles and the Runs' costs compare), in a new
// SQLite file, with the analysis replayed (replayStage) so that it
// measures what grows with the store: placing, storing, catching up and
// the briefs. It prints each Run's CPU and wall time per article against
// the number stored before it, with the heap and peak RSS, to stderr as
// it goes, and reports the CPU cost per article of the Run that reaches
// 10k stored and of the last, their ratio (growth),
// the time a new pipeline takes to restore its assigner from the full
// store (restore-ms, the stories within the clusterer's window, as a Run
// does; restore-all-ms, every stored doc, as before windows), and the
// process's peak RSS. Run it with
//
//	go test -run XXX -bench Scale -benchtime 1x -timeout 2h ./pipeline -args -scale.n 100000
//
// The peak RSS includes the analysed corpus the replay copies from
// (reported as corpus-heap-MB).
func BenchmarkScale(b *testing.B) {
	c := loadCorpus(b)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	corpusHeap := ms.HeapAlloc
	n, step := *scaleN, *scaleStep
	if step == 0 {
		step = len(c.arts)
	}
	for b.Loop() {
		s := openTest(b, filepath.Join(b.TempDir(), "scale.db"))
		p := newTest(b, s, Config{Chain: analyze.Chain{replayStage{c}}, NewAssigner: newClusterAssigner})
		next, stop := iter.Pull2(c.replay(n))
		var at10k, last float64
		for done := 0; done < n; {
			m := min(step, n-done)
			c0, t0 := testutil.CPUTime(), time.Now()
			sum, err := p.Run(context.Background(), func(yield func(*news.Article, error) bool) {
				for range m {
					a, _, ok := next()
					if !ok || !yield(a, nil) {
						return
					}
				}
			})
			if err != nil {
				b.Fatal(err)
			}
			cpu := float64(testutil.CPUTime()-c0) / float64(m) / 1e6
			wall := float64(time.Since(t0)) / float64(m) / 1e6
			runtime.ReadMemStats(&ms)
			// Straight to stderr, so that a long run shows its progress.
			fmt.Fprintf(os.Stderr, "scale: stored %6d: +%d in %.2f ms CPU, %.2f ms wall per article (wait %v, store %v, briefs %v for %d); %d stories changed; heap %d MB, peak RSS %d MB\n",
				done, sum.Stored, cpu, wall, sum.Times.Wait.Round(time.Millisecond), sum.Times.Store.Round(time.Millisecond),
				sum.Times.Briefs.Round(time.Millisecond), sum.Briefs, sum.Stories, ms.HeapAlloc>>20, maxRSS()>>20)
			if at10k == 0 && done+m >= min(10000, n) {
				at10k = cpu // the Run that reaches 10k stored
			}
			last = cpu
			done += m
		}
		stop()
		// Restoring a new pipeline's clusterer: from the stories within
		// its window, and (hiding the window) from every stored doc.
		for _, r := range []struct {
			metric string
			make   func() Assigner
		}{
			{"restore-ms", newClusterAssigner},
			{"restore-all-ms", func() Assigner { return struct{ Assigner }{newClusterAssigner()} }},
		} {
			t0 := time.Now()
			q := newTest(b, s, Config{Chain: analyze.Chain{replayStage{c}}, NewAssigner: r.make})
			if err := q.restore(context.Background()); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(time.Since(t0).Milliseconds()), r.metric)
		}
		b.ReportMetric(at10k, "cpu-ms/article@10k")
		b.ReportMetric(last, "cpu-ms/article@end")
		if at10k > 0 {
			b.ReportMetric(last/at10k, "growth")
		}
	}
	b.ReportMetric(float64(maxRSS())/(1<<20), "peak-RSS-MB")
	b.ReportMetric(float64(corpusHeap)/(1<<20), "corpus-heap-MB")
}

// TestReplay: a replayed copy keys, dates and words differently from its
// original and keeps its byte offsets.
func TestReplay(t *testing.T) {
	a := news.Article{ID: "x", Title: "Earthquake hits Turkey", Text: "A strong earthquake struck eastern Turkey on Sunday.", StatedDate: time.Date(2011, 10, 23, 0, 0, 0, 0, time.UTC)}
	c := &corpus{arts: []news.Article{a}, docs: map[string]*news.Doc{}}
	var got []*news.Article
	for r := range c.replay(3) {
		got = append(got, r)
	}
	if len(got) != 3 || got[0].Text != a.Text || got[1].Text == a.Text || len(got[1].Text) != len(a.Text) ||
		got[1].StatedDate.Year() != 2011+replayYears || news.KeyOf(got[1]) == news.KeyOf(got[2]) || got[1].Text == got[2].Text {
		t.Errorf("replay = %+v", got)
	}
}

// TestWriteReplay writes the replayed corpus as JSON lines, which
// `storyline ingest` reads, when -scale.jsonl names a file (outside the
// repository); it does nothing otherwise. For example
//
//	go test -run WriteReplay ./pipeline -args -scale.n 10000 -scale.jsonl /tmp/replay-10k.jsonl
func TestWriteReplay(t *testing.T) {
	if *scaleOut == "" {
		t.Skip("no -scale.jsonl file given")
	}
	c := loadArticles(t)
	f, err := os.Create(*scaleOut)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for a := range c.replay(*scaleN) {
		rec := map[string]string{"id": a.ID, "url": a.URL, "title": a.Title, "source": a.Outlet, "text": a.Text}
		if !a.StatedDate.IsZero() {
			rec["date"] = a.StatedDate.Format(time.RFC3339)
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
