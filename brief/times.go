package brief

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/news"
)

// Times of one event.
//
// A clock time ("at 1:41 p.m.", "about 10.40 a.m.", "13:40 local time")
// is read with the sentence that states it. Two sources whose sentences
// tell the same happening (their content words overlap by at least
// timeSameEvent) but give clock times more than timeSlack minutes apart
// disagree on when it happened. A time given with its conversion to
// another zone in the same sentence ("13:40 local time (10:40 a.m. GMT)")
// counts by its first, local, reading. A happening is told by the words
// within timeWindow bytes of the time.

// clockRe matches a clock time: hours, a colon or a point, minutes, and
// a.m./p.m. (required after a point, so "7.25" stays a number).
var clockRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(\d{1,2})([:.])(\d{2})(?:\s*(a\.?m\.?|p\.?m\.?)(?:\W|$))?`)
})

const (
	timeSameEvent = 0.1
	timeSlack     = 5
	timeWindow    = 60
)

type clockMention struct {
	doc     *news.Doc
	minutes int
	// twelve marks a time without a.m. or p.m. that could be either.
	twelve   bool
	text     string
	evidence string
	words    bag
}

// clockTimes lists the first clock time of each sentence of d.
func clockTimes(d *news.Doc) []clockMention {
	var out []clockMention
	for i, sent := range d.Sentences {
		if d.InOpinion(sent.Span) {
			continue
		}
		text := d.SentenceText(i)
		if !hasClockShape(text) {
			continue
		}
		for _, m := range clockRe().FindAllStringSubmatchIndex(text, -1) {
			h, _ := strconv.Atoi(text[m[2]:m[3]])
			mi, _ := strconv.Atoi(text[m[6]:m[7]])
			sep := text[m[4]:m[5]]
			ampm := ""
			if m[8] >= 0 {
				ampm = strings.ToLower(text[m[8] : m[8]+1])
			}
			if sep == "." && ampm == "" || h > 23 || mi > 59 || ampm != "" && (h > 12 || h == 0) {
				continue
			}
			if ampm == "p" && h < 12 {
				h += 12
			} else if ampm == "a" && h == 12 {
				h = 0
			}
			end := m[1]
			if m[8] >= 0 {
				end = m[9]
			}
			out = append(out, clockMention{doc: d, minutes: h*60 + mi, twelve: ampm == "" && h <= 12, text: strings.TrimSpace(text[m[0]:end]), evidence: tidy(text), words: stemBag(contentBag(window(text, m[0], end)))})
			break
		}
	}
	return out
}

// timeConflicts compares the clock times the sources give for one
// happening.
func timeConflicts(s *news.Story, orig map[string]string) []news.Conflict {
	all := fromOriginals(s, orig, clockTimes)
	same := func(i, j int) bool {
		// The mentions of i's happening in other sources.
		return all[j].doc != all[i].doc && all[i].words.sim(all[j].words) >= timeSameEvent
	}
	return happenings(len(all), same, func(group []int) (news.Conflict, bool) {
		if len(group) < 2 {
			return news.Conflict{}, false
		}
		type claim struct {
			minutes  int
			twelve   bool
			text     string
			sources  []string
			evidence string
		}
		var claims []*claim
		for _, k := range group {
			m := all[k]
			var c *claim
			for _, x := range claims {
				if closeTimes(x.minutes, m.minutes, x.twelve || m.twelve) {
					c = x
				}
			}
			if c == nil {
				c = &claim{minutes: m.minutes, twelve: m.twelve, text: m.text, evidence: m.evidence}
				claims = append(claims, c)
			}
			c.sources = appendOnce(c.sources, m.doc.ID)
		}
		if len(claims) < 2 {
			return news.Conflict{}, false
		}
		sort.SliceStable(claims, func(a, b int) bool { return claims[a].minutes < claims[b].minutes })
		c := news.Conflict{About: fmt.Sprintf("time of %s", eventWords(all, group)), Kind: "date"}
		for _, x := range claims {
			sort.Strings(x.sources)
			c.Claims = append(c.Claims, news.Claim{Value: x.text, Sources: x.sources, Evidence: x.evidence})
		}
		return c, true
	})
}

// eventWords names a happening by the content words its mentions share.
func eventWords(all []clockMention, group []int) string {
	bags := make([]bag, len(group))
	for i, k := range group {
		bags[i] = all[k].words
	}
	return sharedWords(bags)
}

// window returns the words of text within timeWindow bytes of [start,end).
func window(text string, start, end int) string {
	lo, hi := max(0, start-timeWindow), min(len(text), end+timeWindow)
	for lo > 0 && text[lo-1] != ' ' {
		lo--
	}
	for hi < len(text) && text[hi] != ' ' {
		hi++
	}
	return text[lo:start] + " " + text[end:hi]
}

// closeTimes reports whether two times of day are within timeSlack
// minutes, on a twelve-hour dial when one of them may be either.
func closeTimes(a, b int, twelve bool) bool {
	d := abs(a - b)
	if twelve {
		d %= 12 * 60
		d = min(d, 12*60-d)
	}
	return d <= timeSlack
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
