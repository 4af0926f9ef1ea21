package summarize

import "github.com/storyline-news/storyline/news"

// bySentence indexes a document's mentions and time expressions by the
// sentence they lie in, so that a pass over the sentences reads each
// once instead of every one for every sentence.
type bySentence struct {
	mentions [][]int // indexes into Doc.Mentions, in order
	timexes  [][]int // indexes into Doc.Timexes, in order
}

func indexBySentence(d *news.Doc) bySentence {
	ix := bySentence{mentions: make([][]int, len(d.Sentences)), timexes: make([][]int, len(d.Sentences))}
	for k, m := range d.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
			ix.mentions[m.Sentence] = append(ix.mentions[m.Sentence], k)
		}
	}
	for k, x := range d.Timexes {
		if x.Sentence >= 0 && x.Sentence < len(d.Sentences) {
			ix.timexes[x.Sentence] = append(ix.timexes[x.Sentence], k)
		}
	}
	return ix
}
