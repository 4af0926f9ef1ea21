package timex_test

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// FuzzTag checks that the tagger never panics and that every expression
// it returns is a well-formed span of the text, in order, in its
// sentence.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Baqeri on Wednesday received his Iraqi counterpart.",
		"TEHRAN, Sept. 27 (Xinhua) -- They will meet next week, on Monday, Oct. 2, at 5:30 p.m. EDT.",
		"It happened 9/25/2017, 2017-09-25T10:30, the 1990s, the '90s, mid-August, three-day, a year earlier.",
		"the the the early late mid- more than at least up to 12:99 p.m. 31/31/31 2017-13-45",
		"Sunday night's vote; every other week; twice a year; $5 a year; a 30-year-old; twenty-five years ago.",
		"\u00e9t\u00e9 2017 \u2019s \u201cMonday\u201d \xff\xfe 1st of May",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := doc(t, text)
		for _, anchor := range []time.Time{{}, day0("2017-09-28"), day0("0001-01-02")} {
			timex.Tag(d, anchor)
			last := -1
			for _, x := range d.Timexes {
				if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
					t.Fatalf("bad span %v in %q", x.Span, text)
				}
				if x.Start < last {
					t.Fatalf("overlapping or unordered spans in %q: %+v", text, d.Timexes)
				}
				last = x.End
				if x.Text != d.Text[x.Start:x.End] {
					t.Fatalf("text %q does not match span %v", x.Text, x.Span)
				}
				if x.Sentence < 0 || x.Sentence >= len(d.Sentences) || !d.Sentences[x.Sentence].Span.Contains(news.Span{Start: x.Start, End: x.Start + 1}) {
					t.Fatalf("sentence %d does not hold %v", x.Sentence, x.Span)
				}
				switch x.Type {
				case "DATE", "TIME", "DURATION", "SET":
				default:
					t.Fatalf("bad type %q", x.Type)
				}
				if strings.ContainsAny(x.Value, " \n") {
					t.Fatalf("bad value %q", x.Value)
				}
				timex.Interval(x.Value)
				timex.Tense(d, x.Span)
			}
		}
	})
}

// FuzzInterval checks that Interval never panics and returns ordered
// periods.
func FuzzInterval(f *testing.F) {
	for _, v := range []string{"2017-09-27", "2017-W40", "2017-W40-WE", "2017-08", "2017-Q3", "2017-H2", "2017-SU", "199", "19", "2017", "2017-10-01TNI", "PRESENT_REF", "P3D", "XXXX-09-25", "2017-W53-7"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		st, en, ok := timex.Interval(v)
		if ok && en.Before(st) {
			t.Fatalf("%q: end %v before start %v", v, en, st)
		}
	})
}

// BenchmarkTag measures the tagger alone on a segmented news text.
func BenchmarkTag(b *testing.B) {
	text := strings.Repeat("Chief of Staff Major General Mohammad Baqeri on Wednesday received his Iraqi counterpart, who arrived in Tehran earlier in the day. "+
		"A Turkish delegation is to visit Tehran next week, in response to an August trip. "+
		"The Kurdistan Regional Government held a non-binding referendum on September 25 on secession from the central government in Baghdad. "+
		"He paid an official three-day visit to Turkey in mid-August at the head of a delegation, and the two sides agreed to hold joint drills every year. "+
		"Prices rose 5% in the third quarter from a year earlier, the ministry said in a statement at 5:30 p.m. on Thursday.\n\n", 20)
	d := doc(b, text)
	anchor := day0("2017-09-28")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		timex.Tag(d, anchor)
	}
	b.ReportMetric(float64(len(d.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
