package eval

import (
	"fmt"
	"os"
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
