package eval

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
)

// rougeSharedData returns ../shared/data/<rel> relative to the module
// root, skipping the test when it is missing.
func rougeSharedData(tb testing.TB, rel string) string {
	tb.Helper()
	return testutil.Data(tb, rel)
}

// nistLine is one figure of NIST's ROUGE output.
type nistFigure struct{ r, p, f float64 }

// readNISTOutput reads rougejk.m.out: per-eval figures keyed by
// "METRIC EVAL.PEER" and averages keyed by "METRIC PEER".
func readNISTOutput(t *testing.T, path string) (perEval map[string]nistFigure, avg map[string][3]nistFigure) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	perEval = map[string]nistFigure{}
	avg = map[string][3]nistFigure{} // mean, low, high
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad number %q", s)
		}
		return v
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fl := strings.Fields(sc.Text())
		switch {
		case len(fl) == 7 && fl[2] == "Eval":
			perEval[fl[1]+" "+fl[3]] = nistFigure{num(fl[4][2:]), num(fl[5][2:]), num(fl[6][2:])}
		case len(fl) == 8 && strings.HasPrefix(fl[2], "Average_"):
			key := fl[1] + " " + fl[0]
			a := avg[key]
			mean, lo, hi := num(fl[3]), num(fl[5]), num(strings.TrimSuffix(fl[7], ")"))
			switch fl[2] {
			case "Average_R:":
				a[0].r, a[1].r, a[2].r = mean, lo, hi
			case "Average_P:":
				a[0].p, a[1].p, a[2].p = mean, lo, hi
			case "Average_F:":
				a[0].f, a[1].f, a[2].f = mean, lo, hi
			}
			avg[key] = a
		}
	}
	return perEval, avg
}

// jackknifeEvals reads NIST's jackknifing configuration, rougejk.in,
// from base.
func jackknifeEvals(t *testing.T, base string) []RougeEval {
	t.Helper()
	cf, err := os.Open(filepath.Join(base, "rougejk.in"))
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	evals, err := ReadRougeConfig(cf)
	if err != nil {
		t.Fatal(err)
	}
	if len(evals) == 0 {
		t.Fatal("no evaluations in rougejk.in")
	}
	return evals
}

// TestRougeReproducesNIST runs ROUGE over every DUC 2006 peer and model
// summary with NIST's configuration and options (-n 4 -w 1.2 -m -2 4 -u
// -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d, jackknifed by the configuration
// file) and checks every per-summary and average ROUGE-1, ROUGE-2,
// ROUGE-SU4 and ROUGE-L figure against NIST's printed output.
func TestRougeReproducesNIST(t *testing.T) {
	base := rougeSharedData(t, "summarization/duc2006/rouge")
	rougeDir := rougeSharedData(t, "summarization/rouge")
	evals := jackknifeEvals(t, base)
	opt := RougeOptions{N: 2, Stem: true, LCS: true, Skip: true, SkipDistance: 4, SkipUnigrams: true,
		Alpha: 0.5, Confidence: 95, Samples: 1000}
	rg, err := NewRouge(rougeDir, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Prepare every file once.
	texts := map[string]*RougeText{}
	var mu sync.Mutex
	prep := func(dir, name string) *RougeText {
		path := filepath.Join(base, dir, name)
		mu.Lock()
		tx, ok := texts[path]
		mu.Unlock()
		if ok {
			return tx
		}
		lines, err := ReadSPL(path)
		if err != nil {
			t.Error(err)
			return rg.Prepare(nil)
		}
		tx = rg.Prepare(lines)
		mu.Lock()
		texts[path] = tx
		mu.Unlock()
		return tx
	}
	metrics := []string{"ROUGE-1", "ROUGE-2", "ROUGE-SU4", "ROUGE-L"}
	type result struct {
		peer string
		inst [4]Instance
	}
	results := make([][]result, len(evals))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				ev := evals[i]
				var models []*RougeText
				for _, m := range ev.Models {
					models = append(models, prep("models", m.File))
				}
				for _, p := range ev.Peers {
					peer := prep("peers", p.File)
					id := ev.ID + "." + p.ID
					results[i] = append(results[i], result{p.ID, [4]Instance{
						{id, rg.N(1, peer, models)}, {id, rg.N(2, peer, models)},
						{id, rg.S(peer, models)}, {id, rg.L(peer, models)}}})
				}
			}
		})
	}
	for i := range evals {
		work <- i
	}
	close(work)
	wg.Wait()

	perEval, avg := readNISTOutput(t, filepath.Join(base, "rougejk.m.out"))
	byPeer := map[string][4][]Instance{}
	checked, bad := 0, 0
	same := func(a, b float64) bool { return math.Abs(a-b) < 5e-7 }
	for _, rs := range results {
		for _, r := range rs {
			lists := byPeer[r.peer]
			for k, m := range metrics {
				lists[k] = append(lists[k], r.inst[k])
				want, ok := perEval[m+" "+r.inst[k].ID]
				if !ok {
					t.Errorf("%s %s: not in NIST's output", m, r.inst[k].ID)
					continue
				}
				got := r.inst[k].Score
				checked++
				if !same(got.R, want.r) || !same(got.P, want.p) || !same(got.F, want.f) {
					bad++
					if bad <= 20 {
						t.Errorf("%s %s: got R:%.5f P:%.5f F:%.5f, NIST R:%.5f P:%.5f F:%.5f", m, r.inst[k].ID,
							got.R, got.P, got.F, want.r, want.p, want.f)
					}
				}
			}
			byPeer[r.peer] = lists
		}
	}
	if checked != len(perEval)/7*4 {
		t.Errorf("checked %d per-summary figures, NIST printed %d for these metrics", checked, len(perEval)/7*4)
	}
	avgBad := 0
	for peer, lists := range byPeer {
		for k, m := range metrics {
			want, ok := avg[m+" "+peer]
			if !ok {
				t.Errorf("%s %s: no average in NIST's output", m, peer)
				continue
			}
			a := rg.Average(lists[k])
			got := [3]Score{a.Mean, a.Low, a.High}
			for j := range 3 {
				if !same(got[j].R, want[j].r) || !same(got[j].P, want[j].p) || !same(got[j].F, want[j].f) {
					avgBad++
					if avgBad <= 20 {
						t.Errorf("%s peer %s: figure %d got %+v, NIST %+v", m, peer, j, got[j], want[j])
					}
				}
			}
		}
	}
	t.Logf("%d per-summary figures and %d peers' averages with confidence intervals checked; %d and %d differ",
		checked, len(byPeer), bad, avgBad)
	if bad > 0 || avgBad > 0 {
		t.Error(fmt.Sprintf("%d per-summary and %d average figures differ from NIST's", bad, avgBad))
	}
}

