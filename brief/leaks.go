package brief

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/news"
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
var fullDate = regexp.MustCompile(`(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (?:19|20)\d\d)\b`)

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
	locs := fullDate.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return false
	}
	// A byline: names only (an author, an outlet) and commas, then the
	// date.
	first := locs[0]
	if head := strings.TrimSpace(t[:first[0]]); strings.HasSuffix(head, ",") && strings.Contains(head, ", ") && len(strings.Fields(head)) <= 10 {
		names := true
		for _, w := range strings.Fields(head) {
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
	for _, w := range strings.Fields(strings.ToLower(t[:last[0]])) {
		w = strings.Trim(w, ".,;:!?\"'’“”()")
		if pastTense[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return false
		}
	}
	return true
}

// dropFurniture removes captions and bylines from the summary and the
// timeline.
func dropFurniture(b *news.Brief) {
	sum := b.Summary[:0:0]
	for _, l := range b.Summary {
		if !furniture(l.Text) {
			sum = append(sum, l)
		}
	}
	b.Summary = sum
	tl := b.Timeline[:0:0]
	for _, e := range b.Timeline {
		if !furniture(e.Text) {
			tl = append(tl, e)
		}
	}
	b.Timeline = tl
}
