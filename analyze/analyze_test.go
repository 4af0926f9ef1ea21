package analyze_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

func article(paras ...string) *news.Article {
	a := &news.Article{ID: "t"}
	for i, p := range paras {
		if i > 0 {
			a.Text += "\n\n"
		}
		a.Paragraphs = append(a.Paragraphs, news.Span{Start: len(a.Text), End: len(a.Text) + len(p)})
		a.Text += p
	}
	return a
}

func TestSegment(t *testing.T) {
	a := article("TEHRAN, Sept. 27 (Xinhua) -- Iran spoke. Iraq listened.", "Maj. Gen. Baqeri left.")
	d, err := analyze.Chain{analyze.Segment}.Doc(a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, s := range d.Sentences {
		var toks []string
		for _, tok := range d.Tokens[s.FirstToken:s.EndToken] {
			toks = append(toks, tok.In(d.Text))
		}
		got = append(got, fmt.Sprintf("%d:%s", s.Paragraph, strings.Join(toks, " ")))
		if d.SentenceAt(s.Start) != i || d.SentenceAt(s.End-1) != i {
			t.Errorf("SentenceAt does not find sentence %d", i)
		}
	}
	want := []string{
		"0:TEHRAN , Sept. 27 ( Xinhua ) -- Iran spoke .",
		"0:Iraq listened .",
		"1:Maj. Gen. Baqeri left .",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestChainNamesFailingStage(t *testing.T) {
	boom := analyze.StageFunc{StageName: "boom", Fn: func(*news.Doc) error { return fmt.Errorf("bad") }}
	_, err := analyze.Chain{analyze.Segment, boom}.Doc(article("x"))
	if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "t") {
		t.Errorf("error %v does not name the stage and the article", err)
	}
}

// basil reads the BASIL articles: real news from three outlets.
func basil(tb testing.TB) []*news.Article {
	var out []*news.Article
	for _, b := range testutil.Basil(tb) {
		a := article(b.Paragraphs...)
		a.ID, a.Outlet, a.Title = filepath.Base(b.File), b.Outlet, b.Title
		a.StatedDate, _ = time.Parse("2006-01-02", b.Date)
		out = append(out, a)
	}
	return out
}

func benchChain(b *testing.B, chain analyze.Chain) {
	arts := basil(b)
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(arts)))
	b.ResetTimer()
	c0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		if _, err := chain.Doc(arts[i%len(arts)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// the CPU time per article: on a shared machine it varies less than
	// the wall clock
	b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkAnalyze runs the default chain over the BASIL articles, one
// article per iteration.
func BenchmarkAnalyze(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchChain(b, chain)
}

// BenchmarkSegment runs sentence splitting and tokenisation alone.
func BenchmarkSegment(b *testing.B) { benchChain(b, analyze.Chain{analyze.Segment}) }

// BenchmarkLight runs the default chain less its two taggers (entities
// and quotes): segment, time expressions, opinion sections and the stamp,
// with the chain's own work (the Doc and its trimming).
func BenchmarkLight(b *testing.B) {
	benchChain(b, analyze.Chain{analyze.Segment, timex.Stage{}, analyze.Opinion, analyze.Stamp})
}

func TestDefaultOnRealArticles(t *testing.T) {
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range basil(t)[:20] {
		d, err := chain.Doc(a)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
			t.Errorf("%s: no sentences or tokens", a.ID)
		}
		for _, s := range d.Sentences {
			if s.Start < 0 || s.End > len(d.Text) || s.FirstToken > s.EndToken {
				t.Fatalf("%s: bad sentence %+v", a.ID, s)
			}
		}
	}
}

func Example() {
	a := &news.Article{ID: "example", Text: "Maj. Gen. Mohammad Baqeri met his Iraqi counterpart on Wednesday. They talked."}
	d, err := analyze.Chain{analyze.Segment}.Doc(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range d.Sentences {
		fmt.Println(d.SentenceText(i))
	}
	// Output:
	// Maj. Gen. Mohammad Baqeri met his Iraqi counterpart on Wednesday.
	// They talked.
}
