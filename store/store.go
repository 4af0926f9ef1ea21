// Package store keeps what storyline has read and made: articles, the docs
// analysis made of them with all their layers, the stories the docs were
// grouped into, the brief of every story, near-duplicate links and the
// state of ingestion (feed cursors and the like).
//
// Store is the interface, in domain words; store/sqlite (the default, one
// file) and store/postgres (a shared server) implement it, and
// store/storetest is the one suite every backend passes.
//
// # Identity
//
// An article is stored under its Key (news.KeyOf: the canonical URL, else
// the hash of its text). Putting an article whose key is stored already
// changes nothing, so reading the same input twice stores it once.
//
// # Transactions
//
// Every write happens inside Update, in one transaction: the article, its
// doc and the story it joins are stored together or not at all, so a run
// that is interrupted (Ctrl-C, kill -9, a full disk) never leaves half an
// article behind. Updates are serialised across processes sharing a store
// (SQLite's write lock; a PostgreSQL advisory lock), so a writer that reads
// the docs stored by others (Tx.DocsAfter) before it places a new one
// decides on a consistent picture.
//
// # Reading
//
// A record that is not stored gives an error wrapping ErrNotFound, never a
// nil value and a nil error. Listings are iterators that stop at the first
// error, which they yield.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"iter"
	"time"

	"github.com/storyline-news/storyline/news"
)

// ErrNotFound is wrapped by the errors of lookups that find no record.
var ErrNotFound = errors.New("store: not found")

// Store is a storyline store. Its methods are safe for concurrent use.
type Store interface {
	// Article returns the stored article with the given key.
	Article(ctx context.Context, key string) (*news.Article, error)
	// HasArticle reports whether an article with the given key is stored.
	HasArticle(ctx context.Context, key string) (bool, error)
	// HasArticles reports which of keys have a stored article: true in
	// the map for each of those (absent for the others). It is
	// HasArticle for many keys at once, at about the cost of one.
	HasArticles(ctx context.Context, keys []string) (map[string]bool, error)
	// Doc returns the stored doc of the article with the given key.
	Doc(ctx context.Context, key string) (*Doc, error)
	// Docs lists stored docs in the order they were placed in their
	// stories (see DocQuery).
	Docs(ctx context.Context, q DocQuery) iter.Seq2[*Doc, error]
	// LastSeq returns the highest placement sequence number stored (0
	// when no doc is placed): with DocQuery.Through and After, it splits
	// what a reader lists now from what it catches up with later.
	LastSeq(ctx context.Context) (int64, error)

	// Story returns one story: one with docs, or one merged into another
	// (see Story.MergedInto).
	Story(ctx context.Context, id string) (*Story, error)
	// Stories lists stories, the most recently changed first.
	Stories(ctx context.Context, q StoryQuery) iter.Seq2[*Story, error]
	// Brief returns the stored brief of a story.
	Brief(ctx context.Context, story string) (*Brief, error)
	// BriefAt returns the brief a story had at time t: the latest of its
	// briefs built at or before t that the store keeps (ErrNotFound when
	// none). Stores keep at least one brief an hour of the last
	// BriefHistory, and the latest one built before it. The brief has its
	// Story, Revision, JSON and Built set.
	BriefAt(ctx context.Context, story string, t time.Time) (*Brief, error)
	// StorySentences lists the docs of a story, in placement order, with
	// the text of their sentences and none of their other layers: what a
	// page quoting the docs needs, at a fraction of the cost of Docs.
	StorySentences(ctx context.Context, story string) iter.Seq2[*DocSentences, error]

	// Search finds articles by words in their title and text, the best
	// match first. All the words of the query must occur (after stemming);
	// punctuation and query syntax are ignored.
	Search(ctx context.Context, q SearchQuery) iter.Seq2[*Hit, error]

	// State returns an ingest state value (a feed cursor, an ETag ...).
	State(ctx context.Context, key string) (string, error)
	// States lists the state values whose keys start with prefix, in key
	// order ("feed:" lists every key "feed:...").
	States(ctx context.Context, prefix string) iter.Seq2[*StateEntry, error]

	// Update runs fn in one transaction, committed when fn returns nil and
	// rolled back when it returns an error (which Update returns) or
	// panics, or when ctx is done. Updates are serialised across every
	// process sharing the store. fn must not use the Tx after it returns,
	// nor call the Store's other methods (on SQLite they could wait for
	// the write lock fn holds).
	Update(ctx context.Context, fn func(Tx) error) error

	// Close releases the store.
	Close() error
}

