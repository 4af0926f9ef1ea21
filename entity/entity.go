// Package entity finds person, organisation and place mentions in news text,
// attaches titles and roles to people, and merges mentions that name the
// same entity across sentences, spellings and outlets.
//
// Mentions are found by a statistical tagger (entity/internal/ner): an
// averaged perceptron over BILOU labels, decoded with Viterbi, with word,
// shape, affix, context, capitalisation, gazetteer, lower-case frequency
// and document-level features (the word written capitalised or in lower
// case elsewhere in the article, the label it got earlier). Its model,
// model.bin.gz (hashed features, weights quantised to 8 bits, gzip, about
// 0.9 MB; see internal/perceptron), is embedded in the binary.
//
// The entity model is trained on the CoNLL-2003 English data, Reuters news
// from the RCV1 corpus used under Reuters' research terms. To retrain it
// (deterministic; about 20 CPU seconds):
//
//	go run ./entity/train --data ../shared/data/entities/conll2003 --out entity/model.bin.gz
//
// The trainer learns from train.txt, reports F1 on valid.txt after each
// epoch, adds the country, province and region names of Debian's
// iso-codes package (ISO 3166-1 and 3166-2, accents dropped) to the
// gazetteer when it is installed, and mines title words (President, Gen.,
// Mr) from the training data; all of it is baked into the model, so
// nothing is needed at run time.
//
// Ranks, honorifics and offices next to a person's name ("Major General",
// "Ayatollah", "Chief of Staff of the Iranian Armed Forces", a role in
// apposition before or after the name) go to Mention.Titles, never into
// the name. Mentions of one person are merged by a transliteration key and
// edit distance over the parts of the name (Baqeri ≈ Bagheri, al-Ghanmi ≈
// Ghanemi, Mohammad ≈ Mohamed), allowing a surname alone or fewer given
// names but never different given names; a surname that fits several
// people goes to the nearest one named before it in an article, and across
// articles to the one sharing roles or co-mentioned people, or to none.
// Places and organisations merge by name and by acronym (KRG, Kurdistan
// Regional Government; P.M.F., Popular Mobilization Forces), and a name
// with the one longer name of the story it ends or is "of" (Immunities
// Act, Foreign Sovereign Immunities Act; Islamic Republic, Islamic
// Republic of Iran). A nationality right before an armed force or a state
// body names it ("Iranian Armed Forces"), while the mentions stay tagged
// as CoNLL tags them.
//
// What a reader sees is cleaned at three levels. Mentions: connectives
// opening a sentence ("Besides"), party tags ("R-Texas"), abbreviations
// alone ("Dec.", "Sen.") are no names; an office inside a name starts a
// person's ("Gov. Deval Patrick", "Vermont Sen. Sanders"); a "person"
// ending in Act, Committee or County is a law, body or place. Roles: an
// office relating to another person ("a spokesman for House Speaker")
// keeps only that office; Merge keeps the most specific of a person's
// roles, abbreviations spelled out ("Sen." → "Senator"; "President" gives
// way to "Turkish President", "General" to "Major General"). Types: a
// name typed a person in most of the story's mentions is a person
// everywhere, its stray place or organisation mentions merged into that
// person. Merge leaves out, unless MergeWith is told to keep them,
// nationalities, peoples, faiths and parties' members used as words
// ("Iranian", "Kurds", "Muslims", "Republican-led"), and common words
// capitalised once ("Arrogance").
package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/entity/internal/ner"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

//go:embed model.bin.gz
var modelData []byte

// Tagger finds entity mentions. The zero value finds none.
type Tagger struct {
	m      *ner.Model
	titles map[string]bool
	// classes are the words of titles' tables with their classes (see
	// classify)
	classes map[string]tokClass
}

var loadDefault = sync.OnceValues(func() (*Tagger, error) {
	m, err := ner.Load(bytes.NewReader(modelData))
	if err != nil {
		return nil, fmt.Errorf("entity: loading the embedded model: %w", err)
	}
	t := &Tagger{m: m, titles: map[string]bool{}}
	for _, w := range m.Titles() {
		t.titles[w] = true
	}
	t.classes = t.wordClasses()
	return t, nil
})

