package eval

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["stories"] = runStories }

// DefaultStoriesData is the folder the stories suite reads when no
// --data is given: the ECB+, BASIL and SemEval-2022 sets in it.
const DefaultStoriesData = "../shared/data/stories"

// ClusterScores are the figures of a clustering against gold stories.
type ClusterScores struct {
	PairP, PairR, PairF float64
	B3P, B3R, B3F       float64
	Found, Gold         int
}

// ScoreClusters compares predicted story labels with gold ones, item by
// item: pairwise precision, recall and F1 over the pairs of items put
// together, and B³ (Bagga and Baldwin, 1998) averaged over items.
func ScoreClusters(pred, gold []string) ClusterScores {
	type key struct{ p, g string }
	cell := map[key]int{}
	np, ng := map[string]int{}, map[string]int{}
	for i := range pred {
		cell[key{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, gp, b3p, b3r float64
	// sums in sorted order: floating-point addition is not associative,
	// and map order would change the last digits from run to run
	for _, k := range sortedKeys(cell, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.g, b.g))
	}) {
		n := cell[k]
		tp += pairs(n)
		// every item of the cell has n items of both its clusters in common
		b3p += float64(n) * float64(n) / float64(np[k.p])
		b3r += float64(n) * float64(n) / float64(ng[k.g])
	}
	for _, k := range sortedKeys(np, strings.Compare) {
		pp += pairs(np[k])
	}
	for _, k := range sortedKeys(ng, strings.Compare) {
		gp += pairs(ng[k])
	}
	var s ClusterScores
	if pp > 0 {
		s.PairP = tp / pp
	} else {
		s.PairP = 1
	}
	if gp > 0 {
		s.PairR = tp / gp
	} else {
		s.PairR = 1
	}
	s.PairF = f1(s.PairP, s.PairR)
	if n := float64(len(pred)); n > 0 {
		s.B3P, s.B3R = b3p/n, b3r/n
	}
	s.B3F = f1(s.B3P, s.B3R)
	s.Found, s.Gold = len(np), len(ng)
	return s
}

// sortedKeys returns m's keys sorted by compare.
func sortedKeys[K comparable, V any](m map[K]V, compare func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compare)
	return keys
}

// Pearson returns the Pearson correlation of x and y (0 when either is
// constant).
func Pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n == 0 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// storyChain is the analysis the clusterer needs: sentences, tokens and
// entities.
func storyChain() (analyze.Chain, error) {
	tagger, err := entity.Default()
	if err != nil {
		return nil, err
	}
	return analyze.Chain{analyze.Segment, tagger}, nil
}

// AnalyseStories runs the clusterer's analysis (segmenting and entities)
// over articles on all cores, keeping their order.
func AnalyseStories(arts []news.Article) ([]*news.Doc, error) {
	chain, err := storyChain()
	if err != nil {
		return nil, err
	}
	in := func(yield func(*news.Article, error) bool) {
		for i := range arts {
			if !yield(&arts[i], nil) {
				return
			}
		}
	}
	docs := make([]*news.Doc, 0, len(arts))
	for r := range chain.All(context.Background(), in, 0) {
		if r.Err != nil {
			return nil, fmt.Errorf("eval: stories: %w", r.Err)
		}
		docs = append(docs, r.Doc)
	}
	return docs, nil
}

// ClusterStream places docs in order with a new clusterer and returns
// each doc's story at the end of the stream (stories merged on the way
// counted as one), the number of near-duplicates found and the time
// the placing took.
func ClusterStream(docs []*news.Doc, cfg cluster.Config) (stories []string, dups int, elapsed time.Duration) {
	c := cluster.New(cfg)
	stories = make([]string, len(docs))
	into := map[string]string{}
	start := time.Now()
	for i, d := range docs {
		a := c.Add(d)
		stories[i] = a.Story
		if a.DuplicateOf != "" {
			dups++
		}
		for _, m := range a.Merged {
			into[m] = a.Story
		}
	}
	elapsed = time.Since(start)
	// a story merged into another ends with the other's docs
	for i, s := range stories {
		for into[s] != "" {
			s = into[s]
		}
		stories[i] = s
	}
	return stories, dups, elapsed
}

// thresholdGrid is the grid of same-story probabilities the
// cross-validation picks Threshold from.
var thresholdGrid = func() []float64 {
	var g []float64
	for t := 0.2; t < 0.81; t += 0.05 {
		g = append(g, math.Round(t*100)/100)
	}
	return g
}()

// ModelL2 is the L2 penalty the same-story model is fitted with, here
// and by cluster/train.
const ModelL2 = 1.0

// ModelBoost is how the same-story model grows trees on top of its
// logistic part (cluster.Boost), here and by cluster/train; Trees 0
// grows none.
var ModelBoost = cluster.BoostConfig{Trees: 100, Depth: 3, Rate: 0.1, L2: 1, MinWeight: 5, Without: "undated"}

