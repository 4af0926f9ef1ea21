package testutil

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Garble rotates the letters of about a third of the words of four ASCII
// letters or more, chosen by a hash of the word and k, by amounts that
// depend on k and the letter's place in the word; copy 0 is s. The text
// keeps its length, so spans into it hold: replayed copies of real
// articles whose words the taggers' memos have not seen.
func Garble(s string, k int) string {
	if k == 0 {
		return s
	}
	b := []byte(s)
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i < len(b); {
		if !isLetter(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && isLetter(b[j]) {
			j++
		}
		if j-i >= 4 {
			h := fnv.New32a()
			h.Write([]byte(strings.ToLower(s[i:j])))
			fmt.Fprint(h, k)
			if h.Sum32()%3 == 0 {
				for p := i; p < j; p++ {
					rot := byte((k*7+(p-i)*(k/25+1))%25 + 1)
					base := byte('a')
					if b[p] <= 'Z' {
						base = 'A'
					}
					b[p] = base + (b[p]-base+rot)%26
				}
			}
		}
		i = j
	}
	return string(b)
}
