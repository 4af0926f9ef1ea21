package brief_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/eval"
)

// TestCiteDiag prints, for every summary and timeline line of the briefs
// set that tells a gold item, the sources it cites, the item's sources it
// leaves out (with whether one of their sentences holds the item's keys)
// and the ones it cites wrongly. A diagnostic for the citations, run on
// demand:
//
//	STORYLINE_CITEDIAG=1 go test ./brief -run TestCiteDiag -v
//
// STORYLINE_CITEDIAG may name one story to look at only it.
func TestCiteDiag(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_CITEDIAG")
	var missKeyed, miss, wrong int
	for _, st := range stories {
		b, texts, err := eval.BuildStoryBrief(chain, st.Dir)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "\n#### %s: %s\n", st.Name, st.Gold.About)
		for _, l := range briefLines(b, st) {
			kind := "T"
			if l.summary {
				kind = "S"
			}
			for _, it := range l.told {
				var out, bad []string
				for _, s := range it.Sources {
					if slices.Contains(l.srcs, s) {
						continue
					}
					miss++
					keyed := false
					for _, para := range splitSents(texts[s]) {
						if eval.Tells(para, it.Keys) {
							keyed = true
							if os.Getenv("STORYLINE_CITEDIAG_SENT") != "" {
								fmt.Fprintf(&sb, "       %s: %q\n", s, strings.TrimSpace(para))
							}
							break
						}
					}
					if keyed {
						missKeyed++
						out = append(out, s+"*")
					} else {
						out = append(out, s)
					}
				}
				for _, s := range l.srcs {
					if !slices.Contains(it.Sources, s) {
						bad = append(bad, s)
						wrong++
					}
				}
				fmt.Fprintf(&sb, "%s %s %-4s cites %v miss %v wrong %v\n     %q\n     gold %q keys %q\n", kind, l.date, it.ID, l.srcs, out, bad, l.text, it.What, it.Keys)
			}
		}
		t.Log(sb.String())
	}
	t.Logf("missing %d (%d with a sentence holding the keys), wrong %d", miss, missKeyed, wrong)
}

// splitSents cuts a text into rough sentences for the diagnostic.
func splitSents(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		for _, s := range strings.SplitAfter(p, ". ") {
			out = append(out, s)
		}
	}
	return out
}
