package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/news"
)

// BratText is a text-bound annotation of a brat standoff file: "T3
// Content 120 211;215 230	text". Its spans are in characters (code
// points) of the annotated text, as brat writes them.
type BratText struct {
	ID    string
	Type  string
	Spans []news.Span
	Text  string
}

// BratEvent is an event annotation: "E1	Attribution:T4 Content:T3 Cue:T2".
// Args holds the arguments in order; a role may repeat.
type BratEvent struct {
	ID      string
	Type    string
	Trigger string
	Args    []BratArg
}

// BratArg is one argument of an event: a role and the ID it points to.
type BratArg struct {
	Role string
	ID   string
}

// BratDoc is the content of one .ann file.
type BratDoc struct {
	Texts  map[string]*BratText
	Events []BratEvent
}

// ReadBrat reads a brat standoff (.ann) file. Lines it does not know
// (relations, notes, attributes) are skipped, as are the continuation
// lines a multi-line span's text leaves behind; a malformed text-bound or
// event line is an error naming its line.
func ReadBrat(r io.Reader) (*BratDoc, error) {
	doc := &BratDoc{Texts: map[string]*BratText{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		id, rest, ok := strings.Cut(s, "\t")
		if !ok || len(id) < 2 || !isDigits(id[1:]) {
			continue
		}
		switch id[0] {
		case 'T':
			head, text, _ := strings.Cut(rest, "\t")
			typ, offs, ok := strings.Cut(head, " ")
			if !ok {
				return nil, fmt.Errorf("eval: brat line %d: text-bound %s without offsets", line, id)
			}
			t := &BratText{ID: id, Type: typ, Text: text}
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				if !ok {
					return nil, fmt.Errorf("eval: brat line %d: bad span %q", line, frag)
				}
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || start < 0 || end < start {
					return nil, fmt.Errorf("eval: brat line %d: bad span %q", line, frag)
				}
				t.Spans = append(t.Spans, news.Span{Start: start, End: end})
			}
			doc.Texts[id] = t
		case 'E':
			fields := strings.Fields(rest)
			if len(fields) == 0 {
				return nil, fmt.Errorf("eval: brat line %d: empty event %s", line, id)
			}
			ev := BratEvent{ID: id}
			for i, f := range fields {
				role, ref, ok := strings.Cut(f, ":")
				if !ok {
					return nil, fmt.Errorf("eval: brat line %d: bad argument %q", line, f)
				}
				if i == 0 {
					ev.Type, ev.Trigger = role, ref
					continue
				}
				ev.Args = append(ev.Args, BratArg{Role: role, ID: ref})
			}
			doc.Events = append(doc.Events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: brat: %w", err)
	}
	return doc, nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// runeOffsets maps character offsets of text to byte offsets: the result
// has one entry per character plus one for the end.
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// toBytes converts a character span to a byte span of the text whose
// rune offsets are offs; ok is false when it lies outside the text.
func toBytes(s news.Span, offs []int) (news.Span, bool) {
	if s.Start < 0 || s.End >= len(offs) || s.Start > s.End {
		return news.Span{}, false
	}
	return news.Span{Start: offs[s.Start], End: offs[s.End]}, true
}
