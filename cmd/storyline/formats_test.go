package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

// story is three reports of one made-up event, used to build pages and
// feeds in several formats.
var story = []struct{ outlet, date, title, body string }{
	{"Harbour Times", "2024-03-12", "Port strike ends after three days",
		"Dock workers in Valmora ended a three-day strike on Monday after the port authority agreed to raise wages by 6 percent.|" +
			"\"We won what we asked for,\" union leader Maria Estrada told reporters on Monday.|" +
			"The strike had halted container traffic at the country's largest port since Friday."},
	{"Coast Daily", "2024-03-12", "Valmora dockers return to work",
		"Container traffic resumed at the port of Valmora on Tuesday, a day after dock workers ended their strike.|" +
			"Union leader Maria Estrada said the 6 percent raise agreed with the port authority was a victory for workers.|" +
			"Shipping companies said it would take a week to clear the backlog of vessels."},
	{"Business Wire Review", "2024-03-13", "Shippers count the cost of Valmora strike",
		"Shipping firms said on Wednesday that the three-day strike at Valmora had cost them millions.|" +
			"The port authority agreed on Monday to raise dock workers' wages by 6 percent, ending the walkout.|" +
			"Analysts expect exports to recover by the end of March."},
}

func paragraphs(body string) []string { return strings.Split(body, "|") }

func htmlPage(i int) string {
	s := story[i]
	var ps strings.Builder
	for _, p := range paragraphs(s.body) {
		fmt.Fprintf(&ps, "<p>%s</p>\n", p)
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%[3]s | %[1]s</title>
<meta property="og:site_name" content="%[1]s">
<meta property="article:published_time" content="%[2]sT09:00:00Z">
<link rel="canonical" href="https://example.com/news/%[4]d">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav>
<article><h1>%[3]s</h1><p class="byline">By Staff Reporter</p>
%[5]s</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens new restaurant</a></li><li><a href="/b">Ten tips for spring gardening</a></li></ul></aside>
<footer>Copyright 2024 %[1]s. All rights reserved. Cookie settings.</footer>
</body></html>`, s.outlet, s.date, s.title, i, ps.String())
}

func rssFeed() string {
	var items strings.Builder
	for i, s := range story {
		var ps strings.Builder
		for _, p := range paragraphs(s.body) {
			fmt.Fprintf(&ps, "<p>%s</p>", p)
		}
		fmt.Fprintf(&items, `<item><title>%s</title><link>https://example.com/feed/%d</link>
<pubDate>%s</pubDate><description>%s</description>
<content:encoded><![CDATA[%s]]></content:encoded></item>
`, s.title, i, rfc1123(s.date), paragraphs(s.body)[0], ps.String())
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Port News Wire</title><link>https://example.com/</link><description>News</description>
` + items.String() + `</channel></rss>`
}

func rfc1123(day string) string {
	var y, m, d int
	fmt.Sscanf(day, "%d-%d-%d", &y, &m, &d)
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return fmt.Sprintf("%02d %s %d 09:00:00 +0000", d, months[m-1], y)
}

// briefOf runs storyline brief --format json and decodes the result.
func briefOf(t *testing.T, args ...string) news.Brief {
	t.Helper()
	code, out, errs := storyline(append([]string{"brief", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var b news.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("not a brief: %v\n%s", err, out)
	}
	for _, junk := range []string{"Subscribe now", "Cookie settings", "All rights reserved", "Ten tips for spring"} {
		if strings.Contains(out, junk) {
			t.Errorf("page furniture %q reached the brief", junk)
		}
	}
	if len(b.Summary) == 0 {
		t.Errorf("no summary:\n%s", out)
	}
	return b
}

func TestBriefHTMLFolder(t *testing.T) {
	dir := t.TempDir()
	for i := range story {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page%d.html", i)), []byte(htmlPage(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := briefOf(t, dir)
	if len(b.Sources) != len(story) {
		t.Fatalf("%d sources, want %d", len(b.Sources), len(story))
	}
	for i, s := range b.Sources {
		if s.Outlet != story[i].outlet || s.StatedDate != story[i].date {
			t.Errorf("source %d: outlet %q date %q, want %q %q", i, s.Outlet, s.StatedDate, story[i].outlet, story[i].date)
		}
	}
}

func TestBriefFeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte(rssFeed()), 0o644); err != nil {
		t.Fatal(err)
	}
	b := briefOf(t, path)
	if len(b.Sources) != len(story) {
		t.Fatalf("%d sources, want %d", len(b.Sources), len(story))
	}
	for _, s := range b.Sources {
		if s.StatedDate == "" {
			t.Errorf("source %s has no stated date", s.ID)
		}
	}
}