// FitStoryModel fits the same-story model to (balanced) examples: a
// logistic regression with an L2 penalty l2 (cluster.Fit), then bc's
// trees on top of it (cluster.Boost).
func FitStoryModel(ex []cluster.Example, l2 float64, bc cluster.BoostConfig) cluster.Model {
	return cluster.Boost(cluster.Fit(ex, l2), ex, bc)
}

// TuneThreshold returns the threshold of thresholdGrid under which cfg
// clusters docs best against gold (B³ F1, or pairwise F1 when
// pairwise), with that measure.
func TuneThreshold(docs []*news.Doc, gold []string, cfg cluster.Config, pairwise bool) (float64, float64) {
	best, bestT := -1.0, 0.0
	for _, t := range thresholdGrid {
		c := cfg
		c.Threshold = t
		p, _, _ := ClusterStream(docs, c)
		s := ScoreClusters(p, gold)
		m := s.B3F
		if pairwise {
			m = s.PairF
		}
		if m > best {
			best, bestT = m, t
		}
	}
	return bestT, best
}

// HeldOut accumulates cluster figures judged on some items of streams
// (the held-out docs of cross-validation folds) while every item of the
// stream counts as a neighbour: a held-out doc put with training docs of
// another story loses precision, one kept from training docs of its own
// story loses recall. Add one clustered stream at a time; Scores pools
// them.
type HeldOut struct {
	tp, pp, gp, b3p, b3r float64
	n                    int
}

// Add counts one stream: its predicted and gold labels, and which items
// are judged. Pairs are counted when one of their items at least is
// judged; B³ averages over judged items.
func (h *HeldOut) Add(pred, gold []string, held []bool) {
	type key struct{ p, g string }
	type count struct{ n, h int }
	cell := map[key]count{}
	np, ng := map[string]count{}, map[string]count{}
	inc := func(c count, judged bool) count {
		c.n++
		if judged {
			c.h++
		}
		return c
	}
	for i := range pred {
		k := key{pred[i], gold[i]}
		cell[k] = inc(cell[k], held[i])
		np[pred[i]] = inc(np[pred[i]], held[i])
		ng[gold[i]] = inc(ng[gold[i]], held[i])
		if held[i] {
			h.n++
		}
	}
	pairs := func(c count) float64 {
		all := float64(c.n) * float64(c.n-1) / 2
		free := float64(c.n-c.h) * float64(c.n-c.h-1) / 2
		return all - free
	}
	// sums in sorted order, as in ScoreClusters
	for _, k := range sortedKeys(cell, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.g, b.g))
	}) {
		c := cell[k]
		h.tp += pairs(c)
		h.b3p += float64(c.h) * float64(c.n) / float64(np[k.p].n)
		h.b3r += float64(c.h) * float64(c.n) / float64(ng[k.g].n)
	}
	for _, k := range sortedKeys(np, strings.Compare) {
		h.pp += pairs(np[k])
	}
	for _, k := range sortedKeys(ng, strings.Compare) {
		h.gp += pairs(ng[k])
	}
}

// Scores returns the pooled figures (Found and Gold are left 0).
func (h *HeldOut) Scores() ClusterScores {
	var s ClusterScores
	s.PairP, s.PairR = 1, 1
	if h.pp > 0 {
		s.PairP = h.tp / h.pp
	}
	if h.gp > 0 {
		s.PairR = h.tp / h.gp
	}
	s.PairF = f1(s.PairP, s.PairR)
	if h.n > 0 {
		s.B3P, s.B3R = h.b3p/float64(h.n), h.b3r/float64(h.n)
	}
	s.B3F = f1(s.B3P, s.B3R)
	return s
}

// Folds assigns each doc a fold of k by its gold story's topic (topic
// maps a gold story to its topic; the stories of one topic, such as
// ECB+'s two sub-events, fall in one fold): the topics in sorted order
// are dealt to the folds in turn.
func Folds(gold []string, topic func(string) string, k int) []int {
	var topics []string
	seen := map[string]bool{}
	for _, g := range gold {
		if t := topic(g); !seen[t] {
			seen[t] = true
			topics = append(topics, t)
		}
	}
	sort.Strings(topics)
	fold := map[string]int{}
	for i, t := range topics {
		fold[t] = i % k
	}
	out := make([]int, len(gold))
	for i, g := range gold {
		out[i] = fold[topic(g)]
	}
	return out
}

