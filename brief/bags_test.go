package brief

import (
	"maps"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/storyline-news/storyline/internal/testdocs"
	"github.com/storyline-news/storyline/news"
)

// TestWordCacheSame checks that a wordCache gives what reading afresh
// gives: each sentence's words and tidied text, and the words of the
// whole text (read from the sentences' when they cover it), for a doc,
// for a copy of it, and for a doc it was not made for; and that its
// docs are read alike by goroutines at once.
func TestWordCacheSame(t *testing.T) {
	docs := testdocs.Basil(t, 40)
	c := newWordCache(docs)
	copies := make([]*news.Doc, len(docs))
	for i, d := range docs {
		cp := *d
		copies[i] = &cp
		c.alias(copies[i], d)
	}
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.text(docs[i])
		}()
	}
	wg.Wait()
	covered := 0
	for i, d := range docs {
		if sentencesCoverWords(d) {
			covered++
		}
		for _, x := range []*news.Doc{d, copies[i]} {
			if got, want := c.text(x), contentBag(d.Text); !maps.Equal(got, want) {
				t.Errorf("%s: whole text: got %d words, want %d", d.ID, len(got), len(want))
			}
			bs := c.sentences(x)
			if len(bs) != len(d.Sentences) {
				t.Fatalf("%s: %d sentence bags for %d sentences", d.ID, len(bs), len(d.Sentences))
			}
			for k := range d.Sentences {
				if !maps.Equal(bs[k], sentenceBag(d, k)) || !maps.Equal(c.sentence(x, k), sentenceBag(d, k)) {
					t.Errorf("%s: sentence %d: words differ", d.ID, k)
				}
				if got, want := c.tidied(x, k), tidy(d.SentenceText(k)); got != want {
					t.Errorf("%s: sentence %d: tidied %q, want %q", d.ID, k, got, want)
				}
			}
		}
	}
	if covered == 0 {
		t.Errorf("no doc's sentences cover its words: the whole text is never read from them")
	}
	// A doc the cache was not made for, and a copy with another text,
	// read afresh.
	other := *docs[0]
	other.Text += " Zanzibar"
	c.alias(&other, docs[0])
	if b := c.text(&other); b["zanzibar"] != 2 {
		t.Errorf("a copy with another text read the original's words")
	}
	var none *wordCache
	if !maps.Equal(none.text(docs[0]), contentBag(docs[0].Text)) {
		t.Errorf("nil cache: whole text differs")
	}
}

// TestSentencesCoverWords checks the test of whether a doc's sentences
// hold every word of its text whole.
func TestSentencesCoverWords(t *testing.T) {
	text := "Rain fell. Floods rose."
	for _, c := range []struct {
		sents []news.Sentence
		want  bool
	}{
		{[]news.Sentence{{Span: news.Span{Start: 0, End: 10}}, {Span: news.Span{Start: 11, End: 23}}}, true},
		{[]news.Sentence{{Span: news.Span{Start: 0, End: 10}}}, false},                                        // "Floods rose" outside
		{[]news.Sentence{{Span: news.Span{Start: 0, End: 7}}, {Span: news.Span{Start: 7, End: 23}}}, false},   // "fell" cut
		{[]news.Sentence{{Span: news.Span{Start: 0, End: 12}}, {Span: news.Span{Start: 11, End: 23}}}, false}, // overlap
	} {
		d := &news.Doc{Article: news.Article{Text: text}, Sentences: c.sents}
		if got := sentencesCoverWords(d); got != c.want {
			t.Errorf("%v: got %v, want %v", c.sents, got, c.want)
		}
	}
}

// TestTidyContentBagAsBefore checks tidy and contentBag, which read in
// place, against the plain readings they replaced, on every sentence of
// real articles and on texts with odd spaces and bytes.
func TestTidyContentBagAsBefore(t *testing.T) {
	plainTidy := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	plainBag := func(text string) bag {
		b := bag{}
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			w, v, ok := contentField(f)
			if ok && v > b[w] {
				b[w] = v
			}
		}
		return b
	}
	texts := []string{"", " ", "a", "a ", " a", "a  b", "a\tb", "a\u00a0b", "a\u0085b", "Rain fell.\n", "caf\xc3", "\xff Storms-hit coast -- twice -", "Élan vital, naïve cafés"}
	for _, d := range testdocs.Basil(t, 40) {
		texts = append(texts, d.Text)
		for k := range d.Sentences {
			texts = append(texts, d.SentenceText(k))
		}
	}
	for _, s := range texts {
		if got, want := tidy(s), plainTidy(s); got != want {
			t.Errorf("tidy(%q) = %q, want %q", s, got, want)
		}
		if got, want := contentBag(s), plainBag(s); !maps.Equal(got, want) {
			t.Errorf("contentBag(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestStoryRarityAsBefore checks storyRarity, counting with one look-up
// a word, against plain counting, on a story of real articles that holds
// one doc twice.
func TestStoryRarityAsBefore(t *testing.T) {
	docs := testdocs.Basil(t, 12)
	s := &news.Story{Docs: append(docs, docs[0])}
	df, nd, n := map[string]int{}, map[string]int{}, 0
	for _, d := range s.Docs {
		seen := map[string]bool{}
		for i := range d.Sentences {
			n++
			for w := range sentenceBag(d, i) {
				df[w]++
				if !seen[w] {
					seen[w] = true
					nd[w]++
				}
			}
		}
	}
	r := storyRarityWords(s, newWordCache(s.Docs))
	if r.n != n || len(r.of) != len(df) || !maps.Equal(r.docs, nd) {
		t.Fatalf("got %d sentences, %d words, want %d, %d; docs equal: %v", r.n, len(r.of), n, len(df), maps.Equal(r.docs, nd))
	}
	for w, k := range df {
		if want := exactWeight(math.Log(1 + float64(n)/float64(k))); r.of[w] != want {
			t.Errorf("%q: rarity %v, want %v", w, r.of[w], want)
		}
	}
}
