// Command train trains the cue model that package quote embeds, on
// PolNeAR's training split:
//
//	go run ./quote/train --data ../shared/data/quotes/polnear/train --out quote/cues.model.gz
//
// The shipped quote/cues.model.gz is not a fresh training: it is the
// model this command wrote as text (feature names and weights) at commit
// 088c216, shipped until 85bc9b4, converted to the current file, its
// features keyed by hash and its weights quantised to 16 bits. Both
// steps are deterministic and give the shipped bytes again:
//
//	data=$PWD/../shared/data/quotes/polnear/train
//	mkdir /tmp/cues-088 && git archive 088c216 | tar -x -C /tmp/cues-088
//	(cd /tmp/cues-088 && go run ./quote/train --data $data --out /tmp/cues-text.model.gz)
//	go run ./quote/train --convert /tmp/cues-text.model.gz --out quote/cues.model.gz
//
// (the text model is also at git show 85bc9b4:quote/cues.model.gz).
//
// Training afresh now is deterministic too (two runs write the same
// bytes, about 40 CPU seconds) but does not give that model, and it
// scores lower on PolNeAR dev: content_exact_f1 52.93 against 53.16,
// content_exact_recall 49.45 against 49.73, source_overlap_f1 79.88
// against 80.08, source_overlap_recall 75.51 against 75.80. Measured at
// c4d7c0a, the features differ from those of 088c216 on 2% of the
// training words: the tokens are the segment stage's (a clitic kept with
// its word, "10,000" one token; 2,167 fewer words of 623,318), the
// sentences are sentence.Split's joined by sentence.Quoted and cut at
// 240 tokens (pos= or rest= differ on 8,933 words), and quotations are
// paired over those tokens (inq on 852). The labels are the same, and
// the trainer, fed 088c216's features, gives the shipped model's dev
// figures to the hundredth. What moves the figures is the order of the
// examples, which depends on their number: trained on 088c216's features
// in another order (the strides of seeds 5 to 9, not 0 to 4) the model
// scores content_exact_f1 52.86, and on today's features in three
// orders 52.93, 52.85 and 52.65; eleven perceptrons instead of five give
// 52.88. The shipped model is a good draw, by about 0.3 point, more than
// the 0.2 a change may cost, so it stays until a change of features
// earns a retraining on its own five-fold figures. Five-fold on today's
// features, thresholds from -5 to -3 move content, source and cue
// overlap F1 by less than 0.4 (78.85, 76.29 and 75.59 at -4), so the
// threshold stays. The features the trainer reads are those the finder
// scores with (TestTrainingSeesRunFeatures; on all of PolNeAR train, no
// word differs).
//
// --bits sets the precision of the weights: 16, the default, or 8 or 32.
// Quantised to 8 bits, the shipped model lost up to 0.27 points of
// PolNeAR dev precision (source_exact_precision 76.76 to 76.49,
// content_exact_precision 57.08 to 56.84), more than a change of file
// form may cost, so it stays at 16.
//
// The model averages five averaged perceptrons (--bags), each reading
// the examples in its own order, that score each word as the head of a
// reporting cue; the finder asks it about the words its verb lists do
// not hold. Training is deterministic and takes about 40 CPU seconds.
// Five-fold, the five perceptrons together raised source F1 from 75.32
// to 75.87 and content F1 from 78.51 to 78.75 against one alone; nine
// did no better than five.
//
// With --tune, it trains on the first four fifths of the articles and
// prints, for each threshold listed, the overlap F1 of contents, sources
// and cues on the last fifth, which is how the default threshold and
// veto were chosen (dev is kept for reporting):
//
//	go run ./quote/train --tune=-5,-4,-3 --veto=-8
//
// On that fifth, a veto of -8 (a listed verb scoring below it is no cue)
// raised source F1 from 78.74 to 79.00 and cue F1 from 78.52 to 78.74,
// and lowered content F1 from 82.57 to 82.36, against no veto (-1e38).
//
// One fifth is 168 articles, and the figures move by tenths from one
// fifth to the next. With --folds=5 it scores every fifth in turn,
// training on the other four, and sums the counts over all 840
// articles; this five-fold cross-validation is what a change to the
// model's features should be judged by (it takes five times as long):
//
//	go run ./quote/train --tune=-5,-4,-3 --folds=5
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

