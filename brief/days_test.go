package brief

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestDayConflicts(t *testing.T) {
	s := analysedStory(t,
		"The congressman apologized on Saturday for grabbing a student on the sidewalk. He said on Saturday that he regretted it.",
		"The congressman apologized on Sunday for grabbing a student on the sidewalk. He said on Monday that he regretted it.",
		"The governor has led the state party since 2002. The party earned $3 million in 2010.",
		"The governor has led the state party since 2003. The party earned $4 million in 2011.",
		"Edward Brooke, the first black senator, served in the Senate from 1967 to 1979.",
		"Edward Brooke, the first black senator, held the Senate seat from 1966 to 1978.",
	)
	for _, d := range s.Docs {
		d.StatedDate = d.Date // 23 to 26 October 2011: the weekdays read against them
	}
	s = datedStory(s)
	cs := dayConflicts(s, nil)
	if len(cs) != 3 {
		for _, c := range cs {
			t.Logf("%+v", c)
		}
		t.Fatalf("%d conflicts, want 3: the apology's day, the year since which the governor leads and Brooke's years in the Senate; a date of a statement (said on) and a year of a series (in 2010) are not compared", len(cs))
	}
	for i, want := range [][2]string{{"Saturday", "Sunday"}, {"2002", "2003"}, {"1966 to 1978", "1967 to 1979"}} {
		c := cs[i]
		if c.Kind != "date" || len(c.Claims) != 2 || !strings.HasPrefix(c.Claims[0].Value, want[0]) || !strings.HasPrefix(c.Claims[1].Value, want[1]) {
			t.Errorf("conflict %d: %+v, want %s against %s", i, c, want[0], want[1])
		}
	}
}

func TestDayConflictsPlanned(t *testing.T) {
	s := analysedStory(t,
		"The override is expected to begin in the Senate on Wednesday, followed by the House on Thursday.",
		"The House voted on Wednesday to override the veto of the bill.",
		"The Senate voted on Wednesday to override the veto of the bill.",
		"Governor Smith will sign the budget on Thursday, his aides said. Governor Smith signed the budget on Tuesday.",
		"Governor Smith signed the budget on Monday.",
	)
	for _, d := range s.Docs {
		d.Date = time.Date(2016, 9, 28, 0, 0, 0, 0, time.UTC) // a Wednesday
		d.StatedDate = d.Date
	}
	s = datedStory(s)
	cs := dayConflicts(s, nil)
	var got []string
	for _, c := range cs {
		var vs []string
		for _, cl := range c.Claims {
			vs = append(vs, cl.Value+" "+strings.Join(cl.Sources, ","))
		}
		got = append(got, fmt.Sprintf("change=%v %s", c.Change, strings.Join(vs, " | ")))
	}
	// The House's vote planned for Thursday and reported on Wednesday: a
	// plan that moved. The Senate's was planned and held on Wednesday, and
	// the House's Thursday is not the Senate's day. The governor's plan
	// is left out, as its source reports the signing done; the signing's
	// day is disputed by the sources that report it.
	want := []string{
		"change=true Thursday (29 September 2016, planned) a.txt | Wednesday (28 September 2016) b.txt",
		"change=false Monday (26 September 2016) e.txt | Tuesday (27 September 2016) d.txt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
