package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/lexicon"
)

// Debris is page furniture that comes along when a web page is saved as
// text: menus and section labels, share and comment widgets, counters,
// lists of related headlines, tag lines, dates. The rules below look at
// general features of a paragraph (how many words, whether it ends a
// sentence, whether its words are capitalised, whether it is a list of
// short items, digits only, repeated, near the top or bottom of the page)
// rather than at any site's strings, so they hold on other sites too; they
// are tuned so that real body paragraphs, even short ones ending in a full
// stop or a quotation mark, are kept.

// paraFeatures are what the debris rules look at in one paragraph.
type paraFeatures struct {
	words       []string // the words, with glued words ("standardsDiscussion") split
	letters     int
	sentence    bool // ends as a sentence does
	labelCount  bool // a label with a count: "Referendum (53)"
	items       int  // comma-, pipe- or bullet-separated items
	maxItem     int  // the number of words in the longest item
	uiWords     int  // words of web interfaces: share, comment, subscribe...
	strongUI    int  // words that nearly always belong to an interface
	colon       bool // ends with a colon, introducing what follows
	articleItem bool // a list item starts with an article, as tags do not
	listItem    bool // a bulleted item of some length, or one ending in ";"
	clauseWords bool // holds pronouns or auxiliary verbs, as clauses do and keyword lists do not
}

// creditsRE matches the staff credits that close wire copy.
var creditsRE = lazyRegexp(`^[(\-–— ]*(?i:(?:with )?(?:additional )?reporting|editing|writing|compiled|edited|translated)(?: by)?\s+\p{Lu}`)

// copyrightRE matches a copyright notice: "© 2020 Name", "Copyright 2019
// Name. All rights reserved.", "(c) 2019 Name": the sign or the word,
// then a year or the reservation of rights.
var copyrightRE = lazyRegexp(`^(?:©|\((?i:c)\)|(?i:copyright\b)).*(?:\b(?:1[89]|20)\d\d\b|(?i:rights reserved))`)

var labelCountRE = lazyRegexp(`^[^.!?]{1,100}?\s*[(\[]\s*\d{1,7}\s*[)\]]$`)

func features(p string) paraFeatures {
	f := paraFeatures{sentence: endsSentence(p), labelCount: labelCountRE().MatchString(p)}
	for _, w := range strings.Fields(p) {
		f.words = append(f.words, splitGlued(w)...)
	}
	for _, r := range p {
		if unicode.IsLetter(r) {
			f.letters++
		}
	}
	items := strings.FieldsFunc(strings.ReplaceAll(p, ", ", "|"), func(r rune) bool { return r == '|' || r == '•' || r == '·' || r == ';' })
	for _, it := range items {
		w := strings.Fields(it)
		if len(w) > 0 {
			f.items++
			f.maxItem = max(f.maxItem, len(w))
			switch strings.ToLower(w[0]) {
			case "a", "an", "the":
				f.articleItem = true
			}
		}
	}
	f.colon = strings.HasSuffix(p, ":")
	f.listItem = strings.HasSuffix(p, ";") || len(f.words) >= 5 && strings.ContainsAny(firstRune(p), "-–—_*•·")
	for _, w := range f.words {
		w = strings.ToLower(strings.Trim(w, `.,:;!?"'()[]|«»“”‘’-–—/`))
		if uiWords()[w] {
			f.uiWords++
		}
		if strongUIWords()[w] {
			f.strongUI++
		}
		if clauseWords()[w] {
			f.clauseWords = true
		}
	}
	return f
}

// splitGlued splits a word where a lower-case run of two or more letters
// meets a capitalised word, as when two widget labels lose the space
// between them ("standardsDiscussion"), but not "McDonald" or "iPhone".
func splitGlued(w string) []string {
	var out []string
	lower, start := 0, 0
	prev := rune(0)
	for i, r := range w {
		if unicode.IsUpper(r) && lower >= 2 && unicode.IsLower(prev) {
			rest := w[i+utf8.RuneLen(r):]
			nr, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsLower(nr) {
				out = append(out, w[start:i])
				start = i
			}
		}
		if unicode.IsLower(r) {
			lower++
		} else {
			lower = 0
		}
		prev = r
	}
	return append(out, w[start:])
}

