// Command storyline turns a pile or a stream of news articles into stories,
// and each story into a brief: a cited summary, a timeline, who is who, who
// said what, and where the sources disagree.
//
// Usage:
//
//	storyline brief [--format md|json|html] [--words N] PATH|URL...
//	storyline eval  SUITE [--data DIR] [--format table|json]
//	storyline bench [--data DIR] [--format table|json] [--quick]
//
// Run "storyline help COMMAND" for the flags of a command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand.
type command struct {
	name    string
	usage   string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"brief", "storyline brief [--format md|json|html] [--words N] PATH|URL...", "print the brief of one story told by these articles", runBrief},
		{"eval", "storyline eval SUITE [--data PATH] [--format table|json]", "measure a stage against gold data", runEval},
		{"bench", "storyline bench [--data DIR] [--format table|json] [--quick] [--sizes 10,30,100,300]", "measure speed and memory, with prose as a baseline", runBench},
	}
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" && len(args) == 1 {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name, rest := args[0], args[1:]
	if name == "help" {
		name, rest = args[1], []string{"--help"}
	}
	for _, c := range commands {
		if c.name != name {
			continue
		}
		err := c.run(ctx, rest, stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "storyline %s: %v\nusage: %s\n", name, err, c.usage)
			return 2
		default:
			fmt.Fprintf(stderr, "storyline %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "storyline: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "storyline turns news articles from many outlets into stories, and each story into a brief")
	fmt.Fprintln(w, "(a cited summary, a timeline, who is who, who said what, where the sources disagree).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'storyline COMMAND --help' for a command's flags.")
}

// newFlags makes a flag set that prints the command's usage on --help.
func newFlags(name, usage, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\n%s\n\nFlags:\n", usage, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may stand before or after the positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
