package brief

import "testing"

// statesAll: a source telling the man in court but neither his plea nor
// the watch does not state the line; one telling both, in two
// sentences, does; an unrelated one does not.
func TestCiteHeldStatesEveryClaim(t *testing.T) {
	s := analysedStory(t,
		"Former Rep. Jesse Jackson Jr. pleaded guilty in a federal courtroom on Wednesday to using campaign funds to buy personal items, including a Rolex watch and a mink cashmere cape.",
		"Jesse Jackson Jr. stood in a federal courtroom on Wednesday with his lawyers. He faces years in prison.",
		"Jesse Jackson Jr. pleaded guilty on Wednesday to using campaign funds for personal items. Among them was a Rolex watch and a mink cashmere cape.",
		"The weather in Chicago was cold and windy all week.",
	)
	ents := entities(s)
	c := newLineCiter(s, ents, nil)
	text := "Former Rep. Jesse Jackson Jr. pleaded guilty in a federal courtroom on Wednesday to using campaign funds to buy personal items, including a Rolex watch and a mink cashmere cape."
	parts := c.claimParts(text)
	if len(parts) < 2 {
		t.Fatalf("claimParts(%q) = %d parts, want the plea and the watch", text, len(parts))
	}
	for i, want := range []bool{true, false, true, false} {
		if got := c.statesAll(i, parts, heldClaimProb); got != want {
			t.Errorf("statesAll(%s) = %v, want %v", s.Docs[i].ID, got, want)
		}
	}
}
