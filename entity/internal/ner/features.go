package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/fnv1a"
)

const fnvOffset = uint64(fnv1a.Offset)

// hstr continues an FNV-1a hash (package fnv1a) over s and a separator.
func hstr(h uint64, s string) uint64 { return uint64(fnv1a.Hash(h).Str(s).Byte(0xff)) }

// hnum continues a hash over a small number, as FNV-1a continues over a
// byte, but with n+0x100, which no byte equals.
func hnum(h uint64, n uint64) uint64 { return uint64(fnv1a.Hash(h).Mix(n + 0x100)) }

// tmpl starts the hash of a feature template.
func tmpl(id uint64) uint64 { return hnum(fnvOffset, id) }

// Token flags.
const (
	fInitCap = 1 << iota
	fAllCaps
	fHasDigit
	fAllDigit
	fHyphen
	fDot
	fHasLower
	fAlpha
)

// tok is what the featurizer precomputes about a token.
type tok struct {
	word  string // as written
	low   string // lowercased, digits as 0
	shape string
	flags uint8
	lowH  uint64
	shH   uint64
	// gazetteer: types of the longest match covering the token and the
	// token's BILOU position in it.
	gazMask, gazPos uint8
	lex             uint8 // lowercase-frequency bucket + 1, 0 unknown
	// wi is the word's memo entry, set by prepareDoc (decode's tokens
	// have no low and shape strings; they need only their hashes).
	wi *wordInfo
}

// norm lowercases a word and writes digits as 0.
func norm(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		needs := false
		for i := 0; i < len(w); i++ {
			c := w[i]
			if (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') {
				needs = true
				break
			}
		}
		if !needs {
			return w
		}
		b := []byte(w)
		for i, c := range b {
			switch {
			case c >= 'A' && c <= 'Z':
				b[i] = c + 32
			case c >= '1' && c <= '9':
				b[i] = '0'
			}
		}
		return string(b)
	}
	var sb strings.Builder
	for _, r := range w {
		if unicode.IsDigit(r) {
			sb.WriteByte('0')
			continue
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// shapeOf maps a word to its short shape: X, x, d and other characters,
// runs collapsed ("McDonald" → XxXx, "1996-08-22" → d-d-d).
func shapeOf(w string) (string, uint8) {
	var buf [32]byte
	n := 0
	var last byte
	var flags uint8
	letters, digits, uppers, runes := 0, 0, 0, 0
	for i, r := range w {
		runes++
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			uppers++
			letters++
		case unicode.IsLetter(r):
			c = 'x'
			letters++
			flags |= fHasLower
		case unicode.IsDigit(r):
			c = 'd'
			digits++
		default:
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '*'
			}
			if r == '-' {
				flags |= fHyphen
			}
			if r == '.' {
				flags |= fDot
			}
		}
		if i == 0 && c == 'X' {
			flags |= fInitCap
		}
		if c != last && n < len(buf) {
			buf[n] = c
			n++
			last = c
		}
	}
	if letters > 0 && uppers == letters {
		flags |= fAllCaps
	}
	if digits > 0 {
		flags |= fHasDigit
		if digits == runes {
			flags |= fAllDigit
		}
	}
	if letters > 0 {
		flags |= fAlpha
	}
	return string(buf[:n]), flags
}

// docState is what the featurizer knows about the whole document, per
// low form: whether it is written capitalised mid-sentence or in lower
// case somewhere, and the memory of the labels it was given. Tokens from
// prepareDoc keep it in their low form's lowState, shared by every word
// of that low form in the word memo, so that decoding hashes nothing;
// tokens from prepare (training) keep it in the maps, keyed by the low
// form's hash.
type docState struct {
	capElsewhere map[uint64]bool // low forms written capitalised mid-sentence
	lowElsewhere map[uint64]bool // low forms written in lower case
	memory       map[uint64]uint8
	// gen numbers the document: a lowState of another gen is empty.
	gen uint64
}