// Tx writes to a store inside one Update.
type Tx interface {
	// PutArticle stores a, under a.Key, unless an article with that key is
	// stored already; added reports whether it was new. a.Key must be set.
	PutArticle(ctx context.Context, a *news.Article) (added bool, err error)
	// PutDoc stores the doc of a stored article (keyed by d.Key), with
	// every layer, replacing an earlier doc of it (one made by an older
	// analyzer). The article must be stored (ErrNotFound otherwise).
	PutDoc(ctx context.Context, d *news.Doc) error
	// Assign places the doc keyed key in story, creating the story when
	// it does not exist, and moving the doc when it was in another one.
	// The story's revision goes up by one; the doc gets the next
	// placement sequence number, which Assign returns.
	Assign(ctx context.Context, key, story string) (seq int64, err error)
	// MergeStory moves every doc of story from into story into (created
	// when missing), in their placement order, each getting a new
	// placement number so that DocsAfter reports the moves to other
	// writers. from is then empty, not listed, and Story(from) reports
	// MergedInto. Both stories' revisions go up.
	MergeStory(ctx context.Context, from, into string) error
	// LinkDuplicate records that the doc keyed key is a near-duplicate of
	// the one keyed original (wire copy, a reprint, an updated version):
	// it is counted once among its story's sources.
	LinkDuplicate(ctx context.Context, key, original string) error
	// DocsAfter lists the docs placed after sequence number seq, in order:
	// what other writers stored since this one last looked.
	DocsAfter(ctx context.Context, seq int64) iter.Seq2[*Doc, error]
	// Docs lists docs as Store.Docs does, inside the transaction: what
	// other writers committed before it began, and its own writes. With
	// DocQuery.Sketch and After, it is how a writer catches up cheaply.
	Docs(ctx context.Context, q DocQuery) iter.Seq2[*Doc, error]
	// PutBrief stores the brief of a story, unless a brief of a later
	// revision of the story is stored already (put reports which).
	PutBrief(ctx context.Context, b *Brief) (put bool, err error)
	// SetState sets an ingest state value.
	SetState(ctx context.Context, key, value string) error
	// DeleteState removes an ingest state value (ErrNotFound when there is
	// none).
	DeleteState(ctx context.Context, key string) error
}

// StateEntry is one ingest state value.
type StateEntry struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Doc is a stored doc and where it was placed.
type Doc struct {
	*news.Doc
	// Story is the story the doc was placed in, "" when none yet.
	Story string
	// DuplicateOf is the key of the doc this one near-duplicates, or "".
	DuplicateOf string
	// Seq is the doc's placement sequence number (0 when not placed):
	// placements in a store are numbered 1, 2, 3... in commit order.
	Seq int64
}

// DocQuery selects docs.
type DocQuery struct {
	// Story keeps only the docs of this story, when set.
	Story string
	// After keeps only the docs placed after this sequence number;
	// Through, when above 0, only those placed at or before it.
	After, Through int64
	// Window, when above 0, keeps only the docs of the stories active
	// within Window of the newest stored doc: the stories with a doc
	// dated (DocDate, a day) no earlier than the newest doc's date less
	// Window, and those with no dated doc. It is what a clusterer that
	// retires stories Window after their last doc needs to restore.
	Window time.Duration
	// Limit caps the number of docs; 0 means no limit.
	Limit int
	// Sketch lists each doc's sketch (see Sketch) instead of the whole
	// doc: what restoring a clusterer reads.
	Sketch bool
}

