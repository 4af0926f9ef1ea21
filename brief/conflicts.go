package brief

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// Disagreements between sources.
//
// Figures: every number a source states as fact (not inside a date or a
// time, not in comment) is read with what it counts: the unit after it
// ("217 people", "55 buildings", "62%", "$1 million", "20 km"), the
// measure the nearest measure word names (killed, injured, missing, turnout,
// magnitude, depth…), a qualifier that makes it another quantity
// ("seriously injured"), the place it is given for ("117 in Ercis") and
// the person it belongs to when the name stands right by it ("Zelensky
// 73.2%"), and the earlier time its sentence tells of, if any ("from 2007
// to 2014"). Which figures are of one quantity is claims.go's
// quantityGroups: the dead and the injured, or the toll of one town and
// of another, are never compared, while a source that leaves out a
// complement, person or time another states may still speak of the same
// quantity. A figure given again in other units in brackets ("55 miles
// (90 kilometers)") is one figure. A quantity for which the sources give
// different values is a conflict: each value with the sources that give
// it and the sentence that states it, a rounder value ("$141 million")
// shown with the finer one it rounds ("$140,937,785"). When every
// source gives one value and the
// values rise (or fall) steadily with the sources' publication dates, the
// conflict is a change over time (a death toll rising as the story
// unfolds), marked Change, its claims in publication order.

// measures maps measure words to the quantity they measure. The closest
// measure word to a figure in its sentence says what the figure counts
// when its unit does not: the dead and the injured are both "people".
var measures = func() map[string]string {
	m := make(map[string]string, 40)
	for _, c := range [...]struct{ class, words string }{
		{"killed", "killed kill kills killing dead death deaths died die dies toll fatalities lives bodies perished fatality"},
		{"injured", "injured injuring injuries injury wounded wounding hurt"},
		{"missing", "missing"},
		{"arrested", "arrested detained"},
		{"turnout", "turnout"},
		{"magnitude", "magnitude richter"},
		{"depth", "depth deep"},
	} {
		for w := range strings.FieldsSeq(c.words) {
			m[w] = c.class
		}
	}
	return m
}()

// peopleMeasures are the measures of counts of people.
var peopleMeasures = map[string]bool{"killed": true, "injured": true, "missing": true, "arrested": true}

// qualifiers make a figure another quantity than the bare one: the
// seriously injured are a part of the injured.
var qualifiers = map[string]string{
	"seriously": "serious", "serious": "serious", "critically": "serious", "critical": "serious",
	"severely": "serious", "badly": "serious", "gravely": "serious", "lightly": "light", "slightly": "light",
	"additional": "more", "further": "more", "remaining": "more",
}

// peopleUnits are the words that, after a figure, say it counts people.
var peopleUnits = map[string]bool{
	"people": true, "person": true, "persons": true, "dead": true, "killed": true, "injured": true,
	"wounded": true, "victims": true, "casualties": true, "fatalities": true, "deaths": true,
	"others": true, "residents": true, "civilians": true, "passengers": true, "lives": true,
}

func init() {
	for w := range peopleUnits {
		peopleUnits[unitOf(w)] = true
	}
}

// scaleWords multiply the figure before them.
var scaleWords = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// smallNumbers are the number words read as figures when a unit follows:
// lexicon's, but "one", which is a pronoun as often ("one of the
// victims"), and countWords.
var smallNumbers = func() map[string]float64 {
	m := make(map[string]float64, 32)
	for _, w := range lexicon.Words(lexicon.NumberWord, 0) {
		if v, _ := lexicon.NumberValue(w); v > 1 {
			m[w] = float64(v)
		}
	}
	for w, v := range countWords {
		m[w] = v
	}
	return m
}()

// countWords are the nouns of a count read as a figure ("a dozen
// wounded"): not number words, so not lexicon's.
var countWords = map[string]float64{"dozen": 12}

