package brief

import (
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

// entities merges the docs' entities into one entry per entity, as a
// reader wants them: named things only (nationalities used as words and
// stray common words left out), each person once with the most specific
// roles.
func entities(s *news.Story) []news.Entity {
	return entity.MergeWith(s.Docs, entity.MergeOptions{})
}

// entityConflicts reports where the sources give a person ranks that
// exclude each other ("Major General" in one, "Lieutenant-General" in
// another). Rank spellings are normalised first, so "Lieutenant-General"
// and "Lieutenant General" are one claim, and a rank that only generalises
// another ("General" beside "Major General") claims nothing against it.
func entityConflicts(s *news.Story, ents []news.Entity) []news.Conflict {
	var out []news.Conflict
	for _, e := range ents {
		if e.Type != news.Person {
			continue
		}
		claims := rankClaims(s, e)
		if len(claims) < 2 {
			continue
		}
		out = append(out, news.Conflict{About: "rank of " + e.Name, Kind: "title", Claims: claims})
	}
	return out
}

// rankClaims collects the ranks the sources give a person, each with the
// sources that give it, and drops ranks that another one refines.
func rankClaims(s *news.Story, e news.Entity) []news.Claim {
	forms := map[string]bool{}
	for _, f := range e.Forms {
		forms[f] = true
	}
	srcs := map[string]bool{}
	for _, id := range e.Sources {
		srcs[id] = true
	}
	bySrc := map[string]map[string]bool{} // rank → sources
	for _, d := range s.Docs {
		if !srcs[d.ID] {
			continue
		}
		for _, de := range d.Entities {
			if de.Type != news.Person || !forms[de.Name] {
				continue
			}
			for _, r := range de.Roles {
				rk, ok := entity.NormalizeRank(r)
				if !ok {
					continue
				}
				if bySrc[rk] == nil {
					bySrc[rk] = map[string]bool{}
				}
				bySrc[rk][d.ID] = true
			}
		}
	}
	var ranks []string
	for r := range bySrc {
		ranks = append(ranks, r)
	}
	// a rank that only generalises another (General, Major General) is
	// not a competing claim
	var kept []string
	for _, r := range ranks {
		general := false
		for _, o := range ranks {
			if o != r && strings.HasSuffix(o, " "+r) {
				general = true
				break
			}
		}
		if !general {
			kept = append(kept, r)
		}
	}
	var claims []news.Claim
	for _, r := range kept {
		var ids []string
		for id := range bySrc[r] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		claims = append(claims, news.Claim{Value: r, Sources: ids})
	}
	sort.Slice(claims, func(a, b int) bool {
		if c := slices.Compare(claims[a].Sources, claims[b].Sources); c != 0 {
			return c < 0
		}
		return claims[a].Value < claims[b].Value
	})
	return claims
}
