package brief

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
)

// TestFiguresDiag prints every figure of one story folder with its key,
// the groups quantityGroups makes of them and the conflict of each. It
// is a diagnostic for the figure conflicts, run on demand:
//
//	STORYLINE_FIGURES=../shared/data/briefs/STORY go test ./brief -run TestFiguresDiag -v
func TestFiguresDiag(t *testing.T) {
	dir := os.Getenv("STORYLINE_FIGURES")
	if dir == "" {
		t.Skip("set STORYLINE_FIGURES to a story folder to print the diagnostic")
	}
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := storyFolder(t, chain, dir)
	s = datedStory(s)
	all := storyFigures(s, entities(s), copies(s.Docs))
	var sb strings.Builder
	for _, f := range all {
		fmt.Fprintf(&sb, "%-22s %-14g %-48q %q\n", f.doc.ID, f.value, f.key(), f.text)
	}
	for _, g := range quantityGroups(all) {
		if len(g) < 2 {
			continue
		}
		sb.WriteString("group:")
		for _, f := range g {
			fmt.Fprintf(&sb, " %s %q %q;", f.doc.ID, f.text, f.key())
		}
		if c, ok := figureConflict(g); ok {
			for _, cl := range c.Claims {
				fmt.Fprintf(&sb, "\n    claim %q %v", cl.Value, cl.Sources)
			}
		}
		sb.WriteString("\n")
	}
	t.Log("\n" + sb.String())
}
