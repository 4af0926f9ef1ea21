package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html"
	"strings"
	"time"

	"github.com/storyline-news/storyline/news"
)

// readSGML reads newswire SGML in the TREC form that news archives and
// evaluation sets use (TREC, TDT, DUC, Gigaword): one or more <DOC>
// elements, each with a <DOCNO>, a date (<DATE_TIME>, <DATE>, or the date
// in the DOCNO), a <HEADLINE> and a <TEXT> of <P> paragraphs or plain
// lines. A file with several documents gives one article each, "#N" after
// its name.
func (r *Reader) readSGML(src *source, raw []byte, yield emit) bool {
	docs := sgmlDocs(raw)
	if len(docs) == 0 {
		return yield(nil, &Error{Input: src.input, Err: errors.New("sgml: no <DOC> element")})
	}
	return each(src, docs, r.sgmlArticle, yield)
}

// sgmlDocs splits raw into the contents of its <DOC> elements. An
// unclosed last element runs to the end of the input.
func sgmlDocs(raw []byte) [][]byte {
	lower := asciiLower(raw)
	var out [][]byte
	for i := 0; ; {
		j := indexTag(lower[i:], "doc")
		if j < 0 {
			return out
		}
		start := i + j
		gt := bytes.IndexByte(lower[start:], '>')
		if gt < 0 {
			return out
		}
		body := start + gt + 1
		end := bytes.Index(lower[body:], []byte("</doc>"))
		if end < 0 {
			return append(out, raw[body:])
		}
		out = append(out, raw[body:body+end])
		i = body + end + len("</doc>")
	}
}

// asciiLower lowercases the ASCII letters of b and keeps every other byte,
// so that offsets into the result are offsets into b.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// indexTag finds the opening tag <name> or <name attr...> in lowercase b.
func indexTag(b []byte, name string) int {
	open := []byte("<" + name)
	for i := 0; ; {
		j := bytes.Index(b[i:], open)
		if j < 0 {
			return -1
		}
		k := i + j + len(open)
		if k < len(b) && (b[k] == '>' || b[k] == ' ' || b[k] == '\t' || b[k] == '\n' || b[k] == '\r') {
			return i + j
		}
		i = k
	}
}

// sgmlElement returns the content of the first element called one of
// names in doc.
func sgmlElement(doc []byte, names ...string) (string, bool) {
	lower := asciiLower(doc)
	for _, name := range names {
		i := indexTag(lower, name)
		if i < 0 {
			continue
		}
		gt := bytes.IndexByte(lower[i:], '>')
		if gt < 0 {
			continue
		}
		start := i + gt + 1
		end := bytes.Index(lower[start:], []byte("</"+name+">"))
		if end < 0 {
			return string(doc[start:]), true
		}
		return string(doc[start : start+end]), true
	}
	return "", false
}

var (
	sgmlTagRE    = lazyRegexp(`<[^<>]*>`)
	sgmlParaRE   = lazyRegexp(`(?i)<p\b[^>]*>`)
	sgmlEntityRE = lazyRegexp(`&[A-Za-z][A-Za-z0-9]*;`)
	docnoDateRE  = lazyRegexp(`[A-Za-z_]{2,}(\d{8})`)
)

// wireQuotes turns the typewriter quotes of newswire text into the
// marks they stand for.
var wireQuotes = strings.NewReplacer("``", "“", "''", "”")

// sgmlText turns marked-up SGML content into plain text: tags removed,
// entities decoded, private ones (&Cx1f;) dropped, “ and ” made quotes.
func sgmlText(s string) string {
	s = sgmlTagRE().ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return wireQuotes.Replace(sgmlEntityRE().ReplaceAllString(s, ""))
}

// sgmlParagraphs splits the <TEXT> of a document into paragraphs: its <P>
// elements, or blank-line separated blocks, or indented lines.
func sgmlParagraphs(text string) []string {
	var blocks []string
	if sgmlParaRE().MatchString(text) {
		blocks = sgmlParaRE().Split(text, -1)
	} else {
		blocks = strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n")
		if len(blocks) == 1 {
			blocks = splitIndented(text)
		}
	}
	var out []string
	for _, b := range blocks {
		if p := strings.Join(strings.Fields(sgmlText(b)), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitIndented splits text whose paragraphs start on indented lines.
func splitIndented(text string) []string {
	var out []string
	var cur strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(l)
		cur.WriteByte('\n')
	}
	return append(out, cur.String())
}

// sgmlDate reads a document's date from its date elements, else from the
// date its DOCNO holds (APW19990707.0181).
func sgmlDate(doc []byte, docno string) time.Time {
	if s, ok := sgmlElement(doc, "date_time", "datetime", "date", "pubdate"); ok {
		s = strings.TrimSpace(sgmlText(s))
		if len(s) >= 10 {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t
			}
		}
		if t, ok := parseDate(s); ok {
			return t
		}
	}
	if m := docnoDateRE().FindStringSubmatch(docno); m != nil {
		if t, err := time.Parse("20060102", m[1]); err == nil && plausibleYear(t.Year()) {
			return t
		}
	}
	return time.Time{}
}

// archiveOutlets names the outlets behind the source codes that LDC's
// newswire archives put at the start of a DOCNO.
var archiveOutlets = map[string]string{
	"APW": "Associated Press", "AP": "Associated Press", "NYT": "New York Times",
	"XIE": "Xinhua", "XIN": "Xinhua", "AFP": "Agence France-Presse", "AFE": "Agence France-Presse",
	"LTW": "Los Angeles Times/Washington Post", "LAT": "Los Angeles Times", "WPB": "Washington Post",
	"FT": "Financial Times", "WSJ": "Wall Street Journal", "SJMN": "San Jose Mercury News",
	"CNA": "Central News Agency", "UMD": "Umbrella News", "FBIS": "Foreign Broadcast Information Service",
}

var docnoSourceRE = lazyRegexp(`^([A-Za-z]+)`)

// sgmlArticle reads one <DOC>.
func (r *Reader) sgmlArticle(src *source, path, id string, doc []byte) (*news.Article, error) {
	docno, _ := sgmlElement(doc, "docno")
	docno = strings.TrimSpace(sgmlText(docno))
	text, ok := sgmlElement(doc, "text")
	if !ok {
		return nil, errors.New("sgml: document has no <TEXT>")
	}
	sum := sha256.Sum256(doc)
	a := &news.Article{ID: id, Path: path, URL: src.url, Hash: hex.EncodeToString(sum[:]), Format: "sgml"}
	a.StatedDate = sgmlDate(doc, docno)
	if h, ok := sgmlElement(doc, "headline", "hl", "title"); ok {
		a.Title = strings.Join(strings.Fields(sgmlText(h)), " ")
	}
	if err := r.finish(a, sgmlParagraphs(text), finishOpts{debris: true}); err != nil {
		return nil, err
	}
	if a.Outlet == "" {
		if m := docnoSourceRE().FindStringSubmatch(docno); m != nil {
			a.Outlet = archiveOutlets[strings.ToUpper(m[1])]
		}
	}
	return a, nil
}
