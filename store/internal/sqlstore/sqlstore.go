// Package sqlstore implements store.Store over database/sql for the SQL
// backends. What differs between them (placeholders, full-text search,
// locking, the schema) is a Dialect; everything else is written once, so
// the backends cannot drift apart in meaning.
package sqlstore

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// Dialect is what a backend supplies.
type Dialect struct {
	// Name prefixes errors: "store/sqlite".
	Name string
	// Postgres selects $N placeholders (instead of ?).
	Postgres bool
	// Migrations are the schema changes, applied in order; migration i
	// takes the schema to version i+1.
	Migrations []string
	// LockUpdate and LockMigrate are run first in an update's and in the
	// migration's transaction ("" for none).
	LockUpdate, LockMigrate string
	// IndexArticles is run once at the end of an update that inserted
	// articles, before it commits, with the first and the last seq of
	// those articles ("" for none): SQLite fills its FTS table there.
	// An update holds the write lock from its start, so the articles
	// with a seq between the two are those it inserted. Indexing them in
	// one statement, after every other, lets FTS5 write one segment per
	// update: a statement that may abort opens a savepoint, and FTS5
	// flushes its pending terms at each one, so indexing article by
	// article among the other statements wrote a segment per article and
	// spent its time merging them.
	IndexArticles string
	// CacheStatements prepares each query once per connection and keeps
	// it, instead of parsing it at every use (SQLite's driver keeps no
	// statements of its own).
	CacheStatements bool
	// SearchSQL selects key, id, title, outlet, url, date, story, snippet
	// of the articles matching the query text (argument 1), best first,
	// at most argument 2 of them.
	SearchSQL string
	// MatchStories is a condition on stories.id keeping the stories with
	// an article matching the query text (one argument).
	MatchStories string
	// Err turns a driver error into a clearer one, or returns it.
	Err func(error) error
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db *sql.DB
	d  Dialect
	// rebound caches placeholder rewriting for PostgreSQL.
	rebound sync.Map
	// stmts holds the prepared statements by query, with
	// Dialect.CacheStatements.
	stmts sync.Map
	// closeMu guards closing the prepared statements.
	closeMu sync.Mutex
	closed  bool
}

// New wraps db, applying the dialect's migrations.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d}
	if d.Err == nil {
		s.d.Err = func(err error) error { return err }
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying database, for backend tests.
func (s *DB) SQL() *sql.DB { return s.db }

func (s *DB) q(query string) string {
	if !s.d.Postgres {
		return query
	}
	if v, ok := s.rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	s.rebound.Store(query, b.String())
	return b.String()
}

func (s *DB) errf(format string, args ...any) error {
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = s.d.Err(err)
		}
	}
	return fmt.Errorf(s.d.Name+": "+format, args...)
}

// migrate applies the migrations the database lacks, in one transaction.
func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf("migrating: %w", err)
	}
	defer tx.Rollback()
	if s.d.LockMigrate != "" {
		if _, err := tx.ExecContext(ctx, s.d.LockMigrate); err != nil {
			return s.errf("migrating: taking the lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return s.errf("migrating: %w", err)
	}
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return s.errf("migrating: reading the schema version: %w", err)
	}
	if v > len(s.d.Migrations) {
		return s.errf("the database's schema version %d is newer than this storyline knows (%d): use a newer storyline", v, len(s.d.Migrations))
	}
	for i := v; i < len(s.d.Migrations); i++ {
		if _, err := tx.ExecContext(ctx, s.d.Migrations[i]); err != nil {
			return s.errf("migrating to schema version %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version, applied) VALUES (?, ?)`), i+1, now()); err != nil {
			return s.errf("migrating to schema version %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.errf("migrating: %w", err)
	}
	return nil
}

// SchemaVersion returns the schema version of the database.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, s.errf("reading the schema version: %w", err)
	}
	return v, nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// Close closes the database.
func (s *DB) Close() error {
	s.closeMu.Lock()
	s.closed = true
	s.stmts.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		s.stmts.Delete(k)
		return true
	})
	s.closeMu.Unlock()
	return s.db.Close()
}

// stmt returns the prepared statement of query (rewritten by q already),
// preparing it at its first use, or nil without
// Dialect.CacheStatements (or once the store is closed); the caller then
// runs the query as it is.
func (s *DB) stmt(ctx context.Context, query string) *sql.Stmt {
	if !s.d.CacheStatements {
		return nil
	}
	if v, ok := s.stmts.Load(query); ok {
		return v.(*sql.Stmt)
	}
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	if v, ok := s.stmts.Load(query); ok {
		return v.(*sql.Stmt)
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil // run unprepared: the error, if it is one, shows there
	}
	s.stmts.Store(query, st)
	return st
}

// cached runs queries on db through the prepared statements of s.
type cached struct {
	s  *DB
	db querier
	// inTx holds a transaction's statements (made from those of s),
	// when db is a *sql.Tx: a transaction is used by one goroutine.
	inTx map[string]*sql.Stmt
}

// on returns db, running its queries prepared when s caches statements.
func (s *DB) on(db querier) querier {
	if !s.d.CacheStatements {
		return db
	}
	c := cached{s: s, db: db}
	if _, ok := db.(*sql.Tx); ok {
		c.inTx = map[string]*sql.Stmt{}
	}
	return c
}

