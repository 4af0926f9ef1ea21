package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/lexicon"
)

// Example classes the words of a sentence and reads the values of a
// weekday, a month and a number word.
func Example() {
	for _, w := range strings.Fields("On Tues. Mr. Sato said she met them on the second of March with seven aides") {
		low := strings.ToLower(strings.TrimSuffix(w, "."))
		c := lexicon.ClassOf(low)
		switch {
		case c&lexicon.Weekday != 0:
			fmt.Printf("%s: %v, day %d of the ISO week\n", w, c, lexicon.WeekdayNumber(low))
		case c&lexicon.Month != 0:
			fmt.Printf("%s: %v, month %d\n", w, c, lexicon.MonthNumber(low))
		case c&lexicon.NumberWord != 0:
			n, _ := lexicon.NumberValue(low)
			fmt.Printf("%s: %v, %d\n", w, c, n)
		case c != 0:
			fmt.Printf("%s: %v\n", w, c)
		}
	}
	// A stage that needs a list with words of its own job adds them to a
	// class's words.
	timeWords := lexicon.Set(lexicon.Weekday|lexicon.Month, lexicon.Abbrev, "today", "yesterday")
	fmt.Println(len(timeWords), timeWords["march"], timeWords["tues"])
	// Output:
	// On: Stopword
	// Tues.: Weekday|Abbrev, day 2 of the ISO week
	// Mr.: Title|Stopword|Abbrev|Honorific
	// said: Stopword
	// she: Pronoun|Stopword
	// them: ObjectPronoun|Stopword
	// on: Stopword
	// the: Determiner|Stopword
	// of: Stopword
	// March: Month, month 3
	// with: Stopword
	// seven: NumberWord, 7
	// 21 true false
}
