// Package sqlite is the default storyline store: one SQLite file, through
// the pure-Go modernc.org/sqlite driver (driver name "sqlite"), so the
// binary stays static.
//
// The file lives by default in the user's data directory (see
// DefaultPath): $XDG_DATA_HOME/storyline/storyline.db, where
// $XDG_DATA_HOME defaults to ~/.local/share on Unix, and
// ~/Library/Application Support and %LocalAppData% on macOS and Windows.
//
// The database runs in WAL mode, so readers never wait for the writer,
// with synchronous=NORMAL (a committed update survives a crash of the
// process; a power cut may lose the last ones, never corrupt the file),
// foreign keys on, and a busy timeout: a second process that wants to
// write while another does waits for it, up to Options.BusyTimeout, then
// fails with an error wrapping ErrLocked. Updates take the write lock at
// their start (BEGIN IMMEDIATE), so two writers never deadlock half way.
// The write-ahead log is copied back into the file once it holds 8192
// pages (32 MB), not SQLite's default 1000, so that a page many updates
// change (the stories, the indexes) is copied back once for more of them.
// Articles are indexed for full-text search with FTS5 (Porter stemming,
// diacritics folded) over their title and text.
//
// The schema is versioned: Open applies the migrations the file lacks, in
// order and in one transaction, and refuses a file made by a newer
// storyline.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/internal/sqlstore"
)

// ErrLocked is wrapped by the error of an update that waited the whole
// busy timeout for another process to finish writing.
var ErrLocked = errors.New("store/sqlite: the database is locked by another writer")

// Options configures a store.
type Options struct {
	// BusyTimeout is how long an update waits for another process's
	// write to end before failing with ErrLocked.
	BusyTimeout time.Duration
}

// DefaultOptions returns the options Open uses when given none.
func DefaultOptions() Options { return Options{BusyTimeout: 30 * time.Second} }

// Validate reports whether the options can be used.
func (o Options) Validate() error {
	if o.BusyTimeout < 0 {
		return fmt.Errorf("store/sqlite: negative busy timeout %v", o.BusyTimeout)
	}
	return nil
}

// Store is a store.Store in one SQLite file.
type Store struct {
	*sqlstore.DB
	path string
}

var _ store.Store = (*Store)(nil)

// DefaultPath returns the default database file:
// $XDG_DATA_HOME/storyline/storyline.db on Unix (~/.local/share when
// XDG_DATA_HOME is unset or relative), ~/Library/Application
// Support/storyline/storyline.db on macOS, and
// %LocalAppData%\storyline\storyline.db on Windows.
func DefaultPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("store/sqlite: finding the data directory: %w", err)
	}
	return filepath.Join(dir, "storyline", "storyline.db"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return os.UserConfigDir()
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// Open opens the database file at path, creating it (and its folder) when
// it does not exist, and brings its schema up to date.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if path == "" {
		return nil, errors.New("store/sqlite: no database file given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("store/sqlite: %w", err)
	}
	v := url.Values{}
	// busy_timeout comes first, so that switching to WAL waits too.
	v.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	v.Add("_pragma", "journal_mode(WAL)")
	v.Add("_pragma", "synchronous(NORMAL)")
	v.Add("_pragma", "foreign_keys(1)")
	v.Add("_pragma", "wal_autocheckpoint(8192)")
	v.Set("_txlock", "immediate")
	dsn := (&url.URL{Scheme: "file", OmitHost: true, Path: abs, RawQuery: v.Encode()}).String()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store/sqlite: %s: %w", path, err)
	}
	errf := func(err error) error {
		var se *msqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY {
			return fmt.Errorf("%w (%s, waited %v): %w", ErrLocked, abs, opts.BusyTimeout, err)
		}
		return err
	}
	dialect := sqlstore.Dialect{
		Name:       "store/sqlite",
		Migrations: migrations,
		IndexArticles: `INSERT INTO articles_fts (rowid, title, text)
			SELECT seq, title, text FROM articles WHERE seq BETWEEN ? AND ?`,
		CacheStatements: true,
		SearchSQL: `SELECT a.key, a.id, a.title, a.outlet, a.url, a.date, COALESCE(d.story, ''),
				snippet(articles_fts, 1, '', '', '…', 16)
			FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
			LEFT JOIN docs d ON d.key = a.key
			WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq LIMIT ?`,
		MatchStories: `id IN (SELECT d.story FROM docs d JOIN articles a ON a.key = d.key
			WHERE d.story IS NOT NULL AND a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`,
		Err: errf,
	}
	// Two processes opening a new file at once: the busy timeout makes
	// each wait for the other's write lock, but SQLite answers
	// SQLITE_BUSY at once, without waiting, to some steps of the other's
	// creating the file (its switch to WAL and the WAL's first
	// recovery), so opening is tried again until the busy timeout is
	// spent.
	var s *sqlstore.DB
	for start := time.Now(); ; {
		s, err = sqlstore.New(ctx, db, dialect)
		if err == nil || !errors.Is(err, ErrLocked) || time.Since(start) >= opts.BusyTimeout || ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(20 * time.Millisecond):
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%w (file %s)", err, abs)
	}
	return &Store{DB: s, path: abs}, nil
}

