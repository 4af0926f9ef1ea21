// Command citetrain fits the citation model that package brief embeds
// (brief/cite.model.json): the probability that a sentence S of one
// source states a line L taken from another.
//
//	go run ./brief/citetrain --threshold 0.75
//
// It learns from ECB+ (../shared/data/stories/ecbplus), never from the
// briefs set: each topic's articles are analysed as the brief analyses
// a story (analyze.Default) and taken as one story; every sentence of a
// topic is taken as a line, and the sentences of the topic's other
// articles that the brief's word index offers it (brief.CiteExamples,
// reading the index exact: the brief's cap on common words' postings is
// a cut for large piles, see CiteExamples) are compared with it on the
// features brief.CiteFeatureNames lists. A
// pair is a positive when the two sentences mention one event instance
// (ACTION_* mentions of one cross-document coreference chain), a
// negative otherwise; only sentences ECB+ annotated with care
// (ECBplus_coreference_sentences.csv) are used. Each topic holds two
// seminal events of one kind (two earthquakes, two arrests), so the
// negatives include close paraphrases of another event.
//
// The model is fitted on the train topics (SPLIT.txt: all but the dev
// ones), positives and negatives weighed to count alike, by logistic
// regression with an L2 penalty (--l2, brief.FitCiteModel). Training is
// deterministic (the same bytes at GOMAXPROCS 1, 2, 4) and takes about
// two seconds of CPU. It prints, for a grid of
// thresholds, the precision and recall on the ECB+ dev topics at the
// level the brief decides at, a source per line (a (line, other
// article) pair is positive when one of the article's sentences is,
// and scores the best of them), and writes the least threshold reaching
// --precision there, or --threshold when given. The shipped model is
// what its note's command writes, byte for byte
// (TestShippedModelReproduces, go test ./brief/citetrain): when the
// citer's candidates or features change, retrain and choose the
// threshold again.
//
// The shipped threshold, 0.75, was chosen on the briefs set, leaving
// one story out (STORYLINE_CITETUNE=1 go test ./brief -run
// TestCiteThresholdCV -v): the most recall at the citation precision
// the brief had before the model (93.62). The brief cites a source when
// the model reaches the threshold for the line or one of its claims or,
// as before, the rule test passes (see brief/cite.go). The model now
// shipped (15,822 training pairs, 6,439 held out) gives on the briefs
// set (sl eval briefs) citation precision and recall 94.02 / 58.61;
// held out, the threshold chosen on the other stories, 93.64 / 58.79
// leaving one story out and 94.13 / 58.44 in five folds. The model it
// replaced, fitted on 15,334 pairs of an earlier citer (before the name
// spellings and event words of brief/citenames.go, citesyn.go), gave
// 94.14 / 58.53, 93.76 / 58.70, 94.12 / 58.26; fitted on the 13,571
// pairs the capped index offers, 93.85 / 58.26 at 0.75 (chosen: 0.725,
// 93.89 / 58.70), 93.34 / 58.53, 93.41 / 57.90, and it cited a seed
// that does not state the line. The L2 penalty, 1, was chosen the same
// way: 0.1, 0.3, 3, 10 give 93.42 / 57.99, 93.44 / 58.17, 93.55 / 57.99,
// 93.44 / 56.93 leaving one story out and 93.96 / 57.99, 94.06 / 57.64,
// 93.87 / 57.10, 93.13 / 56.57 in five folds; on the ECB+ dev topics
// they only move along the trade (at 0.75, 93.18 / 44.67 to 94.07 /
// 34.05; 1: 93.19 / 43.33). The threshold the command chooses alone,
// the least reaching precision 0.9 on the ECB+ dev topics (0.6: 90.88 /
// 67.29 there), gives 89.89 / 63.94 on the briefs set.
//
// The first model (0.825 before a held source had to state every claim
// of the line, brief/citecover.go) gave 93.81 / 56.35 on the briefs set
// (leave one story out: 93.39 / 56.86), against 93.62 / 54.49 for the
// rule test alone; the figures below are of that round or of the
// model it replaced. Its ECB+ dev threshold for precision 0.9 (0.575)
// gave 90.09 / 61.92. Tried and not kept: a story
// per seminal event (topic half) rather than per topic, and positives
// only when S mentions half of L's events, both lower on the briefs set
// at like precision; the model alone, without the rule test, 94.01 /
// 55.11 (leave one out 93.83 / 54.90); the model alone, only for
// sentences that pass holds, 94.12 / 54.49. The features that mattered
// most on the briefs set were the article-level ones (doc_cover,
// doc_figs): they raised the area under the ROC curve of the (line,
// source) pairs from 0.83 to 0.85 (STORYLINE_CITESEP=1 go test ./brief
// -run TestCiteSeparation).
//
// Learning from the briefs set's own gold instead, with one story left
// out at a time, did not do better (the model then shipped: 93.61 / 57.60 at
// 0.75, 92.82 / 58.74 at 0.7, 90.64 / 61.80 at 0.6). Fitted on the gold
// keys (a candidate sentence states a line when both tell one gold
// item; STORYLINE_CITEGOLD=1 go test ./brief -run TestCiteGoldCV), the
// model gives 89.61 / 60.31 at 0.75 and 92.18 / 57.69 at 0.85; its
// average with the ECB+ model 91.92 / 58.65 at 0.75. A second model
// over each (line, source) pair's evidence (what the rules decided,
// the best sentence's features, the share of the line's words, figures,
// people and rare words the article holds, how widely the story's
// sources share the line's words), fitted on the gold sources of the
// items each line tells, gives 93.82 / 54.37 at 0.8 and 94.68 / 49.83
// at 0.85 (boosted stumps on the same evidence: 94.04 / 52.45, 95.24 /
// 47.20), and or-ed with the rules 93.64 / 57.87: the rules' own trade.
// A model of which of a line's words are an item's keys (spread across
// the story, capitals, figures, position, person, verb endings) told
// keys from other words barely (mean probability 0.20 against 0.15).
// Following a line to the sentences its confident matches state (0.75,
// then 0.8 to 0.95) gives 92.99 / 59.18 to 93.54 / 58.22, and asking a
// source to give every figure of the line 94.33 / 53.85: both on the
// same trade. Much of what is lost is in the lines, not the sources:
// half the sources the told items want (625 of 1,156) are wanted by
// lines that tell two items or more, where a source right for one item
// is wrong for the other; on lines telling one item the citations stand
// at 95.50 / 59.89.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/internal/logreg"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

