package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

// The default bounds on what one brief holds, so that an endless stream
// ("storyline brief -" fed forever) cannot grow without bound.
const (
	defaultMaxArticles = 2000
	defaultMaxBytes    = 64 << 20
)

// holdLimits bound the articles held for one brief.
type holdLimits struct {
	articles int   // most articles; 0 means no limit
	bytes    int64 // most bytes of article text; 0 means no limit
}

func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline brief [--format md|json|html] [--words N] [--max-articles N] [--max-bytes N] PATH|URL..."
	fs := newFlags("brief", usage, "Treats all the given articles as one story and prints its brief.\n"+
		"PATH may be a file, a folder (read recursively), an http(s) or file:// URL, or - for stdin.\n"+
		"Reading stops, with a note on stderr, once --max-articles articles or --max-bytes of text are held.", stderr)
	cfg := brief.DefaultConfig()
	format := fs.String("format", "md", "output format: md, json or html")
	fs.IntVar(&cfg.Words, "words", cfg.Words, "summary length in words")
	var lim holdLimits
	fs.IntVar(&lim.articles, "max-articles", defaultMaxArticles, "most articles held for the brief; reading stops there (0: no limit)")
	fs.Int64Var(&lim.bytes, "max-bytes", defaultMaxBytes, "most bytes of article text held for the brief; reading stops there (0: no limit)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no input given", errUsage)
	}
	render, err := brief.Renderer(*format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if lim.articles < 0 || lim.bytes < 0 {
		return fmt.Errorf("%w: --max-articles and --max-bytes must not be negative", errUsage)
	}

	// The work runs apart, so that a signal is obeyed at once even while
	// a stage that cannot be interrupted (building the brief, reading
	// stdin) is under way: the process then exits without waiting for it.
	errw := &syncWriter{w: stderr}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		var buf bytes.Buffer
		err := buildBrief(ctx, paths, cfg, lim, render, &buf, errw)
		done <- result{buf.Bytes(), err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return r.err
		}
		_, err := stdout.Write(r.out)
		return err
	case <-ctx.Done():
		errw.close()
		return errInterrupted
	}
}

// buildBrief reads and analyses the inputs, holding at most what lim allows,
// and renders their brief to w; progress and the inputs that could not be
// read go to stderr.
func buildBrief(ctx context.Context, paths []string, cfg brief.Config, lim holdLimits, render brief.RenderFunc, w, stderr io.Writer) error {
	chain, err := analyze.Default()
	if err != nil {
		return err
	}
	rd, err := ingest.New(ingest.Options{Warn: func(err error) { fmt.Fprintln(stderr, err) }})
	if err != nil {
		return err
	}
	story := &news.Story{ID: "story"}
	var held int64
	prog := newProgress(stderr, "analysed")
	for r := range chain.All(ctx, rd.ReadAllContext(ctx, paths), 0) {
		prog.add(r.Err != nil)
		if r.Err != nil {
			prog.clear()
			fmt.Fprintln(stderr, r.Err)
			continue
		}
		if lim.bytes > 0 && held+int64(len(r.Doc.Text)) > lim.bytes {
			prog.clear()
			fmt.Fprintf(stderr, "storyline brief: stopped reading before %s: its text would take what is held past --max-bytes %d; briefing the %d articles held\n", r.Doc.ID, lim.bytes, len(story.Docs))
			break
		}
		story.Docs = append(story.Docs, r.Doc)
		held += int64(len(r.Doc.Text))
		if lim.articles > 0 && len(story.Docs) >= lim.articles {
			prog.clear()
			fmt.Fprintf(stderr, "storyline brief: stopped reading at --max-articles %d; briefing those\n", lim.articles)
			break
		}
	}
	prog.clear()
	if ctx.Err() != nil {
		return errInterrupted
	}
	if len(story.Docs) == 0 {
		return fmt.Errorf("no article could be read from %d input(s)", len(paths))
	}
	b, err := brief.Build(story, cfg)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	return render(w, b)
}
