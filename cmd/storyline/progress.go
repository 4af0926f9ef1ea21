package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line count of the work done to a terminal, at most
// a few times a second. On anything but a terminal it prints nothing, so
// logs and pipes stay clean.
type progress struct {
	w       io.Writer
	verb    string
	n, errs int
	last    time.Time
	shown   bool
}

func newProgress(w io.Writer, verb string) *progress {
	under := w
	if s, ok := w.(*syncWriter); ok {
		under = s.w // writes go through s; the terminal is what it wraps
	}
	if f, ok := under.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return &progress{w: w, verb: verb}
		}
	}
	return &progress{verb: verb}
}

// add counts one item, failed or not.
func (p *progress) add(failed bool) {
	p.n++
	if failed {
		p.errs++
	}
	if p.w == nil || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.shown = true
	fmt.Fprintf(p.w, "\r%s %d articles (%d unreadable)", p.verb, p.n, p.errs)
}

// clear removes the progress line before other output goes to the same
// terminal.
func (p *progress) clear() {
	if p.w != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
