package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

// readText reads a plain-text article: header, metadata lines near the
// top, paragraphs, outlet prefix, title, debris and dateline.
func (r *Reader) readText(src *source, raw []byte) (*news.Article, error) {
	s, repaired, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	if repaired > 0 {
		r.warn(src.input, repairedUTF8(repaired))
	}
	if isBinary([]byte(s)) {
		return nil, errors.New("binary file")
	}
	if err := r.plainlyTooLong(s); err != nil {
		return nil, err
	}
	a := newArticle(src, raw, "text")
	lines := normalizeLines(s)
	lines = readHeader(a, lines)
	lines = readTopMeta(a, lines)
	paras := splitParagraphs(lines)
	paras = outletPrefix(a, paras)
	paras = bylines(a, paras)
	if err := r.finish(a, paras, finishOpts{findTitle: true, debris: true}); err != nil {
		return nil, err
	}
	return a, nil
}

// repairedUTF8 is the warning for text kept after a repair.
func repairedUTF8(n int) error {
	if n == 1 {
		return errors.New("warning: 1 invalid UTF-8 byte replaced with U+FFFD; the article is kept")
	}
	return fmt.Errorf("warning: %d invalid UTF-8 bytes replaced with U+FFFD; the article is kept", n)
}

// newArticle starts an article read from src whose source bytes are raw.
func newArticle(src *source, raw []byte, format string) *news.Article {
	sum := sha256.Sum256(raw)
	return &news.Article{
		ID:     src.id,
		Path:   src.input,
		URL:    src.url,
		Hash:   hex.EncodeToString(sum[:]),
		Format: format,
	}
}

// line is one line of text with its indentation measured and cut off.
type line struct {
	text   string
	indent int
}

var spaceReplacer = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n",
	"\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2007", " ", "\u2009", " ",
	"\u200a", " ", "\u202f", " ", "\u205f", " ", "\u3000", " ", "\t", "    ",
	"\f", "\n", "\v", "\n", "\u2028", "\n", "\u2029", "\n\n",
	"\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "",
)

// normalizeLines splits s into lines with unusual spaces made plain,
// invisible characters and control characters removed, and indentation
// measured.
func normalizeLines(s string) []line {
	s = spaceReplacer.Replace(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	raw := strings.Split(s, "\n")
	out := make([]line, len(raw))
	for i, l := range raw {
		t := strings.TrimLeft(l, " ")
		out[i] = line{text: strings.TrimSpace(t), indent: len(l) - len(t)}
	}
	return out
}

var headerRE = lazyRegexp(`^(?i:date):?\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$`)

// readHeader reads the optional first line "date YYYY-MM-DD ...": the date
// is the stated date and any text after it starts the body.
func readHeader(a *news.Article, lines []line) []line {
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		m := headerRE().FindStringSubmatch(l.text)
		if m == nil {
			return lines
		}
		if t, err := time.Parse("2006-01-02", m[1]); err == nil {
			a.StatedDate = t
		}
		lines[i].text = strings.TrimSpace(m[2])
		return lines
	}
	return lines
}

// topLines is how many non-empty lines at the top are searched for
// metadata.
const topLines = 12

// readTopMeta takes metadata lines, page stamps and bylines from the top
// of the text, before its first real sentence.
func readTopMeta(a *news.Article, lines []line) []line {
	seen := 0
	for i := range lines {
		t := lines[i].text
		if t == "" {
			continue
		}
		if seen++; seen > topLines || sentenceLike(t) {
			break
		}
		if joined, j := clockBeforeStamp(lines, i); j > 0 && stampLine(a, joined) {
			lines[i].text, lines[j].text = "", ""
			continue
		}
		switch {
		case metaLine(a, t):
		case stampLine(a, t):
		case bylineLine(a, t):
		case postedLine(a, t):
		default:
			continue
		}
		lines[i].text = ""
	}
	return lines
}

// sentenceLike reports whether t reads as running text rather than page
// furniture or metadata: several words ending a sentence, or many words.
func sentenceLike(t string) bool {
	n := len(strings.Fields(t))
	return n >= 8 && endsSentence(t) || n >= 20
}

var metaKeyRE = lazyRegexp(`^([\p{L}][\p{L} ]{0,20}?)\s*:\s*(.+)$`)

// metaKeys are the keys of metadata lines and what they fill.
var metaKeys = map[string]string{
	"source": "outlet", "publisher": "outlet", "outlet": "outlet",
	"by": "author", "author": "author", "authors": "author", "writer": "author", "reporter": "author", "written by": "author",
	"date": "date", "published": "date", "posted": "date", "published on": "date", "posted on": "date", "updated": "updated", "last updated": "updated",
	"editor": "", "edited by": "", "photo": "", "photos": "", "credit": "", "section": "", "category": "", "filed under": "",
}

