package brief

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/jsonindent"
	"github.com/storyline-news/storyline/news"
)

// A RenderFunc writes a brief in one format.
type RenderFunc func(io.Writer, *news.Brief) error

// Renderer returns the renderer for a format name: md, json or html.
func Renderer(format string) (RenderFunc, error) {
	switch format {
	case "md", "markdown":
		return Markdown, nil
	case "json":
		return JSON, nil
	case "html":
		return HTML, nil
	}
	return nil, fmt.Errorf("brief: unknown format %q (want md, json or html)", format)
}

// JSON writes the brief in its documented JSON form.
// The brief is marshalled compact and laid out by jsonindent, which
// writes what an Encoder with SetIndent("", "  ") would at a third of
// the cost (TestJSONIndented); the store keeps a brief in these bytes.
func JSON(w io.Writer, b *news.Brief) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return err
	}
	src := compact.Bytes()
	_, err := w.Write(jsonindent.Append(make([]byte, 0, len(src)+len(src)/2), src))
	return err
}

// citer numbers the sources [1], [2]... in the order the brief lists them.
type citer map[string]int

func newCiter(b *news.Brief) citer {
	c := citer{}
	for i, s := range b.Sources {
		c[s.ID] = i + 1
	}
	return c
}

// refs returns "[1][3]" for the given source IDs, in numeric order.
func (c citer) refs(ids []string) string {
	var sb strings.Builder
	for _, id := range c.sorted(ids) {
		if n, ok := c[id]; ok {
			fmt.Fprintf(&sb, "[%d]", n)
		} else {
			fmt.Fprintf(&sb, "\\[%s\\]", mdText(id))
		}
	}
	return sb.String()
}

