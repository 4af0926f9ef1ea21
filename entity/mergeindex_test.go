package entity

import "testing"

// TestSpellingPairsFindMatches checks that spellingPairs returns every
// pair of groups of one first letter that spellingOf matches, over names
// that test each way it can match: transliterations over the whole name,
// the same given names, one more part, initials.
func TestSpellingPairsFindMatches(t *testing.T) {
	names := []string{
		"Yoon Young-chan", "Yun Yong Chan", "Abdul Hakim Belhaj", "AbdelHakim Bilhajj", "Abdelhakim Belhadj",
		"Francisco Jose Garzon", "Francisco Jose Garzon Amo", "Idris Naim Sahin", "Idris Naim Sener",
		"Muammar Gaddafi", "Muammar el-Qaddafi", "Moammar Khadafy", "Mohammad Hossein Baqeri", "Mohammed Hussein Bagheri",
		"Kim Jong Un", "Kim Jong-un", "Kim Jong Il", "J. Smith", "John Smith", "John Smith Jones", "Jon Smyth",
		"Bill Clinton", "William Jefferson Clinton", "William Clinton", "Vicente Fox Quesada", "Vincente Fox",
		"Nicolas Sarkozy", "Nicholas Sarkozi", "A. B. Merkel", "Angela B. Merkel", "Angela Dorothea Merkel",
		"Mahmoud Ahmadinejad", "Mahmud Ahmadinezhad", "Abu Bakr al-Baghdadi", "Abubakr Baghdadi", "Abu Baker Bagdadi",
		"Jesse Jackson Jr.", "Jesse L. Jackson Jr.", "Jesse Jackson", "Ali Akbar Velayati", "Ali Akbar Vilayati",
		"Omar Suleiman", "Umar Sulaiman", "Omar Sulaiman Hassan", "Recep Tayyip Erdogan", "Recep Tayip Erdoğan",
		"J. K. Rowling", "Joanne K. Rowling", "Joanne Kathleen Rowling", "Xi Jinping", "Xi Jin Ping",
	}
	cs := make([]nameGroup, len(names))
	joined := make([]string, len(names))
	for i, n := range names {
		cs[i].canon = parseName(n)
		if len(cs[i].canon.parts) >= 2 {
			joined[i] = cs[i].canon.joined()
		}
	}
	found := map[[2]int]bool{}
	sole := make([]int, len(names))
	for i := range sole {
		sole[i] = i // each its own source
	}
	for _, p := range spellingPairs(cs, joined, sole) {
		found[p] = true
	}
	matches := 0
	for a := range cs {
		for b := a + 1; b < len(cs); b++ {
			if joined[a] == "" || joined[b] == "" || joined[a][0] != joined[b][0] {
				continue
			}
			if spellingOf(cs[a].canon, cs[b].canon, joined[a], joined[b]) {
				matches++
				if !found[[2]int{a, b}] {
					t.Errorf("spellingPairs misses %q, %q", names[a], names[b])
				}
			}
		}
	}
	if matches < 15 {
		t.Errorf("only %d pairs match: the test compares little", matches)
	}
	if len(found) >= len(names)*(len(names)-1)/4 {
		t.Errorf("%d pairs of %d names: the keys hardly block", len(found), len(names))
	}
	// all of one source: only the pairs of the same given names, which
	// joinSpellings joins though they share it
	for i := range sole {
		sole[i] = 0
	}
	one := map[[2]int]bool{}
	for _, p := range spellingPairs(cs, joined, sole) {
		one[p] = true
	}
	given := 0
	for a := range cs {
		for b := a + 1; b < len(cs); b++ {
			if joined[a] == "" || joined[b] == "" || joined[a][0] != joined[b][0] {
				continue
			}
			if sameGivenNames(cs[a].canon, cs[b].canon) {
				given++
				if !one[[2]int{a, b}] {
					t.Errorf("spellingPairs of one source misses %q, %q", names[a], names[b])
				}
			}
		}
	}
	if given == 0 || len(one) >= len(found) {
		t.Errorf("one source: %d pairs, %d of the same given names, of %d", len(one), given, len(found))
	}
}
