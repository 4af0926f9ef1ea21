package brief

import (
	"strings"
	"sync"

	"github.com/storyline-news/storyline/textvec"
)

// Words that tell one event. A source that reports a death may write
// "killed", "died" or "death"; one that reports a collapse "toppled" or
// "crumbled": the line and the sentence then share no word for what
// happened. Words of other common senses ("free", "hit", "beat", "caught")
// are left out. Each group of citeSynonyms is read as its first word
// (citeWord keys a word by the group it is in). The groups are the
// predicates of news events: harm, arrest, office, contest, release,
// damage, legal steps, statements.
var citeSynonyms = []string{
	"kill killed killing dead death deaths die died dying slain fatalities",
	"injure injured injuring injuries wound wounded hurt",
	"arrest arrested detain detained detention custody",
	"capture captured seize seized",
	"resign resigned resigning resignation",
	"win won winning defeat defeated victory",
	"release released releasing freed freeing",
	"collapse collapsed toppled toppling crumbled flattened destroyed ruined",
	"strike struck rocked jolted",
	"apologize apologized apologised apology apologies regret regrets",
	"charged indict indicted accused",
	"investigate investigated investigation probe inquiry",
	"confirm confirmed confirms verified",
	"announce announced declare declared",
	"concede conceded admitted",
	"derail derailed derailment crash crashed",
}

var (
	citeSynOnce sync.Once
	citeSynMap  map[string]string
)

// synonymOf returns the first word of the citeSynonyms group holding
// the stem w (as textvec.Stem gives it), or w.
func synonymOf(w string) string {
	citeSynOnce.Do(func() {
		citeSynMap = map[string]string{}
		for _, g := range citeSynonyms {
			canon := ""
			for _, f := range strings.Fields(g) {
				k := textvec.Stem(textvec.Fold(f))
				if canon == "" {
					canon = k
				}
				if _, ok := citeSynMap[k]; !ok && k != canon {
					citeSynMap[k] = canon
				}
			}
		}
	})
	if v, ok := citeSynMap[w]; ok {
		return v
	}
	return w
}
