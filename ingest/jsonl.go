package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// JSON articles are objects with these fields (the first name found of
// each list is used):
var (
	jsonTitle      = []string{"title", "headline"}
	jsonText       = []string{"text", "content", "body", "maintext", "article", "story"}
	jsonParagraphs = []string{"paragraphs", "body-paragraphs", "body_paragraphs"}
	jsonDate       = []string{"date", "published", "publish_date", "date_publish", "published_at", "datePublished", "pubDate"}
	jsonURL        = []string{"url", "link", "canonical_url"}
	jsonOutlet     = []string{"source", "outlet", "site_name", "sitename", "publisher"}
	jsonAuthor     = []string{"author", "authors", "byline"}
)

// readJSONLines reads one article per line. A bad line is an error naming
// the file and line, and the other lines go on. False means the consumer
// stopped.
func (r *Reader) readJSONLines(src *source, br *bufio.Reader, yield emit) bool {
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		if src.done() {
			return false
		}
		line, tooLong, err := readLine(br, r.opts.MaxRecordSize, buf[:0])
		buf = line
		if err != nil && err != io.EOF {
			return yield(nil, &Error{Input: fmt.Sprintf("%s:%d", src.input, lineNo), Err: err})
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		pos := src.input + ":" + strconv.Itoa(lineNo)
		switch {
		case tooLong:
			if !yield(nil, &Error{Input: pos, Err: fmt.Errorf("line longer than the %s limit", humanSize(r.opts.MaxRecordSize))}) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			n := strconv.Itoa(lineNo)
			a, aerr := r.jsonArticle(src, src.input+"#"+n, src.id+"#"+n, line)
			if aerr != nil {
				if !yield(nil, &Error{Input: pos, Err: aerr}) {
					return false
				}
			} else if !yield(a, nil) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line into buf, without its line end. A line longer
// than limit is skipped to its end and reported as tooLong.
func readLine(br *bufio.Reader, limit int64, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			// Room for the line end ("\r\n") beyond the limit.
			if int64(len(buf)+len(chunk)) > limit+2 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(buf, "\r\n")
		if int64(len(line)) > limit {
			tooLong, line = true, buf[:0]
		}
		return line, tooLong, err
	}
}

// readJSONDocument reads a JSON document: one article object, an array of
// them, or several objects one after another.
func (r *Reader) readJSONDocument(src *source, raw []byte, yield emit) bool {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(raw, bomUTF8)))
	var values []json.RawMessage
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 1 + bytes.Count(raw[:min(int(dec.InputOffset()), len(raw))], []byte("\n"))
			if !yield(nil, &Error{Input: fmt.Sprintf("%s:%d", src.input, line), Err: fmt.Errorf("json: %w", err)}) {
				return false
			}
			break
		}
		v = bytes.TrimSpace(v)
		if len(v) > 0 && v[0] == '[' {
			var arr []json.RawMessage
			if err := json.Unmarshal(v, &arr); err != nil {
				return yield(nil, &Error{Input: src.input, Err: fmt.Errorf("json: %w", err)})
			}
			values = append(values, arr...)
			continue
		}
		values = append(values, v)
	}
	if len(values) == 0 {
		return yield(nil, &Error{Input: src.input, Err: errors.New("json: no articles")})
	}
	return each(src, values, r.jsonArticle, yield)
}

// invalidUTF8 counts the bytes of b that are not part of valid UTF-8.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// each reads the parts of an input that holds several articles, naming the
// Nth "#N" when there is more than one, and yields the articles and the
// errors in order; false means the consumer stopped.
func each[T any](src *source, parts []T, read func(src *source, path, id string, part T) (*news.Article, error), yield emit) bool {
	for i, part := range parts {
		if src.done() {
			return false
		}
		path, id := src.input, src.id
		if len(parts) > 1 {
			n := strconv.Itoa(i + 1)
			path, id = path+"#"+n, id+"#"+n
		}
		a, err := read(src, path, id, part)
		if err != nil {
			if !yield(nil, &Error{Input: path, Err: err}) {
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

// jsonArticle reads one article object.
func (r *Reader) jsonArticle(src *source, path, id string, raw json.RawMessage) (*news.Article, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return nil, fmt.Errorf("json: want an article object, found %s", ute.Value)
		}
		return nil, fmt.Errorf("json: %w", err)
	}
	if n := invalidUTF8(raw); n > 0 {
		// encoding/json has replaced them with U+FFFD.
		r.warn(path, repairedUTF8(n))
	}
	sum := sha256.Sum256(raw)
	a := &news.Article{
		ID:     id,
		Path:   path,
		URL:    jsonString(obj, jsonURL),
		Title:  collapseSpace(jsonString(obj, jsonTitle)),
		Outlet: collapseSpace(jsonString(obj, jsonOutlet)),
		Author: collapseSpace(jsonString(obj, jsonAuthor)),
		Hash:   hex.EncodeToString(sum[:]),
		Format: "jsonl",
	}
	if a.URL != "" && id != src.id {
		a.ID = a.URL
	}
	if d, ok := parseDate(jsonString(obj, jsonDate)); ok {
		a.StatedDate = d
	}
	var paras []string
	if t := jsonString(obj, jsonText); strings.TrimSpace(t) != "" {
		if err := r.plainlyTooLong(t); err != nil {
			return nil, err
		}
		paras = splitParagraphs(normalizeLines(t))
	} else {
		paras = jsonParagraphList(obj)
	}
	if len(paras) == 0 {
		return nil, errors.New("json: article has no text (no text, content, body or paragraphs field)")
	}
	if err := r.finish(a, paras, finishOpts{}); err != nil {
		return nil, err
	}
	return a, nil
}

// jsonString returns the first of keys that obj holds as a string (or an
// object with a name, or a list of strings, joined).
func jsonString(obj map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		v, ok := obj[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
		var named struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(v, &named) == nil && named.Name != "" {
			return named.Name
		}
		var list []string
		if json.Unmarshal(v, &list) == nil {
			return strings.Join(list, ", ")
		}
	}
	return ""
}

// jsonParagraphList reads a list of paragraphs: strings, or lists of
// strings each making one paragraph.
func jsonParagraphList(obj map[string]json.RawMessage) []string {
	for _, k := range jsonParagraphs {
		v, ok := obj[k]
		if !ok {
			continue
		}
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			continue
		}
		var paras []string
		for _, it := range items {
			var s string
			if json.Unmarshal(it, &s) == nil {
				paras = append(paras, s)
				continue
			}
			var parts []string
			if json.Unmarshal(it, &parts) == nil {
				paras = append(paras, strings.Join(parts, " "))
			}
		}
		if len(paras) > 0 {
			return paras
		}
	}
	return nil
}
