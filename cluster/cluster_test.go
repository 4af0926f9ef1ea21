package cluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/textvec"
)

// mkDoc builds a doc with tokens split on spaces (punctuation kept apart)
// and the given person names as entities, each mentioned once.
func mkDoc(id string, date time.Time, title, text string, people ...string) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id, Title: title, Text: text}, Date: date}
	start := 0
	for _, f := range strings.Fields(text) {
		i := strings.Index(text[start:], f) + start
		w := strings.Trim(f, ".,")
		j := i + strings.Index(f, w)
		d.Tokens = append(d.Tokens, news.Token{Span: news.Span{Start: j, End: j + len(w)}})
		start = i + len(f)
	}
	d.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: len(text)}, EndToken: len(d.Tokens)}}
	for k, p := range people {
		d.Entities = append(d.Entities, news.Entity{Name: p, Type: news.Person})
		d.Mentions = append(d.Mentions, news.Mention{Text: p, Type: news.Person, Entity: k})
	}
	return d
}

var day0 = time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)

func TestSameEventJoinsOtherEventStartsAStory(t *testing.T) {
	c := New(Config{})
	a := c.Add(mkDoc("a", day0, "Flood hits Carver", "Floodwaters swept through Carver on Monday, forcing hundreds of families from their homes as the river burst its banks. Governor Ada Quist toured the flooded streets.", "Ada Quist"))
	b := c.Add(mkDoc("b", day0.AddDate(0, 0, 1), "Carver families flee river flood", "Hundreds of families fled their homes in Carver after the river burst its banks and floodwaters swept through the town. Governor Ada Quist visited shelters.", "Ada Quist"))
	// three weeks later, the same person, another event
	x := c.Add(mkDoc("x", day0.AddDate(0, 0, 22), "Quist signs budget", "Governor Ada Quist signed the state budget on Friday, raising teacher pay and cutting the fuel tax after months of negotiation with lawmakers.", "Ada Quist"))
	if !a.New || b.New || b.Story != a.Story {
		t.Errorf("the second report of the flood did not join the first: %+v %+v", a, b)
	}
	if !x.New || x.Story == a.Story {
		t.Errorf("a budget signing three weeks later joined the flood story: %+v", x)
	}
}

func TestNearDuplicate(t *testing.T) {
	c := New(Config{})
	text := "Floodwaters swept through Carver on Monday, forcing hundreds of families from their homes as the river burst its banks after three days of heavy rain, officials said, and the governor declared an emergency in four counties."
	a := c.Add(mkDoc("wire", day0, "Flood hits Carver", text))
	b := c.Add(mkDoc("reprint", day0, "Flood hits Carver", strings.Replace(text, "four counties", "four northern counties", 1)))
	if b.DuplicateOf != "wire" || b.Story != a.Story {
		t.Errorf("reprint not linked to the wire copy: %+v", b)
	}
}

func TestDeterministicAndGroup(t *testing.T) {
	docs := []*news.Doc{
		mkDoc("1", day0, "Flood hits Carver", "Floodwaters swept through Carver forcing families from homes as the river burst its banks."),
		mkDoc("2", day0.AddDate(0, 0, 2), "Bank raises rates", "The central bank raised interest rates by a quarter point citing inflation."),
		mkDoc("3", day0.AddDate(0, 0, 1), "Carver flood", "Families fled Carver homes as floodwaters swept through after the river burst its banks."),
		mkDoc("4", time.Time{}, "Rates rise", "Interest rates rise again as the central bank fights inflation with a quarter point increase."),
	}
	g1 := Group(docs, Config{})
	g2 := Group(docs, Config{})
	if fmt.Sprint(g1) != fmt.Sprint(g2) {
		t.Fatal("Group is not deterministic")
	}
	var got []string
	for _, s := range g1 {
		var ids []string
		for _, d := range s {
			ids = append(ids, d.ID)
		}
		got = append(got, strings.Join(ids, ","))
	}
	if want := "1,3 2,4"; strings.Join(got, " ") != want {
		t.Errorf("Group = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestRestore(t *testing.T) {
	c := New(Config{})
	c.Restore(mkDoc("1", day0, "Flood hits Carver", "Floodwaters swept through Carver forcing families from homes as the river burst its banks."), "carver-flood")
	a := c.Add(mkDoc("2", day0.AddDate(0, 0, 1), "Carver flood", "Families fled Carver homes as floodwaters swept through after the river burst its banks."))
	if a.Story != "carver-flood" || a.New {
		t.Errorf("doc did not join the restored story: %+v", a)
	}
}

func TestConcurrentAdd(t *testing.T) {
	c := New(Config{})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				c.Add(mkDoc(fmt.Sprintf("%d-%d", g, i), day0.AddDate(0, 0, i), "Flood", "Floodwaters swept through Carver forcing families from homes."))
			}
		}()
	}
	wg.Wait()
	if c.Stories() == 0 {
		t.Error("no story")
	}
}

