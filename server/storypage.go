package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/store"
)

// storyView is what the story page shows, derived from the stored brief
// and the story's docs (for the cited sentences and the source links).
type storyView struct {
	Story     *store.Story
	Summary   []summaryView
	Timeline  timelineView
	People    []news.Entity
	Orgs      []news.Entity
	Places    []news.Entity
	Speakers  []speakerView
	Conflicts []conflictView
	Coverage  coverageView
	Sources   []sourceView
}

func (v *storyView) PageTitle() string { return v.Story.Title }

// sourceRef is a citation of one source: its number in the source list.
type sourceRef struct {
	N      int
	ID     string
	Outlet string
	// Sentence is the sentence of this source the citation stands for.
	Sentence string
}

// citeLinks renders citations as links to their sources, each with its
// cited sentence as a tip when it has one:
//
//	<a class="cite" href="#src-N" data-tip="OUTLET: “SENTENCE”">[N]</a>
//
// It is written here rather than in the template because a story page
// holds hundreds of them; every value is escaped.
func citeLinks(refs []sourceRef) template.HTML {
	var b strings.Builder
	for _, r := range refs {
		n := strconv.Itoa(r.N)
		b.WriteString(`<a class="cite" href="#src-`)
		b.WriteString(n)
		if r.Sentence != "" {
			b.WriteString(`" data-tip="`)
			b.WriteString(template.HTMLEscapeString(r.Outlet))
			b.WriteString(`: “`)
			b.WriteString(template.HTMLEscapeString(r.Sentence))
			b.WriteString(`”">[`)
		} else {
			b.WriteString(`" title="`)
			b.WriteString(template.HTMLEscapeString(r.Outlet))
			b.WriteString(`">[`)
		}
		b.WriteString(n)
		b.WriteString(`]</a>`)
	}
	return template.HTML(b.String())
}

type summaryView struct {
	Text  string
	Cites []sourceRef
}

type speakerView struct {
	Speaker string
	Quotes  []quoteView
}

// quoteView is a quote as the page shows it. (Its fields are copied, not
// embedded: the template finds an embedded struct's fields by a slow
// reflective search, and a page holds many quotes.)
type quoteView struct {
	Text            string
	Via             string
	Direct, Opinion bool
	Cites           []sourceRef
}

type conflictView struct {
	About  string
	Claims []claimView
}

type claimView struct {
	Value string
	Cites []sourceRef
}

type sourceView struct {
	news.Source
	N int
	// Key is the stored article's key, for its source view ("" when the
	// doc is gone).
	Key string
}

// storyPage renders one story.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx := r.Context()
	st, err := s.cfg.Store.Story(ctx, id)
	if err != nil {
		s.pageError(w, r, fmt.Errorf("server: story %q: %w", id, err))
		return
	}
	if head, tail, ok := s.pageCache.get(st); ok {
		writeSplitPage(w, nonce(), head, tail)
		return
	}
	body, err := s.renderStory(ctx, st)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	head, tail, ok := splitNonce(body)
	if !ok {
		s.pageError(w, r, fmt.Errorf("server: rendering story %q: the page has no script nonce", id))
		return
	}
	writeSplitPage(w, nonce(), head, tail)
}

// renderStory renders the page of story st with noncePlaceholder for its
// nonce, and keeps it in the page cache.
func (s *Server) renderStory(ctx context.Context, st *store.Story) ([]byte, error) {
	id := st.ID
	sb, err := s.cfg.Store.Brief(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("server: the brief of story %q: %w", id, err)
	}
	var b news.Brief
	if err := json.Unmarshal(sb.JSON, &b); err != nil {
		return nil, fmt.Errorf("server: the brief of story %q: %w", id, err)
	}
	// The page shows the docs' sentences and keys, not their layers.
	docs := map[string]*store.DocSentences{}
	for d, err := range s.cfg.Store.StorySentences(ctx, id) {
		if err != nil {
			return nil, fmt.Errorf("server: the docs of story %q: %w", id, err)
		}
		docs[d.ID] = d
	}
	var buf bytes.Buffer
	if err := s.execute(&buf, "story.html", makeStoryView(st, &b, docs), noncePlaceholder); err != nil {
		return nil, fmt.Errorf("server: rendering story %q: %w", id, err)
	}
	body := buf.Bytes()
	// The brief read may be newer than the story row read before it; the
	// page is kept only when the two agree.
	if sb.Revision == st.BriefRevision {
		s.pageCache.put(st, body)
	}
	return body, nil
}