// lowState is the document state of one low form (see docState).
type lowState struct {
	gen   uint64
	flags uint8 // lsCap, lsLow, lsMem
	mem   uint8
}

const (
	lsCap = 1 << iota
	lsLow
	lsMem
)

// capLow returns 1 or 0 for whether the low form is written capitalised
// mid-sentence (lsCap) and in lower case (lsLow) in the document: the
// indexes of the feature rows that read them.
func (ls *lowState) capLow() (ce, le int) {
	if ls.flags&lsCap != 0 {
		ce = 1
	}
	if ls.flags&lsLow != 0 {
		le = 1
	}
	return ce, le
}

// state returns the lowState of token t in this document, cleared when
// it last held another's, or nil when t keeps its state in the maps.
func (d *docState) state(t *tok) *lowState {
	if t.wi == nil {
		return nil
	}
	ls := t.wi.low
	if ls.gen != d.gen {
		*ls = lowState{gen: d.gen}
	}
	return ls
}

// capElse reports whether t's low form is written capitalised
// mid-sentence in the document.
func (d *docState) capElse(t *tok) bool {
	if ls := d.state(t); ls != nil {
		return ls.flags&lsCap != 0
	}
	return d.capElsewhere[t.lowH]
}

// lowElse reports whether t's low form is written in lower case in the
// document.
func (d *docState) lowElse(t *tok) bool {
	if ls := d.state(t); ls != nil {
		return ls.flags&lsLow != 0
	}
	return d.lowElsewhere[t.lowH]
}

// mem returns the memory of t's low form, and whether it has one.
func (d *docState) mem(t *tok) (uint8, bool) {
	if ls := d.state(t); ls != nil {
		return ls.mem, ls.flags&lsMem != 0
	}
	v, ok := d.memory[t.lowH]
	return v, ok
}

// setMem sets the memory of t's low form.
func (d *docState) setMem(t *tok, v uint8) {
	if ls := d.state(t); ls != nil {
		ls.mem = v
		ls.flags |= lsMem
		return
	}
	d.memory[t.lowH] = v
}

// sentInfo holds a sentence's tokens.
type sentInfo struct {
	toks     []tok
	headline bool // every word in capitals
}

// Feature template ids.
const (
	tBias = iota + 1
	tW
	tWord
	tWm1
	tWp1
	tWm2
	tWp2
	tWm1W
	tWWp1
	tSh
	tShm1
	tShp1
	tSh3
	tPre
	tSuf
	tFlags
	tStart
	tP1
	tP12 // retired; kept so that the ids after it, which the model hashes, stay put
	tP1W
	tP1Sh
	tGaz
	tGazm1
	tGazp1
	tLex
	tLexStart
	tCapElse
	tLowElse
	tMem
	tMemSh
	tLen
	tShm1W
	tWm1Sh
	tHead
)

func (m *Model) prepare(words []string, mem *docState) sentInfo {
	s := sentInfo{toks: make([]tok, len(words))}
	alpha, caps := 0, 0
	for i, w := range words {
		t := &s.toks[i]
		t.word = w
		t.low = norm(w)
		t.shape, t.flags = shapeOf(w)
		t.lowH = hstr(fnvOffset, t.low)
		t.shH = hstr(fnvOffset, t.shape)
		if b, ok := m.lex[t.low]; ok {
			t.lex = b + 1
		}
		if t.flags&fAlpha != 0 && utf8.RuneCountInString(w) > 1 {
			alpha++
			if t.flags&fAllCaps != 0 {
				caps++
			}
		}
	}
	s.headline = alpha >= 2 && caps == alpha
	m.gaz.mark(s.toks)
	return s
}

