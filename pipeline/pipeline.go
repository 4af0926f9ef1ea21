// Package pipeline stores a stream of articles: it analyses them on all
// cores, places each in its story, stores article, doc and placement
// together, and then brings the brief of every changed story up to date.
// It is the one path by which `storyline ingest`, the server and the feed
// poller put articles in a store.
//
// # Stages
//
// A Run reads its articles in order. An article whose key is stored
// already (or was seen earlier in the run) is reported Known and not
// analysed. The others are analysed by the chain on Config.Workers
// goroutines, in input order. Analysed docs are stored in batches: each
// batch is one store transaction (store.Store.Update), which first
// catches up with the docs other processes placed since this pipeline
// last looked, then places and stores each doc of the batch. A batch
// holds up to Config.Batch docs: what analysis has ready, and what it
// makes within Config.BatchWait of the batch's first doc, so a slow
// stream is stored doc by doc and a fast one in full batches (a
// transaction costs about as much as storing a few docs, mostly the
// full-text index's segment, written and merged at each commit). When
// the stream ends, every story whose brief is missing or older than the
// story is rebuilt once, on all cores, the largest stories first, from
// its stored docs.
//
// # Briefs
//
// A changed story's brief is not rebuilt for each doc that joins it:
// the story is marked stale in the store (its revision passes its
// brief's) in the transaction that places the doc, and rebuilt, in the
// background while later articles are analysed and placed, once it has
// been quiet for Config.BriefAfter placed docs or Config.BriefDelay;
// what is still stale when the stream ends is rebuilt then. A story
// that keeps growing is thus rebuilt about once per quiet spell, and
// the briefs of a long ingest appear as it goes. A brief is built from
// the story's stored docs, read back and decoded: keeping the docs just
// analysed in memory instead was tried, and saved at most that reading
// (about 0.3 ms of 10 CPU ms an article, within the noise of a shared
// machine) for about 50 KB a doc kept. The briefs rebuilt at the end are
// stored a few per transaction.
//
// # Start-up
//
// The assigner (by default package cluster's online clusterer) learns the
// stored docs at the first Run, from their sketches (store.Sketch): the
// tokens, mentions and dates it compares, not the whole docs. It does so
// while the first articles are read and analysed; the first batch waits
// for it. An assigner that retires stories some time after their last
// doc (Windowed; package cluster's does, a year after) learns only the
// stories active within that time of the newest stored doc, so that
// starting on a store of years of news reads the last year, not all.
// The document frequencies it weighs words by are then those of that
// window.
//
// # Faults
//
// An unreadable article (a read or analysis error) is reported with its
// name, counted, and skipped; the rest goes on. A store error stops the
// Run: the batch in flight is rolled back whole, and what earlier batches
// stored stays stored, each article with its doc and its placement. A
// Run that is interrupted (ctx cancelled, the process killed) loses
// nothing it reported stored; running it again stores the rest, and
// rebuilds the briefs the interrupted run left stale. Two processes may
// run pipelines on one store: their transactions are serialised by the
// store, and each places its docs after learning the other's.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// Assigner places docs in stories as they arrive: the narrow view of
// package cluster that a pipeline uses.
type Assigner interface {
	// Assign places d, which is not stored yet: it returns the ID of the
	// story d joins (for a new story, store.StoryID(d.Key), so that
	// processes sharing a store name it alike), the Key of the doc d
	// near-duplicates, or "", and the stories d showed to be part of
	// story, which are merged into it. The assigner records d in story.
	Assign(d *news.Doc) (story, duplicateOf string, merged []string)
	// Restore records that d, stored earlier or by another process, is
	// in story. d is a sketch (store.Sketch). A pipeline restores every
	// stored doc at its first Run, and before each batch the docs that
	// other processes placed meanwhile, in placement order; a doc
	// restored again (moved) belongs to its latest story.
	Restore(d *news.Doc, story string)
}

// DefaultBatch is the most docs stored in one transaction when
// Config.Batch is 0.
const DefaultBatch = 64

// DefaultBatchWait is Config.BatchWait when it is 0.
const DefaultBatchWait = 200 * time.Millisecond