// Warm renders the pages of the n most recently changed stories into the
// page cache, one at a time, until ctx is done or the cache would start
// dropping pages: run in the background after a start, it lets the first
// readers of the stories at the top of the list find them rendered. It
// returns the number of pages rendered.
func (s *Server) Warm(ctx context.Context, n int) (int, error) {
	if s.pageCache.max <= 0 || n <= 0 {
		return 0, nil
	}
	var ids []string
	for st, err := range s.cfg.Store.Stories(ctx, store.StoryQuery{Limit: n}) {
		if err != nil {
			return 0, fmt.Errorf("server: warming the page cache: %w", err)
		}
		ids = append(ids, st.ID)
	}
	done := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		if s.pageCache.full() {
			break
		}
		if s.warmStory(ctx, id) {
			done++
		}
	}
	return done, nil
}

// warmStories renders the pages of stories an ingest changed, so the
// first reader of each finds it rendered. Errors are logged: a page that
// could not be rendered now is rendered when asked for.
func (s *Server) warmStories(ids []string) {
	if s.pageCache.max <= 0 {
		return
	}
	for _, id := range ids {
		s.warmStory(context.Background(), id)
	}
}

// warmStory renders the page of story id unless it is cached, and reports
// whether it rendered it. Errors are logged.
func (s *Server) warmStory(ctx context.Context, id string) bool {
	st, err := s.cfg.Store.Story(ctx, id)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
			s.cfg.Logger.Warn("server: rendering a story page ahead", "story", id, "err", err)
		}
		return false
	}
	if _, _, ok := s.pageCache.get(st); ok || st.BriefRevision == 0 || st.MergedInto != "" {
		return false
	}
	if _, err := s.renderStory(ctx, st); err != nil {
		if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
			s.cfg.Logger.Warn("server: rendering a story page ahead", "story", id, "err", err)
		}
		return false
	}
	return true
}

// writeSplitPage sends a page rendered around its nonce.
func writeSplitPage(w http.ResponseWriter, n string, head, tail []byte) {
	h := w.Header()
	h.Set("Content-Security-Policy", pageCSP(n))
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(head)+len(n)+len(tail)))
	w.WriteHeader(http.StatusOK)
	w.Write(head)
	io.WriteString(w, n)
	w.Write(tail)
}

