package entity

import (
	"slices"
	"testing"
)

// TestBigBucketsFindCompatible checks that a big bucket's given-name
// keys find every group of the bucket a name of several parts is
// compatible with, over names that test each way given names match:
// the same, a hypocorism, an initial, a vowel, a skeleton, a letter
// more; fewer or more given names; renamed groups.
func TestBigBucketsFindCompatible(t *testing.T) {
	given := []string{
		"William", "Bill", "Will", "W.", "Robert", "Bob", "R.", "Omar", "Umar", "Mohammad", "Muhamed",
		"Vicente", "Vincente", "Jon", "John", "Jack", "J.", "Jean Paul", "J. P.", "Paul", "Anna Maria",
		"Maria", "Catherine", "Kate", "Cathy", "Alexander", "Alex", "Sasha", "Elizabeth", "Liz", "Beth",
		"George Walker", "George W.", "G. W.", "Walker", "Stephen", "Steven", "Steve", "Michael", "Mike",
	}
	surnames := []string{"Smith", "Smyth", "Smithe"}
	var x *bigBuckets
	groups := map[string][]int{}
	var cs []nameGroup
	sk := parseName("Smith").parts[0].sk
	for _, s := range surnames {
		if parseName(s).parts[0].sk != sk {
			t.Fatalf("%s is not of Smith's bucket", s)
		}
		for _, g := range given {
			cs = append(cs, nameGroup{canon: parseName(g + " " + s)})
			x = x.add(groups, sk, len(cs)-1, cs)
		}
	}
	// a group renamed: "Smith" becomes "Anna Maria Smith"
	cs = append(cs, nameGroup{canon: parseName("Smith")})
	x = x.add(groups, sk, len(cs)-1, cs)
	cs[len(cs)-1].canon = parseName("Anna Maria Smith")
	x.renamed(len(cs)-1, cs[len(cs)-1].canon)
	if x == nil || x.given[sk] == nil {
		t.Fatalf("a bucket of %d groups is not big", len(cs))
	}
	met, pairs := 0, 0
	for _, s := range surnames {
		for _, g := range given {
			pn := parseName(g + " " + s)
			found, big := x.candidates(sk, pn, nil)
			if !big {
				t.Fatalf("candidates(%q) tests every group", g+" "+s)
			}
			met += len(found)
			for ci := range cs {
				if len(cs[ci].canon.parts) > 1 && compatible(pn, cs[ci].canon) {
					pairs++
					if !slices.Contains(found, ci) {
						t.Errorf("%s %s does not meet group %d", g, s, ci)
					}
				}
			}
		}
	}
	if n := len(given) * len(surnames); met >= n*len(cs)/2 {
		t.Errorf("names met %d groups of %d: the keys hardly narrow", met, n*len(cs))
	}
	if pairs < 3*len(given) {
		t.Errorf("only %d compatible pairs: the test compares little", pairs)
	}
}
