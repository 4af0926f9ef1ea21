// Command train fits the same-story model that package cluster embeds
// (cluster/story.model.json) and chooses its threshold by five-fold
// cross-validation over topics:
//
//	go run ./cluster/train --threshold 0.6 --out cluster/story.model.json
//
// It reads the training sets (by default the ECB+ train topics, never
// the dev topics; the BASIL triplets; and the DUC 2003 and DUC 2006
// topic streams), analyses them (segmenting and entities, as the stories
// suite does), and replays each in arrival order with every doc placed
// in its gold story, collecting one example per (doc, candidate story)
// comparison the index offers (cluster.Examples). Each set's examples
// are weighed to count alike, the same-story ones half (cluster.Balance),
// times the set's weight (--weights: DUC 2006, whose topics are themes
// spanning years, counts a tenth; see package cluster for why), and a
// logistic regression with an L2 penalty (cluster.Fit, eval.ModelL2) is
// fitted on them; then regression trees are grown on top of it by
// gradient boosting (cluster.Boost, eval.ModelBoost: --trees of
// --depth, learning --rate, leaves penalised by --leaf-l2, at least
// --min-weight of Hessian on either side of a split), on the dated
// comparisons only (--without undated: the undated ones keep the
// logistic model).
//
// The threshold: the topics of every set are split in five folds (the
// two ECB+ sub-events of a topic in one fold, eval.Folds); for each fold
// the model is fitted on the other four, and each set's whole stream is
// clustered at every threshold from 0.20 to 0.80 and its held-out docs
// judged against all its docs (eval.HeldOut: they meet as many other
// stories as in the full stream); the threshold with the best held-out
// figure (B³ F1; pairwise F1 for BASIL, whose target is pairwise),
// averaged over folds and over sets by their weights, is written with
// the model fitted on all the training data, unless --threshold gives
// the threshold to write (the shipped model's 0.60: see package cluster
// for why). Training is deterministic and takes about a minute of CPU;
// go test ./cluster/train (TestShippedModelReproduces) runs the command
// the shipped model's note records and checks that it writes that model
// byte for byte.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
)

type set struct {
	weight   float64
	name     string
	docs     []*news.Doc
	gold     []string
	pairwise bool
}

// options are the command's flags, read by parseOptions.
type options struct {
	data    string
	sets    []string
	weights map[string]float64
	out     string
	folds   int
	bc      cluster.BoostConfig
	fixed   float64
}

// parseOptions reads the command's flags from args (without the
// command's name); each error is also written to errs, as the flag
// package writes its own.
func parseOptions(args []string, errs io.Writer) (options, error) {
	fail := func(format string, a ...any) (options, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintln(errs, err)
		return options{}, err
	}
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(errs)
	data := fs.String("data", "../shared/data", "the shared data folder (stories/ecbplus, stories/basil, summarization/duc2003, summarization/duc2006)")
	sets := fs.String("sets", "ecbplus-train,basil,duc2003,duc2006", "training sets, comma-separated (ecbplus-train, basil, duc2003, duc2006)")
	weights := fs.String("weights", "duc2006=0.1", "set=weight,...: how much a set counts, in the examples and in the threshold's mean (1 when not named)")
	out := fs.String("out", "cluster/story.model.json", "model file to write")
	folds := fs.Int("folds", 5, "folds over topics for choosing the threshold")
	bc := eval.ModelBoost
	fs.IntVar(&bc.Trees, "trees", bc.Trees, "regression trees grown on top of the logistic model (cluster.Boost); 0 for none")
	fs.IntVar(&bc.Depth, "depth", bc.Depth, "depth of each tree")
	fs.Float64Var(&bc.Rate, "rate", bc.Rate, "learning rate of the trees")
	fs.Float64Var(&bc.L2, "leaf-l2", bc.L2, "L2 penalty on a leaf's value")
	fs.Float64Var(&bc.MinWeight, "min-weight", bc.MinWeight, "least summed Hessian on either side of a split")
	fixed := fs.Float64("threshold", 0, "write this threshold instead of the one cross-validation chooses (its held-out figures are printed still); 0 to choose")
	fs.StringVar(&bc.Without, "without", bc.Without, "a 0/1 feature whose comparisons, when 1, the trees leave to the logistic model (\"\" for none)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if *fixed < 0 || *fixed > 1 {
		return fail("train: --threshold %g outside 0..1", *fixed)
	}
	if bc.Without != "" && !slices.Contains(cluster.FeatureNames, bc.Without) {
		return fail("train: --without %q names no feature (%s)", bc.Without, strings.Join(cluster.FeatureNames, ", "))
	}
	w := map[string]float64{}
	for _, kv := range strings.Split(*weights, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, val, ok := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(val, 64)
		if !ok || err != nil || f < 0 {
			return fail("train: bad --weights entry %q (want set=weight)", kv)
		}
		w[name] = f
	}
	return options{data: *data, sets: strings.Split(*sets, ","), weights: w, out: *out, folds: *folds, bc: bc, fixed: *fixed}, nil
}

