package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The main-text extractor keeps a few kinds of block that are not the
// article's text: figures with their captions, and lists or paragraphs
// made of links (related stories, tags, "more on this"). dropLinkLists
// removes them from the extracted tree; the debris rules then look at the
// remaining paragraphs one by one.

// linkShare is the share of a block's letters inside links above which a
// block of link items is a list of links rather than text.
const linkShare = 0.6

// furnitureClassRE matches the class or id of a block that holds page
// furniture rather than text: captions and credits, sharing and
// newsletter boxes, related and recommended stories, tags, comments.
var furnitureClassRE = lazyRegexp(`(?i)caption|credit|copyright|related|recommend|share|sharing|social|newsletter|subscri|promo|teaser|breadcrumb|(?:^|[-_ ])tags?(?:$|[-_ ])|comment|author-?(?:bio|info)|read-?more|more-?(?:stories|articles)|advert|footer`)

// maxFurniture is the most text, in bytes and as a share of the
// extracted text, that a block dropped by its class may hold, so that a
// container of the whole article is never dropped for its class.
const (
	maxFurniture      = 600
	maxFurnitureShare = 0.2
)

// dropLinkLists removes from n the figures, captions, blocks made of
// links and small blocks whose class names furniture.
func dropLinkLists(n *html.Node) {
	total := len(collapseSpace(innerText(n)))
	var drop []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			if c := attr(n, "class") + " " + attr(n, "id"); furnitureClassRE().MatchString(c) {
				if k := len(collapseSpace(innerText(n))); k <= maxFurniture && float64(k) <= maxFurnitureShare*float64(total) {
					drop = append(drop, n)
					return
				}
			}
			switch elementAtom(n) {
			case atom.Figure, atom.Figcaption, atom.Caption:
				drop = append(drop, n)
				return
			case atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.P, atom.Div, atom.Section, atom.Li, atom.Aside, atom.Nav:
				if linkBlock(n) {
					drop = append(drop, n)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	for _, d := range drop {
		if d.Parent != nil {
			d.Parent.RemoveChild(d)
		}
	}
}

// linkBlock reports whether a block is made of links: most of its
// letters are link text and it does not read as running text (no
// stretch of plain text that ends a sentence).
func linkBlock(n *html.Node) bool {
	var all, linked int
	var plain strings.Builder
	var walk func(n *html.Node, inLink bool, depth int)
	walk = func(n *html.Node, inLink bool, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			k := letters(n.Data)
			all += k
			if inLink {
				linked += k
			} else {
				plain.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			a := elementAtom(n)
			if skippedElements[a] {
				return
			}
			inLink = inLink || a == atom.A
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, depth+1)
		}
	}
	walk(n, false, 0)
	if all == 0 || linked == 0 {
		return false
	}
	if float64(linked) < linkShare*float64(all) {
		return false
	}
	// A sentence of plain text around the links is running text that
	// cites its sources by links.
	p := collapseSpace(plain.String())
	return !(len(strings.Fields(p)) >= 8 && endsSentence(p))
}
