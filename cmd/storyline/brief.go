package main

import (
	"context"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
)

func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline brief [--format md|json|html] [--words N] PATH|URL..."
	fs := newFlags("brief", usage, "Treats all the given articles as one story and prints its brief.\nPATH may be a file, a folder (read recursively), a URL, or - for stdin.", stderr)
	cfg := brief.DefaultConfig()
	format := fs.String("format", "md", "output format: md, json or html")
	fs.IntVar(&cfg.Words, "words", cfg.Words, "summary length in words")
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
	chain, err := analyze.Default()
	if err != nil {
		return err
	}
	story := &news.Story{ID: "story"}
	prog := newProgress(stderr, "analysed")
	for r := range chain.All(ctx, ingest.ReadAll(paths), 0) {
		prog.add(r.Err != nil)
		if r.Err != nil {
			prog.clear()
			fmt.Fprintln(stderr, r.Err)
			continue
		}
		story.Docs = append(story.Docs, r.Doc)
	}
	prog.clear()
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(story.Docs) == 0 {
		return fmt.Errorf("no article could be read from %d input(s)", len(paths))
	}
	b, err := brief.Build(story, cfg)
	if err != nil {
		return err
	}
	return render(stdout, b)
}
