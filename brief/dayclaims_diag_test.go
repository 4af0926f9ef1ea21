package brief

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
)

// TestDaysDiag prints every date expression of one story folder's
// articles, read against the date trusted for its article, with its
// sentence. It is a diagnostic for the dates of one event, run on
// demand:
//
//	STORYLINE_DAYS=../shared/data/briefs/STORY go test ./brief -run TestDaysDiag -v
func TestDaysDiag(t *testing.T) {
	dir := os.Getenv("STORYLINE_DAYS")
	if dir == "" {
		t.Skip("set STORYLINE_DAYS to a story folder to print the diagnostic")
	}
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := storyFolder(t, chain, dir)
	s = datedStory(s)
	var sb strings.Builder
	for _, d := range s.Docs {
		fmt.Fprintf(&sb, "== %s %s\n", d.ID, d.Date.Format("2006-01-02"))
		for _, x := range d.Timexes {
			if x.Type != "DATE" && x.Type != "DURATION" || x.Sentence < 0 {
				continue
			}
			rel := ""
			if x.Relative != nil {
				rel = fmt.Sprintf("%+v", *x.Relative)
			}
			fmt.Fprintf(&sb, "%s %-14q %-12s mod=%s fut=%v tense=%d %s\n      %s\n", x.Type, x.Text, x.Value, x.Mod, x.Future, x.Tense, rel, tidy(d.SentenceText(x.Sentence)))
		}
	}
	for _, m := range fromOriginals(s, copies(s.Docs), dayMentions) {
		fmt.Fprintf(&sb, "mention %s %s %q %v\n", m.doc.ID, m.value, m.text, m.words)
	}
	t.Log(sb.String())
}