func main() {
	o, err := parseOptions(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		os.Exit(2) // the flag set has said why
	}
	if err := run(o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	data, out string
	l2, prec  float64
	fixed     float64
}

// parseOptions reads the command's flags from args; on an error the
// flag set has printed it and the usage.
func parseOptions(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("citetrain", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "../shared/data/stories/ecbplus", "the ECB+ folder (topic folders, ECBplus_coreference_sentences.csv; the dev topics are eval.ECBDevTopic's, those of SPLIT.txt)")
	fs.StringVar(&o.out, "out", "brief/cite.model.json", "model file to write")
	fs.Float64Var(&o.l2, "l2", 1, "L2 penalty on the weights")
	fs.Float64Var(&o.prec, "precision", 0.9, "least held-out precision (source per line) the threshold must reach")
	fs.Float64Var(&o.fixed, "threshold", 0, "the threshold to write, when chosen elsewhere (0: the least reaching --precision on the ECB+ dev topics)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("citetrain: unexpected arguments %q", fs.Args())
		fmt.Fprintln(fs.Output(), err)
		fs.Usage()
		return options{}, err
	}
	return o, nil
}

// run trains the model as o says and writes it to o.out, printing the
// held-out grid and the weights to w and its progress to log.
func run(o options, w, log io.Writer) error {
	m, err := train(o, w, log)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.out, m.JSON(), 0o644); err != nil {
		return fmt.Errorf("citetrain: %w", err)
	}
	return nil
}

// ecbDoc is one ECB+ article: its text (a paragraph per sentence), the
// byte offset where each ECB+ sentence starts, and the event instances
// each sentence mentions.
type ecbDoc struct {
	name   string
	topic  string
	text   string
	starts []int // starts[k]: offset of the k-th sentence kept
	nums   []int // nums[k]: its ECB+ sentence number
	events []map[string]bool
}

var ecbFile = regexp.MustCompile(`^(\d+)_(\d+)(ecb|ecbplus)\.xml$`)

