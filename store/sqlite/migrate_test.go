package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// TestUpgrade opens a file made with the first schema version only, with
// data in it: Open brings it to the latest version, and the data stays.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	saved := migrations
	migrations = saved[:1]
	old, err := Open(ctx, path, DefaultOptions())
	migrations = saved
	if err != nil {
		t.Fatal(err)
	}
	err = old.Update(ctx, func(tx store.Tx) error {
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
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
