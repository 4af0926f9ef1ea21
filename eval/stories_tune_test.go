package eval

import (
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// tuneSet is an analysed set with its gold stories.
type tuneSet struct {
	Name string
	Docs []*news.Doc
	Gold []string
}

// loadTuneSets analyses the development sets once and caches them in
// the temporary folder (STORYLINE_TUNE_CACHE names another).
func loadTuneSets(t *testing.T) []tuneSet {
	cache := os.Getenv("STORYLINE_TUNE_CACHE")
	if cache == "" {
		cache = filepath.Join(os.TempDir(), "storyline-tune-sets.gob")
	}
	if f, err := os.Open(cache); err == nil {
		defer f.Close()
		var sets []tuneSet
		if err := gob.NewDecoder(f).Decode(&sets); err == nil {
			return sets
		}
	}
	var sets []tuneSet
	add := func(name string, items []StoryItem) {
		arts := make([]news.Article, len(items))
		gold := make([]string, len(items))
		for i, it := range items {
			arts[i], gold[i] = it.Article, it.Story
		}
		docs, err := AnalyseStories(arts)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, tuneSet{name, docs, gold})
	}
	dev, train, err := ReadECBPlusStories(testutil.Shared(t, "data/stories/ecbplus"))
	if err != nil {
		t.Fatal(err)
	}
	add("ecbplus-train", train)
	add("ecbplus-dev", dev)
	basil, err := ReadBASIL(testutil.Shared(t, "data/stories/basil"))
	if err != nil {
		t.Fatal(err)
	}
	add("basil", basil)
	for _, d := range []string{"duc2003", "duc2006"} {
		items, err := ReadDUCStories(testutil.Shared(t, "data/summarization/"+d))
		if err != nil {
			t.Fatal(err)
		}
		add(d, items)
	}
	f, err := os.Create(cache)
	if err == nil {
		gob.NewEncoder(f).Encode(sets)
		f.Close()
	}
	return sets
}

// TestTuneStories prints a grid of clusterer settings over the
// development sets. It runs only with STORYLINE_TUNE=1; the defaults in
// cluster.DefaultConfig were chosen with it (see the package doc).
func TestTuneStories(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to print the tuning grid")
	}
	sets := loadTuneSets(t)
	base := cluster.DefaultConfig()
	type variant struct {
		name string
		cfg  cluster.Config
	}
	var vs []variant
	for _, ew := range tuneFloats("EW", 0.2, 0.3, 0.4, 0.5) {
		for _, tw := range []int{2} {
			for _, th := range tuneFloats("TH", 0.12, 0.16, 0.2, 0.24, 0.28, 0.32) {
				for _, tp := range tuneFloats("TP", 0.02, 0.05, 0.1) {
					for _, mt := range tuneFloats("MT", 2) {
						for _, pw := range tuneFloats("PW", 1) {
							c := base
							c.LeadWeight = int(tuneFloats("LW", 1)[0])
							c.DocTerms = int(tuneFloats("DT", 0)[0])
							c.EntityWeight, c.TitleWeight, c.Threshold, c.TimePenalty = ew, tw, th, tp
							c.MergeThreshold, c.PersonWeight = mt, int(pw)
							vs = append(vs, variant{fmt.Sprintf("ew=%.1f tw=%d th=%.2f tp=%.2f mt=%.2f pw=%d", ew, tw, th, tp, mt, int(pw)), c})
						}
					}
				}
			}
		}
	}
	for _, v := range vs {
		line := v.name
		for _, s := range sets {
			var p []string
			if os.Getenv("STORYLINE_TUNE_WARM") != "" {
				p = clusterWarm(s.Docs, s.Docs, v.cfg)
			} else {
				p, _, _ = ClusterStream(s.Docs, v.cfg)
			}
			sc := ScoreClusters(p, s.Gold)
			line += fmt.Sprintf("  %s pf=%.3f b3=%.3f (p=%.2f r=%.2f n=%d/%d)", s.Name, sc.PairF, sc.B3F, sc.B3P, sc.B3R, sc.Found, sc.Gold)
		}
		fmt.Println(line)
	}
}

// tuneFloats reads a grid from the environment variable name (numbers
// separated by commas), or returns def.
func tuneFloats(name string, def ...float64) []float64 {
	v := os.Getenv("STORYLINE_TUNE_" + name)
	if v == "" {
		return def
	}
	var out []float64
	for _, f := range strings.Split(v, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err == nil {
			out = append(out, x)
		}
	}
	return out
}

// clusterWarm is ClusterStream with the document frequencies of warm
// counted first.
func clusterWarm(docs, warm []*news.Doc, cfg cluster.Config) []string {
	c := cluster.New(cfg)
	c.Observe(warm...)
	out := make([]string, len(docs))
	into := map[string]string{}
	for i, d := range docs {
		a := c.Add(d)
		out[i] = a.Story
		for _, m := range a.Merged {
			into[m] = a.Story
		}
	}
	for i, s := range out {
		for into[s] != "" {
			s = into[s]
		}
		out[i] = s
	}
	return out
}
