// Package porter is the original Porter (1980) stemmer exactly as
// ROUGE-1.5.5 runs it (its embedded Perl "Release 1" version, with
// Chin-Yew Lin's change of 2004 to step 4: a word ending in -ement is not
// tried again with -ment and -ent in the same alternation). It is not
// Porter2/Snowball English, which stems many words differently.
//
// The ROUGE scorer in package eval stems with it, and so does the
// summarizer, so that the words a summary is chosen for are the words
// ROUGE counts. Any change here changes the metric: the ROUGE reproduction
// test in eval guards it.
package porter

import (
	"regexp"
	"strings"
	"sync"
)

// Porter's regular expressions, as ROUGE-1.5.5 spells them. Go's leftmost-
// first regexp semantics give the same matches as Perl's for these
// patterns, none of which needs a back reference.
const (
	porterCons    = `[^aeiou]`                // consonant
	porterVow     = `[aeiouy]`                // vowel
	porterConsSeq = porterCons + `[^aeiouy]*` // consonant sequence
	porterVowSeq  = porterVow + `[aeiou]*`    // vowel sequence
)

var (
	porterMgr0 = sync.OnceValue(func() *regexp.Regexp { // m > 0
		return regexp.MustCompile(`^(` + porterConsSeq + `)?` + porterVowSeq + porterConsSeq)
	})
	porterMeq1 = sync.OnceValue(func() *regexp.Regexp { // m = 1
		return regexp.MustCompile(`^(` + porterConsSeq + `)?` + porterVowSeq + porterConsSeq + `(` + porterVowSeq + `)?$`)
	})
	porterMgr1 = sync.OnceValue(func() *regexp.Regexp { // m > 1
		return regexp.MustCompile(`^(` + porterConsSeq + `)?` + porterVowSeq + porterConsSeq + porterVowSeq + porterConsSeq)
	})
	porterHasV = sync.OnceValue(func() *regexp.Regexp { // vowel in stem
		return regexp.MustCompile(`^(` + porterConsSeq + `)?` + porterVow)
	})
	porterCVC = sync.OnceValue(func() *regexp.Regexp { // *o, whole word
		return regexp.MustCompile(`^` + porterConsSeq + porterVow + `[^aeiouwxy]$`)
	})
)

// The suffixes of steps 2, 3 and 4. ROUGE's Perl finds them with a
// regular expression anchored at the end, (ational|tional|...)$, whose
// leftmost match is the longest suffix of the word in the list:
// longestSuffix finds that without a regular expression, which took
// most of the stemmer's time trying every start in the word.
var (
	porterStep2Suffixes = []string{"ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli",
		"ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi"}
	porterStep3Suffixes = []string{"icate", "ative", "alize", "iciti", "ical", "ful", "ness"}
	porterStep4Suffixes = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate",
		"iti", "ous", "ive", "ize"}
)

// longestSuffix returns the longest of suffixes that w ends with, and
// whether there is one.
func longestSuffix(w string, suffixes []string) (string, bool) {
	best, ok := "", false
	for _, s := range suffixes {
		if len(s) > len(best) && strings.HasSuffix(w, s) {
			best, ok = s, true
		}
	}
	return best, ok
}

var porterStep2 = map[string]string{
	"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
	"alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
	"ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
	"iviti": "ive", "biliti": "ble", "logi": "log",
}

var porterStep3 = map[string]string{
	"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}

// edIng returns the length of the suffix "ed" or "ing" that w ends
// with, or 0: (ed|ing)$.
func edIng(w string) int {
	switch {
	case strings.HasSuffix(w, "ed"):
		return 2
	case strings.HasSuffix(w, "ing"):
		return 3
	}
	return 0
}

// Stem returns the stem of a lowercase word by the original Porter
// algorithm, as implemented in ROUGE-1.5.5. Words shorter than three
// bytes are returned as they are.
func Stem(w string) string {
	if len(w) < 3 {
		return w
	}
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:]
	}
	// Step 1a.
	if strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ies") { // (ss|i)es$ → $1
		w = w[:len(w)-2]
	} else if n := len(w); n >= 2 && w[n-1] == 's' && w[n-2] != 's' {
		w = w[:n-1]
	}
	// Step 1b.
	if strings.HasSuffix(w, "eed") {
		if porterMgr0().MatchString(w[:len(w)-3]) {
			w = w[:len(w)-1]
		}
	} else if n := edIng(w); n > 0 {
		stem := w[:len(w)-n]
		if porterHasV().MatchString(stem) {
			w = stem
			n := len(w)
			switch {
			case strings.HasSuffix(w, "at") || strings.HasSuffix(w, "bl") || strings.HasSuffix(w, "iz"):
				w += "e"
			case n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])):
				w = w[:n-1]
			case porterCVC().MatchString(w):
				w += "e"
			}
		}
	}
	// Step 1c.
	if strings.HasSuffix(w, "y") {
		stem := w[:len(w)-1]
		if porterHasV().MatchString(stem) {
			w = stem + "i"
		}
	}
	// Step 2.
	if suf, ok := longestSuffix(w, porterStep2Suffixes); ok {
		stem := w[:len(w)-len(suf)]
		if porterMgr0().MatchString(stem) {
			w = stem + porterStep2[suf]
		}
	}
	// Step 3.
	if suf, ok := longestSuffix(w, porterStep3Suffixes); ok {
		stem := w[:len(w)-len(suf)]
		if porterMgr0().MatchString(stem) {
			w = stem + porterStep3[suf]
		}
	}
	// Step 4, with ROUGE's change for -ement.
	if suf, ok := longestSuffix(w, porterStep4Suffixes); ok {
		if stem := w[:len(w)-len(suf)]; porterMgr1().MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ment") {
		if stem := w[:len(w)-4]; porterMgr1().MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ent") {
		if stem := w[:len(w)-3]; porterMgr1().MatchString(stem) {
			w = stem
		}
	} else if strings.HasSuffix(w, "sion") || strings.HasSuffix(w, "tion") { // (s|t)(ion)$
		if stem := w[:len(w)-3]; porterMgr1().MatchString(stem) {
			w = stem
		}
	}
	// Step 5.
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if porterMgr1().MatchString(stem) || (porterMeq1().MatchString(stem) && !porterCVC().MatchString(stem)) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && porterMgr1().MatchString(w) {
		w = w[:len(w)-1]
	}
	if initialY {
		w = "y" + w[1:]
	}
	return w
}