// timeUnits are the units of durations, counted as units though they are
// stopwords elsewhere.
var timeUnits = map[string]bool{"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true, "days": true, "hour": true, "hours": true}

// cueWords end the reach of a name: in "Erdogan said 55 buildings" the
// figure is not Erdogan's.
var cueWords = map[string]bool{"said": true, "says": true, "told": true, "say": true, "according": true, "reported": true, "announced": true, "stated": true, "added": true}

// contrastWords set one figure against another ("73% while Poroshenko
// had 25%"): a person's name beyond them is not the figure's.
var contrastWords = map[string]bool{"while": true, "whiles": true, "whereas": true, "against": true, "but": true, "versus": true, "vs": true, "compared": true}

// figure is one number a source states, with what it counts.
type figure struct {
	doc     *news.Doc
	value   float64
	prec    float64 // the step of the figure as written: 1 for 217, 0.1 for 7.2, 1e6 for $43 million
	text    string  // the figure as written, with its unit
	unit    string
	measure string
	qual    string
	place   string
	// comp is what a sum or a span is of ("$5,150 on fur capes", "40
	// years of one-man rule"): the first content word after a preposition
	// right after the figure, "" when none.
	comp   string
	person string
	// period is the time well before its article that the figure's
	// sentence tells of (background), "" for the story's own time: the
	// toll of an earlier disaster is another quantity than this one's,
	// and figures of one past period are compared with each other only.
	period   string
	evidence string
	context  bag // content words around the figure
}

func (f figure) key() string {
	return f.unit + "|" + f.measure + "|" + f.qual + "|" + f.place + "|" + f.comp + "|" + f.person + "|" + f.period
}

// word is a token of a sentence: a run of letters and digits (with the
// points and commas inside a number) and its byte offset in the doc.
type word struct {
	text  string
	start int
	end   int
}

// appendWords appends the words of text to out, each with its offsets
// in the doc (text starts at base): a caller that reads one sentence's
// words at a time reuses one slice.
func appendWords(out []word, text string, base int) []word {
	i := 0
	for i < len(text) {
		// An ASCII byte is read without decoding a rune or asking
		// unicode (a letter or digit there is a-z, A-Z, 0-9).
		c := text[i]
		if c < utf8.RuneSelf && !ascii.IsAlnum(c) && c != '%' && c != '$' {
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '€' && r != '£' {
				i += n
				continue
			}
		}
		if r == '%' || r == '$' || r == '€' || r == '£' {
			out = append(out, word{text[i : i+n], base + i, base + i + n})
			i += n
			continue
		}
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if ascii.IsAlnum(c) || c == '\'' {
					j++
					continue
				}
				if (c == '.' || c == ',') && j > i && ascii.IsDigit(text[j-1]) && j+1 < len(text) && ascii.IsDigit(text[j+1]) {
					j++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' {
				j += n
				continue
			}
			break
		}
		out = append(out, word{text[i:j], base + i, base + j})
		i = j
	}
	return out
}

// splitNumber splits a word into its leading number and what is glued to
// it ("20km" gives 20 and "km"); ok is false when it opens with no digit.
func splitNumber(w string) (float64, string, bool) {
	j := 0
	for j < len(w) && (ascii.IsDigit(w[j]) || w[j] == '.' || w[j] == ',') {
		j++
	}
	if j == 0 {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w[:j], ",", ""), 64)
	if err != nil {
		return 0, "", false
	}
	return v, strings.ToLower(w[j:]), true
}

// figures lists the figures a doc states as fact. names maps the forms
// of the story's people to their names; setting holds the places every
// source names (the story's setting), which say nothing of a figure.
func figures(d *news.Doc, names map[string]string, setting map[string]bool) []figure {
	var out []figure
	persons := map[int]string{} // word start offset → person name
	for _, m := range d.Mentions {
		if m.Type == news.Person {
			persons[m.Start] = m.Text
		}
	}
	pi := newPersonIndex(d)
	bg := background(d)
	var ws []word
	for si, s := range d.Sentences {
		if d.InOpinion(s.Span) {
			continue
		}
		text := d.SentenceText(si)
		ws = appendWords(ws[:0], text, s.Start)
		for k := range ws {
			if conversion(d, ws, k) {
				continue
			}
			f, ok := readFigure(d, pi, ws, k, names)
			if !ok {
				continue
			}
			f.period = bg[si]
			f.evidence = tidy(text)
			out = append(out, f)
		}
	}
	// A setting's name is no place of a figure, unless the sentence sets
	// it against another place's figure ("100 in Van and 117 in Ercis").
	for i := range out {
		if !setting[out[i].place] {
			continue
		}
		alone := true
		for j := range out {
			if j != i && out[j].evidence == out[i].evidence && out[j].place != "" && out[j].place != out[i].place && out[j].unit == out[i].unit {
				alone = false
			}
		}
		if alone {
			out[i].place = ""
		}
	}
	// Where a sum went ("$5,587.75 at the Martha's Vineyard Holistic
	// Retreat") is what it was spent on ("$5,687.75 on Martha's Vineyard
	// Holistic Retreat"): its complement, not a place it is counted in.
	for i, f := range out {
		if (f.unit == "$" || f.unit == "€" || f.unit == "£") && f.place != "" && f.comp == "" {
			out[i].comp, out[i].place = f.place, ""
		}
	}
	return out
}

// conversion reports whether the number at word k gives the figure
// before it in other units, in brackets right after it: the 90 of "55
// miles (90 kilometers)" is the 55 again, not a second figure.
func conversion(d *news.Doc, ws []word, k int) bool {
	if k < 2 || !strings.Contains(d.Text[ws[k-1].end:ws[k].start], "(") || !isWordOfLetters(ws[k-1].text) {
		return false
	}
	_, _, isNum := splitNumber(ws[k-2].text)
	return isNum
}

// backgroundDays is how long before its article's date a sentence's
// date must end for its figures to be background (an earlier disaster's
// toll), not the story's.
const backgroundDays = 60

