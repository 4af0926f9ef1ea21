package entity_test

import (
	"fmt"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
)

func ExampleTagger_Apply() {
	text := "Chief of Staff of the Iranian Armed Forces Major General Mohammad Baqeri received his Iraqi counterpart in Tehran. Baqeri said the talks went well."
	d := &news.Doc{Article: news.Article{ID: "a", Text: text, Paragraphs: []news.Span{{Start: 0, End: len(text)}}}}
	tagger, err := entity.Default()
	if err != nil {
		panic(err)
	}
	if err := analyze.Segment.Apply(d); err != nil {
		panic(err)
	}
	if err := tagger.Apply(d); err != nil {
		panic(err)
	}
	for _, m := range d.Mentions {
		if m.Type == news.Person {
			fmt.Printf("%s %q %q → %s\n", m.Type, m.Text, m.Titles, d.Entities[m.Entity].Name)
		}
	}
	// Output:
	// PER "Mohammad Baqeri" ["Chief of Staff of the Iranian Armed Forces" "Major General"] → Mohammad Baqeri
	// PER "Baqeri" [] → Mohammad Baqeri
}

func ExampleSameName() {
	fmt.Println(entity.SameName("Mohammad Hossein Baqeri", "Mohamed Bagheri"))
	fmt.Println(entity.SameName("al-Ghanmi", "Othman al-Ghanemi"))
	fmt.Println(entity.SameName("George Bush", "Jeb Bush"))
	// Output:
	// true
	// true
	// false
}
