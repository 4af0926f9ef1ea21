package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/storyline-news/storyline/store"
)

// briefer rebuilds the briefs of changed stories in the background while
// a Run goes on placing docs, debounced: a story is handed to a worker
// once it has been quiet for Config.BriefAfter placed docs or
// Config.BriefDelay. The stale mark that decides what needs a brief is
// the store's (a story's revision above its brief's), so what a killed
// Run left stale is found by the next one; the briefer only chooses when
// to rebuild, never whether.
type briefer struct {
	p   *Pipeline
	ctx context.Context
	// dirty holds the stories changed and not yet handed to a worker, with
	// when they last changed; used on the Run's goroutine only.
	dirty map[string]mark
	jobs  chan string
	wg    sync.WaitGroup

	mu    sync.Mutex
	n     int   // briefs stored
	first error // the first store error
}

// mark is when a story last changed: the number of docs placed by then,
// and the time.
type mark struct {
	placed int
	at     time.Time
}

// newBriefer starts the background workers: half the analysis workers,
// at least one, so that analysis and placing keep most of the cores. A
// negative Config.BriefAfter starts none.
func (p *Pipeline) newBriefer(ctx context.Context) *briefer {
	b := &briefer{p: p, ctx: ctx, dirty: map[string]mark{}}
	if p.cfg.BriefAfter < 0 {
		return b
	}
	workers := p.cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, workers/2)
	b.jobs = make(chan string, 2*workers)
	for range workers {
		b.wg.Add(1)
		go b.work(b.jobs)
	}
	return b
}

func (b *briefer) work(jobs <-chan string) {
	defer b.wg.Done()
	for id := range jobs {
		if b.ctx.Err() != nil {
			continue // drain
		}
		st, err := b.p.store.Story(b.ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err == nil && (st.MergedInto != "" || st.BriefRevision >= st.Revision) {
			continue // merged away, or current already
		}
		put, buildErr := false, error(nil)
		if err == nil {
			put, buildErr, err = b.p.rebuild(b.ctx, st)
		} else {
			err = fmt.Errorf("pipeline: %w", err)
		}
		b.mu.Lock()
		if buildErr != nil {
			fmt.Fprintln(b.p.cfg.Log, buildErr)
		}
		if err != nil && b.first == nil && b.ctx.Err() == nil {
			b.first = err
		}
		if put {
			b.n++
		}
		b.mu.Unlock()
	}
}

// changed marks stories changed by a committed batch; placed is the
// number of docs placed in the Run so far.
func (b *briefer) changed(stories []string, placed int) {
	now := time.Now()
	for _, id := range stories {
		b.dirty[id] = mark{placed: placed, at: now}
	}
}

// flush hands the stories that have been quiet long enough to the
// workers, as many as they have room for: it never waits for them, so a
// story they have no room for waits for the next flush, or the end of
// the Run.
func (b *briefer) flush(placed int) {
	if b.jobs == nil || len(b.dirty) == 0 {
		return
	}
	now := time.Now()
	for id, m := range b.dirty {
		if placed-m.placed < b.p.cfg.BriefAfter && now.Sub(m.at) < b.p.cfg.BriefDelay {
			continue
		}
		select {
		case b.jobs <- id:
			delete(b.dirty, id)
		default:
			return
		}
	}
}

// err returns the first store error a worker met.
func (b *briefer) err() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.first
}

// stop ends the workers once they have built what they were handed, and
// returns how many briefs they stored and their first store error.
func (b *briefer) stop() (int, error) {
	if b.jobs != nil {
		close(b.jobs)
		b.jobs = nil
	}
	b.wg.Wait()
	return b.n, b.first
}