// background gives, for each sentence of d that tells of a time well
// before its article's date, that time: the span from the earliest start
// to the latest end of its dates that end backgroundDays or more before
// the article ("2007-01-01/2014-12-31"); "" for the other sentences. One
// pass over the time expressions.
func background(d *news.Doc) []string {
	bg := make([]string, len(d.Sentences))
	if d.Date.IsZero() {
		return bg
	}
	from := make([]time.Time, len(d.Sentences))
	to := make([]time.Time, len(d.Sentences))
	for _, t := range d.Timexes {
		if t.Sentence < 0 || t.Sentence >= len(bg) || t.Type != "DATE" {
			continue
		}
		st, en, ok := timex.Interval(t.Value)
		if !ok || !en.Before(d.Date.AddDate(0, 0, -backgroundDays)) {
			continue
		}
		i := t.Sentence
		if from[i].IsZero() || st.Before(from[i]) {
			from[i] = st
		}
		if en.After(to[i]) {
			to[i] = en
		}
	}
	for i := range bg {
		if !from[i].IsZero() {
			bg[i] = day(from[i]) + "/" + day(to[i])
		}
	}
	return bg
}

// inTimex reports whether a span lies in a date or a time expression.
// It searches pi's date and time spans, sorted by start, where maxEnd[k]
// is the furthest end among the first k+1.
func inTimex(pi personIndex, start, end int) bool {
	k := sort.Search(len(pi.timexStart), func(k int) bool { return pi.timexStart[k] > start })
	return k > 0 && pi.timexMaxEnd[k-1] >= end
}