// CrossValidate estimates held-out figures by k-fold cross-validation
// over topics (Folds): for each fold, the same-story model is fitted on
// the stream of the other folds' stories (cluster.Examples,
// cluster.Balance, cluster.Fit) and Threshold is chosen from a grid to
// maximise the measure (B³ F1, or pairwise F1 when pairwise) on that
// stream; the whole stream is then clustered with both and the fold's
// docs are judged against every doc of the stream (HeldOut). It returns
// the pooled scores of the held-out docs of every fold and the
// thresholds chosen.
func CrossValidate(docs []*news.Doc, gold []string, topic func(string) string, k int, cfg cluster.Config, pairwise bool) (ClusterScores, []float64) {
	folds := Folds(gold, topic, k)
	var h HeldOut
	var chosen []float64
	for f := 0; f < k; f++ {
		var trD []*news.Doc
		var trG []string
		held := make([]bool, len(docs))
		for i, d := range docs {
			if folds[i] == f {
				held[i] = true
			} else {
				trD = append(trD, d)
				trG = append(trG, gold[i])
			}
		}
		ex := cluster.Examples(trD, trG, cfg)
		cluster.Balance(ex)
		m := FitStoryModel(ex, ModelL2, ModelBoost)
		c := cfg
		c.Model = &m
		c.Threshold, _ = TuneThreshold(trD, trG, c, pairwise)
		chosen = append(chosen, c.Threshold)
		p, _, _ := ClusterStream(docs, c)
		h.Add(p, gold, held)
	}
	return h.Scores(), chosen
}

// StoryTopic returns the topic of a gold story label: ECB+'s
// <topic>ecb and <topic>ecbplus share topic <topic>; any other label is
// its own topic.
func StoryTopic(story string) string {
	for _, suf := range []string{"ecbplus", "ecb"} {
		if t, ok := strings.CutSuffix(story, suf); ok && t != "" && strings.Trim(t, "0123456789") == "" {
			return t
		}
	}
	return story
}

// storySet is one set the suite measures.
type storySet struct {
	name     string
	items    []StoryItem
	pairwise bool // the set's target is pairwise F1
}

// findStorySets reads the sets at path: a JSON lines file, an ECB+,
// BASIL or DUC folder, a SemEval CSV, or a folder holding several of
// them (ecbplus, basil, semeval2022-task8).
func findStorySets(path string, progress io.Writer) (sets []storySet, pairsFile string, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: stories: %w", err)
	}
	if !st.IsDir() {
		switch {
		case strings.HasSuffix(strings.ToLower(path), ".csv"):
			return nil, path, nil
		default:
			f, err := os.Open(path)
			if err != nil {
				return nil, "", fmt.Errorf("eval: stories: %w", err)
			}
			defer f.Close()
			items, skipped, err := ReadStoriesJSONL(f, path)
			if err != nil {
				return nil, "", err
			}
			for _, e := range skipped {
				if progress != nil {
					fmt.Fprintln(progress, e)
				}
			}
			if len(items) == 0 {
				return nil, "", fmt.Errorf("%w in %s (jsonl)", ErrNoStories, path)
			}
			return []storySet{{name: "jsonl", items: items}}, "", nil
		}
	}
	isECB := func(dir string) bool {
		m, _ := filepath.Glob(filepath.Join(dir, "*", "*ecb*.xml"))
		return len(m) > 0
	}
	isBASIL := func(dir string) bool {
		m, _ := filepath.Glob(filepath.Join(dir, "*", "*_[0-9].json"))
		return len(m) > 0
	}
	addDir := func(dir string) error {
		switch {
		case isECB(dir):
			dev, train, err := ReadECBPlusStories(dir)
			if err != nil {
				return err
			}
			sets = append(sets, storySet{name: "ecbplus-dev", items: dev}, storySet{name: "ecbplus-train", items: train})
		case isBASIL(dir):
			items, err := ReadBASIL(dir)
			if err != nil {
				return err
			}
			sets = append(sets, storySet{name: "basil", items: items, pairwise: true})
		case summIsDir(filepath.Join(dir, "docs")):
			items, err := ReadDUCStories(dir)
			if err != nil {
				return err
			}
			sets = append(sets, storySet{name: filepath.Base(dir), items: items})
		default:
			return fmt.Errorf("%w in %s: not a JSON lines, ECB+, BASIL, DUC or SemEval set", ErrNoStories, dir)
		}
		return nil
	}
	if addDir(path) == nil {
		return sets, "", nil
	}
	sets = nil
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: stories: %w", err)
	}
	for _, e := range ents {
		p := filepath.Join(path, e.Name())
		if !e.IsDir() {
			continue
		}
		if csvs, _ := filepath.Glob(filepath.Join(p, "*.csv")); len(csvs) == 1 && !isECB(p) {
			pairsFile = csvs[0]
			continue
		}
		if err := addDir(p); err != nil && progress != nil {
			fmt.Fprintf(progress, "eval: stories: skipping %s: %v\n", p, err)
		}
	}
	if len(sets) == 0 && pairsFile == "" {
		return nil, "", fmt.Errorf("%w in %s", ErrNoStories, path)
	}
	return sets, pairsFile, nil
}

