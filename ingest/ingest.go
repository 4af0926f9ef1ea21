// Package ingest reads news articles from files, folders, HTML pages,
// RSS/Atom/JSON feeds, JSON lines, WARC archives, URLs and stdin, and
// returns them as news.Article values with page furniture removed.
//
// # Inputs
//
// Read takes one input: a file, a folder, an http(s) or file:// URL, or "-"
// for stdin; other URL schemes are refused with ErrUnsupportedScheme. A
// folder is read recursively in lexical order, following symbolic links to
// files and folders (a link back to a folder being read is reported as a
// loop, and a folder reached twice is read once); hidden files and folders
// (names starting with ".") are skipped, and so is any file whose extension
// is not one of the article formats below: .txt, .text, .html, .htm,
// .xhtml, .xml, .rss, .atom, .json, .jsonl, .ndjson, .warc, each optionally
// followed by .gz, files with no extension at all, and files whose
// "extension" is a serial number, as news archives name them
// (APW19990707.0181); binary files with no extension are skipped quietly.
// Other files, such as README.md, are skipped in folders but read as plain
// text when named explicitly. A folder from which no article and no error
// comes (no file with an article's extension, or only binary files) gives
// an error wrapping ErrNoArticles, so that no input is lost without a word.
//
// # Formats
//
// The format is detected from the content, not the name: WARC ("WARC/1.x"),
// gzip (decompressed, then detected again), RSS, Atom and JSON Feed,
// newswire SGML, HTML, JSON (JSON lines, one object, or an array of
// objects) and plain text. Article.Format names the reader: "text", "html",
// "feed", "sgml", "jsonl" or "warc".
//
// Newswire SGML is the form of news archives and evaluation sets (TREC,
// TDT, DUC, Gigaword): <DOC> elements with a <DOCNO>, a date (<DATE_TIME>,
// <DATE>, or the date a DOCNO such as APW19990707.0181 holds), a
// <HEADLINE> and a <TEXT> of <P> paragraphs or indented lines. Each <DOC>
// is an article; the outlet comes from the dateline, else from the
// archive's source code at the start of the DOCNO.
//
// Plain text is read in the form storyline's sources arrive in: an optional
// first line " date YYYY-MM-DD" (the stated date; text after it on the same
// line is the start of the body), metadata lines near the top
// ("Source: Xinhua| 2017-09-28 05:31:38|Editor: yan", "By Jane Doe"),
// bare page stamps ("23:35 GMT22 June 2021", kept in Article.PageStamp and
// never taken for the stated date), an outlet prefix ("Alwaght- Top
// Iranian...") and a dateline ("TEHRAN, Sept. 27 (Xinhua) --"), which is
// cut from the text and kept in Article.Dateline, DatelinePlace and
// DatelineDate (its year, when it gives none, the one that puts it nearest
// the stated date). Paragraphs are separated by blank lines; lines wrapped
// at a fixed width, or indented at the start of each paragraph, are joined
// again. A short first line without a full stop followed by running text
// is taken as the title.
//
// Web pages go through go-readability, with the page's plain body text as
// the fallback; figures, captions, link lists and small blocks whose class
// names furniture are dropped before the debris rules. The title, author,
// date, outlet (og:site_name, else the host) and canonical URL come from
// the page's metadata: meta tags, JSON-LD, <time> elements, elements
// marked as a date, a date in the address, or a line that is nothing but
// a date. Feed items give one article each: the full content
// when the item has it, else its description; the item's date is the
// stated date and the feed's title the outlet. JSON articles are objects
// with "title", "text" (or "content", "body", or a "paragraphs" list),
// "date", "url", "source" (the outlet) and "author". WARC archives are
// streamed record by record; HTTP 200 responses holding HTML are read as
// web pages.
//
// Page furniture is dropped from plain text, web pages and WARC pages by
// general rules on each paragraph's features rather than any site's
// strings: lines without letters ("0 121"), labels with a count
// ("Referendum (53)"), keyword lists ("Iran, Turkey, Myanmar"), short
// interface lines ("Listen Live", "Get short URL"), short labels repeated
// on the page, bare dates, runs of three or more short lines that are not
// sentences (related headlines, menus) unless a sentence ending in a colon
// introduces them, and anything that is not a sentence before the text
// starts or after it ends. Feed items lose only interface lines, counters,
// credits and the footer blog software adds; text given in JSON is kept as
// written. Options.KeepDebris turns the rules off.
//
// Article.ID is the file's base name or the URL; the Nth article of a file
// holding several is "NAME#N" (for JSON lines, N is the line number), or
// the item's URL when it has one. Article.Hash is the SHA-256 of the bytes
// the article was read from: the file, the JSON line, the WARC record's
// page; for a feed item, of the item's title, link, dates and content.
//
// # Errors
//
// Every failure is an *Error naming the input (with a line or record
// position where there is one) on one line, and the rest of the batch goes
// on. Single-article files larger than Options.MaxFileSize (32 MiB by
// default; a file of exactly that size is read) are refused without being
// read; WARC records and JSON lines are streamed, each limited to
// Options.MaxRecordSize. An article whose text is longer than
// Options.MaxTextSize (1 MiB by default) is refused: the cost of analysing
// a text grows faster than its length. An HTTP fetch, body included, is bounded by
// DefaultTimeout (30 s) unless Options.Client says otherwise.
//
// Text whose UTF-8 holds a few invalid bytes is repaired (each replaced by
// U+FFFD) and kept; Options.Warn hears of it. Text that is not UTF-8 is read
// as Windows-1252 (and so Latin-1) when it can be, and UTF-16 is decoded,
// with or without a byte-order mark (JSON lines and WARC in UTF-16 too).
// A feed cut off or broken part way gives the items that close before the
// break, then an error naming it. A fetch that times out says so.
//
// # Cancellation
//
// ReadContext and ReadAllContext stop when their context is done: a fetch
// under way is cancelled with it, no further file, record or line is read,
// and the sequence ends without an error for the cancellation itself (the
// caller knows why it stopped).
package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/transform"

	"github.com/storyline-news/storyline/news"
)