// readFigure reads the figure at word k of a sentence, if it is one.
func readFigure(d *news.Doc, pi personIndex, ws []word, k int, names map[string]string) (figure, bool) {
	w := ws[k]
	v, glued, isNum := splitNumber(w.text)
	if !isNum {
		n, ok := ascii.Lookup(smallNumbers, w.text)
		if !ok {
			return figure{}, false
		}
		v = n
	}
	if inTimex(pi, w.start, w.end) && (glued == "" || isNum) {
		// A figure of a duration ("seven months") is kept; a date's is not.
		if !isDuration(d, w.start, w.end) {
			return figure{}, false
		}
	}
	if isNum && glued == "" && v >= 1900 && v <= 2100 && !strings.Contains(w.text, ",") && !strings.Contains(w.text, ".") {
		return figure{}, false // a year
	}
	if clockTime(d, ws, k) {
		return figure{}, false
	}
	if k > 0 && (ws[k-1].text == "No" || ws[k-1].text == "no") {
		return figure{}, false
	}
	f := figure{doc: d, value: v, prec: 1}
	if i := strings.IndexByte(w.text, '.'); i >= 0 && isNum {
		dec := 0
		for _, c := range w.text[i+1:] {
			if c < '0' || c > '9' {
				break
			}
			dec++
		}
		f.prec = math.Pow(10, -float64(dec))
	}
	written := []string{w.text}
	next := k + 1
	if k > 0 && (ws[k-1].text == "$" || ws[k-1].text == "€" || ws[k-1].text == "£") {
		f.unit = ws[k-1].text
		written = []string{ws[k-1].text + w.text}
	}
	switch glued {
	case "s":
		return figure{}, false // the 1970s, the 80s
	case "", "th", "st", "nd", "rd":
	case "m", "bn":
		if glued == "m" {
			f.value *= 1e6
			f.prec *= 1e6
		} else {
			f.value *= 1e9
			f.prec *= 1e9
		}
	default:
		f.unit = unitOf(glued)
	}
	if next < len(ws) {
		if sc, ok := scaleWords[strings.ToLower(ws[next].text)]; ok {
			f.value *= sc
			f.prec *= sc
			written = append(written, ws[next].text)
			next++
		}
	}
	if next < len(ws) && (ws[next].text == "%" || strings.EqualFold(ws[next].text, "percent")) {
		f.unit = "%"
		written = append(written, ws[next].text)
		next++
	} else if next+1 < len(ws) && strings.EqualFold(ws[next].text, "per") && strings.EqualFold(ws[next+1].text, "cent") {
		f.unit = "%"
		written = append(written, "per cent")
		next += 2
	}
	if f.unit == "" && next < len(ws) {
		// The unit is the first plural noun among the next three words
		// ("80 multistory buildings", "296 newly released prisoners"),
		// else the word right after ("264 dead", "7.2 magnitude").
		head := -1
		for j := next; j < min(len(ws), next+3); j++ {
			u := strings.ToLower(ws[j].text)
			if stopwords[u] && !timeUnits[u] || !isWordOfLetters(u) {
				break
			}
			if _, isMeasure := measures[u]; isMeasure && j > next {
				break
			}
			if timeUnits[u] || peopleUnits[u] || strings.HasSuffix(u, "s") && !strings.HasSuffix(u, "ss") {
				head = j
				break
			}
		}
		if head < 0 {
			if u := strings.ToLower(ws[next].text); (!stopwords[u] || timeUnits[u]) && isWordOfLetters(u) && nounLike(u) {
				head = next
			}
		}
		if head >= 0 {
			f.unit = unitOf(ws[head].text)
			for j := next; j <= head; j++ {
				written = append(written, ws[j].text)
			}
			next = head + 1
		}
	}
	if populationOf(ws, k) && (f.unit == "" || peopleUnits[f.unit] || !strings.HasSuffix(f.unit, "s")) {
		// "a city of 75,000", "a district of around 100,000 people": how
		// many live there
		f.unit, f.measure, f.text = "people", "population", written[0]
		if len(written) > 1 && peopleUnits[strings.ToLower(written[len(written)-1])] {
			f.text = strings.Join(written, " ")
		}
		f.context = contextOf(ws, k, next)
		return f, true
	}
	if !isNum && f.unit == "" {
		return figure{}, false // a number word needs a unit
	}
	if timeUnits[strings.ToLower(f.unit)] || f.unit == "year" {
		if next < len(ws) && strings.EqualFold(ws[next].text, "old") {
			return figure{}, false // an age: "the 52-year-old driver"
		}
	}
	if peopleUnits[f.unit] {
		f.unit = "people"
	}
	unitMeasure := ""
	if c, ok := measures[f.unit]; ok && f.unit != "people" {
		// "7.2 magnitude" is "magnitude 7.2"; "264 dead" counts people.
		f.unit, unitMeasure = "", c
		if c == "killed" || c == "injured" {
			f.unit = "people"
		}
	}
	f.text = strings.Join(written, " ")
	// The measure: the closest measure word of the figure's phrase:
	// before it back to a clause mark or another figure, after it up to
	// "and", a clause mark or another figure ("killed at least 80 people
	// and injured 130 more": 80 are the dead).
	best := 1 << 30
	for j := k - 1; j >= max(0, k-8) && boundaries(d, ws, j, k) == 0; j-- {
		if _, _, isNum := splitNumber(ws[j].text); isNum {
			break
		}
		if c, ok := measures[strings.ToLower(ws[j].text)]; ok {
			best, f.measure = k-j+1, c
			break
		}
	}
	for j := k + 1; j < min(len(ws), next+4) && boundaries(d, ws, k, j) == 0; j++ {
		lw := strings.ToLower(ws[j].text)
		if _, _, isNum := splitNumber(ws[j].text); isNum || lw == "and" || lw == "or" {
			break
		}
		if c, ok := measures[lw]; ok {
			if j-k <= best {
				f.measure = c
			}
			break
		}
	}
	if unitMeasure != "" {
		f.measure = unitMeasure
	}
	// "35 of them in a serious condition", "31 in critical condition":
	// people in hospital.
	for j := next; j < min(len(ws), next+10); j++ {
		lw := strings.ToLower(ws[j].text)
		if _, _, isNum := splitNumber(ws[j].text); isNum {
			break
		}
		if q := qualifiers[lw]; q == "serious" && j+1 < len(ws) && strings.EqualFold(ws[j+1].text, "condition") {
			f.qual = q
			if f.unit == "" || f.unit == "of" {
				f.unit, f.measure = "people", "injured"
			}
			break
		}
	}
	if f.unit != "" && f.unit != "people" && peopleMeasures[f.measure] {
		f.measure = "" // "toppling 80 buildings and killing 70 people"
	}
	if f.unit == "" && f.measure == "" {
		return figure{}, false
	}
	if f.unit == "" && (f.measure == "killed" || f.measure == "injured" || f.measure == "missing" || f.measure == "arrested") {
		f.unit = "people"
	}
	// A qualifier just before the figure, before its unit, or in
	// "in critical condition" after it.
	for j := max(0, k-2); j < min(len(ws), next+3); j++ {
		q, ok := qualifiers[strings.ToLower(ws[j].text)]
		if !ok || j >= next && (q != "serious" || !strings.EqualFold(ws[j-1].text, "in")) {
			continue
		}
		f.qual = q
	}
	// The place: "in Ercis", "in the city of Van" right after.
	for j := next; j < min(len(ws), next+3); j++ {
		lw := strings.ToLower(ws[j].text)
		if lw != "in" && lw != "at" {
			continue
		}
		for x := j + 1; x < min(len(ws), j+7) && boundaries(d, ws, j, x) == 0; x++ {
			r, _ := utf8.DecodeRuneInString(ws[x].text)
			if unicode.IsUpper(r) {
				f.place = bareWord(ws[x].text)
				break
			}
		}
		break
	}
	// What a sum or a span is of: sums spent on two things, or years of
	// rule and years since an event, are different quantities.
	if f.unit == "$" || f.unit == "€" || f.unit == "£" || timeUnits[f.unit] || f.unit == "year" {
		f.comp = complementOf(d, ws, next)
	}
	// The person: a name right before the figure (no verb of saying
	// between), else one soon after its unit, within its clause.
	for j := k - 1; j >= max(0, k-10) && boundaries(d, ws, j, k) == 0; j-- {
		if cueWords[strings.ToLower(ws[j].text)] || contrastWords[strings.ToLower(ws[j].text)] {
			break
		}
		if p, ok := personAt(d, pi, ws[j], names); ok {
			f.person = p
			break
		}
	}
	if f.person == "" {
		for j := next; j < min(len(ws), next+7) && boundaries(d, ws, k, j) == 0; j++ {
			if cueWords[strings.ToLower(ws[j].text)] || contrastWords[strings.ToLower(ws[j].text)] {
				break
			}
			if p, ok := personAt(d, pi, ws[j], names); ok {
				f.person = p
				break
			}
		}
	}
	f.context = contextOf(ws, k, next)
	return f, true
}

