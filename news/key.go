package news

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
)

// KeyOf returns the stable identity of an article: its canonical URL when
// it has one, otherwise "sha256:" and the hex SHA-256 of its normalised
// text (white space collapsed to single spaces, trimmed), so that the same
// text read from two files, or twice, has one key.
//
// The URL is normalised: scheme and host lower-cased, default ports,
// fragments and tracking parameters (utm_*, fbclid, gclid) dropped, and a
// trailing slash removed from a non-root path. An article with neither a
// URL nor text has the key of its title.
func KeyOf(a *Article) string {
	if k := canonicalURL(a.URL); k != "" {
		return k
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	if text == "" {
		text = strings.Join(strings.Fields(a.Title), " ")
	}
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// canonicalURL normalises an http(s) URL, or returns "" when u is none.
func canonicalURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	p.Scheme = strings.ToLower(p.Scheme)
	if p.Scheme != "http" && p.Scheme != "https" {
		return ""
	}
	host := strings.ToLower(p.Host)
	host = strings.TrimSuffix(host, ":80")
	host = strings.TrimSuffix(host, ":443")
	p.Host = host
	p.Fragment, p.RawFragment = "", ""
	p.User = nil
	if p.RawQuery != "" {
		q := p.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				q.Del(k)
			}
		}
		p.RawQuery = q.Encode()
	}
	if len(p.Path) > 1 {
		p.Path = strings.TrimSuffix(p.Path, "/")
		p.RawPath = ""
	}
	return p.String()
}

// WithKeys wraps a consumer of articles so that every article it is given
// carries its Key (see KeyOf), set when it is missing.
func WithKeys(yield func(*Article, error) bool) func(*Article, error) bool {
	return func(a *Article, err error) bool {
		if a != nil && a.Key == "" {
			a.Key = KeyOf(a)
		}
		return yield(a, err)
	}
}
