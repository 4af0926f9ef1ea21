package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/store"
)

func runFeeds(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline feeds [--db DSN] add URL... | list | remove URL..."
	fs := newFlags("feeds", usage, "Manages the feeds 'storyline serve' follows, kept in the store: add follows feeds\n"+
		"(http or https URLs), list shows them with their polling state, remove stops following them.\n"+
		"A running server picks up the changes within its --resync interval (30 s by default);\n"+
		"POST /api/feeds changes it at once.", stderr)
	db := dbFlag(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("%w: give add, list or remove", errUsage)
	}
	verb, urls := rest[0], rest[1:]
	switch verb {
	case "add", "remove":
		if len(urls) == 0 {
			return fmt.Errorf("%w: %s needs a URL", errUsage, verb)
		}
	case "list":
		if len(urls) > 0 {
			return fmt.Errorf("%w: list takes no argument", errUsage)
		}
	default:
		return fmt.Errorf("%w: unknown action %q: give add, list or remove", errUsage, verb)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	sf := &storeFeeds{s: s}
	var errs []error
	switch verb {
	case "add":
		have, err := sf.LoadFeeds(ctx)
		if err != nil {
			return err
		}
		for _, raw := range urls {
			u, err := feeds.NormalizeURL(raw)
			if err != nil {
				errs = append(errs, fmt.Errorf("feeds: %w", err))
				continue
			}
			if slices.ContainsFunc(have, func(f feeds.Feed) bool { return f.URL == u }) {
				fmt.Fprintf(stdout, "already followed: %s\n", u)
				continue
			}
			if err := sf.SaveFeed(ctx, feeds.Feed{URL: u}); err != nil {
				return err
			}
			have = append(have, feeds.Feed{URL: u})
			fmt.Fprintf(stdout, "following: %s\n", u)
		}
	case "remove":
		for _, raw := range urls {
			u, err := feeds.NormalizeURL(raw)
			if err != nil {
				errs = append(errs, fmt.Errorf("feeds: %w", err))
				continue
			}
			if err := sf.DeleteFeed(ctx, u); err != nil {
				errs = append(errs, fmt.Errorf("feeds: %s: %w", u, err))
				continue
			}
			fmt.Fprintf(stdout, "removed: %s\n", u)
		}
	case "list":
		fl, err := sf.LoadFeeds(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "URL\tTITLE\tLAST POLL\tNEXT POLL\tFAILURES\tLAST ERROR")
		for _, f := range fl {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", f.URL, dash(f.Title), when(f.LastPoll), when(f.NextPoll), f.Failures, dash(oneLine(f.LastError, 60)))
		}
		tw.Flush()
	}
	return errors.Join(errs...)
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

// storeFeeds is the feeds.StateStore of `storyline serve` and `storyline
// feeds`, over the store's ingest state values: the JSON of each followed
// feed under "feeds/feed/URL". Each change is one state value written in
// one update, so processes sharing the store (a server and `storyline
// feeds add`) never undo each other's changes. (Stores written before kept
// a list of URLs under "feeds/list" and emptied a removed feed's value: an
// empty value is not followed, and the list is no longer read.)
type storeFeeds struct {
	s store.Store
}

const feedKeyPrefix = "feeds/feed/"

// LoadFeeds returns every followed feed, ordered by URL.
func (sf *storeFeeds) LoadFeeds(ctx context.Context) ([]feeds.Feed, error) {
	var out []feeds.Feed
	for e, err := range sf.s.States(ctx, feedKeyPrefix) {
		if err != nil {
			return nil, err
		}
		if e.Value == "" {
			continue
		}
		f := feeds.Feed{URL: strings.TrimPrefix(e.Key, feedKeyPrefix)}
		if err := json.Unmarshal([]byte(e.Value), &f); err != nil {
			return nil, fmt.Errorf("feeds: the stored state of %s: %w", f.URL, err)
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b feeds.Feed) int { return strings.Compare(a.URL, b.URL) })
	return out, nil
}

// SaveFeed inserts or replaces the feed with f.URL.
func (sf *storeFeeds) SaveFeed(ctx context.Context, f feeds.Feed) error {
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return sf.s.Update(ctx, func(tx store.Tx) error {
		return tx.SetState(ctx, feedKeyPrefix+f.URL, string(b))
	})
}

// DeleteFeed stops following url; feeds.ErrNotFound when it is not followed.
func (sf *storeFeeds) DeleteFeed(ctx context.Context, url string) error {
	v, err := sf.s.State(ctx, feedKeyPrefix+url)
	if errors.Is(err, store.ErrNotFound) || err == nil && v == "" {
		return feeds.ErrNotFound
	}
	if err != nil {
		return err
	}
	err = sf.s.Update(ctx, func(tx store.Tx) error {
		return tx.DeleteState(ctx, feedKeyPrefix+url)
	})
	if errors.Is(err, store.ErrNotFound) {
		return feeds.ErrNotFound
	}
	return err
}
