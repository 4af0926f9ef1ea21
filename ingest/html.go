package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/storyline-news/storyline/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// minMainText is the length of main text below which the page's whole
// body text is tried instead.
const minMainText = 200

// readHTML reads one web page: its main text through go-readability, with
// the page's plain body text as the fallback; its title, author, date,
// outlet (og:site_name, else the host) and canonical URL from the page's
// metadata (see readPageMeta), go-readability's reading of the page
// filling what the markup does not state.
func (r *Reader) readHTML(src *source, raw []byte, contentType, pageURL string) (a *news.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("html: extraction failed: %v", p)
		}
	}()
	s, repaired, err := decodeHTML(raw, contentType)
	if err != nil {
		return nil, err
	}
	if repaired > 0 {
		r.warn(src.input, repairedUTF8(repaired))
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		if strings.HasPrefix(err.Error(), "html: ") {
			return nil, err // x/net/html names itself already
		}
		return nil, fmt.Errorf("html: %w", err)
	}
	a = newArticle(src, raw, "html")
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
			base = u
		}
	}

	if r.opts.SimpleHTML {
		meta := pageMeta{Title: pageTitle(doc)}
		if err := r.finishHTML(a, meta, base, nodeParagraphs(findBody(doc), true)); err != nil {
			return nil, err
		}
		return a, nil
	}
	meta := readPageMeta(doc, base)
	var paras []string
	if art, err := readability.FromDocument(doc, base); err == nil {
		if art.Node != nil {
			dropLinkLists(art.Node)
			paras = nodeParagraphs(art.Node, false)
		}
		if t := collapseSpace(art.Title()); t != "" && (meta.Title == "" || meta.Title == pageTitle(doc)) {
			meta.Title = t
		}
		if meta.Author == "" {
			meta.Author = collapseSpace(art.Byline())
		}
		if meta.Site == "" {
			meta.Site = art.SiteName()
		}
		if meta.Date.IsZero() {
			if t, err := art.PublishedTime(); err == nil {
				meta.Date = dayOf(t)
			}
		}
	}
	if textLen(paras) < minMainText {
		if p := nodeParagraphs(findBody(doc), true); textLen(p) > textLen(paras) {
			paras = p
		}
	}
	if err := r.finishHTML(a, meta, base, paras); err != nil {
		return nil, err
	}
	return a, nil
}

// pageTitle returns the text of the page's <title>.
func pageTitle(doc *html.Node) string {
	var title string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "title" {
			if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
				title = n.FirstChild.Data
			}
			return true
		}
		if n.Type == html.ElementNode && n.Data == "body" {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return collapseSpace(title)
}

// finishHTML fills a from the page's metadata and main text.
func (r *Reader) finishHTML(a *news.Article, meta pageMeta, base *url.URL, paras []string) error {
	a.Title = meta.Title
	a.Author = meta.Author
	if !meta.Date.IsZero() && plausibleYear(meta.Date.Year()) {
		a.StatedDate = meta.Date
	}
	if canon := canonicalURL(meta.URL, base); canon != "" {
		a.URL = canon
	}
	a.Outlet = strings.TrimSpace(meta.Site)
	if a.Outlet == "" {
		a.Outlet = hostName(a.URL)
	}
	if len(paras) == 0 {
		return fmt.Errorf("html: %w", errNoText)
	}
	paras = bylines(a, paras)
	if err := r.finish(a, paras, finishOpts{debris: true}); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// canonicalURL returns the page's canonical URL made absolute against
// base, or base itself.
func canonicalURL(canon string, base *url.URL) string {
	if canon != "" {
		if u, err := url.Parse(strings.TrimSpace(canon)); err == nil {
			if base != nil {
				u = base.ResolveReference(u)
			}
			if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
				return u.String()
			}
		}
	}
	if base != nil {
		return base.String()
	}
	return ""
}

// hostName returns the host of an address without "www.".
func hostName(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// decodeHTML returns a page as UTF-8. Valid UTF-8 is taken as it is (a
// page declared Latin-1 but saved as UTF-8 is common); otherwise the
// charset of the Content-Type or of the page's meta tag is honoured, and
// Windows-1252 is the default, as in browsers.
func decodeHTML(raw []byte, contentType string) (string, int, error) {
	if len(raw) >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
		return decodeText(raw)
	}
	raw = bytes.TrimPrefix(raw, bomUTF8)
	if utf8.Valid(raw) {
		return string(raw), 0, nil
	}
	enc, name, _ := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || enc == nil {
		return decodeText(raw)
	}
	b, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", 0, fmt.Errorf("html: decoding %s: %w", name, err)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), 0, nil
}

// findBody returns the page's body element, or the document.
func findBody(doc *html.Node) *html.Node {
	var body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if body != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if body == nil {
		return doc
	}
	return body
}

// blockElements end a paragraph of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Nav: true, atom.Br: true, atom.Hr: true, atom.Address: true, atom.Center: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
	atom.Form: true, atom.Fieldset: true, atom.Dialog: true, atom.Menu: true,
}

// skippedElements hold no article text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Head: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Math: true,
}

// pageFurniture are the parts of a whole page skipped when no extractor
// found the main text.
var pageFurniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Menu: true, atom.Form: true,
}

// nodeParagraphs returns the text of n as paragraphs, one per block
// element; furniture skips navigation, headers, footers and asides.
func nodeParagraphs(n *html.Node, furniture bool) []string {
	if n == nil {
		return nil
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapseSpace(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if a := elementAtom(n); skippedElements[a] || furniture && pageFurniture[a] {
				return
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		block := n.Type == html.ElementNode && (blockElements[elementAtom(n)] || isBlockName(n.Data))
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			flush()
		}
	}
	walk(n, 0)
	flush()
	return paras
}

// elementAtom returns the atom of an element, looking it up by name for
// elements built without one (as tree-rewriting extractors leave them).
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// isBlockName reports whether an element unknown to HTML (as
// some extractors' output uses) is a block: "head", "item", "list", "quote".
func isBlockName(name string) bool {
	switch strings.ToLower(name) {
	case "head", "item", "list", "quote", "lb", "row", "cell", "doc":
		return true
	}
	return false
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

// parseHTMLFragment parses a piece of HTML, as feeds carry in their items.
func parseHTMLFragment(s string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, err
	}
	return findBody(doc), nil
}