// contextOf is the content words around the figure at words [k,next).
func contextOf(ws []word, k, next int) bag {
	ctx := bag{}
	for j := max(0, k-10); j < min(len(ws), next+10); j++ {
		if j >= k && j < next {
			continue
		}
		x := strings.ToLower(ws[j].text)
		if len(x) < 3 || stopwords[x] || !isWordOfLetters(x) {
			continue
		}
		ctx[unitOf(x)] = 1
	}
	return ctx
}

// settlements are the places a population is given for: "a city of
// 75,000".
var settlements = map[string]bool{
	"city": true, "town": true, "village": true, "district": true, "province": true, "region": true,
	"country": true, "nation": true, "island": true, "state": true, "county": true, "municipality": true,
}

// approximators soften a figure: "of around 100,000".
var approximators = map[string]bool{"about": true, "around": true, "some": true, "nearly": true, "roughly": true, "almost": true, "approximately": true}

// populationOf reports whether the figure at word k is a settlement's
// population: a settlement, "of", and maybe an approximator before it.
func populationOf(ws []word, k int) bool {
	j := k - 1
	if j >= 0 && approximators[strings.ToLower(ws[j].text)] {
		j--
	}
	return j >= 1 && strings.EqualFold(ws[j].text, "of") && settlements[strings.ToLower(ws[j-1].text)]
}

// complementPreps open the complement that says what a sum or a span is
// of.
var complementPreps = map[string]bool{"of": true, "on": true, "in": true, "to": true, "for": true}

// complementOf returns the first content word of the prepositional phrase
// right after a figure's phrase (word next), within its clause: "on fur
// capes" gives "fur", "on the Navigator of the Seas cruise" "navigator".
// A place ("in Van") is not a complement.
func complementOf(d *news.Doc, ws []word, next int) string {
	if next >= len(ws) || !complementPreps[strings.ToLower(ws[next].text)] || boundaries(d, ws, next-1, next) > 0 {
		return ""
	}
	in := strings.EqualFold(ws[next].text, "in")
	for j := next + 1; j < min(len(ws), next+4) && boundaries(d, ws, next, j) == 0; j++ {
		x := ws[j].text
		lx := bareWord(x)
		if stopwords[lx] || !isWordOfLetters(lx) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(x); in && unicode.IsUpper(r) {
			return ""
		}
		return unitOf(lx)
	}
	return ""
}

// bareWord is a word in lower case without a possessive ending:
// "Martha's" and "Martha’s" give "martha".
func bareWord(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"'s", "’s"} {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			return s
		}
	}
	return w
}

// clockTime reports whether the number at word k is part of a clock time
// ("10.40 a.m.", "1:41 p.m.", "13:40 GMT").
func clockTime(d *news.Doc, ws []word, k int) bool {
	w := ws[k]
	if w.end < len(d.Text) && d.Text[w.end] == ':' || w.start > 0 && d.Text[w.start-1] == ':' {
		return true
	}
	if k+1 < len(ws) {
		switch strings.ToLower(ws[k+1].text) {
		case "am", "pm", "gmt", "utc", "cet", "est", "edt", "bst":
			return true
		case "a", "p":
			return k+2 < len(ws) && strings.EqualFold(ws[k+2].text, "m")
		}
	}
	return false
}

// isDuration reports whether a span lies in a duration expression.
func isDuration(d *news.Doc, start, end int) bool {
	for _, t := range d.Timexes {
		if t.Type == "DURATION" && t.Start <= start && end <= t.End {
			return true
		}
	}
	return false
}

// personAt returns the person a word names, by the doc's mentions, as
// the story's entity name (so that Zelenskiy and Zelensky are one).
func personAt(d *news.Doc, pi personIndex, w word, names map[string]string) (string, bool) {
	for _, k := range pi.at(d, w.start) {
		m := d.Mentions[k]
		if m.Type == news.Person && m.Start <= w.start && w.start < m.End {
			if n, ok := names[m.Text]; ok {
				return n, true
			}
			last := strings.Fields(m.Text)
			return last[len(last)-1], true
		}
	}
	return "", false
}

// personIndex finds the person mentions of a document that may hold an
// offset by binary search when they are in order and do not overlap
// (the tagger's output), and falls back to every mention otherwise.
// It also holds the document's date and time spans for inTimex.
type personIndex struct {
	ms     []int // indexes into Doc.Mentions of its persons, by start
	sorted bool

	timexStart, timexMaxEnd []int
}

func newPersonIndex(d *news.Doc) personIndex {
	pi := personIndex{sorted: true}
	for k, m := range d.Mentions {
		if m.Type != news.Person {
			continue
		}
		if n := len(pi.ms); n > 0 && d.Mentions[pi.ms[n-1]].End > m.Start {
			pi.sorted = false
		}
		pi.ms = append(pi.ms, k)
	}
	var ts []news.Span
	for _, t := range d.Timexes {
		if t.Type == "DATE" || t.Type == "TIME" {
			ts = append(ts, t.Span)
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Start < ts[j].Start })
	for k, t := range ts {
		pi.timexStart = append(pi.timexStart, t.Start)
		if k > 0 {
			t.End = max(t.End, pi.timexMaxEnd[k-1])
		}
		pi.timexMaxEnd = append(pi.timexMaxEnd, t.End)
	}
	return pi
}

