package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/storetest"
)

func open(t *testing.T, path string, opts sqlite.Options) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, filepath.Join(t.TempDir(), "storyline.db"), sqlite.DefaultOptions())
	})
}

// TestTwoWriters opens one file twice, as two processes would: while one
// handle writes, the other waits for it, or, past its busy timeout, fails
// with ErrLocked naming the file. Nothing is corrupted either way.
func TestTwoWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a := open(t, path, sqlite.DefaultOptions())
	b := open(t, path, sqlite.Options{BusyTimeout: 50 * time.Millisecond})
	c := open(t, path, sqlite.DefaultOptions())

	holding := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- a.Update(ctx, func(tx store.Tx) error {
			if _, err := tx.PutArticle(ctx, &news.Article{ID: "a", Key: "a", Text: "first writer"}); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	err := b.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &news.Article{ID: "b", Key: "b", Text: "second writer"})
		return err
	})
	if !errors.Is(err, sqlite.ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Errorf("second writer past its timeout: err = %v, want ErrLocked naming %s", err, path)
	}
	// A patient writer waits for the first one.
	waited := make(chan error, 1)
	go func() {
		waited <- c.Update(ctx, func(tx store.Tx) error {
			_, err := tx.PutArticle(ctx, &news.Article{ID: "c", Key: "c", Text: "third writer"})
			return err
		})
	}()
	select {
	case err := <-waited:
		t.Fatalf("third writer did not wait for the first: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	// Readers are not blocked by the writer (WAL).
	if _, err := b.HasArticle(ctx, "a"); err != nil {
		t.Errorf("reading during a write: %v", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := <-waited; err != nil {
		t.Fatalf("waiting writer: %v", err)
	}
	for _, k := range []string{"a", "c"} {
		if ok, err := b.HasArticle(ctx, k); !ok || err != nil {
			t.Errorf("article %s: %v %v", k, ok, err)
		}
	}
	if ok, _ := b.HasArticle(ctx, "b"); ok {
		t.Error("the refused write was stored")
	}
	var check string
	if err := a.SQL().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s := open(t, path, sqlite.DefaultOptions())
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v", v, err)
	}
	var mode string
	if err := s.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	var fk int
	if err := s.SQL().QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	// Opening again applies nothing twice.
	s2 := open(t, path, sqlite.DefaultOptions())
	if v2, _ := s2.SchemaVersion(ctx); v2 != v {
		t.Errorf("reopened version %d, want %d", v2, v)
	}
	// A file from a newer storyline is refused.
	if _, err := s.SQL().ExecContext(ctx, "INSERT INTO schema_version (version, applied) VALUES (999, 'future')"); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.Open(ctx, path, sqlite.DefaultOptions()); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer schema: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	p, err := sqlite.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "storyline", "storyline.db"); p != want && os.Getenv("GOOS") == "" {
		t.Errorf("DefaultPath = %q, want %q", p, want)
	}
}

// TestTextOnce: an analysed doc's text is kept once, with its article,
// not again in the doc's body, its sketch or its sentences.
func TestTextOnce(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
	text := "Zyxwvut met Qponmlk in Baghdad to discuss the border crossing."
	d := storetest.Doc("k1", "X", "Talks", text, time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC))
	err := s.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, d.Key, "s1")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.SQL().QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM doc_bodies WHERE instr(body, CAST(? AS BLOB)) > 0 OR instr(sketch, CAST(? AS BLOB)) > 0) +
		(SELECT COUNT(*) FROM doc_sentences WHERE instr(body, ?) > 0)`, "Qponmlk", "Qponmlk", "Qponmlk").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the text is kept again in %d place(s) besides the article", n)
	}
	if got, err := s.Doc(ctx, "k1"); err != nil || got.Text != text {
		t.Errorf("Doc = %+v, %v", got, err)
	}
}