// Path returns the database file's absolute path.
func (s *Store) Path() string { return s.path }

// migrations take the schema from version i to i+1.
var migrations = []string{
	// 1: articles with full-text search, docs, stories, briefs, state.
	`CREATE TABLE articles (
		seq INTEGER PRIMARY KEY,
		key TEXT NOT NULL UNIQUE,
		id TEXT NOT NULL,
		url TEXT NOT NULL,
		outlet TEXT NOT NULL,
		title TEXT NOT NULL,
		date TEXT NOT NULL,
		added TEXT NOT NULL,
		text TEXT NOT NULL,
		body BLOB NOT NULL
	);
	CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq',
		tokenize='porter unicode61 remove_diacritics 2');
	CREATE TABLE stories (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL DEFAULT '',
		first_date TEXT NOT NULL DEFAULT '',
		last_date TEXT NOT NULL DEFAULT '',
		n_articles INTEGER NOT NULL DEFAULT 0,
		n_sources INTEGER NOT NULL DEFAULT 0,
		n_outlets INTEGER NOT NULL DEFAULT 0,
		revision INTEGER NOT NULL DEFAULT 0,
		brief_revision INTEGER NOT NULL DEFAULT 0,
		updated TEXT NOT NULL,
		updated_seq INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX stories_updated ON stories (updated_seq);
	CREATE TABLE docs (
		key TEXT PRIMARY KEY REFERENCES articles (key),
		story TEXT REFERENCES stories (id),
		duplicate_of TEXT NOT NULL DEFAULT '',
		seq INTEGER UNIQUE,
		date TEXT NOT NULL,
		outlet TEXT NOT NULL,
		title TEXT NOT NULL,
		analyzer TEXT NOT NULL,
		body BLOB NOT NULL
	);
	CREATE INDEX docs_story ON docs (story, seq);
	CREATE TABLE briefs (
		story TEXT PRIMARY KEY REFERENCES stories (id),
		revision INTEGER NOT NULL,
		title TEXT NOT NULL,
		built TEXT NOT NULL,
		body BLOB NOT NULL
	);
	CREATE TABLE state (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);`,
	// 2: counting a story's outlets as docs arrive looks up (story, outlet).
	`CREATE INDEX docs_story_outlet ON docs (story, outlet);`,
	// 3: stories merged into another one point to it.
	`ALTER TABLE stories ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';`,
	// 4: a doc's encoded body moves to a table of its own, beside its
	// sketch (store.Sketch, what restoring a clusterer reads; NULL for
	// docs stored before, whose body is read instead, and, since the
	// sketch proved most of the body, for every doc stored now): placing, moving or
	// linking a doc then rewrites a small row, not its whole body.
	`CREATE TABLE doc_bodies (
		key TEXT PRIMARY KEY REFERENCES docs (key),
		body BLOB NOT NULL,
		sketch BLOB
	);
	INSERT INTO doc_bodies (key, body) SELECT key, body FROM docs;
	ALTER TABLE docs DROP COLUMN body;`,
	// 5: the stories whose brief is stale, which every ingest run lists,
	// are found without reading every story.
	`CREATE INDEX stories_stale ON stories (updated_seq) WHERE brief_revision < revision;`,
	// 6: pages read a doc's sentences without its other layers, and a
	// story's brief of about a day ago.
	`CREATE TABLE doc_sentences (
		key TEXT PRIMARY KEY REFERENCES docs (key),
		id TEXT NOT NULL,
		body TEXT NOT NULL
	);
	CREATE TABLE brief_history (
		story TEXT NOT NULL REFERENCES stories (id),
		hour INTEGER NOT NULL,
		revision INTEGER NOT NULL,
		built TEXT NOT NULL,
		body BLOB NOT NULL,
		PRIMARY KEY (story, hour)
	);`,
	// 7: restoring a clusterer lists the stories active within its
	// window (store.DocQuery.Window) by the latest date of their docs.
	`CREATE INDEX docs_story_date ON docs (story, date);`,
	// 8: a doc's sentences are kept as spans of its article's text,
	// which is kept once (before: four times, in the article, the doc,
	// its sketch and its sentences); the docs stored before keep their
	// text.
	`ALTER TABLE doc_sentences ADD COLUMN spans TEXT;`,
	// 9: docs are stored in the binary doc format (marks "bin1" and
	// "bin2") instead of gob, which is still read. The schema is the
	// same: the version goes up so that an older storyline, which could
	// not read the new docs, refuses the file instead.
	`SELECT 1;`,
	// 10: the full-text index merges its segments 16 at a time, not 4
	// (FTS5's automerge): each update writes a segment, and merging them
	// four at a time rewrote every indexed article about twice as often,
	// a fifth of what storing an article cost. A search reads a few more
	// segments.
	`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);`,
	// 11: a story's current brief is no longer also kept in its brief
	// history (BriefAt reads it from briefs): the history keeps the
	// briefs replaced, the last of each hour. The copies of the current
	// briefs go; the version goes up so that an older storyline, whose
	// BriefAt would miss the current brief, refuses the file.
	`DELETE FROM brief_history WHERE EXISTS (SELECT 1 FROM briefs b
		WHERE b.story = brief_history.story AND b.built = brief_history.built AND b.revision = brief_history.revision);`,
}