func TestWindowRetiresStories(t *testing.T) {
	c := New(Config{Window: 30 * 24 * time.Hour})
	text := "Floodwaters swept through Carver forcing families from homes as the river burst its banks."
	c.Add(mkDoc("1", day0, "Flood hits Carver", text))
	// a year later (the stream has moved on: one doc alone does not
	// leap the clock) the old story is out of the index: even the same
	// words start a new story (and are no duplicate of a retired doc)
	c.Add(mkDoc("other", day0.AddDate(1, 0, 0), "Budget passes", "The city council passed its budget after a long night of talks."))
	a := c.Add(mkDoc("2", day0.AddDate(1, 0, 0), "Flood hits Carver", text))
	if !a.New || a.DuplicateOf != "" {
		t.Errorf("a retired story was found: %+v", a)
	}
}

func TestLoneMisdatedDocKeepsTheClock(t *testing.T) {
	c := New(Config{Window: 30 * 24 * time.Hour})
	text := "Floodwaters swept through Carver forcing families from homes as the river burst its banks."
	c.Add(mkDoc("1", day0, "Flood hits Carver", text))
	// an article misdated by decades does not retire every story
	c.Add(mkDoc("misdated", day0.AddDate(80, 0, 0), "Budget passes", "The city council passed its budget after a long night of talks."))
	a := c.Add(mkDoc("2", day0.AddDate(0, 0, 2), "Flood hits Carver", text))
	if a.New || a.Story != "1" {
		t.Errorf("one misdated doc retired the story: %+v", a)
	}
	// two docs past the clock's reach do move it (a stream resumed)
	c.Add(mkDoc("later1", day0.AddDate(1, 0, 0), "Budget passes", "The city council passed its budget after a long night of talks."))
	c.Add(mkDoc("later2", day0.AddDate(1, 0, 1), "Budget passes", "The city council passed its budget after a long night of talks."))
	b := c.Add(mkDoc("3", day0.AddDate(1, 0, 1), "Flood hits Carver", text))
	if !b.New {
		t.Errorf("the story outlived its window after the stream moved on: %+v", b)
	}
}

func TestWindowStretchesWithTheStorysSpan(t *testing.T) {
	c := New(Config{Window: 30 * 24 * time.Hour})
	text := "Floodwaters swept through Carver forcing families from homes as the river burst its banks."
	c.Add(mkDoc("1", day0, "Flood hits Carver", text))
	c.Add(mkDoc("2", day0.AddDate(0, 0, 25), "Flood hits Carver", text))
	c.Add(mkDoc("3", day0.AddDate(0, 0, 50), "Flood hits Carver", text))
	// the story has run 50 days: it stays in the index 30+50 days after
	// its last doc, so a copy 60 days later still finds it
	a := c.Add(mkDoc("4", day0.AddDate(0, 0, 110), "Flood hits Carver", text))
	if a.New || a.Story != "1" {
		t.Errorf("a story that has run 50 days was retired 60 days after its last doc: %+v", a)
	}
	// 200 days on, past 30 + its span (at most 30 more), it is retired
	for _, id := range []string{"other1", "other2"} {
		c.Add(mkDoc(id, day0.AddDate(0, 0, 310), "Budget passes", "The city council passed its budget after a long night of talks."))
	}
	b := c.Add(mkDoc("5", day0.AddDate(0, 0, 310), "Flood hits Carver", text))
	if !b.New {
		t.Errorf("a story found 200 days after its last doc: %+v", b)
	}
}

func TestNearFadesAtTheStorysPace(t *testing.T) {
	c := New(Config{})
	text := "Floodwaters swept through Carver forcing families from homes."
	doc := mkDoc("d", day0.AddDate(0, 0, 80), "Flood", text, "Ada Quist")
	f := c.x.extract(doc, &c.cfg)
	v := c.weigh(f)
	ents := func(first, last time.Time) float64 {
		s := &story{first: first, last: last}
		c.add(s, v)
		return c.compare(s, f, v)[2] // ents_centroid
	}
	// 20 days after a story told in one day, the shared name has all
	// but faded; 20 days after one that has run two months, it counts
	short := ents(day0.AddDate(0, 0, 60), day0.AddDate(0, 0, 60))
	long := ents(day0, day0.AddDate(0, 0, 60))
	if !(long > 0.5 && short < 0.1) {
		t.Errorf("ents_centroid 20 days after a one-day story %.3f, after a 60-day story %.3f", short, long)
	}
}

