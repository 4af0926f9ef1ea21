package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Store an analysed article in a story, in one transaction, then find it.
func Example() {
	dir, _ := os.MkdirTemp("", "storyline-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "storyline.db"), sqlite.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	a := news.Article{ID: "xinhua.txt", Outlet: "Xinhua", Title: "Iran, Iraq army chiefs meet",
		Text: "Major General Mohammad Bagheri met his Iraqi counterpart in Tehran."}
	a.Key = news.KeyOf(&a)
	d := &news.Doc{Article: a}
	story := store.StoryID(a.Key)
	for range 2 { // the second time changes nothing
		err = s.Update(ctx, func(tx store.Tx) error {
			added, err := tx.PutArticle(ctx, &d.Article)
			if err != nil || !added {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			_, err = tx.Assign(ctx, d.Key, story)
			return err
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	for st, err := range s.Stories(ctx, store.StoryQuery{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(st.Title, "-", st.Articles, "article")
	}
	for h, err := range s.Search(ctx, store.SearchQuery{Text: "bagheri"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(h.ID, h.Story == story)
	}
	// Output:
	// Iran, Iraq army chiefs meet - 1 article
	// xinhua.txt true
}