// metaLine reads a line of metadata fields such as
// "Source: Xinhua| 2017-09-28 05:31:38|Editor: yan", filling a.
func metaLine(a *news.Article, t string) bool {
	fields := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
	type kv struct{ role, value string }
	var got []kv
	known := 0
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if d, ok := stampDate(f); ok {
			got = append(got, kv{"stamp", d.Format(time.RFC3339)})
			continue
		}
		m := metaKeyRE().FindStringSubmatch(f)
		if m == nil || len(strings.Fields(m[2])) > 8 {
			return false
		}
		role, ok := metaKeys[strings.ToLower(strings.TrimSpace(m[1]))]
		if ok {
			known++
		} else if len(fields) < 2 {
			return false
		}
		got = append(got, kv{role, strings.TrimSpace(m[2])})
	}
	if known == 0 || len(got) == 0 {
		return false
	}
	var stamp, updated time.Time
	for _, f := range got {
		switch f.role {
		case "outlet":
			if a.Outlet == "" {
				a.Outlet = strings.TrimRight(f.value, " ,;-")
			}
		case "author":
			if a.Author == "" {
				a.Author = f.value
			}
		case "date":
			if d, ok := parseDate(f.value); ok && a.StatedDate.IsZero() {
				a.StatedDate = d
			}
		case "updated":
			updated, _ = parseDate(f.value)
		case "stamp":
			stamp, _ = time.Parse(time.RFC3339, f.value)
		}
	}
	// A bare date among metadata fields is the article's date; failing
	// that, the date it was updated.
	for _, d := range []time.Time{stamp, updated} {
		if a.StatedDate.IsZero() && !d.IsZero() {
			a.StatedDate = d
		}
	}
	return true
}

// postedLine takes a short line that dates the page among other words
// ("Submitted by editor on Fri, 10/21/2011 - 09:42") as a page stamp.
func postedLine(a *news.Article, t string) bool {
	d, ok := postedDate(t)
	if !ok {
		return false
	}
	if a.PageStamp.IsZero() {
		a.PageStamp = d
	}
	return true
}

// stampLine takes a line that is nothing but a date as a page stamp.
func stampLine(a *news.Article, t string) bool {
	d, ok := stampDate(t)
	if !ok {
		return false
	}
	if a.PageStamp.IsZero() {
		a.PageStamp = d
	}
	return true
}

var bylineRE = lazyRegexp(`^(?:By|BY|by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|bin|al-\p{L}+)){0,6})\s*(?:[,|/–—-].{0,40})?$`)

// bylineLine takes a "By Jane Doe" line as the author.
func bylineLine(a *news.Article, t string) bool {
	m := bylineRE().FindStringSubmatch(t)
	if m == nil {
		return false
	}
	if a.Author == "" {
		a.Author = m[1]
	}
	return true
}

// bylines takes "By Jane Doe" paragraphs near the top, which may follow
// the headline or the first paragraph, as the author.
func bylines(a *news.Article, paras []string) []string {
	for i := 0; i < len(paras) && i < 4; i++ {
		if bylineLine(a, paras[i]) {
			return append(paras[:i], paras[i+1:]...)
		}
	}
	return paras
}

