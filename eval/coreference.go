package eval

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/disjoint"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["coreference"] = runCoreference }

const defaultCorefData = "../shared/data/stories/ecbplus"

// ecbDevTopics are the ECB+ topics of the dev split (SPLIT.txt).
var ecbDevTopics = []int{2, 5, 12, 18, 21, 23, 34, 35}

// ECBDevTopic reports whether an ECB+ topic ("2") is one of the dev
// split's (SPLIT.txt), which eval scores and training leaves out.
func ECBDevTopic(topic string) bool {
	n, err := strconv.Atoi(topic)
	return err == nil && slices.Contains(ecbDevTopics, n)
}

// ECBMention is one entity mention of an ECB+ document: its tokens, its
// annotation tag (HUMAN_PART_PER, LOC_GEO, …) and its gold cluster.
type ECBMention struct {
	ID       string
	Tag      string
	Tokens   []int // indexes into ECBDoc.Tokens
	Sentence int
	// Cluster names the gold entity: the cross-document instance, or the
	// document's own chain, or the mention alone.
	Cluster string
}

// ECBDoc is one ECB+ document with its entity and action mentions.
type ECBDoc struct {
	Name     string // "2_1ecb"
	Topic    int
	Tokens   []string
	Sents    []int // sentence number of each token
	Mentions []ECBMention
	// Events are the action mentions (tags ACTION_*), in the same form;
	// a cross-document event instance's Cluster is its note ("ACT…").
	Events []ECBMention
}

// ecbEntityTag reports whether an annotation tag is an entity's (people,
// groups, places, things), not an action's or a time's.
func ecbEntityTag(tag string) bool {
	return strings.HasPrefix(tag, "HUMAN_PART") || strings.HasPrefix(tag, "NON_HUMAN_PART") || strings.HasPrefix(tag, "LOC_")
}

// ReadECBDoc parses one ECB+ document in CAT XML and returns its entity
// and action mentions with their gold clusters.
func ReadECBDoc(r io.Reader, name string) (*ECBDoc, error) {
	d := &ECBDoc{Name: name}
	if i := strings.IndexByte(name, '_'); i > 0 {
		d.Topic, _ = strconv.Atoi(name[:i])
	}
	dec := xml.NewDecoder(r)
	tokIndex := map[string]int{}
	type markable struct {
		tag     string
		anchors []string
	}
	marks := map[string]*markable{}
	var order []string
	clusterOf := map[string]string{}
	var cur *markable
	var inToken bool
	var tokID, tokSent string
	var rel struct {
		kind, note      string
		sources, target []string
	}
	inRel := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch n := t.Name.Local; {
			case n == "token":
				inToken, tokID, tokSent = true, attr("t_id"), attr("sentence")
			case n == "token_anchor":
				if cur != nil {
					cur.anchors = append(cur.anchors, attr("t_id"))
				}
			case n == "CROSS_DOC_COREF" || n == "INTRA_DOC_COREF":
				inRel = true
				rel.kind, rel.note, rel.sources, rel.target = n, attr("note"), nil, nil
			case n == "source" && inRel:
				rel.sources = append(rel.sources, attr("m_id"))
			case n == "target" && inRel:
				rel.target = append(rel.target, attr("m_id"))
			case attr("m_id") != "" && !inRel:
				m := &markable{tag: n}
				id := attr("m_id")
				if _, dup := marks[id]; !dup {
					order = append(order, id)
				}
				marks[id] = m
				cur = m
			}
		case xml.CharData:
			if inToken {
				s, _ := strconv.Atoi(tokSent)
				tokIndex[tokID] = len(d.Tokens)
				d.Tokens = append(d.Tokens, strings.TrimSpace(string(t)))
				d.Sents = append(d.Sents, s)
				inToken = false
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "token":
				if inToken { // an empty token
					s, _ := strconv.Atoi(tokSent)
					tokIndex[tokID] = len(d.Tokens)
					d.Tokens = append(d.Tokens, "")
					d.Sents = append(d.Sents, s)
					inToken = false
				}
			case "CROSS_DOC_COREF", "INTRA_DOC_COREF":
				key := rel.note
				if rel.kind == "INTRA_DOC_COREF" || key == "" {
					key = name + "#" + strings.Join(rel.target, ",")
				}
				for _, s := range rel.sources {
					clusterOf[s] = key
				}
				inRel = false
			default:
				if cur != nil && t.Name.Local == cur.tag {
					cur = nil
				}
			}
		}
	}
	for _, id := range order {
		m := marks[id]
		event := strings.HasPrefix(m.tag, "ACTION")
		if len(m.anchors) == 0 || !event && !ecbEntityTag(m.tag) {
			continue
		}
		em := ECBMention{ID: id, Tag: m.tag, Cluster: clusterOf[id]}
		for _, a := range m.anchors {
			if k, ok := tokIndex[a]; ok {
				em.Tokens = append(em.Tokens, k)
			}
		}
		if len(em.Tokens) == 0 {
			continue
		}
		sort.Ints(em.Tokens)
		em.Sentence = d.Sents[em.Tokens[0]]
		if em.Cluster == "" {
			em.Cluster = name + "#" + id
		}
		if event {
			d.Events = append(d.Events, em)
		} else {
			d.Mentions = append(d.Mentions, em)
		}
	}
	// in text order, as entity.Group wants them
	sort.SliceStable(d.Mentions, func(a, b int) bool { return d.Mentions[a].Tokens[0] < d.Mentions[b].Tokens[0] })
	return d, nil
}