// ErrUnsupportedFormat is returned for input that no reader understands.
var ErrUnsupportedFormat = errors.New("unsupported format")

// ErrNoArticles is returned for a folder that holds no file Read would
// take for an article.
var ErrNoArticles = errors.New("no articles")

// ErrUnsupportedScheme is returned for a URL whose scheme is not http,
// https or file.
var ErrUnsupportedScheme = errors.New("unsupported URL scheme")

// Error is a failure to read one input. The rest of a batch goes on.
type Error struct {
	Input string // the path or URL, with ":LINE" or "#RECORD" where known
	Err   error
}

// Error returns the failure on one line, starting with the package name.
func (e *Error) Error() string {
	return "ingest: " + oneLine(e.Input) + ": " + oneLine(e.Err.Error())
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Default limits.
const (
	// DefaultMaxFileSize is the largest single-article file (text, HTML,
	// feed, JSON document) read by default.
	DefaultMaxFileSize = 32 << 20
	// DefaultMaxRecordSize is the largest WARC record or JSON line read by
	// default; the streams themselves may be any size.
	DefaultMaxRecordSize = 32 << 20
	// DefaultMaxTextSize is the longest article text kept by default, in
	// bytes of UTF-8 once page furniture is dropped. The longest real
	// news articles run to about 100 KB; a longer text is a book, a log
	// or an attack, and analysis costs grow faster than its length (a
	// 4 MiB text took 8.7 s of CPU and 1.1 GB to brief, a 30 MiB one
	// did not finish in 5 minutes).
	DefaultMaxTextSize = 1 << 20
	// DefaultTimeout bounds one HTTP fetch.
	DefaultTimeout = 30 * time.Second
)

// Options configures a Reader. The zero value of a field means its default.
type Options struct {
	// MaxFileSize is the largest single-article input, in bytes.
	MaxFileSize int64
	// MaxRecordSize is the largest WARC record or JSON line, in bytes.
	MaxRecordSize int64
	// MaxTextSize is the longest article text, in bytes; an article whose
	// text is longer is refused with an error naming it.
	MaxTextSize int64
	// Client fetches http(s) URLs; by default a client with DefaultTimeout.
	Client *http.Client
	// UserAgent is sent with every fetch.
	UserAgent string
	// Stdin is read for the input "-"; os.Stdin by default.
	Stdin io.Reader
	// KeepDebris turns off the removal of page furniture.
	KeepDebris bool
	// SimpleHTML reads web pages with storyline's own reader alone: the
	// page's body text, cleaned by the debris rules, and its <title>,
	// without go-readability. It is much faster and cruder (no main-text
	// extraction, no page metadata); fuzz tests use
	// it so that fuzzing explores storyline's code rather than the
	// extractors'.
	SimpleHTML bool
	// Warn, when set, is told of inputs read with a repair (invalid UTF-8
	// bytes replaced); the article is kept. The error is an *Error.
	Warn func(error)
}

// DefaultOptions returns the options Read uses.
func DefaultOptions() Options {
	return Options{
		MaxFileSize:   DefaultMaxFileSize,
		MaxRecordSize: DefaultMaxRecordSize,
		MaxTextSize:   DefaultMaxTextSize,
		Client:        &http.Client{Timeout: DefaultTimeout},
		UserAgent:     "storyline/1 (+https://github.com/storyline-news/storyline)",
		Stdin:         os.Stdin,
	}
}

// Validate reports whether the options make sense.
func (o Options) Validate() error {
	if o.MaxFileSize < 0 {
		return fmt.Errorf("ingest: MaxFileSize %d is negative", o.MaxFileSize)
	}
	if o.MaxRecordSize < 0 {
		return fmt.Errorf("ingest: MaxRecordSize %d is negative", o.MaxRecordSize)
	}
	if o.MaxTextSize < 0 {
		return fmt.Errorf("ingest: MaxTextSize %d is negative", o.MaxTextSize)
	}
	return nil
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxFileSize == 0 {
		o.MaxFileSize = d.MaxFileSize
	}
	if o.MaxRecordSize == 0 {
		o.MaxRecordSize = d.MaxRecordSize
	}
	if o.MaxTextSize == 0 {
		o.MaxTextSize = d.MaxTextSize
	}
	if o.Client == nil {
		o.Client = d.Client
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Stdin == nil {
		o.Stdin = d.Stdin
	}
	return o
}

// Reader reads articles with a fixed set of Options. It is safe for
// concurrent use.
type Reader struct {
	opts Options
}

// New returns a Reader with opts, its zero fields set to their defaults.
func New(opts Options) (*Reader, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	return &Reader{opts: opts.withDefaults()}, nil
}

var defaultReader = &Reader{opts: DefaultOptions()}

// Read reads every article in path: a file, a folder (recursively), a URL,
// or "-" for stdin, with the default options. Errors name the input and do
// not stop the sequence.
func Read(path string) iter.Seq2[*news.Article, error] { return defaultReader.Read(path) }

// ReadAll reads every input in paths in turn, with the default options.
func ReadAll(paths []string) iter.Seq2[*news.Article, error] { return defaultReader.ReadAll(paths) }

// ReadContext is Read that stops when ctx is done.
func ReadContext(ctx context.Context, path string) iter.Seq2[*news.Article, error] {
	return defaultReader.ReadContext(ctx, path)
}

// ReadAllContext is ReadAll that stops when ctx is done.
func ReadAllContext(ctx context.Context, paths []string) iter.Seq2[*news.Article, error] {
	return defaultReader.ReadAllContext(ctx, paths)
}

// ReadAll reads every input in paths in turn.
func (r *Reader) ReadAll(paths []string) iter.Seq2[*news.Article, error] {
	return r.ReadAllContext(context.Background(), paths)
}

// ReadAllContext reads every input in paths in turn, until ctx is done.
func (r *Reader) ReadAllContext(ctx context.Context, paths []string) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				return
			}
			for a, err := range r.ReadContext(ctx, p) {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// Read reads every article in path: a file, a folder (recursively), a URL,
// or "-" for stdin. Errors name the input and do not stop the sequence.
func (r *Reader) Read(path string) iter.Seq2[*news.Article, error] {
	return r.ReadContext(context.Background(), path)
}

// ReadContext reads every article in path, as Read does, until ctx is
// done; a fetch under way is cancelled with ctx.
func (r *Reader) ReadContext(ctx context.Context, path string) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		if ctx.Err() != nil {
			return
		}
		switch {
		case path == "-":
			r.readStream(&source{ctx: ctx, input: "-", id: "stdin", size: -1}, r.opts.Stdin, yield)
		case isURL(path):
			r.readURL(ctx, path, yield)
		case urlScheme(path) == "file":
			p, err := filePath(path)
			if err != nil {
				yield(nil, &Error{Input: path, Err: err})
				return
			}
			r.readPath(ctx, p, yield)
		case urlScheme(path) != "":
			yield(nil, &Error{Input: path, Err: fmt.Errorf("%w %q: storyline reads http, https and file URLs", ErrUnsupportedScheme, urlScheme(path))})
		default:
			r.readPath(ctx, path, yield)
		}
	}
}

