package cluster

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// features are what the clusterer compares of one doc.
type features struct {
	text  textvec.Vector // stem counts of title (weighted) and body
	title textvec.Vector // stem counts of the title alone
	ents  textvec.Vector // entity-name term counts
	nums  textvec.Vector // counts of the body's number terms
	sig   textvec.Signature
	date  time.Time
	words int
}

// DocDate returns the date a doc is placed in time by: Doc.Date when set,
// otherwise its stated date, otherwise its dateline date; zero when none
// is known.
func DocDate(d *news.Doc) time.Time {
	switch {
	case !d.Date.IsZero():
		return d.Date
	case !d.StatedDate.IsZero():
		return d.StatedDate
	default:
		return d.DatelineDate
	}
}

// extractor turns docs into features, interning terms in one vocabulary.
// Stems are prefixed "w:", entity terms "e:", so the two never share an
// id by accident.
type extractor struct {
	vocab   *textvec.Vocab
	words   map[string]int32 // long folded word → stem term id, -1 when none
	short   wordTable        // the same for words of up to wordSlotLen bytes
	buf     []byte
	fold    []byte // the word being looked up (foldWord, stemID)
	ids     []uint32
	tids    []uint32
	nids    []uint32
	eids    []uint32
	hashes  []uint64
	scratch []uint32
	// cnt counts term ids while counts builds a vector, else zeros.
	cnt []int32
}

func newExtractor() *extractor {
	return &extractor{vocab: textvec.NewVocab(), words: map[string]int32{}}
}

// maxWordMemo bounds the memo of folded words (short and long).
const maxWordMemo = 1 << 20

// stemID returns the id of the stem of a folded word, or false for a
// stopword or a one-letter word. Numbers are kept: a year or a toll
// tells one event from another of the same kind.
func (x *extractor) stemID(w string) (uint32, bool) {
	x.fold = append(x.fold[:0], w...)
	return x.stemIDBytes(x.fold, textvec.HashString(w))
}

// stemIDBytes is stemID for a word in bytes, whose textvec.HashString
// is h. It allocates only for a word not seen before or a long one.
func (x *extractor) stemIDBytes(b []byte, h uint64) (uint32, bool) {
	short := len(b) > 0 && len(b) <= wordSlotLen
	if short {
		if id, ok := x.short.get(b, h); ok {
			return uint32(id), id >= 0
		}
	} else if id, ok := x.words[string(b)]; ok {
		return uint32(id), id >= 0
	}
	w := string(b)
	id := int32(-1)
	if len(w) >= 2 && !textvec.IsStopword(w) {
		x.buf = append(x.buf[:0], "w:"...)
		x.buf = append(x.buf, textvec.Stem(w)...)
		id = int32(x.vocab.ID(string(x.buf)))
	}
	if x.short.used+len(x.words) < maxWordMemo {
		if short {
			x.short.put(b, h, id)
		} else {
			x.words[w] = id
		}
	}
	return uint32(id), id >= 0
}

// foldWord writes textvec.Fold(tok) into x.fold and returns it, with
// false when the token has no letter or digit. An ASCII token, nearly
// every one, is lowercased there without allocating.
func (x *extractor) foldWord(tok string) ([]byte, bool) {
	b := x.fold[:0]
	alnum := false
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= utf8.RuneSelf:
			f := textvec.Fold(tok)
			x.fold = append(x.fold[:0], f...)
			return x.fold, f != ""
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			alnum = true
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			alnum = true
		}
		b = append(b, c)
	}
	x.fold = b
	return b, alnum
}

func (x *extractor) entID(s string) uint32 {
	x.buf = append(x.buf[:0], "e:"...)
	x.buf = append(x.buf, s...)
	return x.vocab.ID(string(x.buf))
}

