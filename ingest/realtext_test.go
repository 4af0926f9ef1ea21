package ingest

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/pylit"
	"github.com/storyline-news/storyline/internal/testutil"
)

var showDropped = flag.Bool("show-dropped", false, "log every real paragraph the debris rules drop")

// dataDir returns ../shared/data next to the module root, or skips.
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	return testutil.Data(t, sub)
}

// realDoc is an article of real body text as paragraphs, and the same
// text as a plain-text file would hold it.
type realDoc struct {
	name  string
	paras []string
	raw   string
}

// basilDocs reads BASIL's body paragraphs.
func basilDocs(t testing.TB) []realDoc {
	root := dataDir(t, "stories/basil")
	var docs []realDoc
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		var v struct {
			Body [][]string `json:"body-paragraphs"`
		}
		if json.Unmarshal(b, &v) != nil {
			return nil
		}
		var paras []string
		for _, ps := range v.Body {
			if p := collapseSpace(strings.Join(ps, " ")); p != "" {
				paras = append(paras, p)
			}
		}
		if len(paras) > 0 {
			docs = append(docs, realDoc{name: filepath.Base(p), paras: paras, raw: strings.Join(paras, "\n\n")})
		}
		return nil
	})
	return docs
}

var (
	ducTextRE = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	ducParaRE = regexp.MustCompile(`(?s)<P>(.*?)</P>`)
	sgmlRE    = regexp.MustCompile(`<[^>]*>|&[A-Za-z0-9]+;`)
)

// ducDocs reads the DUC 2006 documents whose paragraphs are marked with
// <P>, keeping their lines wrapped as they are in the files.
func ducDocs(t testing.TB) []realDoc { return ducDocsIn(t, "summarization/duc2006/docs") }

// duc2003Docs reads the DUC 2003 documents the same way.
func duc2003Docs(t testing.TB) []realDoc { return ducDocsIn(t, "summarization/duc2003/docs") }

func ducDocsIn(t testing.TB, sub string) []realDoc {
	root := dataDir(t, sub)
	var docs []realDoc
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		m := ducTextRE.FindSubmatch(b)
		if m == nil {
			return nil
		}
		var paras, raws []string
		for _, pm := range ducParaRE.FindAllSubmatch(m[1], -1) {
			raw := strings.Trim(sgmlRE.ReplaceAllStringFunc(string(pm[1]), func(m string) string {
				switch {
				case m[0] == '<':
					return " "
				case strings.EqualFold(m, "&amp;"):
					return "&"
				}
				return ""
			}), "\r\n")
			if p := collapseSpace(raw); p != "" {
				paras = append(paras, p)
				raws = append(raws, raw)
			}
		}
		if len(paras) > 0 {
			docs = append(docs, realDoc{name: filepath.Base(p), paras: paras, raw: strings.Join(raws, "\n\n")})
		}
		return nil
	})
	return docs
}

