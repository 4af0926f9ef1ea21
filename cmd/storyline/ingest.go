package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// assigner places docs in stories as they arrive: the narrow view of
// package cluster that ingest uses.
type assigner interface {
	// Assign places d, which is not stored yet: it returns the ID of the
	// story d joins (for a new story, store.StoryID(d.Key), so that
	// processes sharing a store name it alike), the Key of the doc d
	// near-duplicates, or "", and the stories d showed to be part of
	// story, which are merged into it. The assigner records d in story.
	Assign(d *news.Doc) (story, duplicateOf string, merged []string)
	// Restore records that d, stored earlier or by another process, is
	// in story. Ingest restores every stored doc at its start, and before
	// each placement the docs that other processes placed meanwhile, in
	// placement order; a doc restored again (moved) belongs to its latest
	// story.
	Restore(d *news.Doc, story string)
}

// newAssigner makes the assigner of a run: package cluster's online
// clusterer (assign.go). Tests may replace it.
var newAssigner = newClusterAssigner

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline ingest [--db DSN] [--words N] PATH|URL..."
	fs := newFlags("ingest", usage, "Reads articles, analyses them on all cores, places each in its story and stores it,\n"+
		"then updates the brief of every story that changed. An article already stored\n"+
		"(same canonical URL, or same text) is skipped, so running it twice stores once.\n"+
		"PATH may be a file, a folder (read recursively), a URL, or - for stdin.", stderr)
	db := dbFlag(fs)
	cfg := brief.DefaultConfig()
	fs.IntVar(&cfg.Words, "words", cfg.Words, "summary length in words of the stored briefs")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no input given", errUsage)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	chain, err := analyze.Default()
	if err != nil {
		return err
	}
	in := &ingester{store: s, chain: chain, assign: newAssigner(), brief: cfg, stderr: stderr}
	sum, err := in.run(ctx, ingest.ReadAll(paths))
	fmt.Fprintln(stdout, sum)
	return err
}

// ingester stores a stream of articles.
type ingester struct {
	store  store.Store
	chain  analyze.Chain
	assign assigner
	brief  brief.Config
	stderr io.Writer
	// last is the placement number of the latest doc the assigner knows.
	last int64
}

// summary counts what a run did.
type summary struct {
	stored, known, failed int
	stories               map[string]bool
	briefs                int
	// skipped counts the articles found stored before analysis; it is
	// counted on the reading goroutine.
	skipped atomic.Int64
}

func (s *summary) String() string {
	return fmt.Sprintf("ingest: %d new article(s) stored, %d already stored, %d unreadable; %d story(ies) changed, %d brief(s) updated",
		s.stored, s.known+int(s.skipped.Load()), s.failed, len(s.stories), s.briefs)
}

// run ingests the articles of in, then brings the briefs up to date. An
// unreadable article is reported and skipped; a store error stops the
// run, and what was stored before it stays stored.
func (in *ingester) run(ctx context.Context, articles iter.Seq2[*news.Article, error]) (*summary, error) {
	sum := &summary{stories: map[string]bool{}}
	for d, err := range in.store.Docs(ctx, store.DocQuery{}) {
		if err != nil {
			return sum, err
		}
		in.assign.Restore(d.Doc, d.Story)
		in.last = d.Seq
	}
	prog := newProgress(in.stderr, "ingested")
	defer prog.clear()
	fresh := in.fresh(ctx, articles, sum)
	for r := range in.chain.All(ctx, fresh, 0) {
		if r.Err != nil {
			prog.add(true)
			prog.clear()
			fmt.Fprintln(in.stderr, r.Err)
			sum.failed++
			continue
		}
		story, added, err := in.put(ctx, r.Doc)
		if err != nil {
			return sum, err
		}
		prog.add(false)
		if !added {
			sum.known++
			continue
		}
		sum.stored++
		sum.stories[story] = true
	}
	prog.clear()
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("interrupted; %d article(s) stored before it: %w", sum.stored, err)
	}
	n, err := in.rebuildBriefs(ctx)
	sum.briefs = n
	return sum, err
}

