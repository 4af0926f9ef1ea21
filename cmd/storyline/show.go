package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
)

func runShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline show [--db DSN] [--format md|json|html] STORY"
	fs := newFlags("show", usage, "Prints the current brief of a stored story (an ID that 'storyline stories' lists).\n"+
		"When the stored brief is older than the story, it is built again from the stored docs.", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "md", "output format: md, json or html")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: give one story ID", errUsage)
	}
	render, err := brief.Renderer(*format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := currentBrief(ctx, s, rest[0])
	if err != nil {
		return err
	}
	return render(stdout, b)
}

// currentBrief returns the stored brief of a story when it is current,
// else builds it from the stored docs.
func currentBrief(ctx context.Context, s store.Store, id string) (*news.Brief, error) {
	st, err := s.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no story %q in the store (see storyline stories)", id)
	}
	if err != nil {
		return nil, err
	}
	if st.MergedInto != "" { // merges are followed to their end when made
		id = st.MergedInto
		if st, err = s.Story(ctx, id); err != nil {
			return nil, err
		}
	}
	if st.BriefRevision >= st.Revision {
		sb, err := s.Brief(ctx, id)
		if err == nil {
			b := new(news.Brief)
			if err := json.Unmarshal(sb.JSON, b); err != nil {
				return nil, fmt.Errorf("story %s: the stored brief: %w", id, err)
			}
			return b, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	return pipeline.StoryBrief(ctx, s, id, brief.DefaultConfig())
}
