// Command storyline turns a pile or a stream of news articles into stories,
// and each story into a brief: a cited summary, a timeline, who is who, who
// said what, and where the sources disagree.
//
// Usage:
//
//	storyline brief   [--format md|json|html] [--words N] PATH|URL...
//	storyline ingest  [--db DSN] PATH|URL...
//	storyline stories [--db DSN] [--since DATE] [--query TEXT] [--format table|json]
//	storyline show    [--db DSN] [--format md|json|html] STORY
//	storyline search  [--db DSN] QUERY
//	storyline serve   [--db DSN] [--addr 127.0.0.1:8080] [--feeds FILE] [--token T] [--allow-private-urls]
//	storyline feeds   [--db DSN] add URL... | list | remove URL...
//	storyline eval    SUITE [--data DIR] [--format table|json]
//
// --db names the store: a SQLite file (the default is storyline/storyline.db
// in the user's data directory) or a postgres:// URL.
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
		{"ingest", "storyline ingest [--db DSN] [--words N] PATH|URL...", "add articles to the store; their stories and briefs update", runIngest},
		{"stories", "storyline stories [--db DSN] [--since DATE] [--query TEXT] [--limit N] [--format table|json]", "list the stored stories", runStories},
		{"show", "storyline show [--db DSN] [--format md|json|html] STORY", "print the brief of a stored story", runShow},
		{"search", "storyline search [--db DSN] [--limit N] [--format text|json] QUERY", "find stored articles by their words", runSearch},
		{"serve", "storyline serve [--db DSN] [--addr 127.0.0.1:8080] [--feeds FILE] [--token T] [--allow-private-urls]", "serve the JSON API and web pages; follow feeds", runServe},
		{"feeds", "storyline feeds [--db DSN] add URL... | list | remove URL...", "manage the feeds serve follows", runFeeds},
		{"eval", "storyline eval SUITE [--data PATH] [--format table|json]", "measure a stage against gold data", runEval},
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