// fresh passes on the articles not stored yet (nor seen earlier in the
// run), giving each its key; the others are counted and not analysed.
func (in *ingester) fresh(ctx context.Context, articles iter.Seq2[*news.Article, error], sum *summary) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		seen := map[string]bool{}
		for a, err := range articles {
			if err == nil {
				if a.Key == "" {
					a.Key = news.KeyOf(a)
				}
				known := seen[a.Key]
				if !known {
					var herr error
					known, herr = in.store.HasArticle(ctx, a.Key)
					if herr != nil {
						yield(nil, herr)
						return
					}
				}
				seen[a.Key] = true
				if known {
					sum.skipped.Add(1)
					continue
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// put stores one analysed article, its doc and its place in a story in
// one transaction, after catching up with what other processes placed.
func (in *ingester) put(ctx context.Context, d *news.Doc) (story string, added bool, err error) {
	last := in.last
	err = in.store.Update(ctx, func(tx store.Tx) error {
		for sd, err := range tx.DocsAfter(ctx, last) {
			if err != nil {
				return err
			}
			in.assign.Restore(sd.Doc, sd.Story)
			last = sd.Seq
		}
		ok, err := tx.PutArticle(ctx, &d.Article)
		if err != nil || !ok {
			return err // stored meanwhile by another process: nothing to do
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		var dup string
		var merged []string
		story, dup, merged = in.assign.Assign(d)
		for _, m := range merged {
			if err := tx.MergeStory(ctx, m, story); err != nil {
				return err
			}
		}
		if dup != "" {
			if err := tx.LinkDuplicate(ctx, d.Key, dup); err != nil {
				return err
			}
		}
		seq, err := tx.Assign(ctx, d.Key, story)
		if err != nil {
			return err
		}
		last, added = seq, true
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("storing %s: %w", d.ID, err)
	}
	in.last = last
	return story, added, nil
}

// rebuildBriefs builds and stores the brief of every story whose brief is
// missing or older than the story (changed now, or by an earlier run that
// was interrupted), on all cores. It returns how many it stored.
func (in *ingester) rebuildBriefs(ctx context.Context) (int, error) {
	var stale []*store.Story
	for st, err := range in.store.Stories(ctx, store.StoryQuery{Stale: true}) {
		if err != nil {
			return 0, err
		}
		stale = append(stale, st)
	}
	var (
		mu    sync.Mutex
		n     int
		first error
		wg    sync.WaitGroup
	)
	jobs := make(chan *store.Story)
	for range min(runtime.GOMAXPROCS(0), max(len(stale), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for st := range jobs {
				put, buildErr, err := in.rebuild(ctx, st)
				mu.Lock()
				if buildErr != nil {
					fmt.Fprintln(in.stderr, buildErr)
				}
				if err != nil && first == nil {
					first = err
				}
				if put {
					n++
				}
				mu.Unlock()
			}
		}()
	}
	for _, st := range stale {
		mu.Lock()
		stop := first != nil
		mu.Unlock()
		if stop || ctx.Err() != nil {
			break
		}
		jobs <- st
	}
	close(jobs)
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return n, first
}

// rebuild builds and stores the brief of one story. A brief that cannot
// be built is reported (buildErr) and the other stories go on; a store
// error (err) stops the run.
func (in *ingester) rebuild(ctx context.Context, st *store.Story) (put bool, buildErr, err error) {
	b, err := storyBrief(ctx, in.store, st.ID, in.brief)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil, nil // emptied meanwhile by another process
	}
	if err != nil {
		if ctx.Err() != nil {
			return false, nil, ctx.Err()
		}
		return false, fmt.Errorf("the brief of story %s: %w", st.ID, err), nil
	}
	var buf bytes.Buffer
	if err := brief.JSON(&buf, b); err != nil {
		return false, fmt.Errorf("the brief of story %s: %w", st.ID, err), nil
	}
	sb := &store.Brief{Story: st.ID, Revision: st.Revision, JSON: buf.Bytes()}
	if st.Title == "" {
		sb.Title = storyTitle(b)
	}
	for _, src := range b.Sources {
		if src.Date == "" {
			continue
		}
		if sb.First == "" || src.Date < sb.First {
			sb.First = src.Date
		}
		sb.Last = max(sb.Last, src.Date)
	}
	err = in.store.Update(ctx, func(tx store.Tx) error {
		var err error
		put, err = tx.PutBrief(ctx, sb)
		return err
	})
	if err != nil {
		return false, nil, fmt.Errorf("storing the brief of story %s: %w", st.ID, err)
	}
	return put, nil, nil
}

// storyTitle names a story whose first article has no title: the first
// titled source of its brief, else the start of its summary.
func storyTitle(b *news.Brief) string {
	for _, src := range b.Sources {
		if src.Title != "" {
			return src.Title
		}
	}
	if len(b.Summary) > 0 {
		return oneLine(b.Summary[0].Text, 100)
	}
	return ""
}

// storyBrief builds the brief of a stored story from its docs.
func storyBrief(ctx context.Context, s store.Store, id string, cfg brief.Config) (*news.Brief, error) {
	story := &news.Story{ID: id}
	for d, err := range s.Docs(ctx, store.DocQuery{Story: id}) {
		if err != nil {
			return nil, err
		}
		story.Docs = append(story.Docs, d.Doc)
	}
	if len(story.Docs) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	b, err := brief.Build(story, cfg)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return b, nil
}
