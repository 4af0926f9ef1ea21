package brief

import "github.com/storyline-news/storyline/news"

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
