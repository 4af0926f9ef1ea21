package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/levenshtein"
	"github.com/storyline-news/storyline/token"
)

// particles are name prefixes that spellings keep or drop (al-Ghanmi,
// Ghanmi; van Gogh, Gogh).
var particles = map[string]bool{
	"al": true, "el": true, "ul": true, "ad": true, "as": true, "at": true, "an": true,
	"bin": true, "ibn": true, "bint": true, "ben": true,
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "dos": true, "das": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "ter": true,
}

// fold lowercases s and drops the accents of Latin letters.
func fold(s string) string {
	if foldsToItself(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å', 'ā', 'ă', 'ą':
			r = 'a'
		case 'é', 'è', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
			r = 'e'
		case 'í', 'ì', 'î', 'ï', 'ī', 'ı', 'į':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø', 'ō', 'ő':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü', 'ū', 'ů', 'ű':
			r = 'u'
		case 'ç', 'ć', 'č':
			r = 'c'
		case 'ñ', 'ń', 'ň':
			r = 'n'
		case 'ş', 'ś', 'š', 'ș':
			r = 's'
		case 'ğ':
			r = 'g'
		case 'ž', 'ź', 'ż':
			r = 'z'
		case 'ý', 'ÿ':
			r = 'y'
		case 'ł':
			r = 'l'
		case 'ř':
			r = 'r'
		case 'ț', 'ţ':
			r = 't'
		case 'đ', 'ď':
			r = 'd'
		case '’', '‘', '`', 'ʼ', 'ʻ':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldsToItself reports whether fold returns s as it is: ASCII without a
// capital or a backquote.
func foldsToItself(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' || c == '`' {
			return false
		}
	}
	return true
}

// translit maps a folded name part to a spelling that transliteration
// variants share: digraphs to one letter (gh, kh, ph, th, dh, sh stays),
// q to g, w to v, y to i, ou and oo to u, ee to i, doubled letters once.
func translit(s string) string {
	// the pairs replaced left to right, as strings.Replacer does (no key
	// is the start of another, so one key at most matches at a place),
	// then a letter repeated kept once
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); {
		to, n := translitAt(s[i:])
		if n == 0 {
			to, n = s[i:i+1], 1
		}
		for k := 0; k < len(to); k++ {
			if len(b) > 0 && b[len(b)-1] == to[k] {
				continue
			}
			b = append(b, to[k])
		}
		i += n
	}
	return string(b)
}

// translitPairs are the spellings translit replaces, each with its
// replacement.
var translitPairs = [...][2]string{
	{"sch", "sh"}, {"tch", "ch"}, {"ph", "f"}, {"gh", "g"}, {"kh", "k"}, {"dh", "d"}, {"th", "t"},
	{"ck", "k"}, {"q", "g"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"w", "v"}, {"y", "i"}, {"'", ""}, {"-", ""},
	{"x", "ks"}, {"ue", "u"}, {"oe", "o"}, {"ae", "a"},
}

// translitFirst lists for each byte, in order, the translitPairs whose
// spelling starts with it: the only ones translitAt need try.
var translitFirst = func() (t [256][]uint8) {
	for i, p := range &translitPairs {
		t[p[0][0]] = append(t[p[0][0]], uint8(i))
	}
	return t
}()

// translitAt returns the replacement of the pair s starts with and the
// pair's length, or 0 when none does.
func translitAt(s string) (string, int) {
	if s == "" {
		return "", 0
	}
	for _, i := range translitFirst[s[0]] {
		if p := &translitPairs[i]; strings.HasPrefix(s, p[0]) {
			return p[1], len(p[0])
		}
	}
	return "", 0
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// skeleton is a transliterated part's first letter (any vowel as a) and
// its other consonants, h dropped: Mohammad, Muhamed → mmd.
func skeleton(t string) string {
	if t == "" {
		return ""
	}
	b := []byte{t[0]}
	if isVowel(t[0]) {
		b[0] = 'a'
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		if isVowel(c) || c == 'h' || (c == b[len(b)-1]) {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// part is one word of a person's name.
type part struct {
	t    string // transliterated
	sk   string // skeleton
	init bool   // an initial ("J.")
}

// pname is a person's name split into parts, particles dropped.
type pname struct {
	parts []part
	// suffix is a generational suffix ("jr", "sr", "iii"), which is no
	// part: the surname of "Jesse Jackson Jr." is Jackson.
	suffix string
}

// generational are the suffixes written after a person's surname.
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameCache holds names parsed: a doc names the same people again and
// again, and docs the same people and words. A pname is never changed
// once made, so the callers may share one. Its keys are copies, so a
// cache kept from doc to doc holds no doc's text.
type nameCache struct{ m map[string]pname }

// maxKeptNames bounds a nameCache: past it, the cache starts over.
const maxKeptNames = 1 << 13

// keptNames are the caches Apply uses, kept from doc to doc; one is used
// by one Apply at a time.
var keptNames = sync.Pool{New: func() any { return newNameCache() }}

func newNameCache() *nameCache { return &nameCache{m: map[string]pname{}} }

// parse returns parseName(s), parsed once while the cache holds it.
func (c *nameCache) parse(s string) pname {
	pn, ok := c.m[s]
	if !ok {
		pn = parseName(s)
		if len(c.m) >= maxKeptNames {
			clear(c.m)
		}
		c.m[strings.Clone(s)] = pn
	}
	return pn
}

// parseName splits a person's name into parts.
func parseName(s string) pname {
	var n pname
	var buf [8]string
	for _, w := range token.FieldsInto(buf[:0], fold(s)) {
		w = strings.Trim(strings.TrimSuffix(w, "'s"), ".,;:'\"()[]")
		if w == "" || w == "'s" {
			continue
		}
		// a particle written apart or joined with a hyphen
		if particles[w] {
			continue
		}
		if i := strings.IndexAny(w, "-'"); i > 0 && particles[w[:i]] {
			w = w[i+1:]
		}
		if w == "" {
			continue
		}
		if generational[w] && len(n.parts) > 1 {
			n.suffix = w
			continue
		}
		p := part{t: translit(w)}
		p.sk = skeleton(p.t)
		p.init = len([]rune(strings.TrimSuffix(w, "."))) == 1
		n.parts = append(n.parts, p)
	}
	return n
}

// partCount is len(parseName(s).parts), counted without building the
// parts.
func partCount(s string) int {
	n := 0
	var buf [8]string
	for _, w := range token.FieldsInto(buf[:0], fold(s)) {
		w = strings.Trim(strings.TrimSuffix(w, "'s"), ".,;:'\"()[]")
		if w == "" || w == "'s" || particles[w] {
			continue
		}
		if i := strings.IndexAny(w, "-'"); i > 0 && particles[w[:i]] {
			w = w[i+1:]
		}
		if w == "" || generational[w] && n > 1 {
			continue
		}
		n++
	}
	return n
}

// hypocorism reports whether hypocorisms has a pair for x and y, keyed
// x|y; the key is built on the stack.
func hypocorism(x, y string) bool {
	var buf [64]byte
	k := append(append(append(buf[:0], x...), '|'), y...)
	return hypocorisms()[string(k)] != ""
}

// hypocorisms maps common English short forms of given names to the full
// name, both transliterated (Mike, Michael; Chuck, Charles).
var hypocorisms = sync.OnceValue(func() map[string]string {
	hypocorisms := map[string]string{}
	for full, shorts := range map[string]string{
		"michael": "mike mick mickey", "charles": "chuck charlie", "william": "bill billy will willie",
		"robert": "bob bobby rob robbie bert", "james": "jim jimmy jamie", "joseph": "joe joey",
		"thomas": "tom tommy", "richard": "dick rick ricky rich", "david": "dave davey",
		"daniel": "dan danny", "edward": "ed eddie ned", "anthony": "tony", "stephen": "steve",
		"steven": "steve", "nicholas": "nick nicky", "patrick": "pat paddy", "samuel": "sam sammy",
		"benjamin": "ben benny", "andrew": "andy drew", "alexander": "alex sasha", "elizabeth": "liz beth betty lizzie",
		"katherine": "kate kathy katie", "catherine": "cathy kate", "jennifer": "jen jenny",
		"christopher": "chris", "matthew": "matt", "gregory": "greg", "jeffrey": "jeff",
		"jonathan": "jon", "lawrence": "larry", "ronald": "ron ronnie", "donald": "don donnie",
		"henry": "hank harry", "john": "jack johnny", "frederick": "fred freddie", "susan": "sue susie",
		"peter": "pete", "vincent": "vince", "zachary": "zach", "abraham": "abe", "ashton": "ash",
		"margaret": "maggie meg peggy", "deborah": "deb debbie", "rebecca": "becky", "kenneth": "ken kenny",
		"timothy": "tim", "nathaniel": "nate nat", "theodore": "ted teddy", "leonard": "len lenny",
		"gerald": "gerry jerry", "raymond": "ray", "douglas": "doug", "philip": "phil", "phillip": "phil",
		"victoria": "vicky tori", "alexandra": "alex sasha", "patricia": "pat patty trish",
	} {
		for _, sh := range strings.Fields(shorts) {
			hypocorisms[translit(sh)+"|"+translit(full)] = full
		}
	}
	return hypocorisms
})

// hypoShapes holds, for each first byte of hypoKeys' names, their
// lengths as bits (31 standing for any from 31 up).
var hypoShapes = sync.OnceValue(func() *[256]uint32 {
	var m [256]uint32
	for k := range hypoKeys() {
		if k != "" {
			m[k[0]] |= 1 << min(len(k), 31)
		}
	}
	return &m
})

// hypoShaped reports whether a transliterated name has the first byte
// and length of one of hypoKeys' names: names of the other shapes are
// none of them, and need no lookup.
func hypoShaped(t string) bool {
	return t != "" && hypoShapes()[t[0]]&(1<<min(len(t), 31)) != 0
}

// partMatch reports whether two name parts can be spellings of one name.
func partMatch(a, b part) bool {
	if a.t == b.t {
		return true
	}
	// (a pair of the table has both names among hypoKeys' keys: their
	// shapes, then one lookup, rule most names out)
	if hypoShaped(a.t) && hypoShaped(b.t) {
		if _, ok := hypoKeys()[a.t]; ok && (hypocorism(a.t, b.t) || hypocorism(b.t, a.t)) {
			return true
		}
	}
	if a.init || b.init {
		return a.t != "" && b.t != "" && a.t[0] == b.t[0]
	}
	if len(a.t) < 3 || len(b.t) < 3 {
		return false
	}
	if max(len(a.t), len(b.t)) <= 4 {
		// short names: only an initial vowel may differ (Omar, Umar; not
		// Bush, Bash)
		return a.t[1:] == b.t[1:] && isVowel(a.t[0]) && isVowel(b.t[0])
	}
	// Distance stops once it exceeds the most the test allows (it then
	// gives a value above it, which the test rejects).
	if a.sk == b.sk {
		most := max(1, max(len(a.t), len(b.t))/3)
		return levenshtein.Distance(a.t, b.t, most) <= most
	}
	// a letter dropped or added in a long name (Vicente, Vincente): the
	// lengths differ by one, and the distance, at least that, is one
	if la, lb := len(a.t), len(b.t); la-lb != 1 && lb-la != 1 || min(la, lb) < 6 {
		return false
	}
	return levenshtein.Distance(a.t, b.t, 1) == 1
}

// surname is the last part.
func (n pname) surname() (part, bool) {
	if len(n.parts) == 0 {
		return part{}, false
	}
	return n.parts[len(n.parts)-1], true
}

// compatible reports whether two person names can name one person: their
// last parts match, and the other parts of the shorter name match other
// parts of the longer one in order. A name of one part is compatible with
// any name it is the last part of.
//
// Jr. and Sr. are two people: full names whose generational suffixes
// differ, or one of which has one, are not compatible ("Jesse Jackson
// Jr.", "Jesse Jackson").
func compatible(a, b pname) bool {
	sa, ok1 := a.surname()
	sb, ok2 := b.surname()
	if !ok1 || !ok2 || !partMatch(sa, sb) {
		return false
	}
	if a.suffix != b.suffix && len(a.parts) > 1 && len(b.parts) > 1 {
		return false
	}
	ga, gb := a.parts[:len(a.parts)-1], b.parts[:len(b.parts)-1]
	if len(ga) > len(gb) {
		ga, gb = gb, ga
	}
	j := 0
	for _, p := range ga {
		for j < len(gb) && !partMatch(p, gb[j]) {
			j++
		}
		if j == len(gb) {
			return false
		}
		j++
	}
	return true
}

// SameName reports whether two person names, as written, can be spellings
// of one person's name: transliteration variants (Baqeri, Bagheri;
// al-Ghanmi, al-Ghanemi; Mohammad, Mohamed), a surname alone, or a name
// with fewer given names (Hossein Bagheri, Mohammad Hossein Baqeri). It
// does not match different given names (George Bush, Jeb Bush).
func SameName(a, b string) bool { return compatible(parseName(a), parseName(b)) }

var stopInitials = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "'s": true, "&": true, "on": true, "in": true}

// acronymOf returns the letters of an acronym written as one ("KRG",
// "P.M.F."), or "".
func acronymOf(s string) string {
	if strings.ContainsRune(s, ' ') {
		return ""
	}
	var b []rune
	for _, r := range s {
		switch {
		case r == '.' || r == '&':
		case unicode.IsUpper(r):
			b = append(b, r)
		default:
			return ""
		}
	}
	if len(b) < 2 || len(b) > 8 {
		return ""
	}
	return string(b)
}

// initials returns the initials of the capitalised words of a name of
// several words ("Popular Mobilization Forces" → PMF).
func initials(s string) string {
	var buf [8]string
	ws := token.FieldsInto(buf[:0], s)
	if len(ws) < 2 {
		return ""
	}
	var rbuf [16]rune
	b := rbuf[:0]
	for _, w := range ws {
		if lowerIn(stopInitials, w) {
			continue
		}
		for p := range strings.SplitSeq(w, "-") {
			if p == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(p)
			if !unicode.IsUpper(r) {
				continue
			}
			b = append(b, r)
		}
	}
	return string(b)
}

// nameKey is the key under which names of places and organisations merge:
// folded, without a leading "the", dots, possessive or punctuation.
func nameKey(s string) string {
	if k, ok := asciiNameKey(s); ok {
		return k
	}
	return foldedNameKey(s)
}

// foldedNameKey is nameKey of any name.
func foldedNameKey(s string) string {
	s = fold(s)
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, "'s")
	var b strings.Builder
	sp := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sp && b.Len() > 0 {
				b.WriteByte(' ')
			}
			sp = false
			b.WriteRune(r)
		case r == '.' || r == '\'':
		default:
			sp = true
		}
	}
	k := b.String()
	if i := strings.IndexByte(k, ' '); i > 0 {
		if w, ok := placeAbbrevs[k[:i]]; ok {
			k = w + k[i:]
		}
	}
	return k
}

// placeAbbrevs spell out the abbreviations that start places' names
// ("Mt Cook", "Mount Cook").
var placeAbbrevs = map[string]string{"mt": "mount", "ft": "fort", "pt": "point", "st": "saint"}

// asciiNameKey is nameKey of a name of ASCII letters, digits, spaces and
// punctuation no longer than its buffer, built in one pass; ok is false
// for any other name.
func asciiNameKey(s string) (string, bool) {
	var buf [64]byte
	if len(s) > len(buf) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "", false
		}
	}
	// fold: lower case, a backquote as an apostrophe
	low := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		low[i] = c
	}
	if len(low) >= 4 && string(low[:4]) == "the " {
		low = low[4:]
	}
	if len(low) >= 2 && string(low[len(low)-2:]) == "'s" {
		low = low[:len(low)-2]
	}
	// the key is never longer than the folded name
	var key [64]byte
	out := key[:0]
	sp := false
	for _, c := range low {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if sp && len(out) > 0 {
				out = append(out, ' ')
			}
			sp = false
			out = append(out, c)
		case c == '.' || c == '\'':
		default:
			sp = true
		}
	}
	if i := bytesIndexSpace(out); i > 0 {
		if w, ok := placeAbbrevs[string(out[:i])]; ok {
			return w + string(out[i:]), true
		}
	}
	return string(out), true
}

// bytesIndexSpace returns the index of the first space in b, or -1.
func bytesIndexSpace(b []byte) int {
	for i, c := range b {
		if c == ' ' {
			return i
		}
	}
	return -1
}
