package eval

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// TimeMLDoc is one TimeML document: its creation time, the raw text of its
// TEXT element with every tag removed, and the gold TIMEX3 annotations as
// spans into that text.
type TimeMLDoc struct {
	ID   string
	DCT  time.Time
	Text string
	// Timexes are the gold time expressions inside TEXT.
	Timexes []TimeMLTimex
}

// TimeMLTimex is one gold TIMEX3.
type TimeMLTimex struct {
	Start, End int // byte offsets into TimeMLDoc.Text
	Type       string
	Value      string
	Mod        string
}

// ErrTimeML is wrapped by the errors ParseTimeML returns.
var ErrTimeML = errors.New("eval: bad TimeML")

// ParseTimeML reads a TimeML document (TempEval-3 style: DOCID, DCT, TEXT).
// Character entities in TEXT are decoded, so offsets count the decoded
// text.
func ParseTimeML(src string) (*TimeMLDoc, error) {
	doc := &TimeMLDoc{ID: innerText(src, "DOCID")}
	if dct, ok := element(src, "DCT"); ok {
		if attrs, _, ok := firstTag(dct, "TIMEX3"); ok {
			v := attr(attrs, "value")
			for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "20060102"} {
				if len(v) >= len(layout) {
					if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
						doc.DCT = t
						break
					}
				}
			}
		}
	}
	text, ok := element(src, "TEXT")
	if !ok {
		return nil, fmt.Errorf("%w: no TEXT element", ErrTimeML)
	}
	var b strings.Builder
	b.Grow(len(text))
	type open struct {
		start int
		t     TimeMLTimex
	}
	var stack []open
	for i := 0; i < len(text); {
		c := text[i]
		switch c {
		case '<':
			j := strings.IndexByte(text[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("%w: unclosed tag at byte %d of TEXT", ErrTimeML, i)
			}
			tag := text[i+1 : i+j]
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				t := TimeMLTimex{Type: attr(tag, "type"), Value: attr(tag, "value"), Mod: attr(tag, "mod")}
				if strings.HasSuffix(tag, "/") { // empty TIMEX3: no text
					continue
				}
				stack = append(stack, open{start: b.Len(), t: t})
			case tag == "/TIMEX3":
				if len(stack) == 0 {
					return nil, fmt.Errorf("%w: </TIMEX3> without <TIMEX3> in TEXT", ErrTimeML)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				o.t.Start, o.t.End = o.start, b.Len()
				if o.t.End > o.t.Start {
					doc.Timexes = append(doc.Timexes, o.t)
				}
			}
		case '&':
			j := strings.IndexByte(text[i:], ';')
			if j > 0 && j < 10 {
				if r, ok := entities[text[i+1:i+j]]; ok {
					b.WriteString(r)
					i += j + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%w: unclosed TIMEX3 in TEXT", ErrTimeML)
	}
	doc.Text = b.String()
	return doc, nil
}

var entities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// element returns the content of the first <name ...>...</name>.
func element(src, name string) (string, bool) {
	i := indexTag(src, name)
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(src[i:], '>')
	if j < 0 {
		return "", false
	}
	start := i + j + 1
	k := strings.Index(src[start:], "</"+name+">")
	if k < 0 {
		return "", false
	}
	return src[start : start+k], true
}

// indexTag finds "<name" followed by '>' or a space.
func indexTag(src, name string) int {
	off := 0
	for {
		i := strings.Index(src[off:], "<"+name)
		if i < 0 {
			return -1
		}
		i += off
		e := i + 1 + len(name)
		if e < len(src) && (src[e] == '>' || src[e] == ' ' || src[e] == '\n' || src[e] == '\t' || src[e] == '/') {
			return i
		}
		off = e
	}
}

func innerText(src, name string) string {
	s, _ := element(src, name)
	return strings.TrimSpace(s)
}

// firstTag returns the attributes of the first <name ...> in src.
func firstTag(src, name string) (string, int, bool) {
	i := indexTag(src, name)
	if i < 0 {
		return "", 0, false
	}
	j := strings.IndexByte(src[i:], '>')
	if j < 0 {
		return "", 0, false
	}
	return src[i+1 : i+j], i + j + 1, true
}

// attr returns the value of attribute name in a tag's text.
func attr(tag, name string) string {
	off := 0
	for {
		i := strings.Index(tag[off:], name+`="`)
		if i < 0 {
			return ""
		}
		i += off
		if i > 0 && tag[i-1] != ' ' && tag[i-1] != '\t' && tag[i-1] != '\n' {
			off = i + len(name)
			continue
		}
		start := i + len(name) + 2
		k := strings.IndexByte(tag[start:], '"')
		if k < 0 {
			return ""
		}
		return tag[start : start+k]
	}
}
