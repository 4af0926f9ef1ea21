package ingest

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a web page says about itself in its markup: its
// <meta> tags, JSON-LD blocks, <link rel=canonical> and <time> elements.
type pageMeta struct {
	Title  string
	Author string
	Site   string
	URL    string // the canonical address as written
	Date   time.Time
}

// metaTags gathers the page's <meta> values by lower-cased name,
// property or itemprop ("og:title", "article:published_time"), the
// first value of each; ld holds the JSON-LD objects; times the
// datetime attributes of <time> elements and of elements that mark a
// publication date (itemprop="datePublished"), in page order.
type metaTags struct {
	tags      map[string]string
	ld        []map[string]any
	canonical string
	title     string // the <title>
	published []string
	times     []string
	// marked are the short texts of elements whose class or id names
	// a date ("post-date", "entry-meta", "timestamp"), in page order.
	marked []string
	// h1 is the text of the first <h1>.
	h1 string
	// stamp is the first text of the body that is nothing but a date.
	stamp time.Time
}

// dateClassRE matches the class or id of an element that shows a date.
var dateClassRE = lazyRegexp(`(?i)date|time|publish|posted|byline|meta|stamp`)

func (m *metaTags) set(k, v string) {
	k = strings.ToLower(strings.Join(strings.Fields(k), ""))
	v = strings.TrimSpace(html.UnescapeString(v))
	if k == "" || v == "" {
		return
	}
	for _, k := range strings.Fields(strings.ReplaceAll(k, ",", " ")) {
		if _, ok := m.tags[k]; !ok {
			m.tags[k] = v
		}
	}
}

