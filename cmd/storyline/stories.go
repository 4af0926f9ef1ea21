package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/sqlite"
)

// dbFlag adds the --db flag shared by the commands that use the store.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store: a SQLite file (PATH or sqlite:PATH) or a PostgreSQL URL (postgres://...);\n"+
		"default: the file storyline/storyline.db in the user's data directory ($XDG_DATA_HOME, else ~/.local/share)")
}

// openStore opens the store a --db value names: "" for the default SQLite
// file, postgres:// or postgresql:// for PostgreSQL, else a SQLite file
// (with an optional "sqlite:" prefix).
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn)
	case dsn == "":
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	dsn = strings.TrimPrefix(dsn, "sqlite:")
	dsn = strings.TrimPrefix(dsn, "//")
	if dsn == "" {
		return nil, fmt.Errorf("%w: --db sqlite: names no file", errUsage)
	}
	return sqlite.Open(ctx, dsn, sqlite.DefaultOptions())
}

func runStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline stories [--db DSN] [--since DATE] [--query TEXT] [--limit N] [--format table|json]"
	fs := newFlags("stories", usage, "Lists the stored stories, the most recently changed first: their title, dates,\n"+
		"number of articles, of sources (near-duplicates counted once) and of outlets.", stderr)
	db := dbFlag(fs)
	since := fs.String("since", "", "only stories with an article dated on or after DATE (YYYY-MM-DD)")
	query := fs.String("query", "", "only stories with an article holding all these words")
	limit := fs.Int("limit", 0, "at most N stories (0: all)")
	format := fs.String("format", "table", "output format: table or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	q := store.StoryQuery{Query: *query, Limit: *limit}
	if *since != "" {
		if q.Since, err = time.Parse(time.DateOnly, *since); err != nil {
			return fmt.Errorf("%w: --since %q is not a date (YYYY-MM-DD)", errUsage, *since)
		}
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: unknown format %q (want table or json)", errUsage, *format)
	}
	if *limit < 0 {
		return fmt.Errorf("%w: --limit must not be negative", errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	stories := []*store.Story{}
	for st, err := range s.Stories(ctx, q) {
		if err != nil {
			return err
		}
		stories = append(stories, st)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(stories)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tFIRST\tLAST\tARTICLES\tSOURCES\tOUTLETS\tTITLE")
	for _, st := range stories {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\n", st.ID, dash(st.First), dash(st.Last), st.Articles, st.Sources, st.Outlets, oneLine(st.Title, 80))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine puts s on one line of at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
