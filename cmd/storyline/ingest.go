package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/cputime"
	"github.com/storyline-news/storyline/pipeline"
)

// newAssigner makes the assigner of a run; nil means the pipeline's
// default, package cluster's online clusterer. Tests replace it.
var newAssigner func() pipeline.Assigner

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline ingest [--db DSN] [--words N] [--batch N] PATH|URL..."
	fs := newFlags("ingest", usage, "Reads articles, analyses them on all cores, places each in its story and stores it,\n"+
		"and updates the brief of every story that changed, in the background once the story\n"+
		"has been quiet for a while, and at the end for the rest. An article already stored\n"+
		"(same canonical URL, or same text) is skipped, so running it twice stores once.\n"+
		"An interrupted run keeps what it stored; running it again stores the rest.\n"+
		"PATH may be a file, a folder (read recursively), a URL, or - for stdin.", stderr)
	db := dbFlag(fs)
	cfg := pipeline.Config{Brief: brief.DefaultConfig(), NewAssigner: newAssigner}
	fs.IntVar(&cfg.Brief.Words, "words", cfg.Brief.Words, "summary length in words of the stored briefs")
	fs.IntVar(&cfg.Batch, "batch", pipeline.DefaultBatch, "most articles stored in one transaction")
	stats := fs.Bool("stats", false, "print where the time went to stderr: restoring, reading and analysis, storing, briefs")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no input given", errUsage)
	}
	if cfg.Batch <= 0 {
		return fmt.Errorf("%w: --batch must be positive, got %d", errUsage, cfg.Batch)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	prog := newProgress(stderr, "ingested")
	defer prog.clear()
	cfg.Log = clearing{prog, stderr}
	cfg.OnResult = func(r pipeline.Result) { prog.add(r.Status == pipeline.Failed) }
	p, err := pipeline.New(s, cfg)
	if err != nil {
		return err
	}
	defer pipeline.TuneGC()()
	start, cpu0 := time.Now(), cputime.Process()
	sum, err := p.Run(ctx, ingest.ReadAllContext(ctx, paths))
	prog.clear()
	fmt.Fprintln(stdout, "ingest:", sum)
	if *stats {
		printStats(stderr, sum, time.Since(start), cputime.Process()-cpu0)
	}
	if err != nil && ctx.Err() != nil {
		return errInterrupted // the summary above says what was stored
	}
	if err == nil && sum.Failed > 0 && sum.Stored+sum.Known == 0 {
		// As brief: some inputs unreadable is a note per input, and the
		// rest goes on; nothing readable at all is a failed run.
		return fmt.Errorf("no article could be read from %d input(s)", len(paths))
	}
	return err
}

// printStats prints a run's times: wall times of each step on the run's
// goroutine (analysis runs on the other cores meanwhile, so waiting for
// it is what it added), the articles per second, all stages in, and the
// process's CPU time per article (0 where it cannot be read), which
// other work on the machine disturbs less than the wall time.
func printStats(w io.Writer, sum pipeline.Summary, wall, cpu time.Duration) {
	t := sum.Times
	n := sum.Stored + sum.Known + sum.Failed
	fmt.Fprintf(w, "ingest: %d article(s) in %v: %.0f articles/s (%.0f stored/s), %.2f ms CPU per article\n", n, wall.Round(time.Millisecond),
		float64(n)/wall.Seconds(), float64(sum.Stored)/wall.Seconds(), float64(cpu)/float64(max(n, 1))/1e6)
	fmt.Fprintf(w, "ingest: restoring the assigner %v; waiting for reading and analysis %v; storing %v in %d transaction(s); briefs: %d built in the background meanwhile, %d at the end in %v\n",
		t.Restore.Round(time.Millisecond), t.Wait.Round(time.Millisecond), t.Store.Round(time.Millisecond), sum.Batches,
		sum.Background, sum.Briefs-sum.Background, t.Briefs.Round(time.Millisecond))
}

// clearing writes to w after clearing the progress line.
type clearing struct {
	p *progress
	w io.Writer
}

func (c clearing) Write(b []byte) (int, error) {
	c.p.clear()
	return c.w.Write(b)
}
