package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/brief"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/ascii"
	"github.com/storyline-news/storyline/lexicon"
	"github.com/storyline-news/storyline/news"
)

func init() { suites["briefs"] = runBriefs }

// defaultBriefsData is where the briefs suite finds its stories.
const defaultBriefsData = "../shared/data/briefs"

// GoldBrief is a story's gold brief (gold.json in a briefs story folder);
// ../shared/data/briefs/README.md documents it.
type GoldBrief struct {
	Story         string             `json:"story"`
	About         string             `json:"about"`
	Articles      []GoldArticle      `json:"articles"`
	Events        []GoldItem         `json:"events"`
	Facts         []GoldItem         `json:"facts"`
	Disagreements []GoldDisagreement `json:"disagreements"`
	People        []GoldPerson       `json:"people"`
	Quotes        []GoldQuote        `json:"quotes"`
}

// GoldArticle is one input article of a gold brief.
type GoldArticle struct {
	File        string   `json:"file"`
	Outlet      string   `json:"outlet"`
	Date        string   `json:"date"`
	DateStated  bool     `json:"date_stated"`
	DuplicateOf string   `json:"duplicate_of"`
	OffTopic    []string `json:"off_topic"`
}

// GoldItem is an event (with a date) or a fact of a gold brief: a line
// tells it when it holds all its keys.
type GoldItem struct {
	ID      string   `json:"id"`
	Date    string   `json:"date"`
	Planned bool     `json:"planned"`
	What    string   `json:"what"`
	Keys    []string `json:"keys"`
	Sources []string `json:"sources"`
}

// GoldDisagreement is a point on which the articles contradict each other.
type GoldDisagreement struct {
	About  string      `json:"about"`
	Kind   string      `json:"kind"`
	Claims []GoldClaim `json:"claims"`
}

// GoldClaim is one value of a GoldDisagreement.
type GoldClaim struct {
	Value    string   `json:"value"`
	Sources  []string `json:"sources"`
	Evidence string   `json:"evidence"`
}

// GoldPerson is one of a story's main people with the forms that name it.
type GoldPerson struct {
	Name  string   `json:"name"`
	Forms []string `json:"forms"`
	Roles []string `json:"roles"`
}

// GoldQuote is a statement whose speaker a reader needs right.
type GoldQuote struct {
	Speaker string   `json:"speaker"`
	Says    string   `json:"says"`
	Sources []string `json:"sources"`
	Negated bool     `json:"negated"`
}

// ReadGoldBrief reads a gold.json file.
func ReadGoldBrief(path string) (*GoldBrief, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: briefs: %w", err)
	}
	var g GoldBrief
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("eval: briefs: %s: %w", path, err)
	}
	return &g, nil
}

// BriefScore holds the counts of one story's brief scored against its
// gold brief; Add sums stories.
type BriefScore struct {
	Dated, DateExact, DateNear int // articles with a gold date; exact; within a day
	CiteRight, CiteMade        int // cited sources of lines that tell an item: right, all
	CiteFound, CiteWanted      int // sources of told items: cited, all
	LinesTelling, Lines        int // summary and timeline lines telling an item; all
	Events, EventsTold         int
	EventDateRight, Planned    int // of the told events
	ConflictsGold, GoldFound   int
	ConflictsMade, MadeRight   int
	Quotes, QuotesRight        int
	People, PeopleWhole        int
	Entities, EntitiesPure     int
	Leaks                      int
	DupGold, DupMade, DupRight int
	// LeakLines lists the leaked lines, for the notes.
	LeakLines []string
}

