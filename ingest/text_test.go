package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateline(t *testing.T) {
	for _, c := range []struct {
		in, text, place, outlet string
		month                   time.Month
		day, year               int
	}{
		{in: "TEHRAN, Sept. 27 (Xinhua) -- Iran and Iraq met.", text: "TEHRAN, Sept. 27 (Xinhua) --", place: "TEHRAN", outlet: "Xinhua", month: 9, day: 27},
		{in: "MOSCOW (Sputnik) — Turkish and Iranian chiefs met.", text: "MOSCOW (Sputnik) —", place: "MOSCOW", outlet: "Sputnik"},
		{in: "PINE RIDGE, S.D. (AP) -- President Clinton turned his attention.", text: "PINE RIDGE, S.D. (AP) --", place: "PINE RIDGE, S.D.", outlet: "AP"},
		{in: "WASHINGTON — Michael Steele drew fierce criticism.", text: "WASHINGTON —", place: "WASHINGTON"},
		{in: "INDIANAPOLIS (AP) _ The antidepressant drug works.", text: "INDIANAPOLIS (AP) _", place: "INDIANAPOLIS", outlet: "AP"},
		{in: "LAGOS, January 15 (Xinhua) -- Former President Carter arrives.", text: "LAGOS, January 15 (Xinhua) --", place: "LAGOS", outlet: "Xinhua", month: 1, day: 15},
		{in: "LONDON, June 5, 2019 (Reuters) - Shares fell on Monday.", text: "LONDON, June 5, 2019 (Reuters) -", place: "LONDON", outlet: "Reuters", month: 6, day: 5, year: 2019},
		{in: "Tehran, Sept 27 (IRNA) - Iran's army chief met his counterpart.", text: "Tehran, Sept 27 (IRNA) -", place: "Tehran", outlet: "IRNA", month: 9, day: 27},
		{in: "SAN FRANCISCO _ ``Star Wars'' fans set up camp.", text: "SAN FRANCISCO _", place: "SAN FRANCISCO"},
		{in: "(CNN) — Rescuers reached the village on Sunday.", text: "(CNN) —", outlet: "CNN"},
		// Not datelines.
		{in: "(For use by clients) - Nothing here is an outlet."},
		{in: "US-led forces advanced on the city."},
		{in: "UPDATE: The vote was delayed until Friday."},
		{in: "NATO and the EU met on Monday to discuss it."},
		{in: "Tehran is the capital of Iran, officials said."},
		{in: "ISIS (Islamic State, also Daesh) - the group claimed it."},
		{in: "WASHINGTON — short"},
	} {
		dl, rest, ok := parseDateline(c.in)
		if !ok {
			if c.text != "" {
				t.Errorf("%q: no dateline, want %q", c.in, c.text)
			}
			continue
		}
		if c.text == "" {
			t.Errorf("%q: found dateline %q, want none", c.in, dl.text)
			continue
		}
		if dl.text != c.text || dl.place != c.place || dl.outlet != c.outlet || dl.month != c.month || dl.day != c.day || dl.year != c.year {
			t.Errorf("%q: got %+v", c.in, dl)
		}
		if rest != strings.TrimSpace(c.in[len(c.text):]) {
			t.Errorf("%q: rest %q", c.in, rest)
		}
	}
}

func TestNearestYear(t *testing.T) {
	ref := time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)
	if got := nearestYear(12, 30, ref); got.Year() != 2016 {
		t.Errorf("Dec 30 near 2 Jan 2017: %v, want 2016", got)
	}
	if got := nearestYear(9, 27, time.Date(2017, 9, 28, 0, 0, 0, 0, time.UTC)); !got.Equal(time.Date(2017, 9, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Sept 27 near 28 Sept 2017: %v", got)
	}
}

func TestStampDate(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" for not a stamp
	}{
		{"23:35 GMT22 June 2021", "2021-06-22T23:35:00Z"},
		{"22 June 2021", "2021-06-22T00:00:00Z"},
		{"June 22, 2021 10:35 pm", "2021-06-22T22:35:00Z"},
		{"Tue, 22 Jun 2021 10:35 EDT", "2021-06-22T00:00:00Z"},
		{"2017-09-28 05:31:38", "2017-09-28T05:31:38Z"[:16] + ":00Z"},
		{"31st December 1999", "1999-12-31T00:00:00Z"},
		{"Middle East", ""},
		{"0 121", ""},
		{"Published in June 2021 by the ministry", ""},
		{"30 February 2021", ""},
	} {
		got, ok := stampDate(c.in)
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: stamp %v, want none", c.in, got)
		case c.want != "" && (!ok || got.Format(time.RFC3339) != c.want):
			t.Errorf("%q: %v %v, want %s", c.in, got, ok, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2018-11-28", "2018-11-28"},
		{"2018-11-25T10:00:00Z", "2018-11-25"},
		{"Mon, 10 Jan 2022 09:00:00 +0000", "2022-01-10"},
		{"February 4, 2020", "2020-02-04"},
		{"posted on 4 Feb 2020 at 10:00", "2020-02-04"},
	} {
		got, ok := parseDate(c.in)
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("%q: %v %v, want %s", c.in, got, ok, c.want)
		}
	}
	if _, ok := parseDate("not a date"); ok {
		t.Error("parsed a non-date")
	}
}

