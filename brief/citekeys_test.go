package brief_test

import (
	"os"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/testutil"
)

// TestCiteKeysAlign counts how well an item's gold sources match the
// articles with a sentence holding every key of it. On demand:
//
//	STORYLINE_CITEKEYS=1 go test ./brief -run TestCiteKeysAlign -v
func TestCiteKeysAlign(t *testing.T) {
	if os.Getenv("STORYLINE_CITEKEYS") == "" {
		t.Skip("set STORYLINE_CITEKEYS=1")
	}
	stories, chain := devStories(t, testutil.Shared(t, "data/briefs"))
	var both, goldOnly, keyOnly int
	for _, st := range stories {
		_, texts := diagStory(t, chain, st)
		items := append(append([]eval.GoldItem{}, st.Gold.Events...), st.Gold.Facts...)
		for _, it := range items {
			for id, text := range texts {
				keyed := false
				for _, s := range splitSents(text) {
					if eval.Tells(s, it.Keys) {
						keyed = true
						break
					}
				}
				gold := slices.Contains(it.Sources, id)
				switch {
				case keyed && gold:
					both++
				case gold:
					goldOnly++
				case keyed:
					keyOnly++
					t.Logf("%s %s %s keyed, not gold: %q", st.Name, it.ID, id, it.Keys)
				}
			}
		}
	}
	t.Logf("gold and keyed %d, gold only %d, keyed only %d", both, goldOnly, keyOnly)
}
