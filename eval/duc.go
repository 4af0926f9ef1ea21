package eval

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/pylit"
	"github.com/storyline-news/storyline/summarize"
)

// SummCluster is one multi-document summarization problem: the documents
// and the human reference summaries, each reference as its lines.
type SummCluster struct {
	ID   string
	Docs []summarize.Document
	Refs [][]string
	// RefWords is the summary length the references were written to,
	// when their file names say it (D0601.M.250.A.A: 250); 0 otherwise.
	RefWords int
}

// Summarization data layouts ReadSummarization knows.
const (
	LayoutDUC       = "duc"       // DIR/docs/<cluster>/* SGML; DIR/models or DIR/rouge/models
	LayoutTAC       = "multiling" // DIR/source/M00AB.english; DIR/models/M00A.X.250
	LayoutMultiNews = "multinews" // CSV: documents (Python list), num_documents, summary
	LayoutGeneric   = "generic"   // DIR/<cluster>/docs/*, DIR/<cluster>/refs/*
)

// ErrNoClusters is returned when a summarization set holds no cluster
// with both documents and references.
var ErrNoClusters = errors.New("eval: no summarization clusters found")

// ReadSummarization reads a summarization set in any of the known
// layouts and returns its clusters, sorted by ID, and the layout's name.
func ReadSummarization(path string) ([]SummCluster, string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: %w", err)
	}
	var cs []SummCluster
	var layout string
	switch {
	case !st.IsDir() && strings.HasSuffix(strings.ToLower(path), ".csv"):
		layout = LayoutMultiNews
		cs, err = summReadMultiNewsFile(path)
	case !st.IsDir():
		return nil, "", fmt.Errorf("eval: %s: not a folder or a CSV file", path)
	case summIsDir(filepath.Join(path, "docs")):
		layout = LayoutDUC
		cs, err = summReadDUC(path)
	case summIsDir(filepath.Join(path, "source")) && summIsDir(filepath.Join(path, "models")):
		layout = LayoutTAC
		cs, err = summReadTAC(path)
	default:
		if csvs, _ := filepath.Glob(filepath.Join(path, "*.csv")); len(csvs) > 0 {
			layout = LayoutMultiNews
			for _, f := range csvs {
				c, err := summReadMultiNewsFile(f)
				if err != nil {
					return nil, layout, err
				}
				cs = append(cs, c...)
			}
			break
		}
		layout = LayoutGeneric
		cs, err = summReadGeneric(path)
	}
	if err != nil {
		return nil, layout, err
	}
	var out []SummCluster
	for _, c := range cs {
		if len(c.Docs) > 0 && len(c.Refs) > 0 {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, layout, fmt.Errorf("%w in %s (%s layout)", ErrNoClusters, path, layout)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, layout, nil
}

func summIsDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// summFiles lists the regular files of dir, sorted.
func summFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var out []string
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if !strings.HasPrefix(e.Name(), ".") && !summIsDir(p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// summReadDocs reads every document in the files of dir (SGML or plain).
func summReadDocs(dir string) ([]summarize.Document, error) {
	fs, err := summFiles(dir)
	if err != nil {
		return nil, err
	}
	var out []summarize.Document
	for _, f := range fs {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		out = append(out, ParseSGML(b, filepath.Base(f))...)
	}
	return out, nil
}

// summReadRef reads a reference summary: its non-empty lines, without
// markup.
func summReadRef(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(html.UnescapeString(sgmlTag().ReplaceAllString(l, " ")))
		if l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// addRefs reads the reference summaries in files and adds them to c.
func (c *SummCluster) addRefs(files ...string) error {
	for _, f := range files {
		r, err := summReadRef(f)
		if err != nil {
			return err
		}
		c.Refs = append(c.Refs, r)
	}
	return nil
}

// summModelName parses reference names such as D0601.M.250.A.A or
// D30003.M.100.T.B.html into the cluster prefix and the length.
var summModelName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z]*\d+)[A-Za-z]*\.M\.(\d+)\.`) })

// summReadDUC reads DIR/docs/<cluster>/ and the references in DIR/models or
// DIR/rouge/models, matching D30003.M.100.T.B to docs/d30003t.
func summReadDUC(dir string) ([]SummCluster, error) {
	modelDir := filepath.Join(dir, "models")
	if !summIsDir(modelDir) {
		modelDir = filepath.Join(dir, "rouge", "models")
	}
	refs := map[string][]string{} // lowercase prefix → files
	lengths := map[string]int{}
	if summIsDir(modelDir) {
		fs, err := summFiles(modelDir)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			m := summModelName().FindStringSubmatch(filepath.Base(f))
			if m == nil {
				continue
			}
			k := strings.ToLower(m[1])
			refs[k] = append(refs[k], f)
			lengths[k], _ = strconv.Atoi(m[2])
		}
	}
	ents, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var out []SummCluster
	for _, e := range ents {
		if !summIsDir(filepath.Join(dir, "docs", e.Name())) {
			continue
		}
		docs, err := summReadDocs(filepath.Join(dir, "docs", e.Name()))
		if err != nil {
			return nil, err
		}
		key := strings.ToLower(strings.TrimRight(e.Name(), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		c := SummCluster{ID: e.Name(), Docs: docs, RefWords: lengths[key]}
		if err := c.addRefs(refs[key]...); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// summReadTAC reads the MultiLing 2011 layout: source/M00AB.english is text B
// of topic A, models/M00A.X.250 a reference of topic A.
func summReadTAC(dir string) ([]SummCluster, error) {
	srcs, err := summFiles(filepath.Join(dir, "source"))
	if err != nil {
		return nil, err
	}
	byTopic := map[string]*SummCluster{}
	var order []string
	get := func(id string) *SummCluster {
		if c, ok := byTopic[id]; ok {
			return c
		}
		c := &SummCluster{ID: id}
		byTopic[id] = c
		order = append(order, id)
		return c
	}
	for _, f := range srcs {
		base := filepath.Base(f)
		name := strings.SplitN(base, ".", 2)[0]
		if len(name) < 2 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		c := get(name[:len(name)-1])
		c.Docs = append(c.Docs, ParseSGML(b, base)...)
	}
	models, err := summFiles(filepath.Join(dir, "models"))
	if err != nil {
		return nil, err
	}
	for _, f := range models {
		parts := strings.Split(filepath.Base(f), ".")
		c := get(parts[0])
		if len(parts) >= 3 {
			c.RefWords, _ = strconv.Atoi(parts[2])
		}
		if err := c.addRefs(f); err != nil {
			return nil, err
		}
	}
	var out []SummCluster
	for _, id := range order {
		out = append(out, *byTopic[id])
	}
	return out, nil
}

// summReadGeneric reads DIR/<cluster>/docs/* and DIR/<cluster>/refs/*.
func summReadGeneric(dir string) ([]SummCluster, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var out []SummCluster
	for _, e := range ents {
		cdir := filepath.Join(dir, e.Name())
		if !summIsDir(filepath.Join(cdir, "docs")) {
			continue
		}
		docs, err := summReadDocs(filepath.Join(cdir, "docs"))
		if err != nil {
			return nil, err
		}
		c := SummCluster{ID: e.Name(), Docs: docs}
		if summIsDir(filepath.Join(cdir, "refs")) {
			fs, err := summFiles(filepath.Join(cdir, "refs"))
			if err != nil {
				return nil, err
			}
			if err := c.addRefs(fs...); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	return out, nil
}

var (
	sgmlDoc    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<DOC>(.*?)(?:</DOC>|\z)`) })
	sgmlTag    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^<>]*>`) })
	sgmlEntity = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`&[A-Za-z][A-Za-z0-9]*;`) })
	sgmlPara   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<P>(.*?)(?:</P>|<P>|\z)`) })
	docnoDate  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`((?:19|20)\d{2})(\d{2})(\d{2})`) })
)