// makeStoryView derives the page from a brief and the docs by source ID.
func makeStoryView(st *store.Story, b *news.Brief, docs map[string]*store.DocSentences) *storyView {
	v := &storyView{Story: st}
	num := map[string]int{}
	outlet := map[string]string{}
	for i, src := range b.Sources {
		num[src.ID] = i + 1
		outlet[src.ID] = outletName(src)
		sv := sourceView{Source: src, N: i + 1}
		if d := docs[src.ID]; d != nil {
			sv.Key = d.Key
		}
		v.Sources = append(v.Sources, sv)
	}
	words := map[string][][]string{} // a doc's sentences' words, by source ID
	cites := func(ids []string, line map[string]bool) []sourceRef {
		var out []sourceRef
		for _, id := range ids {
			ref := sourceRef{N: num[id], ID: id, Outlet: outlet[id]}
			if d := docs[id]; d != nil && line != nil {
				ws, ok := words[id]
				if !ok {
					ws = sentenceWords(d.Sentences)
					words[id] = ws
				}
				ref.Sentence = citedSentence(d.Sentences, ws, line)
			}
			out = append(out, ref)
		}
		return out
	}
	for _, l := range b.Summary {
		line := map[string]bool{}
		for _, w := range wordsOf(l.Text) {
			line[w] = true
		}
		v.Summary = append(v.Summary, summaryView{Text: l.Text, Cites: cites(l.Sources, line)})
	}
	v.Timeline = makeTimeline(b.Timeline, func(ids []string) []sourceRef { return cites(ids, nil) })
	for _, e := range b.Entities {
		switch e.Type {
		case news.Person:
			v.People = append(v.People, e)
		case news.Organisation:
			v.Orgs = append(v.Orgs, e)
		default:
			v.Places = append(v.Places, e)
		}
	}
	bySpeaker := map[string]int{}
	for _, q := range b.Quotes {
		i, ok := bySpeaker[q.Speaker]
		if !ok {
			i = len(v.Speakers)
			bySpeaker[q.Speaker] = i
			v.Speakers = append(v.Speakers, speakerView{Speaker: q.Speaker})
		}
		ids := q.Sources
		if len(ids) == 0 {
			ids = []string{q.Source}
		}
		v.Speakers[i].Quotes = append(v.Speakers[i].Quotes, quoteView{Text: q.Text, Via: q.Via, Direct: q.Direct, Opinion: q.Opinion, Cites: cites(ids, nil)})
	}
	slices.SortStableFunc(v.Speakers, func(a, b speakerView) int { return len(b.Quotes) - len(a.Quotes) })
	for _, c := range b.Conflicts {
		cv := conflictView{About: c.About}
		for _, cl := range c.Claims {
			cv.Claims = append(cv.Claims, claimView{Value: cl.Value, Cites: cites(cl.Sources, nil)})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	v.Coverage = makeCoverage(b, outlet)
	return v
}

// outletName names a source's outlet, or says it names none.
func outletName(src news.Source) string {
	if src.Outlet != "" {
		return src.Outlet
	}
	return "unnamed (" + src.ID + ")"
}

// citedSentence returns the sentence that shares the most words with a
// summary line (its set of words), given each sentence's distinct words:
// the sentence of a source the line stands for ("" when none shares one).
func citedSentence(sents []string, words [][]string, line map[string]bool) string {
	best, bestScore := -1, 0.0
	for i, ws := range words {
		if len(ws) == 0 {
			continue
		}
		common := 0
		for _, w := range ws {
			if line[w] {
				common++
			}
		}
		// Dice overlap: a sentence that is the line scores 1.
		if score := 2 * float64(common) / float64(len(ws)+len(line)); score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return ""
	}
	return strings.Join(strings.Fields(sents[best]), " ")
}

// sentenceWords returns the distinct words of each sentence.
func sentenceWords(sents []string) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		ws := wordsOf(s)
		slices.Sort(ws)
		out[i] = slices.Compact(ws)
	}
	return out
}

// wordsOf returns the lower-cased runs of letters and digits of s.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// timelineView is the drawn timeline: the dated entries placed on a time
// axis (X in a 1000-wide view box), and the entries whose dates could not
// be placed.
type timelineView struct {
	Width, Height int
	Ticks         []tick
	Points        []point
	Undated       []point
}

type tick struct {
	X     int
	Label string
}

type point struct {
	X, Y    int
	Date    string
	Text    string
	Planned bool
	Cites   []sourceRef
	N       int
}

