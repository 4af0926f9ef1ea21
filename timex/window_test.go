package timex_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/timex"
)

// segmented returns the BASIL articles segmented, with their time
// expressions found.
func segmented(tb testing.TB) []*news.Doc {
	var docs []*news.Doc
	for i, t := range testutil.BasilTexts(tb) {
		d := &news.Doc{Article: news.Article{ID: fmt.Sprint(i), Text: t, Paragraphs: sentence.Paragraphs(t)}}
		if err := analyze.Segment.Apply(d); err != nil {
			tb.Fatal(err)
		}
		timex.Find(d, time.Time{})
		docs = append(docs, d)
	}
	return docs
}

// TestWindowMatchesSentence checks that Tense and NamesEvent, which read
// only the words near a span, answer as they do reading the whole
// sentence: at every token of every BASIL article, for the spans of the
// expressions found, and for spans running over several tokens.
func TestWindowMatchesSentence(t *testing.T) {
	docs := segmented(t)
	if testing.Short() {
		docs = docs[:min(len(docs), 20)]
	}
	spans, futures, pasts, events := 0, 0, 0, 0
	for _, d := range docs {
		var sps []news.Span
		for k, tok := range d.Tokens {
			sps = append(sps, news.Span{Start: tok.Start, End: tok.Start}, news.Span{Start: tok.Start, End: tok.End})
			if k+3 < len(d.Tokens) {
				sps = append(sps, news.Span{Start: tok.Start, End: d.Tokens[k+3].End})
			}
			if k+30 < len(d.Tokens) {
				sps = append(sps, news.Span{Start: tok.Start, End: d.Tokens[k+30].End}, news.Span{Start: tok.End, End: tok.Start})
			}
		}
		for _, x := range d.Timexes {
			sps = append(sps, x.Span)
		}
		for _, sp := range sps {
			got, want := timex.Tense(d, sp), timex.TenseWhole(d, sp)
			if got != want {
				t.Fatalf("doc %s: Tense(%q at %d) = %d, reading the whole sentence %d", d.ID, d.Text[sp.Start:max(sp.Start, sp.End)], sp.Start, got, want)
			}
			spans++
			switch {
			case want > 0:
				futures++
			case want < 0:
				pasts++
			}
		}
		xs := append([]news.Timex(nil), d.Timexes...)
		for _, tok := range d.Tokens {
			si := d.SentenceAt(tok.Start)
			for _, v := range []string{"2001-09-11", "2017-03-04"} {
				xs = append(xs, news.Timex{Span: news.Span{Start: tok.Start, End: tok.End}, Type: "DATE", Sentence: si, Value: v})
			}
		}
		for _, x := range xs {
			got, want := timex.NamesEvent(d, x), timex.NamesEventWhole(d, x)
			if got != want {
				t.Fatalf("doc %s: NamesEvent(%q at %d) = %v, reading the whole sentence %v", d.ID, x.Text, x.Start, got, want)
			}
			if want {
				events++
			}
		}
	}
	if futures == 0 || pasts == 0 || events == 0 {
		t.Fatalf("the spans tried show too few cues: %d future, %d past, %d event names", futures, pasts, events)
	}
	t.Logf("%d spans (%d future, %d past), %d event names", spans, futures, pasts, events)
}

// TestWindowTokensOutOfOrder checks the fallback for tokens out of order:
// the whole sentence is read.
func TestWindowTokensOutOfOrder(t *testing.T) {
	text := "The vote was held on Monday and will be counted by Friday."
	d := &news.Doc{Article: news.Article{Text: text, Paragraphs: sentence.Paragraphs(text)}}
	if err := analyze.Segment.Apply(d); err != nil {
		t.Fatal(err)
	}
	n := len(d.Tokens)
	if n < 4 {
		t.Fatalf("%d tokens", n)
	}
	d.Tokens[1], d.Tokens[2] = d.Tokens[2], d.Tokens[1]
	for _, tok := range d.Tokens {
		sp := news.Span{Start: tok.Start, End: tok.End}
		if got, want := timex.Tense(d, sp), timex.TenseWhole(d, sp); got != want {
			t.Errorf("Tense(%q) = %d, reading the whole sentence %d", text[tok.Start:tok.End], got, want)
		}
	}
}
