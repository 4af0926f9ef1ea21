package brief_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/internal/seedtest"
)

// TestSeedQuotes checks who said what in the seed story's brief: every
// quote EXPECTED.md lists is there, under one canonical name per person.
func TestSeedQuotes(t *testing.T) {
	b, err := brief.Build(seedtest.Analysed(t), brief.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ") }
	expected := []struct{ who, text string }{
		{"Baqeri", "We are so pleased that the Iraqi nation and army have made great gains"},
		{"Ghanmi", "We believe that the Islamic republic has ever been by the side of Iraq"},
		{"Baqeri", "the change of geographical borders of Iraq is not acceptable"},
		{"Baqeri", "The armed forces of both countries do not recognize any authority"},
		{"Baqeri", "We held talks on the common threats to the two countries"},
		{"Baqeri", "We also held negotiations about [ways] to counter terrorism"},
		{"Baqeri", "The Islamic Republic of Iran supports an integrated and unified Iraq"},
		{"Baqeri", "Tomorrow, Iranian and Iraqi operational teams will visit"},
		{"Baqeri", "The Zionist regime and the world Arrogance [U.S.] are behind this"},
	}
	names := map[string]map[string]bool{}
	spell := map[string]*regexp.Regexp{"Baqeri": regexp.MustCompile(`Ba(q|gh)eri`), "Ghanmi": regexp.MustCompile(`Ghan(e)?mi`)}
	for _, e := range expected {
		found := false
		for _, q := range b.Quotes {
			if !strings.Contains(squash(q.Text), e.text) {
				continue
			}
			found = true
			if !spell[e.who].MatchString(q.Speaker) {
				t.Errorf("%q: speaker %q, want %s", e.text, q.Speaker, e.who)
			}
			if names[e.who] == nil {
				names[e.who] = map[string]bool{}
			}
			names[e.who][q.Speaker] = true
		}
		if !found {
			t.Errorf("quote %q missing from the brief", e.text)
		}
	}
	for who, n := range names {
		if len(n) > 1 {
			t.Errorf("%s is named in several ways: %v", who, n)
		}
	}
	pronoun := regexp.MustCompile(`(?i)^(he|she|they|it|we|i|you|him|her|them|who)$`)
	for _, q := range b.Quotes {
		if pronoun.MatchString(q.Speaker) {
			t.Errorf("pronoun speaker %q for %q", q.Speaker, q.Text)
		}
		if strings.Contains(q.Text, "Zionist regime") && !q.Opinion {
			t.Errorf("quote from 004's comment section not marked as opinion")
		}
	}
}