// observe records a sentence's capitalisation in the document state.
func (d *docState) observe(s *sentInfo) {
	for i := range s.toks {
		t := &s.toks[i]
		if t.flags&fAlpha == 0 {
			continue
		}
		low := t.flags&fHasLower != 0 && t.flags&fInitCap == 0
		capd := !s.headline && i > 0 && !sentStart(s, i) && t.flags&fInitCap != 0
		if !low && !capd {
			continue
		}
		if ls := d.state(t); ls != nil {
			if low {
				ls.flags |= lsLow
			}
			if capd {
				ls.flags |= lsCap
			}
			continue
		}
		if low {
			d.lowElsewhere[t.lowH] = true
		}
		if capd {
			d.capElsewhere[t.lowH] = true
		}
	}
}

func sentStart(s *sentInfo, i int) bool {
	if i == 0 {
		return true
	}
	switch s.toks[i-1].word {
	case "\"", "``", "“", "'", "(", ":", "--", "-", "—", "‘":
		return true
	}
	return false
}

// dynamic appends the features of token i that depend on the previous
// label p (NumLabels at the start).
func dynamic(buf []uint64, s *sentInfo, i int, p uint8) []uint64 {
	return append(dynamicWord(buf, s, i, p), transFeature(p))
}

// transFeature is the feature of the previous label alone.
func transFeature(p uint8) uint64 { return hnum(tmpl(tP1), uint64(p)) }

// dynamicWord appends the features of the previous label with the word.
func dynamicWord(buf []uint64, s *sentInfo, i int, p uint8) []uint64 {
	t := &s.toks[i]
	return append(buf,
		hnum(hnum(tmpl(tP1W), uint64(p)), t.lowH),
		hnum(hnum(tmpl(tP1Sh), uint64(p)), t.shH))
}

// features appends the hashes of the features of token i that do not
// depend on the labels.
func (m *Model) features(buf []uint64, s *sentInfo, i int, d *docState) []uint64 {
	t := &s.toks[i]
	n := len(s.toks)
	lowAt := func(j int) uint64 {
		if j < 0 {
			return 1
		}
		if j >= n {
			return 2
		}
		return s.toks[j].lowH
	}
	shAt := func(j int) uint64 {
		if j < 0 {
			return 1
		}
		if j >= n {
			return 2
		}
		return s.toks[j].shH
	}
	start := sentStart(s, i)
	var st uint64
	if start {
		st = 1
	}
	if s.headline {
		st |= 2
	}
	// First the features of the word alone, whatever its context, which
	// decoding sums once per word type (see wordInfo.em0): bias, W,
	// Word, Sh, affixes by rune, Len and Lex.
	rc := utf8.RuneCountInString(t.low)
	buf = append(buf,
		tmpl(tBias),
		hnum(tmpl(tW), t.lowH),
		hstr(tmpl(tWord), t.word),
		hnum(tmpl(tSh), t.shH))
	buf = appendAffixes(buf, t.low, rc)
	buf = append(buf, lenFeature(rc, t.flags),
		hnum(hnum(tmpl(tLex), uint64(t.lex)), uint64(t.flags&(fInitCap|fAllCaps))))
	buf = append(buf,
		hnum(tmpl(tWm1), lowAt(i-1)),
		hnum(tmpl(tWp1), lowAt(i+1)),
		hnum(tmpl(tWm2), lowAt(i-2)),
		hnum(tmpl(tWp2), lowAt(i+2)),
		hnum(hnum(tmpl(tWm1W), lowAt(i-1)), t.lowH),
		hnum(hnum(tmpl(tWWp1), t.lowH), lowAt(i+1)),
		hnum(tmpl(tShm1), shAt(i-1)),
		hnum(tmpl(tShp1), shAt(i+1)),
		hnum(hnum(hnum(tmpl(tSh3), shAt(i-1)), t.shH), shAt(i+1)),
		hnum(hnum(tmpl(tFlags), uint64(t.flags)), st),
		hnum(hnum(tmpl(tStart), st), uint64(t.flags&(fInitCap|fAllCaps))),
		hnum(hnum(tmpl(tShm1W), shAt(i-1)), t.lowH),
		hnum(hnum(tmpl(tWm1Sh), lowAt(i-1)), t.shH),
		hnum(hnum(tmpl(tHead), st), t.lowH),
	)
	if t.gazMask != 0 {
		for ty := 0; ty < NumTypes; ty++ {
			if t.gazMask&(1<<ty) != 0 {
				buf = append(buf, hnum(hnum(hnum(tmpl(tGaz), uint64(ty)), uint64(t.gazPos)), uint64(t.flags&(fInitCap|fAllCaps))))
			}
		}
		buf = append(buf, hnum(hnum(tmpl(tGaz), 99), uint64(t.gazMask)))
	}
	if i > 0 && s.toks[i-1].gazMask != 0 {
		buf = append(buf, hnum(tmpl(tGazm1), uint64(s.toks[i-1].gazMask)))
	}
	if i+1 < n && s.toks[i+1].gazMask != 0 {
		buf = append(buf, hnum(tmpl(tGazp1), uint64(s.toks[i+1].gazMask)))
	}
	buf = append(buf, hnum(hnum(tmpl(tLexStart), uint64(t.lex)), st))
	if d != nil && t.flags&fAlpha != 0 {
		var ce, le uint64
		if d.capElse(t) {
			ce = 1
		}
		if d.lowElse(t) {
			le = 1
		}
		buf = append(buf,
			hnum(hnum(hnum(tmpl(tCapElse), ce), st), uint64(t.flags&(fInitCap|fAllCaps))),
			hnum(hnum(hnum(tmpl(tLowElse), le), st), uint64(t.flags&(fInitCap|fAllCaps))))
		if t.flags&(fInitCap|fAllCaps) != 0 {
			m, _ := d.mem(t)
			mem := uint64(m)
			buf = append(buf, hnum(tmpl(tMem), mem), hnum(hnum(tmpl(tMemSh), mem), st))
		}
	}
	return buf
}

