package entity_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// nameList makes a plain text of about size bytes that is a list of
// person names, one a line: the abuse of a file that is no article.
// Its given names are 600 made from 30 starts and 20 ends and its
// surnames 300 from 20 starts and 15 ends, drawn with weights 1/rank
// so that the commonest surnames are shared by thousands of lines and
// hundreds of given names, many of them a letter apart.
func nameList(size int, manyGiven bool) string {
	ons := strings.Fields("Al Ber Car Dan El Fran Ger Hel Is Jo Kar Lu Mar Nor Ol Pet Ros Sam Ter Val Wal Ed Ben Cla Dor Em Gil Har Ir Jul")
	ens := strings.Fields("a o ina elle ton ian ric win ley ette us mond ald bert ine ia y en as ard")
	surOns := strings.Fields("Ander Bren Cal Dev Fitz Gold Har Kel Lind Mor Nel Pal Rich Stan Thom Wil Black Green Hart Row")
	surEns := strings.Fields("son man berg ley er field wood ton stein ford well more ridge worth by")
	var firsts, surs []string
	for _, o := range ons {
		for _, e := range ens {
			firsts = append(firsts, o+e)
		}
	}
	if manyGiven {
		var more []string
		for _, f := range firsts {
			for _, m := range []string{"", "an", "el", "or", "is", "und"} {
				more = append(more, f+m)
			}
		}
		firsts = more
	}
	for _, o := range surOns {
		for _, e := range surEns {
			surs = append(surs, o+e)
		}
	}
	// cumulative weights 1/rank
	cum := make([]float64, len(surs))
	t := 0.0
	for i := range surs {
		t += 1 / float64(i+1)
		cum[i] = t
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < size {
		x := r.Float64() * t
		s := 0
		for cum[s] < x {
			s++
		}
		b.WriteString(firsts[r.IntN(len(firsts))])
		b.WriteByte(' ')
		b.WriteString(surs[s])
		b.WriteByte('\n')
	}
	return b.String()
}

// BenchmarkNameList runs the entity stage (Apply) and the merge of its
// entities (Merge) over a 770 KB list of person names, a document far
// from an article's shape: their cost must grow near linearly with its
// mentions, not with their square.
func BenchmarkNameList(b *testing.B) {
	for _, many := range []bool{false, true} {
		name := "given=600"
		if many {
			name = "given=3600"
		}
		b.Run(name, func(b *testing.B) { benchNameList(b, nameList(770_000, many)) })
	}
}

func benchNameList(b *testing.B, text string) {
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	// read as `storyline brief` reads a plain-text file: its lines, no
	// blank one between them, are one paragraph
	rd, err := ingest.New(ingest.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	var d *news.Doc
	for a, err := range rd.ReadFrom("names.txt", strings.NewReader(text)) {
		if err != nil {
			b.Fatal(err)
		}
		d = &news.Doc{Article: *a}
	}
	if err := analyze.Segment.Apply(d); err != nil {
		b.Fatal(err)
	}
	b.Run("Apply", func(b *testing.B) {
		c0 := testutil.CPUTime()
		for i := 0; i < b.N; i++ {
			if err := tg.Apply(d); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(d.Mentions)), "mentions")
		b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
	})
	if err := tg.Apply(d); err != nil {
		b.Fatal(err)
	}
	b.Run("Merge", func(b *testing.B) {
		c0 := testutil.CPUTime()
		for i := 0; i < b.N; i++ {
			entity.Merge([]*news.Doc{d})
		}
		b.ReportMetric(float64(len(d.Entities)), "entities")
		b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
	})
}