// ReadFrom reads the articles in rd as if it were a file named name.
func (r *Reader) ReadFrom(name string, rd io.Reader) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		r.readStream(&source{ctx: context.Background(), input: name, id: filepath.Base(name), size: -1}, rd, yield)
	}
}

// warn tells Options.Warn of a repair made while reading src.
func (r *Reader) warn(input string, err error) {
	if r.opts.Warn != nil {
		r.opts.Warn(&Error{Input: input, Err: err})
	}
}

// emit passes an article or an error on; false means stop.
type emit = func(*news.Article, error) bool

// source describes one input being read.
type source struct {
	ctx         context.Context
	input       string // path, URL or "-": names errors and Article.Path
	id          string // Article.ID of a single-article input
	url         string // the address the input was fetched from
	contentType string // the HTTP Content-Type, when fetched
	size        int64  // bytes, or -1 when unknown
	inFolder    bool   // found by walking a folder rather than named
	decoded     bool   // read through a decoder from UTF-16 already
}

// done reports whether reading src has been cancelled.
func (s *source) done() bool { return s.ctx != nil && s.ctx.Err() != nil }

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// urlScheme returns the lower-case scheme of an address written
// "SCHEME://...", or "" when s is not one.
func urlScheme(s string) string {
	i := strings.Index(s, "://")
	if i <= 0 {
		return ""
	}
	for k, c := range s[:i] {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (k == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return strings.ToLower(s[:i])
}

// filePath returns the local path of a file:// URL.
func filePath(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", stripURLError(err)
	}
	if u.Host != "" && u.Host != "localhost" {
		return "", fmt.Errorf("%w: file URL on another host (%s)", ErrUnsupportedScheme, u.Host)
	}
	if u.Path == "" {
		return "", errors.New("file URL without a path")
	}
	return filepath.FromSlash(u.Path), nil
}

func (r *Reader) readURL(ctx context.Context, u string, yield emit) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		yield(nil, &Error{Input: u, Err: stripURLError(err)})
		return
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return // cancelled: the caller knows why
		}
		yield(nil, &Error{Input: u, Err: r.explainTimeout(ctx, stripURLError(err))})
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		yield(nil, &Error{Input: u, Err: fmt.Errorf("HTTP status %s", resp.Status)})
		return
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	src := &source{ctx: ctx, input: u, id: u, url: final, contentType: resp.Header.Get("Content-Type"), size: resp.ContentLength}
	r.readStream(src, &fetchBody{r: r, ctx: ctx, body: resp.Body}, yield)
}