// splitParagraphs groups lines into paragraphs: blank lines separate
// paragraphs, unless one falls mid-sentence; inside a block, lines wrapped
// at a fixed width are joined again and other lines stand alone.
func splitParagraphs(lines []line) []string {
	var paras []string
	var block []line
	flush := func() {
		if len(block) == 0 {
			return
		}
		ps := blockParagraphs(block)
		block = block[:0]
		// A blank line in the middle of a sentence (as some scrapers leave
		// between every line) does not end a paragraph.
		if n := len(paras); n > 0 && endsMidSentence(paras[n-1]) && startsLower(ps[0]) {
			var b strings.Builder
			b.WriteString(paras[n-1])
			joinLine(&b, ps[0])
			paras[n-1] = b.String()
			ps = ps[1:]
		}
		paras = append(paras, ps...)
	}
	for _, l := range lines {
		if l.text == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return paras
}

// blockParagraphs splits one block of consecutive lines into paragraphs.
func blockParagraphs(block []line) []string {
	if len(block) == 1 {
		return []string{block[0].text}
	}
	if paras, ok := indentedParagraphs(block); ok {
		return paras
	}
	if !wrapped(block) {
		out := make([]string, len(block))
		for i, l := range block {
			out[i] = l.text
		}
		return out
	}
	maxLen, minIndent := 0, block[0].indent
	for _, l := range block {
		maxLen = max(maxLen, utf8.RuneCountInString(l.text))
		minIndent = min(minIndent, l.indent)
	}
	var out []string
	var cur strings.Builder
	for i, l := range block {
		if i > 0 {
			prev := block[i-1].text
			brk := l.indent > minIndent && block[i-1].indent == minIndent && endsSentence(prev) ||
				endsSentence(prev) && utf8.RuneCountInString(prev)*10 < maxLen*6
			if brk {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
		joinLine(&cur, l.text)
	}
	return append(out, cur.String())
}

// indentedParagraphs splits a block whose paragraphs start with an
// indented first line, as typed and wire text do: each indented line starts
// a paragraph and the lines after it continue it.
func indentedParagraphs(block []line) ([]string, bool) {
	base := block[0].indent
	for _, l := range block[1:] {
		base = min(base, l.indent)
	}
	if block[0].indent <= base {
		return nil, false
	}
	starts := 0
	for _, l := range block {
		if l.indent > base {
			starts++
		}
	}
	if starts == len(block) {
		return nil, false
	}
	var out []string
	var cur strings.Builder
	for i, l := range block {
		if i > 0 && l.indent > base {
			out = append(out, cur.String())
			cur.Reset()
		}
		joinLine(&cur, l.text)
	}
	return append(out, cur.String()), true
}

// joinLine appends a wrapped line to a paragraph, mending a word broken
// at a hyphen.
func joinLine(b *strings.Builder, s string) {
	if b.Len() > 0 {
		prev := b.String()
		if !(strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, "--") && startsLower(s)) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s)
}

// wrapped reports whether the lines of a block are one paragraph (or
// several) wrapped at a fixed width, rather than separate lines: most line
// breaks fall mid-sentence, most lines are long, and the block ends a
// sentence.
func wrapped(block []line) bool {
	maxLen := 0
	for _, l := range block {
		maxLen = max(maxLen, utf8.RuneCountInString(l.text))
	}
	if maxLen < 35 {
		return false
	}
	joins, long := 0, 0
	for i := 0; i < len(block)-1; i++ {
		cur, next := block[i].text, block[i+1].text
		isLong := utf8.RuneCountInString(cur)*10 >= maxLen*6
		if isLong {
			long++
		}
		if joinScore(cur, next, isLong) > 0 {
			joins++
		}
	}
	n := len(block) - 1
	last := block[n].text
	if letters(last) == 0 && n > 0 {
		last = block[n-1].text + last // a closing quote alone on the last line
	}
	return joins*2 >= n && long*3 >= n*2 && (endsSentence(last) || strings.HasSuffix(last, ":"))
}

// joinScore weighs the evidence that the line break between cur and next
// falls inside a paragraph (positive) or between two (negative).
func joinScore(cur, next string, long bool) int {
	s := 0
	if startsLower(next) {
		s += 2
	}
	if endsMidSentence(cur) {
		s += 2
	}
	titled := titleCase(cur)
	switch {
	case endsSentence(cur):
		s--
	case titled && !startsLower(next):
		s--
	case long && !titled:
		s++
	}
	if !long {
		s -= 2
	}
	if features(cur).tagLine() {
		s -= 2
	}
	return s
}

// titleCase reports whether most words of s (three or more) start with
// a capital, as headlines and labels do.
func titleCase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	caps, major := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, `"'“‘([`)
		if minorWords()[w] {
			continue
		}
		major++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return major >= 2 && caps*10 >= major*9
}

// minorWords stay in lower case in a title-case headline.
var minorWords = lexicon.LazySet("a an the of in on at to for and or but by with from as vs is")

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsMidSentence reports whether s stops where a sentence cannot end: on
// a comma, a hyphen, a word in lower case.
func endsMidSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)]`)
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == ',' || r == ';' || r == '-' || r == '–' || r == '(' {
		return true
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return startsLower(last) && unicode.IsLetter(r)
}

// endsSentence reports whether s ends as a sentence does: with . ! ? or
// an ellipsis, perhaps inside closing quotes or brackets, or with a closing
// quotation mark.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	t := strings.TrimRight(s, `"'”’»)]* `)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	if len(t) < len(s) {
		last, _ := utf8.DecodeLastRuneInString(s)
		if last == '"' || last == '”' || last == '’' || last == '»' {
			return strings.ContainsAny(t, "\"“‘«`")
		}
	}
	return false
}

