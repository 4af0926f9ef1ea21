package analyze

import (
	"runtime/debug"
	"sync"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/quote"
)

// CodeVersion is the version of the analysis code. Raise it whenever a
// change to a stage changes the layers it adds, so that stored docs made
// before can be told apart and analysed again.
const CodeVersion = "1"

// Version names the analysis the default chain does: the code version,
// the first 12 hex digits of the SHA-256 of each embedded model, and the
// VCS revision the binary was built from when the build recorded one:
// "analyze/1 entity:3f2a… quote:9b1c… rev:1cecb41…".
func Version() string { return version() }

var version = sync.OnceValue(func() string {
	v := "analyze/" + CodeVersion + " entity:" + entity.ModelHash()[:12] + " quote:" + quote.ModelHash()[:12]
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " rev:" + s.Value[:12]
			}
		}
	}
	return v
})

// Stamp is the last stage of the default chain: it records Version in
// Doc.Analyzer.
var Stamp = StageFunc{StageName: "stamp", Fn: func(d *news.Doc) error {
	d.Analyzer = Version()
	return nil
}}
