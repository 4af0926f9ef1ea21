package analyze

import "github.com/storyline-news/storyline/news"

// compact trims the layers the stages built to their length, so that a
// kept Doc holds no spare capacity left by appends: the tokens, grown
// sentence by sentence, keep about a third more room than they use. No
// value changes; an empty layer stays nil or empty as it was. The
// article's own fields (its text, paragraphs) are the caller's and are
// left alone.
func compact(d *news.Doc) {
	d.Sentences = clip(d.Sentences)
	d.Tokens = clip(d.Tokens)
	d.Mentions = clip(d.Mentions)
	for i := range d.Mentions {
		d.Mentions[i].Titles = clip(d.Mentions[i].Titles)
	}
	d.Entities = clip(d.Entities)
	for i := range d.Entities {
		e := &d.Entities[i]
		e.Forms, e.Roles, e.Sources = clip(e.Forms), clip(e.Roles), clip(e.Sources)
	}
	d.Timexes = clip(d.Timexes)
	d.Quotes = clip(d.Quotes)
	d.Opinion = clip(d.Opinion)
}

// clip returns s in an array of exactly its length: s itself when it has
// no spare capacity, an empty non-nil slice for an empty non-nil one.
func clip[T any](s []T) []T {
	switch {
	case cap(s) == len(s):
		return s
	case len(s) == 0:
		return []T{}
	}
	out := make([]T, len(s))
	copy(out, s)
	return out
}