// Add adds the counts of o to s.
func (s *BriefScore) Add(o BriefScore) {
	s.Dated += o.Dated
	s.DateExact += o.DateExact
	s.DateNear += o.DateNear
	s.CiteRight += o.CiteRight
	s.CiteMade += o.CiteMade
	s.CiteFound += o.CiteFound
	s.CiteWanted += o.CiteWanted
	s.LinesTelling += o.LinesTelling
	s.Lines += o.Lines
	s.Events += o.Events
	s.EventsTold += o.EventsTold
	s.EventDateRight += o.EventDateRight
	s.Planned += o.Planned
	s.ConflictsGold += o.ConflictsGold
	s.GoldFound += o.GoldFound
	s.ConflictsMade += o.ConflictsMade
	s.MadeRight += o.MadeRight
	s.Quotes += o.Quotes
	s.QuotesRight += o.QuotesRight
	s.People += o.People
	s.PeopleWhole += o.PeopleWhole
	s.Entities += o.Entities
	s.EntitiesPure += o.EntitiesPure
	s.Leaks += o.Leaks
	s.DupGold += o.DupGold
	s.DupMade += o.DupMade
	s.DupRight += o.DupRight
	s.LeakLines = append(s.LeakLines, o.LeakLines...)
}

// report adds the score's figures to r under system.
func (s *BriefScore) report(r *Report, system string) {
	r.Add(system, "date_exact", ratio(s.DateExact, s.Dated))
	r.Add(system, "date_within_day", ratio(s.DateNear, s.Dated))
	r.Add(system, "citation_precision", ratio(s.CiteRight, s.CiteMade))
	r.Add(system, "citation_recall", ratio(s.CiteFound, s.CiteWanted))
	r.Add(system, "events_told", ratio(s.EventsTold, s.Events))
	r.Add(system, "event_dates_right", ratio(s.EventDateRight, s.EventsTold))
	r.Add(system, "event_planned_agree", ratio(s.Planned, s.EventsTold))
	r.Add(system, "disagreement_recall", ratio(s.GoldFound, s.ConflictsGold))
	r.Add(system, "disagreement_precision", ratio(s.MadeRight, s.ConflictsMade))
	r.Add(system, "speakers_right", ratio(s.QuotesRight, s.Quotes))
	r.Add(system, "people_whole", ratio(s.PeopleWhole, s.People))
	r.Add(system, "entities_pure", ratio(s.EntitiesPure, s.Entities))
	r.Add(system, "leaks_count", float64(s.Leaks))
	r.Add(system, "duplicate_precision", ratio(s.DupRight, s.DupMade))
	r.Add(system, "duplicate_recall", ratio(s.DupRight, s.DupGold))
}

// BriefStory is one story folder of the briefs set.
type BriefStory struct {
	Name string
	Dir  string
	Gold *GoldBrief
}

// ReadBriefStories lists the story folders under dir (those holding a
// gold.json and an articles folder), in name order.
func ReadBriefStories(dir string) ([]BriefStory, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: briefs: %w", err)
	}
	var out []BriefStory
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sd := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(sd, "articles")); err != nil {
			continue
		}
		g, err := ReadGoldBrief(filepath.Join(sd, "gold.json"))
		if err != nil {
			return nil, err
		}
		out = append(out, BriefStory{Name: e.Name(), Dir: sd, Gold: g})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: briefs: no story folder (with gold.json and articles/) in %s", dir)
	}
	return out, nil
}

// BuildStoryBrief reads and analyses a story's articles and builds its
// brief; it also returns the articles' texts by source ID.
func BuildStoryBrief(chain analyze.Chain, dir string) (*news.Brief, map[string]string, error) {
	story := &news.Story{ID: filepath.Base(dir)}
	texts := map[string]string{}
	for r := range chain.All(context.Background(), ingest.ReadAll([]string{filepath.Join(dir, "articles")}), 0) {
		if r.Err != nil {
			return nil, nil, fmt.Errorf("eval: briefs: %w", r.Err)
		}
		story.Docs = append(story.Docs, r.Doc)
		texts[r.Doc.ID] = r.Doc.Text
	}
	b, err := brief.Build(story, brief.DefaultConfig())
	if err != nil {
		return nil, nil, fmt.Errorf("eval: briefs: %s: %w", dir, err)
	}
	return b, texts, nil
}

