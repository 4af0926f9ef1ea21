package news

// Brief is what storyline gives back for a story. Its JSON form is the
// contract the command line, the store and the server share; README.md
// documents it.
type Brief struct {
	Sources   []Source        `json:"sources"`
	Summary   []SummaryLine   `json:"summary"`
	Timeline  []TimelineEntry `json:"timeline"`
	Entities  []Entity        `json:"entities"`
	Quotes    []QuoteEntry    `json:"quotes"`
	Conflicts []Conflict      `json:"conflicts"`
}

// Source describes one article of the story and the date the brief trusts
// for it.
type Source struct {
	ID           string `json:"id"`
	Path         string `json:"path"`
	URL          string `json:"url"`
	Outlet       string `json:"outlet"`
	Title        string `json:"title"`
	StatedDate   string `json:"stated_date"`
	DatelineDate string `json:"dateline_date"`
	// Date is the trusted date (YYYY-MM-DD), "" when there is none.
	Date       string `json:"date"`
	DateStatus string `json:"date_status"`
	DateNote   string `json:"date_note"`
	// Opinion reports that the article holds comment or analysis.
	Opinion bool `json:"opinion"`
	// DuplicateOf is the ID of the source this article copies (a
	// syndicated or reprinted text), "" when it is its own text. A copy
	// counts once, as its original, wherever sources are counted or cited.
	DuplicateOf string `json:"duplicate_of"`
}

// SummaryLine is one sentence of the summary with the sources that support it.
type SummaryLine struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// TimelineEntry is one happening anchored to a resolved date.
type TimelineEntry struct {
	// Date is a TimeML value: 2017-09-27, 2017-W40, 2017-08.
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
	// Planned marks events that were expected or scheduled, not reported
	// as having happened.
	Planned bool `json:"planned"`
}

// QuoteEntry is one statement in the brief; the same quote from several
// outlets appears once.
type QuoteEntry struct {
	// Speaker is the resolved name, or "unknown".
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Direct  bool   `json:"direct"`
	// Source is the article the quote was taken from; Sources lists every
	// article that reports it.
	Source   string   `json:"source"`
	Sources  []string `json:"sources"`
	Sentence string   `json:"sentence"`
	Via      string   `json:"via"`
	Opinion  bool     `json:"opinion"`
}

// Conflict is one point on which the sources disagree or mislead.
type Conflict struct {
	About string `json:"about"`
	// Kind is what is disputed: number, date, title, attribution or
	// other.
	Kind string `json:"kind"`
	// Change marks a figure that changed as the story unfolded (a death
	// toll rising over the days) rather than a contradiction; its claims
	// are then in publication order.
	Change bool    `json:"change"`
	Claims []Claim `json:"claims"`
}

// Claim is one value that some sources give in a Conflict.
type Claim struct {
	Value   string   `json:"value"`
	Sources []string `json:"sources"`
	// Evidence is the sentence of the first source that states the value.
	Evidence string `json:"evidence"`
}
