package timex

import (
	"maps"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storyline-news/storyline/lexicon"
)

// Word lists the tagger uses besides lexicon's months, weekdays and number
// words. All entries are lower case.

// monthAbbrev reports whether a word is a month's abbreviation ("Sept"),
// which needs a day or year to be read as a month.
func monthAbbrev(w string) bool {
	return lexicon.ClassOf(w)&(lexicon.Month|lexicon.Abbrev) == lexicon.Month|lexicon.Abbrev
}

// weekdayAbbrev reports whether a word is a weekday's abbreviation ("Tues").
func weekdayAbbrev(w string) bool {
	return lexicon.ClassOf(w)&(lexicon.Weekday|lexicon.Abbrev) == lexicon.Weekday|lexicon.Abbrev
}

// quantityWords give a quantity in a time expression besides lexicon's
// number words: "a week", "a single day", "a dozen years", "half an hour"
// (-2 marks the half).
var quantityWords = map[string]int{"a": 1, "an": 1, "single": 1, "dozen": 12, "half": -2}

// quantities are lexicon's number words and the quantity words in one
// index, so that the scanner, which asks of most words, looks once. It is
// made on first use, not at start-up.
var quantities = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(quantityWords)+32)
	maps.Copy(m, quantityWords)
	for _, w := range lexicon.Words(lexicon.NumberWord, 0) {
		m[w], _ = lexicon.NumberValue(w)
	}
	return m
})

// numberWord returns the quantity a number word or quantity word gives,
// and whether w is one.
func numberWord(w string) (int, bool) {
	n, ok := quantities()[w]
	return n, ok
}

// numberValue is numberWord's quantity, or 0.
func numberValue(w string) int {
	n, _ := numberWord(w)
	return n
}

// fuzzyNumbers are quantities that give an X in a duration (PXY).
var fuzzyNumbers = map[string]bool{
	"several": true, "few": true, "some": true, "many": true, "numerous": true,
	"couple": true, "recent": true, "past": true, "coming": true, "next": true, "last": true,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
	"fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"last": -1, "final": -1,
}

// unit is a calendar unit.
type unit byte

const (
	noUnit unit = iota
	uMinute
	uHour
	uDay
	uWeek
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uSecond
	uWeekend
)

var units = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"min": uMinute, "mins": uMinute, "hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "month": uMonth, "months": uMonth,
	"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear, "yr": uYear, "yrs": uYear,
	"decade": uDecade, "decades": uDecade, "century": uCentury, "centuries": uCentury,
	"weekend": uWeekend, "weekends": uWeekend,
}

// plural reports whether a unit word is plural.
func plural(s string) bool { return len(s) > 1 && s[len(s)-1] == 's' }

// unitLetter is the TimeML duration letter of a unit; time units need a T.
func unitLetter(u unit) (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uWeekend:
		return "WE", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uYear:
		return "Y", false
	case uDecade:
		return "DE", false
	case uCentury:
		return "CE", false
	}
	return "", false
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// partsOfDay maps a part of the day to its TimeML suffix.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
	"overnight": "NI", "midday": "MI",
}

// sets are adverbs of frequency.
var sets = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
	"quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
}

// futureCues and pastCues are words that give the tense of a clause.
var futureCues = map[string]bool{
	"will": true, "shall": true, "ll": true, "expected": true, "expects": true, "expect": true,
	"scheduled": true, "planned": true, "plans": true, "plan": true, "planning": true,
	"due": true, "upcoming": true, "going": true, "intends": true, "intend": true,
	"aims": true, "hopes": true, "until": true, "must": true, "should": true, "forthcoming": true, "tomorrow": true,
	"wo": true, "to": false,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "met": true,
	"held": true, "took": true, "made": true, "came": true, "went": true, "gave": true,
	"began": true, "left": true, "saw": true, "found": true, "got": true, "became": true,
	"brought": true, "bought": true, "sold": true, "paid": true, "spent": true, "won": true,
	"lost": true, "fell": true, "rose": true, "thought": true, "knew": true, "ran": true,
	"sent": true, "kept": true, "struck": true, "stood": true, "heard": true, "led": true,
	"felt": true, "broke": true, "chose": true, "drove": true, "flew": true, "grew": true,
	"spoke": true, "wrote": true, "ago": true, "has": true, "have": true, "been": true,
	"fought": true, "sought": true, "taught": true, "caught": true, "meant": true, "built": true,
	"shot": true, "hung": true, "slid": true, "swore": true, "wore": true, "tore": true,
	"won't": false, "forgot": true, "hit": false, "quit": false, "put": false, "set": false,
	"earlier": true, "previously": true, "already": true,
}

// notPast are words ending in -ed that are not past-tense verbs.
var notPast = map[string]bool{
	"need": true, "speed": true, "feed": true, "seed": true, "indeed": true, "bed": true,
	"red": true, "hundred": true, "united": true, "breed": true, "creed": true, "deed": true,
	"greed": true, "shed": true, "wed": true, "led": false, "proceed": true, "succeed": true,
	"exceed": true, "heed": true, "weed": true, "embed": true, "sacred": true, "naked": true,
	"wicked": true, "kindred": true, "expected": true, "scheduled": true, "planned": true,
	"proposed": true, "intended": true, "anticipated": true, "slated": true, "supposed": true,
	"so-called": true, "based": true, "related": true, "limited": true,
	"detailed": true, "advanced": true, "armed": true, "united-states": true, "talked": false,
}

