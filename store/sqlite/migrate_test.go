package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// openAtVersion opens a new file at path with the first version
// migrations only, as an older storyline made it.
func openAtVersion(t *testing.T, path string, version int) *Store {
	t.Helper()
	saved := migrations
	migrations = saved[:version]
	s, err := Open(context.Background(), path, DefaultOptions())
	migrations = saved
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// upgrade closes old, whose setup ended with err (fatal unless nil),
// and opens path again: at the latest version.
func upgrade(t *testing.T, old *Store, path string, err error) *Store {
	t.Helper()
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestUpgrade opens a file made with the first schema version only, with
// data in it: Open brings it to the latest version, and the data stays.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := openAtVersion(t, path, 1)
	err := old.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &news.Article{ID: "a", Key: "a", Text: "kept across the upgrade"})
		return err
	})
	if err == nil {
		// A doc as version 1 kept it: gzipped JSON in docs.body.
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		json.NewEncoder(zw).Encode(&news.Doc{Article: news.Article{ID: "a", Key: "a", Text: "kept across the upgrade"},
			Tokens: []news.Token{{Span: news.Span{End: 4}}}, Timexes: []news.Timex{{Value: "2019"}}})
		zw.Close()
		_, err = old.SQL().ExecContext(ctx, `INSERT INTO docs (key, seq, analyzer, date, outlet, title, body) VALUES ('a', 1, 'v0', '', '', '', ?)`, buf.Bytes())
	}
	s := upgrade(t, old, path, err)
	if v, err := s.SchemaVersion(ctx); v != len(migrations) || err != nil {
		t.Errorf("upgraded to version %d (%v), want %d", v, err, len(migrations))
	}
	var n int
	if err := s.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'docs_story_outlet'").Scan(&n); err != nil || n != 1 {
		t.Errorf("migration 2's index: %d, %v", n, err)
	}
	if a, err := s.Article(ctx, "a"); err != nil || a.Text != "kept across the upgrade" {
		t.Errorf("article after the upgrade: %v, %v", a, err)
	}
	if d, err := s.Doc(ctx, "a"); err != nil || d.Text != "kept across the upgrade" || len(d.Timexes) != 1 || d.Seq != 1 {
		t.Errorf("doc stored by version 1, after the upgrade: %+v, %v", d, err)
	}
	for d, err := range s.Docs(ctx, store.DocQuery{Sketch: true}) {
		if err != nil || d.Key != "a" || d.Text != "kept across the upgrade" || d.Timexes != nil || len(d.Tokens) != 1 {
			t.Errorf("sketch of a doc stored by version 1: %+v, %v", d, err)
		}
	}
	// A doc stored before migration 4 has no sketch: listing sketches
	// trims its whole body instead.
	err = s.Update(ctx, func(tx store.Tx) error {
		d := &news.Doc{Article: news.Article{ID: "a", Key: "a", Text: "kept across the upgrade"},
			Tokens: []news.Token{{Span: news.Span{End: 4}}}, Timexes: []news.Timex{{Value: "2020"}}}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, "a", "s")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SQL().ExecContext(ctx, "UPDATE doc_bodies SET sketch = NULL"); err != nil {
		t.Fatal(err)
	}
	for d, err := range s.Docs(ctx, store.DocQuery{Sketch: true}) {
		if err != nil || d.Key != "a" || d.Text != "kept across the upgrade" || d.Timexes != nil || len(d.Tokens) != 1 {
			t.Errorf("sketch of a doc stored without one: %+v, %v", d, err)
		}
	}
}

// TestUpgradeBriefHistory: a file whose brief history holds a copy of
// each story's current brief, as before schema version 11, loses the
// copies and keeps the older briefs; BriefAt answers as before.
func TestUpgradeBriefHistory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := openAtVersion(t, path, 10)
	now := time.Now().UTC()
	err := old.Update(ctx, func(tx store.Tx) error {
		d := &news.Doc{Article: news.Article{ID: "a", Key: "a", Text: "A text."}}
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		if _, err := tx.Assign(ctx, "a", "sA"); err != nil {
			return err
		}
		_, err := tx.PutBrief(ctx, &store.Brief{Story: "sA", Revision: 1, JSON: []byte(`{"v":1}`)})
		return err
	})
	if err == nil {
		// What version 10 kept: the current brief in the history too,
		// beside an older one of three hours ago.
		three := now.Add(-3 * time.Hour)
		_, err = old.SQL().ExecContext(ctx, `INSERT INTO brief_history (story, hour, revision, built, body)
			SELECT story, CAST(strftime('%s', built) AS INTEGER) / 3600, revision, built, body FROM briefs;
			INSERT INTO brief_history (story, hour, revision, built, body) VALUES ('sA', ?, 0, ?, '{"v":0}')`,
			three.Unix()/3600, three.Format(time.RFC3339Nano))
	}
	s := upgrade(t, old, path, err)
	var n int
	if err := s.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM brief_history`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d briefs in the history after the upgrade (%v), want 1: the older one", n, err)
	}
	if b, err := s.BriefAt(ctx, "sA", time.Now()); err != nil || string(b.JSON) != `{"v":1}` {
		t.Errorf("BriefAt(now) after the upgrade = %+v, %v; want the current brief", b, err)
	}
	if b, err := s.BriefAt(ctx, "sA", now.Add(-time.Hour)); err != nil || string(b.JSON) != `{"v":0}` {
		t.Errorf("BriefAt(an hour ago) after the upgrade = %+v, %v; want the one of three hours ago", b, err)
	}
}
