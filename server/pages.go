package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/storyline-news/storyline/store"
)

//go:embed web/templates/*.html
var templateFS embed.FS

//go:embed web/static
var staticFS embed.FS

// pages holds the parsed templates and the static files.
type pages struct {
	tmpl   map[string]*template.Template
	static http.Handler
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func newPages() (*pages, error) {
	funcs := template.FuncMap{
		"pathEscape": url.PathEscape,
		"add":        func(a, b int) int { return a + b },
		"slice1":     func(r sourceRef) []sourceRef { return []sourceRef{r} },
		"cites":      citeLinks,
	}
	p := &pages{tmpl: map[string]*template.Template{}}
	for _, name := range []string{"stories.html", "story.html", "article.html", "login.html", "error.html"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "web/templates/layout.html", "web/templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("server: parsing template %s: %w", name, err)
		}
		p.tmpl[name] = t
	}
	sub, err := fs.Sub(staticFS, "web/static")
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	p.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	return p, nil
}

// pageData is what every page template gets: its own data in Data, and
// the nonce of this response's Content-Security-Policy.
type pageData struct {
	Nonce string
	Title string
	Data  any
}

// titled lets page data name the page.
type titled interface{ PageTitle() string }

// render executes a page template into a buffer, then sends it with the
// page headers; a template error is a 500 with nothing half-written.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	n := nonce()
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := s.execute(buf, name, data, n); err != nil {
		s.cfg.Logger.Error("server: rendering page", "page", name, "err", err)
		http.Error(w, "server: rendering the page failed", http.StatusInternalServerError)
		return
	}
	writePage(w, status, n, buf.Bytes())
}

// execute renders a page with nonce.
func (s *Server) execute(w io.Writer, name string, data any, nonce string) error {
	pd := pageData{Nonce: nonce, Title: "storyline", Data: data}
	if t, ok := data.(titled); ok {
		pd.Title = t.PageTitle() + " · storyline"
	}
	return s.pages.tmpl[name].ExecuteTemplate(w, "layout", pd)
}

// writePage sends a rendered page with the headers of every page.
func writePage(w http.ResponseWriter, status int, nonce string, body []byte) {
	h := w.Header()
	h.Set("Content-Security-Policy", pageCSP(nonce))
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// pageError renders an error page with the status statusOf gives.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.cfg.Logger.Error("server: page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status, "error.html", errorPage{Status: status, Text: http.StatusText(status), Err: err.Error()})
}

type errorPage struct {
	Status int
	Text   string
	Err    string
}

func (e errorPage) PageTitle() string { return e.Text }

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	s.pages.static.ServeHTTP(w, r)
}

// listPage is the story list.
type listPage struct {
	Query, Since string
	Stories      []listStory
	// Changed counts the listed stories changed in the last 24 hours.
	Changed int
	Next    string
	Now     time.Time
}

func (listPage) PageTitle() string { return "Stories" }

// listStory is one row of the story list.
type listStory struct {
	*store.Story
	// Changed reports a story that changed in the last 24 hours; Ago
	// says how long ago, in words.
	Changed bool
	Ago     string
	// Stale reports a brief older than the story (being rebuilt).
	Stale bool
	// What says what changed in the story's brief since yesterday (for a
	// story that changed).
	What string
}

func (s *Server) storyListPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := storyQuery(v)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	list, err := s.stories(r, q)
	if err != nil {
		s.pageError(w, r, fmt.Errorf("server: listing stories: %w", err))
		return
	}
	now := s.cfg.Now()
	lp := listPage{Query: q.Query, Since: v.Get("since"), Next: list.Next, Now: now}
	for _, st := range list.Stories {
		ls := listStory{Story: st, Ago: ago(now, st.Updated), Stale: st.BriefRevision < st.Revision}
		if now.Sub(st.Updated) < 24*time.Hour {
			ls.Changed = true
			lp.Changed++
			if ls.What, err = s.changeLine(r.Context(), st, now); err != nil {
				// The story is listed without its line; the others keep theirs.
				s.cfg.Logger.Warn("server: what changed since yesterday", "story", st.ID, "err", err)
			}
		}
		lp.Stories = append(lp.Stories, ls)
	}
	s.render(w, r, http.StatusOK, "stories.html", lp)
}

// ago says how long before now t was, roughly.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}
