package server

import (
	"strings"
	"testing"
)

// TestCiteLinksEscape: citations are written outside the template, so
// they escape outlet names and sentences themselves.
func TestCiteLinksEscape(t *testing.T) {
	got := string(citeLinks([]sourceRef{
		{N: 1, Outlet: `<script>"A&B'`, Sentence: `He said "no" & <b>left</b>.`},
		{N: 2, Outlet: `Plain`},
	}))
	want := `<a class="cite" href="#src-1" data-tip="&lt;script&gt;&#34;A&amp;B&#39;: “He said &#34;no&#34; &amp; &lt;b&gt;left&lt;/b&gt;.”">[1]</a>` +
		`<a class="cite" href="#src-2" title="Plain">[2]</a>`
	if got != want {
		t.Errorf("citeLinks =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "<script") || strings.Contains(got, "<b>") {
		t.Error("unescaped markup")
	}
}

// TestCitedSentence: the cited sentence is the one sharing the most words
// with the line (Dice overlap), whitespace folded; none without overlap.
func TestCitedSentence(t *testing.T) {
	sents := []string{"The army chiefs met in Tehran.", "Talks  covered\nthe referendum and border security.", "Weather was fine."}
	line := map[string]bool{}
	for _, w := range wordsOf("Talks covered the Kurdish referendum") {
		line[w] = true
	}
	if got := citedSentence(sents, sentenceWords(sents), line); got != "Talks covered the referendum and border security." {
		t.Errorf("cited %q", got)
	}
	if got := citedSentence(sents, sentenceWords(sents), map[string]bool{"zebra": true}); got != "" {
		t.Errorf("cited %q for a line sharing no word", got)
	}
}
