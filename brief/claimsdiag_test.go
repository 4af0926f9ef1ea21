package brief_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/eval"
)

// TestConflictsDiag prints, for every story of the briefs set, each gold
// disagreement (found or missed, with the sentences that hold its
// values) and each conflict of the brief (right or not). It is a
// diagnostic for the disagreements, run on demand:
//
//	STORYLINE_CONFLICTS=1 go test ./brief -run TestConflictsDiag -v
//
// STORYLINE_CONFLICTS may name one story to look at only it.
func TestConflictsDiag(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CONFLICTS")
	for _, st := range stories {
		b, _, err := eval.BuildStoryBrief(chain, st.Dir)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "\n#### %s\n", st.Name)
		for _, d := range st.Gold.Disagreements {
			found := false
			for _, c := range b.Conflicts {
				if eval.ConflictMatches(c, d) {
					found = true
				}
			}
			mark := "MISS"
			if found {
				mark = "ok  "
			}
			fmt.Fprintf(&sb, " %s gold [%s] %s\n", mark, d.Kind, d.About)
			if !found {
				for _, c := range d.Claims {
					fmt.Fprintf(&sb, "        %q %v %q\n", c.Value, c.Sources, c.Evidence)
				}
			}
		}
		for _, c := range b.Conflicts {
			right := false
			for _, d := range st.Gold.Disagreements {
				if eval.ConflictMatches(c, d) {
					right = true
				}
			}
			mark := "WRONG"
			if right {
				mark = "right"
			}
			fmt.Fprintf(&sb, " %s brief [%s change=%v] %s\n", mark, c.Kind, c.Change, c.About)
			for _, cl := range c.Claims {
				fmt.Fprintf(&sb, "        %q %v %q\n", cl.Value, cl.Sources, cl.Evidence)
			}
		}
		t.Log(sb.String())
	}
}