func main() {
	data := flag.String("data", "../shared/data/quotes/polnear/train", "PolNeAR compartment to learn from")
	out := flag.String("out", "quote/cues.model.gz", "model file to write")
	epochs := flag.Int("epochs", 8, "training epochs")
	threshold := flag.Float64("threshold", -4, "score above which a word missing from the verb lists is a cue")
	veto := flag.Float64("veto", -8, "score below which a listed verb is not a cue")
	minW := flag.Float64("min-weight", 0.05, "drop averaged weights smaller than this")
	bags := flag.Int("bags", 5, "perceptrons to average, each reading the examples in its own order")
	tune := flag.String("tune", "", "comma-separated thresholds to compare on held-out articles (writes no model)")
	folds := flag.Int("folds", 1, "with --tune, score every fifth of the articles in turn, training on the rest, when 5; only the last fifth when 1")
	bits := flag.Int("bits", quote.CueBits, "bits per weight in the file: 8 or 16 (quantised with one scale) or 32 (float32)")
	convert := flag.String("convert", "", "read this cue model in the old text form and write it to --out in the current one, instead of training")
	flag.Parse()
	var err error
	switch {
	case *convert != "":
		err = convertModel(*convert, *out, *bits)
	case *tune != "":
		err = tuneThresholds(*data, quote.TrainOptions{Epochs: *epochs, Veto: *veto, MinWeight: *minW, Bags: *bags, Bits: *bits}, *tune, *folds)
	default:
		err = run(*data, *out, quote.TrainOptions{Epochs: *epochs, Threshold: *threshold, Veto: *veto, MinWeight: *minW, Bags: *bags, Bits: *bits})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// cueDocs turns PolNeAR articles into training documents.
func cueDocs(docs []eval.PolnearDoc) []quote.CueDoc {
	var cds []quote.CueDoc
	for _, d := range docs {
		cd := quote.CueDoc{Text: d.Text, Paragraphs: eval.Paragraphs(d.Text)}
		for _, a := range d.Attributions {
			if len(a.Cue) > 0 {
				cd.Cues = append(cd.Cues, a.Cue[0])
			}
		}
		cds = append(cds, cd)
	}
	return cds
}

func run(data, out string, o quote.TrainOptions) error {
	docs, err := eval.ReadPolNeAR(data)
	if err != nil {
		return err
	}
	cds := cueDocs(docs)
	var buf bytes.Buffer
	if err := quote.TrainCueModel(cds, o, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: %d articles, model of %d bytes written to %s\n", len(cds), buf.Len(), out)
	return nil
}

// convertModel rewrites a cue model of the old text form in the current
// one.
func convertModel(in, out string, bits int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := quote.ConvertCueModel(f, &buf, bits); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: %s converted, model of %d bytes written to %s\n", in, buf.Len(), out)
	return nil
}

// tuneThresholds trains on four fifths of the articles and scores each
// threshold on the last fifth; with folds = 5, it does so for each fifth
// in turn and sums the counts, a five-fold cross-validation.
func tuneThresholds(data string, o quote.TrainOptions, list string, folds int) error {
	docs, err := eval.ReadPolNeAR(data)
	if err != nil {
		return err
	}
	if folds != 1 && folds != 5 {
		return fmt.Errorf("--folds must be 1 or 5, not %d", folds)
	}
	ths, err := floats(list)
	if err != nil {
		return err
	}
	scores := make([]eval.QuoteScore, len(ths))
	for k := 5 - folds; k < 5; k++ {
		lo, hi := len(docs)*k/5, len(docs)*(k+1)/5
		trainDocs := append(append([]eval.PolnearDoc(nil), docs[:lo]...), docs[hi:]...)
		var buf bytes.Buffer
		if err := quote.TrainCueModel(cueDocs(trainDocs), o, &buf); err != nil {
			return err
		}
		m, err := quote.ReadCueModel(&buf)
		if err != nil {
			return err
		}
		for j, th := range ths {
			m.Threshold = float32(th)
			chain := analyze.Chain{analyze.Segment, quote.Stage{Cues: m}}
			for _, gd := range docs[lo:hi] {
				d, err := chain.Doc(&news.Article{ID: gd.Name, Text: gd.Text, Paragraphs: eval.Paragraphs(gd.Text)})
				if err != nil {
					return err
				}
				scores[j].Add(gd.Text, gd.Attributions, eval.QuoteAttributions(d.Quotes))
			}
		}
	}
	for j, th := range ths {
		s := &scores[j]
		fmt.Printf("threshold %5.2f veto %g  content_overlap_f1 %.2f  source_overlap_f1 %.2f  cue_overlap_f1 %.2f\n",
			th, o.Veto, 100*s.OverlapF1("content"), 100*s.OverlapF1("source"), 100*s.OverlapF1("cue"))
		for _, part := range []string{"content", "source", "cue"} {
			pr, rc := s.OverlapPR(part)
			fmt.Printf("  %-7s precision %.2f recall %.2f\n", part, 100*pr, 100*rc)
		}
	}
	return nil
}

// floats parses a comma-separated list of numbers.
func floats(list string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(list, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q: %w", f, err)
		}
		out = append(out, x)
	}
	return out, nil
}