// prepared returns query's statement for db (nil to run it unprepared).
func (c cached) prepared(ctx context.Context, query string) *sql.Stmt {
	if st, ok := c.inTx[query]; ok {
		return st
	}
	st := c.s.stmt(ctx, query)
	if st == nil {
		return nil
	}
	switch db := c.db.(type) {
	case *sql.Tx:
		st = db.StmtContext(ctx, st)
		c.inTx[query] = st
		return st
	case *sql.DB:
		return st
	}
	return nil
}

func (c cached) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.db.QueryContext(ctx, query, args...)
}

func (c cached) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.db.QueryRowContext(ctx, query, args...)
}

func (c cached) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.prepared(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.db.ExecContext(ctx, query, args...)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// ---- articles

// articleJSON is how an article is kept: its text has a column of its
// own, so it is left out of the JSON.
func encodeArticle(a *news.Article) ([]byte, error) {
	c := *a
	c.Text = ""
	return json.Marshal(&c)
}

func decodeArticle(b []byte, text string) (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal(b, a); err != nil {
		return nil, err
	}
	a.Text = text
	return a, nil
}

// Article returns the stored article with the given key.
func (s *DB) Article(ctx context.Context, key string) (*news.Article, error) {
	var body []byte
	var text string
	err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT body, text FROM articles WHERE key = ?`), key).Scan(&body, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: article %q: %w", s.d.Name, key, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.errf("article %q: %w", key, err)
	}
	a, err := decodeArticle(body, text)
	if err != nil {
		return nil, s.errf("article %q: %w", key, err)
	}
	return a, nil
}

// HasArticle reports whether an article with the given key is stored.
func (s *DB) HasArticle(ctx context.Context, key string) (bool, error) {
	var n int
	if err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE key = ?`), key).Scan(&n); err != nil {
		return false, s.errf("article %q: %w", key, err)
	}
	return n > 0, nil
}

// hasChunk is the most keys HasArticles looks up in one query.
const hasChunk = 64

// HasArticles reports which of keys have a stored article.
func (s *DB) HasArticles(ctx context.Context, keys []string) (map[string]bool, error) {
	out := make(map[string]bool, len(keys))
	args := make([]any, 0, min(len(keys), hasChunk))
	for len(keys) > 0 {
		n := min(len(keys), hasChunk)
		args = args[:0]
		for _, k := range keys[:n] {
			args = append(args, k)
		}
		query := `SELECT key FROM articles WHERE key IN (?` + strings.Repeat(`, ?`, n-1) + `)`
		for k, err := range each(s, ctx, s.db, "looking up articles", query, args, func(sc interface{ Scan(...any) error }) (string, error) {
			var k string
			err := sc.Scan(&k)
			return k, err
		}) {
			if err != nil {
				return nil, err
			}
			out[k] = true
		}
		keys = keys[n:]
	}
	return out, nil
}

// ---- docs

// Docs are kept in the binary doc format (see appendBinDoc), after a
// four-byte mark: decoding a doc is what rebuilding a brief and
// restoring a clusterer spend their time on. Docs stored before are
// still read: in gob (marks "gob1" and "gob2", which decodes an analysed
// article about four times faster than JSON), and before that gzipped
// JSON.
//
// A doc whose text is its article's (every doc analysis makes) is kept
// without it, after the mark "bin2" ("gob2" in gob): the text is kept
// once, in the articles table, and put back on reading (decodeDocText).
// Before, the text was kept four times: the article, the doc, its sketch
// and its sentences.
var (
	binMark     = []byte("bin1")
	binTextless = []byte("bin2")
	gobMark     = []byte("gob1")
	gobTextless = []byte("gob2")
)

func encodeDoc(d *news.Doc) ([]byte, error) {
	return appendBinDoc(append(make([]byte, 0, 4096), binMark...), d)
}

// encodeTextless encodes d without its text, which its article keeps.
func encodeTextless(d *news.Doc) ([]byte, error) {
	c := *d
	c.Text = ""
	return appendBinDoc(append(make([]byte, 0, 4096), binTextless...), &c)
}