// runBriefs builds the brief of every story of the briefs set and scores
// it section by section against the story's gold brief.
func runBriefs(opt Options) (*Report, error) {
	dir := opt.Data
	if dir == "" {
		dir = defaultBriefsData
	}
	stories, err := ReadBriefStories(dir)
	if err != nil {
		return nil, err
	}
	chain, err := analyze.Default()
	if err != nil {
		return nil, fmt.Errorf("eval: briefs: %w", err)
	}
	r := &Report{Suite: "briefs", Data: dir}
	var total BriefScore
	var rows []BriefScore
	start := time.Now()
	for i, st := range stories {
		b, texts, err := BuildStoryBrief(chain, st.Dir)
		if err != nil {
			return nil, err
		}
		sc := ScoreBrief(st.Gold, b, texts)
		rows = append(rows, sc)
		total.Add(sc)
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "briefs: %d/%d %s\n", i+1, len(stories), st.Name)
		}
	}
	secs := time.Since(start).Seconds()
	total.report(r, "storyline")
	for i, st := range stories {
		rows[i].report(r, st.Name)
	}
	if secs > 0 {
		r.Add("storyline", "stories_per_second", float64(len(stories))/secs)
	}
	r.Notes = append(r.Notes,
		fmt.Sprintf("%d stories: %d dated articles, %d events, %d disagreements, %d quotes, %d people, %d copies; %d of %d summary and timeline lines tell a gold item.",
			len(stories), total.Dated, total.Events, total.ConflictsGold, total.Quotes, total.People, total.DupGold, total.LinesTelling, total.Lines),
		"citations: each source cited by a line that tells an event or fact, against that item's sources; a copy counts as its original.",
		"event_dates_right and event_planned_agree are over the events told; leaks_count is a count of lines.")
	for _, l := range total.LeakLines {
		r.Notes = append(r.Notes, "leak: "+l)
	}
	return r, nil
}

// ScoreBrief scores a brief against its gold brief. texts holds the
// articles' texts by source ID, to tell which people's forms occur.
func ScoreBrief(g *GoldBrief, b *news.Brief, texts map[string]string) BriefScore {
	var sc BriefScore
	canon := map[string]string{}
	for _, a := range g.Articles {
		if a.DuplicateOf != "" {
			canon[a.File] = a.DuplicateOf
		}
	}
	orig := func(id string) string {
		for i := 0; i < 8; i++ {
			o, ok := canon[id]
			if !ok {
				break
			}
			id = o
		}
		return id
	}
	scoreDates(&sc, g, b)
	scoreCitations(&sc, g, b, orig)
	scoreTimeline(&sc, g, b)
	scoreConflicts(&sc, g, b)
	scoreSpeakers(&sc, g, b)
	scorePeople(&sc, g, b, texts)
	scoreLeaks(&sc, g, b)
	scoreDuplicates(&sc, g, b, orig)
	return sc
}

func scoreDates(sc *BriefScore, g *GoldBrief, b *news.Brief) {
	got := map[string]string{}
	for _, s := range b.Sources {
		got[s.ID] = s.Date
	}
	for _, a := range g.Articles {
		if a.Date == "" {
			continue
		}
		sc.Dated++
		d := got[a.File]
		if d == a.Date {
			sc.DateExact++
		}
		if withinDay(d, a.Date) {
			sc.DateNear++
		}
	}
}

func withinDay(a, b string) bool {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return false
	}
	d := ta.Sub(tb)
	return d <= 24*time.Hour && d >= -24*time.Hour
}

// briefLine is a summary or timeline line.
type briefLine struct {
	text    string
	sources []string
	date    string
	planned bool
	dated   bool
}

func citedLines(b *news.Brief) []briefLine {
	var out []briefLine
	for _, l := range b.Summary {
		out = append(out, briefLine{text: l.Text, sources: l.Sources})
	}
	for _, l := range b.Timeline {
		out = append(out, briefLine{text: l.Text, sources: l.Sources, date: l.Date, planned: l.Planned, dated: true})
	}
	return out
}

