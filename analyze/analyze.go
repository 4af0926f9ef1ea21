// Package analyze runs the fixed chain of stages that turns an Article into
// a Doc: sentences and tokens, entity mentions, time expressions, quotes and
// opinion sections. Each stage adds layers to the Doc; none re-reads the raw
// input.
package analyze

import (
	"fmt"

	"github.com/storyline-news/storyline/news"
)

// A Stage adds one or more layers to a Doc.
type Stage interface {
	// Name names the stage in errors and benchmarks.
	Name() string
	// Apply adds the stage's layers to d. It may rely on the layers of the
	// stages before it.
	Apply(d *news.Doc) error
}

// StageFunc adapts a function to the Stage interface.
type StageFunc struct {
	StageName string
	Fn        func(*news.Doc) error
}

// Name returns the stage's name.
func (s StageFunc) Name() string { return s.StageName }

// Apply runs the function.
func (s StageFunc) Apply(d *news.Doc) error { return s.Fn(d) }

// Chain is an ordered list of stages.
type Chain []Stage

// Doc runs every stage over a new Doc made from a and returns it, its
// layers trimmed to their length (a kept Doc holds no spare capacity).
func (c Chain) Doc(a *news.Article) (*news.Doc, error) {
	d := &news.Doc{Article: *a}
	for _, s := range c {
		if err := s.Apply(d); err != nil {
			return d, fmt.Errorf("analyze: %s: stage %s: %w", a.ID, s.Name(), err)
		}
	}
	compact(d)
	return d, nil
}
