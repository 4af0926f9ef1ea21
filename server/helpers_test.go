package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

var (
	chainOnce sync.Once
	chain     analyze.Chain
	chainErr  error
)

func defaultChain(tb testing.TB) analyze.Chain {
	chainOnce.Do(func() { chain, chainErr = analyze.Default() })
	if chainErr != nil {
		tb.Fatal(chainErr)
	}
	return chain
}

func openStore(tb testing.TB) store.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"), sqlite.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// seedDocs analyses the seed articles (../shared/seeds): five reports of
// one story.
func seedDocs(tb testing.TB) []*news.Doc {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(testutil.Shared(tb, "seeds"), "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Skip("server: no seed articles in ../shared/seeds")
	}
	var docs []*news.Doc
	for r := range defaultChain(tb).All(context.Background(), ingest.ReadAll(paths), 0) {
		if r.Err != nil {
			tb.Fatal(r.Err)
		}
		r.Doc.Key = news.KeyOf(&r.Doc.Article)
		docs = append(docs, r.Doc)
	}
	return docs
}

// putStory stores docs as one story under id, with its brief, as
// `storyline brief` treats the articles it is given as one story.
func putStory(tb testing.TB, s store.Store, id string, docs []*news.Doc) {
	tb.Helper()
	ctx := context.Background()
	err := s.Update(ctx, func(tx store.Tx) error {
		for _, d := range docs {
			if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			if _, err := tx.Assign(ctx, d.Key, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	putBrief(tb, s, id)
}

// putBrief builds the brief of a stored story from its stored docs.
func putBrief(tb testing.TB, s store.Store, id string) {
	tb.Helper()
	ctx := context.Background()
	story := &news.Story{ID: id}
	for d, err := range s.Docs(ctx, store.DocQuery{Story: id}) {
		if err != nil {
			tb.Fatal(err)
		}
		story.Docs = append(story.Docs, d.Doc)
	}
	b, err := brief.Build(story, brief.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := brief.JSON(&buf, b); err != nil {
		tb.Fatal(err)
	}
	st, err := s.Story(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	sb := &store.Brief{Story: id, Revision: st.Revision, JSON: buf.Bytes()}
	if len(b.Summary) > 0 {
		sb.Title = strings.Join(strings.Fields(b.Summary[0].Text), " ")
		if r := []rune(sb.Title); len(r) > 100 {
			sb.Title = string(r[:100]) + "…"
		}
	}
	for _, src := range b.Sources {
		if src.Title != "" {
			sb.Title = src.Title
			break
		}
	}
	for _, src := range b.Sources {
		if src.Date != "" && (sb.First == "" || src.Date < sb.First) {
			sb.First = src.Date
		}
		sb.Last = max(sb.Last, src.Date)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.PutBrief(ctx, sb); return err }); err != nil {
		tb.Fatal(err)
	}
}

// seedStory stores the seeds as one story and returns its ID and docs.
func seedStory(tb testing.TB, s store.Store) (string, []*news.Doc) {
	docs := seedDocs(tb)
	id := store.StoryID(docs[0].Key)
	putStory(tb, s, id, docs)
	return id, docs
}

// testIngester stores each article in a story of its own, through the
// analysis chain, with its brief: enough for the handler tests (the real
// path, with clustering, is cmd/storyline's).
type testIngester struct {
	tb testing.TB
	s  store.Store
	mu sync.Mutex
}

func (ti *testIngester) Ingest(ctx context.Context, arts []*news.Article) (*IngestResult, error) {
	ti.mu.Lock()
	defer ti.mu.Unlock()
	res := &IngestResult{}
	seq := func(yield func(*news.Article, error) bool) {
		for _, a := range arts {
			c := *a
			c.Key = news.KeyOf(&c)
			if !yield(&c, nil) {
				return
			}
		}
	}
	for r := range defaultChain(ti.tb).All(ctx, seq, 0) {
		if r.Err != nil {
			res.Failed++
			res.Results = append(res.Results, ArticleResult{Status: "failed", Error: r.Err.Error()})
			continue
		}
		d := r.Doc
		id := store.StoryID(d.Key)
		var added bool
		err := ti.s.Update(ctx, func(tx store.Tx) error {
			var err error
			if added, err = tx.PutArticle(ctx, &d.Article); err != nil || !added {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			_, err = tx.Assign(ctx, d.Key, id)
			return err
		})
		if err != nil {
			return res, err
		}
		if !added {
			res.Known++
			res.Results = append(res.Results, ArticleResult{ID: d.ID, Key: d.Key, Status: "known"})
			continue
		}
		putBrief(ti.tb, ti.s, id)
		res.Stored++
		res.Briefs++
		res.Results = append(res.Results, ArticleResult{ID: d.ID, Key: d.Key, Status: "stored", Story: id})
	}
	return res, nil
}

func newServer(tb testing.TB, cfg Config) *Server {
	tb.Helper()
	srv, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

// do serves one request from a loopback client and returns the response.
func do(tb testing.TB, h http.Handler, method, target, contentType, body string, hdr ...string) *httptest.ResponseRecorder {
	tb.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:40000"
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// decode decodes a JSON answer into v.
func decode(tb testing.TB, w *httptest.ResponseRecorder, v any) {
	tb.Helper()
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		tb.Fatalf("answer is not JSON (%v): %s", err, w.Body.String())
	}
}

// wantError checks a JSON error answer.
func wantError(tb testing.TB, w *httptest.ResponseRecorder, status int) {
	tb.Helper()
	if w.Code != status {
		tb.Fatalf("status %d, want %d: %s", w.Code, status, w.Body.String())
	}
	var e apiError
	decode(tb, w, &e)
	if e.Status != status || e.Error == "" {
		tb.Fatalf("error body %s, want status %d and a message", w.Body.String(), status)
	}
}
