package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// kind is a format told from an input's first bytes.
type kind int

const (
	kindText kind = iota
	kindEmpty
	kindBinary
	kindGzip
	kindWARC
	kindHTML
	kindFeed
	kindJSON      // one JSON document: an object or an array of objects
	kindJSONLines // one JSON object per line
	kindUnknownXML
	kindSGML // newswire SGML: <DOC> elements
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sniff tells the format of an input from its first bytes.
func sniff(head []byte) kind {
	if len(head) == 0 {
		return kindEmpty
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return kindGzip
	}
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(head[:len(head)&^1])
		if err != nil {
			return kindBinary
		}
		k := sniff(dec)
		if k == kindJSONLines || k == kindWARC || k == kindGzip {
			// Streaming readers work on bytes; read UTF-16 input whole.
			return kindText
		}
		return k
	}
	head = bytes.TrimPrefix(head, bomUTF8)
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return kindWARC
	}
	t := bytes.TrimLeft(head, " \t\r\n\f\v")
	if len(t) == 0 {
		return kindEmpty
	}
	if isBinary(head) {
		return kindBinary
	}
	switch t[0] {
	case '<':
		return sniffMarkup(t)
	case '{':
		if bytes.Contains(t, []byte(`"version"`)) && bytes.Contains(t, []byte("jsonfeed.org")) {
			return kindFeed
		}
		line, _, found := bytes.Cut(t, []byte("\n"))
		if !found || json.Valid(line) {
			// One object per line; a first line longer than the head is
			// not pretty-printed JSON either.
			return kindJSONLines
		}
		return kindJSON
	case '[':
		return kindJSON
	}
	return kindText
}

// sniffMarkup tells a feed from an HTML page by its first element.
func sniffMarkup(t []byte) kind {
	l := bytes.ToLower(t)
	hasXMLDecl := bytes.HasPrefix(l, []byte("<?xml"))
	for i := 0; i < len(l); {
		j := bytes.IndexByte(l[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(l) {
			break
		}
		switch c := l[i]; {
		case c == '?' || c == '!':
			if bytes.HasPrefix(l[i:], []byte("!--")) {
				end := bytes.Index(l[i:], []byte("-->"))
				if end < 0 {
					return kindHTML
				}
				i += end + 3
				continue
			}
			if bytes.HasPrefix(l[i:], []byte("!doctype html")) {
				return kindHTML
			}
			continue
		case c >= 'a' && c <= 'z':
			name := l[i:]
			if k := bytes.IndexAny(name, " \t\r\n/>"); k >= 0 {
				name = name[:k]
			}
			switch string(name) {
			case "rss", "feed", "rdf:rdf", "rdf":
				return kindFeed
			case "doc":
				return kindSGML
			case "html", "head", "body", "title", "meta", "link", "div", "p", "article", "main", "section", "h1", "h2", "span", "table", "script", "style", "header", "nav", "br", "b", "i", "a", "img", "ul", "font", "center", "base":
				return kindHTML
			}
			if hasXMLDecl {
				return kindUnknownXML
			}
			return kindHTML
		}
	}
	if hasXMLDecl {
		return kindUnknownXML
	}
	return kindHTML
}

// isBinary reports whether b holds NUL bytes or many control bytes.
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl > 0 && ctl*20 > len(b)
}

func newGzipReader(r io.Reader) (*gzip.Reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	zr.Multistream(true)
	return zr, nil
}

// bomlessUTF16 reports whether head, taken for binary, is UTF-16 text
// without a byte-order mark: in nine pairs of bytes in ten or more, one
// byte is zero (the high byte of a Latin letter or punctuation), always
// the same one, and the text it decodes to is not binary. It returns the
// encoding.
func bomlessUTF16(head []byte) (encoding.Encoding, bool) {
	n := len(head) &^ 1
	if n < 8 {
		return nil, false
	}
	le, be := 0, 0
	for i := 0; i < n; i += 2 {
		switch {
		case head[i] != 0 && head[i+1] == 0:
			le++
		case head[i] == 0 && head[i+1] != 0:
			be++
		}
	}
	pairs := n / 2
	var enc encoding.Encoding
	switch {
	case le*10 >= pairs*9 && be*20 < pairs:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case be*10 >= pairs*9 && le*20 < pairs:
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		return nil, false
	}
	dec, err := enc.NewDecoder().Bytes(head[:n])
	if err != nil || isBinary(dec) {
		return nil, false
	}
	return enc, true
}

// utf16Stream reports whether head, starting with a UTF-16 byte-order
// mark, holds JSON lines or a WARC archive, which are read as a stream.
// It returns the encoding, which drops the mark.
func utf16Stream(head []byte) (encoding.Encoding, bool) {
	if !bytes.HasPrefix(head, bomUTF16LE) && !bytes.HasPrefix(head, bomUTF16BE) {
		return nil, false
	}
	enc := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	dec, err := enc.NewDecoder().Bytes(head[:len(head)&^1])
	if err != nil {
		return nil, false
	}
	if k := sniff(dec); k == kindJSONLines || k == kindWARC {
		return enc, true
	}
	return nil, false
}

// errInvalidUTF8 is returned for text that is neither UTF-8 nor Windows-1252.
var errInvalidUTF8 = errors.New("invalid UTF-8, and not Windows-1252 or Latin-1 text either")

// decodeText turns raw bytes of plain text into UTF-8: a byte-order mark
// is honoured, valid UTF-8 is kept, UTF-8 with a few broken bytes is
// repaired, and otherwise the bytes are read as Windows-1252 (a superset of
// the printable Latin-1), when they are. It returns how many invalid bytes
// were replaced with U+FFFD by a repair.
//
// UTF-8 is taken to be repairable when it holds valid multi-byte sequences
// and the broken bytes are few (no more than the valid sequences, or one
// byte in a hundred): Windows-1252 text almost never forms valid UTF-8
// sequences. Text that is not Windows-1252 either (it holds bytes that
// code page leaves undefined) is repaired when one byte in a hundred or
// fewer is broken, and refused otherwise.
func decodeText(b []byte) (string, int, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", 0, err
		}
		return string(dec), 0, nil
	}
	if utf8.Valid(b) {
		return string(b), 0, nil
	}
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	few := bad*100 <= len(b)
	if multi > 0 && (bad <= multi || few) {
		return strings.ToValidUTF8(string(b), "\uFFFD"), bad, nil
	}
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D: // undefined in Windows-1252
			if few {
				return strings.ToValidUTF8(string(b), "\uFFFD"), bad, nil
			}
			return "", 0, errInvalidUTF8
		}
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", 0, errInvalidUTF8
	}
	return string(dec), 0, nil
}
