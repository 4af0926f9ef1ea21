package feeds_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/storyline-news/storyline/feeds"
	"github.com/storyline-news/storyline/news"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Ferry service resumes</title><link>https://gazette.example/ferry</link>
<guid>https://gazette.example/ferry</guid><pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate>
<description>The ferry between the two islands ran again on Tuesday after a week of storms.</description></item>
<item><title>Storm closes the port</title><link>https://gazette.example/storm</link>
<guid>https://gazette.example/storm</guid><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate>
<description>Harbour officials closed the port on Monday as winds reached 120 kilometres an hour.</description></item>
</channel></rss>`

// Polling a feed twice: the first poll returns its items as articles,
// oldest first; the second sends the ETag back and the server's 304 costs
// nothing.
func ExamplePoller_Poll() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()

	// The test server is on 127.0.0.1, which the default client refuses.
	p, err := feeds.New(feeds.Config{AllowPrivate: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := feeds.Feed{URL: srv.URL + "/rss"}
	res, err := p.Poll(context.Background(), f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Outcome, res.Status, res.Feed.ETag, res.Feed.Title)
	for _, it := range res.Items {
		a := it.Article
		fmt.Println(a.StatedDate.Format("2006-01-02"), a.Outlet, "|", a.Title, "|", a.URL)
	}
	res, err = p.Poll(context.Background(), res.Feed)
	fmt.Println(res.Outcome, res.Status, len(res.Items), err)
	// Output:
	// new 200 "v1" Harbour Gazette
	// 2026-03-02 Harbour Gazette | Storm closes the port | https://gazette.example/storm
	// 2026-03-03 Harbour Gazette | Ferry service resumes | https://gazette.example/ferry
	// not_modified 304 0 <nil>
}

// Following the feeds of a list with Run: new articles go to Handle, the
// state of each feed to the Store. Run blocks until its context is done.
func ExamplePoller_Run() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()

	list := "# the feeds we follow\n" + srv.URL + "/rss\n" + srv.URL + "/rss#duplicate\n"
	urls, err := feeds.ParseList("feeds.txt", strings.NewReader(list))
	if err != nil {
		fmt.Println(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	got := 0
	p, err := feeds.New(feeds.Config{
		AllowPrivate: true,
		Handle: func(ctx context.Context, feedURL string, a *news.Article) error {
			fmt.Println("new:", a.Title)
			return nil // the server would ingest the article here
		},
		Report: func(r feeds.Result) {
			got++
			cancel() // one poll is enough for the example
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range urls {
		if _, err := p.Add(ctx, u); err != nil {
			fmt.Println(err)
		}
	}
	err = p.Run(ctx)
	fmt.Println(len(urls), "feed,", got, "poll;", err)
	// Output:
	// new: Storm closes the port
	// new: Ferry service resumes
	// 1 feed, 1 poll; context canceled
}

// A feed list may be an OPML file or one URL per line; bad lines are
// reported with their line number, and the rest is kept.
func ExampleParseList() {
	list := `# morning reading
https://news.example/rss
https://NEWS.example/rss   # the same feed
gopher://old.example/feed
`
	urls, err := feeds.ParseList("feeds.txt", strings.NewReader(list))
	fmt.Println(urls)
	fmt.Println(err)
	// Output:
	// [https://news.example/rss]
	// feeds: feeds.txt:4: not an http or https URL: "gopher://old.example/feed"
}
