package sqlstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline/news"
)

// The binary doc format: what a doc is stored as now (after the mark
// "bin1", or "bin2" without its text, which its article keeps). Every
// field of news.Doc is written in a fixed order, with no type
// descriptors: an integer as a zig-zag varint, a string and a slice as
// their length (a uvarint) and their elements, a bool as a byte, a time
// as the length and bytes of its MarshalBinary, a pointer as a byte (0
// for nil) and what it points to. It reads back as gob read the docs it
// stored (an empty slice or time as nil and the zero time), at a fifth
// of gob's cost to write and to read, which every stored doc pays once
// and every doc a brief is built from once more. A doc stored earlier in
// gob (or gzipped JSON) is still read as it was.
//
// binVersion leads the value: a change of news.Doc's fields (which
// TestBinCodecFields catches) needs a new version, read beside the old.
const binVersion = 1

var errBinShort = errors.New("binary doc: truncated")

type binWriter struct{ b []byte }

func (w *binWriter) int(v int)        { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *binWriter) uint(v int)       { w.b = binary.AppendUvarint(w.b, uint64(v)) }
func (w *binWriter) str(s string)     { w.uint(len(s)); w.b = append(w.b, s...) }
func (w *binWriter) span(s news.Span) { w.int(s.Start); w.int(s.End) }

func (w *binWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *binWriter) time(t time.Time) error {
	if t.IsZero() {
		w.uint(0)
		return nil
	}
	b, err := t.MarshalBinary()
	if err != nil {
		return err
	}
	w.uint(len(b))
	w.b = append(w.b, b...)
	return nil
}

