package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func metaOf(t *testing.T, page string) pageMeta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readPageMeta(doc, nil)
}

// TestPageMetaDates reads a page's date from each kind of statement, the
// more explicit one winning when a page has several.
func TestPageMetaDates(t *testing.T) {
	for _, c := range []struct{ name, page, want string }{
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"H","datePublished":"2021-06-22T10:35:00+03:00","dateModified":"2021-06-23"}]}</script><p>x`, "2021-06-22"},
		{"meta over time", `<meta property="article:published_time" content="2019-10-18T22:04:00Z"><time datetime="2020-01-01">x</time>`, "2019-10-18"},
		{"itemprop", `<body><span itemprop="datePublished" content="2018-03-04">4 March</span>`, "2018-03-04"},
		{"time pubdate", `<body><time datetime="2011-01-01">a</time><article><time pubdate datetime="2012-02-03T08:00">b</time>`, "2012-02-03"},
		{"address", `<link rel="canonical" href="https://x.example/news/2017/09/27/iran-turkey"><time datetime="2010-01-01">`, "2017-09-27"},
		{"marked element", `<body><div class="post-date">Posted on 5 May 2014</div>`, "2014-05-05"},
		{"numeric marked", `<body><span class="entry-meta">05.10.2013, 14:12</span>`, "2013-10-05"},
		{"other language", `<body><span class="article-date">Dienstag, 6. Mai 2014</span>`, "2014-05-06"},
		{"bare line", `<body><h1>T</h1><p>30.04.2019</p><p>Text of the article that runs on.</p>`, "2019-04-30"},
		{"modified last", `<meta property="article:modified_time" content="2016-07-01">`, "2016-07-01"},
		{"none", `<body><p>No date is written anywhere on this page, 2019 aside.</p>`, ""},
	} {
		got := metaOf(t, c.page).Date
		if s := dateString(got); s != c.want {
			t.Errorf("%s: date %q, want %q", c.name, s, c.want)
		}
		if !got.IsZero() && (got.Location() != time.UTC || got.Hour() != 0) {
			t.Errorf("%s: date %v is not a day at midnight UTC", c.name, got)
		}
	}
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// TestPageMetaFields reads title, author, site and canonical address.
func TestPageMetaFields(t *testing.T) {
	m := metaOf(t, `<html><head><title>Port strike ends | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="By Tom Reyes">
<link rel="canonical" href="/port-strike"></head><body><h1>Port strike ends</h1></body></html>`)
	if m.Title != "Port strike ends" || m.Author != "Tom Reyes" || m.Site != "Harbour Times" || m.URL != "/port-strike" {
		t.Errorf("got %+v", m)
	}
	m = metaOf(t, `<script type="application/ld+json">[{"@type":"Article","headline":"Night trains return","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}],"publisher":{"name":"Rail Weekly"}}]</script>`)
	if m.Title != "Night trains return" || m.Author != "Ana Ruiz, Li Wei" || m.Site != "Rail Weekly" {
		t.Errorf("json-ld: got %+v", m)
	}
	// a broken JSON-LD block is skipped
	m = metaOf(t, `<title>Kept</title><script type="application/ld+json">{"headline": </script>`)
	if m.Title != "Kept" {
		t.Errorf("broken json-ld: got %+v", m)
	}
}

func TestTrimSiteName(t *testing.T) {
	for _, c := range []struct{ title, site, h1, want string }{
		{"Tram line opens | Metro Post", "Metro Post", "", "Tram line opens"},
		{"Metro Post - Tram line opens", "metro post", "", "Tram line opens"},
		{"Obama admits gun laws frustrate him - BBC News", "", "Obama admits gun laws frustrate him", "Obama admits gun laws frustrate him"},
		{"Left - right: a debate", "Other", "", "Left - right: a debate"},
	} {
		if got := trimSiteName(c.title, c.site, c.h1); got != c.want {
			t.Errorf("trimSiteName(%q, %q, %q) = %q, want %q", c.title, c.site, c.h1, got, c.want)
		}
	}
}

// TestDropLinkLists drops figures, link lists and small furniture blocks
// but keeps running text that cites its sources by links.
func TestDropLinkLists(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<body><article>
<p>The council voted on Monday to close the old bridge to cars, after engineers found cracks in two of its piers and warned that repairs would take a year.</p>
<figure><img src="a.jpg"><figcaption>The bridge at dusk. Photo: J. Doe</figcaption></figure>
<p>According to <a href="/r">the engineers' report</a>, the cracks have grown since the spring.</p>
<ul><li><a href="/1">Council approves budget</a></li><li><a href="/2">New tram line opens</a></li><li><a href="/3">Market hall restored</a></li></ul>
<div class="share-tools">Share this article on your favourite network</div>
<p>Traffic will be diverted over the river's two other bridges while the work goes on, the council said.</p>
</article></body>`))
	if err != nil {
		t.Fatal(err)
	}
	body := findBody(doc)
	dropLinkLists(body)
	got := strings.Join(nodeParagraphs(body, false), "\n")
	for _, s := range []string{"close the old bridge", "According to the engineers' report", "Traffic will be diverted"} {
		if !strings.Contains(got, s) {
			t.Errorf("lost %q:\n%s", s, got)
		}
	}
	for _, s := range []string{"Photo: J. Doe", "Council approves budget", "Share this article"} {
		if strings.Contains(got, s) {
			t.Errorf("kept %q:\n%s", s, got)
		}
	}
}
