// Package jsonindent lays out compact JSON with two-space indents, as
// json.Indent(dst, src, "", "  ") does, without json.Indent's scanner:
// encoding/json's indenting (json.Indent, and an Encoder's SetIndent)
// checks every byte again, and cost three times the marshalling of a
// brief.
package jsonindent

// Append appends to dst the compact JSON src (as json.Marshal or an
// Encoder writes it: no space outside strings) laid out as
// json.Indent(dst, src, "", "  ") does: each element of a non-empty
// object or array on a line of its own, indented two spaces a level, ": "
// after a key, and empty objects and arrays kept as {} and []. Bytes
// after the value (an Encoder's newline) are copied. src must be valid:
// it is not checked.
func Append(dst, src []byte) []byte {
	depth := 0
	open := false // after { or [, before its first element
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = newline(dst, depth)
		}
		switch c {
		case '"':
			// Copy the string whole, escapes included.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++ // the byte it escapes
				}
				j++
			}
			j = min(j+1, len(src))
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = newline(dst, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// newline appends a newline and depth levels of two-space indent.
func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
