package feeds

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseListLines(t *testing.T) {
	list := `# my feeds
https://example.com/feed.xml

HTTPS://Example.COM/feed.xml   # the same, written differently
http://news.example.org/rss#top
ftp://example.com/feed
https://example.net/a https://example.net/b
  https://example.net/atom  
not a url
feed://example.org/legacy
`
	got, err := ParseList("feeds.txt", strings.NewReader(list))
	want := []string{"https://example.com/feed.xml", "http://news.example.org/rss", "https://example.net/atom", "http://example.org/legacy"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if err == nil {
		t.Fatal("no error for the bad lines")
	}
	for _, line := range []string{"feeds.txt:6:", "feeds.txt:7:", "feeds.txt:9:"} {
		if !strings.Contains(err.Error(), line) {
			t.Errorf("error %q does not name %s", err, line)
		}
	}
	var le *ListError
	if !errors.As(err, &le) || !errors.Is(err, ErrBadURL) {
		t.Errorf("error %v is not a *ListError wrapping ErrBadURL", err)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("%d errors, want 3: %v", n, err)
	}
}

func TestParseListOPML(t *testing.T) {
	opml := `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="2.0">
  <head><title>subscriptions</title></head>
  <body>
    <outline text="News">
      <outline text="Wire" type="rss" xmlUrl="https://wire.example.com/rss" htmlUrl="https://wire.example.com/"/>
      <outline text="Regional">
        <outline text="Daily" type="rss" xmlUrl="http://daily.example.org/feed?x=1&amp;y=2"/>
        <outline text="Broken" type="rss" xmlUrl="javascript:alert(1)"/>
      </outline>
    </outline>
    <outline text="Wire again" xmlurl="https://WIRE.example.com/rss"/>
    <outline text="A folder without feeds"/>
  </body>
</opml>`
	got, err := ParseList("subs.opml", strings.NewReader(opml))
	want := []string{"https://wire.example.com/rss", "http://daily.example.org/feed?x=1&y=2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if err == nil || !strings.Contains(err.Error(), "subs.opml:9:") || !strings.Contains(err.Error(), "javascript") {
		t.Errorf("got error %v, want one naming line 9", err)
	}

	_, err = ParseList("page.xml", strings.NewReader(`<rss version="2.0"><channel></channel></rss>`))
	if err == nil || !strings.Contains(err.Error(), "page.xml:1:") || !strings.Contains(err.Error(), "<rss>") {
		t.Errorf("a feed given as a list: got %v", err)
	}
	got, err = ParseList("cut.opml", strings.NewReader("<opml><body>\n<outline xmlUrl=\"https://a.example/x\"/>\n<outline xmlUrl=\"https://b.example/"))
	if !slices.Equal(got, []string{"https://a.example/x"}) || err == nil || !strings.Contains(err.Error(), "cut.opml:") {
		t.Errorf("a cut OPML file: got %q, %v", got, err)
	}
}

func TestReadListFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(path, []byte("https://example.com/rss\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadListFile(path)
	if err != nil || !slices.Equal(got, []string{"https://example.com/rss"}) {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := ReadListFile(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: got %v", err)
	}
	got, err = ParseList("empty.txt", strings.NewReader("# nothing yet\n\n"))
	if err != nil || len(got) != 0 {
		t.Errorf("empty list: got %q, %v", got, err)
	}
}

func FuzzParseList(f *testing.F) {
	f.Add("https://example.com/feed\n# c\nbad\n")
	f.Add(`<opml><body><outline xmlUrl="https://e.example/f"><outline xmlUrl="x"/></outline></body></opml>`)
	f.Fuzz(func(t *testing.T, s string) {
		urls, _ := ParseList("fuzz", strings.NewReader(s))
		seen := map[string]bool{}
		for _, u := range urls {
			if seen[u] {
				t.Fatalf("duplicate %q", u)
			}
			seen[u] = true
			if n, err := NormalizeURL(u); err != nil || n != u {
				t.Fatalf("%q is not normalized: %q, %v", u, n, err)
			}
		}
	})
}
