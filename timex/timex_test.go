package timex_test

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// doc builds a segmented doc from text.
func doc(t testing.TB, text string) *news.Doc {
	t.Helper()
	d := &news.Doc{Article: news.Article{Text: text, Paragraphs: []news.Span{{Start: 0, End: len(text)}}}}
	if err := analyze.Segment.Apply(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func day0(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestNormalise checks expressions in context against a DCT: the text of
// the expression found, its type, value, mod and whether it points after
// the anchor.
func TestNormalise(t *testing.T) {
	tests := []struct {
		dct, text           string
		want, typ, val, mod string
		future              bool
	}{
		// Weekdays: the tense decides.
		{"2017-09-28", "Baqeri on Wednesday received his Iraqi counterpart.", "Wednesday", "DATE", "2017-09-27", "", false},
		{"2017-09-28", "The two chiefs will meet on Wednesday in Ankara.", "Wednesday", "DATE", "2017-10-04", "", true},
		{"2017-09-28", "The teams will visit the border regions on Thursday.", "Thursday", "DATE", "2017-09-28", "", true},
		{"2017-10-02", "Akar, who arrived in Tehran Sunday night, met Baqeri.", "Sunday night", "DATE", "2017-10-01TNI", "", false},
		{"2017-09-28", "The government does not recognize Monday's vote.", "Monday", "DATE", "2017-09-25", "", false},
		{"2017-09-28", "He spoke last Friday.", "last Friday", "DATE", "2017-09-22", "", false},
		{"2017-09-28", "He leaves next Monday.", "next Monday", "DATE", "2017-10-02", "", true},
		{"2017-10-02", "Turkish and Iranian chiefs held a meeting on Monday in Tehran.", "Monday", "DATE", "2017-10-02", "", false},
		// Weeks, months, years.
		{"2017-09-27", "A delegation is to visit Tehran next week.", "next week", "DATE", "2017-W40", "", true},
		{"2017-09-27", "They met last week.", "last week", "DATE", "2017-W38", "", false},
		{"2017-09-27", "It rose earlier this month.", "earlier this month", "DATE", "2017-09", "", false},
		{"2017-09-27", "Profits fell last year.", "last year", "DATE", "2016", "", false},
		{"2017-09-27", "Baqeri paid a visit to Turkey in mid-August.", "mid-August", "DATE", "2017-08", "MID", false},
		{"2017-09-27", "The plant opened in the 1990s.", "the 1990s", "DATE", "199", "", false},
		{"2017-09-27", "He came two days ago.", "two days ago", "DATE", "2017-09-25", "", false},
		{"2017-09-27", "It happened three years ago.", "three years ago", "DATE", "2014", "", false},
		{"2020-03-10", "The ship sank on March 3. Two days later, divers found it.", "Two days later", "DATE", "2020-03-05", "", false},
		{"2020-03-10", "The ship sank on March 3, officials said two days ago.", "two days ago", "DATE", "2020-03-08", "", false},
		// Absolute dates in every common written form.
		{"2017-10-03", "The KRG held a non-binding referendum on September 25 on secession.", "September 25", "DATE", "2017-09-25", "", false},
		{"2017-10-03", "On October 4, Erdogan is expected to hold talks with Rouhani.", "October 4", "DATE", "2017-10-04", "", true},
		{"2017-02-10", "The KRG held a referendum on September 25.", "September 25", "DATE", "2016-09-25", "", false},
		{"2017-10-03", "TEHRAN, Sept. 27 (Xinhua) -- Iran and Iraq met.", "Sept. 27", "DATE", "2017-09-27", "", false},
		{"2017-10-03", "It was signed on 25 September 2017 in Erbil.", "25 September 2017", "DATE", "2017-09-25", "", false},
		{"2020-01-01", "The file is dated 2017-09-25 in the archive.", "2017-09-25", "DATE", "2017-09-25", "", false},
		{"2020-01-01", "The form was filed on 9/25/2017 by the clerk.", "9/25/2017", "DATE", "2017-09-25", "", false},
		{"2017-10-03", "The vote was held on Sep 25th in the region.", "Sep 25th", "DATE", "2017-09-25", "", false},
		{"2017-10-03", "The vote was held on Monday, Sept. 25, in the region.", "Monday, Sept. 25", "DATE", "2017-09-25", "", false},
		{"2017-10-03", "They met in September 2016.", "September 2016", "DATE", "2016-09", "", false},
		{"2017-10-03", "The treaty was signed in 1998.", "1998", "DATE", "1998", "", false},
		// Times.
		{"2017-10-03", "The talks began at 5:30 p.m. local time.", "5:30 p.m.", "TIME", "2017-10-03T17:30", "", false},
		{"2017-10-03", "The deadline is 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "2017-10-03T09:00", "", false},
		// Deictic and vague.
		{"2017-09-28", "Tomorrow, Iranian and Iraqi teams will visit the border.", "Tomorrow", "DATE", "2017-09-29", "", true},
		{"2017-09-28", "He said so yesterday.", "yesterday", "DATE", "2017-09-27", "", false},
		{"2017-09-28", "The meeting is today.", "today", "DATE", "2017-09-28", "", false},
		{"2017-09-28", "The president will speak tonight.", "tonight", "DATE", "2017-09-28TNI", "", true},
		{"2017-09-28", "Iraq is now stable.", "now", "DATE", "PRESENT_REF", "", false},
		{"2017-09-28", "The army recently won battles.", "recently", "DATE", "PAST_REF", "", false},
		{"2017-09-28", "Such things may happen in the future.", "the future", "DATE", "FUTURE_REF", "", true},
		// Quarters, seasons, weekends.
		{"1989-10-26", "Profit rose in the third quarter.", "the third quarter", "DATE", "1989-Q3", "", false},
		{"1989-10-26", "Third-quarter profit rose 5%.", "Third-quarter", "DATE", "1989-Q3", "", false},
		{"2017-09-28", "They met last summer in Rome.", "last summer", "DATE", "2016-SU", "", false},
		{"2017-09-28", "They will meet this winter.", "this winter", "DATE", "2017-WI", "", true},
		{"2017-09-28", "Fighting flared over the weekend.", "the weekend", "DATE", "2017-W38-WE", "", false},
		// Durations and sets.
		{"2017-09-28", "He paid an official three-day visit to Turkey.", "three-day", "DURATION", "P3D", "", false},
		{"2017-09-28", "The war lasted several years.", "several years", "DURATION", "PXY", "", false},
		{"2017-09-28", "Talks lasted about five hours.", "five hours", "DURATION", "PT5H", "APPROX", false},
		{"2017-09-28", "They meet every week.", "every week", "SET", "P1W", "", false},
		{"2017-09-28", "The report is published annually.", "annually", "SET", "P1Y", "", false},
		{"2017-09-28", "He earns $5 million a year.", "a year", "SET", "P1Y", "", false},
		{"2017-09-28", "A 30-year-old man was arrested.", "", "", "", "", false},
		// Tense cues: nouns, participles, plans that are over, clauses.
		{"1989-10-27", "The thrift announced the plan Aug. 21.", "Aug. 21", "DATE", "1989-08-21", "", false},
		{"1998-02-06", "The index is near its record high set on Aug. 6.", "Aug. 6", "DATE", "1997-08-06", "", false},
		{"1989-10-30", "The offer had been due to expire Friday evening.", "Friday evening", "DATE", "1989-10-27TEV", "", false},
		{"2016-09-28", "The vote is expected to begin in the Senate on Wednesday, followed by the House on Thursday.", "Thursday", "DATE", "2016-09-29", "", true},
		{"2016-09-29", "The House ensured the bill will become law after voting 348-77 to override Wednesday afternoon.", "Wednesday afternoon", "DATE", "2016-09-28TAF", "", false},
		{"1990-08-13", "The ship has been on patrol since March and was scheduled to return.", "March", "DATE", "1990-03", "", false},
		{"1998-04-18", "In 1995 he was made a general, and the following year he was appointed attache.", "the following year", "DATE", "1996", "", false},
		{"2010-08-16", "Obama spoke on Friday. The next day, he clarified his remarks.", "The next day", "DATE", "2010-08-14", "", false},
		{"2014-02-26", "She met them on Tuesday. Brewer will likely spend the next day pondering the bill.", "the next day", "DATE", "2014-02-27", "", true},
		{"2010-08-16", "By Saturday, the president clarified that he was not speaking about the wisdom of it.", "Saturday", "DATE", "2010-08-14", "", false},
		{"1989-10-30", "It gave Merieux until mid-November to submit information.", "mid-November", "DATE", "1989-11", "MID", true},
		{"2012-08-21", "Akin's ad, and claims Monday that he's going to stay in, defied party leaders.", "Monday", "DATE", "2012-08-20", "", false},
		{"2010-06-15", "Etheridge is running for re-election against Renee Ellmers, a registered nurse, in November.", "November", "DATE", "2010-11", "", true},
		{"2012-08-14", "The House approved the Ryan budget plan on March 29 by a vote of 228 to 191.", "March 29", "DATE", "2012-03-29", "", false},
		{"2014-03-25", "Joni Ernst, a candidate in the Republican Senate primary on June 3, announced an ad.", "June 3", "DATE", "2014-06-03", "", true},
		{"2010-05-28", "The offer was made during the months of June and July of 2009.", "June", "DATE", "2009-06", "", false},
		{"2000-01-28", "He fled to Florida in June 1998 and returned to Cuba later that year.", "later that year", "DATE", "1998", "", false},
		{"1999-10-24", "He was shot on Oct. 23, 1998 by a sniper. Earlier that day, the family sent a fax.", "Earlier that day", "DATE", "1998-10-23", "", false},
		{"2009-02-03", "Sales fell 35% in January, compared to the same month a year ago.", "the same month a year ago", "DATE", "2008-01", "", false},
		{"1999-02-10", "The summit will be held on April 24 and 25 in Washington.", "25", "DATE", "1999-04-25", "", true},
		{"1999-02-10", "Prices rose on April 24 and 25 percent of voters said so.", "April 24", "DATE", "1998-04-24", "", false},
		{"1999-02-10", "NATO has decided to admit Poland in early March, an official said on Wednesday.", "early March", "DATE", "1999-03", "START", true},
		{"2000-03-29", "They will fight to keep him when the case is heard in May in the court.", "May", "DATE", "2000-05", "", true},
		{"1989-11-02", "It expects sales in the current fiscal year to rise.", "the current fiscal year", "DATE", "1989", "", false},
		{"2010-07-04", "Even Steele himself declared back in December that it is a war we have to win.", "December", "DATE", "2009-12", "", false},
		{"2016-06-12", "His campaign said he would be delivering a major speech in New Hampshire on Monday that would address the attack.", "Monday", "DATE", "2016-06-13", "", true},
		{"1989-10-26", "The losses resulted from the company's new labor pact effective June 1.", "June 1", "DATE", "1990-06-01", "", true},
		{"2009-08-21", "The Dow gained 155.91 points to end the day at 9505.96.", "the day", "DATE", "2009-08-21", "", false},
		{"2015-03-31", "In an October 2012 interview, Christie said so. Christie was seen that October praising Obama.", "that October", "DATE", "2012-10", "", false},
		{"2011-08-09", "She was asked about it in Iowa on Monday, where she is campaigning ahead of Thursday's debate.", "Thursday", "DATE", "2011-08-11", "", true},
		{"2011-08-09", "She was asked about it in Iowa on Monday, where she is campaigning ahead of Thursday's debate.", "Monday", "DATE", "2011-08-08", "", false},
		{"2017-10-02", "Akar arrived in Tehran Sunday night ahead of a scheduled visit by Erdogan.", "Sunday night", "DATE", "2017-10-01TNI", "", false},
		{"2013-05-16", "The process began in earnest on Friday, Sept. 14, when Preston sent an e-mail.", "Friday, Sept. 14", "DATE", "2012-09-14", "", false},
		{"2013-05-16", "It began on Friday, Sept. 14. Deputies reviewed the points at a meeting the next day, Sept. 15, Mr. Rhodes said.", "Sept. 15", "DATE", "2012-09-15", "", false},
		{"2013-05-16", "He knew about the cable which summarized the August emergency meeting in Benghazi.", "August", "DATE", "2012-08", "", false},
		{"1998-10-26", "It will be a major theme of our campaign from now to Election Day.", "Election Day", "DATE", "1998-11-03", "", true},
		{"2016-11-30", "Democrats picked up just six seats on Election Day earlier this month.", "Election Day", "DATE", "2016-11-08", "", false},
		{"2016-11-30", "The election of a new leader was held.", "", "", "", "", false},
		{"1989-10-26", "It plans to cut 6,000 jobs by year end.", "year end", "DATE", "1989", "END", false},
		{"1989-10-30", "The percentage change is since year-end.", "year-end", "DATE", "1988", "END", false},
		{"2013-05-16", "The emails described the Sept. 11 attacks. The process began on Friday, Sept. 14, when Preston wrote.", "Friday, Sept. 14", "DATE", "2012-09-14", "", false},
		{"1998-08-17", "She spends about 5 1/2 hours in Nairobi.", "5 1/2 hours", "DURATION", "PT5H30M", "APPROX", false},
		{"1998-02-27", "They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", "", false},
		{"1989-10-30", "The company shut the unit this past spring.", "this past spring", "DATE", "1989-SP", "", false},
		{"1989-10-30", "The index closed Friday at 2082.1, down 4.5% from the previous Friday.", "the previous Friday", "DATE", "1989-10-20", "", false},
		{"2009-05-15", "It wants to eliminate 789, or about a quarter, of its dealers.", "", "", "", "", false},
		// A month and day that name an event, not a date of the article's year.
		{"2016-09-29", "Families of Sept. 11 victims may sue.", "Sept. 11", "DATE", "2001-09-11", "", false},
		{"2016-09-29", "Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.", "Sept. 11", "DATE", "2001-09-11", "", false},
		{"2016-09-29", "She is co-chair of September 11th Advocates.", "September 11th", "DATE", "2001-09-11", "", false},
		{"2016-09-29", "He recalled the Dec. 7 attacks.", "Dec. 7", "DATE", "XXXX-12-07", "", false},
		{"1998-08-17", "Travel slowed after the Aug. 7 bombings.", "Aug. 7", "DATE", "1998-08-07", "", false},
		{"2009-12-16", "The plane flew at 18:00 UTC on Tuesday.", "18:00 UTC on Tuesday", "TIME", "2009-12-15T18:00Z", "", false},
		// No anchor: relative expressions stay unresolved, absolute ones resolve.
		{"", "They met on Wednesday.", "Wednesday", "DATE", "XXXX-WXX-3", "", false},
		{"", "They met last week.", "last week", "DATE", "", "", false},
		{"", "It was signed on 25 September 2017.", "25 September 2017", "DATE", "2017-09-25", "", false},
	}
	for _, tc := range tests {
		d := doc(t, tc.text)
		var anchor time.Time
		if tc.dct != "" {
			anchor = day0(tc.dct)
		}
		timex.Tag(d, anchor)
		if tc.want == "" {
			if len(d.Timexes) != 0 {
				t.Errorf("%q: want nothing, got %+v", tc.text, d.Timexes)
			}
			continue
		}
		var got *news.Timex
		for k := range d.Timexes {
			if d.Timexes[k].Span.Overlaps(news.Span{Start: indexOf(tc.text, tc.want), End: indexOf(tc.text, tc.want) + len(tc.want)}) {
				got = &d.Timexes[k]
				break
			}
		}
		if got == nil {
			t.Errorf("%q (DCT %s): %q not found; got %+v", tc.text, tc.dct, tc.want, d.Timexes)
			continue
		}
		if got.Text != tc.want || got.Type != tc.typ || got.Value != tc.val || got.Mod != tc.mod || got.Future != tc.future {
			t.Errorf("%q (DCT %s):\n got %q %s %q mod=%q future=%v\nwant %q %s %q mod=%q future=%v",
				tc.text, tc.dct, got.Text, got.Type, got.Value, got.Mod, got.Future, tc.want, tc.typ, tc.val, tc.mod, tc.future)
		}
		if got.Text != tc.text[got.Start:got.End] {
			t.Errorf("%q: span %v does not cover %q", tc.text, got.Span, got.Text)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestNamesEvent checks which month-days name an event rather than date
// their sentence.
func TestNamesEvent(t *testing.T) {
	tests := []struct {
		text, want string
		names      bool
	}{
		{"Families of Sept. 11 victims may sue.", "Sept. 11", true},
		{"She is co-chair of September 11th Advocates.", "September 11th", true},
		{"Travel slowed after the Aug. 7 bombings.", "Aug. 7", true},
		{"The vote was held on Sept. 11 in the Senate.", "Sept. 11", false},
		{"The Oct. 23 meeting was cancelled.", "Oct. 23", false},
	}
	for _, tc := range tests {
		d := doc(t, tc.text)
		timex.Tag(d, day0("2016-09-29"))
		found := false
		for _, x := range d.Timexes {
			if x.Text == tc.want {
				found = true
				if got := timex.NamesEvent(d, x); got != tc.names {
					t.Errorf("%q: NamesEvent(%q) = %v, want %v", tc.text, x.Text, got, tc.names)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not tagged: %+v", tc.text, tc.want, d.Timexes)
		}
	}
}
