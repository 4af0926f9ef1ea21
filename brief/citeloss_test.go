package brief_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// TestCiteLoss writes, for every summary and timeline line of the briefs
// set that tells a gold item, and every source of that item, one row:
// the story, the line's kind (S, or T and its date) and index, the item,
// the number of items the line tells, the source, whether the line
// listed it before citing (the timeline's members, the summary's own),
// whether it cites it after, the text, and why the source joined
// (citeWhy); then a row for each source the line cites that is not the
// item's (WRONG) and each it listed before and dropped that is not
// (DROPPED). On demand:
//
//	STORYLINE_CITELOSS=/tmp/loss.tsv go test ./brief -run TestCiteLoss
//
// Where the recall was lost (main at b78e00a: eval briefs 93.61/57.60;
// 1,156 wanted citations, 659 found, counted without the copies'
// mapping, so 57.01):
//   - lines: 302 wanted on summary lines (193 found), 854 on timeline
//     lines (466); 625 on lines telling two items or more (341 found),
//     531 on lines telling one (318);
//   - of the 497 missed, 420 were never listed by the line before citing
//     (the timeline's entry or the summary did not hold the source) and
//     77 were listed and dropped by the citer; of the sources listed and
//     dropped that are no item's, there were 44, so keeping every listed
//     source would cost precision;
//   - of the 420 never listed, by the citation model's best sentence of
//     the source (TestCiteDump): below 0.4 for 184, 0.4 to 0.75 for 186,
//     above the threshold but dated elsewhere or published before the
//     line's day for 41, above it otherwise for 6, no candidate sentence
//     for 3; 477 of the 497 missed have a sentence holding the item's
//     keys;
//   - an item's gold sources are the articles with a sentence holding
//     its keys (TestCiteKeysAlign: 723 both, 23 gold only, 11 keyed
//     only), so a line telling two items is right for a source only
//     when the source states both: citing, for each line, exactly the
//     sources every item it tells shares would give recall 82.4 at
//     precision 100;
//   - of the 45 wrong citations, 28 are on lines telling two items, the
//     source right for the other one; by how they joined: the line's
//     own source or a copy 4, the model 17, the rule test 11, a claim
//     by the rule test 8 (19 right), held 5 (9 right); a claim by the
//     model was never wrong (28 right).
//
// Tried on that brief and not kept (eval briefs precision/recall, each
// against 93.61/57.60), all on the curve the shipped rules lie on:
//   - re-texting a timeline line by the sentence of another source that
//     states it and that more sources state: 91.79/61.34; keeping only
//     those cited by every source the old text was, of no more claims,
//     not planned, naming the line's people: 93.65/58.85 (events told
//     78.62 to 77.93, dates right 92.11 to 91.15), and it moved the
//     seeds' 2 October line to another statement of Baqeri's (the
//     model judges the two to state each other, 0.75 both ways);
//   - the same from the timeline entry's own members: 91.81/59.38;
//     from the line's first claim alone: 93.49/57.98;
//   - one line for each timeline text (a sentence naming two dates made
//     two lines): 93.47/58.18; dropping a one-source timeline line that
//     a line of the same day with more sources retells: 93.53/58.19
//     (events told 77.24);
//   - more claim marks (" after ", " as ", " and "): 93.53/58.13,
//     93.10/57.78, 93.46/57.43; no attribution claim ("a senior
//     official said"): 93.84/57.26; no claim by the rule test:
//     94.53/55.94; claims by the model at 0.05/0.1/0.15 under its
//     threshold: 93.24/57.87, 92.78/58.39, 91.98/59.18; every source
//     to state every claim (statesAll at 0.2): 94.27/51.75;
//   - trimming timeline sentences to their date's clause beyond 24 or 18
//     words (32 now): 93.45/56.32, 93.22/56.99.
//
// Kept: a sentence naming two dates gives each date's line its own
// clause (datedClause): 93.59/58.35. Tried on top of it and not kept:
//   - cutting a one-date sentence at " after ", " following ",
//     " before ", " since " too: 93.68/58.33, and it leaves fragments
//     ("-- on March 26, 2009 -- to Ray Mabus.");
//   - one line, at the earlier date, for a sentence whose dates no cut
//     parts: 93.29/58.77, events told 77.93, and the seeds' 2 October
//     line changes;
//   - the entry's text (clearestOf) weighed down by 0.05 a claim past
//     its first: 93.82/58.20, events told 77.93; no line for a new
//     actor (newActors): 93.38/58.96, events told 74.48.
func TestCiteLoss(t *testing.T) {
	out := os.Getenv("STORYLINE_CITELOSS")
	if out == "" {
		t.Skip("set STORYLINE_CITELOSS to a file to write the rows")
	}
	stories, chain := devStories(t, testutil.Shared(t, "data/briefs"))
	var sb strings.Builder
	for _, st := range stories {
		var before [][]string
		brief.SetCiteTrace(func(b *news.Brief) {
			before = nil
			for _, l := range b.Summary {
				before = append(before, slices.Clone(l.Sources))
			}
			for _, l := range b.Timeline {
				before = append(before, slices.Clone(l.Sources))
			}
		})
		why := map[[2]string]string{}
		brief.SetCiteWhy(func(text, id, w string) { why[[2]string{text, id}] = w })
		b, _, err := eval.BuildStoryBrief(chain, st.Dir)
		brief.SetCiteWhy(nil)
		brief.SetCiteTrace(nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range briefLines(b, st) {
			li, told, kind := l.index, l.told, "S"
			if !l.summary {
				kind = "T" + l.date
			}
			var was []string
			if li < len(before) {
				was = before[li]
			}
			for _, it := range told {
				for _, s := range it.Sources {
					fmt.Fprintf(&sb, "%s\t%s\t%d\t%s\t%d\t%s\t%t\t%t\t%s\t%s\n", st.Name, kind, li, it.ID, len(told), s, slices.Contains(was, s), slices.Contains(l.srcs, s), l.text, why[[2]string{l.text, s}])
				}
				for _, s := range l.srcs {
					if !slices.Contains(it.Sources, s) {
						fmt.Fprintf(&sb, "%s\t%s\t%d\t%s\t%d\t%s\t%t\tWRONG\t%s\t%s\n", st.Name, kind, li, it.ID, len(told), s, slices.Contains(was, s), l.text, why[[2]string{l.text, s}])
					}
				}
				for _, s := range was {
					if !slices.Contains(it.Sources, s) && !slices.Contains(l.srcs, s) {
						fmt.Fprintf(&sb, "%s\t%s\t%d\t%s\t%d\t%s\ttrue\tDROPPED\t%s\n", st.Name, kind, li, it.ID, len(told), s, l.text)
					}
				}
			}
		}
	}
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
