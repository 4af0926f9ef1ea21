package quote_test

import (
	"fmt"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

func ExampleFind() {
	text := "Chief of Staff of the Iranian Armed Forces Major General Mohammad Baqeri received his Iraqi counterpart Major General Othman al-Ghanmi.\n\n" +
		"“We are so pleased with the gains of the Iraqi army,” he said.\n\n" +
		"The Iraqi official, for his part, said that Iraq would continue its fight against terrorism."
	d := &news.Doc{Article: news.Article{Text: text}}
	for _, q := range quote.Find(d) {
		fmt.Printf("%s (%q %s): %s\n", q.Speaker, q.Source.In(text), q.Cue.In(text), q.Content.In(text))
	}
	// Output:
	// Mohammad Baqeri ("he" said): “We are so pleased with the gains of the Iraqi army,”
	// Othman al-Ghanmi ("The Iraqi official" said): that Iraq would continue its fight against terrorism
}
