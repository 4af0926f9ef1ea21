package pipeline

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// ownStory is a test assigner that starts a story for every doc.
type ownStory struct{}

func (ownStory) Assign(d *news.Doc) (string, string, []string) { return store.StoryID(d.Key), "", nil }
func (ownStory) Restore(*news.Doc, string)                     {}

// TestBackgroundBriefs: with a story handed to the background as soon as
// one more doc is placed, briefs are built while the Run goes on, and at
// its end every story's stored brief is current and is the brief its
// stored docs make (what `show` prints).
func TestBackgroundBriefs(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seeds(t), "*.txt"))
	sort.Strings(files)
	if len(files) < 3 {
		t.Skip("too few seeds")
	}
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	p := newTest(t, s, Config{Batch: 1, BriefAfter: 1, NewAssigner: func() Assigner { return ownStory{} }})
	sum, err := p.Run(context.Background(), ingest.ReadAll(files))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != len(files) || sum.Briefs != len(files) || sum.Background == 0 || sum.Background >= len(files) {
		t.Errorf("summary %+v: want every brief built once, some in the background and the last at the end", sum)
	}
	ctx := context.Background()
	n := 0
	for st, err := range s.Stories(ctx, store.StoryQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if st.BriefRevision != st.Revision {
			t.Errorf("story %s: brief of revision %d, story at %d", st.ID, st.BriefRevision, st.Revision)
		}
		sb, err := s.Brief(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := StoryBrief(ctx, s, st.ID, brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := brief.JSON(&buf, b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), sb.JSON) {
			t.Errorf("story %s: the stored brief is not the brief of its docs", st.ID)
		}
	}
	if n != len(files) {
		t.Errorf("%d stories, want %d", n, len(files))
	}
}

// TestBatchFill: with a batch wait longer than any test, a stream is
// stored in full batches, and what is left when it ends is stored at
// once rather than after the wait.
func TestBatchFill(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seeds(t), "*.txt"))
	sort.Strings(files)
	if len(files) < 3 {
		t.Skip("too few seeds")
	}
	s := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	p := newTest(t, s, Config{Batch: 2, BatchWait: 24 * time.Hour, NewAssigner: func() Assigner { return ownStory{} }})
	sum, err := p.Run(context.Background(), ingest.ReadAll(files))
	if err != nil {
		t.Fatal(err)
	}
	if want := (len(files) + 1) / 2; sum.Stored != len(files) || sum.Batches != want {
		t.Errorf("%d stored in %d transactions, want %d in %d", sum.Stored, sum.Batches, len(files), want)
	}
}