// fetchBody is the body of a fetch, whose timeout errors say what timed
// out.
type fetchBody struct {
	r    *Reader
	ctx  context.Context
	body io.Reader
}

func (b *fetchBody) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	if err != nil && err != io.EOF {
		err = b.r.explainTimeout(b.ctx, err)
	}
	return n, err
}

// timeoutError is a fetch that did not finish within the client's timeout:
// a server that hangs before or after its headers, or that sends its body
// too slowly or without end.
type timeoutError struct {
	limit time.Duration // 0 when unknown
	err   error
}

func (e *timeoutError) Error() string {
	if e.limit > 0 {
		return fmt.Sprintf("no complete answer within %v (the fetch timeout); the server hangs or its body is too slow or endless", e.limit)
	}
	return "no complete answer before the fetch timed out; the server hangs or its body is too slow or endless"
}

func (e *timeoutError) Unwrap() error { return e.err }

// explainTimeout turns a timeout of the client, not of ctx, into a
// timeoutError; other errors are returned as they are.
func (r *Reader) explainTimeout(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return err
	}
	var te interface{ Timeout() bool }
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &te) && te.Timeout() {
		return &timeoutError{limit: r.opts.Client.Timeout, err: err}
	}
	return err
}

// stripURLError drops the method and URL that net/http puts in front of a
// transport error, since Error already names the input.
func stripURLError(err error) error {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			return inner
		}
	}
	return err
}

