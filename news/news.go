// Package news holds the values that flow through storyline: an Article as
// read from its source, a Doc (the article plus the layers analysis adds), a
// Story (the Docs that tell one story) and the Brief made from a story.
//
// Every layer of a Doc is a set of spans into Doc.Text, given as byte
// offsets, so any stage can point back at the exact words it used.
package news

import "time"

// Span is a half-open byte range [Start, End) into a Doc's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.End <= s.Start }

// In returns the text the span covers in text, or "" when it is out of range.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Article is one news article as ingest read it: its metadata and its main
// text, with page furniture already removed. Nothing below ingest knows what
// format an article came in.
type Article struct {
	// ID names the article in briefs: the file's base name, or the URL.
	// It is a display label, not an identity: two files of one name in
	// different folders share it.
	ID string `json:"id"`
	// Key is the article's stable identity, the same however often and
	// from wherever it is read: see KeyOf.
	Key string `json:"key"`
	// Path is the file the article came from ("-" for stdin), with a
	// "#N" suffix for the Nth item of a multi-article file.
	Path string `json:"path,omitempty"`
	// URL is the article's canonical address, when known.
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	// StatedDate is the date the source states for the article (a header
	// line, HTML metadata, a feed date); zero when there is none.
	StatedDate time.Time `json:"stated_date"`
	// Dateline is the dateline as written ("TEHRAN, Sept. 27 (Xinhua) --").
	Dateline string `json:"dateline,omitempty"`
	// DatelinePlace is the place the dateline names ("TEHRAN").
	DatelinePlace string `json:"dateline_place,omitempty"`
	// DatelineDate is the date the dateline gives, its year taken from the
	// stated date when the dateline has none; zero when there is none.
	DatelineDate time.Time `json:"dateline_date"`
	// PageStamp is a bare date or time printed on the page without saying
	// what it dates ("23:35 GMT22 June 2021"): often when the page was
	// shown or crawled rather than published, so it is kept apart from
	// StatedDate; zero when there is none.
	PageStamp time.Time `json:"page_stamp"`
	// Text is the main text: paragraphs separated by a blank line.
	Text string `json:"text"`
	// Paragraphs are the spans of the paragraphs in Text.
	Paragraphs []Span `json:"paragraphs,omitempty"`
	// Hash is the hex SHA-256 of the raw bytes the article was read from.
	Hash string `json:"hash,omitempty"`
	// Format names the reader that produced the article (text, html, feed,
	// jsonl, warc).
	Format string `json:"format,omitempty"`
}

// EntityType is the type of a named entity, in CoNLL terms.
type EntityType string

// The entity types storyline finds.
const (
	Person       EntityType = "PER"
	Organisation EntityType = "ORG"
	Place        EntityType = "LOC"
	Misc         EntityType = "MISC"
)

// Sentence is one sentence of a Doc.
type Sentence struct {
	Span
	// Paragraph is the index of the paragraph the sentence starts in.
	Paragraph int `json:"paragraph"`
	// Tokens is the half-open range of indexes into Doc.Tokens.
	FirstToken int `json:"first_token"`
	EndToken   int `json:"end_token"`
}

// Token is one word or punctuation mark: a span of Doc.Text, whose text
// is t.In(d.Text) (or d.TokenText(i)). It holds no copy of its text so
// that a kept Doc costs 16 bytes a token.
type Token struct {
	Span
}

// Mention is a place in the text that names an entity.
type Mention struct {
	Span
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Sentence is the index into Doc.Sentences.
	Sentence int `json:"sentence"`
	// Titles are the ranks and roles written next to the name
	// ("Major General", "Chief of Staff of the Iranian Armed Forces").
	Titles []string `json:"titles,omitempty"`
	// TitleSpan covers the name with its titles, when it has any.
	TitleSpan Span `json:"title_span"`
	// Entity is the index of the document-level entity the mention refers
	// to, or -1 when unresolved.
	Entity int `json:"entity"`
}

