package eval

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["quotes"] = runQuotes }

// defaultQuotesData is where the quotes suite finds PolNeAR's dev split.
const defaultQuotesData = "../shared/data/quotes/polnear/dev"

// runQuotes measures quote attribution against PolNeAR: for sources, cues,
// contents and whole attributions, precision, recall and F1 with exact
// and overlap matching. The articles go through the whole analysis chain.
func runQuotes(opt Options) (*Report, error) {
	dir := opt.Data
	if dir == "" {
		dir = defaultQuotesData
	}
	docs, err := ReadPolNeAR(dir)
	if err != nil {
		return nil, err
	}
	chain, err := analyze.Default()
	if err != nil {
		return nil, fmt.Errorf("eval: quotes: %w", err)
	}
	// human scores the other annotators of the articles several
	// annotated against the first; subset scores storyline on those
	// articles, to compare with.
	var sys, base, human, subset quoteScore
	multi := 0
	start := time.Now()
	nGold, nPred := 0, 0
	for i, gd := range docs {
		a := &news.Article{ID: gd.Name, Text: gd.Text, Paragraphs: Paragraphs(gd.Text)}
		d, err := chain.Doc(a)
		if err != nil {
			return nil, fmt.Errorf("eval: quotes: %w", err)
		}
		pred := QuoteAttributions(d.Quotes)
		sys.add(gd.Text, gd.Attributions, pred)
		base.add(gd.Text, gd.Attributions, quoteMarkBaseline(gd.Text))
		if len(gd.Others) > 0 {
			multi++
			subset.add(gd.Text, gd.Attributions, pred)
			for _, o := range gd.Others {
				human.add(gd.Text, gd.Attributions, o)
			}
		}
		nGold += len(gd.Attributions)
		nPred += len(pred)
		if opt.Progress != nil && (i+1)%20 == 0 {
			fmt.Fprintf(opt.Progress, "quotes: %d/%d articles\n", i+1, len(docs))
		}
	}
	secs := time.Since(start).Seconds()
	r := &Report{Suite: "quotes", Data: dir}
	sys.report(r, "storyline", true)
	base.report(r, "quotemarks", false)
	if multi > 0 {
		human.report(r, "annotators", true)
		subset.report(r, "storyline_subset", true)
	}
	if secs > 0 {
		r.Add("storyline", "articles_per_second", float64(len(docs))/secs)
	}
	r.Notes = append(r.Notes,
		fmt.Sprintf("%d articles, %d gold attributions, %d found.", len(docs), nGold, nPred),
		"exact: the same non-space characters; overlap: at least one shared, matched one to one.",
		"attribution_overlap: content, cue and source (or both without one) all overlap.",
		"quotemarks: every quotation of three words or more as a content, nothing else.")
	if multi > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("annotators: on the %d articles several annotated, each other annotator scored against the first (the gold); storyline_subset: storyline on the same articles.", multi))
	}
	return r, nil
}

