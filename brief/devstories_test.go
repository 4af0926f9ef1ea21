package brief_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
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

// toldLine is one line of a brief, with the gold items of its story
// that the line tells (eval.Tells).
type toldLine struct {
	index      int  // among the brief's lines: its summary's, then its timeline's
	summary    bool // a summary line, else a timeline line
	text, date string
	planned    bool
	srcs       []string
	told       []eval.GoldItem
}

// briefLines returns every line of b, summary lines first, each with
// the gold events and facts of st it tells.
func briefLines(b *news.Brief, st eval.BriefStory) []toldLine {
	items := append(append([]eval.GoldItem{}, st.Gold.Events...), st.Gold.Facts...)
	var lines []toldLine
	for _, l := range b.Summary {
		lines = append(lines, toldLine{index: len(lines), summary: true, text: l.Text, srcs: l.Sources})
	}
	for _, l := range b.Timeline {
		lines = append(lines, toldLine{index: len(lines), text: l.Text, date: l.Date, planned: l.Planned, srcs: l.Sources})
	}
	for i := range lines {
		for _, it := range items {
			if eval.Tells(lines[i].text, it.Keys) {
				lines[i].told = append(lines[i].told, it)
			}
		}
	}
	return lines
}

// eachToldLine builds each story's brief as eval briefs does, analyses
// its articles as one story (s), and calls f with each line of the brief
// that tells a gold item.
func eachToldLine(t *testing.T, chain analyze.Chain, stories []eval.BriefStory, f func(st eval.BriefStory, s *news.Story, l toldLine)) {
	t.Helper()
	for _, st := range stories {
		b, _, err := eval.BuildStoryBrief(chain, st.Dir)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := diagStory(t, chain, st)
		for _, l := range briefLines(b, st) {
			if len(l.told) > 0 {
				f(st, s, l)
			}
		}
	}
}

// goldOf counts the gold items l tells whose sources include the doc id.
func (l toldLine) goldOf(id string) int {
	n := 0
	for _, it := range l.told {
		if slices.Contains(it.Sources, id) {
			n++
		}
	}
	return n
}
