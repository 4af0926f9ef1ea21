// Package eval measures storyline against gold data. It holds the metrics
// and a reader for each set in ../shared/data, and prints every suite as
// one table (or as JSON in the shape of Report):
//
//   - sentences: sentence boundary and token F1 on MEANTIME;
//   - entities: CoNLL-2003 exact-span NER precision, recall and F1, with
//     prose's tagger as a baseline;
//   - coreference: MUC, B³, CEAFe and CoNLL F1 of entity merging on ECB+,
//     with a same-head baseline;
//   - time: TempEval-3 span F1 and TIMEX3 type and value accuracy and F1;
//   - quotes: PolNeAR attribution F1 (content, cue, source), exact and
//     overlapping;
//   - summarization: ROUGE-1.5.5 reimplemented in Go (ROUGE-N, L, SU4,
//     stemming, stopwords, length limits, jackknifing, bootstrap
//     intervals) on DUC, TAC MultiLing and Multi-News, with LexRank and
//     centroid baselines;
//   - briefs: whole briefs of real multi-outlet stories against gold
//     briefs (dates, citations, timeline, disagreements, speakers,
//     people, leaks, copies), per story and in total.
package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// ErrUnknownSuite is returned by Run for a suite name it does not know.
var ErrUnknownSuite = errors.New("eval: unknown suite")

// Row is one measured figure: a metric of a system. Scores are fractions
// in 0..1; speeds are per second.
type Row struct {
	System string  `json:"system"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	// Low and High bound a confidence interval, when one was computed.
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
}

// Report is the result of one suite: the shape shared by every suite's
// --format json output.
type Report struct {
	Suite string `json:"suite"`
	Data  string `json:"data"`
	Rows  []Row  `json:"rows"`
	// Notes are lines printed under the table (counts, caveats).
	Notes []string `json:"notes,omitempty"`
}

// Add appends a row.
func (r *Report) Add(system, metric string, value float64) {
	r.Rows = append(r.Rows, Row{System: system, Metric: metric, Value: value})
}

// AddCI appends a row with a confidence interval.
func (r *Report) AddCI(system, metric string, value, low, high float64) {
	r.Rows = append(r.Rows, Row{System: system, Metric: metric, Value: value, Low: &low, High: &high})
}

// Value returns the value of a system's metric and whether it is present.
func (r *Report) Value(system, metric string) (float64, bool) {
	for _, row := range r.Rows {
		if row.System == system && row.Metric == metric {
			return row.Value, true
		}
	}
	return 0, false
}

// WriteJSON writes the report in its documented JSON shape.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report as a table: one line per metric, one
// column per system, scores as percentages.
func (r *Report) WriteTable(w io.Writer) error {
	var systems, metrics []string
	seenS, seenM := map[string]bool{}, map[string]bool{}
	cell := map[[2]string]Row{}
	for _, row := range r.Rows {
		if !seenS[row.System] {
			seenS[row.System] = true
			systems = append(systems, row.System)
		}
		if !seenM[row.Metric] {
			seenM[row.Metric] = true
			metrics = append(metrics, row.Metric)
		}
		cell[[2]string{row.System, row.Metric}] = row
	}
	fmt.Fprintf(w, "suite %s on %s\n\n", r.Suite, r.Data)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "metric\t%s\n", strings.Join(systems, "\t"))
	for _, m := range metrics {
		cells := []string{m}
		for _, s := range systems {
			row, ok := cell[[2]string{s, m}]
			if !ok {
				cells = append(cells, "-")
				continue
			}
			cells = append(cells, formatValue(row))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range r.Notes {
			fmt.Fprintln(w, n)
		}
	}
	return nil
}

// isSpeed reports whether a metric is a rate rather than a score.
func isSpeed(metric string) bool {
	return strings.Contains(metric, "_per_second") || strings.HasSuffix(metric, "_seconds")
}

func formatValue(row Row) string {
	m := row.Metric
	switch {
	case strings.Contains(m, "_seconds_"): // a time at a size: brief_seconds_100
		return fmt.Sprintf("%.3f", row.Value)
	case isSpeed(m) || strings.HasSuffix(m, "_ms") || strings.Contains(m, "_ms_"):
		return fmt.Sprintf("%.1f", row.Value)
	case strings.HasSuffix(m, "_count") || strings.HasSuffix(m, "_bytes"):
		return fmt.Sprintf("%.0f", row.Value)
	}
	s := fmt.Sprintf("%.2f", 100*row.Value)
	if row.Low != nil && row.High != nil {
		s += fmt.Sprintf(" [%.2f-%.2f]", 100**row.Low, 100**row.High)
	}
	return s
}

// Options configure a suite run.
type Options struct {
	// Data is the file or folder of gold data.
	Data string
	// Words and Bytes limit summaries (summarization suite).
	Words int
	Bytes int
	// Rouge is the folder of ROUGE's data files (WordNet exception lists
	// and stopwords).
	Rouge string
	// Progress, when set, receives progress lines.
	Progress io.Writer
}

// A suite runs one evaluation.
type suite func(Options) (*Report, error)

// suites lists the evaluations by name. Each is defined in a file of its own.
var suites = map[string]suite{}

// Suites returns the names of the known suites, sorted.
func Suites() []string {
	var names []string
	for n := range suites {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Run runs the named suite.
func Run(name string, opt Options) (*Report, error) {
	s, ok := suites[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSuite, name, strings.Join(Suites(), ", "))
	}
	return s(opt)
}

// ratio is a/b, or 0 when b is 0: a precision or a recall from counts.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// f1 is the harmonic mean of a precision and a recall, or 0 when both
// are 0.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
