package brief

import (
	"strings"
	"testing"
)

func TestTimeConflicts(t *testing.T) {
	s := analysedStory(t,
		"The earthquake struck eastern Turkey on Sunday at 1:41 p.m. local time, officials said.",
		"The quake struck the city at 1:41 local time in the village of Tabanli.",
		"The quake struck about 10.40 a.m. Sunday and lasted for 25 seconds.",
		"The rescue teams met at 9:00 a.m. to plan the search in the town.",
	)
	cs := timeConflicts(s, nil)
	if len(cs) != 1 {
		t.Fatalf("got %d time conflicts, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Kind != "date" || !strings.HasPrefix(c.About, "time of") || len(c.Claims) != 2 {
		t.Fatalf("conflict %+v", c)
	}
	// "1:41" without a.m. or p.m. agrees with "1:41 p.m."; 10.40 a.m. is
	// another time.
	if c.Claims[0].Value != "10.40 a.m." || strings.Join(c.Claims[1].Sources, " ") != "a.txt b.txt" {
		t.Errorf("claims %+v", c.Claims)
	}
	// One source alone, or times that agree, make no conflict.
	if cs := timeConflicts(analysedStory(t,
		"The quake struck at 1:41 p.m. on Sunday.",
		"The quake struck at 13:42 on Sunday, the survey said.",
	), nil); len(cs) != 0 {
		t.Errorf("agreeing times: got %+v", cs)
	}
}