func scoreCitations(sc *BriefScore, g *GoldBrief, b *news.Brief, orig func(string) string) {
	items := append(append([]GoldItem{}, g.Events...), g.Facts...)
	for _, l := range citedLines(b) {
		sc.Lines++
		folded := Fold(l.text)
		cited := map[string]bool{}
		for _, s := range l.sources {
			cited[orig(s)] = true
		}
		telling := false
		for _, it := range items {
			if !TellsFolded(folded, it.Keys) {
				continue
			}
			telling = true
			want := map[string]bool{}
			for _, s := range it.Sources {
				want[orig(s)] = true
			}
			for s := range cited {
				sc.CiteMade++
				if want[s] {
					sc.CiteRight++
				}
			}
			for s := range want {
				sc.CiteWanted++
				if cited[s] {
					sc.CiteFound++
				}
			}
		}
		if telling {
			sc.LinesTelling++
		}
	}
}

func scoreTimeline(sc *BriefScore, g *GoldBrief, b *news.Brief) {
	var lines []briefLine
	for _, l := range citedLines(b) {
		if l.dated {
			lines = append(lines, l)
		}
	}
	for _, ev := range g.Events {
		sc.Events++
		told, dateRight, planned := false, false, false
		for _, l := range lines {
			if !Tells(l.text, ev.Keys) {
				continue
			}
			told = true
			if DateHolds(l.date, ev.Date) {
				dateRight = true
			}
			if l.planned == ev.Planned {
				planned = true
			}
		}
		if told {
			sc.EventsTold++
		}
		if dateRight {
			sc.EventDateRight++
		}
		if planned {
			sc.Planned++
		}
	}
}

// DateHolds reports whether a timeline's TimeML date value is right for a
// gold date (itself a day, an ISO week, a month or a year): the same
// value, or a day, week or month whose span holds the gold one ("2011-10"
// holds 2011-10-23; "2010-W23-WE" holds 2010-06-12).
func DateHolds(value, gold string) bool {
	if value == "" || gold == "" {
		return false
	}
	if value == gold {
		return true
	}
	ls, le, lok := timemlSpan(value)
	gs, ge, gok := timemlSpan(gold)
	if !lok || !gok || len(value) == 4 {
		return false
	}
	return !gs.Before(ls) && !ge.After(le)
}

// timemlSpan returns the first and last day of a TimeML date value: a
// day (with or without a time), a week (or its weekend), a month, a year.
func timemlSpan(v string) (time.Time, time.Time, bool) {
	if len(v) >= 10 {
		if d, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return d, d, true
		}
	}
	if len(v) >= 8 && v[4:6] == "-W" {
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:8])
		if err1 != nil || err2 != nil {
			return time.Time{}, time.Time{}, false
		}
		// ISO week 1 holds 4 January.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if strings.HasSuffix(v, "-WE") {
			return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6), true
		}
		return mon, mon.AddDate(0, 0, 6), true
	}
	if len(v) == 7 {
		if d, err := time.Parse("2006-01", v); err == nil {
			return d, d.AddDate(0, 1, -1), true
		}
	}
	if len(v) == 4 {
		if y, err := strconv.Atoi(v); err == nil {
			d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			return d, d.AddDate(1, 0, -1), true
		}
	}
	return time.Time{}, time.Time{}, false
}

func scoreConflicts(sc *BriefScore, g *GoldBrief, b *news.Brief) {
	sc.ConflictsGold += len(g.Disagreements)
	sc.ConflictsMade += len(b.Conflicts)
	found := make([]bool, len(g.Disagreements))
	for _, c := range b.Conflicts {
		right := false
		for i, d := range g.Disagreements {
			if ConflictMatches(c, d) {
				right = true
				found[i] = true
			}
		}
		if right {
			sc.MadeRight++
		}
	}
	for _, f := range found {
		if f {
			sc.GoldFound++
		}
	}
}

