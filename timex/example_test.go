package timex_test

import (
	"fmt"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// Tag finds the time expressions of a segmented doc and resolves them
// against the article's date; the tense decides which Wednesday is meant.
func ExampleTag() {
	d := &news.Doc{Article: news.Article{Text: "Baqeri on Wednesday received his Iraqi counterpart. " +
		"A Turkish delegation will visit Tehran next week, after a three-day visit to Ankara in mid-August."}}
	if err := analyze.Segment.Apply(d); err != nil {
		panic(err)
	}
	timex.Tag(d, time.Date(2017, 9, 28, 0, 0, 0, 0, time.UTC))
	for _, x := range d.Timexes {
		fmt.Println(x.Text, x.Type, x.Value, x.Mod, x.Future)
	}
	// Output:
	// Wednesday DATE 2017-09-27  false
	// next week DATE 2017-W40  true
	// three-day DURATION P3D  false
	// mid-August DATE 2017-08 MID false
}

// Interval turns a TimeML value into the days it covers.
func ExampleInterval() {
	for _, v := range []string{"2017-W40", "2017-08", "2017-Q3", "199"} {
		s, e, _ := timex.Interval(v)
		fmt.Println(v, s.Format("2006-01-02"), e.Format("2006-01-02"))
	}
	// Output:
	// 2017-W40 2017-10-02 2017-10-08
	// 2017-08 2017-08-01 2017-08-31
	// 2017-Q3 2017-07-01 2017-09-30
	// 199 1990-01-01 1999-12-31
}
