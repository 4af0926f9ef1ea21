package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/pipeline"
)

// The default bounds on what one brief holds, so that an endless stream
// ("storyline brief -" fed forever) cannot grow without bound.
const (
	defaultMaxArticles = 2000
	defaultMaxBytes    = 64 << 20
)

// holdLimits bound the articles held for one brief, and say which of
// the pile's stories to brief.
type holdLimits struct {
	articles int   // most articles; 0 means no limit
	bytes    int64 // most bytes of article text; 0 means no limit
	story    int   // brief only the story at this rank (1 = largest); 0 means all
	one      bool  // the whole pile is one story
	format   string
}

func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const usage = "storyline brief [--format md|json|html] [--words N] [--story N | --one] [--max-articles N] [--max-bytes N] PATH|URL..."
	fs := newFlags("brief", usage, "Groups the given articles into the stories they tell and prints the brief of each,\n"+
		"largest story first (Markdown: one after another; JSON: an array when there are several;\n"+
		"HTML: the story --story names, the largest by default). A pile of several stories is said\n"+
		"so on stderr. --story N briefs only the Nth story; --one treats all the articles as one story.\n"+
		"PATH may be a file, a folder (read recursively), an http(s) or file:// URL, or - for stdin.\n"+
		"Reading stops, with a note on stderr, once --max-articles articles or --max-bytes of text are held.", stderr)
	cfg := brief.DefaultConfig()
	format := fs.String("format", "md", "output format: md, json or html")
	fs.IntVar(&cfg.Words, "words", cfg.Words, "summary length in words")
	var lim holdLimits
	fs.IntVar(&lim.story, "story", 0, "brief only the Nth story of the pile, largest first (0: every story)")
	fs.BoolVar(&lim.one, "one", false, "treat all the articles as one story, without grouping them")
	fs.IntVar(&lim.articles, "max-articles", defaultMaxArticles, "most articles held for the brief; reading stops there (0: no limit)")
	fs.Int64Var(&lim.bytes, "max-bytes", defaultMaxBytes, "most bytes of article text held for the brief; reading stops there (0: no limit)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no input given", errUsage)
	}
	render, err := brief.Renderer(*format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if lim.articles < 0 || lim.bytes < 0 || lim.story < 0 {
		return fmt.Errorf("%w: --max-articles, --max-bytes and --story must not be negative", errUsage)
	}
	if lim.one && lim.story > 0 {
		return fmt.Errorf("%w: --one and --story exclude each other", errUsage)
	}
	lim.format = *format
	// A pile of articles is analysed and briefed with the collector
	// settings of ingest (see pipeline.GCPercent).
	defer pipeline.TuneGC()()

	// The work runs apart, so that a signal is obeyed at once even while
	// a stage that cannot be interrupted (building the brief, reading
	// stdin) is under way: the process then exits without waiting for it.
	errw := &syncWriter{w: stderr}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		var buf bytes.Buffer
		err := buildBrief(ctx, paths, cfg, lim, render, &buf, errw)
		done <- result{buf.Bytes(), err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return r.err
		}
		_, err := stdout.Write(r.out)
		return err
	case <-ctx.Done():
		errw.close()
		return errInterrupted
	}
}

