// Command train trains the cue model that package quote embeds, on
// PolNeAR's training split:
//
//	go run ./quote/train --data ../shared/data/quotes/polnear/train --out quote/cues.model.gz
//
// The model is an averaged perceptron that scores each word as the head
// of a reporting cue; the finder asks it about the words its verb lists
// do not hold. Training is deterministic and takes a few CPU seconds.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/storyline-news/storyline/eval"
	"github.com/storyline-news/storyline/quote"
)

func main() {
	data := flag.String("data", "../shared/data/quotes/polnear/train", "PolNeAR compartment to learn from")
	out := flag.String("out", "quote/cues.model.gz", "model file to write")
	epochs := flag.Int("epochs", 8, "training epochs")
	threshold := flag.Float64("threshold", -3, "score above which a word missing from the verb lists is a cue")
	veto := flag.Float64("veto", -1e38, "score below which a listed verb is not a cue")
	minW := flag.Float64("min-weight", 0.05, "drop averaged weights smaller than this")
	flag.Parse()
	if err := run(*data, *out, *epochs, *threshold, *veto, *minW); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(data, out string, epochs int, threshold, veto, minW float64) error {
	docs, err := eval.ReadPolNeAR(data)
	if err != nil {
		return err
	}
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
	var buf bytes.Buffer
	if err := quote.TrainCueModel(cds, epochs, threshold, veto, minW, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: %d articles, model of %d bytes written to %s\n", len(cds), buf.Len(), out)
	return nil
}
