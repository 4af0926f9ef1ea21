package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/storyline-news/storyline/news"
)

// errNoItems is returned for a feed with no items.
var errNoItems = errors.New("feed has no items")

// readFeed reads an RSS, Atom or JSON feed: one article per item, its text
// the item's full content (content:encoded) when it has one, else its
// description, HTML turned into paragraphs; the item's date is the stated
// date and the feed's title the outlet. False means the consumer stopped.
func (r *Reader) readFeed(src *source, raw []byte, yield emit) bool {
	feed, err := parseFeed(raw)
	if err != nil {
		return yield(nil, &Error{Input: src.input, Err: fmt.Errorf("feed: %w", err)})
	}
	if len(feed.Items) == 0 {
		return yield(nil, &Error{Input: src.input, Err: errNoItems})
	}
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
