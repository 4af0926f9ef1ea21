package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/storyline-news/storyline/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	usage := "storyline eval SUITE [--data PATH] [--format table|json]"
	flags := newFlags("eval", usage, "Measures a stage against gold data and prints the figures.\nSuites: "+strings.Join(eval.Suites(), ", "), stderr)
	opt := eval.Options{Progress: stderr}
	flags.StringVar(&opt.Data, "data", "", "gold data file or folder (default: the suite's set under ../shared/data)")
	flags.IntVar(&opt.Words, "words", 0, "summary length limit in words (summarization)")
	flags.IntVar(&opt.Bytes, "bytes", 0, "summary length limit in bytes (summarization)")
	flags.StringVar(&opt.Rouge, "rouge", "../shared/data/summarization/rouge", "folder of ROUGE's WordNet exception lists and stopwords")
	format := flags.String("format", "table", "output format: table or json")
	pos, err := parse(flags, args)
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
		if opt.Data == "" && errors.Is(err, fs.ErrNotExist) {
			// The default data sets are found from the repository's folder.
			return fmt.Errorf("%w (the gold data is looked for under ../shared/data, from the repository's folder; elsewhere, name it with --data PATH)", err)
		}
		return err
	}
	if *format == "json" {
		return r.WriteJSON(stdout)
	}
	return r.WriteTable(stdout)
}