// runStories replays each set in arrival order through the clusterer
// and scores its stories; on SemEval pairs it correlates the same-story
// score with people's judgement.
func runStories(opt Options) (*Report, error) {
	data := opt.Data
	if data == "" {
		data = DefaultStoriesData
	}
	sets, pairsFile, err := findStorySets(data, opt.Progress)
	if err != nil {
		return nil, err
	}
	r := &Report{Suite: "stories", Data: data}
	cfg := cluster.DefaultConfig()
	for _, set := range sets {
		arts := make([]news.Article, len(set.items))
		gold := make([]string, len(set.items))
		for i, it := range set.items {
			arts[i], gold[i] = it.Article, it.Story
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "stories: analysing %d articles of %s\n", len(arts), set.name)
		}
		start := time.Now()
		docs, err := AnalyseStories(arts)
		if err != nil {
			return nil, err
		}
		analysis := time.Since(start)
		pred, dups, elapsed := ClusterStream(docs, cfg)
		s := ScoreClusters(pred, gold)
		addClusterRows(r, set.name, s)
		r.Add(set.name, "stories_found_per_gold", float64(s.Found)/float64(s.Gold))
		r.Add(set.name, "articles_per_second", float64(len(docs))/elapsed.Seconds())
		cv, ts := CrossValidate(docs, gold, StoryTopic, 5, cfg, set.pairwise)
		r.Add(set.name, "cv5/pairwise_f1", cv.PairF)
		r.Add(set.name, "cv5/b3_f1", cv.B3F)
		r.Notes = append(r.Notes, fmt.Sprintf("%s: %d articles, %d gold stories, %d found, %d near-duplicates linked; analysis (segment, entities) %.1f articles/s; five-fold thresholds %v",
			set.name, len(docs), s.Gold, s.Found, dups, float64(len(docs))/analysis.Seconds(), ts))
	}
	if pairsFile != "" {
		if err := semevalRows(r, pairsFile, cfg, opt.Progress); err != nil {
			return nil, err
		}
	}
	r.Notes = append(r.Notes,
		"pairwise: precision and recall of the pairs of articles put in one story; b3: B-cubed, averaged over articles; cv5: five-fold cross-validation over topics (both ECB+ sub-events of a topic in one fold): the same-story model fitted and its threshold chosen on four folds, then the whole stream clustered and the fifth judged against all its docs.",
		"ECB+: gold story = topic + ecb/ecbplus (two seminal events per topic); dev topics "+fmt.Sprint(ecbDevTopics)+" are the target, train topics were used for tuning. Articles/s counts clustering only.")
	return r, nil
}

func addClusterRows(r *Report, system string, s ClusterScores) {
	r.Add(system, "pairwise_precision", s.PairP)
	r.Add(system, "pairwise_recall", s.PairR)
	r.Add(system, "pairwise_f1", s.PairF)
	r.Add(system, "b3_precision", s.B3P)
	r.Add(system, "b3_recall", s.B3R)
	r.Add(system, "b3_f1", s.B3F)
}

// semevalRows adds the Pearson correlation of the clusterer's same-story
// score with the SemEval-2022 Overall judgement, turned into a
// similarity (5 - Overall, so that agreement is positive), on all pairs
// and on the English pairs.
func semevalRows(r *Report, path string, cfg cluster.Config, progress io.Writer) error {
	pairs, skipped, err := ReadSemEvalPairs(path)
	if err != nil {
		return err
	}
	arts := make([]news.Article, 0, 2*len(pairs))
	for _, p := range pairs {
		arts = append(arts, p.A, p.B)
	}
	if progress != nil {
		fmt.Fprintf(progress, "stories: analysing %d articles of %d SemEval pairs\n", len(arts), len(pairs))
	}
	docs, err := AnalyseStories(arts)
	if err != nil {
		return err
	}
	// document frequencies from every article of the set, then one score
	// per pair
	c := cluster.New(cfg)
	c.Observe(docs...)
	var all, allY, en, enY []float64
	for i, p := range pairs {
		s := c.Similarity(docs[2*i], docs[2*i+1])
		all = append(all, s)
		allY = append(allY, 5-p.Overall)
		if p.Lang1 == "en" && p.Lang2 == "en" {
			en = append(en, s)
			enY = append(enY, 5-p.Overall)
		}
	}
	r.Add("semeval", "pearson_overall", Pearson(all, allY))
	r.Add("semeval", "pearson_overall_en", Pearson(en, enY))
	r.Notes = append(r.Notes, fmt.Sprintf("semeval: %d pairs (%d English-English), %d rows skipped; Pearson of the same-story score with 5 - Overall (Overall: 1 same story .. 4 different)", len(pairs), len(en), len(skipped)))
	return nil
}