var outletPrefixRE = lazyRegexp(`^(\p{Lu}[\p{L}\d&'’.]*(?:[- ]\p{Lu}[\p{L}\d&'’.]*){0,3})-\s+["“'‘\p{Lu}\d]`)

// outletPrefix takes an outlet name glued to a dash at the start of the
// first paragraph ("Alwaght- Top Iranian ...").
func outletPrefix(a *news.Article, paras []string) []string {
	if len(paras) == 0 {
		return paras
	}
	m := outletPrefixRE().FindStringSubmatchIndex(paras[0])
	if m == nil {
		return paras
	}
	name := paras[0][m[2]:m[3]]
	if a.Outlet == "" {
		a.Outlet = name
	}
	paras[0] = strings.TrimSpace(paras[0][m[3]+1:])
	return paras
}

// finishOpts says which of the final steps apply to a reader's output.
type finishOpts struct {
	findTitle bool // take a headline-like first paragraph as the title
	debris    bool // drop page furniture
	widgets   bool // drop only lines that are furniture wherever they stand
}

// errNoText is returned when nothing of an article's text is left.
var errNoText = errors.New("no article text found")

// finish cleans the paragraphs, takes the title, drops debris, reads the
// dateline and sets a.Text and a.Paragraphs.
func (r *Reader) finish(a *news.Article, paras []string, o finishOpts) error {
	clean := paras[:0:0]
	for _, p := range paras {
		// An empty paragraph, or one repeating the one before it (an
		// extraction artefact), is dropped.
		if p = collapseSpace(p); p != "" && (len(clean) == 0 || clean[len(clean)-1] != p) {
			clean = append(clean, p)
		}
	}
	paras = clean
	a.Title = collapseSpace(a.Title)
	if a.Title != "" && len(paras) > 0 && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	if o.findTitle && a.Title == "" {
		if t, ok := headline(paras); ok {
			a.Title = t
			paras = paras[1:]
		}
	}
	switch {
	case r.opts.KeepDebris:
	case o.debris:
		paras = dropDebris(paras)
	case o.widgets:
		paras = dropWidgets(paras)
	}
	for i := 0; i < len(paras) && i < 3; i++ {
		if dl, rest, ok := parseDateline(paras[i]); ok {
			applyDateline(a, dl)
			paras[i] = rest
			break
		}
	}
	if len(paras) == 0 {
		return errNoText
	}
	var b strings.Builder
	a.Paragraphs = make([]news.Span, 0, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		a.Paragraphs = append(a.Paragraphs, news.Span{Start: start, End: b.Len()})
	}
	if n := int64(b.Len()); n > r.opts.MaxTextSize {
		return fmt.Errorf("article text too long: %s, over the %s limit", humanSize(n), humanSize(r.opts.MaxTextSize))
	}
	a.Text = b.String()
	return nil
}

// plainlyTooLong refuses, before the work of reading it, a text with
// more than twice Options.MaxTextSize bytes other than white space: page
// furniture is never the greater part of a text, so finish would refuse
// it anyway, after seconds of work and hundreds of megabytes for a text
// of tens.
func (r *Reader) plainlyTooLong(s string) error {
	if int64(len(s)) <= 2*r.opts.MaxTextSize {
		return nil
	}
	n := int64(0)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			n++
		}
	}
	if n > 2*r.opts.MaxTextSize {
		return fmt.Errorf("article text too long: %s, over the %s limit", humanSize(int64(len(s))), humanSize(r.opts.MaxTextSize))
	}
	return nil
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	s = spaceReplacer.Replace(s)
	if !strings.ContainsAny(s, "\n  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// sameText reports whether a and b are the same words, ignoring case and
// punctuation.
func sameText(a, b string) bool {
	key := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	ka := key(a)
	return ka != "" && ka == key(b)
}

// headline reports whether the first paragraph is a title: a short line
// of words without a full stop, not furniture, followed by running text.
func headline(paras []string) (string, bool) {
	if len(paras) < 2 {
		return "", false
	}
	p := paras[0]
	n := len(strings.Fields(p))
	if n < 2 || n > 25 || endsSentence(p) || strings.HasSuffix(p, ":") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"“‘'`, r) {
		return "", false
	}
	f := features(p)
	if f.letters == 0 || f.tagLine() || f.ui() || f.labelCount {
		return "", false
	}
	if !sentenceLike(paras[1]) {
		return "", false
	}
	return p, true
}

// dateline is a dateline as parsed from the start of a paragraph.
type dateline struct {
	text, place, outlet string
	month               time.Month
	day, year           int
}

