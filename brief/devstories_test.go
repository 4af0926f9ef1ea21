package brief_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// diagStories returns the stories of the briefs set a diagnostic run on
// demand looks at, and the analysis chain: env names the variable that
// turns it on ("1" for every story, or one story's name); unset, the
// test is skipped.
func diagStories(t *testing.T, env string) ([]eval.BriefStory, analyze.Chain) {
	t.Helper()
	only := os.Getenv(env)
	if only == "" {
		t.Skipf("set %s=1 (or a story's name) to print the diagnostic", env)
	}
	stories, chain := devStories(t, testutil.Shared(t, "data/briefs"))
	var out []eval.BriefStory
	for _, st := range stories {
		if only == "1" || only == st.Name {
			out = append(out, st)
		}
	}
	return out, chain
}

// devStories reads the briefs set in dir and makes the analysis chain.
func devStories(t *testing.T, dir string) ([]eval.BriefStory, analyze.Chain) {
	t.Helper()
	stories, err := eval.ReadBriefStories(dir)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	return stories, chain
}

// diagStory analyses the articles of st as one story, and gives each
// doc's text by its ID.
func diagStory(t *testing.T, chain analyze.Chain, st eval.BriefStory) (*news.Story, map[string]string) {
	t.Helper()
	s := &news.Story{ID: filepath.Base(st.Dir)}
	texts := map[string]string{}
	for r := range chain.All(context.Background(), ingest.ReadAll([]string{filepath.Join(st.Dir, "articles")}), 0) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		s.Docs = append(s.Docs, r.Doc)
		texts[r.Doc.ID] = r.Doc.Text
	}
	return s, texts
}