// Timex is a time expression, normalised to a TimeML value.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TimeML value ("2017-09-27", "2017-W40", "P3D", "PAST_REF").
	Value string `json:"value"`
	// Mod is a TimeML modifier (START, MID, END, APPROX...), if any.
	Mod string `json:"mod,omitempty"`
	// Sentence is the index into Doc.Sentences.
	Sentence int `json:"sentence"`
	// Future reports that the expression points after the anchor date
	// (a planned or expected event).
	Future bool `json:"future,omitempty"`
	// Tense is the tense of the expression's clause, read once when the
	// expression is found: +1 future (will, is expected to), -1 past (a
	// past-tense verb, has + participle, ago), 0 when it cannot tell.
	Tense int `json:"tense,omitempty"`
	// Relative is the anchor-free reading of an expression whose value or
	// future flag depends on the date it is read against ("Monday" in a
	// past clause, "Oct. 23" without a year, "two days ago"); nil when
	// neither does. Value and Future hold its reading against the anchor
	// the analysis chain had (the stated date, else the dateline date);
	// timex.Resolve reads it against any other.
	Relative *Relative `json:"relative,omitempty"`
}

// Relative is the anchor-free value of a time expression: what it says
// about the date it is read against, without that date. Kind says which
// reading it is:
//
//   - "date": an absolute value (Timex.Value); only whether it lies after
//     the anchor depends on it;
//   - "day": the anchor's day moved by N days (today, yesterday,
//     tomorrow, tonight), with a time of day Time;
//   - "weekday": the weekday Weekday (1 Monday .. 7 Sunday) nearest the
//     anchor in the direction of Tense, or strictly before (Strict -1,
//     "last Monday") or after (Strict +1, "next Monday");
//   - "month_day": month Month, day Day, without a year: the year nearest
//     the anchor in the direction of Tense; Weekday, when set, is the
//     weekday written with it ("Friday, Sept. 14") and moves it to the
//     year next to that one where the weekday fits;
//   - "month": month Month without a year: nearest by Tense, or strictly
//     before or after (Strict), or in the anchor's year moved by N (Mode
//     "year": "October of next year");
//   - "unit": the anchor's Unit (day, week, weekend, month, quarter,
//     year, decade, century) moved by N ("last week", "this year");
//   - "shift": the anchor moved by N Units, written at the precision of
//     Gran ("two days ago", "three years from now");
//   - "year": the anchor's year moved by N, with Suffix appended
//     ("year-end", "the first half");
//   - "season": the season Season (SP, SU, FA, WI), last (Strict -1), next
//     (+1), this (2), this past (-2) or by Tense (0);
//   - "quarter": the quarter Month (1-4) nearest before the anchor by Tense;
//   - "election", "thanksgiving": the US Election Day and Thanksgiving
//     nearest by Tense;
//   - "ref": read against another expression's date, Base, rather than
//     the anchor: Unit day moved by N days, week, month or year moved by
//     N (the following day, that year, two days later), or, with Day
//     set, that day of Base's month (April 24 and 25).
type Relative struct {
	Kind    string `json:"kind"`
	N       int    `json:"n,omitempty"`
	Unit    string `json:"unit,omitempty"`
	Gran    string `json:"gran,omitempty"`
	Mode    string `json:"mode,omitempty"`
	Month   int    `json:"month,omitempty"`
	Day     int    `json:"day,omitempty"`
	Weekday int    `json:"weekday,omitempty"`
	Season  string `json:"season,omitempty"`
	Tense   int    `json:"tense,omitempty"`
	Strict  int    `json:"strict,omitempty"`
	Time    string `json:"time,omitempty"`
	Suffix  string `json:"suffix,omitempty"`
	// Event reports a month and day followed by a word that names an
	// event (the Sept. 11 attacks), Name one followed by a capitalised
	// name (September 11th Advocates).
	Event bool      `json:"event,omitempty"`
	Name  bool      `json:"name,omitempty"`
	Base  *Relative `json:"base,omitempty"`
	// Value is the value of a "date".
	Value string `json:"value,omitempty"`
}

