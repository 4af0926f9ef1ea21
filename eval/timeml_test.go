package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// dataDir returns ../shared/data relative to the module root.
func timeDataDir(t testing.TB) string {
	t.Helper()
	return testutil.Data(t, "time/tbaq")
}

// TestTimexDump prints every disagreement with the gold data; it runs only
// with TIMEX_DUMP set (a development aid).
func TestTimexDump(t *testing.T) {
	if os.Getenv("TIMEX_DUMP") == "" {
		t.Skip("set TIMEX_DUMP=1 to list disagreements")
	}
	dir := filepath.Join(timeDataDir(t), os.Getenv("TIMEX_DUMP_SUB"))
	if d := os.Getenv("TIMEX_DUMP_DIR"); d != "" {
		dir = d
	}
	files, err := TimeMLFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc, dctSpan, err := readTimeDoc(f, b)
		if err != nil {
			continue
		}
		d, _ := TimeMLNewsDoc(doc)
		timex.Tag(d, doc.DCT)
		d.Timexes = dropSpan(d.Timexes, dctSpan)
		used := map[int]bool{}
		for _, g := range doc.Timexes {
			found := false
			for k, x := range d.Timexes {
				if x.Start < g.End && g.Start < x.End {
					found = true
					used[k] = true
					if x.Start != g.Start || x.End != g.End || x.Value != g.Value || x.Type != g.Type {
						fmt.Fprintf(&out, "DIFF\t%s\t%q/%s/%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), doc.Text[g.Start:g.End], g.Type, g.Value, x.Text, x.Type, x.Value, ctx(doc.Text, g.Start, g.End))
					}
				}
			}
			if !found {
				fmt.Fprintf(&out, "MISS\t%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), doc.Text[g.Start:g.End], g.Type, g.Value, ctx(doc.Text, g.Start, g.End))
			}
		}
		for k, x := range d.Timexes {
			if !used[k] {
				fmt.Fprintf(&out, "FP\t%s\t%q/%s/%s\t%s\n", doc.DCT.Format("2006-01-02 Mon"), x.Text, x.Type, x.Value, ctx(doc.Text, x.Start, x.End))
			}
		}
	}
	os.WriteFile(os.Getenv("TIMEX_DUMP"), []byte(out.String()), 0o644)
}

func ctx(s string, a, b int) string {
	lo, hi := a-60, b+60
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	return strings.ReplaceAll(s[lo:a]+"[["+s[a:b]+"]]"+s[b:hi], "\n", " ")
}

func TestParseTimeML(t *testing.T) {
	src := `<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at AT&amp;T, <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="APPROX">about three days</TIMEX3> after.
</TEXT></TimeML>`
	d, err := ParseTimeML(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "X1" || d.DCT.Format("2006-01-02") != "1998-08-07" {
		t.Errorf("id %q dct %v", d.ID, d.DCT)
	}
	if len(d.Timexes) != 2 {
		t.Fatalf("got %d timexes", len(d.Timexes))
	}
	for i, want := range []struct{ text, typ, val, mod string }{
		{"Friday", "DATE", "1998-08-07", ""},
		{"about three days", "DURATION", "P3D", "APPROX"},
	} {
		x := d.Timexes[i]
		if got := d.Text[x.Start:x.End]; got != want.text || x.Type != want.typ || x.Value != want.val || x.Mod != want.mod {
			t.Errorf("timex %d: %q %s %s %s, want %+v", i, got, x.Type, x.Value, x.Mod, want)
		}
	}
	if !strings.Contains(d.Text, "AT&T,") {
		t.Errorf("entities not decoded: %q", d.Text)
	}
	for _, bad := range []string{"<TimeML></TimeML>", "<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>", "<TEXT>a</TIMEX3></TEXT>", "<TEXT>a <b</TEXT>"} {
		if _, err := ParseTimeML(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestScoreTimexes(t *testing.T) {
	gold := []TimeMLTimex{
		{Start: 0, End: 6, Type: "DATE", Value: "1998-08-07"},
		{Start: 10, End: 25, Type: "DURATION", Value: "P3D"},
		{Start: 30, End: 35, Type: "DATE", Value: "PRESENT_REF"},
	}
	sys := []news.Timex{
		{Span: news.Span{Start: 0, End: 6}, Type: "DATE", Value: "1998-08-07"},
		{Span: news.Span{Start: 16, End: 25}, Type: "DURATION", Value: "P4D"},
		{Span: news.Span{Start: 40, End: 45}, Type: "DATE", Value: "1998"},
	}
	s := ScoreTimexes(gold, sys)
	if s.Strict != 1 || s.RelaxedGold != 2 || s.RelaxedSystem != 2 || s.Pairs != 2 || s.TypeOK != 2 || s.ValueOK != 1 {
		t.Fatalf("%+v", s)
	}
	if f := s.RelaxedF1(); f < 0.666 || f > 0.667 {
		t.Errorf("relaxed F1 %v", f)
	}
	if v := s.ValueF1(); v < 0.333 || v > 0.334 {
		t.Errorf("value F1 %v", v)
	}
}

// TestTimeQuality runs the suite on the TempEval-3 training data and holds
// the tagger above a floor a little below what it measures.
func TestTimeQuality(t *testing.T) {
	r, err := Run("time", Options{Data: timeDataDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, r, map[string]float64{"strict_f1": 0.85, "relaxed_f1": 0.93, "type_accuracy": 0.94, "value_f1": 0.79})
}

// FuzzParseTimeML checks the reader never panics and keeps every span
// inside the text.
func FuzzParseTimeML(f *testing.F) {
	f.Add(`<DCT><TIMEX3 value="1998-08-07">x</TIMEX3></DCT><TEXT>a <TIMEX3 type="DATE" value="1998">1998</TIMEX3> &amp; b</TEXT>`)
	f.Add(`<TEXT><TIMEX3 type="DATE"><TIMEX3 type="TIME">x</TIMEX3></TIMEX3>&lt;&bogus;</TEXT>`)
	f.Add(`<TEXT><TIMEX3 value="a"/></TEXT>`)
	f.Fuzz(func(t *testing.T, src string) {
		d, err := ParseTimeML(src)
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
				t.Fatalf("bad span %d-%d in %q", x.Start, x.End, d.Text)
			}
		}
	})
}

// TestTimeQualityMeantime holds the tagger above a floor on MEANTIME's
// Wikinews articles, a second genre.
func TestTimeQualityMeantime(t *testing.T) {
	dir := filepath.Join(timeDataDir(t), "..", "..", "meantime", "intra-doc_annotation")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("eval: MEANTIME data missing at %s", dir)
	}
	r, err := Run("time", Options{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, r, map[string]float64{"strict_f1": 0.80, "relaxed_f1": 0.88, "value_f1": 0.75})
}

func TestParseMeantime(t *testing.T) {
	src := `<?xml version="1.0" ?><Document doc_id="7" doc_name="x">
<token number="0" sentence="0" t_id="1">Ford</token>
<token number="1" sentence="0" t_id="2">posts</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">Sales</token>
<token number="7" sentence="2" t_id="8">fell</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">month</token>
<token number="10" sentence="3" t_id="11">Unannotated</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2009-03-03"><token_anchor t_id="3"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2009-02"><token_anchor t_id="9"/><token_anchor t_id="10"/></TIMEX3>
</Markables></Document>`
	d, dct, err := ParseMeantime(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "7" || d.DCT.Format("2006-01-02") != "2009-03-03" || d.Text[dct.Start:dct.End] != "March 3 , 2009" {
		t.Errorf("id %q dct %v %q", d.ID, d.DCT, d.Text[dct.Start:dct.End])
	}
	if strings.Contains(d.Text, "Unannotated") {
		t.Errorf("unannotated sentence kept: %q", d.Text)
	}
	if len(d.Timexes) != 1 || d.Text[d.Timexes[0].Start:d.Timexes[0].End] != "last month" || d.Timexes[0].Value != "2009-02" {
		t.Errorf("timexes %+v in %q", d.Timexes, d.Text)
	}
}

// FuzzParseMeantime checks the MEANTIME reader never panics and keeps
// spans inside the text.
func FuzzParseMeantime(f *testing.F) {
	f.Add(`<Document doc_id="1"><token t_id="1" sentence="0">May</token><token t_id="2" sentence="0">3</token><TIMEX3 functionInDocument="CREATION_TIME" value="03-02-2009"><token_anchor t_id="1"/><token_anchor t_id="2"/></TIMEX3></Document>`)
	f.Add(`<Document><token t_id="x" sentence="-1">a</token><TIMEX3><token_anchor t_id="99"/></TIMEX3></Document>`)
	f.Fuzz(func(t *testing.T, src string) {
		d, dct, err := ParseMeantime(src)
		if err != nil {
			return
		}
		if dct.Start < 0 || dct.End > len(d.Text) {
			t.Fatalf("bad creation time span %v", dct)
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
				t.Fatalf("bad span %d-%d in %q", x.Start, x.End, d.Text)
			}
		}
	})
}
