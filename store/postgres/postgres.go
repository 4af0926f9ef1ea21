// Package postgres is the storyline store for a shared server: PostgreSQL
// through pgx (its database/sql driver), for several ingest workers and a
// server sharing one store.
//
// It means what store/sqlite means (both are the same code over
// database/sql, and both pass store/storetest); what differs:
//
//   - Full-text search uses a tsvector column generated from an article's
//     title (weight A) and text (weight B) with the "english" text search
//     configuration, a GIN index, plainto_tsquery and ts_rank; snippets
//     come from ts_headline. English stop words are not searchable.
//   - Every Update first takes a transaction-level advisory lock
//     (pg_advisory_xact_lock), the same for all updates. So updates from
//     any number of processes are serialised, like SQLite's write lock:
//     an ingest worker that catches up with Tx.DocsAfter and then places
//     a doc decides on every placement committed before it, and the
//     placement numbers (Doc.Seq) follow commit order with no gaps. This
//     is what keeps story assignment consistent across concurrent
//     ingesters; the lock is held only for the placing and storing of one
//     article (its analysis happens before, outside it).
//   - Migrations run in one transaction under another advisory lock, so
//     processes starting together migrate once.
package postgres

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/internal/sqlstore"
)

// The advisory lock keys: "stlnupd1" and "stlnmig1" as big-endian integers.
const (
	updateLock  = 0x73746c6e75706431
	migrateLock = 0x73746c6e6d696731
)

// Store is a store.Store in a PostgreSQL database.
type Store struct {
	*sqlstore.DB
}

var _ store.Store = (*Store)(nil)

// Open connects to the database named by dsn (postgres://user@host:port/db
// or a key=value string, as pgx reads them) and brings its schema up to
// date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store/postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store/postgres: connecting: %w", err)
	}
	s, err := sqlstore.New(ctx, db, sqlstore.Dialect{
		Name:        "store/postgres",
		Postgres:    true,
		Migrations:  migrations,
		LockUpdate:  fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", int64(updateLock)),
		LockMigrate: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", int64(migrateLock)),
		SearchSQL: `SELECT a.key, a.id, a.title, a.outlet, a.url, a.date, COALESCE(d.story, ''),
				ts_headline('english', a.text, q, 'StartSel="",StopSel="",MaxWords=24,MinWords=10,MaxFragments=1')
			FROM articles a CROSS JOIN plainto_tsquery('english', ?) q
			LEFT JOIN docs d ON d.key = a.key
			WHERE a.tsv @@ q ORDER BY ts_rank(a.tsv, q) DESC, a.seq LIMIT ?`,
		MatchStories: `id IN (SELECT d.story FROM docs d JOIN articles a ON a.key = d.key
			WHERE d.story IS NOT NULL AND a.tsv @@ plainto_tsquery('english', ?))`,
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{DB: s}, nil
}

// migrations take the schema from version i to i+1.
var migrations = []string{
	// 1: articles with full-text search, docs, stories, briefs, state.
	`CREATE TABLE articles (
		seq BIGSERIAL PRIMARY KEY,
		key TEXT NOT NULL UNIQUE,
		id TEXT NOT NULL,
		url TEXT NOT NULL,
		outlet TEXT NOT NULL,
		title TEXT NOT NULL,
		date TEXT NOT NULL,
		added TEXT NOT NULL,
		text TEXT NOT NULL,
		body BYTEA NOT NULL,
		tsv tsvector GENERATED ALWAYS AS (
			setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')) STORED
	);
	CREATE INDEX articles_tsv ON articles USING GIN (tsv);
	CREATE TABLE stories (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL DEFAULT '',
		first_date TEXT NOT NULL DEFAULT '',
		last_date TEXT NOT NULL DEFAULT '',
		n_articles INTEGER NOT NULL DEFAULT 0,
		n_sources INTEGER NOT NULL DEFAULT 0,
		n_outlets INTEGER NOT NULL DEFAULT 0,
		revision BIGINT NOT NULL DEFAULT 0,
		brief_revision BIGINT NOT NULL DEFAULT 0,
		updated TEXT NOT NULL,
		updated_seq BIGINT NOT NULL DEFAULT 0
	);
	CREATE INDEX stories_updated ON stories (updated_seq);
	CREATE TABLE docs (
		key TEXT PRIMARY KEY REFERENCES articles (key),
		story TEXT REFERENCES stories (id),
		duplicate_of TEXT NOT NULL DEFAULT '',
		seq BIGINT UNIQUE,
		date TEXT NOT NULL,
		outlet TEXT NOT NULL,
		title TEXT NOT NULL,
		analyzer TEXT NOT NULL,
		body BYTEA NOT NULL
	);
	CREATE INDEX docs_story ON docs (story, seq);
	CREATE TABLE briefs (
		story TEXT PRIMARY KEY REFERENCES stories (id),
		revision BIGINT NOT NULL,
		title TEXT NOT NULL,
		built TEXT NOT NULL,
		body BYTEA NOT NULL
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
	// docs stored before, whose body is read instead): placing, moving or
	// linking a doc then rewrites a small row, not its whole body.
	`CREATE TABLE doc_bodies (
		key TEXT PRIMARY KEY REFERENCES docs (key),
		body BYTEA NOT NULL,
		sketch BYTEA
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
		hour BIGINT NOT NULL,
		revision BIGINT NOT NULL,
		built TEXT NOT NULL,
		body BYTEA NOT NULL,
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
	// 10: a story's current brief is no longer also kept in its brief
	// history (BriefAt reads it from briefs): the history keeps the
	// briefs replaced, the last of each hour. The copies of the current
	// briefs go; the version goes up so that an older storyline, whose
	// BriefAt would miss the current brief, refuses the file.
	`DELETE FROM brief_history WHERE EXISTS (SELECT 1 FROM briefs b
		WHERE b.story = brief_history.story AND b.built = brief_history.built AND b.revision = brief_history.revision);`,
}
