package brief_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/brief"
)

// TestCiteBand writes, for each line of the briefs set that tells a gold
// item and each source it does not cite, the model's best probability
// (dated), the label, the line and the best sentence.
//
//	STORYLINE_CITEBAND=/tmp/band.tsv go test ./brief -run TestCiteBand
func TestCiteBand(t *testing.T) {
	out := os.Getenv("STORYLINE_CITEBAND")
	if out == "" {
		t.Skip("set STORYLINE_CITEBAND")
	}
	t.Setenv("STORYLINE_CITEBAND", "1")
	stories, chain := diagStories(t, "STORYLINE_CITEBAND")
	var sb strings.Builder
	for _, st := range stories {
		s, _ := diagStory(t, chain, st)
		b, err := brief.Build(s, brief.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range briefLines(b, st) {
			told := l.told
			if len(told) == 0 {
				continue
			}
			free, dated, ids, best, _ := brief.CiteProbe(s, l.text, l.date, l.planned)
			for i, id := range ids {
				in := 0
				for _, it := range told {
					if slices.Contains(it.Sources, id) {
						in++
					}
				}
				cited := slices.Contains(l.srcs, id)
				fmt.Fprintf(&sb, "%s\t%s\t%s\t%t\t%d/%d\t%.3f\t%.3f\t%s\t%s\n", st.Name, l.date, id, cited, in, len(told), free[i], dated[i], l.text, best[i])
			}
		}
	}
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