// Quote is a statement attributed to a source: a direct quote, indirect
// speech, or an attributed belief.
type Quote struct {
	// Content, Cue and Source are spans of what was said, the verb or
	// phrase that reports it, and who said it as written.
	Content Span `json:"content"`
	Cue     Span `json:"cue"`
	Source  Span `json:"source"`
	Direct  bool `json:"direct"`
	// Speaker is the resolved name of the speaker ("" when unknown).
	Speaker string `json:"speaker"`
	// SpeakerMention indexes Doc.Mentions, or -1.
	SpeakerMention int `json:"speaker_mention"`
	// Via names an agency the quote was relayed through ("Tasnim").
	Via string `json:"via,omitempty"`
	// ViaSource and ViaCue are the spans of the relay as written ("the
	// Tasnim news agency", "according to"), when there is one.
	ViaSource Span `json:"via_source,omitzero"`
	ViaCue    Span `json:"via_cue,omitzero"`
	// Sentence is the index of the sentence the content starts in.
	Sentence int `json:"sentence"`
}

// Entity is one person, organisation or place, with every form used for it.
type Entity struct {
	Name  string     `json:"name"`
	Type  EntityType `json:"type"`
	Forms []string   `json:"forms"`
	Roles []string   `json:"roles"`
	// Sources are the IDs of the articles that mention it.
	Sources []string `json:"sources"`
}

// Doc is an Article together with the layers analysis adds to it.
type Doc struct {
	Article
	Sentences []Sentence `json:"sentences"`
	Tokens    []Token    `json:"tokens"`
	Mentions  []Mention  `json:"mentions"`
	// Entities are the document-level entities the mentions refer to.
	Entities []Entity `json:"entities"`
	Timexes  []Timex  `json:"timexes"`
	Quotes   []Quote  `json:"quotes"`
	// Opinion are spans of comment or analysis (a "Comment:" section, an
	// op-ed) whose sentences are not reported fact.
	Opinion []Span `json:"opinion,omitempty"`
	// Date is the date the brief trusts for the article; DateStatus says
	// where it came from and DateNote why.
	Date       time.Time `json:"date"`
	DateStatus string    `json:"date_status,omitempty"`
	DateNote   string    `json:"date_note,omitempty"`
	// Analyzer names the analysis that made the layers: the code version
	// and the hashes of the models used, so that docs made by another
	// version can be told apart and analysed again.
	Analyzer string `json:"analyzer"`
}

// Date statuses of a source.
const (
	DateStated   = "stated"   // the stated date, consistent with the content
	DateDateline = "dateline" // the dateline date, the stated one missing or rejected
	DateInferred = "inferred" // no usable date was stated: inferred from content and story
	DateRejected = "rejected" // a stated date was rejected and none could be inferred
	DateUnknown  = "unknown"  // no date at all
)

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string { return d.Tokens[i].In(d.Text) }

// SentenceText returns the text of sentence i.
func (d *Doc) SentenceText(i int) string { return d.Sentences[i].In(d.Text) }

// InOpinion reports whether span s lies in a comment or analysis section.
func (d *Doc) InOpinion(s Span) bool {
	for _, o := range d.Opinion {
		if o.Overlaps(s) {
			return true
		}
	}
	return false
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Sentences[m].Start:
			hi = m
		case off >= d.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Story is the Docs that tell one story, in time order.
type Story struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Docs  []*Doc `json:"docs"`
}

// CompareDated orders two dates as a stream of articles is replayed:
// dated before undated (the zero time), dated ones in time order. It
// returns -1, 0 or +1 as slices.SortStableFunc wants.
func CompareDated(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}
