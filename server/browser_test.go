package server

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/storyline-news/storyline/internal/testutil"
)

// chromium finds Debian's chromium (or another Chrome); without one the
// test skips, unless CI is set.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("server: chromium is not installed (apt-get install -y chromium); CI needs the browser test")
	}
	t.Skip("server: chromium is not installed (apt-get install -y chromium): browser test skipped")
	return ""
}

// TestBrowserStoryPage loads the seeds' story page in headless Chromium
// and checks what a reader sees: the drawn timeline, a citation's hover
// text (the cited source sentence, shown by CSS on hover and focus), the
// inline script allowed by the nonce, the disagreements, and a phone-wide
// layout without sideways scrolling. With STORYLINE_SCREENSHOT=1 it saves
// docs/story.png.
func TestBrowserStoryPage(t *testing.T) {
	exe := chromium(t)
	s := openStore(t)
	id, _ := seedStory(t, s)
	ts := httptest.NewServer(newServer(t, Config{Store: s}))
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute) // a hung browser fails instead of hanging
	defer cancel()

	eval := func(expr string, v any) {
		t.Helper()
		var err error
		switch p := v.(type) {
		case *int:
			*p, err = chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		case *string:
			*p, err = chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		case *bool:
			*p, err = chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		}
		if err != nil {
			t.Fatalf("chromium: %s: %v", expr, err)
		}
	}
	var (
		circles, conflicts, marks int
		tip, after, title         string
		pinned, overflow          bool
	)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/stories/"+id), chromedp.WaitVisible(chromedp.CSS("svg.timeline circle"))); err != nil {
		t.Fatalf("chromium: loading the story page: %v", err)
	}
	eval(`document.querySelectorAll("svg.timeline circle").length`, &circles)
	eval(`document.querySelector("svg.timeline g.event title").textContent`, &title)
	eval(`document.querySelectorAll("#disagreements .conflict").length`, &conflicts)
	eval(`document.querySelectorAll("#disagreements mark").length`, &marks)
	// Hover and focus show the tip by CSS alone; a headless window has
	// neither, so the test taps the citation, which the page's script
	// pins (the same CSS rule shows it).
	eval(`document.querySelector("#summary .cite[data-tip]").dataset.tip`, &tip)
	eval(`(function(){var c=document.querySelector("#summary .cite[data-tip]"); c.click(); return c.classList.contains("pinned")})()`, &pinned)
	eval(`getComputedStyle(document.querySelector("#summary .cite[data-tip]"), "::after").content`, &after)
	if circles == 0 {
		t.Error("the timeline SVG has no events drawn")
	}
	if !strings.Contains(title, "[") {
		t.Errorf("a timeline event's tooltip names no sources: %q", title)
	}
	if conflicts == 0 || marks == 0 {
		t.Errorf("disagreements: %d shown, %d values highlighted", conflicts, marks)
	}
	if tip == "" || !strings.Contains(after, strings.TrimSpace(tip[:min(len(tip), 20)])) {
		t.Errorf("a focused citation shows %q, want its tip %q", after, tip)
	}
	if !pinned {
		t.Error("the page's script did not run (blocked by the Content-Security-Policy?)")
	}
	if os.Getenv("STORYLINE_SCREENSHOT") == "1" {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 1500), chromedp.Navigate(ts.URL+"/stories/"+id), chromedp.WaitVisible(chromedp.CSS("svg.timeline")))
		if err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(testutil.Root(t), "docs", "story.png")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(png))
	}
	// On a phone-wide screen nothing but the tables scrolls sideways.
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/stories/"+id), chromedp.WaitVisible(chromedp.CSS("svg.timeline")))
	if err != nil {
		t.Fatal(err)
	}
	eval(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow)
	if overflow {
		t.Error("the story page scrolls sideways on a 390 px wide screen")
	}
}
