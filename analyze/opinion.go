package analyze

import "github.com/storyline-news/storyline/news"

// Opinion marks comment and analysis sections.
var Opinion = StageFunc{StageName: "opinion", Fn: opinion}

func opinion(d *news.Doc) error { return nil }
