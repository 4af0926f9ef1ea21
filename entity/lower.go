package entity

import (
	"strings"

	"github.com/storyline-news/storyline/internal/ascii"
)

// lowerIn returns m[strings.ToLower(s)], building no string for a short
// ASCII s (ascii.Lookup).
func lowerIn[V any](m map[string]V, s string) V {
	v, _ := ascii.Lookup(m, s)
	return v
}

// lowerWordIn returns m[lowerWord(w)] as lowerIn does.
func lowerWordIn[V any](m map[string]V, w string) V {
	return lowerIn(m, strings.TrimRight(w, "."))
}
