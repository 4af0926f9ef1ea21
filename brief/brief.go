// Package brief turns a Story into a Brief: the sources and the dates
// trusted for them, a cited summary, a timeline, the people, organisations
// and places merged across outlets, who said what, and where the sources
// disagree. It also renders briefs as Markdown, JSON and HTML.
//
// Each summary and timeline line cites the sources whose sentences state
// it, as a small logistic model judges (cite.model.json, read on first
// use). The model is trained on ECB+'s cross-document event coreference,
// never on the briefs set, by
//
//	go run ./brief/citetrain --threshold 0.75
//
// whose doc says how; the threshold was chosen on the briefs set leaving
// one story out (TestCiteThresholdCV).
package brief

import (
	"errors"
	"fmt"
	"sync"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/summarize"
)

// Config sets how a brief is made.
type Config struct {
	// Words is the summary's budget in words.
	Words int
}

// DefaultConfig returns the configuration the command line starts from.
func DefaultConfig() Config { return Config{Words: 100} }

// Validate reports whether the configuration can be used.
func (c Config) Validate() error {
	if c.Words <= 0 {
		return fmt.Errorf("brief: summary length must be positive, got %d words", c.Words)
	}
	return nil
}

// ErrEmptyStory is returned by Build for a story without documents.
var ErrEmptyStory = errors.New("brief: story has no articles")

// Build makes the brief of a story. It first decides which date to trust
// for every doc and reads its time expressions against that date, in
// copies of the docs that it keeps: the story and its docs are not
// changed, nor their order.
func Build(s *news.Story, cfg Config) (*news.Brief, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if len(s.Docs) == 0 {
		return nil, ErrEmptyStory
	}
	s, read := datedStoryRead(s)
	// The stages after the dates read only what the stages before made,
	// and each writes its own part, so each starts as soon as what it
	// reads is made: the timeline, the date conflicts and the copies
	// need only the dates, and the summary reads the sentences before it
	// waits for the entities. They run beside the entities, the quotes
	// and the other conflicts, which are appended in one order whatever
	// finishes first.
	var wg sync.WaitGroup
	beside := func(fn func()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn()
		}()
	}
	b := &news.Brief{Sources: sources(s)}
	var dated []news.Conflict
	beside(func() { b.Timeline = timelineWords(s, read.words) })
	beside(func() { dated = withKind(dateConflictsRead(s, read), "date") })
	var orig map[string]string
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		orig = copies(s.Docs)
	}()
	var ents []news.Entity
	merged := make(chan struct{})
	beside(func() {
		b.Summary = summarize.Story(s, summarize.Options{Words: cfg.Words, EntitiesFrom: func() []news.Entity {
			<-merged
			return ents
		}})
	})
	ents = entities(s)
	close(merged)
	b.Entities = ents
	b.Quotes = quotes(s, b.Entities)
	<-copied
	rest := attributionConflicts(b.Quotes, b.Entities, orig)
	rest = append(rest, entityConflicts(s, b.Entities)...)
	if originals(s, orig) >= 2 {
		// Figures, days, clock times and outcomes conflict only
		// between two sources that copy no other.
		rest = append(rest, figureConflicts(s, b.Entities, orig)...)
		rest = append(rest, dayConflicts(s, orig)...)
		rest = append(rest, outcomeConflicts(s, orig)...)
	}
	wg.Wait()
	b.Conflicts = append(dated, rest...)
	dropFurnitureRead(b, s, read.words)
	if !citesOnlyItsDoc(b, s) {
		citeLinesRead(b, s, b.Entities, orig, read.words)
	}
	markCopies(b, orig)
	normalise(b)
	return b, nil
}

// normalise turns nil sections into empty ones, so that JSON shows every
// section as a list.
func normalise(b *news.Brief) {
	if b.Sources == nil {
		b.Sources = []news.Source{}
	}
	if b.Summary == nil {
		b.Summary = []news.SummaryLine{}
	}
	if b.Timeline == nil {
		b.Timeline = []news.TimelineEntry{}
	}
	if b.Entities == nil {
		b.Entities = []news.Entity{}
	}
	if b.Quotes == nil {
		b.Quotes = []news.QuoteEntry{}
	}
	if b.Conflicts == nil {
		b.Conflicts = []news.Conflict{}
	}
}
