package feeds

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkPoll polls a local feed of 50 items: "full" reads and parses the
// whole document each time (no validators, nothing new), "not_modified"
// gets a 304 and parses nothing, "new" turns all 50 items into articles.
// Compare them with each other in one run.
func BenchmarkPoll(b *testing.B) {
	var items []testItem
	for i := 50; i > 0; i-- {
		items = append(items, item(i, t0.Add(-time.Duration(i)*time.Hour)))
	}
	srv := newFeedServer(b, "Bench", items...)
	clock := newFakeClock(t0)
	p := testPoller(b, clock, Config{})
	first, err := p.Poll(b.Context(), Feed{URL: srv.URL})
	if err != nil || len(first.Items) != 50 {
		b.Fatal(len(first.Items), err)
	}
	for _, tc := range []struct {
		name string
		feed Feed
		want Outcome
	}{
		{"new", Feed{URL: srv.URL}, OutcomeNew},
		{"full", func() Feed { f := first.Feed.Clone(); f.ETag = ""; return f }(), OutcomeUnchanged},
		{"not_modified", first.Feed, OutcomeNotModified},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				res, err := p.Poll(b.Context(), tc.feed)
				if err != nil || res.Outcome != tc.want {
					b.Fatal(fmt.Sprint(res.Outcome), err)
				}
			}
		})
	}
}
