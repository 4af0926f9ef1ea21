package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// ParseMeantime reads a MEANTIME document (CAT XML: tokens with sentence
// numbers, TIMEX3 markables anchored to tokens) as a TimeMLDoc. The text
// is rebuilt from the tokens of the annotated sentences (MEANTIME marks
// only the first few of each article), a space between tokens and a
// blank line between sentences; the document creation time is the TIMEX3 whose
// functionInDocument is CREATION_TIME, and it is left out of the gold
// expressions; the span it returns is where the creation time is written in the
// text, so that a scorer can ignore what a tagger finds there.
func ParseMeantime(src string) (*TimeMLDoc, news.Span, error) {
	type tok struct {
		id, sent int
		text     string
	}
	type mark struct {
		typ, value, mod, fn string
		anchors             []int
	}
	var (
		toks  []tok
		marks []mark
		dct   news.Span
	)
	doc := &TimeMLDoc{}
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = false
	var cur *mark
	inToken := false
	maxAnchor := 0 // the last token any markable covers
	for {
		t, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, dct, fmt.Errorf("%w: %w", ErrTimeML, err)
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "Document":
				doc.ID = xmlAttr(e, "doc_id")
			case "token":
				var k tok
				fmt.Sscan(xmlAttr(e, "t_id"), &k.id)
				fmt.Sscan(xmlAttr(e, "sentence"), &k.sent)
				toks = append(toks, k)
				inToken = true
			case "TIMEX3":
				marks = append(marks, mark{typ: xmlAttr(e, "type"), value: xmlAttr(e, "value"), mod: xmlAttr(e, "mod"), fn: xmlAttr(e, "functionInDocument")})
				cur = &marks[len(marks)-1]
			case "token_anchor":
				var id int
				fmt.Sscan(xmlAttr(e, "t_id"), &id)
				if id > maxAnchor {
					maxAnchor = id
				}
				if cur != nil {
					cur.anchors = append(cur.anchors, id)
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "token":
				inToken = false
			case "TIMEX3":
				cur = nil
			}
		case xml.CharData:
			if inToken && len(toks) > 0 {
				toks[len(toks)-1].text += string(e)
			}
		}
	}
	if len(toks) == 0 {
		return nil, dct, fmt.Errorf("%w: no tokens", ErrTimeML)
	}
	// Only the first sentences of a MEANTIME document are annotated: keep
	// the sentences up to the last one any markable touches.
	lastSent := -1
	for _, k := range toks {
		if k.id == maxAnchor {
			lastSent = k.sent
		}
	}
	if lastSent >= 0 {
		n := 0
		for _, k := range toks {
			if k.sent <= lastSent {
				toks[n] = k
				n++
			}
		}
		toks = toks[:n]
	}
	// Rebuild the text.
	var b strings.Builder
	start := map[int]int{}
	end := map[int]int{}
	for i, k := range toks {
		if i > 0 {
			if k.sent != toks[i-1].sent {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		start[k.id] = b.Len()
		b.WriteString(strings.TrimSpace(k.text))
		end[k.id] = b.Len()
	}
	doc.Text = b.String()
	for _, m := range marks {
		if len(m.anchors) == 0 {
			continue
		}
		sort.Ints(m.anchors)
		s, ok1 := start[m.anchors[0]]
		e, ok2 := end[m.anchors[len(m.anchors)-1]]
		if !ok1 || !ok2 || e <= s {
			continue
		}
		if m.fn == "CREATION_TIME" {
			dct = news.Span{Start: s, End: e}
			for _, layout := range []string{"2006-01-02", "2006-01"} {
				if len(m.value) >= len(layout) {
					if t, err := time.Parse(layout, m.value[:len(layout)]); err == nil {
						doc.DCT = t
						break
					}
				}
			}
			if doc.DCT.IsZero() {
				// A malformed value ("03-02-2009"): read the date as written.
				doc.DCT = dateIn(doc.Text[s:e])
			}
			continue
		}
		doc.Timexes = append(doc.Timexes, TimeMLTimex{Start: s, End: e, Type: m.typ, Value: m.value, Mod: m.mod})
	}
	sort.Slice(doc.Timexes, func(i, j int) bool { return doc.Timexes[i].Start < doc.Timexes[j].Start })
	return doc, dct, nil
}

// dateIn returns the first full date written in text, or the zero time.
func dateIn(text string) time.Time {
	d := &news.Doc{Article: news.Article{Text: text}}
	if err := analyze.Segment.Apply(d); err != nil {
		return time.Time{}
	}
	timex.Tag(d, time.Time{})
	for _, x := range d.Timexes {
		if st, en, ok := timex.Interval(x.Value); ok && st.Equal(en) {
			return st
		}
	}
	return time.Time{}
}

func xmlAttr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