// extract computes a doc's features. The title's stems count
// titleWeight times.
func (x *extractor) extract(d *news.Doc, cfg *Config) features {
	x.ids = x.ids[:0]
	x.tids = x.tids[:0]
	x.nids = x.nids[:0]
	x.hashes = x.hashes[:0]
	words := 0
	if d.Title != "" {
		for _, w := range strings.Fields(d.Title) {
			textvec.Words(w, func(s, e int) {
				lw := strings.ToLower(w[s:e])
				if id, ok := x.stemID(lw); ok {
					x.tids = append(x.tids, id)
					for k := 0; k < cfg.TitleWeight; k++ {
						x.ids = append(x.ids, id)
					}
				}
			})
		}
	}
	addWord := func(tok string, n int) {
		f, ok := x.foldWord(tok)
		if !ok {
			return
		}
		words++
		h := textvec.HashBytes(f)
		x.hashes = append(x.hashes, h)
		if id, ok := x.stemIDBytes(f, h); ok {
			for range n {
				x.ids = append(x.ids, id)
			}
			if isNumber(f) {
				x.nids = append(x.nids, id)
			}
		}
	}
	if len(d.Tokens) > 0 {
		leadEnd := len(d.Tokens)
		if len(d.Sentences) > cfg.LeadSentences {
			leadEnd = d.Sentences[cfg.LeadSentences].FirstToken
		}
		for i, t := range d.Tokens {
			n := 1
			if i < leadEnd {
				n = cfg.LeadWeight
			}
			addWord(t.In(d.Text), n)
		}
	} else {
		for _, w := range strings.Fields(d.Text) {
			textvec.Words(w, func(s, e int) { addWord(w[s:e], 1) })
		}
	}
	f := features{date: DocDate(d), words: words}
	f.text = x.counts(x.ids)
	if len(x.tids) > 0 {
		f.title = x.counts(x.tids)
	}
	if len(x.nids) > 0 {
		f.nums = x.counts(x.nids)
	}
	f.sig = textvec.MinHash(x.hashes, cfg.ShingleWords, minhashBands*minhashRows)

	// entity names: each mention counts once for its entity's full name
	// and once for its last word (a surname, "Obama" of "Barack Obama"),
	// a person's PersonWeight times.
	x.eids = x.eids[:0]
	for _, m := range d.Mentions {
		name := m.Text
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			name = d.Entities[m.Entity].Name
		}
		name = foldName(name)
		if name == "" {
			continue
		}
		n := 1
		if m.Type == news.Person {
			n = cfg.PersonWeight
		}
		for range n {
			x.eids = append(x.eids, x.entID(name))
			if i := strings.LastIndexByte(name, ' '); i >= 0 {
				x.eids = append(x.eids, x.entID(name[i+1:]))
			}
		}
	}
	f.ents = x.counts(x.eids)
	return f
}

// counts returns textvec.Counts(ids): each id once, in order, with its
// count. It counts in x.cnt and sorts the distinct ids alone (a doc's
// words repeat: the ids are two or three times as many).
func (x *extractor) counts(ids []uint32) textvec.Vector {
	if len(ids) == 0 {
		return nil
	}
	if n := x.vocab.Len(); len(x.cnt) < n {
		x.cnt = append(x.cnt, make([]int32, n-len(x.cnt))...)
	}
	d := x.scratch[:0]
	for _, id := range ids {
		if x.cnt[id] == 0 {
			d = append(d, id)
		}
		x.cnt[id]++
	}
	slices.Sort(d)
	v := make(textvec.Vector, len(d))
	for i, id := range d {
		v[i] = textvec.Entry{ID: id, W: float64(x.cnt[id])}
		x.cnt[id] = 0
	}
	x.scratch = d
	return v
}

// foldName lowercases a name, folds accents and drops punctuation:
// "Nuri al-Maliki's" → "nuri al maliki s".
func foldName(s string) string {
	var parts []string
	for _, w := range strings.Fields(s) {
		if f := textvec.Fold(w); f != "" {
			textvec.Words(f, func(a, b int) { parts = append(parts, f[a:b]) })
		}
	}
	return strings.Join(parts, " ")
}

// isNumber reports whether a folded word is a number ("23", "2011",
// "6.1"): a toll, a year or a magnitude tells one happening from another
// of the same kind.
func isNumber(w []byte) bool {
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9'
}
