// Package lexicon is storyline's shared vocabulary: the closed word lists
// that more than one stage reads (months, weekdays, number words, titles,
// ranks, honorifics, pronouns, determiners, stopwords), each written
// once, here.
//
// Every word has a lexical class, a small bitset (Class). ClassOf returns
// it with one lookup in a table built once at init, so a stage can ask of
// each token "is this a month? a pronoun?" without a list of its own:
//
//	if lexicon.ClassOf(low)&lexicon.Weekday != 0 { … }
//
// Months, weekdays and number words also carry a value, read with
// MonthNumber, WeekdayNumber and NumberValue; a rank its spelled-out
// name, read with RankName. Words and Set give a class's
// words, for a stage that needs a list with a few words of its own job
// added: the shared part stays here and only the remainder, named for what
// it is, stays with the stage.
//
// All words are lower case, and ClassOf and the value functions take the
// lower-cased form: ClassOf("Monday") is 0, ClassOf("monday") is Weekday.
// An abbreviation is listed without its period ("sept", "sen").
//
// The class is a per-word-type table, not a layer of news.Doc: one byte or
// two per token would take a kept Doc past its heap budget, and a lexical
// class is the word's, whatever its use ("may" is a month and a stopword
// alike); a stage that reads the use decides by context.
//
// Where the lists come from: the months' and weekdays' names are the
// standard library's (the tests check them against time.Month and
// time.Weekday), their abbreviations those of news style (AP: "Sept.",
// "Tues."); the titles are those news copy abbreviates before a name; the
// ranks and honorifics are those entity read in a person's titles; the
// stopwords are the English function words of a list close to NLTK's
// (without its contraction stubs), with modal verbs, "also", "upon" and
// "yet", and the reporting verbs and honorifics every article repeats.
// Each list was, before this package, copied into several stages (timex,
// ingest, summarize, brief, entity, quote, textvec); a stage now keeps
// only the words of its own job.
//
// The package is a leaf: it imports nothing of storyline's, and every
// stage may import it. Its tables are read-only after init and safe for
// concurrent use.
package lexicon

import (
	"slices"
	"strings"
	"sync"
)

// Class is a word's lexical class: a bitset, since one word may be of
// several ("may" is a month and a stopword; "her" an object pronoun and a
// possessive).
type Class uint16

// The classes. Month, Weekday and NumberWord are exclusive of one another
// and carry a value; the others may combine.
const (
	// Month is an English month's name or abbreviation: "march", "sept".
	Month Class = 1 << iota
	// Weekday is an English weekday's name or abbreviation: "friday", "thurs".
	Weekday
	// NumberWord is a cardinal number written as a word: "seven", "forty", "hundred".
	NumberWord
	// Title is an abbreviated title or form of address written before a
	// name ("mr", "dr", "gen", "sen"). Spelled-out offices ("senator")
	// are read differently by each stage's job and stay with the stage;
	// ranks are Rank, forms of address Honorific.
	Title
	// Pronoun is a personal pronoun in its subject form: "i", "you", "he",
	// "she", "it", "we", "they".
	Pronoun
	// ObjectPronoun is a personal pronoun in its object form: "me",
	// "you", "him", "her", "it", "us", "them".
	ObjectPronoun
	// Possessive is a possessive determiner: "my", "your", "his", "her",
	// "its", "our", "their".
	Possessive
	// Determiner is an article or a demonstrative: "a", "an", "the",
	// "this", "that", "these", "those".
	Determiner
	// Quantifier is a determiner of quantity: "some", "many", "each",
	// "no", "another", "such".
	Quantifier
	// Stopword is an English function word, or a reporting verb or
	// honorific that every news article repeats: it carries no weight in
	// similarity and never makes a concept on its own.
	Stopword
	// Abbrev marks the short form of a word of another class: "sept",
	// "tues", "gen". "may" is a month's full name.
	Abbrev
	// Rank is the head word of a military or police rank, spelled out or
	// abbreviated ("general", "gen", "lt", "sergeant"); RankName spells it
	// out. The words that only qualify a rank ("rear", "vice", "field")
	// are no ranks on their own.
	Rank
	// Honorific is a form of address, or a religious or noble honorific,
	// written before a person's name that is neither a rank nor an office:
	// "mr", "dr", "sir", "sheikh", "rabbi", "father".
	Honorific
)

