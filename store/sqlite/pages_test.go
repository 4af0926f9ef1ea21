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
// store.BriefHistory and the latest one before; older ones go. The
// current brief is kept once, in briefs: it goes to the history when a
// brief of a later hour replaces it.
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
	count := func() int {
		var n int
		if err := s.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM brief_history WHERE story = 'sA'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	putBrief(1)
	putBrief(1) // again in the same hour: the history stays empty
	if n := count(); n != 0 {
		t.Errorf("%d briefs in the history, want none (the current one is in briefs)", n)
	}
	// Age the current brief by two hours, and add kept briefs of three
	// and four days ago, as if built then.
	now := time.Now()
	twoHours := now.Add(-2 * time.Hour).UTC()
	if _, err := s.SQL().ExecContext(ctx, `UPDATE briefs SET built = ?`, twoHours.Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}
	for _, age := range []time.Duration{96 * time.Hour, 72 * time.Hour} {
		at := now.Add(-age)
		if _, err := s.SQL().ExecContext(ctx, `INSERT INTO brief_history (story, hour, revision, built, body) VALUES ('sA', ?, 0, ?, '{}')`,
			at.Unix()/3600, at.UTC().Format(time.RFC3339Nano)); err != nil {
			t.Fatal(err)
		}
	}
	putBrief(2)
	if n := count(); n != 2 {
		t.Errorf("%d briefs kept, want 2 (the one of two hours ago and the one of 72 h ago)", n)
	}
	if b, err := s.BriefAt(ctx, "sA", now.Add(-time.Hour)); err != nil || b.Revision != 1 || !b.Built.Equal(twoHours) {
		t.Errorf("BriefAt(an hour ago) = %+v, %v; want the brief of two hours ago", b, err)
	}
	if b, err := s.BriefAt(ctx, "sA", time.Now()); err != nil || b.Revision != 2 {
		t.Errorf("BriefAt(now) = %+v, %v; want the current brief", b, err)
	}
	b, err := s.BriefAt(ctx, "sA", now.Add(-24*time.Hour))
	if err != nil || b.Built.After(now.Add(-71*time.Hour)) {
		t.Errorf("BriefAt(a day ago) = %+v, %v; want the brief of 72 h ago", b, err)
	}
	if _, err := s.BriefAt(ctx, "sA", now.Add(-80*time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BriefAt(80 h ago) = %v, want ErrNotFound (pruned)", err)
	}
}
