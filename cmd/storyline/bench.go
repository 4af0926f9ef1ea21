package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/summarize"
)

// The bench command measures speed and memory in one run. Its JSON
// output has the shape of the eval suites' (eval.Report); its metric
// names are fixed:
//
//	analysis_articles_per_second_one_core   analyze.Default over BASIL, GOMAXPROCS 1
//	analysis_articles_per_second_all_cores  the same through Chain.All, every CPU
//	brief_seconds_N (10, 30, 100, 300)      brief.Build of N analysed articles as one story, best of 3+
//	summarizer_ms_per_cluster               summarize.Docs of a segmented DUC 2003 cluster
//	startup_ms                              wall time of "storyline --help" in a new process
//	doc_heap_bytes                          live heap per analysed Doc kept, after GC
//
// prose v3's full pipeline (tokens, sentences, tags, entities) over the
// same articles is the baseline of the two analysis rows.

// benchSizes are the pile sizes of the brief rows.
var benchSizes = []int{10, 30, 100, 300}

// benchOptions configure one bench run.
type benchOptions struct {
	data  string // the shared data folder
	quick bool
	// minTime is how long a throughput measure runs at least.
	minTime time.Duration
	// sizes are the brief pile sizes (benchSizes by default).
	sizes []int
	// exe is the binary whose start-up is timed.
	exe      string
	progress io.Writer
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline bench [--data DIR] [--format table|json] [--quick] [--sizes 10,30,100,300]"
	fs := newFlags("bench", usage, "Measures analysis throughput (one core and all), brief time for 10 to 300 articles,\nsummarizer time per cluster, start-up time and heap per kept Doc, in one run,\nwith prose's analysis throughput on the same articles as a baseline.\nDIR holds stories/basil (BASIL) and summarization/duc2003 (DUC 2003).", stderr)
	opt := benchOptions{progress: stderr, minTime: 3 * time.Second}
	fs.StringVar(&opt.data, "data", "../shared/data", "folder of the shared data sets")
	format := fs.String("format", "table", "output format: table or json")
	fs.BoolVar(&opt.quick, "quick", false, "a smoke run on a few articles that checks every measure runs; its figures are not to be quoted")
	sizes := fs.String("sizes", "10,30,100,300", "the brief pile sizes to time, comma-separated")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, pos[0])
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: unknown format %q", errUsage, *format)
	}
	// measured with the collector settings brief, ingest and serve run with
	defer pipeline.TuneGC()()
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: --sizes: %q is not a positive number", errUsage, f)
		}
		opt.sizes = append(opt.sizes, n)
	}
	if opt.exe, err = os.Executable(); err != nil {
		return fmt.Errorf("bench: finding this program to time its start-up: %w", err)
	}
	r, err := bench(ctx, opt)
	if err != nil {
		return err
	}
	if *format == "json" {
		return r.WriteJSON(stdout)
	}
	return r.WriteTable(stdout)
}

