package brief

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// An undated story (made up in the manner of the Korea summit pages of
// the briefs set): no page states a date; one announces "May 1", two
// give a count of years and a year as past.
var undatedSummit = [][3]string{
	{"u1", "", "The leaders of North and South Korea agreed on Friday to end the 1950-1953 Korean War at a historic summit. Starting May 1 the two Koreas will stop broadcasting propaganda along the border."},
	{"u2", "", "Kim Jong-un became the first North Korean leader to step into the South in 65 years as he met Moon Jae-in for a historic summit on Friday."},
	{"u3", "", "Moon Jae-in and Kim Jong-un met at a historic summit in the truce village and signed a declaration to end the Korean War."},
}

// TestPinnedYear reads a story's year from a count of years and a year
// it reports as past, and none from either alone.
func TestPinnedYear(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs [][3]string
		year int
	}{
		{"a count and a year in two articles", undatedSummit, 2018},
		{"in one sentence", [][3]string{{"a", "", "The dam, finished in 1990, failed after 30 years of service, officials said on Monday."}}, 2020},
		{"a year alone", [][3]string{{"a", "", "The dam was finished in 1990. It failed on Monday."}}, 0},
		{"a count alone", [][3]string{{"a", "", "The dam failed after 30 years of service on Monday."}}, 0},
		{"earlier than a year reported as past", [][3]string{{"a", "", "The dam, finished in 1990, failed after 10 years of service. Engineers inspected it in 2015 and on Monday."}}, 0},
	} {
		s := storyOf(t, tc.docs...)
		dds := make([]*docDates, len(s.Docs))
		story := make([]int, len(s.Docs))
		for i, d := range s.Docs {
			dds[i], story[i] = newDocDates(d), i
		}
		if y, how := pinnedYear(dds, story); y != tc.year {
			t.Errorf("%s: year %d (%s), want %d", tc.name, y, how, tc.year)
		}
	}
}

// TestConstrainedDay dates a doc from its constraints only when what it
// announces bounds them and it reports a day as past within the week
// before the latest day they allow.
func TestConstrainedDay(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"a past Friday before an announced May 1", "The two Koreas agreed on Friday to end hostilities. Starting May 1 they will stop broadcasting propaganda.", "2018-04-27"},
		{"a past month and day before an announced one", "The quake struck on Oct. 23, killing hundreds. Rescuers will end the search on Oct. 25.", "2018-10-23"},
		{"nothing announced", "The two Koreas agreed on Friday to end hostilities.", ""},
		{"nothing reported as past", "Starting May 1 the two Koreas will stop broadcasting propaganda.", ""},
		{"the past day far before the bound", "The two Koreas agreed on March 2 to hold talks. Starting May 1 they will stop broadcasting propaganda.", ""},
	} {
		s := storyOf(t, [3]string{"a", "", tc.text})
		d, latest, how, ok := constrainedDay(newDocDates(s.Docs[0]), 2018)
		got := ""
		if ok {
			got = day(d)
			if d.After(latest) || !strings.Contains(how, human(d)) {
				t.Errorf("%s: %s after the latest day %s, or a note that does not name it: %s", tc.name, got, day(latest), how)
			}
		}
		if got != tc.want {
			t.Errorf("%s: %q (%s), want %q", tc.name, got, how, tc.want)
		}
	}
}

// TestUndatedStory dates every doc of a story that states no date: the
// one its constraints bound, the others against it; each inferred, with
// a note that says how.
func TestUndatedStory(t *testing.T) {
	s := storyOf(t, undatedSummit...)
	for _, d := range datedDocs(s.Docs) {
		if day(d.Date) != "2018-04-27" || d.DateStatus != news.DateInferred {
			t.Errorf("%s: %s (%s), want 2018-04-27 inferred: %s", d.ID, day(d.Date), d.DateStatus, d.DateNote)
		}
		if !strings.Contains(d.DateNote, "the year 2018 from") {
			t.Errorf("%s: the note does not say where the year comes from: %s", d.ID, d.DateNote)
		}
	}
	// Alone, the doc that announces nothing is not dated: nothing bounds
	// its Friday.
	alone := datedDocs(storyOf(t, undatedSummit[1], undatedSummit[2]).Docs)
	for _, d := range alone {
		if !d.Date.IsZero() || d.DateStatus != news.DateUnknown {
			t.Errorf("%s alone: %s (%s), want no date: %s", d.ID, day(d.Date), d.DateStatus, d.DateNote)
		}
	}
}

