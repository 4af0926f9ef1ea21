package store_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// An ingest worker stores each article with its doc and its story in one
// Update, after catching up with the docs other workers placed; readers
// list stories and ask for records, which are there or ErrNotFound.
func Example() {
	dir, _ := os.MkdirTemp("", "storyline-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	var s store.Store
	s, err := sqlite.Open(ctx, filepath.Join(dir, "storyline.db"), sqlite.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	var last int64     // the latest placement this worker knows of
	var current string // this toy worker's idea of clustering: one story
	for _, text := range []string{"Iran's army chief met his Iraqi counterpart.", "The two army chiefs met in Tehran."} {
		d := &news.Doc{Article: news.Article{ID: "wire", Text: text}}
		d.Key = news.KeyOf(&d.Article)
		err := s.Update(ctx, func(tx store.Tx) error {
			for placed, err := range tx.DocsAfter(ctx, last) {
				if err != nil {
					return err
				}
				current = placed.Story // a clusterer would learn from placed.Doc
			}
			if current == "" {
				current = store.StoryID(d.Key)
			}
			if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
				return err
			}
			if err := tx.PutDoc(ctx, d); err != nil {
				return err
			}
			seq, err := tx.Assign(ctx, d.Key, current)
			last = seq
			return err
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	for st, err := range s.Stories(ctx, store.StoryQuery{Limit: 10}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d articles, revision %d, brief revision %d\n", st.Articles, st.Revision, st.BriefRevision)
		_, err := s.Brief(ctx, st.ID)
		fmt.Println("brief stored:", !errors.Is(err, store.ErrNotFound))
	}
	// Output:
	// 2 articles, revision 2, brief revision 0
	// brief stored: false
}
