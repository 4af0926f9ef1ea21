package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	usage := "storyline eval SUITE [--data PATH] [--format table|json]"
	fs := newFlags("eval", usage, "Measures a stage against gold data and prints the figures.\nSuites: "+strings.Join(eval.Suites(), ", "), stderr)
	opt := eval.Options{Progress: stderr}
	fs.StringVar(&opt.Data, "data", "", "gold data file or folder (default: the suite's set under ../shared/data)")
	fs.IntVar(&opt.Words, "words", 0, "summary length limit in words (summarization)")
	fs.IntVar(&opt.Bytes, "bytes", 0, "summary length limit in bytes (summarization)")
	fs.StringVar(&opt.Rouge, "rouge", "../shared/data/summarization/rouge", "folder of ROUGE's WordNet exception lists and stopwords")
	format := fs.String("format", "table", "output format: table or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one suite (%s)", errUsage, strings.Join(eval.Suites(), ", "))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: unknown format %q", errUsage, *format)
	}
	r, err := eval.Run(pos[0], opt)
	if err != nil {
		return err
	}
	if *format == "json" {
		return r.WriteJSON(stdout)
	}
	return r.WriteTable(stdout)
}
