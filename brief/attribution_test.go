package brief

import (
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestAttributionConflicts(t *testing.T) {
	ents := []news.Entity{
		{Name: "Mustafa Abdel Jalil", Type: news.Person, Forms: []string{"Mustafa Abdel Jalil", "Abdel Jalil"}},
		{Name: "Mahmoud Jibril", Type: news.Person, Forms: []string{"Mahmoud Jibril", "Jibril"}},
		{Name: "Muammar Gaddafi", Type: news.Person, Forms: []string{"Muammar Gaddafi", "Gadhafi", "Qaddafi"}},
		{Name: "John Roberts", Type: news.Person, Forms: []string{"John Roberts"}},
		{Name: "John G. Roberts Jr.", Type: news.Person, Forms: []string{"John G. Roberts Jr."}},
	}
	quotes := []news.QuoteEntry{
		{Speaker: "Mustafa Abdel Jalil", Text: "confirmed Gadhafi's death at a news conference in Tripoli", Source: "a.txt"},
		{Speaker: "Mahmoud Jibril", Text: "confirmed that Qaddafi has been killed", Source: "b.txt"},
		// Said by two people: not one statement given to two.
		{Speaker: "Mustafa Abdel Jalil", Text: "said Qaddafi was killed in crossfire", Source: "a.txt"},
		{Speaker: "Mahmoud Jibril", Text: "said Gadhafi was killed in crossfire", Source: "b.txt"},
		// Negated: another statement.
		{Speaker: "Mahmoud Jibril", Text: "could not confirm that Qaddafi was killed", Source: "c.txt"},
		// One person by two names.
		{Speaker: "John Roberts", Text: "Is it true that the company's pay disparity across the stores is the same everywhere?", Direct: true, Source: "a.txt"},
		{Speaker: "John G. Roberts Jr.", Text: "Is it true that the company's pay disparity across the stores is the same everywhere?", Direct: true, Source: "b.txt"},
	}
	cs := attributionConflicts(quotes, ents, nil)
	if len(cs) != 1 {
		t.Fatalf("%d conflicts %+v, want 1: who confirmed the death", len(cs), cs)
	}
	c := cs[0]
	if c.Kind != "attribution" || len(c.Claims) != 2 || c.Claims[0].Value != "Mustafa Abdel Jalil" || c.Claims[1].Value != "Mahmoud Jibril" {
		t.Errorf("conflict %+v, want Jalil (a.txt) against Jibril (b.txt)", c)
	}
}

// TestAttributionOneSource: one source (a copy counted as its original)
// giving one statement to two people is no disagreement of sources, and
// the same quotes from two sources are.
func TestAttributionOneSource(t *testing.T) {
	ents := []news.Entity{
		{Name: "Mustafa Abdel Jalil", Type: news.Person, Forms: []string{"Mustafa Abdel Jalil", "Abdel Jalil"}},
		{Name: "Mahmoud Jibril", Type: news.Person, Forms: []string{"Mahmoud Jibril", "Jibril"}},
		{Name: "Muammar Gaddafi", Type: news.Person, Forms: []string{"Muammar Gaddafi", "Gadhafi", "Qaddafi"}},
	}
	quotes := []news.QuoteEntry{
		{Speaker: "Mustafa Abdel Jalil", Text: "confirmed Gadhafi's death at a news conference in Tripoli", Source: "a.txt"},
		{Speaker: "Mahmoud Jibril", Text: "confirmed that Qaddafi has been killed", Source: "b.txt"},
	}
	if cs := attributionConflicts(quotes, ents, nil); len(cs) != 1 {
		t.Fatalf("two sources: %d conflicts %+v, want 1", len(cs), cs)
	}
	if cs := attributionConflicts(quotes, ents, map[string]string{"b.txt": "a.txt"}); len(cs) != 0 {
		t.Errorf("b.txt a copy of a.txt: %d conflicts %+v, want none", len(cs), cs)
	}
	quotes[1].Source = "a.txt"
	if cs := attributionConflicts(quotes, ents, nil); len(cs) != 0 {
		t.Errorf("one source: %d conflicts %+v, want none", len(cs), cs)
	}
}