// TestDebrisOnRealText measures how many real body paragraphs of BASIL,
// DUC 2006 and DUC 2003 articles the debris rules drop, alone and through the whole
// plain-text reader (unwrapping, title, dateline, debris). It should be
// about zero.
func TestDebrisOnRealText(t *testing.T) {
	for _, set := range []struct {
		name string
		docs func(testing.TB) []realDoc
		// Ceilings on all paragraphs dropped, a little above what is
		// measured. These sets' paragraphs hold furniture too (BASIL repeats
		// the headline as a paragraph; DUC has wire slugs such as "ENDIT",
		// "For Use By Clients of the New York Times News Service", "On the
		// Net:" link lists), so the figure that must stay at zero is the
		// plain-sentence one.
		maxRules, maxReader float64
	}{
		{"basil", basilDocs, 0.008, 0.003},
		{"duc2006", ducDocs, 0.032, 0.032},
		{"duc2003", duc2003Docs, 0.032, 0.032},
	} {
		t.Run(set.name, func(t *testing.T) {
			docs := set.docs(t)
			if len(docs) == 0 {
				t.Skip("no documents")
			}
			r, _ := New(Options{})
			total, byRules, byReader, titles, failed := 0, 0, 0, 0, 0
			sentences, sentencesDropped, readerSentences := 0, 0, 0
			for _, d := range docs {
				total += len(d.paras)
				for _, p := range d.paras {
					if plainSentence(p) {
						sentences++
					}
				}
				for i, why := range debrisReasons(d.paras) {
					if why != "" && plainSentence(d.paras[i]) {
						sentencesDropped++
					}
					if why != "" {
						byRules++
						if *showDropped {
							t.Logf("%s: rules drop (%s): %q", d.name, why, d.paras[i])
						}
					}
				}
				a, err := r.readText(&source{input: d.name, id: d.name}, []byte(d.raw))
				if err != nil {
					failed++
					byReader += len(d.paras)
					continue
				}
				text := strings.ReplaceAll(a.Text, "- ", "-")
				for _, p := range d.paras {
					p := strings.ReplaceAll(p, "- ", "-")
					switch {
					case strings.Contains(text, p):
					case a.Dateline != "" && strings.Contains(text, strings.TrimSpace(strings.TrimPrefix(p, a.Dateline))):
					case a.Title != "" && p == a.Title:
						titles++
					default:
						byReader++
						if plainSentence(p) {
							readerSentences++
						}
						if *showDropped {
							t.Logf("%s: reader loses: %q", d.name, p)
						}
					}
				}
			}
			fs := float64(sentencesDropped) / float64(max(sentences, 1))
			t.Logf("%s: of %d paragraphs that are plain sentences (8 words or more, ending . ! ? or a quote), the debris rules drop %d (%.4f)",
				set.name, sentences, sentencesDropped, fs)
			rs := float64(readerSentences) / float64(max(sentences, 1))
			t.Logf("%s: the whole text reader (unwrapping, title, dateline, debris) loses %d of them (%.4f)", set.name, readerSentences, rs)
			if rs > 0.002 {
				t.Errorf("the text reader loses %.4f of plain-sentence paragraphs, want ≤ 0.002", rs)
			}
			if fs > 0.001 {
				t.Errorf("debris rules drop %.4f of plain-sentence paragraphs, want ≤ 0.001", fs)
			}
			fr, fd := float64(byRules)/float64(total), float64(byReader)/float64(total)
			t.Logf("%s: %d docs, %d paragraphs; debris rules drop %d (%.4f); the text reader loses %d (%.4f), takes %d as titles, fails on %d docs",
				set.name, len(docs), total, byRules, fr, byReader, fd, titles, failed)
			if fr > set.maxRules {
				t.Errorf("debris rules drop %.4f of real paragraphs, want ≤ %.4f", fr, set.maxRules)
			}
			if fd > set.maxReader {
				t.Errorf("the text reader loses %.4f of real paragraphs, want ≤ %.4f", fd, set.maxReader)
			}
		})
	}
}

// plainSentence is a test of body text independent of the debris rules:
// eight words or more ending in sentence punctuation or a quotation mark.
func plainSentence(p string) bool {
	p = strings.TrimRight(p, " ")
	if len(strings.Fields(p)) < 8 || p == "" {
		return false
	}
	return strings.ContainsAny(p[len(p)-1:], ".!?\"'")
}

// multiNewsDocs reads the documents of the Multi-News sample: web pages
// saved as text, with their furniture. The CSV holds each cluster's
// documents as a Python list literal.
func multiNewsDocs(t testing.TB) []string {
	p := filepath.Join(dataDir(t, "summarization/multinews"), "sample_validation.csv")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("Multi-News sample not present: %v", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(header, "documents")
	var docs []string
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if col >= 0 && col < len(rec) {
			docs = append(docs, pylit.Strings(rec[col])...)
		}
	}
	return docs
}

// TestDebrisOnWebText runs the debris rules over the Multi-News sample,
// real web pages saved as text with their furniture: it reports how much
// is dropped, and checks that plain sentences (8 words or more, ending in
// sentence punctuation) are almost never among it.
func TestDebrisOnWebText(t *testing.T) {
	docs := multiNewsDocs(t)
	if len(docs) == 0 {
		t.Skip("no documents")
	}
	r, _ := New(Options{KeepDebris: true})
	total, dropped, sentences, sentencesDropped := 0, 0, 0, 0
	for i, d := range docs {
		name := fmt.Sprintf("multinews-%d", i)
		a, err := r.readText(&source{input: name, id: name}, []byte(d))
		if err != nil {
			continue
		}
		paras := make([]string, len(a.Paragraphs))
		for j, s := range a.Paragraphs {
			paras[j] = s.In(a.Text)
		}
		total += len(paras)
		for j, why := range debrisReasons(paras) {
			if plainSentence(paras[j]) {
				sentences++
			}
			if why == "" {
				continue
			}
			dropped++
			if plainSentence(paras[j]) {
				sentencesDropped++
				if *showDropped {
					t.Logf("%s: drops (%s) %q", name, why, paras[j])
				}
			}
		}
	}
	fs := float64(sentencesDropped) / float64(max(sentences, 1))
	t.Logf("multinews: %d docs, %d paragraphs; the debris rules drop %d (%.4f); of %d plain sentences they drop %d (%.4f)",
		len(docs), total, dropped, float64(dropped)/float64(max(total, 1)), sentences, sentencesDropped, fs)
	if fs > 0.002 {
		t.Errorf("debris rules drop %.4f of plain sentences in web text, want ≤ 0.002", fs)
	}
}
