package brief

import "testing"

func TestFurniture(t *testing.T) {
	for _, s := range []string{
		"Libya's leader Muammar Gaddafi poses after an interview with TRT Turkish television reporter Mehmet Akif Ersoy at the Rixos hotel in Tripoli March 8, 2011.",
		"Libyan leader Moamer Kadhafi stands outside his tent in the garden of his residence after his meeting with African leaders in Tripoli on April 10, 2011.",
		"Alex Lantier, World Socialist Web Site, October 19, 2011 Yesterday Hamas released captured Israeli soldier Gilad Shalit.",
		"Rescue workers search the rubble in Ercis 24 October 2011.",
	} {
		if !furniture(s) {
			t.Errorf("furniture(%q) = false", s)
		}
	}
	for _, s := range []string{
		"The commission announced the final results on April 30, 2019.",
		"Poroshenko, who was elected on May 25, 2014, conceded defeat on Sunday.",
		"The quake struck on Sunday, October 23, 2011, killing 217 people.",
		"Zelensky will take office no later than June 3.",
		"A 7.2 magnitude earthquake struck eastern Turkey on Sunday.",
	} {
		if furniture(s) {
			t.Errorf("furniture(%q) = true", s)
		}
	}
}
