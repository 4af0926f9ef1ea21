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
	if opEdTitle().MatchString(d.Title) || opEdPath().MatchString(d.URL) || opEdPath().MatchString(d.Path) || len(first) < 120 && opEdTitle().MatchString(first) {
		d.Opinion = append(d.Opinion, news.Span{Start: 0, End: len(d.Text)})
		return nil
	}
	start := -1
	for _, p := range paras {
		s := strings.TrimLeft(p.In(d.Text), " \t\u00a0*_#>")
		switch {
		case start < 0 && (sectionLabel().MatchString(s) || editorNote().MatchString(s)):
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