// appendAffixes appends the prefix and suffix features of a word's low
// form of rc runes.
func appendAffixes(buf []uint64, low string, rc int) []uint64 {
	if rc <= 1 {
		return buf
	}
	k := 0
	for j := range low {
		if k > 0 && k <= 4 {
			buf = append(buf, hstr(hnum(tmpl(tPre), uint64(k)), low[:j]))
		}
		k++
	}
	if k <= 4 {
		buf = append(buf, hstr(hnum(tmpl(tPre), uint64(k)), low))
	}
	k = 0
	for j := len(low); j > 0 && k < 4; {
		_, sz := utf8.DecodeLastRuneInString(low[:j])
		j -= sz
		k++
		buf = append(buf, hstr(hnum(tmpl(tSuf), uint64(k)), low[j:]))
	}
	return buf
}

// lenFeature is the feature of a word's length in runes (8 for longer)
// with its capitalisation.
func lenFeature(rc int, flags uint8) uint64 {
	return hnum(hnum(tmpl(tLen), uint64(min(rc, 8))), uint64(flags&fInitCap))
}

// remember records the labels given to a sentence in the document memory.
func (d *docState) remember(s *sentInfo, ls []uint8) {
	for i, l := range ls {
		t := &s.toks[i]
		if t.flags&(fInitCap|fAllCaps) == 0 || t.flags&fAlpha == 0 {
			continue
		}
		if l == 0 {
			if _, ok := d.mem(t); !ok && !sentStart(s, i) && !s.headline {
				d.setMem(t, 1)
			}
			continue
		}
		d.setMem(t, uint8(2+labelType(l)))
	}
}

// reset empties the state for another document.
func (d *docState) reset() {
	clear(d.capElsewhere)
	clear(d.lowElsewhere)
	clear(d.memory)
	d.gen++
}

func newDocState() *docState {
	return &docState{capElsewhere: map[uint64]bool{}, lowElsewhere: map[uint64]bool{}, memory: map[uint64]uint8{}, gen: 1}
}