func main() {
	o, err := parseOptions(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		os.Exit(2) // parseOptions said why
	}
	if err := run(o.data, o.sets, o.weights, o.out, o.folds, o.bc, o.fixed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func load(data, name string) (set, error) {
	var items []eval.StoryItem
	var err error
	pairwise := false
	switch name {
	case "ecbplus-train":
		_, items, err = eval.ReadECBPlusStories(filepath.Join(data, "stories", "ecbplus"))
	case "basil":
		items, err = eval.ReadBASIL(filepath.Join(data, "stories", "basil"))
		pairwise = true
	case "duc2003", "duc2006":
		items, err = eval.ReadDUCStories(filepath.Join(data, "summarization", name))
	default:
		return set{}, fmt.Errorf("train: unknown set %q (ecbplus-train, basil, duc2003, duc2006)", name)
	}
	if err != nil {
		return set{}, fmt.Errorf("train: %s: %w", name, err)
	}
	arts := make([]news.Article, len(items))
	gold := make([]string, len(items))
	for i, it := range items {
		arts[i], gold[i] = it.Article, it.Story
	}
	fmt.Fprintf(os.Stderr, "train: analysing %d articles of %s\n", len(arts), name)
	docs, err := eval.AnalyseStories(arts)
	if err != nil {
		return set{}, fmt.Errorf("train: %s: %w", name, err)
	}
	return set{1, name, docs, gold, pairwise}, nil
}

// measure clusters a set's whole stream with cfg and returns the
// figure of the docs marked held.
func measure(s set, held []bool, cfg cluster.Config) float64 {
	p, _, _ := eval.ClusterStream(s.docs, cfg)
	var h eval.HeldOut
	h.Add(p, s.gold, held)
	sc := h.Scores()
	if s.pairwise {
		return sc.PairF
	}
	return sc.B3F
}

func run(data string, names []string, weights map[string]float64, out string, k int, bc cluster.BoostConfig, fixed float64) error {
	var sets []set
	total := 0.0
	for _, n := range names {
		s, err := load(data, strings.TrimSpace(n))
		if err != nil {
			return err
		}
		if w, ok := weights[s.name]; ok {
			s.weight = w
		}
		total += s.weight
		sets = append(sets, s)
	}
	weigh := func(ex []cluster.Example, w float64) {
		cluster.Balance(ex)
		for i := range ex {
			ex[i].W *= w
		}
	}
	cfg := cluster.DefaultConfig()
	var grid []float64
	for t := 0.2; t < 0.81; t += 0.05 {
		grid = append(grid, math.Round(t*100)/100)
	}
	sum := make([]float64, len(grid))
	perSet := make([][]float64, len(sets))
	for i := range perSet {
		perSet[i] = make([]float64, len(grid))
	}
	folds := make([][]int, len(sets))
	for si, s := range sets {
		folds[si] = eval.Folds(s.gold, eval.StoryTopic, k)
	}
	for f := 0; f < k; f++ {
		var ex []cluster.Example
		for si, s := range sets {
			var d []*news.Doc
			var g []string
			for i := range s.docs {
				if folds[si][i] != f {
					d = append(d, s.docs[i])
					g = append(g, s.gold[i])
				}
			}
			e := cluster.Examples(d, g, cfg)
			weigh(e, s.weight)
			ex = append(ex, e...)
		}
		m := eval.FitStoryModel(ex, eval.ModelL2, bc)
		c := cfg
		c.Model = &m
		for si, s := range sets {
			held := make([]bool, len(s.docs))
			for i := range held {
				held[i] = folds[si][i] == f
			}
			for ti, t := range grid {
				c.Threshold = t
				v := measure(s, held, c)
				sum[ti] += s.weight * v
				perSet[si][ti] += v / float64(k)
			}
		}
		fmt.Fprintf(os.Stderr, "train: fold %d fitted on %d examples\n", f+1, len(ex))
	}
	best := 0
	for ti := range grid {
		line := fmt.Sprintf("threshold %.2f: weighted mean %.4f", grid[ti], sum[ti]/(float64(k)*total))
		for si, s := range sets {
			line += fmt.Sprintf("  %s %.4f", s.name, perSet[si][ti])
		}
		fmt.Println(line)
		if sum[ti] > sum[best] {
			best = ti
		}
	}
	var ex []cluster.Example
	for _, s := range sets {
		e := cluster.Examples(s.docs, s.gold, cfg)
		weigh(e, s.weight)
		ex = append(ex, e...)
	}
	m := eval.FitStoryModel(ex, eval.ModelL2, bc)
	m.Threshold = grid[best]
	how := fmt.Sprintf("threshold %.2f chosen by %d-fold cross-validation over topics (held-out weighted mean %.4f)", m.Threshold, k, sum[best]/(float64(k)*total))
	if fixed > 0 {
		m.Threshold = fixed
		how = fmt.Sprintf("threshold %.2f given (--threshold %g); %d-fold cross-validation over topics chose %.2f (held-out weighted mean %.4f)", fixed, fixed, k, grid[best], sum[best]/(float64(k)*total))
		for ti, t := range grid {
			if math.Abs(t-fixed) < 1e-9 {
				how += fmt.Sprintf(", %.4f at %.2f", sum[ti]/(float64(k)*total), t)
			}
		}
	}
	var ws []string
	for _, s := range sets {
		ws = append(ws, fmt.Sprintf("%s=%g", s.name, s.weight))
	}
	trees := ""
	if bc.Trees > 0 {
		trees = fmt.Sprintf(" --trees %d --depth %d --rate %g --leaf-l2 %g --min-weight %g --without %q", bc.Trees, bc.Depth, bc.Rate, bc.L2, bc.MinWeight, bc.Without)
	}
	m.Note = fmt.Sprintf("go run ./cluster/train --sets %s --weights %s%s%s: logistic regression (L2 %g, sets balanced and weighted) and %d boosted trees on top on %d (doc, candidate story) comparisons; %s",
		strings.Join(names, ","), strings.Join(ws, ","), trees, fixedFlag(fixed), eval.ModelL2, len(m.Trees), len(ex), how)
	fmt.Println(m.Note)
	for i, n := range m.Features {
		fmt.Printf("  %-14s %8.3f\n", n, m.Weights[i])
	}
	fmt.Printf("  %-14s %8.3f\n", "bias", m.Bias)
	if err := os.WriteFile(out, m.JSON(), 0o644); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}

func fixedFlag(t float64) string {
	if t > 0 {
		return fmt.Sprintf(" --threshold %g", t)
	}
	return ""
}
