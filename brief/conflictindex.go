package brief

import (
	"slices"
	"sort"

	"github.com/storyline-news/storyline/news"
)

// sharedWordIndex finds, among claims whose words are bags, the later
// claims that share at least a number of words with a claim: a posting
// list per word, so that a claim meets only the claims it shares a word
// with, not the whole pile.
type sharedWordIndex struct {
	bags  []bag
	post  map[string][]int // the claims that hold each word, ascending
	count []int            // scratch: shared words per claim
}

func newSharedWordIndex(bags []bag) *sharedWordIndex {
	x := &sharedWordIndex{bags: bags, post: map[string][]int{}, count: make([]int, len(bags))}
	for i, b := range bags {
		for w := range b {
			x.post[w] = append(x.post[w], i)
		}
	}
	return x
}

// later returns, ascending, the claims after i whose bags hold at least
// least of i's words: every claim that shares that many words with i, and
// no other.
func (x *sharedWordIndex) later(i, least int) []int {
	var touched []int
	for w := range x.bags[i] {
		ps := x.post[w]
		for _, j := range ps[sort.SearchInts(ps, i+1):] {
			if x.count[j] == 0 {
				touched = append(touched, j)
			}
			x.count[j]++
		}
	}
	out := touched[:0]
	for _, j := range touched {
		if x.count[j] >= least {
			out = append(out, j)
		}
		x.count[j] = 0
	}
	slices.Sort(out)
	return out
}

// happeningsAmong is happenings with the later claims that may join
// claim i given by candidates(i), ascending: a superset of those that
// same(i, j) joins, so that the groups are those happenings makes.
func happeningsAmong(n int, candidates func(i int) []int, same func(i, j int) bool, conflict func(group []int) (news.Conflict, bool)) []news.Conflict {
	used := make([]bool, n)
	var out []news.Conflict
	for i := range n {
		if used[i] {
			continue
		}
		group := []int{i}
		for _, j := range candidates(i) {
			if !used[j] && same(i, j) {
				group = append(group, j)
			}
		}
		c, ok := conflict(group)
		if !ok {
			continue
		}
		for _, k := range group {
			used[k] = true
		}
		out = append(out, c)
	}
	return out
}
