package brief

import (
	"strings"
	"testing"
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
