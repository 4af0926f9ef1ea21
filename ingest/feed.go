package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/storyline-news/storyline/news"
	"golang.org/x/net/html/charset"
)

// errNoItems is returned for a feed with no items.
var errNoItems = errors.New("feed has no items")

// readFeed reads an RSS, Atom or JSON feed: one article per item, its text
// the item's full content (content:encoded) when it has one, else its
// description, HTML turned into paragraphs; the item's date is the stated
// date and the feed's title the outlet. False means the consumer stopped.
func (r *Reader) readFeed(src *source, raw []byte, yield emit) bool {
	feed, cut := ParseFeed(raw)
	if feed == nil {
		return yield(nil, &Error{Input: src.input, Err: fmt.Errorf("feed: %w", cut)})
	}
	if len(feed.Items) == 0 {
		return yield(nil, &Error{Input: src.input, Err: errNoItems})
	}
	if !r.feedItems(src, feed, yield) {
		return false
	}
	if cut != nil {
		return yield(nil, &Error{Input: src.input, Err: BrokenFeedError(cut, len(feed.Items))})
	}
	return true
}

// ParseFeed parses an RSS, Atom or JSON feed document. A feed cut off or
// broken part way gives the items that close before the break, and the
// error at the break; a document that is no feed gives nil and the error.
func ParseFeed(raw []byte) (*gofeed.Feed, error) {
	feed, err := parseFeed(raw)
	if err == nil {
		return feed, nil
	}
	return salvageFeed(raw), err
}

// BrokenFeedError is the error for a feed broken after n complete items,
// which were read, at the break err that ParseFeed returned.
func BrokenFeedError(err error, n int) error {
	return fmt.Errorf("feed: %w (the %d complete item(s) before it were read)", err, n)
}

// salvageFeed reads the complete items of an XML feed that is cut off or
// broken part way: the feed up to the end of the last item that closes
// before the first syntax error, closed again. Nil when there is none.
func salvageFeed(raw []byte) *gofeed.Feed {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		return charset.NewReaderLabel(label, in)
	}
	var root string
	end := int64(-1)
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = strings.ToLower(t.Name.Local)
			}
		case xml.EndElement:
			if n := strings.ToLower(t.Name.Local); n == "item" || n == "entry" {
				end = d.InputOffset()
			}
		}
	}
	var closing string
	switch root {
	case "rss":
		closing = "</channel></rss>"
	case "rdf":
		closing = "</rdf:RDF>"
	case "feed":
		closing = "</feed>"
	}
	if end < 0 || closing == "" || end > int64(len(raw)) {
		return nil
	}
	fixed := append(raw[:end:end], closing...)
	feed, err := parseFeed(fixed)
	if err != nil || len(feed.Items) == 0 {
		return nil
	}
	return feed
}

// feedItems yields the articles of a feed's items; false means the
// consumer stopped.
func (r *Reader) feedItems(src *source, feed *gofeed.Feed, yield emit) bool {
	outlet := collapseSpace(feed.Title)
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		n := strconv.Itoa(i + 1)
		a, err := r.feedArticle(src, n, outlet, it)
		if err != nil {
			if !yield(nil, &Error{Input: src.input + "#" + n, Err: err}) {
				return false
			}
			continue
		}
		if !yield(a, nil) {
			return false
		}
	}
	return true
}

func parseFeed(raw []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(raw))
}

// feedArticle turns the nth item of a feed into an article.
func (r *Reader) feedArticle(src *source, n, outlet string, it *gofeed.Item) (*news.Article, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	a := &news.Article{
		ID:     src.id + "#" + n,
		Path:   src.input + "#" + n,
		URL:    strings.TrimSpace(it.Link),
		Outlet: outlet,
		Title:  markupText(it.Title),
		Format: "feed",
	}
	if a.URL != "" {
		a.ID = a.URL
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Author = collapseSpace(it.Authors[0].Name)
	}
	switch {
	case it.PublishedParsed != nil:
		a.StatedDate = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		a.StatedDate = it.UpdatedParsed.UTC()
	}
	// A feed item has no bytes of its own once parsed; its hash covers the
	// fields it was read from, so the same item hashes the same in every
	// copy of the feed.
	sum := sha256.Sum256([]byte(strings.Join([]string{it.Title, it.Link, it.Published, it.Updated, body}, "\x00")))
	a.Hash = hex.EncodeToString(sum[:])
	paras := markupParagraphs(body)
	if len(paras) == 0 {
		return nil, errors.New("feed item has no text")
	}
	if err := r.finish(a, paras, finishOpts{widgets: true}); err != nil {
		return nil, err
	}
	return a, nil
}

// markupParagraphs returns the paragraphs of a piece of text that may be
// HTML (as feed items carry) or plain text.
func markupParagraphs(s string) []string {
	if !looksLikeMarkup(s) {
		return splitParagraphs(normalizeLines(s))
	}
	n, err := parseHTMLFragment(s)
	if err != nil {
		return nil
	}
	return nodeParagraphs(n, false)
}

// markupText returns a piece of text that may be HTML as one plain line.
func markupText(s string) string {
	if !looksLikeMarkup(s) {
		return collapseSpace(s)
	}
	return strings.Join(markupParagraphs(s), " ")
}

// looksLikeMarkup reports whether s holds an HTML tag or entity.
func looksLikeMarkup(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return strings.Contains(s, "&") && strings.Contains(s, ";")
}
