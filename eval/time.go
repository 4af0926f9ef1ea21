package eval

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

func init() { suites["time"] = runTime }

// defaultTimeData is the TempEval-3 training data (TimeBank and AQUAINT).
const defaultTimeData = "../shared/data/time/tbaq"

// TimexScore counts the matches of system time expressions against gold
// ones, in TempEval-3's terms.
type TimexScore struct {
	Gold, System int
	// Strict counts exact span matches; RelaxedGold and RelaxedSystem
	// count gold and system expressions that overlap one of the other side.
	Strict, RelaxedGold, RelaxedSystem int
	// Pairs are the one-to-one overlapping pairs attributes are judged on;
	// TypeOK and ValueOK count those whose type and value agree.
	Pairs, TypeOK, ValueOK int
}

// Add adds the counts of o.
func (s *TimexScore) Add(o TimexScore) {
	s.Gold += o.Gold
	s.System += o.System
	s.Strict += o.Strict
	s.RelaxedGold += o.RelaxedGold
	s.RelaxedSystem += o.RelaxedSystem
	s.Pairs += o.Pairs
	s.TypeOK += o.TypeOK
	s.ValueOK += o.ValueOK
}

// StrictF1 is the F1 of exact span matches.
func (s TimexScore) StrictF1() float64 {
	return f1(ratio(s.Strict, s.System), ratio(s.Strict, s.Gold))
}

// RelaxedF1 is the F1 of overlapping span matches.
func (s TimexScore) RelaxedF1() float64 {
	return f1(ratio(s.RelaxedSystem, s.System), ratio(s.RelaxedGold, s.Gold))
}

// TypeAccuracy is the share of matched pairs whose type agrees.
func (s TimexScore) TypeAccuracy() float64 { return ratio(s.TypeOK, s.Pairs) }

// ValueAccuracy is the share of matched pairs whose value agrees.
func (s TimexScore) ValueAccuracy() float64 { return ratio(s.ValueOK, s.Pairs) }

// ValueF1 is TempEval-3's attribute F1 for the value: relaxed F1 times
// value accuracy.
func (s TimexScore) ValueF1() float64 { return s.RelaxedF1() * s.ValueAccuracy() }

// ScoreTimexes compares system expressions with gold ones in one document.
func ScoreTimexes(gold []TimeMLTimex, sys []news.Timex) TimexScore {
	sc := TimexScore{Gold: len(gold), System: len(sys)}
	sysHit := make([]bool, len(sys))
	used := make([]bool, len(sys))
	for _, g := range gold {
		gs := news.Span{Start: g.Start, End: g.End}
		hit, pair := false, -1
		for k, t := range sys {
			if !t.Span.Overlaps(gs) {
				continue
			}
			hit = true
			sysHit[k] = true
			if t.Start == g.Start && t.End == g.End {
				sc.Strict++
			}
			if pair < 0 && !used[k] {
				pair = k
			}
		}
		if hit {
			sc.RelaxedGold++
		}
		if pair >= 0 {
			used[pair] = true
			sc.Pairs++
			if sys[pair].Type == g.Type {
				sc.TypeOK++
			}
			if sys[pair].Value == g.Value {
				sc.ValueOK++
			}
		}
	}
	for _, h := range sysHit {
		if h {
			sc.RelaxedSystem++
		}
	}
	return sc
}

// TimeMLFiles lists the TimeML (.tml) and MEANTIME (.xml) files under path
// (a file or folder), sorted.
func TimeMLFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("eval: time data: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".tml") || strings.HasSuffix(p, ".xml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval: time data: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

// TimeMLNewsDoc builds a segmented news.Doc from a TimeML document, ready
// for timex.Tag.
func TimeMLNewsDoc(t *TimeMLDoc) (*news.Doc, error) {
	d := &news.Doc{Article: news.Article{ID: t.ID, Text: t.Text, StatedDate: t.DCT}}
	if err := analyze.Segment.Apply(d); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", t.ID, err)
	}
	return d, nil
}

// readTimeDoc parses a TimeML or MEANTIME file; the span is where a
// MEANTIME document writes its creation time.
func readTimeDoc(name string, b []byte) (*TimeMLDoc, news.Span, error) {
	if strings.HasSuffix(name, ".xml") {
		return ParseMeantime(string(b))
	}
	t, err := ParseTimeML(string(b))
	return t, news.Span{}, err
}

// dropSpan leaves out the expressions that overlap sp (the creation time
// written in a MEANTIME text, which TimeML does not count).
func dropSpan(xs []news.Timex, sp news.Span) []news.Timex {
	if sp.IsZero() {
		return xs
	}
	out := xs[:0:0]
	for _, x := range xs {
		if !x.Span.Overlaps(sp) {
			out = append(out, x)
		}
	}
	return out
}

func runTime(opt Options) (*Report, error) {
	if opt.Data == "" {
		opt.Data = defaultTimeData
	}
	files, err := TimeMLFiles(opt.Data)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval: time data: no .tml files under %s", opt.Data)
	}
	// The baseline tags the same text without the document's date, so
	// relative expressions stay unresolved: it shows what anchoring adds.
	var total, noDCT TimexScore
	var tagTime time.Duration
	sentences, docs, bad := 0, 0, 0
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: time data: %w", err)
		}
		t, dctSpan, err := readTimeDoc(f, b)
		if err != nil {
			bad++
			if opt.Progress != nil {
				fmt.Fprintf(opt.Progress, "eval: %s: %v\n", f, err)
			}
			continue
		}
		if seen[t.ID] && t.ID != "" {
			continue // MEANTIME holds each document twice
		}
		seen[t.ID] = true
		d, err := TimeMLNewsDoc(t)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		timex.Tag(d, t.DCT)
		tagTime += time.Since(start)
		sentences += len(d.Sentences)
		docs++
		total.Add(ScoreTimexes(t.Timexes, dropSpan(d.Timexes, dctSpan)))
		timex.Tag(d, time.Time{})
		noDCT.Add(ScoreTimexes(t.Timexes, dropSpan(d.Timexes, dctSpan)))
	}
	r := &Report{Suite: "time", Data: opt.Data}
	r.Add("storyline", "strict_f1", total.StrictF1())
	r.Add("storyline", "relaxed_f1", total.RelaxedF1())
	r.Add("storyline", "type_accuracy", total.TypeAccuracy())
	r.Add("storyline", "value_accuracy", total.ValueAccuracy())
	r.Add("storyline", "value_f1", total.ValueF1())
	if tagTime > 0 {
		r.Add("storyline", "sentences_per_second", float64(sentences)/tagTime.Seconds())
	}
	r.Add("no-dct", "strict_f1", noDCT.StrictF1())
	r.Add("no-dct", "relaxed_f1", noDCT.RelaxedF1())
	r.Add("no-dct", "type_accuracy", noDCT.TypeAccuracy())
	r.Add("no-dct", "value_accuracy", noDCT.ValueAccuracy())
	r.Add("no-dct", "value_f1", noDCT.ValueF1())
	r.Notes = append(r.Notes,
		fmt.Sprintf("%d documents (%d unreadable), %d sentences, %d gold and %d system time expressions; DCT from each document.", docs, bad, sentences, total.Gold, total.System),
		"no-dct: the same tagger without the document's date (relative expressions unresolved).",
		"TempEval-3 scoring: relaxed = any overlap; type and value accuracy over one-to-one overlapping pairs; value_f1 = relaxed_f1 x value_accuracy.",
		"Reference (TempEval-3 platinum test set): HeidelTime strict 81.3, relaxed 90.3, value F1 77.6; SUTime value F1 67.4.",
	)
	return r, nil
}