// at returns the indexes of the mentions to try for offset p, in the
// order of Doc.Mentions.
func (pi personIndex) at(d *news.Doc, p int) []int {
	if !pi.sorted {
		return pi.ms
	}
	i := sort.Search(len(pi.ms), func(i int) bool { return d.Mentions[pi.ms[i]].Start > p })
	if i == 0 {
		return nil
	}
	return pi.ms[i-1 : i]
}

// boundaries counts the clause marks (, ; : – and a full stop) between
// words i and j of a sentence.
func boundaries(d *news.Doc, ws []word, i, j int) int {
	if i > j {
		i, j = j, i
	}
	n := 0
	for x := i; x < j && x+1 < len(ws); x++ {
		gap := d.Text[ws[x].end:ws[x+1].start]
		if strings.ContainsAny(gap, ",;:()") || strings.Contains(gap, "–") || strings.Contains(gap, "—") || strings.Contains(gap, " - ") {
			n++
		}
	}
	return n
}

// nounLike reports whether a lowercase word may be a unit: not a verb's
// or an adverb's ending ("followed", "rattled", "newly"), not an
// adjective's ("thunderous").
func nounLike(w string) bool {
	if peopleUnits[w] || timeUnits[w] {
		return true
	}
	if _, ok := measures[w]; ok {
		return true
	}
	for _, suf := range []string{"ed", "ing", "ly", "ous", "ful", "ive"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

func isWordOfLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// unitOf folds a unit's spellings: a plural to its singular, kilometres
// to km, cars and trucks to vehicles.
func unitOf(u string) string {
	u = strings.ToLower(u)
	switch u {
	case "kilometres", "kilometers", "kilometre", "kilometer", "kms":
		return "km"
	case "miles":
		return "mile"
	case "car", "cars", "truck", "trucks", "vehicles":
		return "vehicle" // "two vehicles" and "four cars" count one thing
	}
	if len(u) > 4 && strings.HasSuffix(u, "ies") {
		return u[:len(u)-3] + "y"
	}
	if len(u) > 3 && strings.HasSuffix(u, "s") && !strings.HasSuffix(u, "ss") {
		return u[:len(u)-1]
	}
	return u
}

// figureConflicts compares the figures of the story's sources.
func figureConflicts(s *news.Story, ents []news.Entity, orig map[string]string) []news.Conflict {
	all := storyFigures(s, ents, orig)
	groups := quantityGroups(all)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i][0].key() < groups[j][0].key() })
	var out []news.Conflict
	for _, g := range groups {
		if c, ok := figureConflict(g); ok {
			out = append(out, c)
		}
	}
	return append(out, timeConflicts(s, orig)...)
}

// storyFigures lists the figures of the story's sources that copy no
// other, leaving out those that say nothing of what they count: a share
// of no one and no measure, people counted without what befell them.
// The places that most sources name (the story's setting) are no
// figure's place.
func storyFigures(s *news.Story, ents []news.Entity, orig map[string]string) []figure {
	names := map[string]string{}
	for _, e := range ents {
		if e.Type != news.Person {
			continue
		}
		for _, f := range e.Forms {
			names[f] = e.Name
		}
	}
	placeDocs := map[string]int{}
	for _, d := range s.Docs {
		seen := map[string]bool{}
		for _, m := range d.Mentions {
			if m.Type == news.Place {
				for w := range strings.FieldsSeq(strings.ToLower(m.Text)) {
					seen[w] = true
				}
			}
		}
		for w := range seen {
			placeDocs[w]++
		}
	}
	setting := map[string]bool{}
	for w, n := range placeDocs {
		if 5*n >= 3*len(s.Docs) {
			setting[w] = true
		}
	}
	var all []figure
	for _, d := range s.Docs {
		if _, isCopy := orig[d.ID]; isCopy {
			continue
		}
		for _, f := range figures(d, names, setting) {
			if f.unit == "%" && f.person == "" && f.measure == "" {
				continue // a share of what is not said
			}
			if f.unit == "people" && f.measure == "" && f.qual == "" {
				continue // people counted without what befell them
			}
			all = append(all, f)
		}
	}
	return all
}

