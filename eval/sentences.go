package eval

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["sentences"] = runSentences }

// catDoc is the part of a MEANTIME CAT document the sentence suite reads.
type catDoc struct {
	Tokens []struct {
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
}

// goldText is a document rebuilt from gold tokens: its text, the span of
// every token and the index of the first token of every sentence.
type goldText struct {
	Text   string
	Tokens []news.Span
	Starts map[int]bool
}

// noSpaceBefore and noSpaceAfter decide where detokenised text joins
// tokens without a space.
var (
	noSpaceBefore = map[string]bool{",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true, "}": true, "%": true, "'s": true, "’s": true, "n't": true, "'": true, "...": true, "”": true, "’": true}
	noSpaceAfter  = map[string]bool{"(": true, "[": true, "{": true, "$": true, "“": true, "‘": true}
)

// detokenize rebuilds readable text from gold sentences of tokens: words
// joined by spaces, punctuation attached, straight quotes paired, and a
// sentence that does not end in punctuation (a headline, a dateline) put
// on a line of its own.
func detokenize(sents [][]string) goldText {
	var sb strings.Builder
	g := goldText{Starts: map[int]bool{}}
	open := false // inside a straight double quote
	prev := ""
	for si, sent := range sents {
		for ti, tok := range sent {
			tok = ptbQuotes.Replace(tok)
			if ti == 0 {
				g.Starts[len(g.Tokens)] = true
			}
			sep := " "
			switch {
			case sb.Len() == 0:
				sep = ""
			case ti == 0 && si > 0 && !endsWithPunct(sents[si-1]):
				sep = "\n\n"
			case tok == `"` && open, noSpaceBefore[tok], noSpaceAfter[prev], prev == `"` && open:
				sep = ""
			}
			sb.WriteString(sep)
			start := sb.Len()
			sb.WriteString(tok)
			g.Tokens = append(g.Tokens, news.Span{Start: start, End: sb.Len()})
			if tok == `"` {
				open = !open
			}
			prev = tok
		}
	}
	g.Text = sb.String()
	return g
}

// ptbQuotes turns the Penn Treebank's quote tokens into the marks a
// writer types.
var ptbQuotes = strings.NewReplacer("``", "“", "''", "”")

func endsWithPunct(sent []string) bool {
	if len(sent) == 0 {
		return true
	}
	last := sent[len(sent)-1]
	for last == `"` || last == "”" || last == "''" || last == "'" || last == ")" {
		if len(sent) < 2 {
			return false
		}
		sent = sent[:len(sent)-1]
		last = sent[len(sent)-1]
	}
	r := []rune(last)
	return unicode.IsPunct(r[len(r)-1])
}

// readCAT reads the gold sentences of a MEANTIME CAT file.
func readCAT(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc catDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	var sents [][]string
	last := -1
	for _, t := range doc.Tokens {
		if t.Sentence != last {
			sents = append(sents, nil)
			last = t.Sentence
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], strings.TrimSpace(t.Text))
	}
	return sents, nil
}

// runSentences scores sentence splitting and tokenisation against the
// gold tokens and sentences of MEANTIME, rebuilt into text.
func runSentences(opt Options) (*Report, error) {
	if opt.Data == "" {
		opt.Data = "../shared/data/meantime/intra-doc_annotation"
	}
	var files []string
	err := filepath.WalkDir(opt.Data, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval: sentences: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval: sentences: no .xml files in %s", opt.Data)
	}
	var bound, tok segCounts
	var elapsed time.Duration
	nsent := 0
	for _, f := range files {
		sents, err := readCAT(f)
		if err != nil {
			return nil, err
		}
		g := detokenize(sents)
		start := time.Now()
		d, err := analyze.Chain{analyze.Segment}.Doc(&news.Article{ID: f, Text: g.Text})
		elapsed += time.Since(start)
		if err != nil {
			return nil, err
		}
		nsent += len(d.Sentences)
		scoreSegmentation(g, d, &bound, &tok)
	}
	r := &Report{Suite: "sentences", Data: opt.Data}
	r.Add("storyline", "boundary_precision", bound.precision())
	r.Add("storyline", "boundary_recall", bound.recall())
	r.Add("storyline", "boundary_f1", bound.f1())
	r.Add("storyline", "token_f1", tok.f1())
	r.Add("storyline", "sentences_per_second", float64(nsent)/elapsed.Seconds())
	r.Notes = append(r.Notes, fmt.Sprintf("%d documents; gold tokens rebuilt into text, a sentence without final punctuation on a line of its own; a boundary is the first token of a sentence other than the first", len(files)))
	return r, nil
}

// segCounts accumulates true positives against the sizes of the system and
// gold sets.
type segCounts struct{ tp, sys, gold int }

func (c segCounts) precision() float64 { return ratio(c.tp, c.sys) }
func (c segCounts) recall() float64    { return ratio(c.tp, c.gold) }
func (c segCounts) f1() float64        { return f1(c.precision(), c.recall()) }

// scoreSegmentation compares the doc's sentence starts and token spans with
// the gold ones.
func scoreSegmentation(g goldText, d *news.Doc, bound, tok *segCounts) {
	startOf := map[int]int{} // byte offset of a gold token's start → its index
	goldTok := map[news.Span]bool{}
	for i, t := range g.Tokens {
		startOf[t.Start] = i
		goldTok[t] = true
	}
	for i := range g.Starts {
		if i > 0 {
			bound.gold++
		}
	}
	for i, s := range d.Sentences {
		if i == 0 {
			continue
		}
		bound.sys++
		if gi, ok := startOf[s.Start]; ok && g.Starts[gi] {
			bound.tp++
		}
	}
	tok.gold += len(g.Tokens)
	tok.sys += len(d.Tokens)
	for _, t := range d.Tokens {
		if goldTok[t.Span] {
			tok.tp++
		}
	}
}
