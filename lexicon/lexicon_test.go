package lexicon

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMonths checks the months against the standard library's names: each
// full name gives its number, and every number 1…12 has a name.
func TestMonths(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		w := strings.ToLower(m.String())
		if got := MonthNumber(w); got != int(m) {
			t.Errorf("MonthNumber(%q) = %d, want %d", w, got, m)
		}
		if ClassOf(w)&Abbrev != 0 {
			t.Errorf("%q is a full name, classed %v", w, ClassOf(w))
		}
		if ab := w[:3]; MonthNumber(ab) != int(m) {
			t.Errorf("MonthNumber(%q) = %d, want %d", ab, MonthNumber(ab), m)
		}
	}
	seen := map[int]bool{}
	for _, w := range Words(Month, 0) {
		n := MonthNumber(w)
		if n < 1 || n > 12 {
			t.Errorf("MonthNumber(%q) = %d, out of 1..12", w, n)
		}
		seen[n] = true
		full := strings.ToLower(time.Month(n).String())
		if ClassOf(w)&Abbrev != 0 && !strings.HasPrefix(full, w) {
			t.Errorf("%q is no abbreviation of %q", w, full)
		}
	}
	if len(seen) != 12 {
		t.Errorf("months cover %d numbers, want 12", len(seen))
	}
	if n := len(Words(Month, Abbrev)); n != 12 {
		t.Errorf("%d full month names, want 12", n)
	}
}

// TestWeekdays checks the weekdays against the standard library's names
// and ISO 8601 numbering (Monday 1 … Sunday 7).
func TestWeekdays(t *testing.T) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		w := strings.ToLower(d.String())
		iso := int(d)
		if d == time.Sunday {
			iso = 7
		}
		if got := WeekdayNumber(w); got != iso {
			t.Errorf("WeekdayNumber(%q) = %d, want %d", w, got, iso)
		}
		if ClassOf(w) != Weekday {
			t.Errorf("ClassOf(%q) = %v, want Weekday", w, ClassOf(w))
		}
	}
	for _, w := range Words(Weekday, Abbrev|Month) {
		if !strings.HasSuffix(w, "day") {
			t.Errorf("full weekday %q does not end in day", w)
		}
	}
	for _, w := range Words(Weekday, 0) {
		full := strings.ToLower(time.Weekday(WeekdayNumber(w) % 7).String())
		if !strings.HasPrefix(full, w) {
			t.Errorf("%q (%d) is no form of %q", w, WeekdayNumber(w), full)
		}
	}
}

func TestNumberWords(t *testing.T) {
	for w, want := range map[string]int{
		"one": 1, "seven": 7, "ten": 10, "eleven": 11, "nineteen": 19, "twenty": 20,
		"forty": 40, "ninety": 90, "hundred": 100,
	} {
		if got, ok := NumberValue(w); !ok || got != want {
			t.Errorf("NumberValue(%q) = %d, %v; want %d, true", w, got, ok, want)
		}
	}
	for _, w := range []string{"a", "zero", "dozen", "first", "may", "monday", "One"} {
		if v, ok := NumberValue(w); ok {
			t.Errorf("NumberValue(%q) = %d, true; want no number", w, v)
		}
	}
	// one to twenty, the tens to ninety, and a hundred: each value once
	values := map[int]string{}
	for _, w := range Words(NumberWord, 0) {
		v, _ := NumberValue(w)
		if o, dup := values[v]; dup {
			t.Errorf("%q and %q both give %d", o, w, v)
		}
		values[v] = w
		if !(v >= 1 && v <= 20 || v%10 == 0 && v <= 90 || v == 100) {
			t.Errorf("NumberValue(%q) = %d, out of the listed range", w, v)
		}
	}
	if len(values) != 28 {
		t.Errorf("%d number words, want 28", len(values))
	}
}

// exclusive are the groups of classes a word belongs to at most one of.
var exclusive = []Class{Month, Weekday, NumberWord, Title, Pronoun | ObjectPronoun, Possessive, Determiner, Quantifier}

