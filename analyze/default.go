package analyze

import (
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/sentence"
	"github.com/storyline-news/storyline/timex"
	"github.com/storyline-news/storyline/token"
)

// Segment is the first stage: it fills Sentences and Tokens.
var Segment = StageFunc{StageName: "segment", Fn: segment}

func segment(d *news.Doc) error {
	d.Sentences = d.Sentences[:0]
	d.Tokens = d.Tokens[:0]
	para := 0
	for _, sp := range sentence.Split(d.Text) {
		for para+1 < len(d.Paragraphs) && d.Paragraphs[para+1].Start <= sp.Start {
			para++
		}
		first := len(d.Tokens)
		d.Tokens = token.Append(d.Tokens, d.Text, sp)
		d.Sentences = append(d.Sentences, news.Sentence{Span: sp, Paragraph: para, FirstToken: first, EndToken: len(d.Tokens)})
	}
	return nil
}

// Default returns the standard chain: segment, entities, time expressions,
// quotes, opinion sections, and Stamp, which records the Version.
func Default() (Chain, error) {
	tagger, err := entity.Default()
	if err != nil {
		return nil, err
	}
	return Chain{Segment, tagger, timex.Stage{}, quote.Stage{}, Opinion, Stamp}, nil
}