// Default returns the tagger with the model embedded in the binary. The
// model is loaded once and shared; the tagger is safe for concurrent use.
func Default() (*Tagger, error) { return loadDefault() }

// Name names the analysis stage.
func (t *Tagger) Name() string { return "entity" }

// modelWord writes a token the way the Reuters training data writes it.
func modelWord(w string) string {
	// each spelling replaced holds a byte past ASCII
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	switch w {
	case "“", "”", "„", "«", "»":
		return "\""
	case "‘", "’":
		return "'"
	case "’s":
		return "'s"
	case "—", "–":
		return "--"
	}
	if strings.ContainsRune(w, '’') {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// cand is a mention being built.
type cand struct {
	a, b   int // tokens [a, b)
	sent   int
	typ    news.EntityType
	titles []title
	tstart int // first token of the titles
	tend   int // end byte of an apposition, or 0
}

// Apply adds d.Mentions and the document-level d.Entities. It needs
// d.Sentences and d.Tokens.
func (t *Tagger) Apply(d *news.Doc) error {
	d.Mentions = d.Mentions[:0]
	d.Entities = nil
	if t == nil || t.m == nil || len(d.Sentences) == 0 {
		return nil
	}
	buf := tokensOf(d)
	defer putTokens(buf)
	dtoks := *buf
	// the sentences' words share one slice, cut at the sentences' ends
	mw := wordBufs.Get().(*modelWords)
	defer mw.put()
	words := mw.words[:0]
	sents := mw.sents[:0]
	for k, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken > len(dtoks) || s.FirstToken > s.EndToken {
			return fmt.Errorf("entity: %s: sentence %d has token range [%d,%d) outside %d tokens", d.ID, k, s.FirstToken, s.EndToken, len(dtoks))
		}
		at := len(words)
		for _, tk := range dtoks[s.FirstToken:s.EndToken] {
			words = append(words, modelWord(tk.Text))
		}
		sents = append(sents, words[at:len(words):len(words)])
	}
	mw.words, mw.sents = words, sents
	chunks := t.m.TagDoc(sents)
	n := 0
	for _, cs := range chunks {
		n += len(cs)
	}
	cands := make([]cand, 0, n+n/4) // (repair splits a few)
	var repaired []cand
	per := make([]bool, len(dtoks)) // tokens inside person names
	for k, cs := range chunks {
		first := d.Sentences[k].FirstToken
		for _, c := range cs {
			cd := cand{a: first + c.Start, b: first + c.End, sent: k, typ: news.EntityType(ner.Types[c.Type])}
			repaired = t.repair(repaired[:0], d.Text, dtoks, cd, first)
			for _, cd := range repaired {
				for cd.b-cd.a > 1 && lowerIn(weekdays(), dtoks[cd.a].Text) {
					cd.a++
				}
				for cd.typ == news.Person && cd.b-cd.a > 1 && lowerIn(weekdays(), dtoks[cd.b-1].Text) {
					cd.b-- // "Obama Monday"
				}
				if c := t.personCut(dtoks, cd.a, cd.b, cd.typ); c > cd.a {
					cd.a, cd.typ = c, news.Person
				}
				if cd.typ == news.Person {
					if ty := nonNameType(dtoks[cd.a:cd.b]); ty != "" {
						cd.typ = ty
					}
				}
				if cd.b-cd.a == 1 && cd.typ != news.Misc && peopleWord(dtoks[cd.a].Text) {
					cd.typ = news.Misc // "Muslims", "Kurds": a people, not a person or place
				}
				if cd.typ == news.Person {
					t.trimTitles(dtoks, &cd)
					extendParticles(dtoks, &cd, d.Sentences[k].EndToken)
				}
				if n := len(cands); n > 0 && cands[n-1].sent == k && cands[n-1].b > cd.a {
					// the previous name was extended over this one
					continue
				}
				if cd.b <= cd.a || !hasLetter(dtoks[cd.a:cd.b]) {
					continue
				}
				cands = append(cands, cd)
				if cd.typ == news.Person {
					for i := cd.a; i < cd.b; i++ {
						per[i] = true
					}
				}
			}
		}
	}
	cands = extendOrgs(dtoks, d.Sentences, cands, t.m.Known)
	names := keptNames.Get().(*nameCache)
	defer keptNames.Put(names)
	cands = t.propagate(d, dtoks, cands, per, names)
	// tokens of places, organisations and other names, which may stand in
	// a person's title
	inName := make([]bool, len(dtoks))
	for _, cd := range cands {
		if cd.typ != news.Person {
			for i := cd.a; i < cd.b; i++ {
				inName[i] = true
			}
		}
	}
	named := func(k int) bool { return inName[k] }
	// titles and roles
	for i := range cands {
		cd := &cands[i]
		s := d.Sentences[cd.sent]
		self := func(k int) bool { return per[k] && (k < cd.a || k >= cd.b) }
		j := t.leftWindow(dtoks, s.FirstToken, cd.a, self, named)
		ts, start := t.splitTitles(d.Text, dtoks, j, cd.a, true)
		if cd.typ != news.Person {
			// a rank or honorific makes a name a person's
			if len(ts) == 0 || (ts[len(ts)-1].rank == "" && !lowerWordIn(honorifics(), ts[len(ts)-1].text)) || cd.b-cd.a > 4 {
				continue
			}
			cd.typ = news.Person
			for k := cd.a; k < cd.b; k++ {
				per[k] = true
			}
		}
		if c := start - 1; c > s.FirstToken && dtoks[c].Text == "," && (len(ts) == 0 || ts[0].rank != "" || lowerWordIn(honorifics(), ts[0].text)) {
			// a role in apposition before the name (and its rank):
			// "Turkey's Chief of the General Staff, Hulusi Akar",
			// "Pakistan's army chief, General Qamar Javed Bajwa"
			j2 := t.leftWindow(dtoks, s.FirstToken, c, self, named)
			if j2 < c && t.hasHead(dtoks[j2:c]) && (j2 == s.FirstToken || !capitalised(dtoks[j2-1].Text)) {
				ts2, st2 := t.splitTitles(d.Text, dtoks, j2, c, false)
				if len(ts2) > 0 {
					ts, start = append(ts2, ts...), st2
				}
			}
		}
		cd.titles, cd.tstart = ts, start
		if r, end, ok := t.rightRole(d.Text, dtoks, cd.b, s.EndToken, self, named); ok {
			cd.titles = append(cd.titles, r)
			cd.tend = end
		}
	}
	cands = append(cands, t.acronyms(d, dtoks, cands)...)
	cands = t.dropTitleWords(dtoks, cands)
	// the mentions are made and grouped in a buffer kept from doc to
	// doc, and the layer copied out of it at its length
	kept := d.Mentions
	mbuf := mentionBufs.Get().(*[]news.Mention)
	defer putMentions(mbuf)
	d.Mentions = (*mbuf)[:0]
	for _, cd := range cands {
		m := news.Mention{
			Span:     news.Span{Start: dtoks[cd.a].Start, End: dtoks[cd.b-1].End},
			Type:     cd.typ,
			Sentence: cd.sent,
			Entity:   -1,
		}
		m.Text = m.Span.In(d.Text)
		if len(cd.titles) > 0 {
			m.TitleSpan = news.Span{Start: min(dtoks[cd.tstart].Start, m.Start), End: max(cd.tend, m.End)}
			m.Titles = make([]string, len(cd.titles))
			for k, tl := range cd.titles {
				m.Titles[k] = tl.text
			}
		}
		if junk(m.Text, m.Type) {
			continue
		}
		d.Mentions = append(d.Mentions, m)
	}
	sortMentions(d.Mentions)
	docEntities(d, names)
	// a kept doc holds its layers for long: no spare capacity (and
	// docEntities makes d.Entities at its length)
	*mbuf = d.Mentions
	if len(d.Mentions) == 0 {
		// empty, nil or not as it was when made in the Doc's own
		// slice, grown when too short for the candidates
		d.Mentions = kept
		if cap(kept) < len(cands) {
			d.Mentions = []news.Mention{}
		}
	}
	d.Mentions = slices.Clip(slices.Clone(d.Mentions))
	return nil
}

// mentionBufs keeps the mention buffers of Apply from Doc to Doc.
var mentionBufs = sync.Pool{New: func() any { return new([]news.Mention) }}

// putMentions gives a buffer of Apply back, without the Doc's text.
func putMentions(buf *[]news.Mention) {
	clear(*buf)
	*buf = (*buf)[:0]
	mentionBufs.Put(buf)
}

// dropTitleWords drops the mentions made only of office and rank words
// that stand inside a person's titles ("Staff" of "Chief of Staff",
// "General Staff").
func (t *Tagger) dropTitleWords(toks []tok, cands []cand) []cand {
	var spans []news.Span
	for _, cd := range cands {
		if cd.typ == news.Person && len(cd.titles) > 0 {
			spans = append(spans, news.Span{Start: toks[cd.tstart].Start, End: max(cd.tend, toks[cd.b-1].End)})
		}
	}
	if len(spans) == 0 {
		return cands
	}
	out := cands[:0]
	for _, cd := range cands {
		if cd.typ != news.Person {
			// (the spans first: few mentions stand in one)
			sp := news.Span{Start: toks[cd.a].Start, End: toks[cd.b-1].End}
			inside := false
			for _, ts := range spans {
				if ts.Contains(sp) {
					inside = true
					break
				}
			}
			if inside && t.allTitleWords(toks[cd.a:cd.b]) {
				continue
			}
		}
		out = append(out, cd)
	}
	return out
}

func (t *Tagger) allTitleWords(toks []tok) bool {
	for k := range toks {
		if t.classOf(toks, k)&(clsRole|clsRank|clsConn) == 0 {
			return false
		}
	}
	return true
}

// gapHasBreak reports whether a line break separates two tokens.
func gapHasBreak(text string, a, b tok) bool {
	return a.End <= b.Start && b.Start <= len(text) && strings.ContainsAny(text[a.End:b.Start], "\n\r")
}

// romanSyllable reports whether w is one capitalised syllable of at most
// n letters ("Jae", "In", "Un").
func romanSyllable(w string, n int) bool {
	if len(w) > n || len(w) < 2 || !capitalised(w) {
		return false
	}
	for _, r := range w[1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// extendParticles extends a person's name over a particle the tagger
// left out: "Othman" + "al-Ghanemi", "Osama" + "bin Laden".
func extendParticles(toks []tok, cd *cand, end int) {
	for cd.b < end {
		w := toks[cd.b].Text
		if cd.b-cd.a >= 2 && romanSyllable(toks[cd.b-1].Text, 4) && romanSyllable(w, 3) && (cd.b+1 >= end || !capitalised(toks[cd.b+1].Text)) {
			// the last syllable of a romanised given name that the
			// tagger took for a word ("Moon Jae In", "In" not "in")
			cd.b++
			return
		}
		if lowerIn(generational, strings.TrimSuffix(w, ".")) && (strings.HasSuffix(w, ".") || w == "II" || w == "III" || w == "IV") && cd.b-cd.a > 1 {
			// a generational suffix ends the name: "Jesse Jackson Jr."
			cd.b++
			return
		}
		if i := strings.IndexAny(w, "-'’"); i > 0 && lowerIn(particles, w[:i]) && i+1 < len(w) && capitalised(w[i+1:]) {
			cd.b++
			continue
		}
		if l := strings.ToLower(w); particles[l] && len(l) > 2 && l != "den" && !capitalised(w) && cd.b+1 < end && capitalised(toks[cd.b+1].Text) {
			cd.b += 2
			continue
		}
		return
	}
}

// splitHonorifics are the forms of address that, inside what the tagger
// took for one name, start a person's name.
var splitHonorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sheikh": true, "ayatollah": true,
	"hojatoleslam": true, "imam": true, "rabbi": true, "sayyed": true, "mullah": true,
}

// nameParticle reports whether a lower-case word may stand inside a name
// ("al-Abadi", "bin", "van", "de").
func nameParticle(w string) bool {
	l := strings.ToLower(w)
	if particles[l] {
		return true
	}
	if i := strings.IndexAny(l, "-'’"); i > 0 && particles[l[:i]] {
		return true
	}
	return false
}

// repair mends what a tagger trained on Reuters gets wrong in other news:
// chunks that run over a possessive, a comma or lower-case words, and
// people's names swallowed with their rank into an organisation
// ("Chief of Staff of the Iranian Armed Forces Major General Mohammad
// Baqeri"). A single common word at the start of a sentence is dropped.
//
// The candidates it makes are appended to dst.
func (t *Tagger) repair(dst []cand, text string, toks []tok, cd cand, first int) []cand {
	// a name does not run over a line break
	for i := cd.a + 1; i < cd.b; i++ {
		if gapHasBreak(text, toks[i-1], toks[i]) {
			left, right := cd, cd
			left.b, right.a = i, i
			dst = t.repair(dst, text, toks, left, first)
			return t.repair(dst, text, toks, right, first)
		}
	}
	// cut at a possessive: a person's name ends there, an organisation's
	// when lower case follows ("Queen 's Park" stays whole)
	for i := cd.a + 1; i < cd.b; i++ {
		if isPossessive(toks[i].Text) && (cd.typ == news.Person || i == cd.b-1 || !capitalised(toks[i+1].Text)) {
			cd.b = i
			break
		}
	}
	// a rank or honorific inside: a person's name follows it
	for k := cd.a; k < cd.b-1; k++ {
		for e := min(cd.b-1, k+4); e > k; e-- {
			var wsBuf [4]string
			ws := wsBuf[:0]
			for _, tk := range toks[k:e] {
				ws = append(ws, tk.Text)
			}
			// a rank of one word leading an organisation's name is part
			// of it (General Motors)
			isRank := rankOf(ws) != "" && !(e-k == 1 && k > cd.a && rankOf(ws) == "General") &&
				!(k == cd.a && cd.typ != news.Person && e-k == 1 && !strings.HasSuffix(ws[0], "."))
			isHon := e-k == 1 && capitalised(ws[0]) && lowerWordIn(splitHonorifics, ws[0])
			if !(isRank || isHon) || !capitalised(toks[e].Text) {
				continue
			}
			if k > cd.a && cd.typ != news.Person {
				rest := cand{a: cd.a, b: k, sent: cd.sent, typ: cd.typ}
				if t.hasHead(toks[rest.a : rest.a+1]) {
					// an office "of the" something: keep the something
					for i := rest.b - 1; i > rest.a; i-- {
						if lowerWordIn(connectors, toks[i].Text) {
							rest.a = i + 1
							break
						}
					}
					if t.hasHead(toks[rest.a : rest.a+1]) {
						rest.b = rest.a
					}
				}
				if rest.b > rest.a {
					dst = t.repair(dst, text, toks, rest, first)
				}
			}
			p := cand{a: e, b: cd.b, sent: cd.sent, typ: news.Person}
			return t.repair(dst, text, toks, p, first)
		}
	}
	if cd.typ == news.Person {
		// the name after the last comma
		for i := cd.b - 1; i > cd.a; i-- {
			if toks[i].Text == "," {
				cd.a = i + 1
				break
			}
		}
		// up to the first lower-case word
		for i := cd.a + 1; i < cd.b; i++ {
			w := toks[i].Text
			if hasLetter(toks[i:i+1]) && !capitalised(w) && !nameParticle(w) {
				cd.b = i
				break
			}
		}
	} else {
		// up to a long lower-case word, or a comma before lower case
		for i := cd.a + 1; i < cd.b; i++ {
			w := toks[i].Text
			if w == "," && i+1 < cd.b && !capitalised(toks[i+1].Text) {
				cd.b = i
				break
			}
			if hasLetter(toks[i:i+1]) && !capitalised(w) && !nameParticle(w) && len(w) > 5 && !strings.Contains(w, "-") {
				cd.b = i
				break
			}
		}
		for cd.b > cd.a+1 && (!capitalised(toks[cd.b-1].Text) && !nameParticle(toks[cd.b-1].Text) && hasLetter(toks[cd.b-1:cd.b]) || toks[cd.b-1].Text == ",") {
			cd.b--
		}
	}
	if cd.b <= cd.a {
		return dst
	}
	// a common word capitalised at a sentence start
	// (where it stands first: the model's words are looked up lowered)
	if cd.b-cd.a == 1 && (cd.a == first || !hasLetter(toks[cd.a-1:cd.a]) && toks[cd.a-1].Text != ",") {
		if cd.typ != news.Person && t.m.Common(toks[cd.a].Text) || lowerIn(discourse, toks[cd.a].Text) {
			return dst
		}
	}
	return append(dst, cd)
}

// propagate tags as a person the words the tagger left untagged that are
// the surname of a person named in full in the same doc ("Ghanmi also
// praised…" after "Othman al-Ghanmi").
func (t *Tagger) propagate(d *news.Doc, dtoks []tok, cands []cand, per []bool, names *nameCache) []cand {
	surnames := map[string]bool{}
	for _, cd := range cands {
		if cd.typ != news.Person {
			continue
		}
		pn := names.parse(news.Span{Start: dtoks[cd.a].Start, End: dtoks[cd.b-1].End}.In(d.Text))
		if len(pn.parts) > 1 {
			surnames[pn.parts[len(pn.parts)-1].t] = true
		}
	}
	if len(surnames) == 0 {
		return cands
	}
	taken := make([]bool, len(dtoks))
	for _, cd := range cands {
		for i := cd.a; i < cd.b; i++ {
			taken[i] = true
		}
	}
	added := false
	for k, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			w := dtoks[i].Text
			if taken[i] || !capitalised(w) || (i+1 < s.EndToken && capitalised(dtoks[i+1].Text) && !taken[i+1]) {
				continue
			}
			// (the surnames before the model's words: a lookup in the
			// cache against lowering the word)
			pn := names.parse(w)
			if len(pn.parts) != 1 || !surnames[pn.parts[0].t] || t.m.Common(w) {
				continue
			}
			cands = append(cands, cand{a: i, b: i + 1, sent: k, typ: news.Person})
			per[i] = true
			added = true
		}
	}
	if added {
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].a < cands[b].a })
	}
	return cands
}

