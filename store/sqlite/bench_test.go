package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/storetest"
)

// benchDoc makes the i-th synthetic doc: about 150 words, one of many
// outlets, in a story of about ten docs.
func benchDoc(i int) (*news.Doc, string) {
	var b strings.Builder
	for w := range 150 {
		fmt.Fprintf(&b, "word%d ", (i*31+w*17)%5000)
	}
	d := storetest.Doc(fmt.Sprintf("https://example.com/%d", i), fmt.Sprintf("outlet%d", i%50),
		fmt.Sprintf("Title %d", i), b.String(), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/100))
	return d, fmt.Sprintf("story%d", i/10)
}

func putDoc(ctx context.Context, tx store.Tx, d *news.Doc, story string) error {
	if _, err := tx.PutArticle(ctx, &d.Article); err != nil {
		return err
	}
	if err := tx.PutDoc(ctx, d); err != nil {
		return err
	}
	_, err := tx.Assign(ctx, d.Key, story)
	return err
}

// BenchmarkPlace measures storing and placing one article, in its own
// transaction, in a store already holding 10,000 or 100,000: the cost per
// article must not grow much with the store.
func BenchmarkPlace(b *testing.B) {
	for _, stored := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			ctx := context.Background()
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.DefaultOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for start := 0; start < stored; start += 1000 {
				err := s.Update(ctx, func(tx store.Tx) error {
					for i := start; i < start+1000; i++ {
						d, story := benchDoc(i)
						if err := putDoc(ctx, tx, d, story); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			i := stored
			for b.Loop() {
				d, story := benchDoc(i)
				if err := s.Update(ctx, func(tx store.Tx) error { return putDoc(ctx, tx, d, story) }); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