// encodeGob encodes d in gob, as docs were stored before the binary
// format (kept for tests of reading them).
func encodeGob(d *news.Doc) ([]byte, error) {
	var buf bytes.Buffer
	buf.Write(gobMark)
	if err := theDocCodec().encode(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeDoc(b []byte) (*news.Doc, error) { return decodeDocText(b, "") }

// decodeDocText decodes a doc; text is its article's, put back in a doc
// kept without it.
func decodeDocText(b []byte, text string) (*news.Doc, error) {
	d := new(news.Doc)
	if rest, ok := bytes.CutPrefix(b, binMark); ok {
		if err := decodeBinDoc(rest, d); err != nil {
			return nil, err
		}
		return d, nil
	}
	if rest, ok := bytes.CutPrefix(b, binTextless); ok {
		if err := decodeBinDoc(rest, d); err != nil {
			return nil, err
		}
		d.Text = text
		return d, nil
	}
	if rest, ok := bytes.CutPrefix(b, gobMark); ok {
		if err := theDocCodec().decode(rest, d); err != nil {
			return nil, err
		}
		return d, nil
	}
	if rest, ok := bytes.CutPrefix(b, gobTextless); ok {
		if err := theDocCodec().decode(rest, d); err != nil {
			return nil, err
		}
		d.Text = text
		return d, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, d); err != nil {
		return nil, err
	}
	return d, nil
}

const docColumns = `d.key, COALESCE(d.story, ''), d.duplicate_of, COALESCE(d.seq, 0), b.body, a.text`

// docsFrom joins a doc's placement with its body and its article's text.
const docsFrom = ` FROM docs d JOIN doc_bodies b ON b.key = d.key JOIN articles a ON a.key = d.key`

// sketchColumns select a doc's sketch, or its whole body when it was
// stored before sketches were kept (scanSketch trims it).
const sketchColumns = `d.key, COALESCE(d.story, ''), d.duplicate_of, COALESCE(d.seq, 0), COALESCE(b.sketch, b.body), a.text`

func scanSketch(sc interface{ Scan(...any) error }) (*store.Doc, error) {
	d, err := scanDoc(sc)
	if err != nil {
		return nil, err
	}
	d.Doc = store.Sketch(d.Doc)
	return d, nil
}

func scanDoc(sc interface{ Scan(...any) error }) (*store.Doc, error) {
	var key, text string
	var body []byte
	sd := new(store.Doc)
	if err := sc.Scan(&key, &sd.Story, &sd.DuplicateOf, &sd.Seq, &body, &text); err != nil {
		return nil, err
	}
	d, err := decodeDocText(body, text)
	if err != nil {
		return nil, fmt.Errorf("doc %q: %w", key, err)
	}
	sd.Doc = d
	return sd, nil
}

// Doc returns the stored doc of the article with the given key.
func (s *DB) Doc(ctx context.Context, key string) (*store.Doc, error) {
	d, err := scanDoc(s.on(s.db).QueryRowContext(ctx, s.q(`SELECT `+docColumns+docsFrom+` WHERE d.key = ?`), key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: doc %q: %w", s.d.Name, key, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.errf("doc %q: %w", key, err)
	}
	return d, nil
}

// Docs lists stored docs in placement order.
func (s *DB) Docs(ctx context.Context, q store.DocQuery) iter.Seq2[*store.Doc, error] {
	return s.docs(ctx, s.db, q)
}

func (s *DB) docs(ctx context.Context, db querier, q store.DocQuery) iter.Seq2[*store.Doc, error] {
	columns, scan := docColumns, scanDoc
	if q.Sketch {
		columns, scan = sketchColumns, scanSketch
	}
	query := `SELECT ` + columns + docsFrom + ` WHERE d.seq > ?`
	args := []any{q.After}
	if q.Through > 0 {
		query += ` AND d.seq <= ?`
		args = append(args, q.Through)
	}
	if q.Story != "" {
		query += ` AND d.story = ?`
		args = append(args, q.Story)
	}
	if q.Window > 0 {
		// The window's start is a day: a story whose last doc is dated
		// the day it begins is kept, whatever the hour.
		query += ` AND d.story IN (SELECT story FROM docs WHERE story IS NOT NULL GROUP BY story
			HAVING MAX(date) = '' OR MAX(date) >= ?)`
		args = append(args, nil) // set when listing starts
	}
	query += ` ORDER BY d.seq`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	if q.Window <= 0 {
		return each(s, ctx, db, "listing docs", query, args, scan)
	}
	return func(yield func(*store.Doc, error) bool) {
		var newest string
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(date), '') FROM docs WHERE story IS NOT NULL`).Scan(&newest); err != nil {
			yield(nil, s.errf("listing docs: %w", err))
			return
		}
		from := "" // no dated doc: every story is undated, all kept
		if t, err := time.Parse(time.DateOnly, newest); err == nil {
			from = t.Add(-q.Window).Format(time.DateOnly)
		}
		args := slices.Clone(args)
		for i, a := range args {
			if a == nil {
				args[i] = from
			}
		}
		for d, err := range each(s, ctx, db, "listing docs", query, args, scan) {
			if !yield(d, err) {
				return
			}
		}
	}
}

// LastSeq returns the highest placement sequence number stored.
func (s *DB) LastSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM docs`).Scan(&seq); err != nil {
		return 0, s.errf("reading the last placement: %w", err)
	}
	return seq, nil
}

// each runs a query and yields a value per row; an error ends it.
func each[T any](s *DB, ctx context.Context, db querier, what, query string, args []any, scan func(interface{ Scan(...any) error }) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if d, ok := db.(*sql.DB); ok {
			db = s.on(d)
		}
		rows, err := db.QueryContext(ctx, s.q(query), args...)
		if err != nil {
			yield(zero, s.errf("%s: %w", what, err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				yield(zero, s.errf("%s: %w", what, err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(zero, s.errf("%s: %w", what, err))
		}
	}
}

// ---- stories

const storyColumns = `id, title, first_date, last_date, n_articles, n_sources, n_outlets, revision, brief_revision, updated, updated_seq, merged_into`

func scanStory(sc interface{ Scan(...any) error }) (*store.Story, error) {
	st := new(store.Story)
	var updated string
	var useq int64
	if err := sc.Scan(&st.ID, &st.Title, &st.First, &st.Last, &st.Articles, &st.Sources, &st.Outlets, &st.Revision, &st.BriefRevision, &updated, &useq, &st.MergedInto); err != nil {
		return nil, err
	}
	st.Updated, _ = time.Parse(time.RFC3339Nano, updated)
	st.Cursor = strconv.FormatInt(useq, 10)
	return st, nil
}

// Story returns one story.
func (s *DB) Story(ctx context.Context, id string) (*store.Story, error) {
	st, err := scanStory(s.on(s.db).QueryRowContext(ctx, s.q(`SELECT `+storyColumns+` FROM stories WHERE id = ? AND (n_articles > 0 OR merged_into <> '')`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: story %q: %w", s.d.Name, id, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.errf("story %q: %w", id, err)
	}
	return st, nil
}

// Stories lists stories, the most recently changed first.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) iter.Seq2[*store.Story, error] {
	query := `SELECT ` + storyColumns + ` FROM stories WHERE n_articles > 0`
	var args []any
	if q.Cursor != "" {
		c, err := strconv.ParseInt(q.Cursor, 10, 64)
		if err != nil || c < 0 {
			return func(yield func(*store.Story, error) bool) {
				yield(nil, fmt.Errorf("%s: bad story cursor %q", s.d.Name, q.Cursor))
			}
		}
		query += ` AND updated_seq < ?`
		args = append(args, c)
	}
	if !q.Since.IsZero() {
		query += ` AND last_date >= ?`
		args = append(args, q.Since.Format(time.DateOnly))
	}
	if q.Stale {
		query += ` AND brief_revision < revision`
	}
	if q.Query != "" {
		terms := Terms(q.Query)
		if len(terms) == 0 {
			return func(func(*store.Story, error) bool) {}
		}
		query += ` AND ` + s.d.MatchStories
		args = append(args, strings.Join(s.termsFor(terms), " "))
	}
	query += ` ORDER BY updated_seq DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	return each(s, ctx, s.db, "listing stories", query, args, scanStory)
}

// ---- briefs

// Brief returns the stored brief of a story.
func (s *DB) Brief(ctx context.Context, story string) (*store.Brief, error) {
	b := &store.Brief{Story: story}
	var built string
	err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT revision, title, built, body FROM briefs WHERE story = ?`), story).Scan(&b.Revision, &b.Title, &built, &b.JSON)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: brief of story %q: %w", s.d.Name, story, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.errf("brief of story %q: %w", story, err)
	}
	b.Built, _ = time.Parse(time.RFC3339Nano, built)
	return b, nil
}

// ---- search

// Terms returns the words of a search query: runs of letters and digits,
// lower-cased. Everything else, query syntax included, is ignored.
func Terms(q string) []string {
	f := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return f
}

// termsFor quotes terms for SQLite's FTS5 (each a string, all required);
// PostgreSQL's plainto_tsquery takes them as they are.
func (s *DB) termsFor(terms []string) []string {
	if s.d.Postgres {
		return terms
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = `"` + t + `"`
	}
	return out
}

// Search finds articles by the words of their title and text.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) iter.Seq2[*store.Hit, error] {
	terms := Terms(q.Text)
	if len(terms) == 0 {
		return func(func(*store.Hit, error) bool) {}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	args := []any{strings.Join(s.termsFor(terms), " "), limit}
	return each(s, ctx, s.db, "searching", s.d.SearchSQL, args, func(sc interface{ Scan(...any) error }) (*store.Hit, error) {
		h := new(store.Hit)
		err := sc.Scan(&h.Key, &h.ID, &h.Title, &h.Outlet, &h.URL, &h.Date, &h.Story, &h.Snippet)
		return h, err
	})
}

// ---- state

// State returns an ingest state value.
func (s *DB) State(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT value FROM state WHERE key = ?`), key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%s: state %q: %w", s.d.Name, key, store.ErrNotFound)
	}
	if err != nil {
		return "", s.errf("state %q: %w", key, err)
	}
	return v, nil
}

// States lists the state values whose keys start with prefix.
func (s *DB) States(ctx context.Context, prefix string) iter.Seq2[*store.StateEntry, error] {
	all := each(s, ctx, s.db, "listing state", `SELECT key, value FROM state WHERE key >= ? ORDER BY key`, []any{prefix},
		func(sc interface{ Scan(...any) error }) (*store.StateEntry, error) {
			e := new(store.StateEntry)
			err := sc.Scan(&e.Key, &e.Value)
			return e, err
		})
	return func(yield func(*store.StateEntry, error) bool) {
		for e, err := range all {
			if err == nil && !strings.HasPrefix(e.Key, prefix) {
				return
			}
			if !yield(e, err) {
				return
			}
		}
	}
}

// ---- updates

// Update runs fn in one transaction.
func (s *DB) Update(ctx context.Context, fn func(store.Tx) error) (err error) {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf("starting a transaction: %w", err)
	}
	tx := &tx{s: s, tx: s.on(sqlTx)}
	defer func() {
		tx.done = true
		if p := recover(); p != nil {
			sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			sqlTx.Rollback()
		}
	}()
	if s.d.LockUpdate != "" {
		if _, err := sqlTx.ExecContext(ctx, s.d.LockUpdate); err != nil {
			return s.errf("taking the update lock: %w", err)
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.flush(ctx); err != nil {
		return err
	}
	if tx.first > 0 && s.d.IndexArticles != "" {
		if _, err := tx.exec(ctx, s.d.IndexArticles, tx.first, tx.last); err != nil {
			return s.errf("indexing articles %d to %d: %w", tx.first, tx.last, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return s.errf("update not committed: %w", err)
	}
	if err := sqlTx.Commit(); err != nil {
		return s.errf("committing: %w", err)
	}
	return nil
}

type tx struct {
	s  *DB
	tx querier // the *sql.Tx, through s.on
	// first and last are the seqs of the first and last article inserted
	// (0 for none), indexed at the end (Dialect.IndexArticles).
	first, last int64
	// texts are the texts of the articles inserted, by key, so that
	// storing their docs does not read them back.
	texts map[string]string
	// placed holds, by key, the columns of the docs stored in this
	// transaction that placing them reads (see Assign).
	placed map[string]docFields
	// unwritten are the keys of the docs stored in this transaction
	// whose rows are not written yet (docFields.rows), in the order they
	// were stored.
	unwritten []string
	// seq is the highest placement number, once read (0 before): the
	// transaction holds the write lock (SQLite's BEGIN IMMEDIATE, the
	// PostgreSQL advisory lock of Dialect.LockUpdate), so only it places
	// docs until it ends.
	seq  int64
	done bool
}

// docFields are the columns of a doc that placing it reads.
type docFields struct {
	story, title, dup, outlet, date string
	// rows, when set, are the doc's rows, not written yet (see PutDoc).
	rows *docRows
}

// docRows are the rows of a doc waiting to be written: its docs row's
// other columns, its encoded body and its sentences (putSentences).
type docRows struct {
	analyzer, id string
	body         []byte
	sentences    string
	spans        any
}

// writeRows writes the rows of the doc keyed key, placed in story at
// seq (story "" and seq 0 for none yet).
func (t *tx) writeRows(ctx context.Context, key string, f docFields, story string, seq int64) error {
	r := f.rows
	var st, sq any // NULL when not placed
	if story != "" {
		st, sq = story, seq
	}
	if _, err := t.exec(ctx, `INSERT INTO docs (key, analyzer, date, outlet, title, story, seq, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		key, r.analyzer, f.date, f.outlet, f.title, st, sq, f.dup); err != nil {
		return t.s.errf("storing doc %q: %w", key, err)
	}
	if _, err := t.exec(ctx, `INSERT INTO doc_bodies (key, body, sketch) VALUES (?, ?, NULL)
		ON CONFLICT (key) DO UPDATE SET body = excluded.body, sketch = NULL`, key, r.body); err != nil {
		return t.s.errf("storing doc %q: %w", key, err)
	}
	if _, err := t.exec(ctx, `INSERT INTO doc_sentences (key, id, body, spans) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET id = excluded.id, body = excluded.body, spans = excluded.spans`, key, r.id, r.sentences, r.spans); err != nil {
		return t.s.errf("storing the sentences of doc %q: %w", key, err)
	}
	return nil
}

// flush writes the rows of the docs stored in this transaction and not
// placed: before a statement that reads docs, and before committing.
func (t *tx) flush(ctx context.Context) error {
	for _, k := range t.unwritten {
		f, ok := t.placed[k]
		if !ok || f.rows == nil {
			continue // placed meanwhile
		}
		if err := t.writeRows(ctx, k, f, "", 0); err != nil {
			return err
		}
		f.rows = nil
		t.placed[k] = f
	}
	t.unwritten = t.unwritten[:0]
	return nil
}

// nextSeq returns the next placement number.
func (t *tx) nextSeq(ctx context.Context) (int64, error) {
	if t.seq == 0 {
		if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM docs`).Scan(&t.seq); err != nil {
			return 0, err
		}
	}
	t.seq++
	return t.seq, nil
}

var errTxDone = errors.New("transaction used after its Update returned")

func (t *tx) check(ctx context.Context) error {
	if t.done {
		return t.s.errf("%w", errTxDone)
	}
	return ctx.Err()
}

func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.s.q(query), args...)
}

// PutArticle stores a unless its key is stored already.
func (t *tx) PutArticle(ctx context.Context, a *news.Article) (bool, error) {
	if err := t.check(ctx); err != nil {
		return false, err
	}
	if a.Key == "" {
		return false, t.s.errf("article %q has no key", a.ID)
	}
	body, err := encodeArticle(a)
	if err != nil {
		return false, t.s.errf("article %q: %w", a.Key, err)
	}
	date := ""
	if !a.StatedDate.IsZero() {
		date = a.StatedDate.Format(time.DateOnly)
	}
	var seq int64
	err = t.tx.QueryRowContext(ctx, t.s.q(`INSERT INTO articles (key, id, url, outlet, title, date, added, text, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING seq`),
		a.Key, a.ID, a.URL, a.Outlet, a.Title, date, now(), a.Text, body).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, t.s.errf("storing article %q: %w", a.Key, err)
	}
	if t.first == 0 {
		t.first = seq
	}
	t.last = max(t.last, seq)
	if t.texts == nil {
		t.texts = map[string]string{}
	}
	t.texts[a.Key] = a.Text
	return true, nil
}

// PutDoc stores the doc of a stored article.
//
// The doc of an article inserted by this transaction, the common case,
// has no rows yet (docs.key references the article): its rows are then
// written when it is placed (Assign), in one insert with its story and
// placement, rather than inserted unplaced and updated at once; a doc
// not placed by the end of the transaction, or before a statement that
// reads docs, is written then (flush).
func (t *tx) PutDoc(ctx context.Context, d *news.Doc) error {
	if err := t.check(ctx); err != nil {
		return err
	}
	text, inserted := t.texts[d.Key]
	if !inserted {
		err := t.tx.QueryRowContext(ctx, t.s.q(`SELECT text FROM articles WHERE key = ?`), d.Key).Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s: storing doc %q: its article: %w", t.s.d.Name, d.Key, store.ErrNotFound)
		}
		if err != nil {
			return t.s.errf("storing doc %q: %w", d.Key, err)
		}
	}
	// The text is kept once, with the article, when the doc's is the
	// article's.
	encode := encodeDoc
	textless := text == d.Text
	if textless {
		encode = encodeTextless
	}
	body, err := encode(d)
	if err != nil {
		return t.s.errf("doc %q: %w", d.Key, err)
	}
	date := store.DocDate(d)
	if t.placed == nil {
		t.placed = map[string]docFields{}
	}
	if f, ok := t.placed[d.Key]; inserted && (!ok || f.rows != nil) {
		// No row written yet: kept until placed.
		sents, spans, err := sentenceRows(d, textless)
		if err != nil {
			return t.s.errf("doc %q: %w", d.Key, err)
		}
		if !ok {
			t.unwritten = append(t.unwritten, d.Key)
		}
		t.placed[d.Key] = docFields{title: d.Title, outlet: d.Outlet, date: date,
			rows: &docRows{analyzer: d.Analyzer, id: d.ID, body: body, sentences: sents, spans: spans}}
		return nil
	}
	// A story's dates and outlets follow its docs: a doc placed already
	// refreshes its story's.
	var story, dup string
	err = t.tx.QueryRowContext(ctx, t.s.q(`INSERT INTO docs (key, analyzer, date, outlet, title) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET analyzer = excluded.analyzer, date = excluded.date, outlet = excluded.outlet, title = excluded.title
		RETURNING COALESCE(story, ''), duplicate_of`),
		d.Key, d.Analyzer, date, d.Outlet, d.Title).Scan(&story, &dup)
	if err != nil {
		return t.s.errf("storing doc %q: %w", d.Key, err)
	}
	t.placed[d.Key] = docFields{story: story, title: d.Title, dup: dup, outlet: d.Outlet, date: date}
	// The sketch is not kept apart (NULL): it is most of the doc, so
	// restoring reads the body and trims it (scanSketch), and storing a
	// doc encodes and writes it once.
	_, err = t.exec(ctx, `INSERT INTO doc_bodies (key, body, sketch) VALUES (?, ?, NULL)
		ON CONFLICT (key) DO UPDATE SET body = excluded.body, sketch = NULL`, d.Key, body)
	if err != nil {
		return t.s.errf("storing doc %q: %w", d.Key, err)
	}
	if err := t.putSentences(ctx, d, textless); err != nil {
		return err
	}
	if story != "" {
		return t.refresh(ctx, story, false, 0)
	}
	return nil
}

// Assign places a doc in a story.
func (t *tx) Assign(ctx context.Context, key, story string) (int64, error) {
	if err := t.check(ctx); err != nil {
		return 0, err
	}
	if story == "" {
		return 0, t.s.errf("placing doc %q: empty story ID", key)
	}
	// A doc stored in this transaction, the common case, is not read
	// back.
	f, ok := t.placed[key]
	if !ok {
		err := t.tx.QueryRowContext(ctx, t.s.q(`SELECT COALESCE(story, ''), title, duplicate_of, outlet, date FROM docs WHERE key = ?`), key).Scan(&f.story, &f.title, &f.dup, &f.outlet, &f.date)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("%s: placing doc %q: %w", t.s.d.Name, key, store.ErrNotFound)
		}
		if err != nil {
			return 0, t.s.errf("placing doc %q: %w", key, err)
		}
	}
	old, title, dup, outlet, date := f.story, f.title, f.dup, f.outlet, f.date
	seq, err := t.nextSeq(ctx)
	if err != nil {
		return 0, t.s.errf("placing doc %q: %w", key, err)
	}
	if old == "" {
		// A first placement, the common case, creates the story or
		// updates its figures, in one statement, at a cost that does not
		// grow with the story. A new story's figures are those of its one
		// doc; a stored one counts the doc in (its outlet when no other
		// doc of the story has it: the doc is not placed yet, and is left
		// out anyway). The story is written before the doc points to it.
		_, err := t.exec(ctx, `INSERT INTO stories (id, title, updated, n_articles, n_sources, n_outlets, first_date, last_date, revision, updated_seq)
			VALUES (?, ?, ?, 1, CASE WHEN CAST(? AS TEXT) = '' THEN 1 ELSE 0 END, CASE WHEN CAST(? AS TEXT) <> '' THEN 1 ELSE 0 END, CAST(? AS TEXT), CAST(? AS TEXT), 1, ?)
			ON CONFLICT (id) DO UPDATE SET
			n_articles = stories.n_articles + 1,
			n_sources = stories.n_sources + CASE WHEN CAST(? AS TEXT) = '' THEN 1 ELSE 0 END,
			n_outlets = stories.n_outlets + CASE WHEN CAST(? AS TEXT) <> '' AND NOT EXISTS
				(SELECT 1 FROM docs o WHERE o.story = ? AND o.outlet = ? AND o.key <> ?) THEN 1 ELSE 0 END,
			first_date = CASE WHEN CAST(? AS TEXT) <> '' AND (stories.first_date = '' OR ? < stories.first_date) THEN CAST(? AS TEXT) ELSE stories.first_date END,
			last_date = CASE WHEN CAST(? AS TEXT) > stories.last_date THEN CAST(? AS TEXT) ELSE stories.last_date END,
			revision = stories.revision + 1, updated_seq = ?, updated = ?`,
			story, title, now(), dup, outlet, date, date, seq,
			dup, outlet, story, outlet, key, date, date, date, date, date, seq, now())
		if err != nil {
			return 0, t.s.errf("placing doc %q in story %q: %w", key, story, err)
		}
	} else if _, err := t.exec(ctx, `INSERT INTO stories (id, title, updated) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`, story, title, now()); err != nil {
		return 0, t.s.errf("creating story %q: %w", story, err)
	}
	if ok && f.rows != nil {
		// Its rows, written now, placed.
		if err := t.writeRows(ctx, key, f, story, seq); err != nil {
			return 0, err
		}
		f.rows = nil
	} else if _, err := t.exec(ctx, `UPDATE docs SET story = ?, seq = ? WHERE key = ?`, story, seq, key); err != nil {
		return 0, t.s.errf("placing doc %q: %w", key, err)
	}
	if ok {
		f.story = story
		t.placed[key] = f
	}
	if old == "" {
		return seq, nil
	}
	if err := t.refresh(ctx, story, true, seq); err != nil {
		return 0, err
	}
	if old != story {
		if err := t.refresh(ctx, old, true, seq); err != nil {
			return 0, err
		}
	}
	return seq, nil
}

// MergeStory moves every doc of one story into another.
func (t *tx) MergeStory(ctx context.Context, from, into string) error {
	if err := t.check(ctx); err != nil {
		return err
	}
	if from == into || into == "" {
		return t.s.errf("merging story %q into %q: not two stories", from, into)
	}
	if err := t.flush(ctx); err != nil {
		return err
	}
	var title string
	err := t.tx.QueryRowContext(ctx, t.s.q(`SELECT title FROM stories WHERE id = ?`), from).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: merging story %q: %w", t.s.d.Name, from, store.ErrNotFound)
	}
	if err != nil {
		return t.s.errf("merging story %q: %w", from, err)
	}
	if _, err := t.exec(ctx, `INSERT INTO stories (id, title, updated) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`, into, title, now()); err != nil {
		return t.s.errf("merging story %q: %w", from, err)
	}
	var keys []string
	for d, err := range t.s.keysOf(ctx, t.tx, from) {
		if err != nil {
			return err
		}
		keys = append(keys, d)
	}
	var seq int64
	for _, k := range keys {
		var err error
		if seq, err = t.nextSeq(ctx); err != nil {
			return t.s.errf("merging story %q: %w", from, err)
		}
		if _, err := t.exec(ctx, `UPDATE docs SET story = ?, seq = ? WHERE key = ?`, into, seq, k); err != nil {
			return t.s.errf("merging story %q: %w", from, err)
		}
		if f, ok := t.placed[k]; ok {
			f.story = into
			t.placed[k] = f
		}
	}
	if len(keys) == 0 {
		if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM docs`).Scan(&seq); err != nil {
			return t.s.errf("merging story %q: %w", from, err)
		}
	}
	if _, err := t.exec(ctx, `UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?`, into, from, from); err != nil {
		return t.s.errf("merging story %q: %w", from, err)
	}
	if err := t.refresh(ctx, from, true, seq); err != nil {
		return err
	}
	return t.refresh(ctx, into, true, seq)
}

// keysOf lists the keys of a story's docs in placement order.
func (s *DB) keysOf(ctx context.Context, db querier, story string) iter.Seq2[string, error] {
	return each(s, ctx, db, "listing docs", `SELECT key FROM docs WHERE story = ? ORDER BY seq`, []any{story},
		func(sc interface{ Scan(...any) error }) (string, error) {
			var k string
			err := sc.Scan(&k)
			return k, err
		})
}

// refresh recomputes a story's figures from its docs; bump raises its
// revision and marks it changed at placement seq.
func (t *tx) refresh(ctx context.Context, story string, bump bool, seq int64) error {
	set := `n_articles = (SELECT COUNT(*) FROM docs WHERE story = ?),
		n_sources = (SELECT COUNT(*) FROM docs WHERE story = ? AND duplicate_of = ''),
		n_outlets = (SELECT COUNT(DISTINCT outlet) FROM docs WHERE story = ? AND outlet <> ''),
		first_date = COALESCE((SELECT MIN(date) FROM docs WHERE story = ? AND date <> ''), ''),
		last_date = COALESCE((SELECT MAX(date) FROM docs WHERE story = ? AND date <> ''), '')`
	args := []any{story, story, story, story, story}
	if bump {
		set += `, revision = revision + 1, updated_seq = ?, updated = ?`
		args = append(args, seq, now())
	}
	args = append(args, story)
	if _, err := t.exec(ctx, `UPDATE stories SET `+set+` WHERE id = ?`, args...); err != nil {
		return t.s.errf("updating story %q: %w", story, err)
	}
	return nil
}

// LinkDuplicate records that a doc near-duplicates another.
func (t *tx) LinkDuplicate(ctx context.Context, key, original string) error {
	if err := t.check(ctx); err != nil {
		return err
	}
	if key == original {
		return t.s.errf("doc %q cannot duplicate itself", key)
	}
	if f, ok := t.placed[key]; ok && f.rows != nil {
		f.dup = original // written with the doc; it is in no story yet
		t.placed[key] = f
		return nil
	}
	res, err := t.exec(ctx, `UPDATE docs SET duplicate_of = ? WHERE key = ?`, original, key)
	if err != nil {
		return t.s.errf("linking doc %q to %q: %w", key, original, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: linking doc %q: %w", t.s.d.Name, key, store.ErrNotFound)
	}
	var story string
	if err := t.tx.QueryRowContext(ctx, t.s.q(`SELECT COALESCE(story, '') FROM docs WHERE key = ?`), key).Scan(&story); err != nil {
		return t.s.errf("linking doc %q: %w", key, err)
	}
	if f, ok := t.placed[key]; ok {
		f.dup = original
		t.placed[key] = f
	}
	if story != "" {
		return t.refresh(ctx, story, false, 0)
	}
	return nil
}

// DocsAfter lists the docs placed after seq.
func (t *tx) DocsAfter(ctx context.Context, seq int64) iter.Seq2[*store.Doc, error] {
	if err := t.check(ctx); err != nil {
		return func(yield func(*store.Doc, error) bool) { yield(nil, err) }
	}
	if err := t.flush(ctx); err != nil {
		return func(yield func(*store.Doc, error) bool) { yield(nil, err) }
	}
	return t.s.docs(ctx, t.tx, store.DocQuery{After: seq})
}

// Docs lists docs inside the transaction.
func (t *tx) Docs(ctx context.Context, q store.DocQuery) iter.Seq2[*store.Doc, error] {
	if err := t.check(ctx); err != nil {
		return func(yield func(*store.Doc, error) bool) { yield(nil, err) }
	}
	if err := t.flush(ctx); err != nil {
		return func(yield func(*store.Doc, error) bool) { yield(nil, err) }
	}
	return t.s.docs(ctx, t.tx, q)
}

// PutBrief stores a story's brief unless a later one is stored.
func (t *tx) PutBrief(ctx context.Context, b *store.Brief) (bool, error) {
	if err := t.check(ctx); err != nil {
		return false, err
	}
	var rev int64
	var old sql.NullString // when the brief it replaces was built
	err := t.tx.QueryRowContext(ctx, t.s.q(`SELECT s.brief_revision, b.built FROM stories s LEFT JOIN briefs b ON b.story = s.id WHERE s.id = ?`), b.Story).Scan(&rev, &old)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("%s: storing the brief of story %q: %w", t.s.d.Name, b.Story, store.ErrNotFound)
	}
	if err != nil {
		return false, t.s.errf("storing the brief of story %q: %w", b.Story, err)
	}
	if rev > b.Revision {
		return false, nil
	}
	b.Built = time.Now().UTC()
	if old.Valid {
		if err := t.keepBrief(ctx, b.Story, old.String, b.Built); err != nil {
			return false, err
		}
	}
	_, err = t.exec(ctx, `INSERT INTO briefs (story, revision, title, built, body) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (story) DO UPDATE SET revision = excluded.revision, title = excluded.title, built = excluded.built, body = excluded.body`,
		b.Story, b.Revision, b.Title, b.Built.Format(time.RFC3339Nano), b.JSON)
	if err != nil {
		return false, t.s.errf("storing the brief of story %q: %w", b.Story, err)
	}
	if _, err := t.exec(ctx, `UPDATE stories SET brief_revision = ?,
			title = CASE WHEN CAST(? AS TEXT) <> '' THEN CAST(? AS TEXT) ELSE title END,
			first_date = CASE WHEN CAST(? AS TEXT) <> '' THEN CAST(? AS TEXT) ELSE first_date END,
			last_date = CASE WHEN CAST(? AS TEXT) <> '' THEN CAST(? AS TEXT) ELSE last_date END
			WHERE id = ?`,
		b.Revision, b.Title, b.Title, b.First, b.First, b.Last, b.Last, b.Story); err != nil {
		return false, t.s.errf("storing the brief of story %q: %w", b.Story, err)
	}
	return true, nil
}

// DeleteState removes an ingest state value.
func (t *tx) DeleteState(ctx context.Context, key string) error {
	if err := t.check(ctx); err != nil {
		return err
	}
	res, err := t.exec(ctx, `DELETE FROM state WHERE key = ?`, key)
	if err != nil {
		return t.s.errf("removing state %q: %w", key, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: removing state %q: %w", t.s.d.Name, key, store.ErrNotFound)
	}
	return nil
}

// SetState sets an ingest state value.
func (t *tx) SetState(ctx context.Context, key, value string) error {
	if err := t.check(ctx); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return t.s.errf("setting state %q: %w", key, err)
	}
	return nil
}
