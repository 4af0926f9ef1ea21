package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/storetest"
)

// TestStorySentencesOfOlderDocs: a doc stored before the store kept
// sentences apart (its doc_sentences row missing) is read whole.
func TestStorySentencesOfOlderDocs(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
	d := storetest.Doc("k", "X", "T", "Only sentence.", time.Time{})
	err := s.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, "k", "sA")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SQL().ExecContext(ctx, `DELETE FROM doc_sentences`); err != nil {
		t.Fatal(err)
	}
	var got []*store.DocSentences
	for ds, err := range s.StorySentences(ctx, "sA") {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ds)
	}
	if len(got) != 1 || got[0].Key != "k" || got[0].ID != "k" || !slices.Equal(got[0].Sentences, []string{"Only sentence."}) {
		t.Errorf("StorySentences = %+v", got)
	}
}

// TestBriefHistoryPruned: a story keeps a brief per hour for
// store.BriefHistory and the latest one before; older ones go.
func TestBriefHistoryPruned(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
	d := storetest.Doc("k", "X", "T", "Only sentence.", time.Time{})
	putBrief := func(rev int64) *store.Brief {
		b := &store.Brief{Story: "sA", Revision: rev, JSON: []byte(`{}`)}
		if err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.PutBrief(ctx, b); return err }); err != nil {
			t.Fatal(err)
		}
		return b
	}
	err := s.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
			return err
		}
		if err := tx.PutDoc(ctx, d); err != nil {
			return err
		}
		_, err := tx.Assign(ctx, "k", "sA")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	putBrief(1)
	// Age the kept brief by three and four days, as if built then.
	now := time.Now()
	for _, age := range []time.Duration{96 * time.Hour, 72 * time.Hour} {
		at := now.Add(-age)
		if _, err := s.SQL().ExecContext(ctx, `INSERT INTO brief_history (story, hour, revision, built, body) VALUES ('sA', ?, 0, ?, '{}')`,
			at.Unix()/3600, at.UTC().Format(time.RFC3339Nano)); err != nil {
			t.Fatal(err)
		}
	}
	putBrief(2)
	var n int
	if err := s.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM brief_history WHERE story = 'sA'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d briefs kept, want 2 (this hour's and the one of 72 h ago)", n)
	}
	b, err := s.BriefAt(ctx, "sA", now.Add(-24*time.Hour))
	if err != nil || b.Built.After(now.Add(-71*time.Hour)) {
		t.Errorf("BriefAt(a day ago) = %+v, %v; want the brief of 72 h ago", b, err)
	}
	if _, err := s.BriefAt(ctx, "sA", now.Add(-80*time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt(80 h ago) = %v, want ErrNotFound (pruned)", err)
	}
}
