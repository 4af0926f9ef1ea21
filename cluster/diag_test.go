package cluster

import (
	"encoding/gob"
	"fmt"
	"math"
	"os"
	"sort"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// diagSet mirrors eval's cached tuning sets (eval's tuneSet).
type diagSet struct {
	Name string
	Docs []*news.Doc
	Gold []string
}

func loadDiagSets(t *testing.T) []diagSet {
	path := os.Getenv("STORYLINE_TUNE_CACHE")
	if os.Getenv("STORYLINE_TUNE") == "" || path == "" {
		t.Skip("set STORYLINE_TUNE=1 and STORYLINE_TUNE_CACHE to eval's cache of the tuning sets")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var sets []diagSet
	if err := gob.NewDecoder(f).Decode(&sets); err != nil {
		t.Fatal(err)
	}
	return sets
}

// TestDiagDecisions replays each tuning set through Add's own steps with
// the shipped model and sorts every placed doc's decision: the first doc
// of its gold story starting a story (right) or joining one (a merge);
// a later doc joining the story holding most of its gold story's earlier
// docs (its home: right), joining another (a wrong join), or starting a
// story (a split) because its home was retired, was not among the
// candidates, or scored below the threshold. For splits below the
// threshold it prints the days off the home's span. It runs only with
// STORYLINE_TUNE=1 and STORYLINE_TUNE_CACHE.
func TestDiagDecisions(t *testing.T) {
	for _, s := range loadDiagSets(t) {
		c := New(DefaultConfig())
		pred := make([]int32, len(s.Docs))
		tally := map[string]int{}
		gapHist := map[int]int{}
		var scoreHist, mergeHist [10]int
		for i, d := range s.Docs {
			f := c.x.extract(d, &c.cfg)
			c.advance(f.date)
			v := c.weigh(f)
			// home: the story (after merges) holding most of the gold
			// story's earlier docs
			cnt := map[int32]int{}
			home := int32(-1)
			for j := 0; j < i; j++ {
				if s.Gold[j] == s.Gold[i] {
					p := c.find(pred[j])
					cnt[p]++
					if home < 0 || cnt[p] > cnt[home] || cnt[p] == cnt[home] && p < home {
						home = p
					}
				}
			}
			if orig, _ := c.duplicate(f.sig); orig >= 0 {
				si := c.find(c.docs[orig].story)
				c.join(si, d.ID, f, v, int32(orig), false)
				pred[i] = si
				tally["duplicate"]++
				continue
			}
			best, score := c.best(f, v)
			joined := best >= 0 && score >= c.cfg.Threshold
			var si int32
			if joined {
				si = best
			} else {
				si = c.newStory(c.newStoryID(d.ID))
			}
			switch {
			case home < 0 && !joined:
				tally["first: new (right)"]++
			case home < 0:
				tally["first: joined (merge)"]++
				mergeHist[min(int(score*10), 9)]++
			case joined && si == home:
				tally["later: joined home (right)"]++
			case joined && cnt[si] > 0:
				tally["later: joined a fragment of its own (right-ish)"]++
			case joined:
				tally["later: joined other gold (wrong join)"]++
			case !c.stories[home].active:
				tally["later: new, home retired (split)"]++
				if hs := c.stories[home]; os.Getenv("STORYLINE_DIAG_VERBOSE") != "" {
					fmt.Printf("    retired %s: %.0f days after home's last doc, home span %.0f days, %d docs\n", d.ID, f.date.Sub(hs.last).Hours()/24, hs.last.Sub(hs.first).Hours()/24, hs.docs)
				}
			default:
				k := -1
				for j, cs := range c.scored {
					if cs.story == home {
						k = j
					}
				}
				if k < 0 {
					tally["later: new, home not a candidate (split)"]++
					break
				}
				tally["later: new, home below threshold (split)"]++
				scoreHist[min(int(c.scored[k].score*10), 9)]++
				if os.Getenv("STORYLINE_DIAG_VERBOSE") != "" {
					x := c.compare(c.stories[home], f, v)
					fmt.Printf("    split %s p=%.2f tc=%.2f ml=%.2f ec=%.2f title=%.2f gap=%.1f size=%.0f nums=%.2f\n", d.ID, c.scored[k].score, x[0], x[1], x[2], x[5], x[7], math.Exp(x[9]), x[14])
				}
				hs := c.stories[home]
				days := 0.0
				if !f.date.IsZero() && !hs.first.IsZero() {
					if f.date.Before(hs.first) {
						days = hs.first.Sub(f.date).Hours() / 24
					} else if f.date.After(hs.last) {
						days = f.date.Sub(hs.last).Hours() / 24
					}
				}
				gapHist[int(math.Round(math.Log1p(days)))]++
			}
			c.join(si, d.ID, f, v, -1, true)
			pred[i] = si
		}
		fmt.Printf("== %s: %d docs, %d stories\n", s.Name, len(s.Docs), len(c.stories))
		var keys []string
		for k := range tally {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("  %-45s %5d\n", k, tally[k])
		}
		fmt.Printf("  below-threshold splits by ln(1+days) off home:")
		for b := 0; b <= 8; b++ {
			fmt.Printf(" %d:%d", b, gapHist[b])
		}
		fmt.Printf("\n  ... by home score (tenths): %v\n", scoreHist)
		fmt.Printf("  first docs joining a story, by score (tenths): %v\n", mergeHist)
		diagStoryPairs(c, s, pred)
		diagOfflineMerge(c, s, pred)
	}
}

// diagStoryPairs prints, for the stories at the end of the stream, how
// the centroid cosine of two stories that are both majority-one gold
// story (fragments of a split) compares with that of two from different
// gold stories.
func diagStoryPairs(c *Clusterer, s diagSet, pred []int32) {
	maj := map[int32]map[string]int{}
	for i := range pred {
		p := c.find(pred[i])
		if maj[p] == nil {
			maj[p] = map[string]int{}
		}
		maj[p][s.Gold[i]]++
	}
	var ids []int32
	label := map[int32]string{}
	for p, m := range maj {
		ids = append(ids, p)
		best := ""
		for g, n := range m {
			if best == "" || n > m[best] || n == m[best] && g < best {
				best = g
			}
		}
		label[p] = best
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	var same, other, esame, eother, lsame, lother [11]int
	for a := 0; a < len(ids); a++ {
		for b := a + 1; b < len(ids); b++ {
			sa, sb := c.stories[ids[a]], c.stories[ids[b]]
			cos, ecos, ok := storyCosines(sa, sb)
			if !ok {
				continue
			}
			lmax := 0.0
			for _, la := range sa.links {
				for _, lb := range sb.links {
					lmax = math.Max(lmax, textvec.Dot(la.text, lb.text))
				}
			}
			k, ek, lk := int(cos*10), int(ecos*10), min(int(lmax*10), 10)
			if label[ids[a]] == label[ids[b]] {
				same[k]++
				esame[ek]++
				lsame[lk]++
			} else {
				other[k]++
				eother[ek]++
				lother[lk]++
			}
		}
	}
	fmt.Printf("  story pairs by centroid cosine (tenths): same gold %v other gold %v\n", same, other)
	fmt.Printf("  story pairs by entity cosine (tenths):   same gold %v other gold %v\n", esame, eother)
	fmt.Printf("  story pairs by best member pair (tenths): same gold %v other gold %v\n", lsame, lother)
}

// diagB3 returns B³ F1 of pred against gold.
func diagB3(pred []int32, gold []string) float64 {
	type key struct {
		p int32
		g string
	}
	cell := map[key]int{}
	np, ng := map[int32]int{}, map[string]int{}
	for i := range pred {
		cell[key{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	var p, r float64
	for k, n := range cell {
		p += float64(n) * float64(n) / float64(np[k.p])
		r += float64(n) * float64(n) / float64(ng[k.g])
	}
	p /= float64(len(pred))
	r /= float64(len(pred))
	return 2 * p * r / (p + r)
}

// diagOfflineMerge prints B³ F1 after merging, at the end of the
// stream, every two stories whose centroid cosine reaches th (and
// whose entity cosine reaches eth): an upper bound of sorts for a
// story-level pass by centroid agreement.
func diagOfflineMerge(c *Clusterer, s diagSet, pred []int32) {
	ids := make([]int32, len(pred))
	for i := range pred {
		ids[i] = c.find(pred[i])
	}
	var uniq []int32
	seen := map[int32]bool{}
	for _, p := range ids {
		if !seen[p] {
			seen[p] = true
			uniq = append(uniq, p)
		}
	}
	line := fmt.Sprintf("  offline merge b3: none %.3f", diagB3(ids, s.Gold))
	for _, th := range []float64{0.2, 0.3, 0.4, 0.5} {
		for _, eth := range []float64{0, 0.3} {
			parent := map[int32]int32{}
			var root func(int32) int32
			root = func(x int32) int32 {
				if p, ok := parent[x]; ok && p != x {
					return root(p)
				}
				return x
			}
			for a := 0; a < len(uniq); a++ {
				for b := a + 1; b < len(uniq); b++ {
					cos, ecos, ok := storyCosines(c.stories[uniq[a]], c.stories[uniq[b]])
					if !ok {
						continue
					}
					if cos >= th && ecos >= eth {
						ra, rb := root(uniq[a]), root(uniq[b])
						if ra != rb {
							parent[max(ra, rb)] = min(ra, rb)
						}
					}
				}
			}
			m := make([]int32, len(ids))
			for i, p := range ids {
				m[i] = root(p)
			}
			line += fmt.Sprintf(" | c%.1f e%.1f %.3f", th, eth, diagB3(m, s.Gold))
		}
	}
	fmt.Println(line)
}

// storyCosines returns the cosines of two stories' centroids and of their
// entity vectors (0 when either has none); ok is false when either
// centroid is empty.
func storyCosines(sa, sb *story) (cos, ecos float64, ok bool) {
	if sa.cnorm == 0 || sb.cnorm == 0 {
		return 0, 0, false
	}
	cos = textvec.Dot(sa.centroid, sb.centroid) / sa.cnorm / sb.cnorm
	if sa.enorm > 0 && sb.enorm > 0 {
		ecos = textvec.Dot(sa.ents, sb.ents) / sa.enorm / sb.enorm
	}
	return cos, ecos, true
}