// startWords are the words, lower case, at which the scanner's match can
// find an expression besides a run of digits and the "'" of "the '90s":
// the words match and core look for first (approximations, "the",
// modifiers, the words of core's cases), the months and weekdays, and the
// keys of the tables core reads a first word from. A word outside it
// starts nothing, so Find skips it without trying the rules. A rule that
// reads a new first word adds it here; TestStartWords checks the set
// against the rules on real text.
const startWords = `about around approximately roughly nearly almost under within over
more less fewer at up no right these earlier later the early late mid middle end beginning start turn
today tonight yesterday tomorrow now currently nowadays current recently lately recent future past present near
noon midnight this next coming previous following same that every each
latest most full calendar nineteen two
nineties eighties seventies sixties fifties forties thirties twenties fiscal
christmas thanksgiving halloween new independence valentine election
once twice`

// starters indexes startWords and the words of the tables.
var starters = sync.OnceValue(func() *wordIndex {
	m := lexicon.Set(lexicon.Month|lexicon.Weekday, 0, strings.Fields(startWords)...)
	for _, t := range []map[string]int{quantities(), ordinals} {
		for w := range t {
			m[w] = true
		}
	}
	for _, t := range []map[string]string{approx, seasons, partsOfDay, sets} {
		for w := range t {
			m[w] = true
		}
	}
	for w := range units {
		m[w] = true
	}
	for w := range fuzzyNumbers {
		m[w] = true
	}
	x := newWordIndex()
	for w := range m {
		x.add(w, sStart)
	}
	for w := range approx {
		x.add(w, sApprox)
	}
	return x
})

// The classes of words starters gives.
const (
	sStart  uint8 = 1 << iota // an expression may start at the word
	sApprox                   // approx holds the word
)

// The classes of tense cues cueIndex gives.
const (
	cueReporting uint8 = 1 << iota // reporting holds the word
	cueFuture                      // futureCues holds it, true
	cuePast                        // pastCues holds it, true
	cueNotPast                     // notPast holds it, true
)

// cueIndex gives each word of reporting, futureCues, pastCues and
// notPast its classes, so that cue looks a word up once.
var cueIndex = sync.OnceValue(func() *wordIndex {
	x := newWordIndex()
	for _, t := range []struct {
		m   map[string]bool
		cls uint8
	}{{reporting, cueReporting}, {futureCues, cueFuture}, {pastCues, cuePast}, {notPast, cueNotPast}} {
		for w, ok := range t.m {
			if ok {
				x.add(w, t.cls)
			}
		}
	}
	return x
})

// wordIndex maps words to classes (bit sets), the ASCII ones also by
// length and first letter: a word of letters is looked up with a few
// comparisons, without hashing it.
type wordIndex struct {
	set   map[string]uint8
	byLen [][26][]indexed
	// bloom has bit bloomBit(w) set for each ASCII word of byLen: most
	// words it does not hold are told by one bit
	bloom [1 << bloomBits / 64]uint64
}

// bloomBits is the log2 of the bits of a wordIndex's filter.
const bloomBits = 14

// bloomBit hashes w, a non-empty word, to a bit of the filter from its
// length and its first, middle and last bytes.
func bloomBit(w string) uint32 {
	n := len(w)
	k := uint32(w[0]) | uint32(w[n-1])<<8 | uint32(w[n>>1])<<16 | uint32(n)<<24
	return k * 0x9E3779B1 >> (32 - bloomBits)
}

type indexed struct {
	w   string
	cls uint8
}

func newWordIndex() *wordIndex { return &wordIndex{set: map[string]uint8{}} }

// add adds the classes cls to w.
func (x *wordIndex) add(w string, cls uint8) {
	if w == "" {
		return
	}
	x.set[w] |= cls
	c := w[0]
	if c < 'a' || c > 'z' {
		return
	}
	bit := bloomBit(w)
	x.bloom[bit/64] |= 1 << (bit % 64)
	for len(x.byLen) <= len(w) {
		x.byLen = append(x.byLen, [26][]indexed{})
	}
	b := &x.byLen[len(w)][c-'a']
	for i := range *b {
		if (*b)[i].w == w {
			(*b)[i].cls |= cls
			return
		}
	}
	*b = append(*b, indexed{w, cls})
}

// get returns the classes of w, a run of letters (0 for a word it does
// not hold).
func (x *wordIndex) get(w string) uint8 {
	if w == "" {
		return 0
	}
	c := w[0]
	if c < 'a' || c > 'z' {
		if c >= utf8.RuneSelf {
			return x.set[w]
		}
		return 0
	}
	if b := bloomBit(w); x.bloom[b/64]&(1<<(b%64)) == 0 || len(w) >= len(x.byLen) {
		return 0
	}
	for _, e := range x.byLen[len(w)][c-'a'] {
		if e.w == w {
			return e.cls
		}
	}
	return 0
}

// mayStart reports whether an expression may start at w, given the
// starters.
func mayStart(w *word, st *wordIndex) bool {
	switch w.kind {
	case 'd':
		return true
	case 'p':
		return w.lo == "'"
	}
	return st.get(w.lo) != 0
}