func (r *Reader) readPath(ctx context.Context, path string, yield emit) {
	fi, err := os.Stat(path)
	if err != nil {
		yield(nil, &Error{Input: path, Err: pathError(err)})
		return
	}
	if !fi.IsDir() {
		r.readFile(ctx, path, false, yield)
		return
	}
	w := &walker{r: r, ctx: ctx, seen: map[string]bool{}}
	w.yield = func(a *news.Article, err error) bool {
		if err != nil {
			w.errors++
		} else {
			w.articles++
		}
		return yield(a, err)
	}
	if !w.dir(path, nil) || ctx.Err() != nil {
		return
	}
	if w.articles > 0 || w.errors > 0 {
		return
	}
	var err2 error
	if w.files == 0 {
		err2 = fmt.Errorf("%w: none of its files has an article's extension (%d skipped for their extensions; name a file to read it whatever its extension)", ErrNoArticles, w.skipped)
	} else {
		err2 = fmt.Errorf("%w: none of its %d files with an article's extension holds text (binary files without an extension are skipped)", ErrNoArticles, w.files)
	}
	yield(nil, &Error{Input: path, Err: err2})
}

// walker reads a folder tree, following symbolic links.
type walker struct {
	r     *Reader
	ctx   context.Context
	yield emit
	seen  map[string]bool // the real paths of the folders read

	files, skipped   int // files read, and files skipped for their extension
	articles, errors int // what the files gave
}

// dir reads the folder at path, whose parents have the real paths in
// ancestors; false means stop.
func (w *walker) dir(path string, ancestors []string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return w.yield(nil, &Error{Input: path, Err: pathError(err)})
	}
	if real, err = filepath.Abs(real); err != nil {
		return w.yield(nil, &Error{Input: path, Err: err})
	}
	if slices.Contains(ancestors, real) {
		return w.yield(nil, &Error{Input: path, Err: fmt.Errorf("symbolic link loop: leads back to %s, which is being read", real)})
	}
	if w.seen[real] {
		return true // reached again through another link: read once
	}
	w.seen[real] = true
	entries, err := os.ReadDir(path)
	if err != nil && len(entries) == 0 {
		return w.yield(nil, &Error{Input: path, Err: pathError(err)})
	}
	ancestors = append(ancestors, real)
	for _, e := range entries { // in lexical order
		if w.ctx.Err() != nil {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				if !w.yield(nil, &Error{Input: p, Err: fmt.Errorf("symbolic link: %w", pathError(err))}) {
					return false
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if !w.dir(p, ancestors) {
				return false
			}
		case !typ.IsRegular():
			// devices, pipes and sockets are no articles
		case !folderExt(name):
			w.skipped++
		default:
			w.files++
			if !w.r.readFile(w.ctx, p, true, w.yield) {
				return false
			}
		}
	}
	if err != nil {
		return w.yield(nil, &Error{Input: path, Err: pathError(err)})
	}
	return true
}

// pathError drops the operation and path that os puts in front of an
// error, since Error already names the input.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// folderExts are the extensions read when walking a folder.
var folderExts = map[string]bool{
	".txt": true, ".text": true,
	".html": true, ".htm": true, ".xhtml": true,
	".xml": true, ".rss": true, ".atom": true, ".json": true,
	".jsonl": true, ".ndjson": true,
	".warc": true,
}