// ReadECBSelected reads ECBplus_coreference_sentences.csv: the sentences
// of each document whose mentions were annotated with care, keyed
// "topic_file#sentence".
func ReadECBSelected(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	sel := map[string]bool{}
	for i, r := range rows {
		if i == 0 || len(r) < 3 {
			continue
		}
		sel[r[0]+"_"+r[1]+"#"+strings.TrimSpace(r[2])] = true
	}
	return sel, nil
}

// mentionHead is a mention's head for the same-head baseline: its last
// word, lower case.
func mentionHead(d *ECBDoc, m ECBMention) string {
	return strings.ToLower(d.Tokens[m.Tokens[len(m.Tokens)-1]])
}

// mentionText is a mention's words from its first token to its last.
func mentionText(d *ECBDoc, m ECBMention) string {
	return strings.Join(d.Tokens[m.Tokens[0]:m.Tokens[len(m.Tokens)-1]+1], " ")
}

// ecbNewsDoc turns an ECB+ document into a news.Doc: words joined by
// spaces, a paragraph per sentence, tokens and sentences given; it returns
// each token's byte offset.
func ecbNewsDoc(d *ECBDoc) (*news.Doc, []int) {
	nd := &news.Doc{Article: news.Article{ID: d.Name}}
	var b strings.Builder
	starts := make([]int, len(d.Tokens))
	for i, w := range d.Tokens {
		newSent := i == 0 || d.Sents[i] != d.Sents[i-1]
		if i > 0 {
			if newSent {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if newSent {
			if n := len(nd.Sentences); n > 0 {
				nd.Sentences[n-1].End = b.Len() - 2
				nd.Sentences[n-1].EndToken = i
			}
			nd.Sentences = append(nd.Sentences, news.Sentence{Span: news.Span{Start: b.Len()}, Paragraph: len(nd.Sentences), FirstToken: i})
		}
		starts[i] = b.Len()
		b.WriteString(w)
		nd.Tokens = append(nd.Tokens, news.Token{Span: news.Span{Start: starts[i], End: b.Len()}})
	}
	if n := len(nd.Sentences); n > 0 {
		nd.Sentences[n-1].End = b.Len()
		nd.Sentences[n-1].EndToken = len(d.Tokens)
	}
	for _, s := range nd.Sentences {
		nd.Paragraphs = append(nd.Paragraphs, s.Span)
	}
	nd.Text = b.String()
	return nd, starts
}

// nameIn returns the name the tagger found inside a gold mention (the
// longest, a person's first), or ok false when there is none.
func nameIn(tagged []news.Mention, sp news.Span) (news.Mention, bool) {
	var best news.Mention
	ok := false
	for _, m := range tagged {
		if !sp.Contains(m.Span) {
			continue
		}
		better := !ok || (m.Type == news.Person) != (best.Type == news.Person) && m.Type == news.Person ||
			(m.Type == news.Person) == (best.Type == news.Person) && m.Len() > best.Len()
		if better {
			best, ok = m, true
		}
	}
	return best, ok
}

// taggedNames runs the tagger over each document and returns, per gold
// mention, the name found inside it (Entity -1 when there is none).
func taggedNames(docs []*ECBDoc, tagger *entity.Tagger) ([]*news.Doc, [][]news.Mention, error) {
	nds := make([]*news.Doc, len(docs))
	names := make([][]news.Mention, len(docs))
	for di, d := range docs {
		nd, starts := ecbNewsDoc(d)
		if err := tagger.Apply(nd); err != nil {
			return nil, nil, err
		}
		names[di] = make([]news.Mention, len(d.Mentions))
		for mi, m := range d.Mentions {
			a, z := m.Tokens[0], m.Tokens[len(m.Tokens)-1]
			sp := news.Span{Start: starts[a], End: starts[z] + len(d.Tokens[z])}
			n, ok := nameIn(nd.Mentions, sp)
			if !ok {
				n = news.Mention{Entity: -1}
			} else {
				n.Entity = 0
			}
			names[di][mi] = n
		}
		nds[di] = nd
	}
	return nds, names, nil
}

// mergeClusters groups a topic's gold mentions by the names the tagger
// finds inside them: entity.Group in each document, entity.Merge across
// the topic. A mention without a name gets nameless(doc, mention), or
// stays alone when that is nil or returns "". It returns a cluster key
// per mention.
func mergeClusters(docs []*ECBDoc, nds []*news.Doc, names [][]news.Mention, nameless func(*ECBDoc, ECBMention) string) [][]string {
	type ref struct{ doc, mention int } // gold mention → mention of the grouped doc
	gd := make([]*news.Doc, len(docs))
	at := map[[2]int]int{}
	for di, d := range docs {
		g := &news.Doc{Article: news.Article{ID: d.Name, Text: nds[di].Text}}
		var idx []int
		for mi := range d.Mentions {
			if names[di][mi].Entity >= 0 {
				idx = append(idx, mi)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return names[di][idx[a]].Start < names[di][idx[b]].Start })
		for _, mi := range idx {
			m := names[di][mi]
			m.Entity = -1
			at[[2]int{di, mi}] = len(g.Mentions)
			g.Mentions = append(g.Mentions, m)
		}
		entity.Group(g)
		gd[di] = g
	}
	merged := entity.MergeWith(gd, entity.MergeOptions{KeepAdjectives: true, KeepStray: true})
	// a doc entity belongs to the merged entity that holds its name and
	// its doc
	type key struct{ doc, name string }
	owner := map[key]int{}
	for ei, e := range merged {
		for _, s := range e.Sources {
			for _, f := range e.Forms {
				if _, ok := owner[key{s, f}]; !ok {
					owner[key{s, f}] = ei
				}
			}
		}
	}
	out := make([][]string, len(docs))
	for di, d := range docs {
		out[di] = make([]string, len(d.Mentions))
		for mi, m := range d.Mentions {
			c := ""
			if k, ok := at[[2]int{di, mi}]; ok {
				if e := gd[di].Mentions[k].Entity; e >= 0 && e < len(gd[di].Entities) {
					if ei, ok := owner[key{d.Name, gd[di].Entities[e].Name}]; ok {
						c = fmt.Sprintf("e%d", ei)
					}
				}
			}
			if c == "" && nameless != nil {
				if h := nameless(d, m); h != "" {
					c = "h:" + h
				}
			}
			if c == "" {
				c = d.Name + "#" + m.ID
			}
			out[di][mi] = c
		}
	}
	return out
}

// corefScores accumulates MUC, B³ and CEAFe over topics.
type corefScores struct {
	mucN, mucPD, mucRD float64 // MUC numerators and denominators
	mucPN              float64
	b3P, b3R, n        float64
	ceafSim, ceafK     float64 // Σ φ4, Σ |key| and |response| clusters
	ceafR              float64
}

// add scores one topic: gold and system cluster keys per mention.
func (s *corefScores) add(gold, sys []string) {
	key := groupIdx(gold)
	resp := groupIdx(sys)
	// MUC (Vilain et al.): links
	muc := func(a, b [][]int, labB []string) (num, den float64) {
		for _, c := range a {
			parts := map[string]bool{}
			for _, m := range c {
				parts[labB[m]] = true
			}
			num += float64(len(c) - len(parts))
			den += float64(len(c) - 1)
		}
		return
	}
	rn, rd := muc(key, resp, sys)
	pn, pd := muc(resp, key, gold)
	s.mucN += rn
	s.mucRD += rd
	s.mucPN += pn
	s.mucPD += pd
	// B³
	size := func(lab []string) map[string]int {
		m := map[string]int{}
		for _, l := range lab {
			m[l]++
		}
		return m
	}
	gs, ss := size(gold), size(sys)
	both := map[[2]string]int{}
	for i := range gold {
		both[[2]string{gold[i], sys[i]}]++
	}
	for i := range gold {
		o := float64(both[[2]string{gold[i], sys[i]}])
		s.b3P += o / float64(ss[sys[i]])
		s.b3R += o / float64(gs[gold[i]])
	}
	s.n += float64(len(gold))
	// CEAFe (Luo 2005): φ4 = 2|K∩R| / (|K|+|R|), best one-to-one alignment
	w := make([][]float64, len(key))
	for i, k := range key {
		w[i] = make([]float64, len(resp))
		in := map[int]bool{}
		for _, m := range k {
			in[m] = true
		}
		for j, r := range resp {
			o := 0
			for _, m := range r {
				if in[m] {
					o++
				}
			}
			if o > 0 {
				w[i][j] = 2 * float64(o) / float64(len(k)+len(r))
			}
		}
	}
	s.ceafSim += maxAssignment(w)
	s.ceafK += float64(len(key))
	s.ceafR += float64(len(resp))
}

func groupIdx(lab []string) [][]int {
	idx := map[string]int{}
	var out [][]int
	for i, l := range lab {
		k, ok := idx[l]
		if !ok {
			k = len(out)
			idx[l] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

func corefDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// f1s returns MUC, B³ and CEAFe F1 and their mean, the CoNLL F1.
func (s *corefScores) f1s() (muc, b3, ceaf, conll float64) {
	muc = f1(corefDiv(s.mucPN, s.mucPD), corefDiv(s.mucN, s.mucRD))
	b3 = f1(corefDiv(s.b3P, s.n), corefDiv(s.b3R, s.n))
	ceaf = f1(corefDiv(s.ceafSim, s.ceafR), corefDiv(s.ceafSim, s.ceafK))
	return muc, b3, ceaf, (muc + b3 + ceaf) / 3
}

// maxAssignment returns the largest total weight of a one-to-one
// assignment of rows to columns (Hungarian method on costs max-w, sparse
// rows and columns being common: rows or columns with no weight are
// dropped first).
func maxAssignment(w [][]float64) float64 {
	var rows []int
	colSet := map[int]bool{}
	for i, r := range w {
		any := false
		for j, x := range r {
			if x > 0 {
				any = true
				colSet[j] = true
			}
		}
		if any {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return 0
	}
	cols := make([]int, 0, len(colSet))
	for j := range colSet {
		cols = append(cols, j)
	}
	sort.Ints(cols)
	n := max(len(rows), len(cols))
	// cost matrix n×n, 1-based for the classic O(n³) algorithm
	cost := func(i, j int) float64 {
		if i > len(rows) || j > len(cols) {
			return 1
		}
		return 1 - w[rows[i-1]][cols[j-1]]
	}
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				c := cost(i0, j) - u[i0] - v[j]
				if c < minv[j] {
					minv[j], way[j] = c, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0.0
	for j := 1; j <= n; j++ {
		if i := p[j]; i >= 1 && i <= len(rows) && j <= len(cols) {
			total += w[rows[i-1]][cols[j-1]]
		}
	}
	return total
}

// runCoreference measures entity coreference across the documents of
// each ECB+ dev topic on gold mentions (those of the selected sentences):
// Merge over names, and the same-head baseline.
func runCoreference(opt Options) (*Report, error) {
	if opt.Data == "" {
		opt.Data = defaultCorefData
	}
	sel, err := ReadECBSelected(filepath.Join(opt.Data, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return nil, fmt.Errorf("eval: coreference: %w", err)
	}
	tagger, err := entity.Default()
	if err != nil {
		return nil, err
	}
	var nds []*news.Doc
	var names [][]news.Mention
	systems := []struct {
		name string
		run  func([]*ECBDoc) [][]string
	}{
		{"storyline", func(ds []*ECBDoc) [][]string { return mergeClusters(ds, nds, names, nil) }},
		{"storyline+head", func(ds []*ECBDoc) [][]string { return withHeads(ds, mergeClusters(ds, nds, names, mentionHead)) }},
		{"same-head", func(ds []*ECBDoc) [][]string {
			out := make([][]string, len(ds))
			for di, d := range ds {
				for _, m := range d.Mentions {
					out[di] = append(out[di], "h:"+mentionHead(d, m))
				}
			}
			return out
		}},
	}
	scores := make([]corefScores, len(systems))
	nameScores := make([]corefScores, len(systems))
	mentions, nNames, ndocs := 0, 0, 0
	for _, topic := range ecbDevTopics {
		files, _ := filepath.Glob(filepath.Join(opt.Data, strconv.Itoa(topic), "*.xml"))
		sort.Strings(files)
		var docs []*ECBDoc
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			d, err := ReadECBDoc(strings.NewReader(string(b)), strings.TrimSuffix(filepath.Base(f), ".xml"))
			if err != nil {
				return nil, err
			}
			// only the mentions of the selected sentences
			kept := d.Mentions[:0]
			for _, m := range d.Mentions {
				if sel[d.Name+"#"+strconv.Itoa(m.Sentence)] {
					kept = append(kept, m)
				}
			}
			d.Mentions = kept
			docs = append(docs, d)
		}
		if len(docs) == 0 {
			continue
		}
		ndocs += len(docs)
		nds, names, err = taggedNames(docs, tagger)
		if err != nil {
			return nil, err
		}
		var gold []string
		var isName []bool
		for di, d := range docs {
			for mi, m := range d.Mentions {
				gold = append(gold, m.Cluster)
				isName = append(isName, names[di][mi].Entity >= 0)
			}
		}
		mentions += len(gold)
		for si, sy := range systems {
			var sys []string
			for _, c := range sy.run(docs) {
				sys = append(sys, c...)
			}
			scores[si].add(gold, sys)
			// the same, on the mentions that are names only
			var g, s []string
			for i := range gold {
				if isName[i] {
					g, s = append(g, gold[i]), append(s, sys[i])
				}
			}
			nameScores[si].add(g, s)
		}
		for _, n := range isName {
			if n {
				nNames++
			}
		}
	}
	if mentions == 0 {
		return nil, fmt.Errorf("eval: coreference: no ECB+ dev topics in %s", opt.Data)
	}
	r := &Report{Suite: "coreference", Data: opt.Data}
	for si, sy := range systems {
		muc, b3, ceaf, conll := scores[si].f1s()
		r.Add(sy.name, "muc_f1", muc)
		r.Add(sy.name, "b3_f1", b3)
		r.Add(sy.name, "ceafe_f1", ceaf)
		r.Add(sy.name, "conll_f1", conll)
		muc, b3, ceaf, conll = nameScores[si].f1s()
		r.Add(sy.name, "names/muc_f1", muc)
		r.Add(sy.name, "names/b3_f1", b3)
		r.Add(sy.name, "names/ceafe_f1", ceaf)
		r.Add(sy.name, "names/conll_f1", conll)
	}
	r.Notes = append(r.Notes,
		fmt.Sprintf("ECB+ dev topics %v: %d documents, %d gold entity mentions (people, groups, places, things) of the selected sentences, %d of them holding a name the tagger finds", ecbDevTopics, ndocs, mentions, nNames),
		"gold mentions; each topic is one story; singletons count; CoNLL F1 = mean of MUC, B³ and CEAFe",
		"storyline: the tagger's name inside each gold mention, grouped by entity.Group per document and entity.Merge across the topic, other mentions alone; storyline+head: the same joined with the clusters of same-head; same-head: mentions with the same last word in a topic",
		"names/*: the same scores on the gold mentions that hold a name only")
	return r, nil
}

// withHeads joins the clusters of mentions that share a head: the
// same-head baseline with Merge's links among names added.
func withHeads(docs []*ECBDoc, cl [][]string) [][]string {
	parent := map[string]string{}
	find := func(x string) string { return disjoint.Find(parent, x) }
	for di, d := range docs {
		for mi, m := range d.Mentions {
			a, b := find(cl[di][mi]), find("h:"+mentionHead(d, m))
			if a != b {
				parent[a] = b
			}
		}
	}
	out := make([][]string, len(cl))
	for di := range cl {
		for _, c := range cl[di] {
			out[di] = append(out[di], find(c))
		}
	}
	return out
}