// train fits the model as o says, printing the held-out grid and the
// weights to w and its progress to log.
func train(o options, w, log io.Writer) (brief.CiteModel, error) {
	data, l2, prec, fixed := o.data, o.l2, o.prec, o.fixed
	sel, err := eval.ReadECBSelected(filepath.Join(data, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return brief.CiteModel{}, fmt.Errorf("citetrain: %w", err)
	}
	files, err := filepath.Glob(filepath.Join(data, "*", "*.xml"))
	if err != nil {
		return brief.CiteModel{}, fmt.Errorf("citetrain: %w", err)
	}
	sort.Strings(files)
	var docs []*ecbDoc
	for _, f := range files {
		m := ecbFile.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			continue
		}
		d, err := readECB(f, m[1], m[3] == "ecbplus")
		if err != nil {
			return brief.CiteModel{}, err
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return brief.CiteModel{}, fmt.Errorf("citetrain: no ECB+ articles in %s", data)
	}
	fmt.Fprintf(log, "citetrain: analysing %d ECB+ articles\n", len(docs))
	analysed, err := analyse(docs)
	if err != nil {
		return brief.CiteModel{}, err
	}
	// a story per topic: its two seminal events and their sub-events
	byStory := map[string][]int{}
	var stories []string
	for i, d := range docs {
		k := d.topic
		if byStory[k] == nil {
			stories = append(stories, k)
		}
		byStory[k] = append(byStory[k], i)
	}
	sort.Slice(stories, func(a, b int) bool { return atoi(stories[a]) < atoi(stories[b]) })
	var train, held []brief.CiteExample
	for _, k := range stories {
		idx := byStory[k]
		t := docs[idx[0]].topic
		s := &news.Story{ID: "ecb-" + k}
		var eds []*ecbDoc
		for _, i := range idx {
			s.Docs = append(s.Docs, analysed[i])
			eds = append(eds, docs[i])
		}
		// each analysed sentence's ECB+ sentence (index into starts), or -1
		sentOf := make([][]int, len(idx))
		for j, nd := range s.Docs {
			ed := eds[j]
			sentOf[j] = make([]int, len(nd.Sentences))
			for k, sp := range nd.Sentences {
				sentOf[j][k] = sort.SearchInts(ed.starts, sp.Start+1) - 1
			}
		}
		label := func(i, line, j, sent int) (bool, bool) {
			a, b := sentOf[i][line], sentOf[j][sent]
			if a < 0 || b < 0 {
				return false, false
			}
			da, db := eds[i], eds[j]
			if !sel[da.name+"#"+strconv.Itoa(da.nums[a])] || !sel[db.name+"#"+strconv.Itoa(db.nums[b])] {
				return false, false
			}
			for e := range da.events[a] {
				if db.events[b][e] {
					return true, true
				}
			}
			return false, true
		}
		ex := brief.CiteExamples(s, label)
		if eval.ECBDevTopic(t) {
			held = append(held, ex...)
		} else {
			train = append(train, ex...)
		}
	}
	balance(train)
	fmt.Fprintf(log, "citetrain: %d training pairs, %d held-out pairs\n", len(train), len(held))
	m := brief.FitCiteModel(train, l2)
	m.Threshold = threshold(w, m, held, prec)
	how := fmt.Sprintf("the least reaching held-out precision %g per (line, source) on the ECB+ dev topics", prec)
	if fixed > 0 {
		m.Threshold = fixed
		how = "chosen on the briefs set, leaving one story out (brief.TestCiteThresholdCV)"
	}
	m.Note = fmt.Sprintf("go run ./brief/citetrain --l2 %g --threshold %g: logistic regression on %d (line, candidate sentence) pairs of the ECB+ train topics (positive: one event instance), balanced; threshold %.3f, %s",
		l2, fixed, len(train), m.Threshold, how)
	fmt.Fprintln(w, m.Note)
	for i, n := range m.Features {
		fmt.Fprintf(w, "  %-14s %8.3f\n", n, m.Weights[i])
	}
	fmt.Fprintf(w, "  %-14s %8.3f\n", "bias", m.Bias)
	return m, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// balance weighs the examples so that the positives and the negatives
// each count 500.
func balance(ex []brief.CiteExample) {
	pos, neg := logreg.Balanced(len(ex), func(k int) bool { return ex[k].Y })
	for i := range ex {
		if ex[i].Y {
			ex[i].W = pos
		} else {
			ex[i].W = neg
		}
	}
}

// sourceScore is one (line, other article) decision: the best
// probability among the article's candidate sentences, and whether one
// of them states the line.
type sourceScore struct {
	p float64
	y bool
}

// bySource folds pair examples into (line, source) decisions.
func bySource(m brief.CiteModel, ex []brief.CiteExample) []sourceScore {
	at := map[string]int{}
	var out []sourceScore
	for _, e := range ex {
		k := e.Group
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, sourceScore{})
		}
		p := m.Prob(e.X[:])
		out[i].p = math.Max(out[i].p, p)
		out[i].y = out[i].y || e.Y
	}
	return out
}

