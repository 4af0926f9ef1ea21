package entity_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/testutil"
)

// TestGolden tags testdata/NAME.input and compares the mentions and
// entities with testdata/NAME.golden.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	tg, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d := docOf(t, name, strings.TrimSpace(string(b)))
			if err := tg.Apply(d); err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			fmt.Fprintln(&out, "# mentions: type, text, titles, entity")
			for _, m := range d.Mentions {
				fmt.Fprintf(&out, "%s\t%s\t%q\t%d\n", m.Type, m.Text, m.Titles, m.Entity)
			}
			fmt.Fprintln(&out, "# entities: type, name, forms, roles")
			for i, e := range d.Entities {
				fmt.Fprintf(&out, "%d\t%s\t%s\t%q\t%q\n", i, e.Type, e.Name, e.Forms, e.Roles)
			}
			testutil.Golden(t, filepath.Join("testdata", name+".golden"), []byte(out.String()))
		})
	}
}
