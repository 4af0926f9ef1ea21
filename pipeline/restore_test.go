package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/storetest"
)

// windowed is a test assigner with a window that records what it is
// restored from.
type windowed struct {
	ownStory
	restored []string
}

func (w *windowed) Restore(d *news.Doc, story string) { w.restored = append(w.restored, d.Key) }
func (w *windowed) Window() time.Duration             { return 30 * 24 * time.Hour }

// TestWindowedRestore: a Windowed assigner is restored from the stories
// active within its window of the newest stored doc (all their docs),
// and undated ones; the docs placed after it was restored are caught up
// with before a batch is placed.
func TestWindowedRestore(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, d := range []struct{ key, story, date string }{
		{"old1", "old", "2019-01-01"}, {"undated", "u", ""}, {"long1", "long", "2019-02-01"},
		{"old2", "old", "2019-03-01"}, {"long2", "long", "2020-05-20"}, {"new", "new", "2020-06-01"},
	} {
		var date time.Time
		if d.date != "" {
			date = day(d.date)
		}
		doc := storetest.Doc(d.key, "X", d.key, "Text of "+d.key+".", date)
		err := s.Update(ctx, func(tx store.Tx) error {
			if _, err := tx.PutArticle(ctx, &doc.Article); err != nil {
				return err
			}
			if err := tx.PutDoc(ctx, doc); err != nil {
				return err
			}
			_, err := tx.Assign(ctx, doc.Key, d.story)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	w := &windowed{}
	p := newTest(t, s, Config{NewAssigner: func() Assigner { return w }})
	if err := p.restore(ctx); err != nil {
		t.Fatal(err)
	}
	if want := []string{"undated", "long1", "long2", "new"}; !slices.Equal(w.restored, want) {
		t.Errorf("restored %v, want %v", w.restored, want)
	}
	last, _ := s.LastSeq(ctx)
	if p.last != last {
		t.Errorf("restored through %d, the store's last placement is %d", p.last, last)
	}
}
