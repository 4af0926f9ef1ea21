package entity

import "testing"

// TestPersonIndexFindsCompatible checks that the index behind personify
// returns every person whose name is compatible with a name, or written
// as one word the same, over all pairs of names that test each way two
// surnames can match: one spelling, a hypocorism, an initial, an initial
// vowel, one skeleton, one letter more in a long name.
func TestPersonIndexFindsCompatible(t *testing.T) {
	names := []string{
		"Barack Obama", "B. Obama", "Michelle Obama", "William Clinton", "Bill Clinton", "Hillary Clinton",
		"Omar Suleiman", "Umar Suleiman", "Muammar Gaddafi", "Muammar el-Qaddafi", "Moammar Khadafy",
		"Hossein Bagheri", "Mohammad Hossein Baqeri", "Vicente Fox", "Vincente Fox", "Jesse Jackson",
		"Jesse Jackson Jr.", "Ali Khamenei", "Ali Khamenie", "Kim Jong Un", "Kim Jong-un", "Kim Jongun",
		"J. Smith", "John Smith", "Jack Smith", "Jon Smith", "Smith", "Gen. Smith", "Bob Dole", "Robert Dole",
		"Xi Jinping", "Xi Jin Ping", "Abe Shinzo", "Shinzo Abe", "Ed Abe", "Eduardo Ab", "Mike Pence", "Michael Pence",
		"Nicolas Sarkozy", "Nicholas Sarkozi", "Angela Merkel", "A. Merkl", "Boris Johnson", "Boris Jonson",
		"Carlos Vicente", "Carlos Vincente", "Tom Bill", "Tom William", "John S.", "Mary Smith", "Ahmed Omar", "Ahmed Umar",
	}
	x := newPersonIndex()
	pns := make([]pname, len(names))
	for i, n := range names {
		pns[i] = parseName(n)
		if len(pns[i].parts) > 1 {
			x.add(i, pns[i])
		}
	}
	checked := 0
	for i, a := range pns {
		found := map[int]bool{}
		x.candidates(a, func(j int) { found[j] = true })
		for j, b := range pns {
			if len(b.parts) < 2 {
				continue
			}
			if compatible(a, b) || len(a.parts) > 1 && a.joined() == b.joined() {
				checked++
				if !found[j] {
					t.Errorf("%q: the index misses %q", names[i], names[j])
				}
			}
		}
	}
	if checked < 2*len(names) {
		t.Errorf("only %d compatible pairs: the test compares little", checked)
	}
}