func (w *binWriter) strs(ss []string) {
	w.uint(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *binWriter) spans(ss []news.Span) {
	w.uint(len(ss))
	for _, s := range ss {
		w.span(s)
	}
}

func (w *binWriter) relative(r *news.Relative) {
	if r == nil {
		w.bool(false)
		return
	}
	w.bool(true)
	w.str(r.Kind)
	w.int(r.N)
	w.str(r.Unit)
	w.str(r.Gran)
	w.str(r.Mode)
	w.int(r.Month)
	w.int(r.Day)
	w.int(r.Weekday)
	w.str(r.Season)
	w.int(r.Tense)
	w.int(r.Strict)
	w.str(r.Time)
	w.str(r.Suffix)
	w.bool(r.Event)
	w.bool(r.Name)
	w.relative(r.Base)
	w.str(r.Value)
}

// appendBinDoc appends the binary form of d to dst.
func appendBinDoc(dst []byte, d *news.Doc) ([]byte, error) {
	w := &binWriter{b: dst}
	w.uint(binVersion)
	a := &d.Article
	w.str(a.ID)
	w.str(a.Key)
	w.str(a.Path)
	w.str(a.URL)
	w.str(a.Outlet)
	w.str(a.Title)
	w.str(a.Author)
	for _, t := range []time.Time{a.StatedDate, a.DatelineDate, a.PageStamp} {
		if err := w.time(t); err != nil {
			return nil, err
		}
	}
	w.str(a.Dateline)
	w.str(a.DatelinePlace)
	w.str(a.Text)
	w.spans(a.Paragraphs)
	w.str(a.Hash)
	w.str(a.Format)

	w.uint(len(d.Sentences))
	for _, s := range d.Sentences {
		w.span(s.Span)
		w.int(s.Paragraph)
		w.int(s.FirstToken)
		w.int(s.EndToken)
	}
	w.uint(len(d.Tokens))
	for _, t := range d.Tokens {
		w.span(t.Span)
	}
	w.uint(len(d.Mentions))
	for _, m := range d.Mentions {
		w.span(m.Span)
		w.str(m.Text)
		w.str(string(m.Type))
		w.int(m.Sentence)
		w.strs(m.Titles)
		w.span(m.TitleSpan)
		w.int(m.Entity)
	}
	w.uint(len(d.Entities))
	for _, e := range d.Entities {
		w.str(e.Name)
		w.str(string(e.Type))
		w.strs(e.Forms)
		w.strs(e.Roles)
		w.strs(e.Sources)
	}
	w.uint(len(d.Timexes))
	for _, t := range d.Timexes {
		w.span(t.Span)
		w.str(t.Text)
		w.str(t.Type)
		w.str(t.Value)
		w.str(t.Mod)
		w.int(t.Sentence)
		w.bool(t.Future)
		w.int(t.Tense)
		w.relative(t.Relative)
	}
	w.uint(len(d.Quotes))
	for _, q := range d.Quotes {
		w.span(q.Content)
		w.span(q.Cue)
		w.span(q.Source)
		w.bool(q.Direct)
		w.str(q.Speaker)
		w.int(q.SpeakerMention)
		w.str(q.Via)
		w.span(q.ViaSource)
		w.span(q.ViaCue)
		w.int(q.Sentence)
	}
	w.spans(d.Opinion)
	if err := w.time(d.Date); err != nil {
		return nil, err
	}
	w.str(d.DateStatus)
	w.str(d.DateNote)
	w.str(d.Analyzer)
	return w.b, nil
}

// binReader reads a binary doc; its first error sticks, and every read
// after it gives zero values.
type binReader struct {
	b   []byte
	err error
}

func (r *binReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

func (r *binReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(errBinShort)
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *binReader) uint() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		// A length is never more than the bytes left: each element
		// takes at least one.
		r.fail(errBinShort)
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *binReader) bytes() []byte {
	n := r.uint()
	if n > len(r.b) {
		r.fail(errBinShort)
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *binReader) str() string {
	b := r.bytes()
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

func (r *binReader) span() news.Span { return news.Span{Start: r.int(), End: r.int()} }

func (r *binReader) bool() bool {
	if len(r.b) == 0 {
		r.fail(errBinShort)
		return false
	}
	c := r.b[0]
	r.b = r.b[1:]
	if c > 1 {
		r.fail(fmt.Errorf("binary doc: bad bool %d", c))
	}
	return c == 1
}

func (r *binReader) time() time.Time {
	b := r.bytes()
	var t time.Time
	if len(b) == 0 {
		return t
	}
	if err := t.UnmarshalBinary(b); err != nil {
		r.fail(err)
	}
	return t
}

func (r *binReader) strs() []string {
	n := r.uint()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *binReader) spans() []news.Span {
	n := r.uint()
	if n == 0 {
		return nil
	}
	out := make([]news.Span, n)
	for i := range out {
		out[i] = r.span()
	}
	return out
}

func (r *binReader) relative(depth int) *news.Relative {
	if !r.bool() {
		return nil
	}
	if depth > 1<<16 { // a bound on the stack a damaged doc can take
		r.fail(errors.New("binary doc: relative times nested too deep"))
		return nil
	}
	x := &news.Relative{}
	x.Kind = r.str()
	x.N = r.int()
	x.Unit = r.str()
	x.Gran = r.str()
	x.Mode = r.str()
	x.Month = r.int()
	x.Day = r.int()
	x.Weekday = r.int()
	x.Season = r.str()
	x.Tense = r.int()
	x.Strict = r.int()
	x.Time = r.str()
	x.Suffix = r.str()
	x.Event = r.bool()
	x.Name = r.bool()
	x.Base = r.relative(depth + 1)
	x.Value = r.str()
	return x
}

// decodeBinDoc decodes the binary form of a doc into d.
func decodeBinDoc(b []byte, d *news.Doc) error {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return errBinShort
	}
	if v != binVersion {
		return fmt.Errorf("binary doc: version %d, not %d: written by a newer storyline", v, binVersion)
	}
	r := &binReader{b: b[n:]}
	a := &d.Article
	a.ID = r.str()
	a.Key = r.str()
	a.Path = r.str()
	a.URL = r.str()
	a.Outlet = r.str()
	a.Title = r.str()
	a.Author = r.str()
	a.StatedDate = r.time()
	a.DatelineDate = r.time()
	a.PageStamp = r.time()
	a.Dateline = r.str()
	a.DatelinePlace = r.str()
	a.Text = r.str()
	a.Paragraphs = r.spans()
	a.Hash = r.str()
	a.Format = r.str()

	if n := r.uint(); n > 0 {
		d.Sentences = make([]news.Sentence, n)
		for i := range d.Sentences {
			s := &d.Sentences[i]
			s.Span = r.span()
			s.Paragraph = r.int()
			s.FirstToken = r.int()
			s.EndToken = r.int()
		}
	}
	if n := r.uint(); n > 0 {
		d.Tokens = make([]news.Token, n)
		for i := range d.Tokens {
			d.Tokens[i].Span = r.span()
		}
	}
	if n := r.uint(); n > 0 {
		d.Mentions = make([]news.Mention, n)
		for i := range d.Mentions {
			m := &d.Mentions[i]
			m.Span = r.span()
			m.Text = r.str()
			m.Type = news.EntityType(r.str())
			m.Sentence = r.int()
			m.Titles = r.strs()
			m.TitleSpan = r.span()
			m.Entity = r.int()
		}
	}
	if n := r.uint(); n > 0 {
		d.Entities = make([]news.Entity, n)
		for i := range d.Entities {
			e := &d.Entities[i]
			e.Name = r.str()
			e.Type = news.EntityType(r.str())
			e.Forms = r.strs()
			e.Roles = r.strs()
			e.Sources = r.strs()
		}
	}
	if n := r.uint(); n > 0 {
		d.Timexes = make([]news.Timex, n)
		for i := range d.Timexes {
			t := &d.Timexes[i]
			t.Span = r.span()
			t.Text = r.str()
			t.Type = r.str()
			t.Value = r.str()
			t.Mod = r.str()
			t.Sentence = r.int()
			t.Future = r.bool()
			t.Tense = r.int()
			t.Relative = r.relative(0)
		}
	}
	if n := r.uint(); n > 0 {
		d.Quotes = make([]news.Quote, n)
		for i := range d.Quotes {
			q := &d.Quotes[i]
			q.Content = r.span()
			q.Cue = r.span()
			q.Source = r.span()
			q.Direct = r.bool()
			q.Speaker = r.str()
			q.SpeakerMention = r.int()
			q.Via = r.str()
			q.ViaSource = r.span()
			q.ViaCue = r.span()
			q.Sentence = r.int()
		}
	}
	d.Opinion = r.spans()
	d.Date = r.time()
	d.DateStatus = r.str()
	d.DateNote = r.str()
	d.Analyzer = r.str()
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("binary doc: %d bytes after the doc", len(r.b))
	}
	return nil
}
