package eval

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/summarize"
)

func init() { suites["summarization"] = runSummarization }

// DefaultSummarizationData is the set the summarization suite reads when
// no --data is given.
const DefaultSummarizationData = "../shared/data/summarization/duc2003"

// DefaultRougeData is where ROUGE's data files are read from when
// Options.Rouge is empty.
const DefaultRougeData = "../shared/data/summarization/rouge"

// summSystems are the systems the suite compares: storyline's summarizer
// and the two baselines.
var summSystems = []struct {
	name   string
	method summarize.Method
}{
	{"storyline", summarize.Coverage},
	{"lexrank", summarize.LexRank},
	{"centroid", summarize.Centroid},
}

// summOutput is what one system made for one cluster.
type summOutput struct {
	lines   []news.SummaryLine
	elapsed time.Duration
}

// runSummarization summarises every cluster of a set with storyline and
// the baselines and scores them with ROUGE-1.5.5's DUC settings
// (-n 4 -m -a -x -c 95 -r 1000 -f A -p 0.5 -t 0, and -l or -b).
func runSummarization(opt Options) (*Report, error) {
	data := opt.Data
	if data == "" {
		data = DefaultSummarizationData
	}
	rougeDir := opt.Rouge
	if rougeDir == "" {
		rougeDir = DefaultRougeData
	}
	clusters, layout, err := ReadSummarization(data)
	if err != nil {
		return nil, err
	}
	words, bytes := opt.Words, opt.Bytes
	limitNote := ""
	if words == 0 && bytes == 0 {
		words = 100
		limitNote = "default for this layout"
		if n := clusters[0].RefWords; n > 0 {
			words = n
			limitNote = "the length the references were written to"
		} else if layout == LayoutMultiNews {
			words = 250
		}
	}
	ropt := DUCRougeOptions(words)
	ropt.Bytes = bytes
	rg, err := NewRouge(rougeDir, ropt)
	if err != nil {
		return nil, err
	}
	sopt := summarize.Options{Words: words, Bytes: bytes, Overflow: true}

	type clusterResult struct {
		prep time.Duration
		out  []summOutput
		nref int
	}
	results := make([]clusterResult, len(clusters))
	var wg sync.WaitGroup
	work := make(chan int)
	var mu sync.Mutex
	done := 0
	for range min(runtime.GOMAXPROCS(0), 2) {
		wg.Go(func() {
			for i := range work {
				c := clusters[i]
				start := time.Now()
				docs, err := summarize.Analyse(c.Docs)
				prep := time.Since(start)
				res := clusterResult{prep: prep, nref: len(c.Refs)}
				for _, sys := range summSystems {
					o := sopt
					o.Method = sys.method
					start := time.Now()
					var lines []news.SummaryLine
					if err == nil {
						lines = summarize.Docs(docs, o)
					}
					res.out = append(res.out, summOutput{lines, time.Since(start) + prep})
				}
				results[i] = res
				mu.Lock()
				done++
				if opt.Progress != nil && (done%10 == 0 || done == len(clusters)) {
					fmt.Fprintf(opt.Progress, "summarization: %d/%d clusters\n", done, len(clusters))
				}
				mu.Unlock()
			}
		})
	}
	for i := range clusters {
		work <- i
	}
	close(work)
	wg.Wait()

	rep := &Report{Suite: "summarization", Data: data}
	var jk []string    // jackknifed figures, for the notes
	var times []string // time per cluster, for the notes
	metricNames := []string{"rouge-1", "rouge-2", "rouge-su4"}
	for k, sys := range summSystems {
		inst := make([][]Instance, 3)
		var jk2, jkSU []Instance
		var total time.Duration
		for i, c := range clusters {
			var models []*RougeText
			for _, r := range c.Refs {
				models = append(models, rg.Prepare(r))
			}
			var peerLines []string
			for _, l := range results[i].out[k].lines {
				peerLines = append(peerLines, l.Text)
			}
			peer := rg.Prepare(peerLines)
			inst[0] = append(inst[0], Instance{c.ID, rg.N(1, peer, models)})
			inst[1] = append(inst[1], Instance{c.ID, rg.N(2, peer, models)})
			inst[2] = append(inst[2], Instance{c.ID, rg.S(peer, models)})
			if len(models) >= 2 {
				jk2 = append(jk2, Instance{c.ID, rg.Jackknife(func(p *RougeText, ms []*RougeText) Score { return rg.N(2, p, ms) }, peer, models)})
				jkSU = append(jkSU, Instance{c.ID, rg.Jackknife(rg.S, peer, models)})
			}
			total += results[i].out[k].elapsed
		}
		avgs := make([]Average, 3)
		for m := range 3 {
			avgs[m] = rg.Average(inst[m])
		}
		for m, name := range metricNames {
			a := avgs[m]
			rep.AddCI(sys.name, name+"_recall", a.Mean.R, a.Low.R, a.High.R)
		}
		for m, name := range metricNames {
			a := avgs[m]
			rep.AddCI(sys.name, name+"_f", a.Mean.F, a.Low.F, a.High.F)
		}
		if total > 0 {
			rep.Add(sys.name, "clusters_per_second", float64(len(clusters))/total.Seconds())
			times = append(times, fmt.Sprintf("%s %.1f ms", sys.name, total.Seconds()*1000/float64(len(clusters))))
		}
		if len(jk2) == len(clusters) {
			jk = append(jk, fmt.Sprintf("%s R-2 %.2f R-SU4 %.2f", sys.name,
				100*rg.Average(jk2).Mean.R, 100*rg.Average(jkSU).Mean.R))
		}
	}
	ndocs, nrefs := 0, 0
	for _, c := range clusters {
		ndocs += len(c.Docs)
		nrefs += len(c.Refs)
	}
	limit := fmt.Sprintf("-l %d", words)
	if bytes > 0 {
		limit = fmt.Sprintf("-b %d", bytes)
	}
	rep.Notes = append(rep.Notes,
		fmt.Sprintf("%d clusters (%s layout), %d documents, %d references", len(clusters), layout, ndocs, nrefs),
		fmt.Sprintf("ROUGE-1.5.5 -n 4 -m -a %s -x -c 95 -r 1000 -f A -p 0.5 -t 0 (reimplemented in Go; data from %s)", limit, filepath.Clean(rougeDir)),
	)
	if limitNote != "" {
		rep.Notes = append(rep.Notes, fmt.Sprintf("length limit %d words: %s (set --words or --bytes to change)", words, limitNote))
	}
	if len(jk) > 0 {
		rep.Notes = append(rep.Notes, "recall jackknifed over the references, as NIST scored DUC 2005-2007: "+strings.Join(jk, "; "))
	}
	rep.Notes = append(rep.Notes,
		"time per cluster (segmentation plus summarization, one core per cluster): "+strings.Join(times, ", "),
		"published on DUC 2004 (R-1/R-2 recall, -l 100): LexRank 36.0/7.5, Centroid 36.4/8.0, submodular 39.2/9.4, ICSISumm 38.4/9.8, DPP 39.8/9.6",
	)
	return rep, nil
}
