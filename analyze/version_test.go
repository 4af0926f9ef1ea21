package analyze

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestVersionStamped(t *testing.T) {
	v := Version()
	if !strings.HasPrefix(v, "analyze/"+CodeVersion+" entity:") || !strings.Contains(v, " quote:") {
		t.Fatalf("Version() = %q", v)
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Doc(&news.Article{ID: "a", Text: "Mohammad Bagheri said on Monday that talks would go on."})
	if err != nil {
		t.Fatal(err)
	}
	if d.Analyzer != v {
		t.Errorf("Doc.Analyzer = %q, want %q", d.Analyzer, v)
	}
}
