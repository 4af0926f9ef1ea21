package ingest

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a regular expression compiled on first use, so that
// a program that reads no input of the kind pays nothing for it at start:
// the patterns with counted repetitions ("{1,300}") and Unicode classes
// cost tens of milliseconds and a megabyte to compile.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