// Config configures a Pipeline. The zero value uses the defaults.
type Config struct {
	// Chain analyses articles; nil means analyze.Default().
	Chain analyze.Chain
	// Brief configures the stored briefs; the zero value means
	// brief.DefaultConfig().
	Brief brief.Config
	// NewAssigner makes the assigner; nil means package cluster's online
	// clusterer with its default configuration. A pipeline makes a new
	// one, restored from the store, after a Run that failed to store.
	NewAssigner func() Assigner
	// Workers is the number of analysis goroutines; 0 means one per CPU.
	Workers int
	// Batch is the most docs stored in one transaction; 0 means
	// DefaultBatch.
	Batch int
	// BatchWait is how long a batch waits, after its first doc is
	// analysed, for more docs to fill it, when the stream goes on but
	// no doc is ready: a transaction costs about as much as storing
	// several docs (the full-text index writes and merges a segment at
	// each commit), so a stream analysed about as fast as it is stored
	// is stored in full batches rather than a few docs at a time. A
	// stream that ends, or fills the batch, is stored at once. 0 means
	// DefaultBatchWait; a negative value stores what is ready without
	// waiting.
	BatchWait time.Duration
	// Log receives a line for each unreadable article and each brief that
	// could not be built; nil discards them.
	Log io.Writer
	// OnResult, when set, is called once for every article of a Run's
	// input, on the goroutine that called Run: stored articles after
	// their batch committed, the others as they are found.
	OnResult func(Result)
	// KnownStories makes the Results of known articles name their story,
	// at the cost of reading each one's doc from the store.
	KnownStories bool
	// BriefAfter and BriefDelay debounce the briefs during a Run: a story
	// that changed is rebuilt in the background, while later articles are
	// analysed and placed, once BriefAfter docs have been placed since it
	// last changed, or BriefDelay has passed since then, whichever comes
	// first; so a story that keeps growing is rebuilt once per quiet
	// spell, not once per doc or per batch. What is still stale when the
	// stream ends is rebuilt then. 0 means DefaultBriefAfter and
	// DefaultBriefDelay; a negative BriefAfter rebuilds only at the end.
	BriefAfter int
	BriefDelay time.Duration
}

// The defaults of Config.BriefAfter and Config.BriefDelay.
const (
	DefaultBriefAfter = 1000
	DefaultBriefDelay = 10 * time.Second
)

// Validate reports whether the configuration can be used.
func (c Config) Validate() error {
	if c.Workers < 0 {
		return fmt.Errorf("pipeline: negative number of workers %d", c.Workers)
	}
	if c.Batch < 0 {
		return fmt.Errorf("pipeline: negative batch size %d", c.Batch)
	}
	if c.BriefDelay < 0 {
		return fmt.Errorf("pipeline: negative brief delay %v", c.BriefDelay)
	}
	if c.Brief != (brief.Config{}) {
		if err := c.Brief.Validate(); err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
	}
	return nil
}

// Status is what became of one article.
type Status string

// The statuses of an article.
const (
	Stored Status = "stored" // stored now, with its doc and placement
	Known  Status = "known"  // stored already (same key), or earlier in the same input
	Failed Status = "failed" // unreadable, or its analysis failed: Result.Err says why
)

// Result is what became of one article of a Run's input.
type Result struct {
	// Index is the article's position in the input, from 0 (read errors
	// count).
	Index int
	// ID and Key name the article ("" for an input that could not be
	// read).
	ID, Key string
	Status  Status
	// Story is the story a stored article was placed in; for a known one,
	// the story it is in, with Config.KnownStories.
	Story string
	// Err is why the article failed.
	Err error
}

// Summary counts what a Run did, and where its time went.
type Summary struct {
	Stored, Known, Failed int
	// Stories is the number of stories that got a new doc.
	Stories int
	// Briefs is the number of briefs rebuilt and stored; Background
	// counts those of them rebuilt while articles were still placed (see
	// Config.BriefAfter).
	Briefs, Background int
	// Times are wall times on the Run's goroutine: Restore, teaching the
	// assigner the stored docs (first Run only); Wait, waiting for reading
	// and analysis; Store, the transactions (placement included); Briefs,
	// rebuilding the briefs still stale at the end.
	Times struct{ Restore, Wait, Store, Briefs time.Duration }
	// Batches is the number of transactions that stored docs.
	Batches int
}

