package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCorefScores(t *testing.T) {
	tests := []struct {
		name                 string
		gold, sys            []string
		muc, b3, ceaf, conll float64
	}{
		{
			name: "one mention moved",
			gold: []string{"1", "1", "1", "2", "2"},
			sys:  []string{"x", "x", "y", "y", "y"},
			muc:  2.0 / 3, b3: 11.0 / 15, ceaf: 0.8, conll: (2.0/3 + 11.0/15 + 0.8) / 3,
		},
		{
			name: "perfect",
			gold: []string{"1", "1", "2"},
			sys:  []string{"a", "a", "b"},
			muc:  1, b3: 1, ceaf: 1, conll: 1,
		},
		{
			name: "all singletons against one cluster",
			gold: []string{"1", "1", "1"},
			sys:  []string{"a", "b", "c"},
			muc:  0, b3: 0.5, ceaf: 0.25, conll: (0 + 0.5 + 0.25) / 3,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s corefScores
			s.add(tc.gold, tc.sys)
			muc, b3, ceaf, conll := s.f1s()
			for _, c := range []struct {
				name      string
				got, want float64
			}{{"muc", muc, tc.muc}, {"b3", b3, tc.b3}, {"ceafe", ceaf, tc.ceaf}, {"conll", conll, tc.conll}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
				}
			}
		})
	}
}

func TestMaxAssignment(t *testing.T) {
	// row 2 takes column 0 (0.9), row 1 column 1 (0.8); row 0 is left
	// with column 2 (0)
	w := [][]float64{{0.8, 0.3, 0}, {0, 0.8, 0}, {0.9, 0, 0}}
	if got := maxAssignment(w); math.Abs(got-1.7) > 1e-9 {
		t.Errorf("got %v, want 1.7", got)
	}
	if got := maxAssignment(nil); got != 0 {
		t.Errorf("empty: %v", got)
	}
}

const ecbSample = `<Document doc_name="9_1ecb.xml" doc_id="D1">
<token t_id="1" sentence="0" number="0">Ann</token>
<token t_id="2" sentence="0" number="1">Lee</token>
<token t_id="3" sentence="0" number="2">left</token>
<token t_id="4" sentence="0" number="3">Oslo</token>
<token t_id="5" sentence="1" number="0">Lee</token>
<token t_id="6" sentence="1" number="1">smiled</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<LOC_GEO m_id="3"><token_anchor t_id="4"/></LOC_GEO>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="5"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="ann_lee" instance_id="HUM1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1" /><source m_id="4" /><target m_id="9" /></CROSS_DOC_COREF>
</Relations>
</Document>`

func TestReadECBDoc(t *testing.T) {
	d, err := ReadECBDoc(strings.NewReader(ecbSample), "9_1ecb")
	if err != nil {
		t.Fatal(err)
	}
	if d.Topic != 9 || len(d.Tokens) != 6 || len(d.Mentions) != 3 {
		t.Fatalf("got %+v", d)
	}
	if got := mentionText(d, d.Mentions[0]); got != "Ann Lee" {
		t.Errorf("first mention %q", got)
	}
	if d.Mentions[0].Cluster != "HUM1" || d.Mentions[2].Cluster != "HUM1" || d.Mentions[1].Cluster == "HUM1" {
		t.Errorf("clusters %+v", d.Mentions)
	}
	if d.Mentions[2].Sentence != 1 {
		t.Errorf("sentence %d", d.Mentions[2].Sentence)
	}
}

func FuzzReadECBDoc(f *testing.F) {
	f.Add(ecbSample)
	f.Add(`<Document><token t_id="1" sentence="x">a</token><Markables><LOC_GEO m_id="1"><token_anchor t_id="7"/></LOC_GEO></Markables></Document>`)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadECBDoc(strings.NewReader(s), "1_1ecb")
		if err != nil {
			return
		}
		for _, m := range d.Mentions {
			_ = mentionText(d, m)
			_ = mentionHead(d, m)
		}
	})
}

// TestCoreferenceQuality runs the suite on the ECB+ dev topics and holds
// a floor a little below what it measures.
func TestCoreferenceQuality(t *testing.T) {
	data := filepath.Join("..", "..", "shared", "data", "stories", "ecbplus")
	if _, err := os.Stat(filepath.Join(data, "ECBplus_coreference_sentences.csv")); err != nil {
		t.Skipf("no ECB+ data: %v", err)
	}
	r, err := runCoreference(Options{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	get := func(sys, metric string) float64 {
		for _, row := range r.Rows {
			if row.System == sys && row.Metric == metric {
				return row.Value
			}
		}
		t.Fatalf("no %s %s", sys, metric)
		return 0
	}
	if v := get("storyline+head", "conll_f1"); v < 0.70 {
		t.Errorf("storyline+head CoNLL F1 %.4f, floor 0.70", v)
	}
	if v := get("storyline", "names/conll_f1"); v < 0.83 {
		t.Errorf("storyline CoNLL F1 on names %.4f, floor 0.83", v)
	}
	if get("storyline+head", "conll_f1") <= get("same-head", "conll_f1") {
		t.Errorf("storyline+head does not beat same-head")
	}
}