// bench runs every measure.
func bench(ctx context.Context, opt benchOptions) (*eval.Report, error) {
	logf := func(format string, a ...any) {
		if opt.progress != nil {
			fmt.Fprintf(opt.progress, "bench: "+format+"\n", a...)
		}
	}
	basilDir := filepath.Join(opt.data, "stories", "basil")
	arts, err := readBASIL(basilDir)
	if err != nil {
		return nil, err
	}
	ducDir := filepath.Join(opt.data, "summarization", "duc2003")
	clusters, _, err := eval.ReadSummarization(ducDir)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	sizes := opt.sizes
	if len(sizes) == 0 {
		sizes = benchSizes
	}
	minTime, startups, heapArts := opt.minTime, 10, arts
	if opt.quick {
		heapArts = arts[:min(len(arts), 20)]
		arts, clusters, minTime, startups = arts[:min(len(arts), 4)], clusters[:min(len(clusters), 2)], 0, 2
	}
	chain, err := analyze.Default()
	if err != nil {
		return nil, err
	}
	r := &eval.Report{Suite: "bench", Data: opt.data}
	cpus := runtime.GOMAXPROCS(0)

	// warm up: models loaded, memos filled, as in a long-running process
	for _, a := range arts {
		chain.Doc(a)
	}

	logf("analysis, one core")
	n, secs, errs := timeLoop(ctx, minTime, 1, arts, func(a *news.Article) error {
		_, err := chain.Doc(a)
		return err
	})
	r.Add("storyline", "analysis_articles_per_second_one_core", float64(n)/secs)
	logf("analysis, %d cores", cpus)
	n2, secs2, errs2 := timeLoop(ctx, minTime, cpus, arts, func(a *news.Article) error {
		_, err := chain.Doc(a)
		return err
	})
	r.Add("storyline", "analysis_articles_per_second_all_cores", float64(n2)/secs2)
	for _, e := range append(errs, errs2...) {
		r.Notes = append(r.Notes, "analysis error: "+e.Error())
	}

	logf("prose baseline")
	proseDoc, err := proseAnalysis()
	if err != nil {
		return nil, err
	}
	pn, psecs, perrs := timeLoop(ctx, minTime, 1, arts, proseDoc)
	r.Add("prose", "analysis_articles_per_second_one_core", float64(pn)/psecs)
	pn2, psecs2, perrs2 := timeLoop(ctx, minTime, cpus, arts, proseDoc)
	r.Add("prose", "analysis_articles_per_second_all_cores", float64(pn2)/psecs2)
	for _, e := range append(perrs, perrs2...) {
		r.Notes = append(r.Notes, "prose error: "+e.Error())
	}

	// brief piles: the BASIL articles, then DUC 2003's, as one story
	pile := slices.Clone(arts)
	for _, c := range clusters {
		for _, d := range c.Docs {
			pile = append(pile, &news.Article{ID: c.ID + "/" + d.ID, Title: d.Title, StatedDate: d.Date, Text: d.Text, Paragraphs: sentence.Paragraphs(d.Text)})
		}
	}
	cfg := brief.DefaultConfig()
	for _, size := range sizes {
		k := min(size, len(pile))
		if opt.quick {
			k = min(k, 3)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		logf("brief of %d articles", k)
		var docs []*news.Doc
		for res := range chain.All(ctx, seqOf(pile[:k]), 0) {
			if res.Err != nil {
				r.Notes = append(r.Notes, "analysis error: "+res.Err.Error())
				continue
			}
			docs = append(docs, res.Doc)
		}
		// the fastest of at least three builds (one in a quick run), repeated
		// for minTime: one wall-clock run on a shared machine varies by a
		// third, and a ratio of two such runs more
		var best, spent time.Duration
		for runs := 1; ; runs++ {
			start := time.Now()
			if _, err := brief.Build(&news.Story{ID: fmt.Sprintf("bench-%d", size), Docs: docs}, cfg); err != nil {
				return nil, fmt.Errorf("bench: brief of %d articles: %w", k, err)
			}
			took := time.Since(start)
			spent += took
			if best == 0 || took < best {
				best = took
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if opt.quick || runs >= 3 && spent >= opt.minTime {
				break
			}
		}
		r.Add("storyline", fmt.Sprintf("brief_seconds_%d", size), best.Seconds())
		if k != size && !opt.quick {
			r.Notes = append(r.Notes, fmt.Sprintf("brief_seconds_%d: only %d articles available", size, k))
		}
	}

	logf("summarizer")
	ms, nc := benchSummarizer(ctx, clusters, minTime)
	r.Add("storyline", "summarizer_ms_per_cluster", ms)

	logf("start-up")
	su, err := benchStartup(ctx, opt.exe, startups)
	if err != nil {
		return nil, err
	}
	r.Add("storyline", "startup_ms", su)

	logf("heap per kept doc")
	hb := docHeap(chain, heapArts)
	r.Add("storyline", "doc_heap_bytes", hb)

	r.Notes = append(r.Notes,
		fmt.Sprintf("all times are wall-clock on %d CPUs: other work on the machine slows them; compare figures of one run", runtime.NumCPU()),
		gcNote(),
		fmt.Sprintf("%d BASIL articles; analysis: analyze.Default on one goroutine at GOMAXPROCS 1, and Chain.All at GOMAXPROCS %d; after one warm-up pass; each measure repeats passes for at least %s", len(arts), cpus, minTime),
		"prose v3.2.3 baseline: tokens, part-of-speech tags and entities as prose.NewDocument makes them, on the same texts; without prose's sentence splitter, which needs a module storyline does not require",
		fmt.Sprintf("brief_seconds_N: wall time of brief.Build alone on N docs analysed beforehand, as one story (BASIL first, then DUC 2003 documents), the fastest of at least three builds repeated for %s; GOMAXPROCS %d", minTime, cpus),
		fmt.Sprintf("summarizer_ms_per_cluster: summarize.Docs (coverage, 100 words) on %d DUC 2003 clusters, segmented beforehand", nc),
		fmt.Sprintf("startup_ms: median wall time of %d runs of %q --help", startups, filepath.Base(opt.exe)),
		fmt.Sprintf("doc_heap_bytes: live heap after GC with %d analysed docs kept, less before, per doc; the articles' text is held by the input and not counted", len(heapArts)),
	)
	if opt.quick {
		r.Notes = append(r.Notes, "quick run: a few articles, one pass, piles of at most 3; the figures check that the measures run and are not to be quoted")
	}
	return r, nil
}

// proseAnalysis returns prose's pipeline as prose.NewDocument runs it,
// less its sentence splitter: tokenize, tag, label and chunk entities.
func proseAnalysis() (func(*news.Article) error, error) {
	tk := tokenize.New()
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("bench: prose tagger: %w", err)
	}
	ex, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("bench: prose entity extracter: %w", err)
	}
	return func(a *news.Article) error {
		toks := tk.Tokenize(a.Text)
		tg.TagTokens(toks)
		ex.Label(toks)
		ex.Chunk(a.Text, toks)
		return nil
	}, nil
}