// classNames are the names String gives, in bit order.
var classNames = [...]string{
	"Month", "Weekday", "NumberWord", "Title", "Pronoun", "ObjectPronoun",
	"Possessive", "Determiner", "Quantifier", "Stopword", "Abbrev", "Rank",
	"Honorific",
}

// String names the classes of c, joined by "|": "Month|Stopword".
func (c Class) String() string {
	if c == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// Has reports whether c has any class of x.
func (c Class) Has(x Class) bool { return c&x != 0 }

// The lists. Each word is lower case, an abbreviation without its period.
var (
	// months are the months' full names and their abbreviations.
	months = [12][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sept", "sep"}, {"october", "oct"}, {"november", "nov"},
		{"december", "dec"},
	}
	// weekdays are the weekdays' full names and abbreviations, Monday first
	// (ISO 8601 numbers them Monday 1 … Sunday 7).
	weekdays = [7][]string{
		{"monday", "mon"}, {"tuesday", "tue", "tues"}, {"wednesday", "wed"},
		{"thursday", "thu", "thur", "thurs"}, {"friday", "fri"}, {"saturday", "sat"},
		{"sunday", "sun"},
	}
	// numberWords are the cardinal numbers written as one word (not
	// "zero": a value of 0 stands for no number).
	numberWords = []struct {
		word  string
		value int
	}{
		{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
		{"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
		{"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
		{"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
		{"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
	}
	// titles are the abbreviated titles and forms of address written
	// before a name, each followed by a period in American news ("Gen.").
	titles = `mr mrs ms dr prof rev st gen maj lt col capt adm sgt cmdr brig sen rep gov
	gens sens reps`
	// ranks are the head words of military and police ranks, each spelled
	// out first and then in the abbreviations of English-language news
	// ("Lt.", "Lieut.", "Cmdr.", "Cdr."). They were entity's list
	// (rankWords, entity/titles.go), which quote repeats in part.
	ranks = [][]string{
		{"general", "gen"}, {"major", "maj"}, {"lieutenant", "lt", "lieut"}, {"brigadier", "brig"},
		{"colonel", "col"}, {"captain", "capt"}, {"admiral", "adm"}, {"commander", "cmdr", "cdr"},
		{"marshal"}, {"sergeant", "sgt"}, {"corporal", "cpl"}, {"commodore"},
	}
	// honorifics are the forms of address and the religious and noble
	// honorifics of news copy, English, French, German and those of Arabic
	// and Persian names ("Sheikh", "Hojatoleslam", "Sayyed"), with their
	// transliterations; "grand" as in "Grand Ayatollah". They were
	// entity's list (honorifics, entity/titles.go); quote and entity's
	// name splitting each repeated part of it.
	honorifics = `mr mrs ms miss dr prof professor sir dame lord lady sheikh shaikh sheik
	ayatollah grand hojatoleslam hojjatoleslam imam mullah rabbi father reverend rev saint st mother
	sister brother haji hajji sayyed sayed seyed monsignor mme mlle herr frau`
	pronouns       = `i you he she it we they`
	objectPronouns = `me you him her it us them`
	possessives    = `my your his her its our their`
	determiners    = `a an the this that these those`
	quantifiers    = `some many several most all both each every another other few no any such more`
	// stopwords are English function words, and the reporting verbs and
	// honorifics every news article repeats.
	stopwords = `a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself yourselves said says say mr mrs ms
	also may might must shall us upon yet s t`
)

// entry is a word's classes and, for a month, weekday or number word, its
// value.
type entry struct {
	class Class
	value int32
}

// table holds every listed word; it is built once, at init, and only read
// after. all holds the same words and entries as a slice, in the order the
// lists first give them, which Words and Set filter: several packages
// build their sets with them at start-up, and a slice is cheaper to walk
// than the map, and cheaper to make than a sorted one.
var table, all = build()

// tableSize is the number of words the lists hold, at least: build sizes
// the table with it, so that filling it never grows it (a test checks it
// stays true).
const tableSize = 300

func build() (map[string]entry, []wordEntry) {
	t := make(map[string]entry, tableSize)
	order := make([]string, 0, tableSize)
	add := func(w string, c Class, v int) {
		e, seen := t[w]
		if v != 0 && e.value != 0 {
			panic("lexicon: " + w + " has two values")
		}
		e.class |= c
		if v != 0 {
			e.value = int32(v)
		}
		t[w] = e
		if !seen {
			order = append(order, w)
		}
	}
	// tables of names by value (January = 1): the first name of each
	// is the full one, the others its abbreviations
	named := func(table [][]string, c Class) {
		for i, names := range table {
			for k, w := range names {
				if k > 0 {
					add(w, c|Abbrev, i+1)
				} else {
					add(w, c, i+1)
				}
			}
		}
	}
	named(months[:], Month)
	named(weekdays[:], Weekday)
	for _, n := range numberWords {
		add(n.word, NumberWord, n.value)
	}
	named(ranks, Rank)
	for _, l := range []struct {
		words string
		class Class
	}{
		{titles, Title | Abbrev}, {pronouns, Pronoun}, {objectPronouns, ObjectPronoun},
		{possessives, Possessive}, {determiners, Determiner}, {quantifiers, Quantifier},
		{stopwords, Stopword}, {honorifics, Honorific},
	} {
		for _, w := range strings.Fields(l.words) {
			add(w, l.class, 0)
		}
	}
	all := make([]wordEntry, len(order))
	for i, w := range order {
		all[i] = wordEntry{w, t[w]}
	}
	return t, all
}

// ClassOf returns the classes of a lower-case word, or 0 when no list
// holds it. It is one map lookup.
func ClassOf(word string) Class { return table[word].class }

// MonthNumber returns the number (1 for January … 12) of a lower-case
// month name or abbreviation, or 0.
func MonthNumber(word string) int { return valueOf(word, Month) }

// WeekdayNumber returns the ISO 8601 number (1 for Monday … 7 for Sunday)
// of a lower-case weekday name or abbreviation, or 0.
func WeekdayNumber(word string) int { return valueOf(word, Weekday) }

// NumberValue returns the value of a lower-case number word ("twelve" →
// 12) and whether word is one.
func NumberValue(word string) (int, bool) {
	v := valueOf(word, NumberWord)
	return v, v != 0
}

func valueOf(word string, c Class) int {
	e := table[word]
	if e.class&c == 0 {
		return 0
	}
	return int(e.value)
}

// RankName returns the spelled-out, lower-case head word of a rank word
// ("lt" → "lieutenant", "general" → "general"), or "" when word is no
// rank.
func RankName(word string) string {
	v := valueOf(word, Rank)
	if v == 0 {
		return ""
	}
	return ranks[v-1][0]
}

// Words returns, sorted, the words of a class in with and of no class
// in without: Words(Weekday, Abbrev) gives the seven full names.
func Words(with, without Class) []string {
	var out []string
	for _, we := range all {
		if we.class&with != 0 && we.class&without == 0 {
			out = append(out, we.word)
		}
	}
	slices.Sort(out) // a class's few words; the table itself is never sorted
	return out
}

// wordEntry is a word of the table and its entry.
type wordEntry struct {
	word string
	entry
}

// Set returns a new set of Words(with, without) and the extra words a
// stage adds to them for its own job.
func Set(with, without Class, extra ...string) map[string]bool {
	n := len(extra)
	for _, we := range all { // Words' filter, without its slice and sort
		if we.class&with != 0 && we.class&without == 0 {
			n++
		}
	}
	m := make(map[string]bool, n) // sized once: no rehash while it fills
	for _, we := range all {
		if we.class&with != 0 && we.class&without == 0 {
			m[we.word] = true
		}
	}
	for _, w := range extra {
		m[w] = true
	}
	return m
}

// LazySet returns a function giving the set of the space-separated
// words, built on its first call (so a list costs nothing at start-up):
// a stage's own short list, kept beside the code that reads it.
func LazySet(words string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(words) {
			m[w] = true
		}
		return m
	})
}
