package porter

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestSuffixesAsRegexps checks that the suffix lookups find what ROUGE's
// regular expressions, (ational|tional|...)$ and the others, find: the
// same start of the match, on words made to end in every suffix and on
// the words of the shared data when it is there.
func TestSuffixesAsRegexps(t *testing.T) {
	step := func(list []string) *regexp.Regexp {
		return regexp.MustCompile(`(` + strings.Join(list, "|") + `)$`)
	}
	sses, edIngRe, sion := regexp.MustCompile(`(ss|i)es$`), regexp.MustCompile(`(ed|ing)$`), regexp.MustCompile(`(s|t)(ion)$`)
	steps := []struct {
		re   *regexp.Regexp
		list []string
	}{{step(porterStep2Suffixes), porterStep2Suffixes}, {step(porterStep3Suffixes), porterStep3Suffixes}, {step(porterStep4Suffixes), porterStep4Suffixes}}
	check := func(w string) {
		for _, s := range steps {
			m := s.re.FindStringSubmatchIndex(w)
			suf, ok := longestSuffix(w, s.list)
			if ok != (m != nil) || ok && (len(w)-len(suf) != m[0] || suf != w[m[2]:m[3]]) {
				t.Fatalf("%q: longestSuffix = %q, %v; the regexp %v matches %v", w, suf, ok, s.re, m)
			}
		}
		if m, n := edIngRe.FindStringIndex(w), edIng(w); (m != nil) != (n > 0) || n > 0 && m[0] != len(w)-n {
			t.Fatalf("%q: edIng = %d; the regexp matches %v", w, n, m)
		}
		if m, ok := sses.FindStringSubmatchIndex(w), strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ies"); (m != nil) != ok || ok && w[:m[0]]+w[m[2]:m[3]] != w[:len(w)-2] {
			t.Fatalf("%q: sses/ies %v; the regexp matches %v", w, ok, m)
		}
		if m, ok := sion.FindStringSubmatchIndex(w), strings.HasSuffix(w, "sion") || strings.HasSuffix(w, "tion"); (m != nil) != ok || ok && m[3] != len(w)-3 {
			t.Fatalf("%q: sion/tion %v; the regexp matches %v", w, ok, m)
		}
	}
	var all []string
	for _, s := range steps {
		all = append(all, s.list...)
	}
	all = append(all, "sses", "ies", "es", "ed", "ing", "sion", "tion", "ion", "ment", "ent")
	for _, suf := range all {
		for _, pre := range []string{"", "e", "s", "t", "Y", "al", "ic", "ss", "ation", "é"} {
			check(pre + suf)
			check(pre + suf[1:])
		}
	}
	// The words of the shared data, when it is there.
	data := filepath.Join("..", "..", "..", "shared", "data", "summarization", "duc2003")
	if _, err := os.Stat(data); err != nil {
		t.Logf("no %s: synthetic words only", data)
		return
	}
	seen := map[string]bool{}
	filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(b)), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if !seen[w] {
				seen[w] = true
				check(w)
			}
		}
		return nil
	})
	t.Logf("%d words", len(seen))
}
