package analyze

import (
	"regexp"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/news"
)

// Opinion marks comment and analysis sections in d.Opinion. A paragraph
// that opens with a label such as "Comment:", "Analysis:", "Opinion:",
// "Editorial:" or "Editor's note" starts a section that runs to the end
// of the article, or to a paragraph that is plainly reporting again (a
// dateline, a "News:" label). An op-ed, known by its title, its first
// line or its address ("Opinion | …", "OP-ED:", "/opinion/"), is opinion
// throughout.
var Opinion = StageFunc{StageName: "opinion", Fn: opinion}

// sectionLabel opens a comment section at the start of a paragraph.
var sectionLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:comment|commentary|analysis|news analysis|opinion|editorial|op-ed|oped|our view|viewpoint|perspective|column|editor['’]s note|editors['’] note|analyst['’]s (?:note|comment|view)|note from the editor)\s*(?::|\||—|–|-\s)`)
})

// editorNote needs no colon: "Editor's note This article …".
var editorNote = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i:editor['’]s note|editors['’] note)\b`) })

// opEdTitle marks an op-ed by its title or first line.
var opEdTitle = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(?:opinion|op-ed|oped|editorial|commentary|column|viewpoint|guest column|guest essay|letters? to the editor)\s*(?:[|:—–]|-\s|$)|\|\s*(?:opinion|op-ed|editorial|commentary)\s*$|\bOP-ED\b`)
})

// opEdPath marks an op-ed by its address.
var opEdPath = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)/(?:opinion|opinions|op-ed|oped|op-eds|editorials?|commentisfree|commentary|columnists?|blogs/opinion)/`)
})

// reportLabel ends a comment section: a new dateline or a news label.
var reportLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*\([A-Za-z .]+\)\s*(?:--|—|–|-)|(?i:news|report|reporting|update|end of comment)\s*:)`)
})

func opinion(d *news.Doc) error {
	d.Opinion = d.Opinion[:0]
	if d.Text == "" {
		return nil
	}
	paras := d.Paragraphs
	if len(paras) == 0 {
		paras = blankLineParagraphs(d.Text)
	}
	first := ""
	if len(paras) > 0 {
		first = paras[0].In(d.Text)
		if i := strings.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
	}
	if mayOpEdTitle(d.Title) && opEdTitle().MatchString(d.Title) || mayOpEdPath(d.URL) && opEdPath().MatchString(d.URL) ||
		mayOpEdPath(d.Path) && opEdPath().MatchString(d.Path) || len(first) < 120 && mayOpEdTitle(first) && opEdTitle().MatchString(first) {
		d.Opinion = append(d.Opinion, news.Span{Start: 0, End: len(d.Text)})
		return nil
	}
	start := -1
	for _, p := range paras {
		s := strings.TrimLeft(p.In(d.Text), " \t\u00a0*_#>")
		switch {
		case start < 0 && mayLabel(s) && (sectionLabel().MatchString(labelHead(s)) || editorNote().MatchString(labelHead(s))):
			start = p.Start
		case start >= 0 && reportLabel().MatchString(s):
			d.Opinion = append(d.Opinion, news.Span{Start: start, End: p.Start})
			start = -1
		}
	}
	if start >= 0 {
		d.Opinion = append(d.Opinion, news.Span{Start: start, End: len(d.Text)})
	}
	return nil
}

// mayOpEdTitle reports whether opEdTitle may match s: s opens, after
// white space, with one of the letters its labels start with, or holds a
// "|" or an "op-ed" (no other rune folds to these letters). It spares the
// regexp most titles.
func mayOpEdTitle(s string) bool {
	k := 0
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r') {
		k++
	}
	if k < len(s) {
		switch s[k] | 0x20 {
		case 'o', 'e', 'c', 'v', 'g', 'l':
			return true
		}
	}
	if strings.IndexByte(s, '|') >= 0 {
		return true
	}
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && s[i-1]|0x20 == 'p' && s[i+1]|0x20 == 'e' {
			return true
		}
	}
	return false
}

// mayOpEdPath reports whether opEdPath may match s: a "/" before one of
// the letters its folder names start with (no other rune folds to
// these).
func mayOpEdPath(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '/' {
			switch s[i+1] | 0x20 {
			case 'o', 'e', 'c', 'b':
				return true
			}
		}
	}
	return false
}

// mayLabel reports whether s may open with a section label: sectionLabel
// and editorNote read one starting with a, c, e, n, o, p or v, in either
// case (no other rune folds to these).
func mayLabel(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 'a', 'c', 'e', 'n', 'o', 'p', 'v':
		return true
	}
	return false
}

// labelHead returns the start of s that sectionLabel and editorNote read:
// a label of at most 40 bytes, the white space after it and a separator
// of up to 4 bytes. Reading no further keeps the regexps' work per
// paragraph small.
func labelHead(s string) string {
	k := min(len(s), 40)
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r') {
		k++
	}
	return s[:min(len(s), k+4)]
}

// blankLineParagraphs splits text at blank lines.
func blankLineParagraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			s := start
			for s < end && (text[s] == '\n' || text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
				s++
			}
			out = append(out, news.Span{Start: s, End: end})
		}
		start = end + 2
	}
	return out
}