// timeLoop runs fn over the articles on workers goroutines, whole passes
// until minTime has passed (one pass at least), at GOMAXPROCS 1 when
// workers is 1. It returns the articles done, the seconds taken and the
// errors of the first pass.
func timeLoop(ctx context.Context, minTime time.Duration, workers int, arts []*news.Article, fn func(*news.Article) error) (int, float64, []error) {
	if workers == 1 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	}
	var errs []error
	var mu sync.Mutex
	n := 0
	start := time.Now()
	for pass := 0; pass == 0 || time.Since(start) < minTime; pass++ {
		if ctx.Err() != nil {
			break
		}
		next := make(chan *news.Article)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for a := range next {
					if err := fn(a); err != nil && pass == 0 {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			})
		}
		for _, a := range arts {
			next <- a
		}
		close(next)
		wg.Wait()
		n += len(arts)
	}
	return n, time.Since(start).Seconds(), errs
}

// benchSummarizer returns the mean milliseconds of summarize.Docs per
// cluster, over whole passes until minTime, and the clusters used.
func benchSummarizer(ctx context.Context, clusters []eval.SummCluster, minTime time.Duration) (float64, int) {
	segmented := make([][]*news.Doc, 0, len(clusters))
	for _, c := range clusters {
		if docs, err := summarize.Analyse(c.Docs); err == nil {
			segmented = append(segmented, docs)
		}
	}
	if len(segmented) == 0 {
		return 0, 0
	}
	opt := summarize.Options{Words: 100}
	var spent time.Duration
	n := 0
	for pass := 0; pass == 0 || spent < minTime; pass++ {
		if ctx.Err() != nil {
			break
		}
		for _, docs := range segmented {
			start := time.Now()
			summarize.Docs(docs, opt)
			spent += time.Since(start)
			n++
		}
	}
	return float64(spent.Microseconds()) / 1000 / float64(n), len(segmented)
}

// benchStartup returns the median wall milliseconds of runs of exe --help.
func benchStartup(ctx context.Context, exe string, runs int) (float64, error) {
	var ms []float64
	for range runs {
		cmd := exec.CommandContext(ctx, exe, "--help")
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("bench: timing the start-up of %s: %w", exe, err)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	slices.Sort(ms)
	return ms[len(ms)/2], nil
}

// docHeap returns the live heap bytes per analysed doc kept in memory.
func docHeap(chain analyze.Chain, arts []*news.Article) float64 {
	var before, after runtime.MemStats
	// twice: what sync.Pools hold survives one collection
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := make([]*news.Doc, 0, len(arts))
	for _, a := range arts {
		if d, err := chain.Doc(a); err == nil {
			kept = append(kept, d)
		}
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	if len(kept) == 0 {
		return 0
	}
	return (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(len(kept))
}

func seqOf(arts []*news.Article) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
}

// readBASIL reads the BASIL articles under dir (one JSON file each, with
// its body as paragraphs of sentences), sorted by path.
func readBASIL(dir string) ([]*news.Article, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench: reading BASIL: %w", err)
	}
	slices.Sort(files)
	var out []*news.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		var j struct {
			Source string     `json:"source"`
			Title  string     `json:"title"`
			Date   string     `json:"date"`
			Paras  [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &j); err != nil {
			return nil, fmt.Errorf("bench: %s: %w", f, err)
		}
		a := &news.Article{ID: filepath.Base(f), Outlet: j.Source, Title: j.Title}
		a.StatedDate, _ = time.Parse("2006-01-02", j.Date)
		for i, p := range j.Paras {
			if i > 0 {
				a.Text += "\n\n"
			}
			s := strings.Join(p, " ")
			a.Paragraphs = append(a.Paragraphs, news.Span{Start: len(a.Text), End: len(a.Text) + len(s)})
			a.Text += s
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bench: no BASIL articles (*.json) in %s", dir)
	}
	return out, nil
}

// gcNote says which collector settings the measures ran with.
func gcNote() string {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return fmt.Sprintf("collector: GOGC=%q GOMEMLIMIT=%q, as set in the environment", os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"))
	}
	return fmt.Sprintf("collector: the settings brief, ingest and serve run with (GOGC %d, soft limit %d MiB)", pipeline.GCPercent, pipeline.MemLimit>>20)
}
