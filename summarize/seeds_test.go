package summarize_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/seedtest"

	"github.com/storyline-news/storyline/brief"
)

// TestSeedSummary checks the summary of the seed brief: within budget,
// each happening told once, the 27 September Tehran meeting and the
// 2 October talks both there and cited to at least two sources.
func TestSeedSummary(t *testing.T) {
	var (
		iraqMeeting = regexp.MustCompile(`(?i)(Iraq|Ghan)`)
		turkMeeting = regexp.MustCompile(`(?i)(Akar|Turkish and Iranian|Turkey and Iran)`)
		meets       = regexp.MustCompile(`(?i)\b(met|meeting|talks|received|called for|arrived|delegation|discussed|agreed)\b`)
		pledge      = regexp.MustCompile(`(?i)(border|counterterror|terroris)`)
		background  = regexp.MustCompile(`(?i)(August|backdrop|Prime Minister)`)
	)
	for _, words := range []int{100, 150} {
		b, err := brief.Build(seedtest.Analysed(t), brief.Config{Words: words})
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		n := 0
		for _, l := range b.Summary {
			n += len(strings.Fields(l.Text))
			text.WriteString(l.Text + " " + strings.Join(l.Sources, ",") + "\n")
		}
		if float64(n) > 1.3*float64(words) {
			t.Errorf("%d words: summary has %d", words, n)
		}
		sept, oct := 0, 0
		for _, l := range b.Summary {
			if !meets.MatchString(l.Text) || background.MatchString(l.Text) {
				continue
			}
			switch {
			case turkMeeting.MatchString(l.Text):
				oct++
				if len(l.Sources) < 2 {
					t.Errorf("%d words: the 2 October talks cite %v", words, l.Sources)
				}
			case iraqMeeting.MatchString(l.Text) && !pledge.MatchString(l.Text):
				sept++
				if len(l.Sources) < 2 {
					t.Errorf("%d words: the 27 September meeting cites %v", words, l.Sources)
				}
			}
		}
		if sept != 1 {
			t.Errorf("%d words: %d lines tell the 27 September meeting, want 1:\n%s", words, sept, text.String())
		}
		if oct != 1 {
			t.Errorf("%d words: %d lines tell the 2 October talks, want 1:\n%s", words, oct, text.String())
		}
	}
}