// TestUndatedKeepsRightDates: adding relevant articles to a pile must not
// change a date that was right. The undated story's right dates stay
// when more undated reports of it and a dated one join; the seeds' dates
// stay when undated reports of their story, which the constraints alone
// would date, join them.
func TestUndatedKeepsRightDates(t *testing.T) {
	base := datedDocs(storyOf(t, undatedSummit...).Docs)
	for _, d := range base {
		if day(d.Date) != "2018-04-27" {
			t.Fatalf("%s: %s, want 2018-04-27 (see TestUndatedStory)", d.ID, day(d.Date))
		}
	}
	more := append(append([][3]string(nil), undatedSummit...),
		[3]string{"u4", "", "Kim Jong-un crossed the border on Friday and met Moon Jae-in at the historic summit, the first such meeting in more than a decade."},
		[3]string{"u5", "", "Ri Sol-ju joined her husband Kim Jong-un on Friday for the summit dinner hosted by Moon Jae-in."},
		[3]string{"u6", "2018-04-27", "North and South Korea agreed on Friday to end the Korean War, at the first summit of their leaders in more than a decade. Kim Jong-un will meet Donald Trump in June."},
	)
	for _, n := range []int{5, 6} {
		with := datedDocs(storyOf(t, more[:n]...).Docs)
		for i, d := range base {
			if !with[i].Date.Equal(d.Date) {
				t.Errorf("%s: %s alone, %s with %d articles: %s", d.ID, day(d.Date), day(with[i].Date), n, with[i].DateNote)
			}
		}
	}

	s := seedStory(t)
	alone := datedDocs(s.Docs)
	follow := storyOf(t,
		[3]string{"k1", "", "Iraqi forces took control of Kirkuk on Monday, three weeks after the Kurdistan independence referendum, ending 14 years of Kurdish rule in the city since 2003. Baghdad will hold talks with Erbil on October 18."},
		[3]string{"k2", "", "Iraqi Prime Minister Haider al-Abadi said on Monday that the Kurdistan referendum is a thing of the past. Iraqi troops took Kirkuk from Kurdish forces."},
	)
	for _, d := range follow.Docs {
		d.Opinion = nil
	}
	fdates := datedDocs(follow.Docs)
	if day(fdates[0].Date) != "2017-10-16" {
		t.Fatalf("the follow-up alone: %s, want 2017-10-16 from its constraints: %s", day(fdates[0].Date), fdates[0].DateNote)
	}
	with := datedDocs(append(append([]*news.Doc(nil), s.Docs...), follow.Docs...))
	for i, d := range alone {
		if !d.Date.Equal(with[i].Date) || d.DateStatus != with[i].DateStatus {
			t.Errorf("%s: %s %s alone, %s %s with undated follow-ups: %s", d.ID, day(d.Date), d.DateStatus, day(with[i].Date), with[i].DateStatus, with[i].DateNote)
		}
	}
}

// TestUndatedBriefsPile: on the briefs set, the stories none of whose
// pages is dated keep the dates the constraints give them when another
// story's pages join the pile, and the other story keeps its own.
func TestUndatedBriefsPile(t *testing.T) {
	root := testutil.Data(t, "briefs")
	korea, kgold := briefsStory(t, filepath.Join(root, "web-korea-summit"))
	van, _ := briefsStory(t, filepath.Join(root, "web-van-earthquake"))
	if len(korea.Docs) == 0 || len(van.Docs) == 0 {
		t.Skip("brief: briefs stories missing")
	}
	k := datedDocs(korea.Docs)
	v := datedDocs(van.Docs)
	both := datedDocs(append(append([]*news.Doc(nil), korea.Docs...), van.Docs...))
	right := 0
	for i, d := range k {
		if day(d.Date) == kgold[d.ID] {
			right++
		}
		if !both[i].Date.Equal(d.Date) {
			t.Errorf("%s: %s alone, %s in a pile with another story: %s", d.ID, day(d.Date), day(both[i].Date), both[i].DateNote)
		}
	}
	for i, d := range v {
		if w := both[len(k)+i]; !w.Date.Equal(d.Date) || w.DateStatus != d.DateStatus {
			t.Errorf("%s: %s %s alone, %s %s in a pile with an undated story", d.ID, day(d.Date), d.DateStatus, day(w.Date), w.DateStatus)
		}
	}
	t.Logf("web-korea-summit: %d of %d pages dated right from their constraints and the story", right, len(k))
	if right < 8 {
		t.Errorf("web-korea-summit: %d of %d right, want at least 8", right, len(k))
	}
}

// BenchmarkUndatedStory dates the ten Korea summit pages of the briefs
// set, none of which states a date (analysed outside the timer).
func BenchmarkUndatedStory(b *testing.B) {
	s, _ := briefsStory(b, filepath.Join(testutil.Data(b, "briefs"), "web-korea-summit"))
	if len(s.Docs) == 0 {
		b.Skip("brief: web-korea-summit missing")
	}
	cpuBench(b, "korea", func(b *testing.B) {
		datedDocs(s.Docs)
	})
}