// uiWords are words of web-page interfaces. A short line that is not a
// sentence and is made of them is a button, a menu or a widget.
var uiWords = lexicon.LazySet(`share shares shared tweet retweet email e-mail print comment comments
	discussion community standards guidelines subscribe subscription newsletter newsletters login
	log sign signup register follow like listen live watch play video videos audio podcast photo
	photos gallery image images advertisement advertising ad ads sponsored related recommended
	trending popular read more click here url link links copy download app copyright © rights
	reserved cookies cookie privacy policy terms menu search home next previous prev back top
	loading facebook twitter whatsapp telegram linkedin reddit pinterest instagram youtube vk rss
	feed contact about us skip content close open toggle navigation short get view show hide all
	save bookmark reply replies report abuse tags tag topics latest news updates now see also
	story stories continue continued reading page pages caption enlarge`)

// strongUIWords are interface words that rarely head a paragraph of text:
// one of them in a line of up to four words that is not a sentence marks
// a widget.
var strongUIWords = lexicon.LazySet(`share tweet retweet email e-mail print comment comments subscribe
	newsletter login signup listen advertisement sponsored url copyright © cookies facebook
	twitter whatsapp telegram linkedin reddit pinterest instagram youtube bookmark reply loading
	skip menu toggle navigation download`)

// clauseWords are pronouns and auxiliary verbs: a line holding one is
// running text, not a list of keywords.
var clauseWords = lexicon.LazySet(`i you he she it we they there this that these those who which is are was
	were be been being has have had do does did will would can could should may might must said says`)

// The kinds of line the rules drop anywhere in the text, whatever is
// around them.
const (
	reasonNoLetters  = "no letters"       // counters, separators: "0 121", "***"
	reasonLabelCount = "label with count" // "Iraqi Kurdistan's Independence Referendum (53)"
	reasonTagLine    = "tag line"         // "military cooperation, Hossein Baqeri, Iran, Turkey"
	reasonUI         = "interface"        // "Listen Live", "Get short URL", "Share this"
	reasonRepeated   = "repeated label"   // the same short label twice on the page
	reasonDate       = "bare date"        // "22 June 2021"
	reasonCredits    = "credits"          // "(Reporting by Jane Doe; Editing by John Smith)"
	reasonBracketed  = "bracketed link"   // "[Everything you need to know about the vote]"
	reasonCopyright  = "copyright"        // "© 2020 CBS Interactive Inc. All Rights Reserved."
	reasonRun        = "run of labels"    // related headlines, menus
	reasonEdge       = "page edge"        // short non-sentences before the text starts or after it ends
)

func (f paraFeatures) tagLine() bool {
	return !f.sentence && !f.colon && !f.articleItem && !f.clauseWords && f.items >= 3 && f.maxItem <= 4 && len(f.words) <= 30
}

func (f paraFeatures) ui() bool {
	n := len(f.words)
	return !f.sentence && n <= 6 && (f.strongUI > 0 && n <= 4 || f.uiWords > 0 && f.uiWords*2 >= n)
}

// label reports whether a paragraph is short and not a sentence: a
// heading, a menu entry, a headline.
func (f paraFeatures) label() bool {
	return !f.sentence && len(f.words) <= 20 && !f.intro() && !f.listItem
}

// intro reports whether a paragraph introduces what follows: words
// ending in a colon ("They include:").
func (f paraFeatures) intro() bool { return f.colon && len(f.words) >= 2 }

// body reports whether a paragraph reads as body text: a sentence of two
// words or more, a clause introducing a quote or list, or a long stretch
// of words.
func (f paraFeatures) body() bool {
	return f.sentence && len(f.words) >= 2 || f.colon && len(f.words) >= 5 || len(f.words) >= 15 && !f.tagLine()
}