// Story is a stored story with figures about its docs.
type Story struct {
	ID string `json:"id"`
	// Title is the story's title: the title of its brief's first source
	// when it has a brief, else that of its first doc.
	Title string `json:"title"`
	// First and Last are the earliest and latest dates of its sources
	// (YYYY-MM-DD, "" when none has a date): those its brief trusts, once
	// the brief gave them, else its docs' own (see DocDate).
	First string `json:"first"`
	Last  string `json:"last"`
	// Articles is the number of docs; Sources the number of them that are
	// not near-duplicates of another; Outlets the number of outlets.
	Articles int `json:"articles"`
	Sources  int `json:"sources"`
	Outlets  int `json:"outlets"`
	// Revision counts the placements into the story; BriefRevision is the
	// revision its stored brief was made from (0: none). The brief is
	// current when the two are equal.
	Revision      int64 `json:"revision"`
	BriefRevision int64 `json:"brief_revision"`
	// Updated is when a doc was last placed in the story.
	Updated time.Time `json:"updated"`
	// MergedInto is the story this one was merged into ("" when none):
	// a merged story has no docs left, and is not listed.
	MergedInto string `json:"merged_into,omitempty"`
	// Cursor, given as StoryQuery.Cursor, continues a listing after this
	// story.
	Cursor string `json:"cursor"`
}

// StoryQuery selects stories.
type StoryQuery struct {
	// Since keeps the stories whose latest doc date is on or after it.
	Since time.Time
	// Query keeps the stories with an article matching it (as Search).
	Query string
	// Stale keeps the stories whose brief is missing or older than the
	// story.
	Stale bool
	// Limit caps the number of stories; 0 means no limit.
	Limit int
	// Cursor continues an earlier listing after the story it was taken
	// from ("" starts at the beginning).
	Cursor string
}

// Brief is the stored brief of a story: the brief's JSON, as
// brief.JSON renders it.
type Brief struct {
	Story string `json:"story"`
	// Revision is the story's revision the brief was made from.
	Revision int64 `json:"revision"`
	// Title, when set, becomes the story's title.
	Title string `json:"title"`
	// First and Last, when set, become the story's dates (YYYY-MM-DD):
	// the span of the dates the brief trusts for its sources.
	First string `json:"first"`
	Last  string `json:"last"`
	// JSON is the brief as brief.JSON renders it.
	JSON []byte `json:"-"`
	// Built is when the brief was stored (set by PutBrief).
	Built time.Time `json:"built"`
}

// BriefHistory is how far back BriefAt finds a brief of every hour:
// long enough to tell what changed since yesterday.
const BriefHistory = 48 * time.Hour

// DocSentences is a stored doc's key, ID and sentences' text.
type DocSentences struct {
	Key string `json:"key"`
	ID  string `json:"id"`
	// Sentences are the text of the doc's sentences, in order.
	Sentences []string `json:"sentences"`
}

// SentencesOf returns the text of d's sentences, as StorySentences lists
// them.
func SentencesOf(d *news.Doc) []string {
	out := make([]string, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			continue
		}
		out = append(out, s.In(d.Text))
	}
	return out
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text string
	// Limit caps the number of hits; 0 means 20.
	Limit int
}

// Hit is one article found by Search.
type Hit struct {
	Key    string `json:"key"`
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	URL    string `json:"url,omitempty"`
	// Date is the article's stated date (YYYY-MM-DD), "" when none.
	Date string `json:"date"`
	// Story is the story the article's doc was placed in, "" when none.
	Story string `json:"story"`
	// Snippet is a short passage of the article around the words found.
	Snippet string `json:"snippet"`
}

// StoryID returns the ID of a story started by the doc keyed key: "s"
// and 12 hex digits of its hash. Two processes that start a story with
// the same doc name it alike, and distinct docs give distinct IDs.
func StoryID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "s" + hex.EncodeToString(sum[:6])
}

// DocDate returns the date a doc is filed under: its trusted date, else
// its stated date, else its dateline date, as YYYY-MM-DD ("" when none).
func DocDate(d *news.Doc) string {
	for _, t := range []time.Time{d.Date, d.StatedDate, d.DatelineDate} {
		if !t.IsZero() {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}
