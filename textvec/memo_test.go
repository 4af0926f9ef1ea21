package textvec

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/porter"
)

// TestStemWordShared checks that the process's stems give what stemming
// each word afresh gives, first seen or kept, from several goroutines
// at once (run it with -race).
func TestStemWordShared(t *testing.T) {
	words := strings.Fields("Running runners ran Meetings meeting met talks Talked " +
		"presidential presidents Iranian Iran's 2017 17th negotiations NEGOTIATED a of")
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, w := range words {
					want := strings.ToLower(w)
					if len(want) > 3 {
						want = porter.Stem(want)
					}
					if got := StemWord(w); got != want {
						t.Errorf("StemWord(%q) = %q, want %q", w, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestWordMemoBound checks that a memo keeps no more than its bound and
// still answers past it.
func TestWordMemoBound(t *testing.T) {
	calls := 0
	m := NewWordMemo(2, func(w string) string { calls++; return w[:1] })
	text := []byte("alpha beta gamma")
	for range 2 {
		for _, w := range strings.Fields(string(text)) {
			if got := m.Get(w); got != w[:1] {
				t.Errorf("Get(%q) = %q, want %q", w, got, w[:1])
			}
		}
	}
	if m.size.Load() != 2 {
		t.Errorf("memo keeps %d words, want 2", m.size.Load())
	}
	if calls != 4 {
		t.Errorf("f called %d times, want 4 (2 kept, 1 past the bound twice)", calls)
	}
}

// TestWordMemoMany checks a memo of many words, which it moves from its
// shards' recent words to new tables as they come, from several
// goroutines at once (run it with -race): every word gives its value,
// first seen, recent or in a table, and values that are a prefix of the
// word and values that are not both come back whole.
func TestWordMemoMany(t *testing.T) {
	value := func(w string) string {
		if len(w)%2 == 0 {
			return w[:len(w)/2] // a prefix, as a stem often is
		}
		return strings.ToUpper(w)
	}
	m := NewWordMemo(3000, value)
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("w%dx%s", i, strings.Repeat("y", i%7))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				for k := range words {
					w := words[(k*(2*g+1)+round*977)%len(words)]
					if got := m.Get(w); got != value(w) {
						t.Errorf("Get(%q) = %q, want %q", w, got, value(w))
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	// Goroutines that check the bound at once may each keep one more.
	if n := m.size.Load(); n < 3000 || n > 3000+4 {
		t.Errorf("memo keeps %d words, want 3000 (up to 4 more)", n)
	}
}
