package sqlite

import (
	"context"
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
	// A doc stored before migration 4 has no sketch: listing sketches
	// trims its whole body instead.
	err = s.Update(ctx, func(tx store.Tx) error {
		d := &news.Doc{Article: news.Article{ID: "a", Key: "a", Text: "kept across the upgrade"},
			Tokens: []news.Token{{Span: news.Span{End: 4}, Text: "kept"}}, Timexes: []news.Timex{{Value: "2020"}}}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, "a", "s")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SQL().ExecContext(ctx, "UPDATE docs SET sketch = NULL"); err != nil {
		t.Fatal(err)
	}
	for d, err := range s.Docs(ctx, store.DocQuery{Sketch: true}) {
		if err != nil || d.Key != "a" || d.Text != "" || d.Timexes != nil || len(d.Tokens) != 1 {
			t.Errorf("sketch of a doc stored without one: %+v, %v", d, err)
		}
	}
}
