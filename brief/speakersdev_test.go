package brief_test

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// TestSpeakersPeopleDiagnostic lists, per story of the briefs set, the
// gold people whose forms do not land in one brief entity (with the
// entities each form lands in), the brief entities that hold two gold
// people, and the gold quotes whose speaker the brief gets wrong (with
// the brief's quotes that hold the words and their speakers). It reports
// with t.Log only: run it with -v -run SpeakersPeopleDiagnostic to read
// the misses; the figures themselves are held by eval's TestBriefsDev.
func TestSpeakersPeopleDiagnostic(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses the briefs set")
	}
	stories, chain := devStories(t, testutil.Data(t, "briefs"))
	for _, st := range stories {
		b, texts, err := eval.BuildStoryBrief(chain, st.Dir)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		lines = append(lines, diagnosePeople(st.Gold, b, texts)...)
		lines = append(lines, diagnoseQuotes(st.Gold, b)...)
		if len(lines) > 0 {
			t.Logf("%s\n%s", st.Name, strings.Join(lines, "\n"))
		}
	}
}

func entityLabel(e news.Entity) string {
	return e.Name + " [" + strings.Join(e.Forms, "|") + "]"
}

func diagnosePeople(g *eval.GoldBrief, b *news.Brief, texts map[string]string) []string {
	var corpus strings.Builder
	for _, t := range texts {
		corpus.WriteString(eval.Fold(t))
		corpus.WriteString("\n")
	}
	var out []string
	for _, p := range g.People {
		var present []string
		for _, f := range p.Forms {
			if eval.KeyMatches(corpus.String(), eval.Fold(f)) {
				present = append(present, f)
			}
		}
		if len(present) == 0 {
			continue
		}
		gp := eval.GoldBrief{People: []eval.GoldPerson{p}}
		sc := eval.ScoreBrief(&gp, b, texts)
		if sc.PeopleWhole == 1 {
			continue
		}
		out = append(out, "  person split/missing: "+p.Name)
		for _, f := range present {
			var in []string
			for _, e := range b.Entities {
				for _, ef := range append([]string{e.Name}, e.Forms...) {
					if eval.Fold(ef) == eval.Fold(f) || strings.HasSuffix(eval.Fold(f), " "+eval.Fold(ef)) {
						in = append(in, entityLabel(e))
						break
					}
				}
			}
			out = append(out, "    "+f+" -> "+strings.Join(in, " ; "))
		}
	}
	for _, e := range b.Entities {
		var held []string
		for _, p := range g.People {
			pf := map[string]bool{eval.Fold(p.Name): true}
			for _, f := range p.Forms {
				pf[eval.Fold(f)] = true
			}
			for _, ef := range append([]string{e.Name}, e.Forms...) {
				if pf[eval.Fold(ef)] {
					held = append(held, p.Name)
					break
				}
			}
		}
		if len(held) > 1 {
			out = append(out, "  impure entity: "+entityLabel(e)+" holds "+strings.Join(held, ", "))
		}
	}
	return out
}

func diagnoseQuotes(g *eval.GoldBrief, b *news.Brief) []string {
	var out []string
	for _, q := range g.Quotes {
		gq := eval.GoldBrief{People: g.People, Quotes: []eval.GoldQuote{q}}
		if eval.ScoreBrief(&gq, b, nil).QuotesRight == 1 {
			continue
		}
		neg := ""
		if q.Negated {
			neg = " (negated)"
		}
		out = append(out, "  wrong speaker: want "+q.Speaker+neg+" for \""+q.Says+"\" "+strings.Join(q.Sources, ","))
		says := eval.Fold(q.Says)
		found := false
		for _, bq := range b.Quotes {
			if strings.Contains(eval.Fold(bq.Text), says) {
				found = true
				out = append(out, "    brief: "+bq.Speaker+" ("+bq.Source+"): "+bq.Text)
			}
		}
		if !found {
			out = append(out, "    brief: no quote holds these words")
		}
	}
	return out
}