var (
	// A dateline: a place in capitals ("TEHRAN", "PINE RIDGE, S.D."), then
	// optionally a date ("Sept. 27") and an outlet in brackets, then a dash.
	capsDatelineRE = lazyRegexp(`^((?:\p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?|\p{Lu}\.)){0,4})` +
		`(?:,\s*(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}))?` +
		`(?:,?\s+(` + dlDate + `))?` +
		`\s*(?:\(([^()]{1,40})\))?\s*(--|—|–|-|_|:)\s*`)
	// A place in ordinary case needs a date or an outlet to be a dateline.
	titleDatelineRE = lazyRegexp(`^(\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+){0,2})` +
		`(?:,\s*(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}))?` +
		`(?:(?:,?\s+(` + dlDate + `))\s*(?:\(([^()]{1,40})\))?|\s*\(([^()]{1,40})\))\s*(--|—|–|-|:)?\s*`)
	dlDateRE = lazyRegexp(`^` + dlDate + `$`)
	// An outlet alone in brackets: "(CNN) —".
	outletDatelineRE = lazyRegexp(`^\(([^()]{1,30})\)\s*(--|—|–|-)\s*`)
)

const dlDate = `(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?)`

// parseDateline reads a dateline at the start of p and returns it with the
// text that follows it.
func parseDateline(p string) (dateline, string, bool) {
	var dl dateline
	var date, sep string
	if m := capsDatelineRE().FindStringSubmatch(p); m != nil {
		dl.place, date, dl.outlet, sep = m[1], m[3], m[4], m[5]
		if m[2] != "" && !dlDateRE().MatchString(m[2]) {
			dl.place += ", " + m[2]
		}
		if letters(m[1]) < 2 || sep == ":" || (sep == "-" || sep == "_") && !strings.HasSuffix(m[0], " ") {
			return dl, "", false
		}
		dl.text = m[0]
	} else if m := titleDatelineRE().FindStringSubmatch(p); m != nil {
		dl.place, date, sep = m[1], m[3], m[6]
		dl.outlet = m[4] + m[5]
		if m[2] != "" {
			dl.place += ", " + m[2]
		}
		if sep == "" && dl.outlet == "" {
			return dl, "", false
		}
		dl.text = m[0]
	} else if m := outletDatelineRE().FindStringSubmatch(p); m != nil {
		dl.outlet, dl.text = m[1], m[0]
	} else {
		return dl, "", false
	}
	if dl.outlet != "" && !looksLikeOutlet(dl.outlet) {
		return dl, "", false
	}
	rest := strings.TrimSpace(p[len(dl.text):])
	r, _ := utf8.DecodeRuneInString(rest)
	if len(strings.Fields(rest)) < 3 || !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'`", r)) {
		return dl, "", false
	}
	if date != "" {
		for _, tok := range dateTokens(date) {
			low := strings.ToLower(strings.TrimRight(tok, "."))
			switch {
			case lexicon.MonthNumber(low) != 0:
				dl.month = time.Month(lexicon.MonthNumber(low))
			case isNumber(low) && len(low) == 4:
				dl.year, _ = atoi(low)
			case isNumber(low):
				dl.day, _ = atoi(low)
			}
		}
	}
	dl.text = strings.TrimSpace(dl.text)
	return dl, rest, true
}

// looksLikeOutlet reports whether the bracketed part of a dateline names
// an outlet: one word, or a few capitalised words, not a phrase.
func looksLikeOutlet(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 5 || strings.ContainsAny(s, ",;") || strings.EqualFold(s, "undated") {
		return false
	}
	if len(w) == 1 {
		return true // "AP", "Xinhua", even "dpa"
	}
	for _, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !minorWords()[x] && x != "de" && x != "&" {
			return false
		}
	}
	return true
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func atoi(s string) (int, bool) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// applyDateline stores a parsed dateline in a, resolving a dateline date
// without a year to the year that puts it nearest the stated date.
func applyDateline(a *news.Article, dl dateline) {
	a.Dateline = dl.text
	a.DatelinePlace = dl.place
	if a.Outlet == "" && dl.outlet != "" {
		a.Outlet = dl.outlet
	}
	if dl.month == 0 || dl.day == 0 {
		return
	}
	switch {
	case dl.year != 0:
		t := time.Date(dl.year, dl.month, dl.day, 0, 0, 0, 0, time.UTC)
		if t.Day() == dl.day {
			a.DatelineDate = t
		}
	case !a.StatedDate.IsZero():
		a.DatelineDate = nearestYear(dl.month, dl.day, a.StatedDate)
	}
}
