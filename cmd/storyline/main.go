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
//	storyline version
//	storyline bench   [--data DIR] [--format table|json] [--quick]
//
// --db names the store: a SQLite file (the default is storyline/storyline.db
// in the user's data directory) or a postgres:// URL.
//
// Run "storyline help COMMAND" (or "storyline COMMAND --help") for the
// flags of a command; help goes to stdout. Run with no command, storyline
// prints its usage to stderr and exits with status 2.
//
// Exit status: 0 when the command worked, 1 when it failed, 2 when the
// command line could not be understood, 130 when interrupted (Ctrl-C or
// SIGTERM, obeyed at once, even while a brief is being built or a page
// fetched).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
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
		{"brief", "storyline brief [--format md|json|html] [--words N] [--story N | --one] [--max-articles N] [--max-bytes N] PATH|URL...", "print the brief of each story these articles tell", runBrief},
		{"ingest", "storyline ingest [--db DSN] [--words N] PATH|URL...", "add articles to the store; their stories and briefs update", runIngest},
		{"stories", "storyline stories [--db DSN] [--since DATE] [--query TEXT] [--limit N] [--format table|json]", "list the stored stories", runStories},
		{"show", "storyline show [--db DSN] [--format md|json|html] STORY", "print the brief of a stored story", runShow},
		{"search", "storyline search [--db DSN] [--limit N] [--format text|json] QUERY", "find stored articles by their words", runSearch},
		{"serve", "storyline serve [--db DSN] [--addr 127.0.0.1:8080] [--feeds FILE] [--token T] [--allow-private-urls]", "serve the JSON API and web pages; follow feeds", runServe},
		{"feeds", "storyline feeds [--db DSN] add URL... | list | remove URL...", "manage the feeds serve follows", runFeeds},
		{"eval", "storyline eval SUITE [--data PATH] [--format table|json]", "measure a stage against gold data", runEval},
		{"version", "storyline version", "print the version, the source revision and the Go version", runVersion},
		{"bench", "storyline bench [--data DIR] [--format table|json] [--quick] [--sizes 10,30,100,300]", "measure speed and memory, with prose as a baseline", runBench},
	}
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

// errInterrupted is returned by a command stopped by a signal.
var errInterrupted = errors.New("interrupted")

// exitInterrupted is the exit status after Ctrl-C or SIGTERM, as shells
// give for SIGINT.
const exitInterrupted = 130

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" && len(args) == 1 {
		usage(stdout)
		return 0
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help":
		name, rest = args[1], []string{"--help"}
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands {
		if c.name != name {
			continue
		}
		err := c.run(ctx, rest, stdout, stderr)
		var help *helpError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &help):
			fmt.Fprint(stdout, help.text)
			return 0
		case errors.Is(err, errInterrupted):
			fmt.Fprintf(stderr, "storyline %s: interrupted\n", name)
			return exitInterrupted
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "storyline %s: %s\nusage: %s\n", name, message(name, err), c.usage)
			return 2
		default:
			fmt.Fprintf(stderr, "storyline %s: %s\n", name, message(name, err))
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

// message returns err's text without a leading package name that repeats
// the command's ("eval: eval: ..." would otherwise be printed).
func message(name string, err error) string {
	msg := err.Error()
	if errors.Is(err, errUsage) {
		msg = strings.TrimPrefix(msg, errUsage.Error()+": ")
	}
	return strings.TrimPrefix(msg, name+": ")
}

// helpError carries a command's help text, asked for with --help, to run,
// which prints it to stdout.
type helpError struct{ text string }

func (e *helpError) Error() string { return "help requested" }
func (e *helpError) Unwrap() error { return flag.ErrHelp }

// newFlags makes a flag set for a command. Its help (--help) is returned
// by parse as a *helpError for run to print on stdout; a bad flag is a
// usage error that run prints on stderr. The writer is not used.
func newFlags(name, usage, summary string, _ io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: %s\n\n%s\n\nFlags:\n", usage, summary)
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
				var b bytes.Buffer
				fs.SetOutput(&b)
				fs.Usage()
				fs.SetOutput(io.Discard)
				return nil, &helpError{text: b.String()}
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

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "storyline version", "Prints the module version, the source revision it was built from, and the Go version.", stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: version takes no arguments", errUsage)
	}
	fmt.Fprintln(stdout, versionLine())
	return nil
}

// versionLine describes the build: "storyline (devel) rev 2c1f9d8 of
// 2026-12-07T03:00:00Z, modified; go1.26.8 linux/amd64". The module
// version is "(devel)" for a build from a checkout; the revision is known
// when built with VCS stamping (go build in a git checkout).
func versionLine() string {
	var b strings.Builder
	b.WriteString("storyline")
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(" " + bi.Main.Version)
		rev, when, modified := "", "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" {
			b.WriteString(" rev " + rev[:min(12, len(rev))])
			if when != "" {
				b.WriteString(" of " + when)
			}
			if modified {
				b.WriteString(", modified")
			}
		}
	}
	fmt.Fprintf(&b, "; %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// syncWriter serialises writes to w and, once closed, drops them: a command
// interrupted while work goes on in the background says nothing more.
type syncWriter struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return len(p), nil
	}
	return s.w.Write(p)
}

func (s *syncWriter) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}
