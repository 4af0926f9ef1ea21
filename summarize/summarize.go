// Package summarize chooses a short, non-redundant, cited set of sentences
// that tells a story.
//
// The summarizer is extractive and unsupervised. It follows the concept
// coverage model of ICSISumm (Gillick and Favre, 2009): the concepts of a
// story are the stemmed word bigrams that several of its articles use,
// each weighted by the number of articles that use it, and a summary is
// the set of sentences, within the length budget, that covers the most
// concept weight, found greedily by gain per length^0.7. Covering a
// concept twice earns nothing, so redundancy is avoided by construction.
// Sentences early in their article and sentences central to the story
// (MEAD's centroid score) earn a bonus. Spellings of a name that differ
// by an edit or two (Baqeri, Bagheri) count as one word. Questions,
// quotations, first- and second-person sentences, very short or long
// ones, opinion sections and page debris are left out, and a sentence
// that opens on a word needing a referent (he, but, the official, during
// the meeting) enters only right after the sentence it follows. The chosen sentences are
// put in the order of their articles' dates and their place in the
// article, and each cites every article that states the same thing.
//
// Briefs summarise analysed docs (entity mentions, time expressions
// resolved against the dates the brief trusts), and then the summarizer
// also reasons about happenings (event.go): a sentence reports what
// happened on the days its time expressions name (or, naming none, on
// the day of the sentence it goes on from, or of its article's lead),
// to participants that are the story's merged entities. Two sentences
// that agree on the day, share participants and share words or a kind
// of happening (met, held talks, discussed) state the same happening:
// only one of them enters, and it cites every article that holds either.
// Among candidates, the greedy search favours sentences several articles
// support, informative ones (people, bodies, a date, figures) over
// teasers, and days the summary has not told yet over more about a
// happening already told or background from before the story. Each
// chosen sentence then gives way to the clearest report of its happening
// (more people, bodies, dates and figures named, more articles behind
// it) when the summary stays within 1.15 times the budget. The summary is
// ordered by the date of the happening each line reports, a sentence
// leaning on the one before it kept right after it. Descriptions that
// point back ("The Iranian top military official", "The representative
// also") count as dangling in briefs.
// Plain documents, as evaluation sets give them, have no such layers and
// are summarised by words alone.
//
// Two classic baselines are included for evaluation: LexRank (Erkan and
// Radev, 2004) and a centroid summarizer (Radev et al., 2004).
package summarize

import (
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/news"
)

// Method names a way to choose sentences.
type Method string

// The methods the package implements.
const (
	// Coverage is the default: bigram concept coverage (ICSISumm-like).
	Coverage Method = "coverage"
	// LexRank ranks sentences by PageRank over their cosine similarity graph.
	LexRank Method = "lexrank"
	// Centroid ranks sentences by their similarity to the cluster's
	// tf-idf centroid, with position and first-sentence overlap.
	Centroid Method = "centroid"
)

// Options bound a summary.
type Options struct {
	// Words is the budget in words (0: no word limit).
	Words int
	// Bytes is the budget in bytes (0: no byte limit).
	Bytes int
	// Method chooses the algorithm; "" means Coverage.
	Method Method
	// Overflow lets one last sentence run past the budget, for scorers
	// (ROUGE's -l and -b) that cut the summary at the budget themselves.
	// Without it the summary is whole sentences close to the budget and
	// never longer than 1.3 times it.
	Overflow bool
	// Entities are the story's entities merged across its docs
	// (entity.Merge), when the caller has them already; with none, a
	// summary of analysed docs merges them itself.
	Entities []news.Entity
	// EntitiesFrom, when set, gives the entities instead of Entities:
	// the summary calls it once, after reading the docs' sentences and
	// before it needs the entities, so that a caller may still be
	// merging them meanwhile. It returns nil when the caller has none.
	EntitiesFrom func() []news.Entity
}

// ErrOptions is returned for options that cannot be used.
var ErrOptions = errors.New("summarize: bad options")

// Validate reports whether the options can be used.
func (o Options) Validate() error {
	switch {
	case o.Words < 0 || o.Bytes < 0:
		return fmt.Errorf("%w: negative budget (%d words, %d bytes)", ErrOptions, o.Words, o.Bytes)
	case o.Method != "" && o.Method != Coverage && o.Method != LexRank && o.Method != Centroid:
		return fmt.Errorf("%w: unknown method %q", ErrOptions, o.Method)
	}
	return nil
}

// budget returns the limit in words and bytes, 100 words by default.
func (o Options) budget() (words, bytes int) {
	if o.Words <= 0 && o.Bytes <= 0 {
		return 100, 0
	}
	return o.Words, o.Bytes
}

// Story returns the summary of a story, each line citing the sources that
// support it. It works on analysed docs: their Sentences over their Text.
func Story(s *news.Story, opt Options) []news.SummaryLine {
	if s == nil {
		return nil
	}
	return Docs(s.Docs, opt)
}

// Docs returns the summary of a set of analysed docs.
func Docs(docs []*news.Doc, opt Options) []news.SummaryLine {
	ents := func() []news.Entity { return opt.Entities }
	if opt.EntitiesFrom != nil {
		ents = opt.EntitiesFrom
	}
	c := newPoolFrom(docs, ents)
	var chosen []int
	switch opt.Method {
	case LexRank:
		chosen = c.rankSelect(c.lexRank(), opt)
	case Centroid:
		chosen = c.rankSelect(c.centroid(), opt)
	default:
		chosen = c.coverage(opt)
	}
	return c.lines(chosen, opt)
}