// sorted returns the IDs ordered by their source number, unknown IDs last,
// without duplicates.
func (c citer) sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		na, oka := c[a]
		nb, okb := c[b]
		switch {
		case oka && okb:
			return na - nb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

// Headline returns a one-line description of the brief: its sources and
// the span of their dates.
func Headline(b *news.Brief) string {
	var first, last string
	for _, s := range b.Sources {
		if s.Date == "" {
			continue
		}
		if first == "" || s.Date < first {
			first = s.Date
		}
		if s.Date > last {
			last = s.Date
		}
	}
	h := fmt.Sprintf("Brief of %d source", len(b.Sources))
	if len(b.Sources) != 1 {
		h += "s"
	}
	switch {
	case first == "":
	case first == last:
		h += ", " + first
	default:
		h += ", " + first + " to " + last
	}
	return h
}

// sourceLine describes a source and the date trusted for it.
func sourceLine(s news.Source) string {
	parts := []string{s.ID}
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if s.Title != "" {
		parts = append(parts, "“"+s.Title+"”")
	}
	date := s.Date
	if date == "" {
		date = "no date"
	}
	if s.DateStatus != "" {
		date += " (" + s.DateStatus + ")"
	}
	parts = append(parts, date)
	line := strings.Join(parts, " — ")
	if s.DateNote != "" {
		line += ". " + upperFirst(strings.TrimSuffix(s.DateNote, ".")) + "."
	}
	if s.Opinion {
		line += " Holds comment or analysis."
	}
	return line
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// entityGroups splits entities by type, in the order people, organisations,
// places, other.
func entityGroups(ents []news.Entity) []entityGroup {
	groups := []entityGroup{
		{Title: "People", Type: news.Person},
		{Title: "Organisations", Type: news.Organisation},
		{Title: "Places", Type: news.Place},
		{Title: "Other names", Type: news.Misc},
	}
	for _, e := range ents {
		i := 3
		for j := range groups {
			if groups[j].Type == e.Type {
				i = j
			}
		}
		groups[i].Entities = append(groups[i].Entities, e)
	}
	var out []entityGroup
	for _, g := range groups {
		if len(g.Entities) > 0 {
			out = append(out, g)
		}
	}
	return out
}

type entityGroup struct {
	Title    string
	Type     news.EntityType
	Entities []news.Entity
}

// otherForms returns the forms of e other than its name.
func otherForms(e news.Entity) []string {
	var out []string
	for _, f := range e.Forms {
		if f != e.Name {
			out = append(out, f)
		}
	}
	return out
}

// speakerGroup is the quotes of one speaker.
type speakerGroup struct {
	Speaker string
	Quotes  []news.QuoteEntry
}

// bySpeaker groups quotes by speaker, in the order speakers first appear;
// within a speaker, quotes in their own words come before reported speech.
func bySpeaker(qs []news.QuoteEntry) []speakerGroup {
	var out []speakerGroup
	index := map[string]int{}
	for _, q := range qs {
		sp := q.Speaker
		if sp == "" {
			sp = "unknown"
		}
		i, ok := index[sp]
		if !ok {
			i = len(out)
			index[sp] = i
			out = append(out, speakerGroup{Speaker: sp})
		}
		out[i].Quotes = append(out[i].Quotes, q)
	}
	for _, g := range out {
		slices.SortStableFunc(g.Quotes, func(a, b news.QuoteEntry) int {
			switch {
			case a.Direct == b.Direct:
				return 0
			case a.Direct:
				return -1
			}
			return 1
		})
	}
	return out
}

// quoteSources returns the sources a quote cites.
func quoteSources(q news.QuoteEntry) []string {
	if len(q.Sources) > 0 {
		return q.Sources
	}
	return []string{q.Source}
}

// quoteText returns the quote as a reader sees it: direct quotes in
// quotation marks.
func quoteText(q news.QuoteEntry) string {
	if q.Direct {
		return "“" + strings.Trim(q.Text, "\"“”") + "”"
	}
	return q.Text
}

// mdText makes text from an article or its metadata safe to print in
// Markdown: it reads as the same text and never as markup, so a viewer
// shows "<script>" in an article as those characters. It backslash-escapes
// raw HTML and autolinks (<, >), links and images (a "]" before "(", "["
// or ":"), emphasis and code (*, `, and _ but inside a word, where it
// marks nothing), and the escape
// itself; line breaks become spaces, so that no text starts a block of
// its own, and a marker that would start one at the head of a line (#, -,
// +, =, |, ~, "1.") is escaped too.
func mdText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '<', '>':
			b.WriteByte('\\')
		case ']':
			// Every link, image and link definition needs "](", "][" or
			// "]:"; a bracket otherwise ("[U.S.]") is only text.
			if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[' || s[i+1] == ':') {
				b.WriteByte('\\')
			}
		case '_':
			if !(i > 0 && isWordByte(s[i-1]) && i+1 < len(s) && isWordByte(s[i+1])) {
				b.WriteByte('\\')
			}
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			c = ' '
		case '\n':
			c = ' '
		}
		b.WriteByte(c)
	}
	s = b.String()
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=', '|', '~':
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// multi-byte (non-ASCII) character.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// mdList escapes each of ss for Markdown and joins them with sep.
func mdList(ss []string, sep string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdText(s)
	}
	return strings.Join(out, sep)
}