func TestMetaLines(t *testing.T) {
	for _, c := range []struct {
		in                   string
		meta                 bool
		outlet, author, date string
	}{
		{"Source: Xinhua| 2017-09-28 05:31:38|Editor: yan", true, "Xinhua", "", "2017-09-28"},
		{"By: Jane Doe | Published: March 3, 2020", true, "", "Jane Doe", "2020-03-03"},
		{"Updated: 22 June 2021", true, "", "", "2021-06-22"},
		{"Comment: The Iraqi Kurdistan held an independence referendum on Monday.", false, "", "", ""},
		{"Editor's note: this story was corrected", false, "", "", ""},
	} {
		a := newArticle(&source{}, nil, "text")
		if got := metaLine(a, c.in); got != c.meta {
			t.Errorf("%q: meta %v, want %v", c.in, got, c.meta)
			continue
		}
		d := ""
		if !a.StatedDate.IsZero() {
			d = a.StatedDate.Format("2006-01-02")
		}
		if a.Outlet != c.outlet || a.Author != c.author || d != c.date {
			t.Errorf("%q: outlet %q author %q date %q", c.in, a.Outlet, a.Author, d)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "One para.\n\nTwo para.\n", []string{"One para.", "Two para."}},
		{"line per paragraph", "First sentence here.\nSecond sentence here.\n", []string{"First sentence here.", "Second sentence here."}},
		{"wrapped", "The council voted on Tuesday to keep the night buses running\nuntil three in the morning on weekends, after a trial that\ncarried more than forty thousand passengers.\n",
			[]string{"The council voted on Tuesday to keep the night buses running until three in the morning on weekends, after a trial that carried more than forty thousand passengers."}},
		{"hyphen", "Voters in the country's northern region, which is semi-\nautonomous, were asked on Monday whether they wanted\nindependence from the central government in Baghdad.\n",
			[]string{"Voters in the country's northern region, which is semi-autonomous, were asked on Monday whether they wanted independence from the central government in Baghdad."}},
		{"indented", "\tThe first paragraph starts here and goes on\nto the next line.\n\tThe second one starts here\nand ends here.\n",
			[]string{"The first paragraph starts here and goes on to the next line.", "The second one starts here and ends here."}},
		{"blank line mid-sentence", "He said the state standards were all over the map, and\n\nthat students could still graduate without learning the\n\nbasics.\n\nThe next paragraph.\n",
			[]string{"He said the state standards were all over the map, and that students could still graduate without learning the basics.", "The next paragraph."}},
		{"headlines", "Why Invasion of the North May Result in Collapse of the Region\nIraqi Paper Uses Picture for Referendum, Drives Twitter Furious\nForces Wait for Order to Move to Disputed Regions\nmilitary cooperation, Iran, Turkey, Myanmar\nCommunity standardsDiscussion\n",
			[]string{"Why Invasion of the North May Result in Collapse of the Region", "Iraqi Paper Uses Picture for Referendum, Drives Twitter Furious", "Forces Wait for Order to Move to Disputed Regions", "military cooperation, Iran, Turkey, Myanmar", "Community standardsDiscussion"}},
	} {
		got := splitParagraphs(normalizeLines(c.in))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestDebrisReasons(t *testing.T) {
	body := "The ministers met in the capital on Monday and agreed to expand their cooperation, officials said."
	for _, c := range []struct {
		para, want string
	}{
		{"Listen Live", reasonUI},
		{"Get short URL", reasonUI},
		{"Share on Facebook", reasonUI},
		{"Community standardsDiscussion", reasonUI},
		{"Comments (12)", reasonLabelCount},
		{"Iraqi Kurdistan's Independence Referendum (53)", reasonLabelCount},
		{"0 121", reasonNoLetters},
		{"* * *", reasonNoLetters},
		{"military cooperation, Hossein Baqeri, Iran, Turkey, Myanmar", reasonTagLine},
		{"22 June 2021", reasonDate},
		{"(Reporting by Jane Doe; Editing by John Smith)", reasonCredits},
		{"Reporting by Jane Doe in London; additional reporting by Li Wei", reasonCredits},
		{"Reporting by the agency showed the toll rising.", ""},
		{"— with additional reporting by Lloyd Grove", reasonCredits},
		{"[Everything you need to know about the vote]", reasonBracketed},
		{"Story Continued Below", reasonUI},
		// Real text, even short, is kept.
		{`"No," he said.`, ""},
		{"It was not.", ""},
		{"Debbie Graham, a WTA Tour veteran, said:", ""},
		{"They are British Columbia, Manitoba, New Brunswick and Prince Edward Island.", ""},
		{"Campsites evacuated", ""}, // a subheading between paragraphs
		{"Iran, Iraq and Turkey oppose the vote", ""},
	} {
		got := debrisReasons([]string{body, c.para, body})[1]
		if got != c.want {
			t.Errorf("%q: reason %q, want %q", c.para, got, c.want)
		}
	}
	// Edges and runs.
	paras := []string{"Middle East", "Top Stories", body, "Related", body,
		"Heavy Rains Close Schools", "Government Promises Aid", "Dam Inspection Ordered", body, "Read our policy"}
	drop := []bool{true, true, false, true, false, true, true, true, false, true}
	for i, r := range debrisReasons(paras) {
		if (r != "") != drop[i] {
			t.Errorf("%q: reason %q, want dropped %v", paras[i], r, drop[i])
		}
	}
	// A list that a sentence ending in a colon introduces is kept.
	paras = []string{body, "The following were suspended from the games:", "Weightlifter A of Country B expelled (September 13)",
		"Swimmer C of Country D barred for a masking agent (September 14)", "Boxer E of Country F expelled after a test (September 15)", body}
	for i, r := range debrisReasons(paras) {
		if r != "" {
			t.Errorf("introduced list: %q dropped (%s)", paras[i], r)
		}
	}
}
