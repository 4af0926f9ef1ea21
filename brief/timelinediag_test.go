package brief_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/eval"
)

// TestBriefsDiag prints, for every story of the briefs set, the gold date
// against the brief's date of each article (with the brief's note), the
// gold events no timeline line tells or tells with a wrong date, and the
// timeline lines that tell no gold item. It is a diagnostic for the
// dates and the timeline, run on demand:
//
//	STORYLINE_DIAG=1 go test ./brief -run TestBriefsDiag -v
//
// STORYLINE_DIAG may name one story to look at only it.
func TestBriefsDiag(t *testing.T) {
	stories, chain := diagStories(t, "STORYLINE_DIAG")
	for _, st := range stories {
		b, _, err := eval.BuildStoryBrief(chain, st.Dir)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "\n#### %s: %s\n", st.Name, st.Gold.About)
		got := map[string]int{}
		for i, s := range b.Sources {
			got[s.ID] = i
		}
		for _, a := range st.Gold.Articles {
			i, ok := got[a.File]
			if !ok {
				fmt.Fprintf(&sb, "  date %-28s gold %-10s  ours: not a source\n", a.File, a.Date)
				continue
			}
			s := b.Sources[i]
			mark := "  "
			if s.Date != a.Date {
				mark = "XX"
			}
			fmt.Fprintf(&sb, "%s date %-28s gold %-10s ours %-10s %s: %s\n", mark, a.File, a.Date, s.Date, s.DateStatus, s.DateNote)
		}
		for _, ev := range st.Gold.Events {
			told, right := false, false
			var dates []string
			for _, l := range b.Timeline {
				if eval.Tells(l.Text, ev.Keys) {
					told = true
					dates = append(dates, l.Date)
					if eval.DateHolds(l.Date, ev.Date) {
						right = true
					}
				}
			}
			switch {
			case !told:
				fmt.Fprintf(&sb, "   untold %s %s %q keys %q in %v\n", ev.ID, ev.Date, ev.What, ev.Keys, ev.Sources)
			case !right:
				fmt.Fprintf(&sb, "   wrong-date %s gold %s ours %v %q\n", ev.ID, ev.Date, dates, ev.What)
			}
		}
		items := append(append([]eval.GoldItem{}, st.Gold.Events...), st.Gold.Facts...)
		for _, l := range b.Timeline {
			var ids []string
			for _, it := range items {
				if eval.Tells(l.Text, it.Keys) {
					ids = append(ids, it.ID)
				}
			}
			tag := strings.Join(ids, ",")
			if tag == "" {
				tag = "--"
			}
			// Cited sources that no told item lists.
			var wrong []string
			for _, src := range l.Sources {
				ok := len(ids) == 0
				for _, it := range items {
					if eval.Tells(l.Text, it.Keys) && slices.Contains(it.Sources, src) {
						ok = true
					}
				}
				if !ok {
					wrong = append(wrong, src)
				}
			}
			// Gold sources of the told items the line cites, of all.
			found, wanted := 0, 0
			for _, it := range items {
				if eval.Tells(l.Text, it.Keys) {
					for _, src := range it.Sources {
						wanted++
						if slices.Contains(l.Sources, src) {
							found++
						}
					}
				}
			}
			fmt.Fprintf(&sb, "   line %-8s %-10s R%d/%d %v %q", tag, l.Date, found, wanted, l.Sources, l.Text)
			if len(wrong) > 0 {
				fmt.Fprintf(&sb, " WRONG %v", wrong)
			}
			sb.WriteString("\n")
		}
		t.Log(sb.String())
	}
}