// Markdown writes the brief for a person reading in a terminal, with
// sources numbered [1], [2]... Every text taken from the articles is
// escaped (see mdText), so that a Markdown viewer shows raw HTML in them as
// text.
func Markdown(w io.Writer, b *news.Brief) error {
	bw := bufio.NewWriter(w)
	c := newCiter(b)
	fmt.Fprintf(bw, "# %s\n", mdText(Headline(b)))

	fmt.Fprintf(bw, "\n## Summary\n\n")
	if len(b.Summary) == 0 {
		fmt.Fprintln(bw, "No summary could be made.")
	}
	for _, s := range b.Summary {
		fmt.Fprintf(bw, "%s %s\n", mdText(s.Text), c.refs(s.Sources))
	}

	fmt.Fprintf(bw, "\n## Timeline\n\n")
	if len(b.Timeline) == 0 {
		fmt.Fprintln(bw, "No dated events were found.")
	}
	for _, t := range b.Timeline {
		planned := ""
		if t.Planned {
			planned = "(planned) "
		}
		fmt.Fprintf(bw, "- **%s** %s%s %s\n", mdText(t.Date), planned, mdText(t.Text), c.refs(t.Sources))
	}

	fmt.Fprintf(bw, "\n## Who is who\n")
	if len(b.Entities) == 0 {
		fmt.Fprintf(bw, "\nNo names were found.\n")
	}
	for _, g := range entityGroups(b.Entities) {
		fmt.Fprintf(bw, "\n### %s\n\n", g.Title)
		for _, e := range g.Entities {
			fmt.Fprintf(bw, "- **%s**", mdText(e.Name))
			if len(e.Roles) > 0 {
				fmt.Fprintf(bw, ", %s", mdList(e.Roles, "; "))
			}
			if f := otherForms(e); len(f) > 0 {
				fmt.Fprintf(bw, " (also: %s)", mdList(f, ", "))
			}
			fmt.Fprintf(bw, " %s\n", c.refs(e.Sources))
		}
	}

	fmt.Fprintf(bw, "\n## Who said what\n")
	if len(b.Quotes) == 0 {
		fmt.Fprintf(bw, "\nNo quotes were found.\n")
	}
	for _, g := range bySpeaker(b.Quotes) {
		fmt.Fprintf(bw, "\n### %s\n\n", mdText(g.Speaker))
		for _, q := range g.Quotes {
			var notes []string
			if q.Via != "" {
				notes = append(notes, "via "+mdText(q.Via))
			}
			if q.Opinion {
				notes = append(notes, "in a comment section")
			}
			note := ""
			if len(notes) > 0 {
				note = " (" + strings.Join(notes, "; ") + ")"
			}
			fmt.Fprintf(bw, "- %s%s %s\n", mdText(quoteText(q)), note, c.refs(quoteSources(q)))
		}
	}

	fmt.Fprintf(bw, "\n## Where the sources disagree\n\n")
	if len(b.Conflicts) == 0 {
		fmt.Fprintln(bw, "No disagreements were found.")
	}
	for _, k := range b.Conflicts {
		var claims []string
		for _, cl := range k.Claims {
			claims = append(claims, mdText(cl.Value)+" "+c.refs(cl.Sources))
		}
		about := mdText(k.About)
		if k.Change {
			about += " (changed over time)"
		}
		fmt.Fprintf(bw, "- %s: %s\n", about, strings.Join(claims, "; "))
	}

	fmt.Fprintf(bw, "\n## Sources\n\n")
	for i, s := range b.Sources {
		fmt.Fprintf(bw, "[%d] %s\n", i+1, mdText(sourceLine(s)))
	}
	return bw.Flush()
}

//go:embed brief.html.tmpl
var htmlTemplate string

var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("brief").Funcs(template.FuncMap{
		"headline":    Headline,
		"sourceLine":  sourceLine,
		"groups":      entityGroups,
		"otherForms":  otherForms,
		"bySpeaker":   bySpeaker,
		"quoteText":   quoteText,
		"quoteSource": quoteSources,
		"join":        strings.Join,
		"num":         func(string) int { return 0 },              // replaced per page
		"order":       func(ids []string) []string { return ids }, // replaced per page
	}).Parse(htmlTemplate))
})

// HTML writes the brief as one self-contained page: no scripts, styles
// inline, citations linked to the list of sources.
func HTML(w io.Writer, b *news.Brief) error {
	c := newCiter(b)
	t, err := pageTemplate().Clone()
	if err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	return t.Funcs(template.FuncMap{
		"num":   func(id string) int { return c[id] },
		"order": c.sorted,
	}).Execute(w, b)
}