// figureConflict makes the conflict of one quantity's figures, if the
// sources give it different values.
func figureConflict(all []figure) (news.Conflict, bool) {
	// Keep the figures that another source's figure of a different
	// value contradicts: the two sentences around them share words
	// besides the quantity, so they tell of one thing.
	var fs []figure
	for i := range all {
		a := &all[i]
		for j := range all {
			// The figures of a group are of one quantityOf (see
			// quantityGroups).
			if b := &all[j]; i != j && !sameWithin(a.value, a.prec, b.value, b.prec) && sameQuantity(a, b) {
				fs = append(fs, *a)
				break
			}
		}
	}
	if len(fs) < 2 {
		return news.Conflict{}, false
	}
	type claim struct {
		value    float64
		prec     float64
		text     string
		sources  []string
		evidence string
		first    time.Time
		rounded  []string // the rounder values that round this one, as written
	}
	var claims []*claim
	docs := map[string]bool{}
	for _, f := range fs {
		docs[f.doc.ID] = true
		var c *claim
		for _, x := range claims {
			if sameFigure(x.value, f.value) {
				c = x
			}
		}
		if c == nil {
			c = &claim{value: f.value, prec: f.prec, text: f.text, evidence: f.evidence, first: f.doc.Date}
			claims = append(claims, c)
		}
		c.prec = math.Min(c.prec, f.prec)
		if !contains(c.sources, f.doc.ID) {
			c.sources = append(c.sources, f.doc.ID)
		}
		if !f.doc.Date.IsZero() && (c.first.IsZero() || f.doc.Date.Before(c.first)) {
			c.first = f.doc.Date
		}
	}
	// A rounder value that a finer one rounds to ("$43 million" beside
	// "$43,885,310", "24%" beside "24.45%") contradicts nothing: it joins
	// the claim of the nearest finer value it rounds, which shows both.
	kept := claims[:0:0]
	for _, x := range claims {
		var into *claim
		for _, y := range claims {
			if y != x && y.prec < x.prec && roundsTo(y.value, x.value, x.prec) && (into == nil || math.Abs(y.value-x.value) < math.Abs(into.value-x.value)) {
				into = y
			}
		}
		if into == nil {
			kept = append(kept, x)
			continue
		}
		into.rounded = append(into.rounded, x.text)
		for _, src := range x.sources {
			if !contains(into.sources, src) {
				into.sources = append(into.sources, src)
			}
		}
		if !x.first.IsZero() && (into.first.IsZero() || x.first.Before(into.first)) {
			into.first = x.first
		}
	}
	claims = kept
	if len(claims) < 2 || len(docs) < 2 {
		return news.Conflict{}, false
	}
	// Some two values must come from different sources: one source
	// alone giving several values is not a disagreement between sources.
	apart := false
	for i := range claims {
		for j := range claims {
			if i != j && !sameSet(claims[i].sources, claims[j].sources) {
				apart = true
			}
		}
	}
	if !apart {
		return news.Conflict{}, false
	}
	f := fs[0]
	c := news.Conflict{About: aboutFigure(f), Kind: "number"}
	// A change over time: each source gives one value, and the values
	// move one way as the publication dates advance.
	sort.SliceStable(claims, func(i, j int) bool {
		a, b := claims[i].first, claims[j].first
		if !a.Equal(b) && !a.IsZero() && !b.IsZero() {
			return a.Before(b)
		}
		return false
	})
	// a population does not change as a story unfolds
	c.Change = f.measure != "population" && changeOverTime(fs, claims[0].first.IsZero())
	if !c.Change {
		sort.SliceStable(claims, func(i, j int) bool { return claims[i].value < claims[j].value })
	}
	for _, x := range claims {
		sort.Strings(x.sources)
		text := x.text
		if len(x.rounded) > 0 {
			text += " (" + strings.Join(x.rounded, ", ") + ")"
		}
		c.Claims = append(c.Claims, news.Claim{Value: text, Sources: x.sources, Evidence: x.evidence})
	}
	return c, true
}

// changeOverTime reports whether the figures rise (or fall) steadily with
// their sources' publication dates, each source giving one value and the
// sources spanning more than one day.
func changeOverTime(fs []figure, undated bool) bool {
	if undated {
		return false
	}
	byDoc := map[string]float64{}
	dates := map[string]time.Time{}
	for _, f := range fs {
		if f.doc.Date.IsZero() {
			return false
		}
		if v, ok := byDoc[f.doc.ID]; ok && !sameFigure(v, f.value) {
			return false
		}
		byDoc[f.doc.ID] = f.value
		dates[f.doc.ID] = f.doc.Date
	}
	ids := make([]string, 0, len(byDoc))
	days := map[string]bool{}
	for id := range byDoc {
		ids = append(ids, id)
		days[day(dates[id])] = true
	}
	if len(days) < 2 {
		return false
	}
	sort.Slice(ids, func(i, j int) bool {
		if !dates[ids[i]].Equal(dates[ids[j]]) {
			return dates[ids[i]].Before(dates[ids[j]])
		}
		return byDoc[ids[i]] < byDoc[ids[j]]
	})
	up, down := true, true
	for i := 1; i < len(ids); i++ {
		a, b := byDoc[ids[i-1]], byDoc[ids[i]]
		if dates[ids[i-1]].Equal(dates[ids[i]]) && !sameFigure(a, b) {
			return false // one day, two values: a disagreement
		}
		if b < a {
			up = false
		}
		if b > a {
			down = false
		}
	}
	return up || down
}

