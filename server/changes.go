package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// storyChange is what a story's brief tells now that its brief of a day
// before did not: new sources and outlets, new dated events, new people,
// and disagreements or changing figures that are new or whose values
// changed. It is shown on the story list.
type storyChange struct {
	// Compared is false when the store keeps no brief of the story from a
	// day before (a story first briefed since, or one briefed before the
	// store kept old briefs): the counts are then the brief's own.
	Compared bool
	Sources  int
	Outlets  []string
	Events   []string
	People   []string
	Figures  []string
}

// Line says the change in one line, "" when nothing changed.
func (c *storyChange) Line() string {
	var parts []string
	plural := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + one + "s"
	}
	if c.Sources > 0 {
		p := "+" + plural(c.Sources, "source")
		if len(c.Outlets) > 0 {
			p += " (new: " + listShort(c.Outlets, 3) + ")"
		}
		parts = append(parts, p)
	}
	if n := len(c.Events); n > 0 {
		parts = append(parts, "+"+plural(n, "event")+": "+clip(c.Events[len(c.Events)-1], 80))
	}
	if len(c.Figures) > 0 {
		parts = append(parts, "figures: "+listShort(c.Figures, 2))
	}
	if len(c.People) > 0 {
		parts = append(parts, "people: "+listShort(c.People, 3))
	}
	if len(parts) == 0 {
		return ""
	}
	line := strings.Join(parts, " · ")
	if !c.Compared {
		line = "no brief of a day ago to compare; now " + line
	}
	return line
}

func listShort(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(" and %d more", len(xs)-n)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// compareBriefs returns what cur has that old has not; old may be nil.
func compareBriefs(old, cur *news.Brief) *storyChange {
	c := &storyChange{Compared: old != nil}
	if old == nil {
		old = &news.Brief{}
	}
	oldSrc, oldOutlet := map[string]bool{}, map[string]bool{}
	for _, s := range old.Sources {
		oldSrc[s.ID] = true
		oldOutlet[s.Outlet] = true
	}
	for _, s := range cur.Sources {
		if oldSrc[s.ID] {
			continue
		}
		c.Sources++
		if s.Outlet != "" && !oldOutlet[s.Outlet] && !slices.Contains(c.Outlets, s.Outlet) {
			c.Outlets = append(c.Outlets, s.Outlet)
		}
	}
	event := func(e news.TimelineEntry) string { return e.Date + ": " + strings.Join(strings.Fields(e.Text), " ") }
	oldEvents := map[string]bool{}
	for _, e := range old.Timeline {
		oldEvents[event(e)] = true
	}
	for _, e := range cur.Timeline {
		if k := event(e); !oldEvents[k] {
			c.Events = append(c.Events, k)
		}
	}
	oldPeople := map[string]bool{}
	for _, e := range old.Entities {
		if e.Type == news.Person {
			oldPeople[e.Name] = true
		}
	}
	for _, e := range cur.Entities {
		if e.Type == news.Person && !oldPeople[e.Name] {
			c.People = append(c.People, e.Name)
		}
	}
	values := func(cf news.Conflict) string {
		var vs []string
		for _, cl := range cf.Claims {
			vs = append(vs, cl.Value)
		}
		return strings.Join(vs, " / ")
	}
	oldFig := map[string]string{}
	for _, cf := range old.Conflicts {
		oldFig[cf.About] = values(cf)
	}
	for _, cf := range cur.Conflicts {
		v := values(cf)
		if was, ok := oldFig[cf.About]; !ok || was != v {
			c.Figures = append(c.Figures, cf.About+": "+v)
		}
	}
	return c
}

// changeCache keeps the change lines of the listed stories: one per story,
// valid for its brief revision within one hour (the brief of a day before
// is kept by the hour).
type changeCache struct {
	mu sync.Mutex
	m  map[string]cachedChange
}

type cachedChange struct {
	revision int64
	hour     int64
	line     string
}

// maxCachedChanges bounds the change cache; it is emptied when full.
const maxCachedChanges = 10000

// changeLine says what changed in story st since a day before now.
func (s *Server) changeLine(ctx context.Context, st *store.Story, now time.Time) (string, error) {
	hour := now.Unix() / 3600
	s.changes.mu.Lock()
	if c, ok := s.changes.m[st.ID]; ok && c.revision == st.BriefRevision && c.hour == hour {
		s.changes.mu.Unlock()
		return c.line, nil
	}
	s.changes.mu.Unlock()
	sb, err := s.cfg.Store.Brief(ctx, st.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var cur news.Brief
	if err := json.Unmarshal(sb.JSON, &cur); err != nil {
		return "", fmt.Errorf("server: the brief of story %q: %w", st.ID, err)
	}
	var old *news.Brief
	ob, err := s.cfg.Store.BriefAt(ctx, st.ID, now.Add(-24*time.Hour))
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return "", err
	default:
		old = new(news.Brief)
		if err := json.Unmarshal(ob.JSON, old); err != nil {
			return "", fmt.Errorf("server: the brief of story %q of %v: %w", st.ID, ob.Built, err)
		}
	}
	line := compareBriefs(old, &cur).Line()
	s.changes.mu.Lock()
	if s.changes.m == nil || len(s.changes.m) >= maxCachedChanges {
		s.changes.m = map[string]cachedChange{}
	}
	s.changes.m[st.ID] = cachedChange{revision: sb.Revision, hour: hour, line: line}
	s.changes.mu.Unlock()
	return line, nil
}
