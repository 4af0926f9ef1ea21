package feeds

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

// ErrBadURL is wrapped by the errors for list entries that are not absolute
// http or https URLs.
var ErrBadURL = errors.New("not an http or https URL")

// ListError is one bad entry of a feed list: the list's name and the line of
// the entry.
type ListError struct {
	Name string // the list's file name
	Line int    // 1-based; 0 when the error concerns the whole list
	Err  error
}

// Error names the list and the line on one line.
func (e *ListError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("feeds: %s: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("feeds: %s:%d: %v", e.Name, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ListError) Unwrap() error { return e.Err }

// ReadListFile reads the feed list in the file at path; see ParseList.
func ReadListFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feeds: feed list: %w", err)
	}
	defer f.Close()
	return ParseList(path, f)
}

// maxListSize bounds a feed list read by ParseList.
const maxListSize = 16 << 20

// ParseList reads a feed list named name: an OPML document (every outline
// with an xmlUrl attribute, at any depth of nesting) or plain text with one
// URL per line, where blank lines and lines starting with "#" are skipped
// and text after " #" is a comment. The URLs are normalized (NormalizeURL)
// and returned in the order of their first appearance, without duplicates.
//
// A bad entry does not stop the rest: ParseList returns the good URLs with
// an error joining a *ListError for each bad entry, naming its line.
func ParseList(name string, r io.Reader) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxListSize+1))
	if err != nil {
		return nil, &ListError{Name: name, Err: err}
	}
	if len(data) > maxListSize {
		return nil, &ListError{Name: name, Err: fmt.Errorf("list larger than %d bytes", maxListSize)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '<' {
		return parseOPML(name, data)
	}
	return parseLines(name, data)
}

type collector struct {
	name string
	seen map[string]bool
	urls []string
	errs []error
}

func (c *collector) add(line int, raw string) {
	u, err := NormalizeURL(raw)
	if err != nil {
		c.errs = append(c.errs, &ListError{Name: c.name, Line: line, Err: err})
		return
	}
	if !c.seen[u] {
		c.seen[u] = true
		c.urls = append(c.urls, u)
	}
}

func (c *collector) result() ([]string, error) {
	return c.urls, errors.Join(c.errs...)
}

func parseLines(name string, data []byte) ([]string, error) {
	c := &collector{name: name, seen: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxListSize)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) > 1 {
			c.errs = append(c.errs, &ListError{Name: name, Line: n, Err: fmt.Errorf("%d fields, want one URL a line", len(f))})
			continue
		}
		c.add(n, line)
	}
	if err := sc.Err(); err != nil {
		c.errs = append(c.errs, &ListError{Name: name, Err: err})
	}
	return c.result()
}

// parseOPML reads the xmlUrl of every outline in an OPML document.
func parseOPML(name string, data []byte) ([]string, error) {
	c := &collector{name: name, seen: map[string]bool{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		// Feed URLs are ASCII; any ASCII-compatible charset reads them.
		return in, nil
	}
	root := ""
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.errs = append(c.errs, &ListError{Name: name, Line: line, Err: fmt.Errorf("OPML: %w", err)})
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = strings.ToLower(se.Name.Local)
			if root != "opml" {
				return nil, &ListError{Name: name, Line: line, Err: fmt.Errorf("XML with root <%s>, want an OPML document or one URL a line", se.Name.Local)}
			}
		}
		if !strings.EqualFold(se.Name.Local, "outline") {
			continue
		}
		for _, a := range se.Attr {
			if strings.EqualFold(a.Name.Local, "xmlUrl") {
				c.add(line, a.Value)
			}
		}
	}
	return c.result()
}

// NormalizeURL returns raw as an absolute http or https URL with its scheme
// and host in lower case and its fragment dropped, or an error wrapping
// ErrBadURL that quotes raw.
func NormalizeURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if strings.HasPrefix(strings.ToLower(s), "feed://") {
		s = "http://" + s[len("feed://"):]
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%w: %q", ErrBadURL, raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%w: %q", ErrBadURL, raw)
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}
