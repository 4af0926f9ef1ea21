package brief

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/timex"
)

// TestEventDatesDiag prints, for each gold event of the briefs set that
// the timeline tells with a wrong date, the lines that tell it and every
// sentence of the articles that would: its source and that source's
// date, the dates its time expressions resolve to (with their words),
// and the day an undated candidate of it is given. Run on demand:
//
//	STORYLINE_EVENTDATES=1 go test ./brief -run TestEventDatesDiag -v
//
// STORYLINE_EVENTDATES may name one story.
func TestEventDatesDiag(t *testing.T) {
	chain, dirs := diagDirs(t, "STORYLINE_EVENTDATES")
	for _, dir := range dirs {
		s, events := eventsStory(t, chain, dir)
		ds := datedStory(s)
		ks := timelineKeyed(ds)
		tl := timeline(ds)
		if os.Getenv("STORYLINE_EVENTDATES_LINES") != "" {
			var sb strings.Builder
			for _, k := range ks {
				fmt.Fprintf(&sb, "  LINE %s planned=%v %v %.150q\n", k.e.Date, k.e.Planned, k.e.Sources, k.e.Text)
				for _, m := range k.members {
					fmt.Fprintf(&sb, "      m %s ex=%v pl=%v weak=%v %s: %.130q\n", m.date, m.explicit, m.planned, m.weak, m.source, m.text)
				}
			}
			t.Log(sb.String())
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "\n#### %s: %d lines\n", s.ID, len(tl))
		for _, ev := range events {
			told, right := false, false
			for _, l := range tl {
				if tellsKeys(l.Text, ev.Keys) {
					told = true
					right = right || dateHolds(l.Date, ev.Date)
				}
			}
			if !told || right {
				continue
			}
			fmt.Fprintf(&sb, "  wrong %s gold %s %q keys %q in %v\n", ev.ID, ev.Date, ev.What, ev.Keys, ev.Sources)
			for _, l := range tl {
				if tellsKeys(l.Text, ev.Keys) {
					fmt.Fprintf(&sb, "    line %s planned=%v %v %q\n", l.Date, l.Planned, l.Sources, l.Text)
				}
			}
			for _, d := range ds.Docs {
				sd := sentenceDates(d)
				und := map[string]string{}
				for _, c := range undatedCandidates(d, sd) {
					und[c.text] = c.date
				}
				for i := range d.Sentences {
					text := d.SentenceText(i)
					if !tellsKeys(text, ev.Keys) {
						continue
					}
					var xs []string
					for _, x := range d.Timexes {
						if x.Sentence == i {
							xs = append(xs, fmt.Sprintf("%s=%q/%s", x.Value, d.Text[x.Start:x.End], x.Type))
						}
					}
					var kept []string
					for _, x := range sd {
						if x.Sentence == i {
							kept = append(kept, x.Value)
						}
					}
					fmt.Fprintf(&sb, "      %s (%s %s) #%d p%d timex%v kept%v und=%s: %.200q\n", d.ID, d.Date.Format("2006-01-02"), d.DateStatus, i, d.Sentences[i].Paragraph, xs, kept, und[dropDateline(tidy(text))], tidy(text))
				}
			}
		}
		t.Log(sb.String())
	}
}

// dateHolds is roughly eval.DateHolds: the line's period (not a year)
// holds the gold one.
func dateHolds(value, gold string) bool {
	if value == gold {
		return true
	}
	ls, le, ok1 := timex.Interval(value)
	gs, ge, ok2 := timex.Interval(gold)
	return ok1 && ok2 && len(value) != 4 && !gs.Before(ls) && !ge.After(le)
}
