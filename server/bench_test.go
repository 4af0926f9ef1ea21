package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// benchStories is the size of the benchmark store: 10,000, or
// $STORYLINE_BENCH_STORIES.
var benchStories = 10000

func init() {
	if n, err := strconv.Atoi(os.Getenv("STORYLINE_BENCH_STORIES")); err == nil && n > 1 {
		benchStories = n
	}
}

var (
	benchOnce  sync.Once
	benchStore store.Store
	benchIDs   []string
	benchDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// loadBenchStore builds, once per process, a SQLite store of benchStories
// stories, each told by copies of the five seed docs (own keys, same
// labels) with the seeds' brief: every story page is as heavy as the
// seeds' own.
func loadBenchStore(b *testing.B) (store.Store, []string) {
	benchOnce.Do(func() {
		ctx := context.Background()
		docs := seedDocs(b)
		path := os.Getenv("STORYLINE_BENCH_DB") // kept, and reused when it exists
		built := false
		if path == "" {
			var err error
			if benchDir, err = os.MkdirTemp("", "storyline-bench-"); err != nil {
				b.Fatal(err)
			}
			path = filepath.Join(benchDir, "bench.db")
		} else if _, err := os.Stat(path); err == nil {
			built = true
		}
		s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		if built {
			for st, err := range s.Stories(ctx, store.StoryQuery{}) {
				if err != nil {
					b.Fatal(err)
				}
				benchIDs = append(benchIDs, st.ID)
			}
			benchStore = s
			return
		}
		// The seeds' brief, built once from the stored seeds story.
		seedID := store.StoryID(docs[0].Key)
		putStory(b, s, seedID, docs)
		sb, err := s.Brief(ctx, seedID)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		const batch = 250
		for lo := 0; lo < benchStories-1; lo += batch {
			err := s.Update(ctx, func(tx store.Tx) error {
				for i := lo; i < min(lo+batch, benchStories-1); i++ {
					id := "sbench" + strconv.Itoa(i)
					for j, d := range docs {
						c := *d
						c.Key = fmt.Sprintf("bench:%d:%d", i, j)
						c.Article.Key = c.Key
						if _, err := tx.PutArticle(ctx, &c.Article); err != nil {
							return err
						}
						if err := tx.PutDoc(ctx, &c); err != nil {
							return err
						}
						if _, err := tx.Assign(ctx, c.Key, id); err != nil {
							return err
						}
					}
					if _, err := tx.PutBrief(ctx, &store.Brief{Story: id, Revision: int64(len(docs)), Title: sb.Title, First: sb.First, Last: sb.Last, JSON: sb.JSON}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		for st, err := range s.Stories(ctx, store.StoryQuery{}) {
			if err != nil {
				b.Fatal(err)
			}
			benchIDs = append(benchIDs, st.ID)
		}
		b.Logf("bench store: %d stories of %d docs, built in %v", len(benchIDs), len(docs), time.Since(start).Round(time.Second))
		benchStore = s
	})
	if benchStore == nil {
		b.Skip("server: no bench store")
	}
	return benchStore, benchIDs
}

// hotStories is the number of most recently changed stories the warm
// load asks for: the first pages of the story list, what analysts open.
const hotStories = 2000

// BenchmarkStoryPageLoad is a bounded load test: b.N story-page requests
// (run it with -benchtime=20000x) from 32 concurrent clients over
// loopback TCP, against a store of 10,000 stories, asking for the 2,000
// most recently changed ones after one untimed visit to each (so their
// rendered pages are in the page cache, as in a server that has been up a
// while). It reports requests per second and the 50th and 99th percentile
// latencies. The figures are reported, never asserted.
func BenchmarkStoryPageLoad(b *testing.B) {
	s, ids := loadBenchStore(b)
	hot := ids[:min(hotStories, len(ids))]
	benchLoad(b, s, len(hot), 0, func(i int) string { return "/stories/" + hot[(i*7919)%len(hot)] })
}

// BenchmarkStoryPageLoadCold is the same load with no page cache, over
// all 10,000 stories: every request reads the story's brief and docs and
// renders the page (run it with -benchtime=1000x).
func BenchmarkStoryPageLoadCold(b *testing.B) {
	s, ids := loadBenchStore(b)
	benchLoad(b, s, 0, -1, func(i int) string { return "/stories/" + ids[(i*7919)%len(ids)] })
}

// BenchmarkStoryPageLoadColdDocs is BenchmarkStoryPageLoadCold with the
// docs read whole, as the story page read them before
// store.StorySentences: the same run gives the ratio of the two reads.
func BenchmarkStoryPageLoadColdDocs(b *testing.B) {
	s, ids := loadBenchStore(b)
	benchLoad(b, wholeDocs{s}, 0, -1, func(i int) string { return "/stories/" + ids[(i*7919)%len(ids)] })
}

// wholeDocs answers StorySentences from the whole docs.
type wholeDocs struct{ store.Store }

func (w wholeDocs) StorySentences(ctx context.Context, story string) iter.Seq2[*store.DocSentences, error] {
	return func(yield func(*store.DocSentences, error) bool) {
		for d, err := range w.Docs(ctx, store.DocQuery{Story: story}) {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(&store.DocSentences{Key: d.Key, ID: d.ID, Sentences: store.SentencesOf(d.Doc)}, nil) {
				return
			}
		}
	}
}

// BenchmarkStoryAPILoad is the load of BenchmarkStoryPageLoadCold on
// GET /api/stories/{id} (the brief's JSON as stored).
func BenchmarkStoryAPILoad(b *testing.B) {
	s, ids := loadBenchStore(b)
	benchLoad(b, s, 0, -1, func(i int) string { return "/api/stories/" + ids[(i*7919)%len(ids)] })
}

// benchLoad makes b.N requests for target(i) from 32 clients, after warm
// untimed requests for target(0..warm-1); cacheSize is the server's
// Config.PageCacheSize.
func benchLoad(b *testing.B, s store.Store, warm, cacheSize int, target func(int) string) {
	srv := newServer(b, Config{Store: s, PageCacheSize: cacheSize})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	const clients = 32
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	for i := range warm {
		resp, err := client.Get(ts.URL + target(i))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	var failed atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	cpu0 := testutil.CPUTime()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(ts.URL + target(i))
				if err != nil {
					failed.Add(1)
					continue
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || n == 0 {
					failed.Add(1)
				}
				lat[c] = append(lat[c], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := testutil.CPUTime() - cpu0
	b.StopTimer()
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d of %d requests failed", f, b.N)
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	pct := func(p float64) float64 { return float64(all[int(p*float64(len(all)-1))]) / 1e6 }
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(.50), "p50-ms")
	b.ReportMetric(pct(.99), "p99-ms")
	// CPU time per request, server and clients together: on a shared
	// machine a steadier figure than the rates.
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/req")
}

// BenchmarkStoryRender renders one story page of the bench store from its
// view, in process: the template's share of a cold page.
func BenchmarkStoryRender(b *testing.B) {
	s, ids := loadBenchStore(b)
	srv := newServer(b, Config{Store: s, PageCacheSize: -1})
	ctx := context.Background()
	st, err := s.Story(ctx, ids[0])
	if err != nil {
		b.Fatal(err)
	}
	sb, err := s.Brief(ctx, st.ID)
	if err != nil {
		b.Fatal(err)
	}
	var br news.Brief
	if err := json.Unmarshal(sb.JSON, &br); err != nil {
		b.Fatal(err)
	}
	docs := map[string]*store.DocSentences{}
	for d, err := range s.StorySentences(ctx, st.ID) {
		if err != nil {
			b.Fatal(err)
		}
		docs[d.ID] = d
	}
	v := makeStoryView(st, &br, docs)
	var buf bytes.Buffer
	b.ResetTimer()
	cpu0 := testutil.CPUTime()
	for range b.N {
		buf.Reset()
		if err := srv.execute(&buf, "story.html", v, noncePlaceholder); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(testutil.CPUTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(buf.Len()), "bytes")
}