// String describes the counts in one line.
func (s Summary) String() string {
	return fmt.Sprintf("%d new article(s) stored, %d already stored, %d unreadable; %d story(ies) changed, %d brief(s) updated",
		s.Stored, s.Known, s.Failed, s.Stories, s.Briefs)
}

// Pipeline stores streams of articles in one store. Its Runs are
// serialised; it is safe for concurrent use.
type Pipeline struct {
	store store.Store
	cfg   Config

	mu     sync.Mutex
	assign Assigner // nil until the first Run restores it
	// last is the placement number of the latest doc the assigner knows.
	last int64
}

// New returns a pipeline storing into s. It reads nothing yet: the
// assigner learns the stored docs at the first Run.
func New(s store.Store, cfg Config) (*Pipeline, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Chain == nil {
		chain, err := analyze.Default()
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		cfg.Chain = chain
	}
	if cfg.Brief == (brief.Config{}) {
		cfg.Brief = brief.DefaultConfig()
	}
	if cfg.NewAssigner == nil {
		cfg.NewAssigner = newClusterAssigner
	}
	if cfg.Batch == 0 {
		cfg.Batch = DefaultBatch
	}
	if cfg.BatchWait == 0 {
		cfg.BatchWait = DefaultBatchWait
	}
	if cfg.BriefAfter == 0 {
		cfg.BriefAfter = DefaultBriefAfter
	}
	if cfg.BriefDelay == 0 {
		cfg.BriefDelay = DefaultBriefDelay
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Pipeline{store: s, cfg: cfg}, nil
}

// errKnown passes an article found stored before analysis through the
// analysis chain (which passes read errors on unanalysed, in order).
type errKnown struct{ id, key string }

func (errKnown) Error() string { return "pipeline: stored already" }

// Run stores the articles of in that are not stored yet, then rebuilds
// the briefs of the stories that changed. The articles are not changed:
// each is keyed on a copy. An unreadable article is reported and skipped;
// a store error or ctx ending stops the run, and what was stored before
// stays stored.
func (p *Pipeline) Run(ctx context.Context, in iter.Seq2[*news.Article, error]) (Summary, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var sum Summary
	// The assigner learns the stored docs while the first articles are
	// read and analysed; placing waits for it.
	restored := func() error { return nil }
	if p.assign == nil {
		done := make(chan error, 1)
		var took time.Duration
		go func() {
			t0 := time.Now()
			err := p.restore(ctx)
			took = time.Since(t0)
			done <- err
		}()
		var err error
		restored = func() error {
			if done != nil {
				err = <-done
				sum.Times.Restore, done = took, nil
			}
			return err
		}
	}
	stories := map[string]bool{}
	bg := p.newBriefer(ctx)
	err := p.place(ctx, in, &sum, stories, restored, bg)
	if rerr := restored(); err == nil {
		err = rerr
	}
	nb, berr := bg.stop()
	sum.Briefs, sum.Background = nb, nb
	if err == nil {
		err = berr
	}
	sum.Stories = len(stories)
	if err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("pipeline: interrupted; %d article(s) stored before it: %w", sum.Stored, err)
	}
	t0 := time.Now()
	n, err := p.rebuildBriefs(ctx)
	sum.Times.Briefs = time.Since(t0)
	sum.Briefs += n
	return sum, err
}

// Windowed is an Assigner that never places a doc in a story whose
// last doc is more than Window older than the newest doc it has seen:
// a pipeline restores it from the stories active within that window
// only (store.DocQuery.Window), not from every stored doc.
type Windowed interface {
	Window() time.Duration
}

