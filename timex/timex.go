// Package timex finds time expressions in English news text and normalises
// them to TimeML values (2017-09-27, 2017-W40, 2017-08, P3D) against the
// article's date.
package timex

import (
	"time"

	"github.com/storyline-news/storyline/news"
)

// Tag replaces d.Timexes with the time expressions of d.Text, normalised
// against anchor (the zero time leaves relative expressions unresolved).
// It needs d.Sentences and d.Tokens.
func Tag(d *news.Doc, anchor time.Time) {}

// Stage is the analysis stage: it tags against the stated date, or the
// dateline date when no date is stated.
type Stage struct{}

// Name names the stage.
func (Stage) Name() string { return "timex" }

// Apply tags d.
func (Stage) Apply(d *news.Doc) error {
	anchor := d.StatedDate
	if anchor.IsZero() {
		anchor = d.DatelineDate
	}
	Tag(d, anchor)
	return nil
}