// TestRougeJackknifeMatchesNIST checks Jackknife against NIST's DUC 2006
// run, which wrote one evaluation per left-out model: for every system
// summary, the jackknifed ROUGE-2 over the topic's four models is the
// mean of NIST's four per-evaluation figures.
func TestRougeJackknifeMatchesNIST(t *testing.T) {
	base := rougeSharedData(t, "summarization/duc2006/rouge")
	rg, err := NewRouge(rougeSharedData(t, "summarization/rouge"), RougeOptions{N: 2, Stem: true, Alpha: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	evals := jackknifeEvals(t, base)
	perEval, _ := readNISTOutput(t, filepath.Join(base, "rougejk.m.out"))
	type group struct {
		models map[string]string // model ID → file
		evals  []string
		peers  map[string]string // system peer ID → file
	}
	groups := map[string]*group{}
	var order []string
	for _, ev := range evals {
		topic, _, _ := strings.Cut(ev.ID, "-")
		g := groups[topic]
		if g == nil {
			g = &group{models: map[string]string{}, peers: map[string]string{}}
			groups[topic] = g
			order = append(order, topic)
		}
		g.evals = append(g.evals, ev.ID)
		for _, m := range ev.Models {
			g.models[m.ID] = m.File
		}
		for _, p := range ev.Peers {
			if _, err := strconv.Atoi(p.ID); err == nil {
				g.peers[p.ID] = p.File
			}
		}
	}
	prep := func(dir, name string) *RougeText {
		lines, err := ReadSPL(filepath.Join(base, dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return rg.Prepare(lines)
	}
	bigrams := func(p *RougeText, ms []*RougeText) Score { return rg.N(2, p, ms) }
	checked := 0
	for _, topic := range order[:10] {
		g := groups[topic]
		var models []*RougeText
		for _, f := range g.models {
			models = append(models, prep("models", f))
		}
		for id, f := range g.peers {
			got := rg.Jackknife(bigrams, prep("peers", f), models)
			var want float64
			for _, e := range g.evals {
				want += perEval["ROUGE-2 "+e+"."+id].r
			}
			want /= float64(len(g.evals))
			if math.Abs(got.R-want) > 1e-9 {
				t.Errorf("%s peer %s: jackknifed R-2 %.6f, NIST's mean %.6f", topic, id, got.R, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}