const (
	tlWidth  = 1000
	tlMargin = 40
	tlRow    = 22
	tlGap    = 22 // the least distance between two points on a row
)

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// makeTimeline places the entries by date; entries on one day stack.
func makeTimeline(entries []news.TimelineEntry, cites func([]string) []sourceRef) timelineView {
	tv := timelineView{Width: tlWidth}
	type dated struct {
		p    point
		t, u time.Time
	}
	var ds []dated
	for _, e := range entries {
		p := point{Date: e.Date, Text: e.Text, Planned: e.Planned, Cites: cites(e.Sources)}
		t, u, ok := timemlRange(e.Date)
		if !ok {
			tv.Undated = append(tv.Undated, p)
			continue
		}
		ds = append(ds, dated{p, t, u})
	}
	slices.SortStableFunc(ds, func(a, b dated) int { return a.t.Compare(b.t) })
	if len(ds) == 0 {
		tv.Height = 0
		return tv
	}
	lo, hi := ds[0].t, ds[0].u
	for _, d := range ds {
		if d.u.After(hi) {
			hi = d.u
		}
	}
	span := hi.Sub(lo)
	if span <= 0 {
		span = 24 * time.Hour
	}
	x := func(t time.Time) int {
		return tlMargin + int(float64(tlWidth-2*tlMargin)*float64(t.Sub(lo))/float64(span))
	}
	// Each point goes on the first row where it overlaps no point placed
	// before (circles are 18 wide).
	var rowXs [][]int
	for i, d := range ds {
		p := d.p
		p.N = i + 1
		p.X = x(d.t.Add(d.u.Sub(d.t) / 2))
		row := 0
		for ; row < len(rowXs); row++ {
			if !slices.ContainsFunc(rowXs[row], func(o int) bool { return abs(o-p.X) < tlGap }) {
				break
			}
		}
		if row == len(rowXs) {
			rowXs = append(rowXs, nil)
		}
		rowXs[row] = append(rowXs[row], p.X)
		p.Y = 60 + row*tlRow
		tv.Points = append(tv.Points, p)
	}
	rows := max(1, len(rowXs))
	tv.Height = 80 + rows*tlRow
	// Ticks: the first and last day, and days between when they fit.
	days := int(span.Hours()/24) + 1
	step := max(1, days/6)
	for d := 0; d <= days; d += step {
		t := lo.AddDate(0, 0, d)
		if t.After(hi) {
			break
		}
		tv.Ticks = append(tv.Ticks, tick{X: x(t), Label: t.Format("2 Jan 2006")})
	}
	return tv
}

// timemlRange returns the span of days a TimeML date value covers: a day
// (2017-09-27), an ISO week (2017-W40), a month (2017-08) or a year.
func timemlRange(v string) (time.Time, time.Time, bool) {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, t, true
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return t, t.AddDate(0, 1, -1), true
	}
	if y, w, ok := strings.Cut(v, "-W"); ok {
		year, err1 := strconv.Atoi(y)
		week, err2 := strconv.Atoi(w)
		if err1 == nil && err2 == nil && week >= 1 && week <= 53 {
			// ISO week 1 holds 4 January.
			jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(week-1)*7)
			return monday, monday.AddDate(0, 0, 6), true
		}
	}
	if t, err := time.Parse("2006", v); err == nil {
		return t, t.AddDate(1, 0, -1), true
	}
	return time.Time{}, time.Time{}, false
}

// coverageView shows which outlet reports which event or fact.
type coverageView struct {
	Outlets []string
	Rows    []coverageRow
	// Single are the rows only one outlet reports.
	Single []coverageRow
}

type coverageRow struct {
	Kind, Label string
	Cells       []bool
	Outlets     []string
}

func makeCoverage(b *news.Brief, outlet map[string]string) coverageView {
	var cv coverageView
	col := map[string]int{}
	for _, src := range b.Sources {
		o := outlet[src.ID]
		if _, ok := col[o]; !ok {
			col[o] = len(cv.Outlets)
			cv.Outlets = append(cv.Outlets, o)
		}
	}
	add := func(kind, label string, ids []string) {
		row := coverageRow{Kind: kind, Label: label, Cells: make([]bool, len(cv.Outlets))}
		for _, id := range ids {
			o, ok := outlet[id]
			if !ok {
				continue
			}
			if !row.Cells[col[o]] {
				row.Cells[col[o]] = true
				row.Outlets = append(row.Outlets, o)
			}
		}
		cv.Rows = append(cv.Rows, row)
		if len(row.Outlets) == 1 && len(cv.Outlets) > 1 {
			cv.Single = append(cv.Single, row)
		}
	}
	for _, e := range b.Timeline {
		add("event", e.Date+": "+e.Text, e.Sources)
	}
	for _, l := range b.Summary {
		add("fact", l.Text, l.Sources)
	}
	for _, c := range b.Conflicts {
		for _, cl := range c.Claims {
			add("claim", c.About+": "+cl.Value, cl.Sources)
		}
	}
	return cv
}
