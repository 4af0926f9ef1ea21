package server

import (
	"context"
	"encoding/json"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/storetest"
)

// dayAgoStore is a store whose BriefAt gives a set brief for every time
// before its hour: the brief a story had a day before.
type dayAgoStore struct {
	store.Store
	old  map[string][]byte
	asks []time.Time
}

func (s *dayAgoStore) BriefAt(ctx context.Context, story string, t time.Time) (*store.Brief, error) {
	s.asks = append(s.asks, t)
	if b, ok := s.old[story]; ok {
		return &store.Brief{Story: story, Revision: 1, JSON: b, Built: t}, nil
	}
	return s.Store.BriefAt(ctx, story, t)
}

func briefJSON(t *testing.T, b *news.Brief) []byte {
	t.Helper()
	j, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestWhatChanged: the story list says, for a story changed in the last
// day, what its brief has that its brief of a day before had not.
func TestWhatChanged(t *testing.T) {
	ctx := context.Background()
	base := openStore(t)
	old := &news.Brief{
		Sources:   []news.Source{{ID: "a", Outlet: "Reuters"}},
		Timeline:  []news.TimelineEntry{{Date: "2017-10-01", Text: "The referendum was held.", Sources: []string{"a"}}},
		Entities:  []news.Entity{{Name: "Mohammad Baqeri", Type: news.Person}},
		Conflicts: []news.Conflict{{About: "death toll", Claims: []news.Claim{{Value: "12"}}}},
	}
	cur := &news.Brief{
		Sources: []news.Source{{ID: "a", Outlet: "Reuters"}, {ID: "b", Outlet: "AP"}, {ID: "c", Outlet: "Reuters"}},
		Timeline: []news.TimelineEntry{{Date: "2017-10-01", Text: "The referendum was held.", Sources: []string{"a"}},
			{Date: "2017-10-02", Text: "Akar met Baqeri in Tehran.", Sources: []string{"b"}}},
		Entities:  []news.Entity{{Name: "Mohammad Baqeri", Type: news.Person}, {Name: "Hulusi Akar", Type: news.Person}, {Name: "Tehran", Type: news.Place}},
		Conflicts: []news.Conflict{{About: "death toll", Claims: []news.Claim{{Value: "12"}, {Value: "15"}}}},
	}
	for _, k := range []string{"a", "b", "c"} {
		d := storetest.Doc(k, "X", "T"+k, "Text "+k+".", time.Date(2017, 10, 2, 0, 0, 0, 0, time.UTC))
		err := base.Update(ctx, func(tx store.Tx) error {
			if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			_, err := tx.Assign(ctx, k, "sA")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"sA"} {
		err := base.Update(ctx, func(tx store.Tx) error {
			_, err := tx.PutBrief(ctx, &store.Brief{Story: id, Revision: 3, Title: "A story", JSON: briefJSON(t, cur)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s := &dayAgoStore{Store: base, old: map[string][]byte{"sA": briefJSON(t, old)}}
	now := time.Now()
	srv := newServer(t, Config{Store: s, Now: func() time.Time { return now }})
	w := do(t, srv, "GET", "/", "", "")
	if w.Code != 200 {
		t.Fatalf("story list: %d", w.Code)
	}
	body := html.UnescapeString(w.Body.String())
	want := "Since yesterday: +2 sources (new: AP) · +1 event: 2017-10-02: Akar met Baqeri in Tehran. · figures: death toll: 12 / 15 · people: Hulusi Akar"
	if !strings.Contains(body, want) {
		t.Errorf("the list does not say %q:\n%s", want, body)
	}
	if len(s.asks) != 1 || !s.asks[0].Equal(now.Add(-24*time.Hour)) {
		t.Errorf("asked for the briefs of %v, want a day before %v", s.asks, now)
	}
	// The line is kept for the brief's revision within the hour.
	do(t, srv, "GET", "/", "", "")
	if len(s.asks) != 1 {
		t.Errorf("the line was made again: %d asks", len(s.asks))
	}

	// Without a brief of a day before, the line says so.
	delete(s.old, "sA")
	srv = newServer(t, Config{Store: s, Now: func() time.Time { return now }})
	body = html.UnescapeString(do(t, srv, "GET", "/", "", "").Body.String())
	if want := "Since yesterday: no brief of a day ago to compare; now +3 sources (new: Reuters, AP)"; !strings.Contains(body, want) {
		t.Errorf("the list does not say %q:\n%s", want, body)
	}
}

func TestCompareBriefsUnchanged(t *testing.T) {
	b := &news.Brief{Sources: []news.Source{{ID: "a", Outlet: "X"}}, Timeline: []news.TimelineEntry{{Date: "2017", Text: "x"}}}
	if line := compareBriefs(b, b).Line(); line != "" {
		t.Errorf("a brief compared with itself: %q", line)
	}
}