// debrisReasons says for each paragraph why it is debris, or "" when it
// is kept.
func debrisReasons(paras []string) []string {
	n := len(paras)
	fs := make([]paraFeatures, n)
	reasons := make([]string, n)
	count := map[string]int{}
	for i, p := range paras {
		fs[i] = features(p)
		count[strings.ToLower(p)]++
	}
	for i, p := range paras {
		f := fs[i]
		switch {
		case f.letters == 0:
			reasons[i] = reasonNoLetters
		case f.labelCount && len(f.words) <= 12:
			reasons[i] = reasonLabelCount
		case f.tagLine():
			reasons[i] = reasonTagLine
		case f.ui():
			reasons[i] = reasonUI
		case count[strings.ToLower(p)] >= 2 && f.label() && len(f.words) <= 12:
			reasons[i] = reasonRepeated
		case !f.sentence && isStamp(p):
			reasons[i] = reasonDate
		case !f.sentence && len(f.words) <= 25 && creditsRE().MatchString(p):
			reasons[i] = reasonCredits
		case len(f.words) <= 25 && strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") && strings.Count(p, "[") == 1:
			reasons[i] = reasonBracketed
		case len(f.words) <= 20 && copyrightRE().MatchString(p):
			reasons[i] = reasonCopyright
		}
	}
	// Runs of three or more labels: related headlines, menus, link lists;
	// but not a list that a paragraph ending in a colon introduces.
	for i := 0; i < n; {
		j := i
		for j < n && (fs[j].label() || reasons[j] != "") {
			j++
		}
		introduced := i > 0 && fs[i-1].intro() && reasons[i-1] == ""
		if j-i >= 3 && !introduced {
			for k := i; k < j; k++ {
				if reasons[k] == "" {
					reasons[k] = reasonRun
				}
			}
		}
		i = max(j, i+1)
	}
	// Page edges: nothing before the first body paragraph or after the
	// last one is text.
	for i := 0; i < n && !(fs[i].body() && reasons[i] == ""); i++ {
		if reasons[i] == "" {
			reasons[i] = reasonEdge
		}
	}
	for i := n - 1; i >= 0 && !(fs[i].body() && reasons[i] == ""); i-- {
		if reasons[i] == "" {
			reasons[i] = reasonEdge
		}
	}
	return reasons
}

func isStamp(p string) bool {
	_, ok := stampDate(p)
	return ok
}

// dropDebris returns the paragraphs that are not page furniture. When the
// rules would leave nothing, only the lines that are debris wherever they
// stand are dropped.
func dropDebris(paras []string) []string {
	reasons := debrisReasons(paras)
	out := make([]string, 0, len(paras))
	for i, p := range paras {
		if reasons[i] == "" {
			out = append(out, p)
		}
	}
	if len(out) > 0 {
		return out
	}
	for i, p := range paras {
		if reasons[i] == reasonEdge || reasons[i] == reasonRun {
			out = append(out, p)
		}
	}
	return out
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// feedFooterRE matches the line that blog software adds to the end of
// every feed item ("The post Title appeared first on Site.").
var feedFooterRE = lazyRegexp(`^The post .{1,300} appeared first on .{1,100}\.?$`)

// dropWidgets drops only the paragraphs that are furniture wherever they
// stand (counters, interface lines, labels with counts, credits, the feed
// footer of blog software), keeping short lines at the edges: feed items
// are short and have no page around them.
func dropWidgets(paras []string) []string {
	reasons := debrisReasons(paras)
	out := make([]string, 0, len(paras))
	for i, p := range paras {
		switch reasons[i] {
		case reasonNoLetters, reasonUI, reasonLabelCount, reasonCredits, reasonCopyright:
			continue
		}
		if feedFooterRE().MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return paras
	}
	return out
}
