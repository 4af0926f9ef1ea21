package brief

import "github.com/storyline-news/storyline/news"

// The dates of events that a bare weekday names.
//
// "Monday" names a day only against the date it is read from: in a past
// clause, the last Monday on or before the article's date. An article
// whose date is a day off (a page updated after midnight, a date
// inferred from the story) reads it a week off: an article dated Sunday
// that says the toll was "reported Monday" reads the Monday six days
// before the earthquake it reports. When other sources tell the same
// happening (their sentences at least weekdayAlike alike, rarity
// weighed) on the day a week after (or before) the one read, and more of
// them than on the day read, the sentence tells their day: the week is
// what the weekday name leaves open, and they settle it.
//
// The moved sentence keeps an entry of its own rather than joining
// theirs: dated a week off, it was read apart from them, and an entry
// of several sources' sentences of that day may hold other happenings
// as well (a toll of 217 early on Monday beside one of 264 by Monday
// night), whose line the moved sentence would take over. On the briefs
// set (eval briefs), joining took a gold event from the timeline
// (events told 78.62 to 77.93); keeping it apart moves one event to its
// right day (event dates right 89.47 to 90.35) and changes nothing else.

// weekdayAlike is the least likeness (rarity weighed) of another
// source's sentence for it to vouch for a weekday's week.
const weekdayAlike = 0.3

// alignWeekdays moves each candidate dated by a bare weekday to the same
// weekday a week earlier or later when more other sources tell its
// happening on that day than on its own (see above). cands are all the
// story's dated candidates; it changes their dates in place.
func alignWeekdays(cands []*candidate, r rarity) {
	byDate := map[string][]*candidate{}
	for _, c := range cands {
		byDate[c.date] = append(byDate[c.date], c)
	}
	// support counts the sources other than c's that tell c's happening
	// on day v.
	support := func(c *candidate, v string) int {
		var srcs []string
		for _, o := range byDate[v] {
			if o.source != c.source && r.sim(o.words, c.words) >= weekdayAlike {
				srcs = appendOnce(srcs, o.source)
			}
		}
		return len(srcs)
	}
	type move struct {
		c     *candidate
		shift int
	}
	var moves []move
	for _, c := range cands {
		if !c.weekday || len(c.date) != len("2006-01-02") {
			continue
		}
		own, best, shift := support(c, c.date), 0, 0
		for _, k := range []int{-7, 7} {
			v := c.start.AddDate(0, 0, k).Format("2006-01-02")
			if n := support(c, v); n > best {
				best, shift = n, k
			}
		}
		if best > own {
			moves = append(moves, move{c, shift})
		}
	}
	// Moved after all are read, so that one move does not vouch for
	// another.
	for _, m := range moves {
		c := m.c
		c.start, c.end = c.start.AddDate(0, 0, m.shift), c.end.AddDate(0, 0, m.shift)
		c.date = c.start.Format("2006-01-02")
		c.moved = true
	}
}

// bareWeekday reports whether a date expression is a weekday's name
// read by its clause's tense ("Monday", "on Friday"), not one that
// fixes its week ("last Monday", "Friday, Oct. 21").
func bareWeekday(t news.Timex) bool {
	return t.Relative != nil && t.Relative.Kind == "weekday" && t.Relative.Strict == 0
}
