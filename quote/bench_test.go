package quote_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/timex"
)

// basilTexts returns the paragraphs of up to n BASIL articles that have
// any (all when n is 0), in file order, and skips when the data set is
// missing.
func basilTexts(tb testing.TB, n int) [][]string {
	var out [][]string
	for _, a := range testutil.Basil(tb) {
		if n > 0 && len(out) == n {
			break
		}
		if len(a.Paragraphs) > 0 {
			out = append(out, a.Paragraphs)
		}
	}
	return out
}

// articleOf joins paragraphs with blank lines.
func articleOf(paras ...string) *news.Article {
	a := &news.Article{ID: "bench"}
	for i, p := range paras {
		if i > 0 {
			a.Text += "\n\n"
		}
		a.Paragraphs = append(a.Paragraphs, news.Span{Start: len(a.Text), End: len(a.Text) + len(p)})
		a.Text += p
	}
	return a
}

// upstream is the chain before the quote stage: segments, entity
// mentions and time expressions.
func upstream(tb testing.TB) analyze.Chain {
	tagger, err := entity.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return analyze.Chain{analyze.Segment, tagger, timex.Stage{}}
}

var (
	basilOnce sync.Once
	basilDocs []*news.Doc
)

// basilQuoteDocs returns the BASIL articles analysed up to the quote
// stage.
func basilQuoteDocs(tb testing.TB) []*news.Doc {
	texts := basilTexts(tb, 0)
	basilOnce.Do(func() {
		chain := upstream(tb)
		for _, paras := range texts {
			d, err := chain.Doc(articleOf(paras...))
			if err != nil {
				tb.Fatal(err)
			}
			basilDocs = append(basilDocs, d)
		}
	})
	return basilDocs
}

// BenchmarkQuote runs the quote stage alone over BASIL articles (about
// 690 tokens each) that the stages before it analysed, one article per
// iteration.
func BenchmarkQuote(b *testing.B) {
	docs := basilQuoteDocs(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n / int64(len(docs)))
	b.ReportAllocs()
	st := quote.Stage{}
	b.ResetTimer()
	cpu := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		if err := st.Apply(&d); err != nil {
			b.Fatal(err)
		}
	}
	if c := testutil.CPUTime() - cpu; c > 0 {
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestStageDeterministic runs the quote stage several times over each
// BASIL article and requires the same quotes every time: nothing may
// depend on the order in which a map is read.
func TestStageDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 210 articles; not in -short")
	}
	for _, d := range basilQuoteDocs(t) {
		var first string
		for run := 0; run < 6; run++ {
			dd := *d
			if err := (quote.Stage{}).Apply(&dd); err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("%+v", dd.Quotes)
			if run == 0 {
				first = got
			} else if got != first {
				t.Fatalf("article %.60q: run %d found other quotes than run 0:\n%s\n%s", d.Text, run, first, got)
			}
		}
	}
}

// unpunctuated returns one paragraph of at least size bytes of news
// text with every punctuation mark and line break taken out: the input
// of issue 21 that once took minutes in this stage.
func unpunctuated(tb testing.TB, size int) *news.Article {
	var sb strings.Builder
	for sb.Len() < size {
		for _, paras := range basilTexts(tb, 60) {
			for _, p := range paras {
				for _, r := range p {
					switch {
					case unicode.IsSpace(r):
						sb.WriteByte(' ')
					case unicode.IsPunct(r) || unicode.IsSymbol(r):
					default:
						sb.WriteRune(r)
					}
				}
				sb.WriteByte(' ')
				if sb.Len() >= size {
					return articleOf(strings.TrimSpace(sb.String()))
				}
			}
		}
	}
	return articleOf(strings.TrimSpace(sb.String()))
}

// dense returns one paragraph of at least size bytes of reported speech
// without punctuation, names and cues in every few words.
func dense(size int) *news.Article {
	const unit = "John Smith said Mary Jones told him that Smith believes Jones "
	return articleOf(strings.TrimSpace(strings.Repeat(unit, size/len(unit)+1)))
}

// BenchmarkQuoteUnpunctuated runs the quote stage over one paragraph
// without punctuation of 100 KB and of 400 KB, tagged by the stages
// before it: BASIL's text with its punctuation taken out, and dense
// reported speech. The CPU time per byte stays the same when the stage
// is linear.
func BenchmarkQuoteUnpunctuated(b *testing.B) {
	for _, c := range []struct {
		name string
		kb   int
	}{{"basil", 100}, {"basil", 400}, {"dense", 100}, {"dense", 400}} {
		b.Run(fmt.Sprintf("%s/%dKB", c.name, c.kb), func(b *testing.B) {
			a := dense(c.kb << 10)
			if c.name == "basil" {
				a = unpunctuated(b, c.kb<<10)
			}
			d, err := upstream(b).Doc(a)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(d.Text)))
			b.ReportAllocs()
			st := quote.Stage{}
			b.ResetTimer()
			cpu := testutil.CPUTime()
			for i := 0; i < b.N; i++ {
				dd := *d
				if err := st.Apply(&dd); err != nil {
					b.Fatal(err)
				}
			}
			if c := testutil.CPUTime() - cpu; c > 0 {
				b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(c.Nanoseconds())/float64(len(d.Text)), "cpu-ns/byte")
			}
		})
	}
}

// TestUnpunctuated feeds the quote stage paragraphs of 400 KB without
// punctuation (BASIL's text stripped, and dense reported speech), as
// segmented and tagged by the stages before it, and checks that it
// finishes with quotes that lie in the text. How long it takes is
// measured by BenchmarkQuoteUnpunctuated, not here.
func TestUnpunctuated(t *testing.T) {
	if testing.Short() {
		t.Skip("800 KB of text through the tagger; not in -short")
	}
	for name, a := range map[string]*news.Article{"basil": unpunctuated(t, 400<<10), "dense": dense(400 << 10)} {
		d, err := upstream(t).Doc(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := (quote.Stage{}).Apply(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) == 0 {
			t.Errorf("%s: no quotes in %d bytes of reported speech", name, len(d.Text))
		}
		for _, q := range d.Quotes {
			for _, sp := range []news.Span{q.Content, q.Cue, q.Source} {
				if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
					t.Fatalf("%s: span %v outside the text of %d bytes", name, sp, len(d.Text))
				}
			}
			if q.Content.IsZero() {
				t.Fatalf("%s: quote with no content: %+v", name, q)
			}
			if q.Content.End-q.Content.Start > 64<<10 {
				t.Errorf("%s: a content of %d bytes", name, q.Content.End-q.Content.Start)
			}
		}
	}
}
