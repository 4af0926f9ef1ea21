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

// TestCiteDump writes, for every summary and timeline line of the briefs
// set that tells a gold item, one row per (line, item, doc): whether the
// brief cites the doc, whether the item's sources hold it, and the
// doc-level evidence CiteDocProbe reads, as tab-separated values to the
// file STORYLINE_CITEDUMP names. On demand:
//
//	STORYLINE_CITEDUMP=/tmp/cite.tsv go test ./brief -run TestCiteDump -v
func TestCiteDump(t *testing.T) {
	out := os.Getenv("STORYLINE_CITEDUMP")
	if out == "" {
		t.Skip("set STORYLINE_CITEDUMP to a file to write the rows")
	}
	stories, chain := devStories(t, testutil.Shared(t, "data/briefs"))
	var sb strings.Builder
	eachToldLine(t, chain, stories, func(st eval.BriefStory, s *news.Story, l toldLine) {
		ids, best, rows := brief.CiteDocProbe(s, l.text, l.date, l.planned)
		for _, it := range l.told {
			for i, id := range ids {
				fmt.Fprintf(&sb, "%s\t%d\t%s\t%s\t%t\t%t", st.Name, l.index, it.ID, id, slices.Contains(l.srcs, id), slices.Contains(it.Sources, id))
				for _, v := range rows[i] {
					fmt.Fprintf(&sb, "\t%.4f", v)
				}
				fmt.Fprintf(&sb, "\t%s\t%s\n", l.text, best[i])
			}
		}
	})
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