// ConflictMatches reports whether two of a conflict's claims hold two
// different values of a gold disagreement.
func ConflictMatches(c news.Conflict, d GoldDisagreement) bool {
	for i, ci := range c.Claims {
		for j, cj := range c.Claims {
			if i == j {
				continue
			}
			for a, ga := range d.Claims {
				if !ClaimHolds(ci.Value, ga.Value) {
					continue
				}
				for bb, gb := range d.Claims {
					if a == bb || sameValue(ga.Value, gb.Value) {
						continue
					}
					if ClaimHolds(cj.Value, gb.Value) {
						return true
					}
				}
			}
		}
	}
	return false
}

// sameValue reports whether two gold values are the same (as numbers
// when both hold numbers).
func sameValue(a, b string) bool {
	na, nb := Numbers(a), Numbers(b)
	if len(na) > 0 && len(nb) > 0 {
		return equalNumbers(na, nb)
	}
	return Fold(a) == Fold(b)
}

func equalNumbers(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !numEq(a[i], b[i]) {
			return false
		}
	}
	return true
}

func numEq(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a)) }

// ClaimHolds reports whether a brief claim's value holds a gold value:
// every number of the gold value is among the claim's numbers (compared
// as numbers), or, for a value without numbers, one contains the other
// after folding.
func ClaimHolds(claim, gold string) bool {
	gn := Numbers(gold)
	if len(gn) > 0 {
		cn := Numbers(claim)
		for _, x := range gn {
			ok := false
			for _, y := range cn {
				if numEq(x, y) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	fc, fg := Fold(claim), Fold(gold)
	if fc == "" || fg == "" {
		return false
	}
	return containsWords(fc, fg) || containsWords(fg, fc)
}

// containsWords reports whether sub occurs in s at word boundaries.
func containsWords(s, sub string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(sub)
		if wordStart(s, k) && (end == len(s) || !isWordByte(s, end)) {
			return true
		}
		i = k + 1
	}
}

// numberWords are the number words Numbers reads: lexicon's (one …
// ninety, hundred) and countWords. It is made on first use, not at
// start-up.
var numberWords = sync.OnceValue(func() map[string]float64 {
	m := make(map[string]float64, 32)
	for _, w := range lexicon.Words(lexicon.NumberWord, 0) {
		v, _ := lexicon.NumberValue(w)
		m[w] = float64(v)
	}
	for w, v := range countWords {
		m[w] = v
	}
	return m
})

// countWords are the nouns of a count that Numbers reads as a number
// ("a dozen"): not number words, so not lexicon's.
var countWords = map[string]float64{"dozen": 12}

var numberScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "bn": 1e9,
}

// Numbers returns the numbers a text states, in order: digits with
// thousands commas and decimals ("1,090", "7.2", "73.19%"), number words
// ("seven"), each scaled by a following "thousand", "million" or
// "billion" ("$1.5 million" is 1500000).
func Numbers(s string) []float64 {
	f := Fold(s)
	var out []float64
	words := strings.FieldsFunc(f, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',')
	})
	for i := 0; i < len(words); i++ {
		w := strings.Trim(words[i], ".,")
		var v float64
		ok := false
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			// Split a number from a glued unit or suffix ("20km", "28th").
			j := 0
			for j < len(w) && (w[j] >= '0' && w[j] <= '9' || w[j] == ',' || w[j] == '.') {
				j++
			}
			num := strings.ReplaceAll(strings.TrimRight(w[:j], ".,"), ",", "")
			if x, err := strconv.ParseFloat(num, 64); err == nil {
				v, ok = x, true
			}
			if ok && j < len(w) {
				if sc, found := numberScales[w[j:]]; found {
					v *= sc
					out = append(out, v)
					continue
				}
			}
		} else if x, found := numberWords()[w]; found {
			v, ok = x, true
		}
		if !ok {
			continue
		}
		if i+1 < len(words) {
			if sc, found := numberScales[strings.Trim(words[i+1], ".,")]; found && len(words[i+1]) > 2 {
				v *= sc
				i++
			}
		}
		out = append(out, v)
	}
	return out
}

