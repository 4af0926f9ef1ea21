package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// TestBriefPileOfStories briefs a pile of three unrelated stories: brief
// says there are several, briefs each apart, and dates every article as it
// does when its story is briefed alone, so no date is judged against
// another story's events.
func TestBriefPileOfStories(t *testing.T) {
	a := testutil.Data(t, "briefs/basil-2010-38f7cbb7/articles")
	b := testutil.Data(t, "briefs/web-ukraine-runoff/articles")
	code, out, errs := storyline("brief", "--format", "json", seeds(t), a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "stories") {
		t.Errorf("stderr does not say the pile holds several stories: %q", errs)
	}
	var briefs []news.Brief
	if err := json.Unmarshal([]byte(out), &briefs); err != nil {
		t.Fatalf("several stories are not a JSON array of briefs: %v", err)
	}
	if len(briefs) < 3 {
		t.Fatalf("%d briefs for three stories", len(briefs))
	}
	mixed := map[string]news.Source{}
	for _, br := range briefs {
		for _, s := range br.Sources {
			if _, dup := mixed[s.Path]; dup {
				t.Errorf("%s is in two stories", s.Path)
			}
			mixed[s.Path] = s
		}
	}
	for _, dir := range []string{a, b} {
		code, out, errs := storyline("brief", "--format", "json", "--one", dir)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var alone news.Brief
		if err := json.Unmarshal([]byte(out), &alone); err != nil {
			t.Fatal(err)
		}
		for _, s := range alone.Sources {
			m, ok := mixed[s.Path]
			if !ok {
				t.Errorf("%s is missing from the pile's briefs", s.Path)
				continue
			}
			if m.Date != s.Date || m.DateStatus != s.DateStatus {
				t.Errorf("%s: dated %s (%s) in the pile, %s (%s) alone", s.Path, m.Date, m.DateStatus, s.Date, s.DateStatus)
			}
		}
	}
}

func TestBriefStoryFlag(t *testing.T) {
	a := testutil.Data(t, "briefs/basil-2010-38f7cbb7/articles")
	code, out, errs := storyline("brief", "--format", "json", "--story", "1", seeds(t), a)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var one news.Brief
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatalf("--story gives one brief object: %v", err)
	}
	if code, _, _ := storyline("brief", "--story", "99", a); code != 2 {
		t.Errorf("--story past the pile's stories: exit %d, want 2", code)
	}
}
