package eval

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
)

func TestDetokenize(t *testing.T) {
	g := detokenize([][]string{
		{"Boeing", "wins", "contract"},
		{"``", "We", "won", ",", "''", "he", "said", "."},
		{"Iraq", "'s", "army", "(", "IA", ")", "did", "n't", "."},
	})
	want := "Boeing wins contract\n\n“We won,” he said. Iraq's army (IA) didn't."
	if g.Text != want {
		t.Errorf("detokenize = %q, want %q", g.Text, want)
	}
	if !g.Starts[3] || !g.Starts[11] || len(g.Starts) != 3 {
		t.Errorf("sentence starts = %v", g.Starts)
	}
}

func TestSentencesSuite(t *testing.T) {
	dir := testutil.Data(t, "meantime/intra-doc_annotation")
	r, err := Run("sentences", Options{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !atLeast(t, r, map[string]float64{"boundary_f1": 0.98, "token_f1": 0.98}) {
		var sb strings.Builder
		r.WriteTable(&sb)
		t.Log(sb.String())
	}
}
