package brief

import (
	"maps"
	"testing"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// TestCiteFastSame checks the citer's one-pass readings against the
// functions they stand for, on real sentences and a few made ones:
// citeBag is stemBag(contentBag(·)) read by synonymOf, citeTidy is tidy, contentCount
// is len(contentBag(·)) up to claimWords, and peopleIn finds in one
// pass the people the text and its head name.
func TestCiteFastSame(t *testing.T) {
	texts := []string{"", " ", "  Two  spaces ", "tab\there", "a\u00a0nbsp", "Café -- co-op's  -well-",
		"Iranian presidents' talks, NEGOTIATED in 2017", "Obama, Biden and Obama met", "\xffbad utf8 Killing"}
	docs := testdocs.Basil(t, 6)
	for _, d := range docs {
		for i := range d.Sentences {
			texts = append(texts, d.SentenceText(i))
		}
	}
	s := &news.Story{ID: "s", Docs: docs}
	c := newLineCiter(s, entities(s), nil)
	if len(c.byRun) == 0 {
		t.Fatal("the story names no person: peopleIn is not tried")
	}
	named := 0
	for _, text := range texts {
		got, want := citeBag(text), synonymBag(stemBag(contentBag(text)))
		if len(got) != len(want) {
			t.Errorf("citeBag(%q) = %v, want %v", text, got, want)
		}
		for w, v := range want {
			if got[w] != v {
				t.Errorf("citeBag(%q)[%q] = %v, want %v", text, w, got[w], v)
			}
		}
		if of := citeBagOf(contentBag(text)); !maps.Equal(of, want) {
			t.Errorf("citeBagOf(contentBag(%q)) = %v, want %v", text, of, want)
		}
		if got, want := citeTidy(text), tidy(text); got != want {
			t.Errorf("citeTidy(%q) = %q, want %q", text, got, want)
		}
		if got, want := contentCount(text, claimWords), min(len(contentBag(text)), claimWords); got != want {
			t.Errorf("contentCount(%q) = %d, want %d", text, got, want)
		}
		head := len(text)
		for i := 0; i+1 < len(text); i++ {
			if text[i:i+2] == ", " {
				head = i
				break
			}
		}
		all, core := c.peopleIn(text, head)
		if want := peopleScan(c, text); !equalStrings(all, want) {
			t.Errorf("peopleIn(%q) = %q, want %q", text, all, want)
		}
		if want := peopleScan(c, text[:head]); !equalStrings(core, want) {
			t.Errorf("peopleIn(%q) head = %q, want %q", text, core, want)
		}
		named += len(all)
	}
	if named == 0 {
		t.Error("no sentence names a person: peopleIn is not checked")
	}
}

// peopleScan is peopleIn by trying every form of three bytes or more.
func peopleScan(c *lineCiter, text string) []string {
	var out []string
	for name, forms := range c.forms {
		for _, f := range forms {
			if len(f) >= 3 && containsName(text, f) {
				out = append(out, name)
				break
			}
		}
	}
	sortStrings(out)
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// BenchmarkNewLineCiter reads the sentences of small stories (those of
// BenchmarkBuildSmall) into a citer, as each Build does before citing:
// the citer's fixed cost per article.
//
//	go test -run XXX -bench NewLineCiter -benchmem ./brief
func BenchmarkNewLineCiter(b *testing.B) {
	stories := smallStories(b, 150)
	ents := make([][]news.Entity, len(stories))
	docs := 0
	for i, s := range stories {
		ents[i] = entities(s)
		docs += len(s.Docs)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, s := range stories {
			newLineCiter(s, ents[i], nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*docs)/1e6, "ms/doc")
}

// BenchmarkCiteBag reads the content words of the sentences of 40 real
// articles, as the citer reads every sentence of a story.
func BenchmarkCiteBag(b *testing.B) {
	var texts []string
	for _, d := range testdocs.Basil(b, 40) {
		for i := range d.Sentences {
			texts = append(texts, d.SentenceText(i))
		}
	}
	for b.Loop() {
		for _, t := range texts {
			citeBag(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/sentence")
}

// synonymBag reads a bag's words by synonymOf, each the most of the
// words it stands for.
func synonymBag(b bag) bag {
	out := bag{}
	for w, v := range b {
		k := synonymOf(w)
		out[k] = max(out[k], v)
	}
	return out
}
