package eval

import (
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/cluster"
)

// TestDiagStories prints, for the set named by STORYLINE_DIAG (default
// ecbplus-dev), each predicted story's gold make-up, so that merged
// topics, merged sub-events and split stories can be told apart. It
// runs only with STORYLINE_TUNE=1.
func TestDiagStories(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to print the diagnosis")
	}
	name := cmpOr(os.Getenv("STORYLINE_DIAG"), "ecbplus-dev")
	for _, s := range loadTuneSets(t) {
		if s.Name != name {
			continue
		}
		p, _, _ := ClusterStream(s.Docs, cluster.DefaultConfig())
		byPred := map[string]map[string]int{}
		for i := range p {
			if byPred[p[i]] == nil {
				byPred[p[i]] = map[string]int{}
			}
			byPred[p[i]][s.Gold[i]]++
		}
		var keys []string
		for k := range byPred {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var topicMerge, subMerge int
		for _, k := range keys {
			var parts []string
			topics := map[string]bool{}
			for g, n := range byPred[k] {
				parts = append(parts, fmt.Sprintf("%s:%d", g, n))
				topics[StoryTopic(g)] = true
			}
			sort.Strings(parts)
			if len(topics) > 1 {
				topicMerge++
			} else if len(byPred[k]) > 1 {
				subMerge++
			}
			fmt.Printf("%-30s %s\n", k, strings.Join(parts, " "))
		}
		sc := ScoreClusters(p, s.Gold)
		fmt.Printf("%s: b3 %.3f (p %.3f r %.3f); predicted stories mixing topics %d, mixing sub-events of one topic %d\n", name, sc.B3F, sc.B3P, sc.B3R, topicMerge, subMerge)
	}
}

// TestDiagStoriesGap replays each development set with every doc placed
// in its gold story (cluster.Examples: the comparisons the index offers)
// and prints, by the doc's distance in time from the candidate story
// (log_gap_days rounded), how many same-story comparisons reach the
// shipped model's threshold and how many other-story ones do: whether a
// set's errors are stories split over time or stories merged near in
// time. It runs only with STORYLINE_TUNE=1.
func TestDiagStoriesGap(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to print the diagnosis")
	}
	cfg := cluster.DefaultConfig()
	m := cfg.Model
	gap := slices.Index(cluster.FeatureNames, "log_gap_days")
	for _, s := range loadTuneSets(t) {
		type tally struct{ same, sameOK, other, otherOK int }
		by := map[int]*tally{}
		for _, e := range cluster.Examples(s.Docs, s.Gold, cfg) {
			z := m.Bias
			for i, w := range m.Weights {
				z += w * e.X[i]
			}
			ok := 1/(1+math.Exp(-z)) >= cfg.Threshold
			b := int(math.Round(e.X[gap]))
			if by[b] == nil {
				by[b] = &tally{}
			}
			if e.Same {
				by[b].same++
				if ok {
					by[b].sameOK++
				}
			} else {
				by[b].other++
				if ok {
					by[b].otherOK++
				}
			}
		}
		fmt.Printf("%s (threshold %.2f): same-story comparisons reaching it / all, other-story ones reaching it / all, by ln(1+days) off the story's span\n", s.Name, cfg.Threshold)
		for b := 0; b <= 8; b++ {
			if c := by[b]; c != nil {
				fmt.Printf("  ~%d (%4.0f days): same %4d/%4d  other %4d/%5d\n", b, math.Expm1(float64(b)), c.sameOK, c.same, c.otherOK, c.other)
			}
		}
	}
}