// trimTitles moves ranks, honorifics and office words the tagger put at
// the start of a name out of it.
func (t *Tagger) trimTitles(toks []tok, cd *cand) {
	for cd.b-cd.a > 1 {
		w := toks[cd.a].Text
		next := toks[cd.a+1].Text
		switch {
		case w == ".":
			cd.a++
		case capitalised(w) && (t.classOf(toks, cd.a)&clsTitle != 0 || roleWords[t.lowOf(toks, cd.a)]) && t.classOf(toks, cd.a+1)&clsConn == 0 && !isPossessive(next):
			cd.a++
		default:
			return
		}
	}
}

func hasLetter(toks []tok) bool {
	for _, tk := range toks {
		for _, r := range tk.Text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// acronyms finds "Name (ACR)" and adds the acronym as a mention of the
// same type when the tagger missed it.
func (t *Tagger) acronyms(d *news.Doc, dtoks []tok, cands []cand) []cand {
	have := map[int]bool{}
	for _, cd := range cands {
		have[cd.a] = true
	}
	var out []cand
	for _, cd := range cands {
		if cd.typ == news.Person || cd.b+2 >= len(dtoks) {
			continue
		}
		if dtoks[cd.b].Text != "(" || dtoks[cd.b+2].Text != ")" || have[cd.b+1] {
			continue
		}
		if acronymOf(dtoks[cd.b+1].Text) == "" {
			continue
		}
		out = append(out, cand{a: cd.b + 1, b: cd.b + 2, sent: cd.sent, typ: cd.typ})
	}
	return out
}

// pronouns are the words that are never names: lexicon's pronouns,
// possessives and determiners, and nonNames.
var pronouns = sync.OnceValue(func() map[string]bool {
	return lexicon.Set(lexicon.Pronoun|lexicon.ObjectPronoun|lexicon.Possessive|lexicon.Determiner, 0, nonNames...)
})

// nonNames are the pronouns lexicon's classes leave out that a tagger may
// still take for a name: the possessive pronoun "hers" and "who".
var nonNames = []string{"hers", "who"}

// nonNameWords are pronouns and notName in one set, looked up once.
var nonNameWords = sync.OnceValue(func() map[string]bool {
	m := maps.Clone(pronouns())
	maps.Copy(m, notName())
	return m
})

// junk reports whether a mention's text cannot be a name: a pronoun, or
// words without a capital letter or digit.
func junk(s string, typ news.EntityType) bool {
	if partyTag(s) || lowerIn(nonNameWords(), s) {
		return true
	}
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func sortMentions(ms []news.Mention) {
	// insertion sort: mentions come nearly sorted
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
