package timex_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/timex"
)

// TestStartWords checks that Find, which tries its rules only at words
// that may start an expression, skips no word at which the rules would
// find one, over the BASIL articles and the TimeBank texts.
func TestStartWords(t *testing.T) {
	texts := testutil.BasilTexts(t)
	files, _ := filepath.Glob(filepath.Join(testutil.Data(t, "time/tbaq"), "*", "*.tml"))
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, tag.ReplaceAllString(string(b), ""))
	}
	anchor := time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)
	for _, text := range texts {
		d := &news.Doc{Article: news.Article{Text: text, Paragraphs: sentence.Paragraphs(text)}}
		if err := analyze.Segment.Apply(d); err != nil {
			t.Fatal(err)
		}
		if missed := timex.MissedStarts(d, anchor); len(missed) > 0 {
			t.Errorf("rules match at words Find skips: %q", missed)
		}
	}
}