// sgmlField returns the content of the first <name>...</name>.
func sgmlField(s, name string) string {
	ls := strings.ToLower(s)
	i := strings.Index(ls, "<"+strings.ToLower(name)+">")
	if i < 0 {
		return ""
	}
	rest := s[i+len(name)+2:]
	if j := strings.Index(strings.ToLower(rest), "</"+strings.ToLower(name)+">"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// sgmlText removes tags and turns entities into text; the &Cx1f;-style
// codes of news wires are dropped.
func sgmlText(s string) string {
	s = sgmlTag().ReplaceAllString(s, " ")
	s = sgmlEntity().ReplaceAllStringFunc(s, func(e string) string {
		switch strings.ToLower(e) {
		case "&amp;":
			return "&"
		case "&lt;":
			return "<"
		case "&gt;":
			return ">"
		case "&quot;":
			return `"`
		case "&apos;":
			return "'"
		}
		return " "
	})
	return s
}

// summParagraphs splits a text body into paragraphs: by <P> when it has
// them, otherwise by blank lines and by lines indented with a tab or
// three spaces (the layout of wire copy), each joined into one line.
func summParagraphs(body string) []string {
	var raw []string
	if ps := sgmlPara().FindAllStringSubmatch(body, -1); len(ps) > 0 {
		for _, p := range ps {
			raw = append(raw, p[1])
		}
	} else {
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				raw = append(raw, strings.Join(cur, " "))
				cur = nil
			}
		}
		for _, l := range strings.Split(body, "\n") {
			if strings.TrimSpace(l) == "" {
				flush()
				continue
			}
			if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "   ") {
				flush()
			}
			cur = append(cur, l)
		}
		flush()
	}
	var out []string
	for _, p := range raw {
		p = strings.Join(strings.Fields(sgmlText(p)), " ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseSGML reads the documents of a DUC/TREC SGML file (one or more
// <DOC> elements with DOCNO, DATE_TIME, HEADLINE and TEXT). A file with
// no <DOC> is one plain-text document named name.
func ParseSGML(b []byte, name string) []summarize.Document {
	s := string(bytes.ToValidUTF8(b, []byte(" ")))
	matches := sgmlDoc().FindAllStringSubmatch(s, -1)
	if len(matches) == 0 {
		ps := summParagraphs(s)
		if len(ps) == 0 {
			return nil
		}
		return []summarize.Document{{ID: name, Text: strings.Join(ps, "\n\n")}}
	}
	var out []summarize.Document
	for k, m := range matches {
		d := m[1]
		id := strings.TrimSpace(sgmlText(sgmlField(d, "DOCNO")))
		if id == "" {
			id = name
			if len(matches) > 1 {
				id = fmt.Sprintf("%s#%d", name, k+1)
			}
		}
		body := sgmlField(d, "TEXT")
		if body == "" {
			body = sgmlField(d, "BODY")
		}
		ps := summParagraphs(body)
		if len(ps) == 0 {
			continue
		}
		doc := summarize.Document{
			ID:    id,
			Title: strings.Join(strings.Fields(sgmlText(sgmlField(d, "HEADLINE"))), " "),
			Text:  strings.Join(ps, "\n\n"),
			Date:  sgmlDate(strings.TrimSpace(sgmlText(sgmlField(d, "DATE_TIME"))), id),
		}
		if doc.Date.IsZero() {
			doc.Date = sgmlDate(strings.TrimSpace(sgmlText(sgmlField(d, "DATE"))), id)
		}
		out = append(out, doc)
	}
	return out
}

// sgmlDate reads 1999-05-19 21:11:17, 10/17/1998 05:50:00 or a date in
// the DOCNO (APW19981017.0151).
func sgmlDate(v, docno string) time.Time {
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "01/02/2006 15:04:05", "01/02/2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	if m := docnoDate().FindStringSubmatch(docno); m != nil {
		if t, err := time.Parse("20060102", m[1]+m[2]+m[3]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// summReadMultiNewsFile reads the Multi-News CSV: a documents column holding a
// Python list of strings, and a summary column.
func summReadMultiNewsFile(path string) ([]SummCluster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return ReadMultiNews(f, filepath.Base(path))
}

// ReadMultiNews reads Multi-News rows from r; name prefixes cluster IDs.
func ReadMultiNews(r io.Reader, name string) ([]SummCluster, error) {
	cr := csv.NewReader(r)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	docCol, sumCol := -1, -1
	for i, h := range head {
		switch strings.TrimSpace(strings.ToLower(h)) {
		case "documents", "document":
			docCol = i
		case "summary":
			sumCol = i
		}
	}
	if docCol < 0 || sumCol < 0 {
		return nil, fmt.Errorf("eval: %s: no documents and summary columns in %q", name, head)
	}
	var out []SummCluster
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %s: row %d: %w", name, row, err)
		}
		if len(rec) <= max(docCol, sumCol) {
			continue
		}
		c := SummCluster{ID: fmt.Sprintf("%s#%04d", name, row)}
		for k, d := range pylit.Strings(rec[docCol]) {
			var ps []string
			for _, p := range strings.Split(d, "\n") {
				if p = strings.Join(strings.Fields(p), " "); p != "" {
					ps = append(ps, p)
				}
			}
			if len(ps) > 0 {
				c.Docs = append(c.Docs, summarize.Document{ID: fmt.Sprintf("%s.%d", c.ID, k+1), Text: strings.Join(ps, "\n\n")})
			}
		}
		sum := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rec[sumCol]), "–"))
		if sum != "" {
			c.Refs = [][]string{{sum}}
		}
		out = append(out, c)
	}
	return out, nil
}