func TestValidate(t *testing.T) {
	if err := (Config{}).Validate(); err != nil {
		t.Errorf("zero config: %v", err)
	}
	for _, c := range []Config{{Threshold: 2}, {MaxLinks: -1}, {DuplicateThreshold: 1.5}, {Window: -time.Hour}} {
		if err := c.Validate(); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}

func TestFitLearnsTheRule(t *testing.T) {
	// same story when text_centroid > 0.5, whatever the other features
	var ex []Example
	for i := range 200 {
		var x [nFeatures]float64
		x[0] = float64(i%100) / 100
		x[5] = float64((i*37)%100) / 100
		ex = append(ex, Example{X: x, Same: x[0] > 0.5})
	}
	m := Fit(ex, 0.01)
	if err := m.check(); err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for _, e := range ex {
		if (m.prob(&e.X) >= 0.5) != e.Same {
			wrong++
		}
	}
	if wrong > 4 || m.Weights[0] <= 0 || math.Abs(m.Weights[5]) > m.Weights[0]/5 {
		t.Errorf("fitted %v bias %g: %d of %d wrong", m.Weights, m.Bias, wrong, len(ex))
	}
}

func TestParseModelChecksFeatures(t *testing.T) {
	m := DefaultModel()
	if _, err := ParseModel(m.JSON()); err != nil {
		t.Fatal(err)
	}
	m.Features = m.Features[1:]
	m.Weights = m.Weights[1:]
	if _, err := ParseModel(m.JSON()); !errors.Is(err, ErrConfig) {
		t.Errorf("a model with other features was read: %v", err)
	}
	if err := (Config{Model: &m}).Validate(); !errors.Is(err, ErrConfig) {
		t.Errorf("Validate took a model with other features: %v", err)
	}
}

func TestExamplesLabelGoldStories(t *testing.T) {
	docs := []*news.Doc{
		mkDoc("a", day0, "Flood hits Carver", "Floodwaters swept through Carver on Monday as the river burst its banks.", "Ada Quist"),
		mkDoc("b", day0.AddDate(0, 0, 1), "Carver flood", "The river burst its banks and floodwaters swept through Carver.", "Ada Quist"),
		mkDoc("c", day0.AddDate(0, 0, 2), "Carver river flood", "Floodwaters from the river swept through Carver homes.", "Ada Quist"),
	}
	ex := Examples(docs, []string{"f", "f", "g"}, Config{})
	var pos, neg int
	for _, e := range ex {
		if e.Same {
			pos++
		} else {
			neg++
		}
	}
	// b meets story f (same); c meets story f (other)
	if pos != 1 || neg != 1 {
		t.Errorf("got %d same-story and %d other examples, want 1 and 1", pos, neg)
	}
}

// TestDotDense checks that dotDense gives textvec.Dot's float64 exactly
// on random sparse vectors with some terms shared.
func TestDotDense(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vec := func(n, ids int) textvec.Vector {
		var v textvec.Vector
		for id := range ids {
			if r.IntN(ids) < n {
				v = append(v, textvec.Entry{ID: uint32(id), W: r.Float64()})
			}
		}
		return v
	}
	dense := make([]float64, 400)
	for range 200 {
		a, b := vec(60, 400), vec(300, 400)
		for _, e := range a {
			dense[e.ID] = e.W
		}
		if got, want := dotDense(dense, b), textvec.Dot(a, b); got != want {
			t.Fatalf("dotDense = %v, Dot = %v", got, want)
		}
		for _, e := range a {
			dense[e.ID] = 0
		}
	}
}

// TestCounts checks the extractor's counts against textvec.Counts.
func TestCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	x := newExtractor()
	for i := range 300 {
		x.vocab.ID(fmt.Sprint(i))
	}
	for n := range 200 {
		ids := make([]uint32, n)
		for i := range ids {
			ids[i] = uint32(r.IntN(1 + n/2))
		}
		if got, want := x.counts(ids), textvec.Counts(ids, nil); !slices.Equal(got, want) {
			t.Fatalf("counts(%v) = %v, want %v", ids, got, want)
		}
	}
}
