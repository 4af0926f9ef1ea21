package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/store"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline search [--db DSN] [--limit N] [--format text|json] QUERY"
	fs := newFlags("search", usage, "Finds stored articles holding all the words of QUERY (stemmed: \"talks\" finds \"talk\")\n"+
		"in their title or text, the best match first, with the story each is in.", stderr)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "at most N hits")
	format := fs.String("format", "text", "output format: text or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(rest, " ")
	if strings.TrimSpace(query) == "" {
		return fmt.Errorf("%w: no query given", errUsage)
	}
	if *limit <= 0 {
		return fmt.Errorf("%w: --limit must be positive", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: unknown format %q (want text or json)", errUsage, *format)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	hits := []*store.Hit{}
	for h, err := range s.Search(ctx, store.SearchQuery{Text: query, Limit: *limit}) {
		if err != nil {
			return err
		}
		hits = append(hits, h)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(hits)
	}
	if len(hits) == 0 {
		fmt.Fprintf(stderr, "no article holds %q\n", query)
		return nil
	}
	for _, h := range hits {
		fmt.Fprintf(stdout, "%s  %s  %s  %s\n", dash(h.Story), dash(h.Date), dash(h.Outlet), oneLine(h.Title, 90))
		fmt.Fprintf(stdout, "    %s\n    %s\n", h.ID, oneLine(h.Snippet, 200))
	}
	return nil
}