// buildBrief reads and analyses the inputs, holding at most what lim allows,
// and renders their brief to w; progress and the inputs that could not be
// read go to stderr.
func buildBrief(ctx context.Context, paths []string, cfg brief.Config, lim holdLimits, render brief.RenderFunc, w, stderr io.Writer) error {
	chain, err := analyze.Default()
	if err != nil {
		return err
	}
	rd, err := ingest.New(ingest.Options{Warn: func(err error) { fmt.Fprintln(stderr, err) }})
	if err != nil {
		return err
	}
	story := &news.Story{ID: "story"}
	var held int64
	prog := newProgress(stderr, "analysed")
	for r := range chain.All(ctx, rd.ReadAllContext(ctx, paths), 0) {
		prog.add(r.Err != nil)
		if r.Err != nil {
			prog.clear()
			fmt.Fprintln(stderr, r.Err)
			continue
		}
		if lim.bytes > 0 && held+int64(len(r.Doc.Text)) > lim.bytes {
			prog.clear()
			fmt.Fprintf(stderr, "storyline brief: stopped reading before %s: its text would take what is held past --max-bytes %d; briefing the %d articles held\n", r.Doc.ID, lim.bytes, len(story.Docs))
			break
		}
		story.Docs = append(story.Docs, r.Doc)
		held += int64(len(r.Doc.Text))
		if lim.articles > 0 && len(story.Docs) >= lim.articles {
			prog.clear()
			fmt.Fprintf(stderr, "storyline brief: stopped reading at --max-articles %d; briefing those\n", lim.articles)
			break
		}
	}
	prog.clear()
	if ctx.Err() != nil {
		return errInterrupted
	}
	if len(story.Docs) == 0 {
		return fmt.Errorf("no article could be read from %d input(s)", len(paths))
	}
	stories, told := pileStories(story.Docs, lim, stderr)
	if stories == nil {
		return fmt.Errorf("%w: --story %d, but the articles tell %d stor%s", errUsage, lim.story, told, plural(told))
	}
	var briefs []*news.Brief
	for _, st := range stories {
		b, err := brief.Build(st, cfg)
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return errInterrupted
		}
		briefs = append(briefs, b)
	}
	return renderBriefs(w, briefs, lim.format, render)
}

// pileStories splits the pile into the stories it tells (package
// cluster), largest first, keeping the docs' order within each, and says
// on stderr when there are several. It returns the stories lim asks for
// (nil when lim.story names none) and how many the pile tells.
func pileStories(docs []*news.Doc, lim holdLimits, stderr io.Writer) ([]*news.Story, int) {
	groups := [][]*news.Doc{docs}
	if !lim.one {
		groups = cluster.Group(docs, cluster.DefaultConfig())
		slices.SortStableFunc(groups, func(a, b []*news.Doc) int { return len(b) - len(a) })
	}
	if lim.story > len(groups) {
		return nil, len(groups)
	}
	if len(groups) > 1 {
		sizes := make([]string, len(groups))
		for i, g := range groups {
			sizes[i] = strconv.Itoa(len(g))
		}
		what := "briefing each, largest first; --story N briefs only the Nth, --one all as one story"
		switch {
		case lim.story > 0:
			what = fmt.Sprintf("briefing story %d (%d articles)", lim.story, len(groups[lim.story-1]))
		case lim.format == "html":
			what = fmt.Sprintf("the HTML page briefs the largest (%d articles); --story N picks another, --one all as one story", len(groups[0]))
		}
		fmt.Fprintf(stderr, "storyline brief: the %d articles tell %d stories (of %s articles); %s\n", len(docs), len(groups), strings.Join(sizes, ", "), what)
	}
	switch {
	case lim.story > 0:
		groups = groups[lim.story-1 : lim.story]
	case lim.format == "html":
		groups = groups[:1]
	}
	out := make([]*news.Story, len(groups))
	for i, g := range groups {
		out[i] = &news.Story{ID: "story", Docs: g}
		if len(groups) > 1 {
			out[i].ID = "story-" + strconv.Itoa(i+1)
		}
	}
	return out, len(groups)
}

func plural(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}

// renderBriefs writes one brief as render does; several, in Markdown one
// after another under a rule, and in JSON as an array.
func renderBriefs(w io.Writer, briefs []*news.Brief, format string, render brief.RenderFunc) error {
	if len(briefs) == 1 {
		return render(w, briefs[0])
	}
	if format == "json" {
		var parts [][]byte
		for _, b := range briefs {
			var buf bytes.Buffer
			if err := render(&buf, b); err != nil {
				return err
			}
			parts = append(parts, bytes.TrimSpace(buf.Bytes()))
		}
		_, err := fmt.Fprintf(w, "[\n%s\n]\n", bytes.Join(parts, []byte(",\n")))
		return err
	}
	for i, b := range briefs {
		if i > 0 {
			if _, err := io.WriteString(w, "\n---\n\n"); err != nil {
				return err
			}
		}
		if err := render(w, b); err != nil {
			return err
		}
	}
	return nil
}
