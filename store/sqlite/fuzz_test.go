package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// FuzzSearch: whatever a user types, search and the story filter answer
// without an error (FTS5 query syntax in the input is never interpreted).
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"Bagheri", `"unterminated`, "a OR b NOT c", "NEAR(a b, 3)", "title:x", "*", "a-b", "(", "^x", "ﬁ ǅ İ", "\x00"} {
		f.Add(q)
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"), sqlite.DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	err = s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &news.Article{ID: "a", Key: "a", Title: "Army chiefs meet", Text: "Bagheri met al-Ghanmi in Tehran."})
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, err := range s.Search(ctx, store.SearchQuery{Text: q}) {
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
		}
		for _, err := range s.Stories(ctx, store.StoryQuery{Query: q}) {
			if err != nil {
				t.Fatalf("Stories(query %q): %v", q, err)
			}
		}
	})
}