// negationWords mark a negated statement, for the speakers' negation
// rule.
var negationWords = []string{"not", "n't", "no", "never", "cannot", "nothing", "nobody", "none", "neither", "nor", "without"}

func hasNegation(folded string) bool {
	folded = strings.ReplaceAll(folded, "’", "'")
	if strings.Contains(folded, "n't") {
		return true
	}
	for _, w := range negationWords {
		if containsWords(folded, w) {
			return true
		}
	}
	return false
}

func scoreSpeakers(sc *BriefScore, g *GoldBrief, b *news.Brief) {
	forms := map[string][]string{}
	for _, p := range g.People {
		forms[p.Name] = append([]string{p.Name}, p.Forms...)
	}
	for _, q := range g.Quotes {
		sc.Quotes++
		names := forms[q.Speaker]
		if names == nil {
			names = []string{q.Speaker}
		}
		says := Fold(q.Says)
		for _, bq := range b.Quotes {
			text := Fold(bq.Text)
			if !strings.Contains(text, says) {
				continue
			}
			if q.Negated && !hasNegation(text) {
				continue
			}
			sp := Fold(bq.Speaker)
			right := false
			for _, n := range names {
				if Fold(n) == sp {
					right = true
				}
			}
			if right {
				sc.QuotesRight++
				break
			}
		}
	}
}

// formLands reports whether a gold person's form lands in an entity: one
// of the entity's forms (or its name) is the form, or ends it after words
// that are not the person's name (titles: "Mr. Sestak" lands in an entity
// holding "Sestak", "Naim Sahin" does not land in one holding "Sahin"
// alone when the person is Idris Naim Sahin).
func formLands(form, person string, e news.Entity) bool {
	f := Fold(form)
	name := map[string]bool{}
	for _, w := range strings.Fields(Fold(person)) {
		name[w] = true
	}
	for _, ef := range append([]string{e.Name}, e.Forms...) {
		x := Fold(ef)
		if x == f {
			return true
		}
		if !strings.HasSuffix(f, " "+x) {
			continue
		}
		title := true
		for _, w := range strings.Fields(f[:len(f)-len(x)]) {
			if name[w] {
				title = false
			}
		}
		if title {
			return true
		}
	}
	return false
}

func scorePeople(sc *BriefScore, g *GoldBrief, b *news.Brief, texts map[string]string) {
	var all strings.Builder
	for _, t := range texts {
		all.WriteString(Fold(t))
		all.WriteString("\n")
	}
	corpus := all.String()
	for _, p := range g.People {
		var present []string
		for _, f := range p.Forms {
			if containsWords(corpus, Fold(f)) {
				present = append(present, f)
			}
		}
		if len(present) == 0 {
			continue
		}
		sc.People++
		for _, e := range b.Entities {
			whole := true
			for _, f := range present {
				if !formLands(f, p.Name, e) {
					whole = false
					break
				}
			}
			if whole {
				sc.PeopleWhole++
				break
			}
		}
	}
	for _, e := range b.Entities {
		sc.Entities++
		held := 0
		for _, p := range g.People {
			pf := map[string]bool{Fold(p.Name): true}
			for _, f := range p.Forms {
				pf[Fold(f)] = true
			}
			for _, ef := range append([]string{e.Name}, e.Forms...) {
				if pf[Fold(ef)] {
					held++
					break
				}
			}
		}
		if held < 2 {
			sc.EntitiesPure++
		}
	}
}

