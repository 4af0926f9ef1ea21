package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// scaleText returns size bytes of generated input of a kind: "text", the
// seed articles' paragraphs repeated; "oneline", the same on one line;
// "unpunctuated", their words without punctuation in one paragraph.
func scaleText(tb testing.TB, kind string, size int) string {
	files, _ := filepath.Glob(filepath.Join(seeds(tb), "*.txt"))
	var paras []string
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		_, body, _ := strings.Cut(string(b), "\n") // without the date line
		paras = append(paras, strings.TrimSpace(body))
	}
	text := strings.Join(paras, "\n\n")
	var sb strings.Builder
	switch kind {
	case "text":
		for sb.Len() < size {
			sb.WriteString(text)
			sb.WriteString("\n\n")
		}
	case "oneline":
		words := strings.Fields(text)
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(words[i%len(words)])
			sb.WriteByte(' ')
		}
	case "unpunctuated":
		words := strings.Fields(strings.Map(func(r rune) rune {
			if strings.ContainsRune(`.,;:!?"'()“”‘’—–-`, r) {
				return -1
			}
			return r
		}, text))
		sb.WriteString("Unpunctuated\n\n")
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(strings.ToLower(words[i%len(words)]))
			sb.WriteByte(' ')
		}
	}
	return sb.String()[:size]
}

// BenchmarkStagesBySize runs each step of the flow (reading, each
// analysis stage, the brief) over one generated article of 100 KB, 400 KB
// and 1.6 MB, to show which grow faster than their input: a linear step
// keeps its MB/s as the size grows fourfold, a quadratic one loses three
// quarters of it. Besides ns/op it
// reports cpu-ns/op, the process's CPU time, which a busy machine
// disturbs less than the wall clock. Run it with
//
//	go test -run XXX -bench StagesBySize -benchtime 1x ./cmd/storyline
func BenchmarkStagesBySize(b *testing.B) {
	chain, err := analyze.Default()
	if err != nil {
		b.Fatal(err)
	}
	rd, err := ingest.New(ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	measure := func(b *testing.B, size int, fn func()) {
		b.SetBytes(int64(size))
		c0 := testutil.CPUTime()
		for b.Loop() {
			fn()
		}
		b.ReportMetric(float64(testutil.CPUTime()-c0)/float64(b.N), "cpu-ns/op")
	}
	for _, kind := range []string{"text", "oneline", "unpunctuated"} {
		for _, size := range []int{100 << 10, 400 << 10, 1600 << 10} {
			in := scaleText(b, kind, size)
			name := fmt.Sprintf("%s/%dKB", kind, size>>10)
			var a *news.Article
			b.Run("read/"+name, func(b *testing.B) {
				measure(b, size, func() {
					for art, err := range rd.ReadFrom(kind+".txt", strings.NewReader(in)) {
						if err != nil {
							b.Fatal(err)
						}
						a = art
					}
				})
			})
			if a == nil {
				continue // not selected by -bench
			}
			d := &news.Doc{Article: *a}
			for _, st := range chain {
				before := *d
				b.Run(st.Name()+"/"+name, func(b *testing.B) {
					measure(b, size, func() {
						c := before
						if err := st.Apply(&c); err != nil {
							b.Fatal(err)
						}
						*d = c
					})
				})
			}
			b.Run("brief/"+name, func(b *testing.B) {
				measure(b, size, func() {
					if _, err := brief.Build(&news.Story{ID: "s", Docs: []*news.Doc{d}}, brief.DefaultConfig()); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}
