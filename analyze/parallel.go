package analyze

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/storyline-news/storyline/news"
)

// Result is one analysed article, or the error that stopped it.
type Result struct {
	Doc *news.Doc
	Err error
}

// All analyses the articles of in on up to workers goroutines (0 means one
// per CPU) and yields the results in input order. A read error from in is
// passed through as a Result with a nil Doc. Every stage of the chain must
// be safe for concurrent use. All stops early when ctx is done or the
// consumer stops.
func (c Chain) All(ctx context.Context, in iter.Seq2[*news.Article, error], workers int) iter.Seq[Result] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func(Result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		// On return, stop the producer first, then wait for the workers.
		defer func() {
			cancel()
			wg.Wait()
		}()

		// Each job carries its own result channel; the channel of jobs in
		// input order lets the consumer wait for them one by one.
		type job struct {
			a   *news.Article
			err error
			out chan Result
		}
		jobs := make(chan job, workers)
		order := make(chan chan Result, 2*workers)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					if j.err != nil {
						j.out <- Result{Err: j.err}
						continue
					}
					d, err := c.Doc(j.a)
					if err != nil {
						d = nil
					}
					j.out <- Result{Doc: d, Err: err}
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for a, err := range in {
				j := job{a: a, err: err, out: make(chan Result, 1)}
				select {
				case order <- j.out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
		for out := range order {
			var r Result
			select {
			case r = <-out:
			case <-ctx.Done():
				return
			}
			if !yield(r) {
				return
			}
		}
	}
}
