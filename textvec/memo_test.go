package textvec

import (
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
