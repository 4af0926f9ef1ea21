package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/news"
)

// maxWARCHeader bounds the header block of one WARC record.
const maxWARCHeader = 64 << 10

// warcRecord is the header of one WARC record.
type warcRecord struct {
	version string
	fields  map[string]string // lower-case names
	length  int64
}

// readWARC streams a WARC file (gzip, even multi-member, is undone before
// this is called): every "response" record holding an HTTP 200 HTML page
// is read as a web page, its URL the record's WARC-Target-URI; other
// records are skipped without being held in memory. False means the
// consumer stopped.
func (r *Reader) readWARC(src *source, br *bufio.Reader, yield emit) bool {
	articles, failures := 0, 0
	for n := 1; ; n++ {
		if src.done() {
			return false
		}
		rec, err := readWARCHeader(br)
		if err == io.EOF {
			break
		}
		pos := src.input + "#" + strconv.Itoa(n)
		if err != nil {
			return yield(nil, &Error{Input: pos, Err: fmt.Errorf("warc: %w", err)})
		}
		if !rec.isHTMLResponse() || rec.length > r.opts.MaxRecordSize {
			if _, err := io.CopyN(io.Discard, br, rec.length); err != nil {
				return yield(nil, &Error{Input: pos, Err: fmt.Errorf("warc: truncated record: %w", noEOF(err))})
			}
			continue
		}
		block := make([]byte, rec.length)
		if _, err := io.ReadFull(br, block); err != nil {
			return yield(nil, &Error{Input: pos, Err: fmt.Errorf("warc: truncated record: %w", noEOF(err))})
		}
		uri := strings.Trim(rec.fields["warc-target-uri"], "<> ")
		a, err := r.warcArticle(src, pos, uri, block)
		switch {
		case errors.Is(err, errSkipRecord):
		case err != nil:
			failures++
			name := pos
			if uri != "" {
				name += " (" + uri + ")"
			}
			if !yield(nil, &Error{Input: name, Err: err}) {
				return false
			}
		default:
			articles++
			if !yield(a, nil) {
				return false
			}
		}
	}
	if articles == 0 && failures == 0 {
		return yield(nil, &Error{Input: src.input, Err: errors.New("warc: no HTML pages (HTTP 200 responses) in the archive")})
	}
	return true
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// readWARCHeader reads the version line and named fields of the next
// record, skipping the blank lines that end the previous one.
func readWARCHeader(br *bufio.Reader) (*warcRecord, error) {
	rec := &warcRecord{fields: map[string]string{}}
	size := 0
	for {
		l, err := readHeaderLine(br, &size)
		if err != nil {
			if err == io.EOF && l == "" {
				return nil, io.EOF
			}
			return nil, noEOF(err)
		}
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "WARC/") {
			return nil, fmt.Errorf("expected a WARC/1.x record, found %q", clip(l, 40))
		}
		rec.version = l
		break
	}
	var last string
	for {
		l, err := readHeaderLine(br, &size)
		if err != nil {
			return nil, fmt.Errorf("header: %w", noEOF(err))
		}
		if l == "" {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			rec.fields[last] += " " + strings.TrimSpace(l)
			continue
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("malformed header line %q", clip(l, 40))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		rec.fields[last] = strings.TrimSpace(value)
	}
	cl, ok := rec.fields["content-length"]
	if !ok {
		return nil, errors.New("record without Content-Length")
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad Content-Length %q", clip(cl, 20))
	}
	rec.length = n
	return rec, nil
}

// readHeaderLine reads one header line without its line end, counting
// bytes against maxWARCHeader.
func readHeaderLine(br *bufio.Reader, size *int) (string, error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		*size += len(chunk)
		if *size > maxWARCHeader {
			return "", fmt.Errorf("header longer than %s", humanSize(maxWARCHeader))
		}
		b = append(b, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(b) > 0 {
				return "", io.ErrUnexpectedEOF
			}
			return "", err
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// isHTMLResponse reports whether a record is an HTTP response worth
// reading; the status and content type are checked once it is parsed.
func (rec *warcRecord) isHTMLResponse() bool {
	if !strings.EqualFold(rec.fields["warc-type"], "response") {
		return false
	}
	ct := strings.ToLower(rec.fields["content-type"])
	return ct == "" || strings.HasPrefix(ct, "application/http")
}

// errSkipRecord marks a response that is not an HTML page with status 200.
var errSkipRecord = errors.New("not an HTML page")

// warcArticle parses the HTTP response in a record's block and reads the
// page in it.
func (r *Reader) warcArticle(src *source, pos, uri string, block []byte) (*news.Article, error) {
	// net/http reads HTTP/1.x status lines; crawlers record HTTP/2 and
	// HTTP/3 responses with the same layout.
	for _, v := range []string{"HTTP/2 ", "HTTP/2.0 ", "HTTP/3 ", "HTTP/3.0 "} {
		if bytes.HasPrefix(block, []byte(v)) {
			block = append([]byte("HTTP/1.1 "), block[len(v):]...)
			break
		}
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, fmt.Errorf("warc: HTTP response: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errSkipRecord
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); ct != "" && (err != nil || mt != "text/html" && mt != "application/xhtml+xml") {
		return nil, errSkipRecord
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("warc: gzip body: %w", err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		fr := flate.NewReader(resp.Body)
		defer fr.Close()
		body = fr
	default:
		return nil, fmt.Errorf("warc: unsupported Content-Encoding %q", clip(enc, 20))
	}
	page, err := io.ReadAll(io.LimitReader(body, r.opts.MaxRecordSize+1))
	if err != nil && len(page) == 0 {
		return nil, fmt.Errorf("warc: body: %w", err)
	}
	if int64(len(page)) > r.opts.MaxRecordSize {
		return nil, fmt.Errorf("warc: page larger than the %s limit", humanSize(r.opts.MaxRecordSize))
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, errors.New("warc: empty page")
	}
	if ct == "" && sniff(page) != kindHTML {
		return nil, errSkipRecord
	}
	id := uri
	if id == "" {
		id = src.id + pos[len(src.input):]
	}
	psrc := &source{input: pos, id: id, url: uri, size: int64(len(page))}
	a, err := r.readHTML(psrc, page, ct, uri)
	if err != nil {
		return nil, err
	}
	a.Format = "warc"
	return a, nil
}
