package brief

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got)
}

// sample is a small brief with every section filled.
func sample() *news.Brief {
	return &news.Brief{
		Sources: []news.Source{
			{ID: "a.txt", Path: "in/a.txt", Outlet: "Wire", StatedDate: "2017-09-28", DatelineDate: "2017-09-27", Date: "2017-09-27", DateStatus: news.DateDateline, DateNote: "the dateline is a day before the stated date"},
			{ID: "b.html", Path: "in/b.html", URL: "https://example.org/b", Outlet: "Daily <Post>", Title: "Chiefs meet", Date: "2017-10-02", DateStatus: news.DateInferred, DateNote: "stated date 2017-02-10 rejected: it reports the 25 September referendum as past", Opinion: true},
		},
		Summary: []news.SummaryLine{
			{Text: "Iran's armed forces chief received his Iraqi counterpart in Tehran.", Sources: []string{"b.html", "a.txt", "b.html"}},
			{Text: "They agreed to expand military cooperation.", Sources: []string{"b.html"}},
		},
		Timeline: []news.TimelineEntry{
			{Date: "2017-09-27", Text: "The chiefs of staff meet in Tehran.", Sources: []string{"a.txt", "b.html"}},
			{Date: "2017-10-04", Text: "The president is due in Tehran.", Sources: []string{"b.html"}, Planned: true},
		},
		Entities: []news.Entity{
			{Name: "Mohammad Baqeri", Type: news.Person, Forms: []string{"Mohammad Baqeri", "Bagheri"}, Roles: []string{"Chief of Staff of the Iranian Armed Forces"}, Sources: []string{"a.txt", "b.html"}},
			{Name: "Tehran", Type: news.Place, Forms: []string{"Tehran"}, Sources: []string{"a.txt"}},
		},
		Quotes: []news.QuoteEntry{
			{Speaker: "Mohammad Baqeri", Text: "We are so pleased & proud", Direct: true, Source: "a.txt", Sources: []string{"a.txt", "b.html"}, Via: "Tasnim"},
			{Speaker: "", Text: "the talks went well", Source: "b.html", Opinion: true},
		},
		Conflicts: []news.Conflict{
			{About: "rank of Othman al-Ghanmi", Claims: []news.Claim{{Value: "Major General", Sources: []string{"a.txt"}}, {Value: "Lieutenant General", Sources: []string{"b.html"}}}},
		},
	}
}

func TestRenderGolden(t *testing.T) {
	for _, format := range []string{"md", "json", "html"} {
		render, err := Renderer(format)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := render(&buf, sample()); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		golden(t, "sample."+format+".golden", buf.Bytes())
	}
}

func TestRenderEmpty(t *testing.T) {
	b := &news.Brief{}
	normalise(b)
	var buf bytes.Buffer
	if err := JSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sources", "summary", "timeline", "entities", "quotes", "conflicts"} {
		if string(m[k]) != "[]" {
			t.Errorf("section %s = %s, want []", k, m[k])
		}
	}
	for _, f := range []RenderFunc{Markdown, HTML} {
		buf.Reset()
		if err := f(&buf, b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "No quotes were found") {
			t.Errorf("empty brief does not say it has no quotes:\n%s", buf.String())
		}
	}
}

func TestBySpeakerPutsDirectQuotesFirst(t *testing.T) {
	qs := []news.QuoteEntry{
		{Speaker: "A", Text: "a1"}, {Speaker: "B", Text: "b1", Direct: true}, {Speaker: "A", Text: "a2", Direct: true},
		{Speaker: "", Text: "u1"}, {Speaker: "A", Text: "a3"}, {Speaker: "A", Text: "a4", Direct: true},
	}
	var got []string
	for _, g := range bySpeaker(qs) {
		var texts []string
		for _, q := range g.Quotes {
			texts = append(texts, q.Text)
		}
		got = append(got, g.Speaker+":"+strings.Join(texts, ","))
	}
	want := "A:a2,a4,a1,a3 B:b1 unknown:u1"
	if strings.Join(got, " ") != want {
		t.Errorf("bySpeaker = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestRendererUnknown(t *testing.T) {
	if _, err := Renderer("pdf"); err == nil {
		t.Error("Renderer(pdf) gave no error")
	}
}

func TestHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<Post>") {
		t.Error("HTML output does not escape an outlet name")
	}
}

// hostile is text an article or its metadata may hold that a renderer
// must not pass through as markup.
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> [link](javascript:alert(3)) ![i](http://t.example/x.png) **b** _i_ ` + "`c`\n# heading"

// fillStrings sets every string (and every element of every []string) in
// v, recursively, to hostile text marked with a number, so that a test
// covers each field a renderer prints, those added later too. Fields that
// name sources (Sources, Source, ID) and dates keep their values so that
// citations still resolve.
func fillStrings(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillStrings(v.Elem(), n)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			switch v.Type().Field(i).Name {
			case "Sources", "Source", "ID", "Date":
				continue
			}
			fillStrings(v.Field(i), n)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			fillStrings(v.Index(i), n)
		}
	case reflect.String:
		*n++
		v.SetString(fmt.Sprintf("f%d %s", *n, hostile))
	}
}

// TestRenderHostileText renders a brief whose every text field holds raw
// HTML and Markdown: the Markdown and HTML briefs show it as text, never as
// markup, and the JSON brief carries it unchanged, as data.
func TestRenderHostileText(t *testing.T) {
	b := sample()
	b.Sources[0].ID = "<script>id</script>"
	b.Summary[0].Sources = append(b.Summary[0].Sources, "unknown<b>id")
	n := 0
	fillStrings(reflect.ValueOf(b), &n)
	if n < 20 {
		t.Fatalf("only %d fields filled", n)
	}
	escaped := regexp.MustCompile("\\\\[\\\\`*_\\[\\]<>]")
	for _, format := range []string{"md", "html", "json"} {
		render, _ := Renderer(format)
		var buf bytes.Buffer
		if err := render(&buf, b); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		switch format {
		case "md":
			// With the escaped characters taken out, no markup is left
			// but the brief's own (** around names and dates).
			plain := strings.ReplaceAll(escaped.ReplaceAllString(out, ""), "**", "")
			for _, bad := range []string{"<", ">", "[link]", "](", "]:", "_", "`", "*", "\n# heading"} {
				if strings.Contains(plain, bad) {
					i := strings.Index(plain, bad)
					t.Errorf("md: %q passes through: %q", bad, plain[max(0, i-40):min(len(plain), i+40)])
				}
			}
		case "html":
			for _, bad := range []string{"<script", "<img", `href="javascript`} {
				if strings.Contains(out, bad) {
					t.Errorf("html: %q passes through", bad)
				}
			}
		case "json":
			var back news.Brief
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back.Summary, b.Summary) || !reflect.DeepEqual(back.Sources, b.Sources) || !reflect.DeepEqual(back.Quotes, b.Quotes) {
				t.Errorf("json: the text does not round-trip")
			}
		}
	}
}

func TestMdText(t *testing.T) {
	for in, want := range map[string]string{
		"# not a heading":   `\# not a heading`,
		"- not an item":     `\- not an item`,
		"1. not a list":     `1\. not a list`,
		"2017) no":          `2017\) no`,
		"a <b> [c](d) *e*":  `a \<b\> [c\](d) \*e\*`,
		"[U.S.] and [x]":    "[U.S.] and [x]",
		"two\nlines":        "two lines",
		`back\slash`:        `back\\slash`,
		"file_name.txt _x_": `file_name.txt \_x\_`,
		"CRLF\r\nline":      "CRLF line",
		"Plain text, 3.5%":  "Plain text, 3.5%",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}