// restore makes the assigner and teaches it the stored docs' sketches:
// those of the stories it can still place docs in, when it is Windowed,
// else all. Docs placed after the listing's bound are caught up with
// before the first batch.
func (p *Pipeline) restore(ctx context.Context) error {
	a := p.cfg.NewAssigner()
	last, err := p.store.LastSeq(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	if last == 0 {
		p.assign, p.last = a, 0
		return nil
	}
	q := store.DocQuery{Sketch: true, Through: last}
	if w, ok := a.(Windowed); ok {
		q.Window = w.Window()
	}
	for d, err := range p.store.Docs(ctx, q) {
		if err != nil {
			return fmt.Errorf("pipeline: reading the stored docs: %w", err)
		}
		a.Restore(d.Doc, d.Story)
	}
	p.assign, p.last = a, last
	return nil
}

// readAhead is how many articles fresh reads ahead of the analysis, at
// most, to look up together those already read.
const readAhead = 64

// fresh passes on the articles of in, each keyed on a copy; one stored
// already or seen earlier is passed as an errKnown error, so that it is
// not analysed and comes out of the chain in its place. in is read on a
// goroutine of its own, up to readAhead articles ahead, and the articles
// read by the time one is wanted are looked up in the store together
// (store.Store.HasArticles): a lookup per article cost about as much as
// placing it, most of it in starting a read, while a slow stream is
// still passed on article by article.
func (p *Pipeline) fresh(ctx context.Context, in iter.Seq2[*news.Article, error]) iter.Seq2[*news.Article, error] {
	type item struct {
		a   *news.Article
		err error
	}
	return func(yield func(*news.Article, error) bool) {
		items := make(chan item, readAhead)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			defer close(items)
			for a, err := range in {
				if err == nil && a != nil {
					c := *a
					if c.Key == "" {
						c.Key = news.KeyOf(&c)
					}
					a = &c
				}
				select {
				case items <- item{a, err}:
				case <-stop:
					return
				}
			}
		}()
		seen := map[string]bool{}
		var batch []item
		var keys []string
		for {
			it, ok := <-items
			if !ok {
				return
			}
			batch = append(batch[:0], it)
		more:
			for len(batch) < readAhead {
				select {
				case it, ok := <-items:
					if !ok {
						break more // the next receive ends the loop
					}
					batch = append(batch, it)
				default:
					break more
				}
			}
			keys = keys[:0]
			for _, it := range batch {
				if it.err == nil && it.a != nil && !seen[it.a.Key] {
					keys = append(keys, it.a.Key)
				}
			}
			var stored map[string]bool
			if len(keys) > 0 {
				var err error
				if stored, err = p.store.HasArticles(ctx, keys); err != nil {
					yield(nil, fmt.Errorf("pipeline: %w", err))
					return
				}
			}
			for _, it := range batch {
				a, err := it.a, it.err
				if err == nil && a != nil {
					known := seen[a.Key] || stored[a.Key]
					seen[a.Key] = true
					if known {
						err = errKnown{id: a.ID, key: a.Key}
						a = nil
					}
				} else if err == nil {
					err = errors.New("pipeline: a nil article")
				}
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// place analyses the fresh articles of in and stores them in batches.
func (p *Pipeline) place(ctx context.Context, in iter.Seq2[*news.Article, error], sum *Summary, stories map[string]bool, restored func() error, bg *briefer) error {
	results := make(chan analyze.Result, p.cfg.Batch)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(results)
		for r := range p.cfg.Chain.All(ctx, p.fresh(ctx, in), p.cfg.Workers) {
			select {
			case results <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel()
		for range results { // let the producer end
		}
		wg.Wait()
	}()

	index := 0
	var batch []pending
	for {
		t0 := time.Now()
		r, ok := <-results
		sum.Times.Wait += time.Since(t0)
		if !ok {
			return nil
		}
		// Take what else comes, up to a batch, for at most BatchWait
		// after the batch's first doc.
		var fill *time.Timer
		for {
			if r.Err == nil {
				if len(batch) == 0 && p.cfg.BatchWait > 0 {
					fill = time.NewTimer(p.cfg.BatchWait)
				}
				batch = append(batch, pending{doc: r.Doc, index: index})
			} else {
				p.other(ctx, r.Err, index, sum)
			}
			index++
			if len(batch) >= p.cfg.Batch {
				break
			}
			select {
			case r, ok = <-results:
			default:
				ok = false
				if fill == nil {
					break
				}
				t0 := time.Now()
				select {
				case r, ok = <-results:
				case <-fill.C:
				case <-ctx.Done():
				}
				sum.Times.Wait += time.Since(t0)
			}
			if !ok {
				break
			}
		}
		if fill != nil {
			fill.Stop()
		}
		if ctx.Err() != nil {
			return nil // interrupted: the batch, reported nowhere, is not stored
		}
		if len(batch) > 0 {
			if err := restored(); err != nil {
				return err
			}
			t0 := time.Now()
			err := p.put(ctx, batch, sum, stories)
			sum.Times.Store += time.Since(t0)
			if err != nil {
				return err
			}
			changed := make([]string, 0, len(batch))
			for _, pd := range batch {
				if pd.added {
					changed = append(changed, pd.story)
				}
			}
			bg.changed(changed, sum.Stored)
			bg.flush(sum.Stored)
			if err := bg.err(); err != nil {
				return err
			}
			batch = batch[:0]
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// pending is an analysed doc waiting for its batch.
type pending struct {
	doc   *news.Doc
	index int
	story string
	added bool
}

// other reports an article that was not analysed: known, or failed.
func (p *Pipeline) other(ctx context.Context, err error, index int, sum *Summary) {
	var k errKnown
	if errors.As(err, &k) {
		sum.Known++
		if p.cfg.OnResult != nil {
			res := Result{Index: index, ID: k.id, Key: k.key, Status: Known}
			if p.cfg.KnownStories {
				if d, err := p.store.Doc(ctx, k.key); err == nil {
					res.Story = d.Story
				}
			}
			p.cfg.OnResult(res)
		}
		return
	}
	sum.Failed++
	fmt.Fprintln(p.cfg.Log, err)
	if p.cfg.OnResult != nil {
		p.cfg.OnResult(Result{Index: index, Status: Failed, Err: err})
	}
}

// put stores a batch of analysed docs in one transaction, after catching
// up with what other processes placed. When the transaction fails, the
// assigner, which placed docs that are not stored, is dropped: the next
// Run restores a new one from the store.
func (p *Pipeline) put(ctx context.Context, batch []pending, sum *Summary, stories map[string]bool) error {
	last := p.last
	err := p.store.Update(ctx, func(tx store.Tx) error {
		for sd, err := range tx.Docs(ctx, store.DocQuery{After: last, Sketch: true}) {
			if err != nil {
				return err
			}
			p.assign.Restore(sd.Doc, sd.Story)
			last = sd.Seq
		}
		for i := range batch {
			pd := &batch[i]
			d := pd.doc
			ok, err := tx.PutArticle(ctx, &d.Article)
			if err != nil {
				return err
			}
			if !ok {
				continue // stored meanwhile by another process
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			story, dup, merged := p.assign.Assign(d)
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
			last, pd.story, pd.added = seq, story, true
		}
		return nil
	})
	if err != nil {
		p.assign = nil
		ids := make([]string, 0, 3)
		for _, pd := range batch[:min(len(batch), 3)] {
			ids = append(ids, pd.doc.ID)
		}
		more := ""
		if len(batch) > 3 {
			more = fmt.Sprintf(" and %d more", len(batch)-3)
		}
		return fmt.Errorf("pipeline: storing %s%s: %w", strings.Join(ids, ", "), more, err)
	}
	p.last = last
	sum.Batches++
	for _, pd := range batch {
		st := Stored
		if pd.added {
			sum.Stored++
			stories[pd.story] = true
		} else {
			st = Known
			sum.Known++
		}
		if p.cfg.OnResult != nil {
			p.cfg.OnResult(Result{Index: pd.index, ID: pd.doc.ID, Key: pd.doc.Key, Status: st, Story: pd.story})
		}
	}
	return nil
}

// briefBatch is the most briefs rebuildBriefs stores in one transaction.
const briefBatch = 32

// rebuildBriefs builds and stores the brief of every story whose brief is
// missing or older than the story (changed now, or by an earlier run that
// was interrupted), on all cores, the largest stories first. The briefs built are stored as they
// come, what is ready in one transaction, up to briefBatch. It returns
// how many it stored.
func (p *Pipeline) rebuildBriefs(ctx context.Context) (int, error) {
	var stale []*store.Story
	for st, err := range p.store.Stories(ctx, store.StoryQuery{Stale: true}) {
		if err != nil {
			return 0, fmt.Errorf("pipeline: %w", err)
		}
		stale = append(stale, st)
	}
	// The largest stories, which take longest, go first, so that the
	// workers end together instead of one finishing a large story alone.
	slices.SortStableFunc(stale, func(a, b *store.Story) int { return cmp.Compare(b.Articles, a.Articles) })
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *store.Story)
	go func() {
		defer close(jobs)
		for _, st := range stale {
			select {
			case jobs <- st:
			case <-ctx.Done():
				return
			}
		}
	}()
	type built struct {
		sb  *store.Brief
		err error
	}
	workers := p.cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make(chan built, briefBatch)
	var wg sync.WaitGroup
	for range min(workers, max(len(stale), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for st := range jobs {
				sb, buildErr, err := p.buildBrief(ctx, st)
				if buildErr != nil {
					fmt.Fprintln(p.cfg.Log, buildErr)
				}
				if sb != nil || err != nil {
					out <- built{sb, err}
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var (
		n     int
		first error
		batch []*store.Brief
	)
	for r := range out {
		if first != nil {
			continue // drain
		}
		if r.err != nil {
			first = r.err
			cancel()
			continue
		}
		batch = append(batch[:0], r.sb)
	more:
		for len(batch) < briefBatch {
			select {
			case r, ok := <-out:
				if !ok {
					break more
				}
				if r.err != nil {
					first = r.err
					cancel()
					break more
				}
				batch = append(batch, r.sb)
			default:
				break more
			}
		}
		k, err := p.putBriefs(ctx, batch)
		n += k
		if err != nil && first == nil {
			first = err
			cancel()
		}
	}
	if first == nil {
		if err := ctx.Err(); err != nil {
			first = fmt.Errorf("pipeline: interrupted while rebuilding briefs: %w", err)
		}
	}
	return n, first
}

// rebuild builds and stores the brief of one story. A brief that cannot
// be built is reported (buildErr) and the other stories go on; a store
// error (err) stops the run.
func (p *Pipeline) rebuild(ctx context.Context, st *store.Story) (put bool, buildErr, err error) {
	sb, buildErr, err := p.buildBrief(ctx, st)
	if sb == nil || err != nil {
		return false, buildErr, err
	}
	n, err := p.putBriefs(ctx, []*store.Brief{sb})
	return n > 0, nil, err
}

// buildBrief builds the brief of one story, to be stored. A brief that
// cannot be built is reported (buildErr) and the other stories go on; a
// store error (err) stops the run. It returns no brief for a story
// emptied meanwhile by another process.
func (p *Pipeline) buildBrief(ctx context.Context, st *store.Story) (sb *store.Brief, buildErr, err error) {
	b, err := StoryBrief(ctx, p.store, st.ID, p.cfg.Brief)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, nil // emptied meanwhile by another process
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, fmt.Errorf("pipeline: the brief of story %s: %w", st.ID, err), nil
	}
	var buf bytes.Buffer
	if err := brief.JSON(&buf, b); err != nil {
		return nil, fmt.Errorf("pipeline: the brief of story %s: %w", st.ID, err), nil
	}
	sb = &store.Brief{Story: st.ID, Revision: st.Revision, JSON: buf.Bytes()}
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
	return sb, nil, nil
}

// putBriefs stores built briefs in one transaction, and returns how many
// were stored (a brief older than the one stored is not).
func (p *Pipeline) putBriefs(ctx context.Context, bs []*store.Brief) (int, error) {
	n := 0
	err := p.store.Update(ctx, func(tx store.Tx) error {
		n = 0
		for _, sb := range bs {
			put, err := tx.PutBrief(ctx, sb)
			if err != nil {
				return fmt.Errorf("story %s: %w", sb.Story, err)
			}
			if put {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("pipeline: storing briefs: %w", err)
	}
	return n, nil
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
		s := strings.Join(strings.Fields(b.Summary[0].Text), " ")
		if r := []rune(s); len(r) > 100 {
			s = string(r[:99]) + "…"
		}
		return s
	}
	return ""
}

// StoryBrief builds the brief of a stored story from its docs, as a Run
// does. A story with no docs gives an error wrapping store.ErrNotFound.
func StoryBrief(ctx context.Context, s store.Store, id string, cfg brief.Config) (*news.Brief, error) {
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