// Paragraphs returns the spans of the blocks of text separated by blank
// lines.
func Paragraphs(text string) []news.Span {
	var out []news.Span
	start := -1
	lineStart := 0
	flush := func(end int) {
		if start >= 0 {
			out = append(out, news.Span{Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		line := text[lineStart:i]
		blank := true
		for _, c := range line {
			if c != ' ' && c != '\t' && c != '\r' && c != '\u00a0' {
				blank = false
				break
			}
		}
		if blank {
			flush(lineStart)
		} else if start < 0 {
			start = lineStart
		}
		lineStart = i + 1
	}
	if start >= 0 {
		end := len(text)
		for end > start && (text[end-1] == '\n' || text[end-1] == '\r') {
			end--
		}
		out = append(out, news.Span{Start: start, End: end})
	}
	// Trim trailing newlines of each block.
	for i := range out {
		for out[i].End > out[i].Start && (text[out[i].End-1] == '\n' || text[out[i].End-1] == '\r') {
			out[i].End--
		}
	}
	return out
}

// QuoteAttributions groups a doc's quotes into attributions: the pieces
// of one quotation split around its cue, or continued over sentences,
// share a cue and make one attribution. A quote relayed through another
// source ("…,” Sanders said, according to CNN.) makes a second
// attribution, as PolNeAR annotates it: the relay is its source, and the
// whole report (content, cue and speaker) its content.
func QuoteAttributions(qs []news.Quote) []Attribution {
	var out []Attribution
	index := map[[4]int]int{}
	relays := map[[2]int]int{}
	for _, q := range qs {
		if !q.ViaSource.IsZero() && !q.ViaCue.IsZero() {
			k := [2]int{q.ViaCue.Start, q.ViaSource.Start}
			i, ok := relays[k]
			if !ok {
				i = len(out)
				relays[k] = i
				out = append(out, Attribution{Source: []news.Span{q.ViaSource}, Cue: []news.Span{q.ViaCue}})
			}
			for _, sp := range []news.Span{q.Content, q.Cue, q.Source} {
				if !sp.IsZero() && !slices.Contains(out[i].Content, sp) {
					out[i].Content = append(out[i].Content, sp)
				}
			}
		}
		k := [4]int{q.Cue.Start, q.Cue.End, q.Source.Start, q.Source.End}
		i, ok := index[k]
		if !ok || q.Cue.IsZero() {
			i = len(out)
			index[k] = i
			a := Attribution{}
			if !q.Cue.IsZero() {
				a.Cue = []news.Span{q.Cue}
			}
			if !q.Source.IsZero() {
				a.Source = []news.Span{q.Source}
			}
			out = append(out, a)
		}
		if !q.Content.IsZero() {
			out[i].Content = append(out[i].Content, q.Content)
		}
	}
	return out
}

var quoteMarks = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[“"][^“”"\n]+[”"]`) })

var wordRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\S+`) })

// quoteMarkBaseline takes every quotation of three words or more as the
// content of an attribution.
func quoteMarkBaseline(text string) []Attribution {
	var out []Attribution
	for _, m := range quoteMarks().FindAllStringIndex(text, -1) {
		if len(wordRe().FindAllString(text[m[0]:m[1]], 4)) < 3 {
			continue
		}
		out = append(out, Attribution{Content: []news.Span{{Start: m[0], End: m[1]}}})
	}
	return out
}

// quotePRF counts matches of one kind.
type quotePRF struct{ match, pred, gold int }

func (c quotePRF) p() float64 { return ratio(c.match, c.pred) }
func (c quotePRF) r() float64 { return ratio(c.match, c.gold) }
func (c quotePRF) f() float64 { return f1(c.p(), c.r()) }

// quoteScore accumulates the counts of the quotes suite.
type quoteScore struct {
	// parts are content, source, cue; each exact and overlap.
	exact, overlap [3]quotePRF
	attr           quotePRF
}

var partNames = [3]string{"content", "source", "cue"}

func part(a Attribution, i int) []news.Span {
	switch i {
	case 0:
		return a.Content
	case 1:
		return a.Source
	}
	return a.Cue
}

// add scores the attributions of one text.
func (s *quoteScore) add(text string, gold, pred []Attribution) {
	for i := 0; i < 3; i++ {
		var g, p [][]news.Span
		for _, a := range gold {
			if sp := part(a, i); len(sp) > 0 && chars(text, sp) > 0 {
				g = append(g, sp)
			}
		}
		for _, a := range pred {
			if sp := part(a, i); len(sp) > 0 && chars(text, sp) > 0 {
				p = append(p, sp)
			}
		}
		s.exact[i].gold += len(g)
		s.exact[i].pred += len(p)
		s.overlap[i].gold += len(g)
		s.overlap[i].pred += len(p)
		s.exact[i].match += matchOneToOne(len(p), len(g), func(a, b int) int {
			o := shared(text, p[a], g[b])
			if o > 0 && o == chars(text, p[a]) && o == chars(text, g[b]) {
				return o
			}
			return 0
		})
		s.overlap[i].match += matchOneToOne(len(p), len(g), func(a, b int) int { return shared(text, p[a], g[b]) })
	}
	s.attr.gold += len(gold)
	s.attr.pred += len(pred)
	s.attr.match += matchOneToOne(len(pred), len(gold), func(a, b int) int {
		pa, ga := pred[a], gold[b]
		c := shared(text, pa.Content, ga.Content)
		if c == 0 || shared(text, pa.Cue, ga.Cue) == 0 {
			return 0
		}
		if len(ga.Source) > 0 || len(pa.Source) > 0 {
			if shared(text, pa.Source, ga.Source) == 0 {
				return 0
			}
		}
		return c
	})
}

// report adds the rows of one system.
func (s *quoteScore) report(r *Report, system string, all bool) {
	for i, name := range partNames {
		if !all && i > 0 {
			break
		}
		for _, m := range []struct {
			kind string
			c    quotePRF
		}{{"exact", s.exact[i]}, {"overlap", s.overlap[i]}} {
			r.Add(system, name+"_"+m.kind+"_f1", m.c.f())
			r.Add(system, name+"_"+m.kind+"_precision", m.c.p())
			r.Add(system, name+"_"+m.kind+"_recall", m.c.r())
		}
	}
	if all {
		r.Add(system, "attribution_overlap_f1", s.attr.f())
		r.Add(system, "attribution_overlap_precision", s.attr.p())
		r.Add(system, "attribution_overlap_recall", s.attr.r())
	}
}

// chars counts the non-space bytes the spans cover.
func chars(text string, sp []news.Span) int {
	return unionChars(text, sp)
}

// shared counts the non-space bytes that both sets of spans cover.
func shared(text string, a, b []news.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			for i := max(lo, 0); i < hi && i < len(text); i++ {
				if c := text[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					n++
				}
			}
		}
	}
	return n
}

// unionChars counts the non-space bytes covered by any of the spans.
func unionChars(text string, sp []news.Span) int {
	s := append([]news.Span(nil), sp...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	n, reach := 0, 0
	for _, x := range s {
		for i := max(x.Start, reach, 0); i < x.End && i < len(text); i++ {
			if c := text[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				n++
			}
		}
		reach = max(reach, x.End)
	}
	return n
}

// matchOneToOne pairs predicted and gold items greedily by weight, each
// used once, and returns the number of pairs.
func matchOneToOne(np, ng int, weight func(p, g int) int) int {
	type pair struct{ p, g, w int }
	var pairs []pair
	for i := 0; i < np; i++ {
		for j := 0; j < ng; j++ {
			if w := weight(i, j); w > 0 {
				pairs = append(pairs, pair{i, j, w})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].w > pairs[j].w })
	usedP, usedG := map[int]bool{}, map[int]bool{}
	n := 0
	for _, x := range pairs {
		if usedP[x.p] || usedG[x.g] {
			continue
		}
		usedP[x.p], usedG[x.g] = true, true
		n++
	}
	return n
}

// QuoteScore accumulates the quote suite's counts over texts, for tools
// that score attributions outside the suite (the cue model's tuning).
type QuoteScore struct{ s quoteScore }

// Add scores the attributions found in one text against the gold ones.
func (q *QuoteScore) Add(text string, gold, pred []Attribution) { q.s.add(text, gold, pred) }

// OverlapF1 returns the overlap F1 of a part: "content", "source" or
// "cue"; any other name gives that of whole attributions.
func (q *QuoteScore) OverlapF1(part string) float64 {
	for i, name := range partNames {
		if name == part {
			return q.s.overlap[i].f()
		}
	}
	return q.s.attr.f()
}

// OverlapPR returns the overlap precision and recall of a part, as
// OverlapF1 names them.
func (q *QuoteScore) OverlapPR(part string) (p, r float64) {
	for i, name := range partNames {
		if name == part {
			return q.s.overlap[i].p(), q.s.overlap[i].r()
		}
	}
	return q.s.attr.p(), q.s.attr.r()
}
