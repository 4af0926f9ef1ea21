package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// The tables read by StorySentences and BriefAt, created by the backends'
// migrations:
//
//	doc_sentences (key TEXT PRIMARY KEY, id TEXT, body TEXT, spans TEXT):
//	    a doc's ID and its sentences, written with the doc: their byte
//	    spans in the article's text as a JSON array of [start, end] pairs
//	    (spans), or, for a doc whose text is not its article's (and the
//	    docs stored before spans were kept), their text as a JSON array
//	    of strings (body; spans NULL).
//	brief_history (story TEXT, hour INTEGER, revision INTEGER, built TEXT,
//	    body BLOB, PRIMARY KEY (story, hour)): the last brief of each hour
//	    of a story, kept when a brief of a later hour replaces it (see
//	    keepBrief).

// putSentences keeps the sentences of d beside it: their spans when its
// text is its article's (textless), else their text.
func (t *tx) putSentences(ctx context.Context, d *news.Doc, textless bool) error {
	body, spans, err := sentenceRows(d, textless)
	if err != nil {
		return t.s.errf("doc %q: %w", d.Key, err)
	}
	_, err = t.exec(ctx, `INSERT INTO doc_sentences (key, id, body, spans) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET id = excluded.id, body = excluded.body, spans = excluded.spans`, d.Key, d.ID, body, spans)
	if err != nil {
		return t.s.errf("storing the sentences of doc %q: %w", d.Key, err)
	}
	return nil
}

// sentenceRows returns the body and spans columns of d's sentences: the
// spans when its text is its article's (textless) and body "[]", else
// spans NULL and the text of each in body.
func sentenceRows(d *news.Doc, textless bool) (body string, spans any, err error) {
	if textless {
		sp, err := json.Marshal(sentenceSpans(d))
		return "[]", string(sp), err
	}
	b, err := json.Marshal(store.SentencesOf(d))
	return string(b), nil, err
}

// sentenceSpans returns the spans of the sentences store.SentencesOf
// lists, as [start, end] pairs.
func sentenceSpans(d *news.Doc) [][2]int {
	out := make([][2]int, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			continue
		}
		out = append(out, [2]int{s.Start, s.End})
	}
	return out
}

// StorySentences lists a story's docs with their sentences' text. A doc
// stored before the store kept sentences apart is read whole.
func (s *DB) StorySentences(ctx context.Context, story string) iter.Seq2[*store.DocSentences, error] {
	query := `SELECT d.key, COALESCE(x.id, ''), COALESCE(x.body, ''), x.spans, CASE WHEN x.key IS NULL THEN b.body END, a.text
		FROM docs d LEFT JOIN doc_sentences x ON x.key = d.key LEFT JOIN doc_bodies b ON b.key = d.key
		JOIN articles a ON a.key = d.key
		WHERE d.story = ? ORDER BY d.seq`
	return each(s, ctx, s.db, "listing the sentences of story "+story, query, []any{story},
		func(sc interface{ Scan(...any) error }) (*store.DocSentences, error) {
			ds := new(store.DocSentences)
			var sents, text string
			var spans sql.NullString
			var whole []byte
			if err := sc.Scan(&ds.Key, &ds.ID, &sents, &spans, &whole, &text); err != nil {
				return nil, err
			}
			if whole != nil {
				d, err := decodeDocText(whole, text)
				if err != nil {
					return nil, fmt.Errorf("doc %q: %w", ds.Key, err)
				}
				ds.ID, ds.Sentences = d.ID, store.SentencesOf(d)
				return ds, nil
			}
			if spans.Valid {
				var sp [][2]int
				if err := json.Unmarshal([]byte(spans.String), &sp); err != nil {
					return nil, fmt.Errorf("the sentences of doc %q: %w", ds.Key, err)
				}
				ds.Sentences = make([]string, 0, len(sp))
				for _, p := range sp {
					if p[0] < 0 || p[1] > len(text) || p[0] > p[1] {
						return nil, fmt.Errorf("the sentences of doc %q: span %v outside its text", ds.Key, p)
					}
					ds.Sentences = append(ds.Sentences, text[p[0]:p[1]])
				}
				return ds, nil
			}
			if err := json.Unmarshal([]byte(sents), &ds.Sentences); err != nil {
				return nil, fmt.Errorf("the sentences of doc %q: %w", ds.Key, err)
			}
			return ds, nil
		})
}

