package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/storetest"
)

func seeds(tb testing.TB) string { return testutil.Shared(tb, "seeds") }

// oneStory is a test assigner that puts every doc in the first story it
// knows of, stored or started: enough to test storing, resuming and
// sharing a store, and nothing about clustering.
type oneStory struct {
	mu    sync.Mutex
	story string
}

func (o *oneStory) Assign(d *news.Doc) (string, string, []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.story == "" {
		o.story = store.StoryID(d.Key)
	}
	return o.story, "", nil
}

func (o *oneStory) Restore(_ *news.Doc, story string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.story == "" {
		o.story = story
	}
}

// openTest opens a SQLite store for a test.
func openTest(t testing.TB, path string) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newTest(t testing.TB, s store.Store, cfg Config) *Pipeline {
	t.Helper()
	if cfg.NewAssigner == nil {
		cfg.NewAssigner = func() Assigner { return &oneStory{} }
	}
	p, err := New(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRunResults: every input gets one result naming its index; a
// malformed record is reported by name and skipped, the same article
// twice is stored once, and the rest goes in.
func TestRunResults(t *testing.T) {
	dir := seeds(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	if len(files) < 2 {
		t.Skip("too few seeds")
	}
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	var log bytes.Buffer
	var results []Result
	p := newTest(t, s, Config{Log: &log, Batch: 2, KnownStories: true, OnResult: func(r Result) { results = append(results, r) }})
	var in []*news.Article
	for a, err := range ingest.ReadAll(files) {
		if err != nil {
			t.Fatal(err)
		}
		a.Key = "" // the pipeline keys it
		in = append(in, a)
	}
	bad := errors.New("ingest: broken.json: line 3: unexpected end of JSON input")
	seq := func(yield func(*news.Article, error) bool) {
		for i, a := range in {
			if i == 1 && !yield(nil, bad) {
				return
			}
			if !yield(a, nil) {
				return
			}
		}
		yield(in[0], nil) // again
	}
	sum, err := p.Run(context.Background(), seq)
	if err != nil {
		t.Fatal(err)
	}
	n := len(in) + 2
	if sum.Stored != len(in) || sum.Known != 1 || sum.Failed != 1 || sum.Stories != 1 || sum.Briefs != 1 {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(log.String(), "broken.json") {
		t.Errorf("the malformed record is not reported: %q", log.String())
	}
	if len(results) != n {
		t.Fatalf("%d results for %d inputs", len(results), n)
	}
	slices.SortFunc(results, func(a, b Result) int { return a.Index - b.Index })
	for i, r := range results {
		want := Stored
		switch i {
		case 1:
			want = Failed
		case n - 1:
			want = Known
		}
		if r.Index != i || r.Status != want {
			t.Errorf("result %d = %+v, want %s", i, r, want)
		}
		if want != Failed && (r.Story == "" || r.Key == "") {
			t.Errorf("result %d names no story or key: %+v", i, r)
		}
	}
	for _, a := range in {
		if a.Key != "" {
			t.Errorf("Run changed its input: %s got key %q", a.ID, a.Key)
		}
	}
}

// TestInterrupted cancels a run after two articles were read: what it
// stored is whole (article, doc and story together), and the next run
// completes the rest and brings the brief up to date.
func TestInterrupted(t *testing.T) {
	dir := seeds(t)
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	stopAfterTwo := func(yield func(*news.Article, error) bool) {
		for a, err := range ingest.Read(dir) {
			if n == 2 {
				cancel()
			}
			n++
			if !yield(a, err) {
				return
			}
		}
	}
	if _, err := newTest(t, s, Config{Batch: 1}).Run(ctx, stopAfterTwo); err == nil {
		t.Fatal("an interrupted run reported success")
	}
	stored := 0
	for a, err := range ingest.Read(dir) {
		if err != nil {
			t.Fatal(err)
		}
		ok, err := s.HasArticle(context.Background(), news.KeyOf(a))
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			continue
		}
		stored++
		d, err := s.Doc(context.Background(), news.KeyOf(a))
		if err != nil || d.Story == "" {
			t.Errorf("article %s stored without its doc or story: %v", a.ID, err)
		}
	}
	if stored > 3 {
		t.Errorf("%d articles stored after the interruption, want at most 3", stored)
	}
	sum, err := newTest(t, s, Config{}).Run(context.Background(), ingest.Read(dir))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 5-stored || sum.Known != stored || sum.Briefs != 1 {
		t.Errorf("resumed run: %v; want %d stored, 1 brief", sum, 5-stored)
	}
	st := storetest.OnlyStory(t, s)
	if st.Articles != 5 || st.BriefRevision != st.Revision {
		t.Errorf("after resuming: %+v", st)
	}
}

// failing is a store whose updates fail after the first n.
type failing struct {
	store.Store
	mu sync.Mutex
	n  int
}

func (f *failing) Update(ctx context.Context, fn func(store.Tx) error) error {
	f.mu.Lock()
	f.n--
	fail := f.n < 0
	f.mu.Unlock()
	if fail {
		return errors.New("store/test: disk full")
	}
	return f.Store.Update(ctx, fn)
}

// TestStoreError: a store error stops the run with a message naming the
// articles of the batch, nothing of the batch is stored, and a later
// run on the same pipeline (its assigner restored anew) stores the rest.
func TestStoreError(t *testing.T) {
	dir := seeds(t)
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	f := &failing{Store: s, n: 1}
	restores := 0
	p := newTest(t, f, Config{Batch: 2, Workers: 1, NewAssigner: func() Assigner { restores++; return &oneStory{} }})
	sum, err := p.Run(context.Background(), ingest.Read(dir))
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "pipeline: storing ") {
		t.Fatalf("run on a failing store: %v", err)
	}
	var docs int
	for _, err := range s.Docs(context.Background(), store.DocQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		docs++
	}
	if docs != sum.Stored || docs > 2 {
		t.Errorf("%d docs stored, the summary says %d", docs, sum.Stored)
	}
	f.n = 1 << 30
	sum2, err := p.Run(context.Background(), ingest.Read(dir))
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Stored != 5-docs || restores != 2 {
		t.Errorf("second run stored %d (want %d), assigners made %d (want 2)", sum2.Stored, 5-docs, restores)
	}
}

// TestConcurrent runs two pipelines on one SQLite file through two
// handles, as two processes would, each with its own assigner: they
// place docs in batches after catching up with the other's, so the docs
// end in one story, each stored once.
func TestConcurrent(t *testing.T) {
	dir := seeds(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	if len(files) < 4 {
		t.Skip("too few seeds")
	}
	db := filepath.Join(t.TempDir(), "s.db")
	a, b := openTest(t, db), openTest(t, db)
	var wg sync.WaitGroup
	var errA, errB error
	var sumA, sumB Summary
	wg.Add(2)
	// Both get every file, in opposite orders: each article is stored by
	// whichever comes first.
	rev := slices.Clone(files)
	slices.Reverse(rev)
	go func() {
		defer wg.Done()
		sumA, errA = newTest(t, a, Config{Batch: 2}).Run(context.Background(), ingest.ReadAll(files))
	}()
	go func() {
		defer wg.Done()
		sumB, errB = newTest(t, b, Config{Batch: 2}).Run(context.Background(), ingest.ReadAll(rev))
	}()
	wg.Wait()
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if sumA.Stored+sumB.Stored != len(files) {
		t.Errorf("stored %d + %d, want %d in all", sumA.Stored, sumB.Stored, len(files))
	}
	st := storetest.OnlyStory(t, a)
	if st.Articles != len(files) || st.BriefRevision != st.Revision {
		t.Errorf("after two concurrent ingests: %+v, want %d articles and a current brief", st, len(files))
	}
}

func ExamplePipeline_Run() {
	ctx := context.Background()
	dir, _ := filepathTemp()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "storyline.db"), sqlite.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	p, err := New(s, Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	articles := []*news.Article{
		{ID: "a", Title: "Quake hits Van", Text: "VAN, Turkey (Wire) -- A strong earthquake struck eastern Turkey on Sunday, officials said."},
		{ID: "b", Title: "Quake hits Van", Text: "VAN, Turkey (Wire) -- A strong earthquake struck eastern Turkey on Sunday, officials said."},
	}
	sum, err := p.Run(ctx, func(yield func(*news.Article, error) bool) {
		for _, a := range articles {
			if !yield(a, nil) {
				return
			}
		}
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum)
	// Output: 1 new article(s) stored, 1 already stored, 0 unreadable; 1 story(ies) changed, 1 brief(s) updated
}

// filepathTemp makes a temporary folder for the example.
func filepathTemp() (string, error) { return os.MkdirTemp("", "pipeline-example") }
