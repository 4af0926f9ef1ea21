// Package pylit reads Python literals found in data files: the lists of
// strings that some CSV sets store in a cell.
package pylit

import (
	"strconv"
	"strings"
)

// Strings returns the string literals of a Python list literal such
// as ['a', "b's"], with escapes decoded. Anything else is skipped.
func Strings(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		q := s[i]
		if q != '\'' && q != '"' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(s) && s[j] != q; j++ {
			if s[j] != '\\' || j+1 >= len(s) {
				b.WriteByte(s[j])
				continue
			}
			j++
			switch s[j] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
			case 'x':
				if j+2 < len(s) {
					if v, err := strconv.ParseUint(s[j+1:j+3], 16, 8); err == nil {
						b.WriteRune(rune(v))
						j += 2
						continue
					}
				}
				b.WriteByte('x')
			case 'u':
				if j+4 < len(s) {
					if v, err := strconv.ParseUint(s[j+1:j+5], 16, 16); err == nil {
						b.WriteRune(rune(v))
						j += 4
						continue
					}
				}
				b.WriteByte('u')
			default:
				b.WriteByte(s[j])
			}
		}
		out = append(out, b.String())
		i = j
	}
	return out
}