// keepBrief keeps the brief of story stored now, built at built (RFC
// 3339), in the story's brief history when it was the last one built in
// its hour, which it is when a brief built at now, in a later hour,
// replaces it; a brief replaced within its hour is not kept. The
// history holds the briefs replaced, the last of each hour of
// store.BriefHistory and the latest one before; the current brief is
// read from briefs (see BriefAt), so a brief is written once, not also
// in the history (stores before schema version 11 kept the current one
// in both).
func (t *tx) keepBrief(ctx context.Context, story, built string, now time.Time) error {
	at, err := time.Parse(time.RFC3339Nano, built)
	if err != nil {
		return t.s.errf("keeping the brief of story %q: %w", story, err)
	}
	hour := at.Unix() / 3600
	if hour == now.Unix()/3600 {
		return nil
	}
	_, err = t.exec(ctx, `INSERT INTO brief_history (story, hour, revision, built, body)
		SELECT story, ?, revision, built, body FROM briefs WHERE story = ?
		ON CONFLICT (story, hour) DO UPDATE SET revision = excluded.revision, built = excluded.built, body = excluded.body`,
		hour, story)
	if err != nil {
		return t.s.errf("keeping the brief of story %q: %w", story, err)
	}
	cutoff := now.Add(-store.BriefHistory).Unix() / 3600
	_, err = t.exec(ctx, `DELETE FROM brief_history WHERE story = ? AND hour < ?
		AND hour < (SELECT MAX(hour) FROM brief_history WHERE story = ? AND hour < ?)`, story, cutoff, story, cutoff)
	if err != nil {
		return t.s.errf("pruning the briefs of story %q: %w", story, err)
	}
	return nil
}

// BriefAt returns the latest kept brief of a story built at or before t.
func (s *DB) BriefAt(ctx context.Context, story string, at time.Time) (*store.Brief, error) {
	b := &store.Brief{Story: story}
	var built string
	// The current brief is the latest kept: it is the one when it was
	// built by then.
	var rev int64
	var body []byte
	err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT revision, built, body FROM briefs WHERE story = ?`), story).Scan(&rev, &built, &body)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, s.errf("brief of story %q at %v: %w", story, at, err)
	}
	if err == nil {
		t, err := time.Parse(time.RFC3339Nano, built)
		if err != nil {
			return nil, s.errf("brief of story %q at %v: %w", story, at, err)
		}
		if !t.After(at) {
			b.Revision, b.Built, b.JSON = rev, t, body
			return b, nil
		}
	}
	// built is RFC 3339 in UTC with a varying number of fraction digits,
	// so rows are chosen by hour in SQL and by time here.
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT revision, built, body FROM brief_history
		WHERE story = ? AND hour <= ? ORDER BY hour DESC LIMIT 2`), story, at.Unix()/3600)
	if err != nil {
		return nil, s.errf("brief of story %q at %v: %w", story, at, err)
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		var rev int64
		var body []byte
		if err := rows.Scan(&rev, &built, &body); err != nil {
			return nil, s.errf("brief of story %q at %v: %w", story, at, err)
		}
		t, err := time.Parse(time.RFC3339Nano, built)
		if err != nil {
			return nil, s.errf("brief of story %q at %v: %w", story, at, err)
		}
		if t.After(at) {
			continue
		}
		b.Revision, b.Built, b.JSON = rev, t, body
		found = true
		break
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf("brief of story %q at %v: %w", story, at, err)
	}
	if !found {
		return nil, fmt.Errorf("%s: brief of story %q at %v: %w", s.d.Name, story, at.UTC().Format(time.RFC3339), store.ErrNotFound)
	}
	return b, nil
}