// threshold prints held-out precision and recall per source at a grid
// of thresholds and returns the least that reaches prec.
func threshold(w io.Writer, m brief.CiteModel, held []brief.CiteExample, prec float64) float64 {
	ss := bySource(m, held)
	pos := 0
	for _, s := range ss {
		if s.y {
			pos++
		}
	}
	best := 0.95
	found := false
	for t := 0.30; t < 0.96; t += 0.025 {
		t = math.Round(t*1000) / 1000
		made, right := 0, 0
		for _, s := range ss {
			if s.p >= t {
				made++
				if s.y {
					right++
				}
			}
		}
		p, r := ratio(right, made), ratio(right, pos)
		fmt.Fprintf(w, "threshold %.3f: held-out precision %.4f recall %.4f (%d of %d cited)\n", t, p, r, made, len(ss))
		if !found && made > 0 && p >= prec {
			best, found = t, true
		}
	}
	return best
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// analyse runs the brief's analysis chain over the articles, in order.
func analyse(docs []*ecbDoc) ([]*news.Doc, error) {
	chain, err := analyze.Default()
	if err != nil {
		return nil, fmt.Errorf("citetrain: %w", err)
	}
	arts := make([]news.Article, len(docs))
	for i, d := range docs {
		arts[i] = news.Article{ID: d.name, Text: d.text, Paragraphs: sentence.Paragraphs(d.text)}
	}
	in := func(yield func(*news.Article, error) bool) {
		for i := range arts {
			if !yield(&arts[i], nil) {
				return
			}
		}
	}
	var out []*news.Doc
	for r := range chain.All(context.Background(), in, 0) {
		if r.Err != nil {
			return nil, fmt.Errorf("citetrain: %w", r.Err)
		}
		out = append(out, r.Doc)
	}
	return out, nil
}

// readECB reads an ECB+ article: its tokens (the ecbplus files' sentence
// 0, the page's URL, dropped), joined a sentence a paragraph, and the
// event instances (cross-document ACTION chains) of each sentence.
func readECB(path, topic string, dropFirst bool) (*ecbDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("citetrain: %w", err)
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(path), ".xml")
	ed, err := eval.ReadECBDoc(f, name)
	if err != nil {
		return nil, fmt.Errorf("citetrain: %w", err)
	}
	d := &ecbDoc{name: name, topic: topic}
	var b strings.Builder
	at := map[int]int{} // ECB+ sentence number → index in starts
	prev := -1
	prevText := ""
	for k, text := range ed.Tokens {
		sent := ed.Sents[k]
		if dropFirst && sent == 0 {
			continue
		}
		if sent != prev {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			at[sent] = len(d.starts)
			d.starts = append(d.starts, b.Len())
			d.nums = append(d.nums, sent)
			d.events = append(d.events, map[string]bool{})
			prev = sent
		} else if spaceBefore(prevText, text) {
			b.WriteByte(' ')
		}
		b.WriteString(text)
		prevText = text
	}
	d.text = b.String()
	// the event instances: actions in a cross-document chain
	for _, e := range ed.Events {
		if !strings.HasPrefix(e.Cluster, "ACT") {
			continue
		}
		for _, k := range e.Tokens {
			if s, ok := at[ed.Sents[k]]; ok {
				d.events[s][e.Cluster] = true
			}
		}
	}
	return d, nil
}

// spaceBefore reports whether a space goes between two tokens.
func spaceBefore(prev, tok string) bool {
	switch tok {
	case ",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'", "%", "''", "'re", "'ve", "'ll", "'d", "'m":
		return false
	}
	switch prev {
	case "(", "[", "$", "``":
		return false
	}
	return true
}
