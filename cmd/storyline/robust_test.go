package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/news"
)

// hangGuard bounds a test that would otherwise hang on a bug; it is a
// failure guard, not a measure of speed.
const hangGuard = 60 * time.Second

// TestSignalDuringFetch sends SIGTERM to this process while a brief waits
// on a server that never answers, with the signal handling of main: the
// run ends with "interrupted" and exit status 130, not at the HTTP
// timeout and not with "context canceled".
func TestSignalDuringFetch(t *testing.T) {
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case arrived <- struct{}{}:
		default:
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type outcome struct {
		code   int
		stderr string
	}
	done := make(chan outcome, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(ctx, []string{"brief", srv.URL + "/story"}, &out, &errb)
		done <- outcome{code, errb.String()}
	}()
	select {
	case <-arrived:
	case <-time.After(hangGuard):
		t.Fatal("the fetch never reached the server")
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Skipf("cannot signal this process: %v", err)
	}
	select {
	case o := <-done:
		if o.code != exitInterrupted || !strings.Contains(o.stderr, "interrupted") || strings.Contains(o.stderr, "context canceled") {
			t.Errorf("exit %d, stderr %q; want %d and \"interrupted\"", o.code, o.stderr, exitInterrupted)
		}
	case <-time.After(hangGuard):
		t.Fatal("SIGTERM was not obeyed")
	}
}

// TestCancelDuringBrief cancels a run whose input keeps arriving slowly:
// the command returns on cancellation whatever stage is under way.
func TestCancelDuringBrief(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; r.Context().Err() == nil; i++ {
			fmt.Fprintf(w, `{"title": "Harbour %d", "text": "The harbour reopened on Monday after storm %d, the port authority said."}`+"\n", i, i)
			w.(http.Flusher).Flush()
			time.Sleep(20 * time.Millisecond)
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() { done <- run(ctx, []string{"brief", "--max-articles", "0", srv.URL}, &bytes.Buffer{}, &errb) }()
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("exit %d, want %d", code, exitInterrupted)
		}
	case <-time.After(hangGuard):
		t.Fatal("cancellation was not obeyed")
	}
}

// TestEndlessStream briefs an endless stream of JSON lines: reading stops
// at --max-articles, with a note on stderr, and the brief holds that many.
func TestEndlessStream(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; r.Context().Err() == nil; i++ {
			_, err := fmt.Fprintf(w, `{"title": "Harbour report %d", "source": "Outlet %d", "date": "2024-03-%02d", "text": "The harbour reopened on Monday after a week of storms, the port authority said in report %d. Fishing boats went out again at dawn."}`+"\n", i, i, 1+i%28, i)
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"brief", "--format", "json", "--max-articles", "25", srv.URL}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "--max-articles 25") {
		t.Errorf("stderr does not say the limit was reached: %q", errb.String())
	}
	var b news.Brief
	if err := json.Unmarshal(out.Bytes(), &b); err != nil || len(b.Sources) != 25 {
		t.Errorf("brief of %d sources (%v), want 25", len(b.Sources), err)
	}
}

func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	text := "The harbour reopened on Monday after a week of storms, the port authority said. Fishing boats went out again at dawn.\n"
	var paths []string
	for i := range 5 {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		os.WriteFile(p, []byte(text), 0o644)
		paths = append(paths, p)
	}
	code, out, errs := storyline(append([]string{"brief", "--format", "json", "--max-bytes", fmt.Sprint(2*len(text) + 10)}, paths...)...)
	var b news.Brief
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil || len(b.Sources) != 2 || !strings.Contains(errs, "--max-bytes") {
		t.Errorf("exit %d, %d sources, stderr %q; want 2 sources and a note", code, len(b.Sources), errs)
	}
}

// TestHelpAndVersion checks where help goes and what version prints.
func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"brief", "--help"}, {"help", "brief"}, {"eval", "-h"}} {
		code, out, errs := storyline(args...)
		if code != 0 || !strings.Contains(out, "brief") && !strings.Contains(out, "eval") || errs != "" {
			t.Errorf("storyline %q: exit %d, stdout %q, stderr %q; want help on stdout", args, code, out, errs)
		}
	}
	code, out, errs := storyline()
	if code != 2 || out != "" || !strings.Contains(errs, "Commands:") {
		t.Errorf("no command: exit %d, stdout %q; want usage on stderr and 2", code, out)
	}
	code, out, errs = storyline("brief", "--nosuchflag", "x")
	if code != 2 || out != "" || !strings.Contains(errs, "nosuchflag") || !strings.Contains(errs, "usage:") {
		t.Errorf("bad flag: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ = storyline(args...)
		if code != 0 || !strings.HasPrefix(out, "storyline ") || !strings.Contains(out, "go1.") {
			t.Errorf("storyline %q: exit %d, %q", args, code, out)
		}
	}
}

// TestErrorPrefixes checks that no message repeats its package's name.
func TestErrorPrefixes(t *testing.T) {
	deep := filepath.Join(t.TempDir(), "deep.page")
	os.WriteFile(deep, []byte("<html><body>"+strings.Repeat("<div>", 600)+"<p>The story of the day.</p></body></html>"), 0o644)
	for _, args := range [][]string{{"eval", "nosuchsuite"}, {"eval", "entities", "--data", filepath.Join(t.TempDir(), "none")}, {"brief", deep}, {"brief", "ftp://example.com/a"}} {
		_, _, errs := storyline(args...)
		for _, p := range []string{"eval: eval:", "html: html:", "ingest: ingest:", "brief: brief:"} {
			if strings.Contains(errs, p) {
				t.Errorf("storyline %q: %q repeats a prefix", args, errs)
			}
		}
		if errs == "" {
			t.Errorf("storyline %q: no error", args)
		}
	}
}

// TestEvalOutsideRepo says to use --data when the default data is missing.
func TestEvalOutsideRepo(t *testing.T) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(t.TempDir())
	code, _, errs := storyline("eval", "entities")
	if code != 1 || !strings.Contains(errs, "--data") {
		t.Errorf("exit %d, stderr %q; want a hint to use --data", code, errs)
	}
}

// TestProgressThroughSyncWriter keeps the progress line on a terminal
// when stderr is wrapped for interruption. /dev/null stands in for the
// terminal: it is a character device too.
func TestProgressThroughSyncWriter(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer dev.Close()
	if st, err := dev.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	if p := newProgress(&syncWriter{w: dev}, "read"); p.w == nil {
		t.Error("no progress shown on a terminal behind a syncWriter")
	}
	if p := newProgress(&syncWriter{w: &bytes.Buffer{}}, "read"); p.w != nil {
		t.Error("progress shown on a buffer")
	}
}
