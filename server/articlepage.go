package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// articleView is the source view: an article's text with its analysis
// layers marked.
type articleView struct {
	Doc   *store.Doc
	Paras [][]segment
	// Counts of the marked layers.
	Mentions, Timexes, Quotes int
}

func (v *articleView) PageTitle() string {
	if v.Doc.Title != "" {
		return v.Doc.Title
	}
	return v.Doc.ID
}

// segment is a run of text under one set of marks.
type segment struct {
	Text  string
	Class string
	Title string
}

// layer is one marked span.
type layer struct {
	news.Span
	class, title string
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("id")
	d, err := s.cfg.Store.Doc(r.Context(), key)
	if err != nil {
		s.pageError(w, r, fmt.Errorf("server: article %q: %w", key, err))
		return
	}
	s.render(w, r, http.StatusOK, "article.html", makeArticleView(d))
}

// makeArticleView cuts the doc's text at every layer's boundaries, so
// that overlapping layers (a name inside a quote) mark one flat run each.
func makeArticleView(d *store.Doc) *articleView {
	v := &articleView{Doc: d}
	var ls []layer
	for _, m := range d.Mentions {
		title := string(m.Type)
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			title += ": " + d.Entities[m.Entity].Name
		}
		if len(m.Titles) > 0 {
			title += " (" + strings.Join(m.Titles, ", ") + ")"
		}
		ls = append(ls, layer{m.Span, "ent ent-" + string(m.Type), title})
		v.Mentions++
	}
	for _, t := range d.Timexes {
		ls = append(ls, layer{t.Span, "tx", t.Type + " = " + t.Value})
		v.Timexes++
	}
	for _, q := range d.Quotes {
		kind := "indirect"
		if q.Direct {
			kind = "direct"
		}
		ls = append(ls, layer{q.Content, "q", kind + " quote of " + q.Speaker})
		if !q.Cue.IsZero() {
			ls = append(ls, layer{q.Cue, "cue", "cue of " + q.Speaker})
		}
		v.Quotes++
	}
	paras := d.Paragraphs
	if len(paras) == 0 {
		paras = []news.Span{{Start: 0, End: len(d.Text)}}
	}
	for _, p := range paras {
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End {
			continue
		}
		cuts := []int{p.Start, p.End}
		for _, l := range ls {
			for _, c := range []int{l.Start, l.End} {
				if c > p.Start && c < p.End {
					cuts = append(cuts, c)
				}
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		var segs []segment
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			seg := segment{Text: d.Text[a:b]}
			var classes, titles []string
			for _, l := range ls {
				if l.Start <= a && l.End >= b && l.Start < l.End {
					classes = append(classes, l.class)
					titles = append(titles, l.title)
				}
			}
			seg.Class = strings.Join(classes, " ")
			seg.Title = strings.Join(titles, "; ")
			segs = append(segs, seg)
		}
		v.Paras = append(v.Paras, segs)
	}
	return v
}