// folderExt reports whether a file in a folder is read: one with an
// article extension, with none, or with a serial number for one
// (APW19990707.0181, as news archives such as DUC and TREC name files).
func folderExt(name string) bool {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	ext := filepath.Ext(name)
	return ext == "" || folderExts[ext] || strings.Trim(ext[1:], "0123456789") == ""
}

// readFile reads one file; false means the consumer stopped.
func (r *Reader) readFile(ctx context.Context, path string, inFolder bool, yield emit) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &Error{Input: path, Err: pathError(err)})
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return yield(nil, &Error{Input: path, Err: errors.New("is a directory")})
		}
		size = fi.Size()
	}
	src := &source{ctx: ctx, input: path, id: filepath.Base(path), size: size, inFolder: inFolder}
	return r.readStream(src, f, yield)
}

// sniffSize is how much of an input is looked at to tell its format.
const sniffSize = 8 << 10

// readStream detects the format of rd and hands it to the right reader;
// false means the consumer stopped.
func (r *Reader) readStream(src *source, rd io.Reader, yield emit) bool {
	return r.readStreamDepth(src, rd, news.WithKeys(yield), 0)
}

func (r *Reader) readStreamDepth(src *source, rd io.Reader, yield emit, depth int) bool {
	fail := func(err error) bool {
		if src.done() {
			return false // cancelled, perhaps mid-read: not the input's fault
		}
		return yield(nil, &Error{Input: src.input, Err: err})
	}
	br := bufio.NewReaderSize(rd, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fail(err)
	}
	kind := sniff(head)
	if !src.decoded {
		// Text in UTF-16 without a byte-order mark, as some Windows tools
		// save it, and JSON lines or WARC in UTF-16 (which the streaming
		// readers cannot take whole): read as the UTF-8 they decode to.
		decode := utf16Stream
		if kind == kindBinary {
			decode = bomlessUTF16
		}
		if enc, ok := decode(head); ok {
			inner := *src
			inner.size, inner.decoded = -1, true
			return r.readStreamDepth(&inner, transform.NewReader(br, enc.NewDecoder()), yield, depth)
		}
	}
	switch kind {
	case kindEmpty:
		if len(head) == 0 {
			return fail(errors.New("empty file"))
		}
		return fail(errors.New("empty file (only white space)"))
	case kindGzip:
		if depth > 0 {
			return fail(fmt.Errorf("%w: gzip inside gzip", ErrUnsupportedFormat))
		}
		zr, err := newGzipReader(br)
		if err != nil {
			return fail(fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		inner := *src
		inner.size = -1
		return r.readStreamDepth(&inner, zr, yield, depth+1)
	case kindWARC:
		return r.readWARC(src, br, yield)
	case kindJSONLines:
		return r.readJSONLines(src, br, yield)
	}
	// The rest are single-article (or single-document) inputs.
	if src.size > r.opts.MaxFileSize {
		return fail(fmt.Errorf("file too large: %s, over the %s limit", humanSize(src.size), humanSize(r.opts.MaxFileSize)))
	}
	if kind == kindUnknownXML {
		return fail(fmt.Errorf("%w: XML that is neither a feed nor a web page", ErrUnsupportedFormat))
	}
	if kind == kindBinary {
		if src.inFolder && !strings.Contains(filepath.Base(src.input), ".") {
			return true // a binary file with no extension in a folder: not an article
		}
		return fail(errors.New("binary file"))
	}
	b, err := io.ReadAll(io.LimitReader(br, r.opts.MaxFileSize+1))
	if err != nil {
		return fail(err)
	}
	if int64(len(b)) > r.opts.MaxFileSize {
		return fail(fmt.Errorf("input too large: over the %s limit", humanSize(r.opts.MaxFileSize)))
	}
	switch kind {
	case kindHTML:
		a, err := r.readHTML(src, b, src.contentType, src.url)
		if err != nil {
			return fail(err)
		}
		return yield(a, nil)
	case kindFeed:
		return r.readFeed(src, b, yield)
	case kindSGML:
		return r.readSGML(src, b, yield)
	case kindJSON:
		return r.readJSONDocument(src, b, yield)
	default:
		a, err := r.readText(src, b)
		if err != nil {
			return fail(err)
		}
		return yield(a, nil)
	}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// oneLine folds an error message onto one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
