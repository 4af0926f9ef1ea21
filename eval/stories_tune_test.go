package eval

import (
	"cmp"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

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

// TestTuneStories fits the same-story model on the training sets named
// by STORYLINE_TUNE_TRAIN (default ecbplus-train) and prints, for each
// set, its figures at the threshold chosen on the training sets, and
// five-fold figures. It runs only with STORYLINE_TUNE=1; cluster/train
// is the command that writes the model.
func TestTuneStories(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to print the tuning figures")
	}
	sets := loadTuneSets(t)
	train := map[string]bool{}
	for _, n := range strings.Split(cmpOr(os.Getenv("STORYLINE_TUNE_TRAIN"), "ecbplus-train"), ",") {
		train[n] = true
	}
	cfg := cluster.DefaultConfig()
	var ex []cluster.Example
	for _, s := range sets {
		if train[s.Name] {
			e := cluster.Examples(s.Docs, s.Gold, cfg)
			if os.Getenv("STORYLINE_TUNE_BALANCE") != "" {
				cluster.Balance(e)
				if w := tuneFloats("W_"+s.Name, 1)[0]; w != 1 {
					for i := range e {
						e[i].W *= w
					}
				}
			}
			ex = append(ex, e...)
		}
	}
	m := cluster.Fit(ex, tuneFloats("L2", ModelL2)[0])
	fmt.Printf("model on %d examples: %v bias %.3f\n", len(ex), m.Weights, m.Bias)
	cfg.Model = &m
	for _, th := range tuneFloats("TH", 0.3, 0.4, 0.5, 0.6, 0.7) {
		line := fmt.Sprintf("th=%.2f", th)
		c := cfg
		c.Threshold = th
		for _, s := range sets {
			p, _, _ := ClusterStream(s.Docs, c)
			sc := ScoreClusters(p, s.Gold)
			line += fmt.Sprintf("  %s pf=%.3f b3=%.3f (p=%.2f r=%.2f n=%d/%d)", s.Name, sc.PairF, sc.B3F, sc.B3P, sc.B3R, sc.Found, sc.Gold)
		}
		fmt.Println(line)
	}
	if os.Getenv("STORYLINE_TUNE_CV") != "" {
		for _, s := range sets {
			cv, ts := CrossValidate(s.Docs, s.Gold, StoryTopic, 5, cfg, s.Name == "basil")
			fmt.Printf("cv5 %s pf=%.3f b3=%.3f thresholds %v\n", s.Name, cv.PairF, cv.B3F, ts)
		}
	}
}

