package analyze

import (
	"sync"

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
	// The tokens are gathered in a buffer kept from Doc to Doc and copied
	// out once at their count: a Doc's slice neither grows by doubling
	// nor holds spare room.
	buf := tokenBufs.Get().(*[]news.Token)
	toks := (*buf)[:0]
	spans := sentence.Split(d.Text)
	if cap(d.Sentences) < len(spans) {
		d.Sentences = make([]news.Sentence, 0, len(spans))
	}
	d.Sentences = d.Sentences[:0]
	para := 0
	for _, sp := range spans {
		for para+1 < len(d.Paragraphs) && d.Paragraphs[para+1].Start <= sp.Start {
			para++
		}
		first := len(toks)
		toks = token.Append(toks, d.Text, sp)
		d.Sentences = append(d.Sentences, news.Sentence{Span: sp, Paragraph: para, FirstToken: first, EndToken: len(toks)})
	}
	d.Tokens = d.Tokens[:0]
	if len(toks) > 0 {
		d.Tokens = make([]news.Token, len(toks))
		copy(d.Tokens, toks)
	}
	// the buffer must not keep this Doc's text alive
	clear(toks)
	*buf = toks[:0]
	tokenBufs.Put(buf)
	return nil
}

// tokenBufs holds the token buffers of segment.
var tokenBufs = sync.Pool{New: func() any { return new([]news.Token) }}

// Default returns the standard chain: segment, entities, time expressions,
// quotes, opinion sections, and Stamp, which records the Version.
func Default() (Chain, error) {
	tagger, err := entity.Default()
	if err != nil {
		return nil, err
	}
	return Chain{Segment, tagger, timex.Stage{}, quote.Stage{}, Opinion, Stamp}, nil
}