func scoreLeaks(sc *BriefScore, g *GoldBrief, b *news.Brief) {
	var off []string
	for _, a := range g.Articles {
		for _, o := range a.OffTopic {
			if f := Fold(o); f != "" {
				off = append(off, f)
			}
		}
	}
	// Summary and timeline lines are prose: debris there is a leak. A
	// quote may be short ("Nah"), so only an off-topic string leaks it.
	var lines []string
	prose := 0
	for _, l := range b.Summary {
		lines = append(lines, l.Text)
	}
	for _, l := range b.Timeline {
		lines = append(lines, l.Text)
	}
	prose = len(lines)
	for _, q := range b.Quotes {
		lines = append(lines, q.Text)
	}
	for i, l := range lines {
		f := Fold(l)
		leak := i < prose && DebrisLine(l)
		for _, o := range off {
			if strings.Contains(f, o) {
				leak = true
				break
			}
		}
		if leak {
			sc.Leaks++
			sc.LeakLines = append(sc.LeakLines, g.Story+": "+l)
		}
	}
}

// DebrisLine reports whether a line is page debris rather than prose:
// fewer than half of its words are words of letters (counters, clocks,
// stamps), or it has no word of three lowercase letters or more.
func DebrisLine(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return true
	}
	letters, lower := 0, 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		alpha := w != ""
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
				alpha = false
				break
			}
		}
		if alpha {
			letters++
			if len([]rune(w)) >= 3 && unicode.IsLower([]rune(w)[0]) {
				lower++
			}
		}
	}
	return 2*letters < len(words) || lower == 0
}

func scoreDuplicates(sc *BriefScore, g *GoldBrief, b *news.Brief, orig func(string) string) {
	gold := map[string]bool{}
	for _, a := range g.Articles {
		if a.DuplicateOf != "" {
			gold[pairKey(a.File, a.DuplicateOf)] = true
			sc.DupGold++
		}
	}
	for _, s := range b.Sources {
		if s.DuplicateOf == "" {
			continue
		}
		sc.DupMade++
		if gold[pairKey(s.ID, s.DuplicateOf)] {
			sc.DupRight++
		}
	}
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

// Fold lowercases a text, strips its diacritics and folds runs of space
// to one, for comparing keys, values and forms.
func Fold(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		switch r {
		case '’', '‘':
			r = '\''
		case '“', '”':
			r = '"'
		case 'ı':
			r = 'i'
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// Tells reports whether a line holds every key, as the briefs README
// says: case and diacritics folded, a key matching at the start of a
// word, a key ending in a digit matching whole numbers only, "A|B"
// matching either.
func Tells(line string, keys []string) bool { return TellsFolded(Fold(line), keys) }

// TellsFolded is Tells on a line already folded.
func TellsFolded(folded string, keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		ok := false
		for _, alt := range strings.Split(k, "|") {
			if KeyMatches(folded, Fold(strings.TrimSpace(alt))) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// KeyMatches reports whether a folded key occurs in a folded line at the
// start of a word; a key ending in a digit must end a whole number there
// (and one starting with a digit must start it).
func KeyMatches(line, key string) bool {
	if key == "" {
		return false
	}
	numEnd := key[len(key)-1] >= '0' && key[len(key)-1] <= '9'
	numStart := key[0] >= '0' && key[0] <= '9'
	for i := 0; ; {
		k := strings.Index(line[i:], key)
		if k < 0 {
			return false
		}
		k += i
		i = k + 1
		if !wordStart(line, k) {
			continue
		}
		if numStart && k >= 2 && (line[k-1] == '.' || line[k-1] == ',') && ascii.IsDigit(line[k-2]) {
			continue
		}
		end := k + len(key)
		if numEnd && end < len(line) {
			if ascii.IsDigit(line[end]) {
				continue
			}
			if (line[end] == ',' || line[end] == '.') && end+1 < len(line) && ascii.IsDigit(line[end+1]) {
				continue
			}
		}
		return true
	}
}

// wordStart reports whether byte i of s starts a word: it is the first
// byte, or the rune before it is neither a letter nor a digit.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	return !isWordByte(s, prevRuneStart(s, i))
}

func prevRuneStart(s string, i int) int {
	j := i - 1
	for j > 0 && s[j]&0xC0 == 0x80 {
		j--
	}
	return j
}

// isWordByte reports whether the rune at byte i of s is a letter or a
// digit.
func isWordByte(s string, i int) bool {
	for _, r := range s[i:] {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}