// comparable reports whether two figures of one quantity's key tell of
// one thing. A figure whose measure or person is known is compared when
// the values are within a factor of three or the surroundings share two
// words; a bare count ("55 buildings", "$400,000") needs shared words
// around it, the more the further apart the values.
func comparable(a, b *figure) bool {
	lo, hi := math.Min(a.value, b.value), math.Max(a.value, b.value)
	ratio := math.Inf(1)
	if lo > 0 {
		ratio = hi / lo
	}
	if (a.period != "" || b.period != "") && topicalContext(a, b) < minSharedContext {
		// figures of an earlier time ("two earthquakes in 1999 killed
		// 20,000 people", "a 7.6 earthquake in Izmit killed more than
		// 17,000") are one quantity only when their sentences tell of
		// one thing, in words besides those of what they count
		return false
	}
	if a.measure == "population" {
		// two towns' populations differ as much as two counts of one:
		// the place must be named around both
		ctx := sharedContext(a, b)
		return ctx >= 1 && (ratio <= 3 || ctx >= minSharedContext)
	}
	if a.measure != "" || a.person != "" && a.person == b.person {
		return ratio <= 3 || sharedContext(a, b) >= minSharedContext
	}
	if ratio <= 1.1 && a.unit != "$" && a.unit != "€" && a.unit != "£" && !timeUnits[a.unit] {
		return true // "295 prisoners" and "296 newly released prisoners"
	}
	ctx := sharedContext(a, b)
	switch {
	case ratio <= 1.5:
		return ctx >= minSharedContext-1
	case ratio <= 3:
		return ctx >= minSharedContext
	}
	return ctx >= minSharedContext+1
}

// minSharedContext is the least score of comparable.
const minSharedContext = 2

// sharedContext counts the words around two figures that both share.
// Every word of a context weighs 1 (contextOf), so the count is the same
// read from either side: it reads the smaller.
func sharedContext(a, b *figure) int {
	if len(b.context) < len(a.context) {
		a, b = b, a
	}
	n := 0
	for w := range a.context {
		if b.context[w] > 0 {
			n++
		}
	}
	return n
}

// sameWithin reports whether two figures are one value as written: the
// finer rounds to the coarser ("$43 million" and "$43,885,310"; not 139
// and 141 million, nor 7.2 and 7.3, nor $1 million and $500,000).
func sameWithin(a, pa, b, pb float64) bool {
	if pa < 1 && pb < 1 && pa*1e6 < math.Abs(a) && pb*1e6 < math.Abs(b) {
		return sameFigure(a, b) // 73.2 and 73.19 are two counts, both precise
	}
	if sameFigure(a, b) {
		return true
	}
	if sameFigure(pa, pb) {
		return math.Abs(a-b) < pa*0.999
	}
	if pa < pb {
		a, pa, b, pb = b, pb, a, pa
	}
	return roundsTo(b, a, pa)
}

// roundsTo reports whether a fine value rounds to a coarse one written
// to a step: to the nearest step, or down to it ("$43 million" for
// $43,885,310).
func roundsTo(fine, coarse, step float64) bool {
	return fine > coarse-step*0.5 && fine < coarse+step*0.999
}

func sameFigure(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a)) }

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

// aboutFigure says what a quantity is: "number of people killed in
// ercis", "magnitude", "% (Zelensky)".
func aboutFigure(f figure) string {
	var parts []string
	switch {
	case f.measure == "population":
		parts = append(parts, "population")
	case f.unit == "%":
		parts = append(parts, "share")
		if f.measure != "" {
			parts = append(parts, "("+f.measure+")")
		}
	case f.unit == "$" || f.unit == "€" || f.unit == "£":
		parts = append(parts, "amount")
		if f.measure != "" {
			parts = append(parts, "("+f.measure+")")
		}
	case f.unit == "":
		parts = append(parts, f.measure)
	default:
		parts = append(parts, "number of "+f.unit)
		if f.measure != "" && f.measure != f.unit {
			parts = append(parts, f.measure)
		}
	}
	if f.qual != "" {
		parts = append(parts, "("+f.qual+")")
	}
	if f.place != "" {
		parts = append(parts, "in "+upperFirst(f.place))
	}
	if f.person != "" {
		parts = append(parts, "for "+upperFirst(f.person))
	}
	return strings.Join(parts, " ")
}

// withKind sets the kind of conflicts that have none.
func withKind(cs []news.Conflict, kind string) []news.Conflict {
	for i := range cs {
		if cs[i].Kind == "" {
			cs[i].Kind = kind
		}
	}
	return cs
}

// fromOriginals gathers of(d) over the story's docs that copy no other
// (orig maps a copy's ID to its original's), in the order of the docs: a
// copy repeats its original's claims and is not a second source.
func fromOriginals[T any](s *news.Story, orig map[string]string, of func(*news.Doc) []T) []T {
	var all []T
	for _, d := range s.Docs {
		if _, isCopy := orig[d.ID]; isCopy {
			continue
		}
		all = append(all, of(d)...)
	}
	return all
}

// happenings groups n claims by the happening they tell, in order: each
// claim not yet in a conflict, with every later one not yet in a conflict
// that same(i, j) joins to it (i the group's first). conflict builds a
// group's conflict, or reports false, and the group's claims then stay
// free for later groups.
func happenings(n int, same func(i, j int) bool, conflict func(group []int) (news.Conflict, bool)) []news.Conflict {
	var buf []int // happeningsAmong reads one candidate list at a time
	later := func(i int) []int {
		buf = buf[:0]
		for j := i + 1; j < n; j++ {
			buf = append(buf, j)
		}
		return buf
	}
	return happeningsAmong(n, later, same, conflict)
}
