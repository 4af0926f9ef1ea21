package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
)

// storyline runs the command line and returns its exit status and output.
func storyline(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func seeds(t testing.TB) string { return testutil.Shared(t, "seeds") }

// debris are the page-furniture lines of seed 003 that must not reach a
// brief.
var debris = []string{
	"Listen Live", "Get short URL", "Referendum (53)", "0 121",
	"Why Invasion of Iraqi Kurdistan", "Iraqi Paper Uses Porn Picture",
	"Iraqi Forces Wait for Abadi", "military cooperation, Hossein Baqeri, Iran, Turkey, Myanmar",
	"Community standards", "GMT22 June",
}

func TestBriefSeedsJSON(t *testing.T) {
	code, out, errs := storyline("brief", "--format", "json", seeds(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var b news.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("output is not a brief: %v", err)
	}
	if len(b.Sources) != 5 {
		t.Errorf("%d sources, want 5", len(b.Sources))
	}
	ids := map[string]bool{}
	for _, s := range b.Sources {
		ids[s.ID] = true
	}
	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
		if len(s.Sources) == 0 {
			t.Errorf("summary sentence cites no source: %q", s.Text)
		}
		for _, id := range s.Sources {
			if !ids[id] {
				t.Errorf("summary sentence cites unknown source %q", id)
			}
		}
	}
	if len(b.Summary) == 0 || words > 130 {
		t.Errorf("summary has %d sentences and %d words, want some and at most 130", len(b.Summary), words)
	}
	for _, d := range debris {
		if strings.Contains(out, d) {
			t.Errorf("debris %q reached the brief", d)
		}
	}
}

// TestBriefSeedsGolden keeps the Markdown brief of the seeds under review:
// any change to it shows up as a diff of testdata/seeds.md.golden.
func TestBriefSeedsGolden(t *testing.T) {
	code, out, errs := storyline("brief", seeds(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	testutil.Golden(t, filepath.Join("testdata", "seeds.md.golden"), []byte(out))
}

func TestBriefFormats(t *testing.T) {
	dir := seeds(t)
	for format, marker := range map[string]string{"md": "## Who said what", "html": "<!doctype html>", "json": `"conflicts"`} {
		code, out, errs := storyline("brief", "--format", format, "--words", "60", dir)
		if code != 0 || !strings.Contains(out, marker) {
			t.Errorf("--format %s: exit %d, marker %q missing; stderr %s", format, code, marker, errs)
		}
	}
}

func TestBriefBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(good, []byte("TEHRAN (Wire) -- Iran's army chief met his Iraqi counterpart on Wednesday. They talked about the border.\n"), 0o644)

	code, out, errs := storyline("brief", "--format", "json", empty, good, filepath.Join(dir, "missing.txt"))
	if code != 0 {
		t.Fatalf("exit %d with one good input; stderr %s", code, errs)
	}
	if !strings.Contains(errs, "empty.txt") || !strings.Contains(errs, "missing.txt") {
		t.Errorf("stderr does not name the bad inputs:\n%s", errs)
	}
	if !strings.Contains(out, "good.txt") {
		t.Errorf("the good input is missing from the brief:\n%s", out)
	}

	code, _, errs = storyline("brief", empty)
	if code == 0 || !strings.Contains(errs, "empty.txt") {
		t.Errorf("nothing readable: exit %d, stderr %q; want non-zero naming the input", code, errs)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Commands:"},
		{[]string{"--help"}, 0, "brief"},
		{[]string{"brief", "--help"}, 0, "--words"},
		{[]string{"help", "eval"}, 0, "SUITE"},
		{[]string{"brief"}, 2, "no input"},
		{[]string{"brief", "--format", "pdf", "x"}, 2, "pdf"},
		{[]string{"brief", "--words", "0", "x"}, 2, "positive"},
		{[]string{"eval", "nosuchsuite"}, 1, "unknown suite"},
		{[]string{"frobnicate"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		code, out, errs := storyline(tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("storyline %q: exit %d, want %d; output lacks %q:\n%s%s", tt.args, code, tt.code, tt.want, out, errs)
		}
	}
}

// BenchmarkBriefSeeds runs the whole flow, ingest to rendered brief, over
// the five seed articles.
func BenchmarkBriefSeeds(b *testing.B) {
	dir := seeds(b)
	for i := 0; i < b.N; i++ {
		if code, _, errs := storyline("brief", "--format", "json", dir); code != 0 {
			b.Fatal(errs)
		}
	}
}
