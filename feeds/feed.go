package feeds

import (
	"slices"
	"time"
)

// Feed is the state of one followed feed: what the next conditional request
// sends, when it was and will be polled, how it has been failing, and what
// it has already delivered. It is a plain value; the Poller never changes a
// Feed it was given, and hands stores copies.
type Feed struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"` // the feed's own title, from its last successful read
	// ETag and LastModified are the validators of the last full response,
	// sent back as If-None-Match and If-Modified-Since.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// LastPoll is when the feed was last polled, successfully or not;
	// NextPoll when it is due again (zero: at once).
	LastPoll time.Time `json:"last_poll"`
	NextPoll time.Time `json:"next_poll"`
	// LastSuccess is when the feed last answered with a feed or a 304.
	LastSuccess time.Time `json:"last_success"`
	// Failures counts the failed polls since the last success; LastError
	// is the last failure's message ("" once the feed succeeds again).
	Failures  int    `json:"failures"`
	LastError string `json:"last_error,omitempty"`
	// Published holds the publish times of the feed's most recent items,
	// oldest first, at most MaxPublished; the poll interval is estimated
	// from them.
	Published []time.Time `json:"published,omitempty"`
	// Seen holds the keys (GUID, else link, else a hash of the item) of
	// items already delivered, oldest first: every item of the last read
	// document, plus older ones up to Config.MaxSeen.
	Seen []string `json:"seen,omitempty"`
}

// MaxPublished is the number of publish times a Feed keeps.
const MaxPublished = 32

// Clone returns a copy of f that shares no memory with it.
func (f Feed) Clone() Feed {
	f.Published = slices.Clone(f.Published)
	f.Seen = slices.Clone(f.Seen)
	return f
}

// mergePublished returns the union of old and fresh publish times, without
// zero or duplicate times, sorted, and at most MaxPublished of the newest.
func mergePublished(old, fresh []time.Time) []time.Time {
	all := make([]time.Time, 0, len(old)+len(fresh))
	for _, t := range slices.Concat(old, fresh) {
		if !t.IsZero() {
			all = append(all, t.UTC())
		}
	}
	slices.SortFunc(all, time.Time.Compare)
	all = slices.CompactFunc(all, time.Time.Equal)
	if len(all) > MaxPublished {
		all = all[len(all)-MaxPublished:]
	}
	return slices.Clip(all)
}

// mergeSeen returns the keys of the current document (all of them, so an
// item still in the feed is never taken for new) after the older keys not in
// it, the oldest of those dropped to keep at most limit keys in all.
func mergeSeen(old, current []string, limit int) []string {
	cur := make(map[string]bool, len(current))
	for _, k := range current {
		cur[k] = true
	}
	var older []string
	for _, k := range old {
		if !cur[k] {
			older = append(older, k)
		}
	}
	if room := limit - len(cur); len(older) > room {
		older = older[len(older)-max(room, 0):]
	}
	out := make([]string, 0, len(older)+len(cur))
	out = append(out, older...)
	added := make(map[string]bool, len(cur))
	for _, k := range current {
		if !added[k] {
			added[k] = true
			out = append(out, k)
		}
	}
	return out
}
