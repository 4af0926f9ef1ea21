package brief

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// Page furniture that reads like a sentence.
//
// A photo caption tells what a picture shows, in the present tense, and
// ends on the day it was taken ("Gaddafi poses after an interview … in
// Tripoli March 8, 2011."); a byline opens on the author, the outlet and
// the day ("Alex Lantier, World Socialist Web Site, October 19, 2011
// Yesterday …"). Neither belongs in a summary or a timeline, whatever the
// page: both are told by their form, not by any site's wording.

// fullDate matches a date with its day and year: "March 8, 2011",
// "Oct. 19, 2011", "8 March 2011".
var fullDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (?:19|20)\d\d)\b`)
})

// pastTense are the verbs of narration without the -ed ending.
var pastTense = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "told": true, "did": true, "made": true,
	"took": true, "gave": true, "came": true, "went": true, "met": true, "held": true, "won": true,
	"lost": true, "left": true, "began": true, "became": true, "found": true, "saw": true, "got": true,
	"struck": true, "hit": true, "fell": true, "rose": true, "led": true, "ran": true, "sent": true,
}

// furniture reports whether a line is a photo caption or a byline.
func furniture(text string) bool {
	t := strings.TrimSpace(text)
	if !hasCentury(t) {
		return false // fullDate needs a year of 19xx or 20xx
	}
	locs := fullDate().FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return false
	}
	// A byline: names only (an author, an outlet) and commas, then the
	// date.
	first := locs[0]
	if head := strings.TrimSpace(t[:first[0]]); strings.HasSuffix(head, ",") && strings.Contains(head, ", ") && !textvec.HasFields(head, 11) {
		names := true
		for w := range strings.FieldsSeq(head) {
			if r := []rune(w)[0]; !unicode.IsUpper(r) {
				names = false
			}
		}
		if names {
			return true
		}
	}
	// A caption: it ends on the date, and nothing in it is narrated in
	// the past.
	last := locs[len(locs)-1]
	if strings.TrimRight(t[last[1]:], ". ") != "" {
		return false
	}
	for w := range strings.FieldsSeq(strings.ToLower(t[:last[0]])) {
		w = strings.Trim(w, ".,;:!?\"'’“”()")
		if pastTense[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return false
		}
	}
	return true
}

// dropFurniture removes captions and bylines from the summary and the
// timeline, and the lines of paragraphs spliced in from another story
// from every section.
func dropFurniture(b *news.Brief, s *news.Story) { dropFurnitureRead(b, s, nil) }

// dropFurnitureRead is dropFurniture reading the docs' words through
// words (nil: afresh).
func dropFurnitureRead(b *news.Brief, s *news.Story, words *wordCache) {
	spliced := splicedParagraphsRead(s, words)
	off := func(text string) bool { return furniture(text) || within(text, spliced) }
	sum := b.Summary[:0:0]
	for _, l := range b.Summary {
		if !off(l.Text) {
			sum = append(sum, l)
		}
	}
	b.Summary = sum
	tl := b.Timeline[:0:0]
	for _, e := range b.Timeline {
		if !off(e.Text) {
			tl = append(tl, e)
		}
	}
	b.Timeline = tl
	if len(spliced) == 0 {
		return
	}
	qs := b.Quotes[:0:0]
	for _, q := range b.Quotes {
		if !within(q.Text, spliced) {
			qs = append(qs, q)
		}
	}
	b.Quotes = qs
}

// A paragraph of another story spliced into a page.
//
// A page may end on the lead of another story (a teaser, a story run
// after the one the page is for). Its last paragraph is taken for such
// a splice when it names a person whom the rest of the story never
// names, and its content words are mostly (more than splicedNew of
// them, names weighing double) words that no other paragraph of the
// story uses: it is judged against the story's own content, not by any
// site's wording.

// splicedNew is the least share of a spliced paragraph's content words
// that the rest of the story does not use.
const splicedNew = 0.65

// splicedParagraphs returns the text (whitespace folded) of the last
// paragraphs of the story's docs that another story was spliced into.
func splicedParagraphs(s *news.Story) []string { return splicedParagraphsRead(s, nil) }

// splicedParagraphsRead is splicedParagraphs reading the content words
// of each doc's whole text through words (nil: afresh).
func splicedParagraphsRead(s *news.Story, words *wordCache) []string {
	if len(s.Docs) < 2 {
		return nil
	}
	full := make([]bag, len(s.Docs))
	for i, d := range s.Docs {
		full[i] = words.text(d)
	}
	df := map[string]int{}
	for i := range s.Docs {
		for w := range full[i] {
			df[w]++
		}
	}
	var out []string
	for i, d := range s.Docs {
		np := len(d.Paragraphs)
		if np < 3 {
			continue
		}
		sp := d.Paragraphs[np-1]
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			continue
		}
		para := contentBag(d.Text[sp.Start:sp.End])
		// The words other docs use first: when they alone make the
		// paragraph's own, the words of the rest of the doc (which can
		// only add to them) need not be read.
		var in, all float64
		for w, v := range para {
			all += v
			if df[w] > 1 {
				in += v
			}
		}
		if all == 0 || 1-in/all <= splicedNew {
			continue
		}
		rest := contentBag(d.Text[:sp.Start])
		for w, v := range para {
			if df[w] <= 1 && rest[w] > 0 {
				in += v
			}
		}
		if 1-in/all <= splicedNew {
			continue
		}
		if !namesStranger(s, i, sp) {
			continue
		}
		out = append(out, tidy(d.Text[sp.Start:sp.End]))
	}
	return out
}

// namesStranger reports whether the span sp of doc i names a person
// (by the last word of a mention) and no person it names appears in the
// rest of the story's text.
func namesStranger(s *news.Story, i int, sp news.Span) bool {
	d := s.Docs[i]
	named := false
	for _, m := range d.Mentions {
		if m.Type != news.Person || m.Start < sp.Start || m.End > sp.End {
			continue
		}
		f := strings.Fields(strings.TrimSuffix(strings.TrimSuffix(m.Text, " Jr."), " Sr."))
		if len(f) == 0 {
			continue
		}
		last := strings.Trim(f[len(f)-1], ".,")
		named = true
		if strings.Contains(d.Text[:sp.Start], last) || strings.Contains(d.Text[sp.End:], last) {
			return false
		}
		for j, o := range s.Docs {
			if j != i && strings.Contains(o.Text, last) {
				return false
			}
		}
	}
	return named
}

// within reports whether a brief line comes from one of the paragraphs:
// its text, whitespace folded and without its final stop, lies in one.
func within(text string, paras []string) bool {
	if len(paras) == 0 {
		return false
	}
	t := strings.TrimRight(tidy(text), ".")
	if len(t) < 20 {
		return false
	}
	for _, p := range paras {
		if strings.Contains(p, t) {
			return true
		}
	}
	return false
}

// hasCentury reports whether t holds the digits 19 or 20 followed by
// two more digits, as every year fullDate matches does: lines without
// one (most) skip the regular expression.
func hasCentury(t string) bool {
	for i := 0; i+4 <= len(t); i++ {
		if (t[i] == '1' && t[i+1] == '9' || t[i] == '2' && t[i+1] == '0') && ascii.IsDigit(t[i+2]) && ascii.IsDigit(t[i+3]) {
			return true
		}
	}
	return false
}
