package entity_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

var dateHeader = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s*`)

// docOf builds a doc from plain text with the lead's segmenter.
func docOf(t testing.TB, id, text string) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id, Text: text}}
	off := 0
	for _, p := range strings.Split(text, "\n\n") {
		d.Paragraphs = append(d.Paragraphs, news.Span{Start: off, End: off + len(p)})
		off += len(p) + 2
	}
	if err := analyze.Segment.Apply(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func seedDocs(t testing.TB) []*news.Doc {
	dir := testutil.Shared(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "0*.txt"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	tg, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*news.Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := dateHeader.ReplaceAllString(string(b), "")
		id := strings.SplitN(filepath.Base(f), "_", 2)[0]
		d := docOf(t, id, strings.TrimSpace(text))
		if err := tg.Apply(d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// seedPeople are the people of the seed story (EXPECTED.md) with every
// form, titles left out, that the articles use for them.
var seedPeople = []struct {
	forms []string
	role  string
}{
	{[]string{"Mohammad Baqeri", "Baqeri", "Mohamed Bagheri", "Bagheri", "Mohammad Hossein Baqeri", "Mohammad Bagheri", "Hossein Bagheri"}, "Chief of Staff of the Iranian Armed Forces"},
	{[]string{"Othman al-Ghanmi", "Ghanmi", "Othman al-Ghanemi", "al-Ghanemi"}, ""},
	{[]string{"Hulusi Akar", "Akar"}, ""},
	{[]string{"Recep Tayyip Erdogan"}, "Turkish President"},
	{[]string{"Haider al-Abadi"}, "Iraqi Prime Minister"},
	{[]string{"Hassan Rouhani"}, ""},
	{[]string{"Khamenei"}, ""},
	{[]string{"Benjamin Netanyahu"}, ""},
}

func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	ents := entity.Merge(docs)
	has := func(e news.Entity, f string) bool {
		for _, x := range e.Forms {
			if x == f {
				return true
			}
		}
		return false
	}
	owner := map[int]int{} // entity → person
	for pi, p := range seedPeople {
		var hits []int
		for ei, e := range ents {
			for _, f := range p.forms {
				if has(e, f) {
					hits = append(hits, ei)
					break
				}
			}
		}
		if len(hits) != 1 {
			for _, h := range hits {
				t.Logf("  %q: %q", ents[h].Name, ents[h].Forms)
			}
			t.Errorf("%s: in %d entities, want 1", p.forms[0], len(hits))
			continue
		}
		e := ents[hits[0]]
		if e.Type != news.Person {
			t.Errorf("%s: type %s", p.forms[0], e.Type)
		}
		for _, f := range p.forms {
			if !has(e, f) {
				t.Errorf("%s: form %q missing from %q", p.forms[0], f, e.Forms)
			}
		}
		if q, ok := owner[hits[0]]; ok {
			t.Errorf("%s and %s are one entity %q", seedPeople[q].forms[0], p.forms[0], e.Name)
		}
		owner[hits[0]] = pi
		if p.role != "" && !slices.Contains(e.Roles, p.role) {
			t.Errorf("%s: role %q missing from %q", p.forms[0], p.role, e.Roles)
		}
	}
	for _, want := range []struct{ name, form string }{
		{"Kurdistan Regional Government", "KRG"},
		{"Popular Mobilization Forces", "P.M.F."},
	} {
		found := false
		for _, e := range ents {
			if has(e, want.name) && has(e, want.form) {
				found = true
			}
		}
		if !found {
			t.Errorf("no entity holds both %q and %q", want.name, want.form)
		}
	}
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Entity < 0 || m.Entity >= len(d.Entities) {
				t.Errorf("%s: mention %q has entity %d of %d", d.ID, m.Text, m.Entity, len(d.Entities))
			}
			if m.Span.In(d.Text) != m.Text {
				t.Errorf("%s: mention text %q is not its span %q", d.ID, m.Text, m.Span.In(d.Text))
			}
			if len(m.Titles) > 0 && !m.TitleSpan.Contains(m.Span) {
				t.Errorf("%s: title span %v does not cover %q", d.ID, m.TitleSpan, m.Text)
			}
		}
	}
	if testing.Verbose() {
		for _, e := range ents {
			t.Logf("%s %q forms=%q roles=%q sources=%v", e.Type, e.Name, e.Forms, e.Roles, e.Sources)
		}
	}
}

func FuzzApply(f *testing.F) {
	f.Add("Iraqi Prime Minister Haider al-Abadi met Gen. Hulusi Akar, the chief of the General Staff, in Baghdad.")
	f.Add("Turkey's Chief of the General Staff, Hulusi Akar, is to visit.")
	f.Add("Mr. . , ( ) 's Maj. Gen. Lt.-Gen. al- Smith (KRG)")
	f.Add("")
	tg, err := entity.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := docOf(t, "f", text)
		if err := tg.Apply(d); err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				t.Fatalf("bad span %v", m.Span)
			}
			if m.Entity < 0 || m.Entity >= len(d.Entities) {
				t.Fatalf("mention %q has entity %d of %d", m.Text, m.Entity, len(d.Entities))
			}
		}
		entity.Merge([]*news.Doc{d, d})
	})
}

// BenchmarkApply runs the entity stage over the seed articles and
// reports tokens per second.
func BenchmarkApply(b *testing.B) {
	docs := seedDocs(b)
	tg, err := entity.Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := tg.Apply(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMerge merges the seed story's entities.
func BenchmarkMerge(b *testing.B) {
	docs := seedDocs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entity.Merge(docs)
	}
}

// TestConcurrentApply tags docs from several goroutines at once, as
// analyze may; run with -race.
func TestConcurrentApply(t *testing.T) {
	docs := seedDocs(t)
	tg, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]int, len(docs))
	for i, d := range docs {
		want[i] = len(d.Mentions)
	}
	done := make(chan error)
	for i, d := range docs {
		go func() {
			c := *d
			c.Mentions, c.Entities = nil, nil
			err := tg.Apply(&c)
			if err == nil && len(c.Mentions) != want[i] {
				err = fmt.Errorf("%s: %d mentions, want %d", c.ID, len(c.Mentions), want[i])
			}
			done <- err
		}()
	}
	for range docs {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