// TestExclusive checks that no word is in two exclusive classes unless the
// word is one of those it is meant for, that Abbrev marks only months,
// weekdays, titles and ranks, and that every word is written as the lists say.
func TestExclusive(t *testing.T) {
	meant := map[string]Class{
		"her": ObjectPronoun | Possessive, // "saw her", "her book"
	}
	for w, e := range table {
		n := 0
		for _, g := range exclusive {
			if e.class&g != 0 {
				n++
			}
		}
		if n > 1 && e.class&^(Stopword|Abbrev) != meant[w] {
			t.Errorf("%q is in %d exclusive classes: %v", w, n, e.class)
		}
		if e.class&Abbrev != 0 && e.class&(Month|Weekday|Title|Rank) == 0 {
			t.Errorf("%q is an abbreviation of no month, weekday, title or rank: %v", w, e.class)
		}
		if e.class == 0 {
			t.Errorf("%q is listed with no class", w)
		}
		if e.value != 0 && e.class&(Month|Weekday|NumberWord|Rank) == 0 {
			t.Errorf("%q has value %d but no class that takes one", w, e.value)
		}
		if w != strings.ToLower(w) || strings.ContainsAny(w, ". \t") || w == "" {
			t.Errorf("%q is not a lower-case word without a period", w)
		}
	}
	// words that read as two things are classed as the lists mean
	for w, want := range map[string]Class{
		"may": Month | Stopword, "march": Month, "mar": Month | Abbrev, "sat": Weekday | Abbrev,
		"sun": Weekday | Abbrev, "wed": Weekday | Abbrev, "it": Pronoun | ObjectPronoun | Stopword,
		"that": Determiner | Stopword, "mr": Title | Abbrev | Stopword | Honorific, "gen": Title | Abbrev | Rank,
		"no": Quantifier | Stopword, "you": Pronoun | ObjectPronoun | Stopword, "said": Stopword,
		"president": 0, "Monday": 0, "": 0, "sept.": 0,
	} {
		if got := ClassOf(w); got != want {
			t.Errorf("ClassOf(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestValuesNeedTheirClass(t *testing.T) {
	for _, w := range Words(^Class(0), 0) {
		c := ClassOf(w)
		if (MonthNumber(w) != 0) != (c&Month != 0) {
			t.Errorf("MonthNumber(%q) = %d for class %v", w, MonthNumber(w), c)
		}
		if (WeekdayNumber(w) != 0) != (c&Weekday != 0) {
			t.Errorf("WeekdayNumber(%q) = %d for class %v", w, WeekdayNumber(w), c)
		}
		if _, ok := NumberValue(w); ok != (c&NumberWord != 0) {
			t.Errorf("NumberValue(%q) ok = %v for class %v", w, ok, c)
		}
		if (RankName(w) != "") != (c&Rank != 0) {
			t.Errorf("RankName(%q) = %q for class %v", w, RankName(w), c)
		}
	}
}

// TestRanks checks that each rank abbreviation spells out to a rank whose
// name it abbreviates, that every spelled-out rank is its own name, and
// that the words qualifying a rank are no ranks.
func TestRanks(t *testing.T) {
	for w, want := range map[string]string{
		"gen": "general", "general": "general", "lt": "lieutenant", "lieut": "lieutenant",
		"cmdr": "commander", "cdr": "commander", "sgt": "sergeant", "marshal": "marshal",
		"rear": "", "vice": "", "field": "", "mr": "", "Gen": "", "gen.": "",
	} {
		if got := RankName(w); got != want {
			t.Errorf("RankName(%q) = %q, want %q", w, got, want)
		}
	}
	full := Words(Rank, Abbrev)
	if len(full) != 12 {
		t.Errorf("%d spelled-out ranks, want 12: %v", len(full), full)
	}
	for _, w := range full {
		if RankName(w) != w {
			t.Errorf("RankName(%q) = %q, want the word itself", w, RankName(w))
		}
	}
	for _, w := range Words(Rank|Abbrev, 0) {
		if ClassOf(w)&Rank == 0 {
			continue
		}
		name := RankName(w)
		// an abbreviation keeps the name's first letter and its letters in order
		i := 0
		for j := 0; j < len(name) && i < len(w); j++ {
			if name[j] == w[i] {
				i++
			}
		}
		if i < len(w) || w[0] != name[0] {
			t.Errorf("%q is no abbreviation of %q", w, name)
		}
	}
	// an abbreviated rank written before a name is a title as well
	for _, w := range Words(Rank|Title, 0) {
		if c := ClassOf(w); c&Title != 0 && c&Abbrev != 0 && c&Rank == 0 && c&Honorific == 0 &&
			!slices.Contains([]string{"sen", "rep", "gov", "gens", "sens", "reps"}, w) {
			t.Errorf("title %q is no rank, honorific or office: %v", w, c)
		}
	}
}

// TestHonorifics checks that a form of address is neither a rank nor a
// determiner or pronoun, and that the forms of address that are titles
// carry both classes.
func TestHonorifics(t *testing.T) {
	for _, w := range []string{"mr", "mrs", "ms", "dr", "prof", "rev", "st"} {
		if c := ClassOf(w); c&(Title|Honorific) != Title|Honorific {
			t.Errorf("ClassOf(%q) = %v, want Title and Honorific", w, c)
		}
	}
	for _, w := range Words(Honorific, 0) {
		if c := ClassOf(w); c&(Rank|Pronoun|ObjectPronoun|Determiner|Month|Weekday|NumberWord) != 0 {
			t.Errorf("honorific %q is also %v", w, c)
		}
	}
	for _, w := range []string{"sheikh", "sir", "rabbi", "grand"} {
		if ClassOf(w)&Honorific == 0 {
			t.Errorf("%q is no honorific", w)
		}
	}
	for _, w := range []string{"gen", "sen", "president", "general"} {
		if ClassOf(w)&Honorific != 0 {
			t.Errorf("%q, a rank or office, is classed an honorific", w)
		}
	}
}

func TestWordsAndSet(t *testing.T) {
	full := Words(Weekday, Abbrev)
	want := []string{"friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"}
	if !slices.Equal(full, want) {
		t.Errorf("Words(Weekday, Abbrev) = %v, want %v", full, want)
	}
	if got := Words(Pronoun, 0); !slices.Equal(got, []string{"he", "i", "it", "she", "they", "we", "you"}) {
		t.Errorf("Words(Pronoun, 0) = %v", got)
	}
	if got := Words(Determiner|Possessive, Stopword); len(got) != 0 {
		t.Errorf("determiners and possessives that are no stopwords: %v", got)
	}
	s := Set(Weekday, Abbrev, "dear")
	if len(s) != 8 || !s["dear"] || !s["monday"] || s["mon"] {
		t.Errorf("Set(Weekday, Abbrev, \"dear\") = %v", s)
	}
	s["mon"] = true
	if again := Set(Weekday, Abbrev, "dear"); len(again) != 8 || again["mon"] {
		t.Error("a stage's change to its Set reached the shared table")
	}
}

func TestClassString(t *testing.T) {
	for c, want := range map[Class]string{
		0: "0", Month: "Month", Month | Stopword: "Month|Stopword",
		Title | Abbrev | Stopword: "Title|Stopword|Abbrev", Rank | Honorific: "Rank|Honorific",
	} {
		if got := c.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", c, got, want)
		}
	}
	if !(Month | Stopword).Has(Stopword) || Month.Has(Weekday|Title) {
		t.Error("Has")
	}
}

// TestClassOfAllocates nothing: stages call it per token.
func TestClassOfAllocates(t *testing.T) {
	words := []string{"monday", "Monday", "the", "unlisted", "sept"}
	if n := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			_ = ClassOf(w)
			_ = MonthNumber(w)
		}
	}); n != 0 {
		t.Errorf("ClassOf and MonthNumber allocate %.0f times", n)
	}
}

func BenchmarkClassOf(b *testing.B) {
	words := strings.Fields("On Monday , the senator said she would vote in March for the seven bills , Mr. Smith told reporters")
	for i := range words {
		words[i] = strings.ToLower(words[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_ = ClassOf(w)
		}
	}
}

// TestTableSize: build sizes the table for all its words, so that
// filling it at start-up never grows it.
func TestTableSize(t *testing.T) {
	if len(table) > tableSize {
		t.Errorf("the lists hold %d words, more than tableSize (%d): raise it", len(table), tableSize)
	}
}
