package eval

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const sgmlSample = `<DOC>
<DOCNO> APW19981017.0151 </DOCNO>
<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>
<HEADER>
w2985 &Cx1f; wstm-
</HEADER>
<BODY>
<HEADLINE> Lawmaker backs &amp; questions </HEADLINE>
<TEXT>
	   LONDON (AP) _ An influential lawmaker on Saturday backed
Spanish requests to question Pinochet.
	   Pinochet, 82, underwent surgery
a week ago.
</TEXT>
</BODY>
</DOC>
<DOC>
<DOCNO> NYT19990520.0001 </DOCNO>
<TEXT>
<P>
First paragraph
of two lines.
</P>
<P>Second &lt;one&gt;.</P>
</TEXT>
</DOC>
`

func TestParseSGML(t *testing.T) {
	docs := ParseSGML([]byte(sgmlSample), "file")
	if len(docs) != 2 {
		t.Fatalf("%d docs, want 2", len(docs))
	}
	d := docs[0]
	if d.ID != "APW19981017.0151" || d.Title != "Lawmaker backs & questions" {
		t.Errorf("doc 0: id %q title %q", d.ID, d.Title)
	}
	if want := time.Date(1998, 10, 17, 5, 50, 0, 0, time.UTC); !d.Date.Equal(want) {
		t.Errorf("doc 0 date %v, want %v", d.Date, want)
	}
	wantText := "LONDON (AP) _ An influential lawmaker on Saturday backed Spanish requests to question Pinochet.\n\nPinochet, 82, underwent surgery a week ago."
	if d.Text != wantText {
		t.Errorf("doc 0 text\n%q\nwant\n%q", d.Text, wantText)
	}
	if docs[1].Text != "First paragraph of two lines.\n\nSecond <one>." {
		t.Errorf("doc 1 text %q", docs[1].Text)
	}
	if want := time.Date(1999, 5, 20, 0, 0, 0, 0, time.UTC); !docs[1].Date.Equal(want) {
		t.Errorf("doc 1 date from DOCNO %v, want %v", docs[1].Date, want)
	}
	plain := ParseSGML([]byte("Just text.\n\nTwo paragraphs."), "plain.txt")
	if len(plain) != 1 || plain[0].ID != "plain.txt" || plain[0].Text != "Just text.\n\nTwo paragraphs." {
		t.Errorf("plain text: %+v", plain)
	}
}

func FuzzParseSGML(f *testing.F) {
	f.Add([]byte(sgmlSample))
	f.Add([]byte("<DOC><TEXT><P>x</P>"))
	f.Add([]byte("<DOC>\n<DOCNO>\n</DOC>&amp;<"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range ParseSGML(b, "f") {
			if strings.TrimSpace(d.Text) == "" {
				t.Fatalf("empty document %q", d.ID)
			}
		}
	})
}

func TestReadMultiNews(t *testing.T) {
	csv := "documents,num_documents,summary\n" +
		`"['First doc. \n \n Second paragraph.', 'Other doc.']",2,"– The summary."` + "\n"
	cs, err := ReadMultiNews(strings.NewReader(csv), "mn")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || len(cs[0].Docs) != 2 || cs[0].Docs[0].Text != "First doc.\n\nSecond paragraph." {
		t.Fatalf("clusters %+v", cs)
	}
	if !reflect.DeepEqual(cs[0].Refs, [][]string{{"The summary."}}) {
		t.Errorf("refs %q", cs[0].Refs)
	}
	if _, err := ReadMultiNews(strings.NewReader("a,b\n1,2\n"), "bad"); err == nil {
		t.Error("no error without documents and summary columns")
	}
}

func FuzzReadMultiNews(f *testing.F) {
	f.Add("documents,num_documents,summary\n\"['a. b', 'c']\",2,\"– s\"\n")
	f.Add("summary,documents\n,\n\"\"\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := ReadMultiNews(strings.NewReader(s), "f")
		if err != nil {
			return
		}
		for _, c := range cs {
			for _, d := range c.Docs {
				if d.Text == "" {
					t.Fatalf("%s: empty document", d.ID)
				}
			}
		}
	})
}

func TestReadSummarizationGeneric(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"c1/docs/a.txt":  "Alpha story text.\n\nMore.",
		"c1/docs/b.sgml": sgmlSample,
		"c1/refs/r1":     "A reference.\nSecond line.",
		"c2/docs/x.txt":  "No references here.",
	})
	cs, layout, err := ReadSummarization(dir)
	if err != nil {
		t.Fatal(err)
	}
	if layout != LayoutGeneric || len(cs) != 1 || cs[0].ID != "c1" || len(cs[0].Docs) != 3 || len(cs[0].Refs) != 1 {
		t.Fatalf("layout %s clusters %+v", layout, cs)
	}
	if _, _, err := ReadSummarization(t.TempDir()); err == nil {
		t.Error("empty folder: no error")
	}
}

func TestReadSummarizationSets(t *testing.T) {
	for _, tc := range []struct {
		rel            string
		layout         string
		clusters, refs int
		words          int
	}{
		{"summarization/duc2003", LayoutDUC, 53, 4, 100},
		{"summarization/duc2006", LayoutDUC, 50, 4, 250},
		{"summarization/tac2011-multiling-en", LayoutTAC, 10, 3, 250},
		{"summarization/multinews/sample_validation.csv", LayoutMultiNews, 250, 1, 0},
	} {
		t.Run(filepath.Base(tc.rel), func(t *testing.T) {
			cs, layout, err := ReadSummarization(rougeSharedData(t, tc.rel))
			if err != nil {
				t.Fatal(err)
			}
			if layout != tc.layout || len(cs) != tc.clusters {
				t.Fatalf("layout %s, %d clusters; want %s, %d", layout, len(cs), tc.layout, tc.clusters)
			}
			for _, c := range cs {
				if len(c.Refs) != tc.refs || c.RefWords != tc.words || len(c.Docs) == 0 {
					t.Errorf("%s: %d refs (%d words), %d docs", c.ID, len(c.Refs), c.RefWords, len(c.Docs))
				}
			}
		})
	}
}

func BenchmarkParseSGML(b *testing.B) {
	data := []byte(strings.Repeat(sgmlSample, 10))
	for b.Loop() {
		ParseSGML(data, "bench")
	}
}