// first returns the first value set among keys.
func (m *metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := m.tags[k]; v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// collectMeta walks the page once.
func collectMeta(doc *html.Node) *metaTags {
	m := &metaTags{tags: map[string]string{}}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.TextNode && m.stamp.IsZero() && len(n.Data) <= 80 {
			if t := strings.TrimSpace(n.Data); len(t) >= 6 {
				if d, ok := scanDate(t, true, true); ok {
					m.stamp = d
				}
			}
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if v := attr(n, k); v != "" {
						m.set(v, content)
					}
				}
				if attr(n, "itemprop") == "datePublished" && content != "" {
					m.published = append(m.published, content)
				}
			case atom.Link:
				rel := strings.ToLower(attr(n, "rel"))
				if m.canonical == "" && strings.Contains(" "+rel+" ", " canonical ") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if m.title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					m.title = collapseSpace(n.FirstChild.Data)
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.ld = append(m.ld, jsonLD(n.FirstChild.Data)...)
				}
				return
			case atom.Style:
				return
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapseSpace(innerText(n))
				}
			case atom.Time:
				if v := attr(n, "datetime"); v != "" {
					if attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate") {
						m.published = append(m.published, v)
					} else {
						m.times = append(m.times, v)
					}
				}
			default:
				if len(m.marked) < 20 && (dateClassRE().MatchString(attr(n, "class")) || dateClassRE().MatchString(attr(n, "id"))) {
					if t := collapseSpace(innerText(n)); len(t) >= 6 && len(t) <= 100 {
						m.marked = append(m.marked, t)
					}
					if t := attr(n, "title"); t != "" {
						m.marked = append(m.marked, t)
					}
				}
				if attr(n, "itemprop") == "datePublished" {
					v := attr(n, "datetime")
					if v == "" {
						v = attr(n, "content")
					}
					if v == "" {
						v = collapseSpace(innerText(n))
					}
					if v != "" {
						m.published = append(m.published, v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return m
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// innerText returns the text under n, without scripts and styles.
func innerText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 || b.Len() > 4096 {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skippedElements[elementAtom(n)]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// jsonLD returns the objects of a JSON-LD block: the top-level object or
// array and the members of an "@graph". A block that is not JSON gives
// none.
func jsonLD(s string) []map[string]any {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<!--"), "-->")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				add(x, depth+1)
			}
		case map[string]any:
			out = append(out, v)
			if g, ok := v["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// isArticleType reports whether a JSON-LD object has a schema.org type of
// an article (NewsArticle, BlogPosting, Report...).
func isArticleType(o map[string]any) bool {
	var types []string
	switch t := o["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				types = append(types, s)
			}
		}
	}
	for _, t := range types {
		if strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report" {
			return true
		}
	}
	return false
}

// ldString reads a JSON-LD value as text: a string, the first of a list,
// or an object's "name".
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(v))
	case []any:
		var names []string
		for _, x := range v {
			if s := ldString(x); s != "" && !slicesContain(names, s) {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	case map[string]any:
		return ldString(v["name"])
	}
	return ""
}

func slicesContain(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ldArticle returns the JSON-LD object that describes the article: the
// first of an article type, else the first with a publication date.
func (m *metaTags) ldArticle() map[string]any {
	for _, o := range m.ld {
		if isArticleType(o) {
			return o
		}
	}
	for _, o := range m.ld {
		if _, ok := o["datePublished"]; ok {
			return o
		}
	}
	return nil
}

// publishedKeys are the meta names that state when a page was
// published, most specific first.
var publishedKeys = []string{
	"article:published_time", "article:published", "og:article:published_time", "og:published_time",
	"datepublished", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
	"parsely-pub-date", "sailthru.date", "dcterms.issued", "dc.date.issued", "dc.date.created",
	"dcterms.created", "dc.date", "dcterms.date", "citation_publication_date", "citation_date",
	"originalpublicationdate", "article.published", "displaydate", "date", "og:updated_time",
}

// modifiedKeys state when a page was last changed: a date of last resort.
var modifiedKeys = []string{"article:modified_time", "datemodified", "dcterms.modified", "last-modified", "lastmod"}

// urlDateRE finds a date in an address: /2021/06/22/, /2021-06-22-, /20210622/.
var urlDateRE = lazyRegexp(`[/_-]((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

// urlDate returns the date an address names, if any.
func urlDate(addr string) (time.Time, bool) {
	u, err := url.Parse(addr)
	if err != nil {
		return time.Time{}, false
	}
	mm := urlDateRE().FindStringSubmatch(u.Path)
	if mm == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(mm[1])
	mo, _ := strconv.Atoi(mm[2])
	d, _ := strconv.Atoi(mm[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// readPageMeta reads the page's own statements about itself. The date is
// the publication date the markup states, tried from the most explicit
// source to the least: the article's JSON-LD, publication meta tags,
// elements marked as the publication date, a date in the canonical
// address or the page's own, the first <time> element, the text of
// elements whose class names a date, the modification date, and last the
// first line of the page that is nothing but a date.
func readPageMeta(doc *html.Node, base *url.URL) pageMeta {
	m := collectMeta(doc)
	var p pageMeta
	ld := m.ldArticle()
	p.Title = m.first("og:title", "twitter:title", "dc.title", "dcterms.title", "headline")
	if p.Title == "" && ld != nil {
		p.Title = ldString(ld["headline"])
	}
	if p.Title == "" {
		p.Title = m.title
	}
	p.Title = trimSiteName(p.Title, m.first("og:site_name", "application-name"), m.h1)
	if ld != nil {
		p.Author = ldString(ld["author"])
		p.Site = ldString(ld["publisher"])
	}
	if p.Author == "" {
		p.Author = m.first("author", "article:author_name", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl")
	}
	if p.Author == "" {
		if a := m.first("article:author"); a != "" && !strings.Contains(a, "://") {
			p.Author = a
		}
	}
	p.Author = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(p.Author, "By "), "by "))
	if s := m.first("og:site_name", "application-name", "twitter:app:name:iphone"); s != "" {
		p.Site = s
	}
	p.URL = m.canonical
	if p.URL == "" {
		p.URL = m.first("og:url")
	}

	var cands []string
	if ld != nil {
		cands = append(cands, ldString(ld["datePublished"]), ldString(ld["dateCreated"]))
	}
	for _, k := range publishedKeys {
		cands = append(cands, m.tags[k])
	}
	cands = append(cands, m.published...)
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			p.Date = dayOf(t)
			return p
		}
	}
	for _, addr := range []string{p.URL, baseString(base)} {
		if t, ok := urlDate(addr); ok {
			p.Date = t
			return p
		}
	}
	cands = append(m.times[:len(m.times):len(m.times)], m.marked...)
	cands = append(cands, m.first(modifiedKeys...))
	if ld != nil {
		cands = append(cands, ldString(ld["dateModified"]))
	}
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			p.Date = dayOf(t)
			return p
		}
	}
	p.Date = m.stamp
	return p
}

// titleSeparators divide a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "}

// trimSiteName returns a page title without the site's name written
// before or after it ("Tram line opens | Metro Post"): a part that is the
// site name, or, when the page's heading is one of the parts, that part.
func trimSiteName(title, site, h1 string) string {
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		for _, p := range parts {
			if h1 != "" && fold(p) == fold(h1) {
				return strings.TrimSpace(p)
			}
		}
		if site == "" {
			continue
		}
		if last := parts[len(parts)-1]; fold(last) == fold(site) {
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		}
		if fold(parts[0]) == fold(site) {
			return strings.TrimSpace(strings.Join(parts[1:], sep))
		}
	}
	return title
}

// dayOf returns the day t falls on where it was written, at midnight
// UTC: a page's date is stated to the day.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func baseString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}
