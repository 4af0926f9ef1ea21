package timex_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/timex"
)

// TestGolden tags testdata/NAME.input (a DCT line, then the text; lines
// starting with # are comments) and compares the expressions found with
// testdata/NAME.golden.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		var dct string
		var text []string
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "#"):
			case dct == "":
				dct = strings.TrimSpace(line)
			default:
				text = append(text, line)
			}
		}
		d := doc(t, strings.Join(text, "\n\n"))
		timex.Tag(d, day0(dct))
		var out strings.Builder
		for _, x := range d.Timexes {
			fmt.Fprintf(&out, "%d\t%q\t%s\t%s", x.Sentence, x.Text, x.Type, x.Value)
			if x.Mod != "" {
				fmt.Fprintf(&out, "\tmod=%s", x.Mod)
			}
			if x.Future {
				out.WriteString("\tfuture")
			}
			out.WriteByte('\n')
		}
		testutil.Golden(t, strings.TrimSuffix(in, ".input")+".golden", []byte(out.String()))
	}
}
