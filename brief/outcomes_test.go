package brief

import (
	"strings"
	"testing"
)

func TestOutcomeConflicts(t *testing.T) {
	s := analysedStory(t,
		"The train driver was under police guard in hospital. He was not under arrest, the court said.",
		"The train driver was taken into police custody in hospital on Thursday evening.",
		"The mayor was charged with fraud. The train driver spoke to reporters.",
	)
	cs := outcomeConflicts(s, nil)
	if len(cs) != 1 {
		t.Fatalf("%d conflicts %+v, want 1: the driver not under arrest against in custody", len(cs), cs)
	}
	c := cs[0]
	if len(c.Claims) != 2 || !strings.Contains(c.Claims[0].Value+c.Claims[1].Value, "not under arrest") || !strings.Contains(c.Claims[0].Value+c.Claims[1].Value, "custody") {
		t.Errorf("conflict %+v, want 'not under arrest' against 'custody'", c)
	}
	// a.txt (23 October) denies it, b.txt (24 October) states it.
	if !c.Change || c.Claims[0].Sources[0] != "a.txt" {
		t.Errorf("conflict %+v: denied first and stated later is a change, denial first", c)
	}
}