// tuneBoost reads the trees of the same-story model from
// STORYLINE_TUNE_GBT (trees,depth,rate,l2,minweight), or returns
// ModelBoost.
func tuneBoost() cluster.BoostConfig {
	if os.Getenv("STORYLINE_TUNE_GBT") == "" {
		return ModelBoost
	}
	v := tuneFloats("GBT")
	for len(v) < 5 {
		v = append(v, 0)
	}
	return cluster.BoostConfig{Trees: int(v[0]), Depth: int(v[1]), Rate: v[2], L2: v[3], MinWeight: v[4], Without: os.Getenv("STORYLINE_TUNE_GBT_WITHOUT")}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
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

// TestTuneStoriesUnion estimates held-out figures of the shipped recipe
// (cluster/train): five folds over the topics of every training set at
// once; for each fold a model is fitted on the other folds of all the
// sets (each set balanced and weighted by STORYLINE_TUNE_W_<set>, 1 when
// unset), each set's whole stream is clustered at every threshold of
// STORYLINE_TUNE_TH and the fold's docs are judged (HeldOut). It prints
// the held-out figure of each set (B³ F1; pairwise F1 for BASIL) and
// their mean per threshold, and the ECB+ dev B³ of the model fitted on
// all the training data. The model is the shipped recipe
// (FitStoryModel with ModelBoost) unless STORYLINE_TUNE_GBT gives other
// trees (trees,depth,rate,leaf-l2,min-weight; STORYLINE_TUNE_GBT_WITHOUT
// the feature whose comparisons they leave alone, and
// STORYLINE_TUNE_GBT_ONLY=1 grows them in place of the logistic model).
// STORYLINE_TUNE_FOLD_SALT draws another partition of the topics
// (tuneFolds), and the clusterer's settings can be changed from the
// environment (tuneConfig). It runs only with STORYLINE_TUNE=1; the
// mechanisms in package cluster were compared with it.
func TestTuneStoriesUnion(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to print the tuning figures")
	}
	sets := loadTuneSets(t)
	cfg := tuneConfig()
	train := []string{"ecbplus-train", "basil", "duc2003", "duc2006"}
	weight := map[string]float64{}
	for _, n := range train {
		weight[n] = tuneFloats("W_"+n, 1)[0]
	}
	grid := tuneFloats("TH", 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
	byName := map[string]tuneSet{}
	for _, s := range sets {
		byName[s.Name] = s
	}
	const k = 5
	held := map[string][]HeldOut{}
	for _, n := range train {
		held[n] = make([]HeldOut, len(grid))
	}
	fit := func(skip int) cluster.Model {
		var ex []cluster.Example
		for _, n := range train {
			s := byName[n]
			folds := tuneFolds(s.Gold, k)
			var d []*news.Doc
			var g []string
			for i := range s.Docs {
				if folds[i] != skip {
					d = append(d, s.Docs[i])
					g = append(g, s.Gold[i])
				}
			}
			e := cluster.Examples(d, g, cfg)
			cluster.Balance(e)
			for i := range e {
				e[i].W *= weight[n]
			}
			ex = append(ex, e...)
		}
		if os.Getenv("STORYLINE_TUNE_GBT_ONLY") != "" {
			// trees in place of the logistic model
			zero := cluster.Model{Features: cluster.FeatureNames, Weights: make([]float64, len(cluster.FeatureNames))}
			return cluster.Boost(zero, ex, tuneBoost())
		}
		return FitStoryModel(ex, tuneFloats("L2", ModelL2)[0], tuneBoost())
	}
	{
		for f := 0; f < k; f++ {
			m := fit(f)
			c := cfg
			c.Model = &m
			for _, n := range train {
				s := byName[n]
				folds := tuneFolds(s.Gold, k)
				h := make([]bool, len(s.Docs))
				for i := range h {
					h[i] = folds[i] == f
				}
				for ti, th := range grid {
					c.Threshold = th
					p, _, _ := ClusterStream(s.Docs, c)
					held[n][ti].Add(p, s.Gold, h)
				}
			}
		}
	}
	m := fit(-1)
	fmt.Printf("weights %v bias %.3f trees %d (%+v)\n", m.Weights, m.Bias, len(m.Trees), tuneBoost())
	for ti, th := range grid {
		line := fmt.Sprintf("th=%.2f", th)
		mean := 0.0
		for _, n := range train {
			sc := held[n][ti].Scores()
			v := sc.B3F
			if n == "basil" {
				v = sc.PairF
			}
			mean += v / float64(len(train))
			line += fmt.Sprintf(" %s=%.3f", strings.TrimPrefix(n, "ecbplus-"), v)
		}
		c := cfg
		c.Model = &m
		c.Threshold = th
		p, _, _ := ClusterStream(byName["ecbplus-dev"].Docs, c)
		d := ScoreClusters(p, byName["ecbplus-dev"].Gold)
		fmt.Printf("%s cvmean=%.3f | full-model dev b3=%.3f\n", line, mean, d.B3F)
	}
}

// tuneConfig returns the default clusterer configuration with the
// settings named in the environment changed: STORYLINE_TUNE_MERGE
// (MergeThreshold), STORYLINE_TUNE_WINDOW_DAYS (Window),
// STORYLINE_TUNE_QUERY (QueryTerms), STORYLINE_TUNE_INDEX (IndexTerms),
// STORYLINE_TUNE_CANDS (MaxCandidates), STORYLINE_TUNE_DOCTERMS
// (DocTerms) and STORYLINE_TUNE_CENTROID (CentroidTerms).
func tuneConfig() cluster.Config {
	cfg := cluster.DefaultConfig()
	if v := tuneFloats("MERGE"); len(v) > 0 {
		cfg.MergeThreshold = v[0]
	}
	if v := tuneFloats("WINDOW_DAYS"); len(v) > 0 {
		cfg.Window = time.Duration(v[0] * 24 * float64(time.Hour))
	}
	if v := tuneFloats("QUERY"); len(v) > 0 {
		cfg.QueryTerms = int(v[0])
	}
	if v := tuneFloats("INDEX"); len(v) > 0 {
		cfg.IndexTerms = int(v[0])
	}
	if v := tuneFloats("CANDS"); len(v) > 0 {
		cfg.MaxCandidates = int(v[0])
	}
	if v := tuneFloats("DOCTERMS"); len(v) > 0 {
		cfg.DocTerms = int(v[0])
	}
	if v := tuneFloats("CENTROID"); len(v) > 0 {
		cfg.CentroidTerms = int(v[0])
	}
	return cfg
}

// tuneFolds returns Folds over story topics, or, when
// STORYLINE_TUNE_FOLD_SALT is set, folds of topics ordered by a hash of
// the salt and the topic: another partition of the same topics, to
// tell a change's effect from the luck of one partition (compare
// mechanisms on the same salts, paired).
func tuneFolds(gold []string, k int) []int {
	salt := os.Getenv("STORYLINE_TUNE_FOLD_SALT")
	if salt == "" {
		return Folds(gold, StoryTopic, k)
	}
	hash := func(t string) uint64 {
		h := fnv.New64a()
		h.Write([]byte(salt + "/" + t))
		return h.Sum64()
	}
	var topics []string
	seen := map[string]bool{}
	for _, g := range gold {
		if t := StoryTopic(g); !seen[t] {
			seen[t] = true
			topics = append(topics, t)
		}
	}
	slices.SortFunc(topics, func(a, b string) int { return cmp.Or(cmp.Compare(hash(a), hash(b)), strings.Compare(a, b)) })
	fold := map[string]int{}
	for i, t := range topics {
		fold[t] = i % k
	}
	out := make([]int, len(gold))
	for i, g := range gold {
		out[i] = fold[StoryTopic(g)]
	}
	return out
}
