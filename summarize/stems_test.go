package summarize

import (
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/textvec"
)

// TestSharedStem checks that the process's stems give what
// textvec.StemWord gives, first seen or kept, from several goroutines at
// once (run it with -race).
func TestSharedStem(t *testing.T) {
	words := strings.Fields("Running runners ran Meetings meeting met talks Talked " +
		"presidential presidents Iranian Iran's 2017 17th negotiations NEGOTIATED a of")
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, w := range words {
					if got, want := sharedStem(w), textvec.StemWord(w); got != want {
						t.Errorf("sharedStem(%q) = %q, want %q", w, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
}
