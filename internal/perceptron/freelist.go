package perceptron

import "sync"

// FreeList keeps a model's working spaces (scratch arrays and the
// per-word score memos that fill them) between calls: Get takes one back,
// or makes one, and Put returns it. It is a mutex and a slice rather than
// a sync.Pool so that the memos outlive garbage collections. The zero
// value is ready to use and safe for concurrent use.
type FreeList[T any] struct {
	mu   sync.Mutex
	free []T
}

// Get takes a working space from the list, or returns fresh() when none
// is free.
func (l *FreeList[T]) Get(fresh func() T) T {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		l.free = l.free[:n-1]
		return x
	}
	return fresh()
}

// Put gives a working space back.
func (l *FreeList[T]) Put(x T) {
	l.mu.Lock()
	l.free = append(l.free, x)
	l.mu.Unlock()
}
