package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

// seedsDir returns ../shared/seeds next to the module root, or skips.
func seedsDir(t testing.TB) string {
	t.Helper()
	data := dataDir(t, ".")
	p := filepath.Join(data, "..", "seeds")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seeds not present: %v", err)
	}
	return p
}

// TestSeeds reads the five seed articles as a folder: EXPECTED.md is not
// an article, the outlets, stated dates and dateline come out of the text,
// and the page furniture of 003 is gone while its paragraphs stay.
func TestSeeds(t *testing.T) {
	dir := seedsDir(t)
	byPrefix := map[string]*news.Article{}
	n := 0
	for a, err := range Read(dir) {
		if err != nil {
			t.Fatal(err)
		}
		checkArticle(t, a)
		byPrefix[a.ID[:3]] = a
		n++
	}
	if n != 5 {
		t.Fatalf("read %d articles from %s, want 5", n, dir)
	}
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	for _, c := range []struct {
		prefix, outlet, stated, dateline, place string
	}{
		{"000", "Alwaght", "2017-09-28", "", ""},
		{"001", "Xinhua", "2017-09-28", "2017-09-27", "TEHRAN"},
		{"002", "", "2017-02-10", "", ""},
		{"003", "Sputnik", "", "", "MOSCOW"},
		{"004", "", "", "", ""},
	} {
		a := byPrefix[c.prefix]
		if a == nil {
			t.Errorf("%s: not read", c.prefix)
			continue
		}
		if a.Outlet != c.outlet {
			t.Errorf("%s: outlet %q, want %q", c.prefix, a.Outlet, c.outlet)
		}
		if !a.StatedDate.Equal(day(c.stated)) {
			t.Errorf("%s: stated date %v, want %q", c.prefix, a.StatedDate, c.stated)
		}
		if !a.DatelineDate.Equal(day(c.dateline)) {
			t.Errorf("%s: dateline date %v, want %q", c.prefix, a.DatelineDate, c.dateline)
		}
		if a.DatelinePlace != c.place {
			t.Errorf("%s: dateline place %q, want %q", c.prefix, a.DatelinePlace, c.place)
		}
		if a.Format != "text" || a.Title != "" {
			t.Errorf("%s: format %q, title %q; want text and no title", c.prefix, a.Format, a.Title)
		}
	}
	if a := byPrefix["001"]; a != nil {
		if a.Dateline != "TEHRAN, Sept. 27 (Xinhua) --" || strings.Contains(a.Text, "(Xinhua) --") || strings.Contains(a.Text, "Editor: yan") {
			t.Errorf("001: dateline %q, text starts %.60q", a.Dateline, a.Text)
		}
	}
	if a := byPrefix["000"]; a != nil && !strings.HasPrefix(a.Text, "Top Iranian and Iraqi military commanders") {
		t.Errorf("000: text starts %.60q, want the outlet prefix cut", a.Text)
	}
	if a := byPrefix["003"]; a != nil {
		if a.PageStamp.IsZero() || a.PageStamp.Year() != 2021 {
			t.Errorf("003: page stamp %v, want the 2021 stamp kept apart", a.PageStamp)
		}
		debris := []string{
			"Listen Live", "Get short URL", "Middle East",
			"Iraqi Kurdistan's Independence Referendum (53)", "0 121",
			"Why Invasion of Iraqi Kurdistan May Result in Collapse of Mid-East",
			"Iraqi Paper Uses Porn Picture for Kurdistan Referendum, Drives Twitter Furious",
			"Iraqi Forces Wait for Abadi's Order to Move to Disputed Kurdistan Regions",
			"military cooperation, Hossein Baqeri, Iran, Turkey, Myanmar",
			"Community standardsDiscussion", "GMT",
		}
		for _, d := range debris {
			if strings.Contains(a.Text, d) {
				t.Errorf("003: debris %q survived", d)
			}
		}
		raw, err := os.ReadFile(filepath.Join(dir, a.ID))
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, l := range strings.Split(string(raw), "\n") {
			l = collapseSpace(l)
			if len(strings.Fields(l)) < 10 || !endsSentence(l) {
				continue
			}
			l = strings.TrimPrefix(l, a.Dateline+" ")
			if !strings.Contains(a.Text, l) {
				t.Errorf("003: real paragraph lost: %.80q", l)
			}
			kept++
		}
		if kept != len(a.Paragraphs) {
			t.Errorf("003: %d paragraphs, want the %d real ones", len(a.Paragraphs), kept)
		}
	}
}
