package eval

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["entities"] = runEntities }

const defaultEntitiesData = "../shared/data/entities/conll2003/valid.txt"

// entityTypes are the types scored, in report order.
var entityTypes = []string{"PER", "ORG", "LOC", "MISC"}

// conllDoc turns a CoNLL document into a news.Doc: words joined by
// spaces, a sentence per line, tokens and sentences already segmented.
func conllDoc(id string, cd CoNLLDoc) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id}}
	var b strings.Builder
	for _, s := range cd.Sentences {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		first := len(d.Tokens)
		start := b.Len()
		for i, w := range s.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, news.Token{Span: news.Span{Start: b.Len(), End: b.Len() + len(w)}})
			b.WriteString(w)
		}
		sp := news.Span{Start: start, End: b.Len()}
		d.Paragraphs = append(d.Paragraphs, sp)
		d.Sentences = append(d.Sentences, news.Sentence{Span: sp, Paragraph: len(d.Paragraphs) - 1, FirstToken: first, EndToken: len(d.Tokens)})
	}
	d.Text = b.String()
	return d
}

// storylineChunks maps a tagged doc's mentions back to word chunks per
// sentence.
func storylineChunks(d *news.Doc) [][]chunk {
	startTok := map[int]int{}
	endTok := map[int]int{}
	for i, t := range d.Tokens {
		startTok[t.Start] = i
		endTok[t.End] = i + 1
	}
	out := make([][]chunk, len(d.Sentences))
	for _, m := range d.Mentions {
		a, ok1 := startTok[m.Start]
		b, ok2 := endTok[m.End]
		if !ok1 || !ok2 || m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
			continue
		}
		first := d.Sentences[m.Sentence].FirstToken
		out[m.Sentence] = append(out[m.Sentence], chunk{a - first, b - first, string(m.Type)})
	}
	return out
}

// proseType maps prose's (OntoNotes) labels to CoNLL types; "" drops a
// label that CoNLL does not annotate (numbers, dates).
func proseType(l string) string {
	switch l {
	case "PERSON":
		return "PER"
	case "ORG", "ORGANIZATION":
		return "ORG"
	case "GPE", "GSP", "LOC", "LOCATION", "FAC", "FACILITY":
		return "LOC"
	case "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE":
		return "MISC"
	}
	return ""
}

// proseChunks runs prose's tagger and entity extractor over the same
// sentences.
func proseChunks(tg *tag.Tagger, ex *ner.Extracter, cd CoNLLDoc, labels map[string]bool) [][]chunk {
	out := make([][]chunk, len(cd.Sentences))
	for k, s := range cd.Sentences {
		var b strings.Builder
		toks := make([]token.Token, len(s.Words))
		startTok := map[int]int{}
		endTok := map[int]int{}
		for i, w := range s.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			toks[i] = token.Token{Text: w, Start: b.Len()}
			startTok[b.Len()] = i
			endTok[b.Len()+len(w)] = i + 1
			b.WriteString(w)
		}
		tg.TagTokens(toks)
		ex.Label(toks)
		for _, e := range ex.Chunk(b.String(), toks) {
			labels[e.Label] = true
			typ := proseType(e.Label)
			a, ok1 := startTok[e.Start]
			z, ok2 := endTok[e.End()]
			if typ == "" || !ok1 || !ok2 {
				continue
			}
			out[k] = append(out[k], chunk{a, z, typ})
		}
	}
	return out
}

// scoreChunks adds the counts of one system's chunks against the gold.
func scoreChunks(counts map[string]*prf, gold, got []chunk) {
	g := map[chunk]bool{}
	for _, c := range gold {
		g[c] = true
		if p := counts[c.Type]; p != nil {
			p.gold++
		}
	}
	for _, c := range got {
		p := counts[c.Type]
		if p == nil {
			continue
		}
		p.guessed++
		if g[c] {
			p.correct++
		}
	}
}

func newCounts() map[string]*prf {
	m := map[string]*prf{}
	for _, t := range entityTypes {
		m[t] = &prf{}
	}
	return m
}

func sumCounts(m map[string]*prf, types ...string) prf {
	var s prf
	for _, t := range types {
		s.correct += m[t].correct
		s.guessed += m[t].guessed
		s.gold += m[t].gold
	}
	return s
}

func addEntityRows(r *Report, system string, c map[string]*prf, articles int, secs float64) {
	p, rec, f := sumCounts(c, "PER", "ORG", "LOC").scores()
	r.Add(system, "precision", p)
	r.Add(system, "recall", rec)
	r.Add(system, "f1", f)
	for _, t := range entityTypes {
		_, _, ft := c[t].scores()
		r.Add(system, "f1/"+t, ft)
	}
	_, _, fa := sumCounts(c, entityTypes...).scores()
	r.Add(system, "f1/all", fa)
	if secs > 0 {
		r.Add(system, "articles_per_second", float64(articles)/secs)
	}
}

// runEntities scores entity mentions on a CoNLL-2003 file: exact-span
// precision, recall and F1 with conlleval's semantics, over PER, ORG and
// LOC together (precision, recall, f1), per type, and with MISC (f1/all),
// for storyline's tagger and for prose's as a baseline.
func runEntities(opt Options) (*Report, error) {
	if opt.Data == "" {
		opt.Data = defaultEntitiesData
	}
	docs, err := ReadCoNLL(opt.Data)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("eval: entities: no documents in %s", opt.Data)
	}
	tagger, err := entity.Default()
	if err != nil {
		return nil, err
	}
	r := &Report{Suite: "entities", Data: opt.Data}
	// storyline: the whole entity stage, titles and merging included
	sc := newCounts()
	nd := make([]*news.Doc, len(docs))
	tokens := 0
	for i, cd := range docs {
		nd[i] = conllDoc(fmt.Sprint(i), cd)
		tokens += len(nd[i].Tokens)
	}
	start := time.Now()
	for _, d := range nd {
		if err := tagger.Apply(d); err != nil {
			return nil, err
		}
	}
	secs := time.Since(start).Seconds()
	for i, cd := range docs {
		got := storylineChunks(nd[i])
		for k, s := range cd.Sentences {
			scoreChunks(sc, conllChunks(s.Tags), got[k])
		}
	}
	addEntityRows(r, "storyline", sc, len(docs), secs)
	// prose
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("eval: prose tagger: %w", err)
	}
	ex, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("eval: prose extracter: %w", err)
	}
	pc := newCounts()
	labels := map[string]bool{}
	start = time.Now()
	got := make([][][]chunk, len(docs))
	for i, cd := range docs {
		got[i] = proseChunks(tg, ex, cd, labels)
	}
	psecs := time.Since(start).Seconds()
	for i, cd := range docs {
		for k, s := range cd.Sentences {
			scoreChunks(pc, conllChunks(s.Tags), got[i][k])
		}
	}
	addEntityRows(r, "prose", pc, len(docs), psecs)
	var ls []string
	for l := range labels {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	g := sumCounts(sc, "PER", "ORG", "LOC")
	r.Notes = append(r.Notes,
		fmt.Sprintf("%d articles, %d tokens, %d gold PER+ORG+LOC mentions; exact spans, conlleval semantics", len(docs), tokens, g.gold),
		fmt.Sprintf("storyline tags %.0f tokens/s (whole entity stage: tagger, titles, merging)", float64(tokens)/secs),
		"prose v3.2.3 labels mapped: PERSON→PER, ORG/ORGANIZATION→ORG, GPE/GSP/LOC/LOCATION/FAC/FACILITY→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC, others dropped; seen: "+strings.Join(ls, " "))
	return r, nil
}
