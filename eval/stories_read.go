package eval

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// StoryItem is one article of a story-clustering set with its gold story.
type StoryItem struct {
	Article news.Article
	Story   string
}

// StorySet is a named stream of articles in arrival order.
type StorySet struct {
	Name  string
	Items []StoryItem
}

// Story-clustering layouts ReadStories knows.
const (
	LayoutStoriesJSONL = "jsonl"   // {"id","title","date","source","text","story"} per line
	LayoutECBPlus      = "ecbplus" // <topic>/<topic>_<n>ecb[plus].xml
	LayoutBASIL        = "basil"   // <year>/<triplet>_<n>.json
	LayoutStoriesDUC   = "duc"     // DUC/TREC topic folders: docs/<topic>/*
)

// ErrNoStories is returned when a set holds no article.
var ErrNoStories = errors.New("eval: no story articles found")

// article builds an article from a title, a date and paragraphs.
func storyArticle(id, title, source string, date time.Time, text string) news.Article {
	return news.Article{ID: id, Title: title, Outlet: source, StatedDate: date, Text: text, Paragraphs: sentence.Paragraphs(text)}
}

// parseStoryDate reads a date in the forms the sets use.
func parseStoryDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// sortByDate orders items by date, undated ones last, stably.
func sortByDate(items []StoryItem) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Article.StatedDate, items[j].Article.StatedDate
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
}

// ReadStoriesJSONL reads JSON lines of {"id","title","date","source",
// "text","story"} in date order. A malformed line is reported in skipped
// and left out.
func ReadStoriesJSONL(r io.Reader, name string) (items []StoryItem, skipped []error, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var rec struct {
			ID, Title, Date, Source, Text, Story string
		}
		if err := json.Unmarshal([]byte(b), &rec); err != nil {
			skipped = append(skipped, fmt.Errorf("eval: %s:%d: %w", name, line, err))
			continue
		}
		if rec.Story == "" || strings.TrimSpace(rec.Text) == "" {
			skipped = append(skipped, fmt.Errorf("eval: %s:%d: no story or no text", name, line))
			continue
		}
		if rec.ID == "" {
			rec.ID = name + "#" + strconv.Itoa(line)
		}
		items = append(items, StoryItem{Article: storyArticle(rec.ID, rec.Title, rec.Source, parseStoryDate(rec.Date), rec.Text), Story: rec.Story})
	}
	if err := sc.Err(); err != nil {
		return nil, skipped, fmt.Errorf("eval: %s: %w", name, err)
	}
	sortByDate(items)
	return items, skipped, nil
}

// basilFile names a BASIL article: <triplet>_<n>.json.
var basilFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9a-f-]{36})_(\d+)\.json$`) })

// ReadBASIL reads the BASIL layout (<year>/<triplet>_<n>.json) in date
// order; the gold story is the triplet id.
func ReadBASIL(dir string) ([]StoryItem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(files)
	var items []StoryItem
	for _, f := range files {
		m := basilFile().FindStringSubmatch(filepath.Base(f))
		if m == nil {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		var rec struct {
			Title   string     `json:"title"`
			Date    string     `json:"date"`
			Source  string     `json:"source"`
			Triplet string     `json:"triplet-uuid"`
			Body    [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f, err)
		}
		var paras []string
		for _, p := range rec.Body {
			if t := strings.TrimSpace(strings.Join(p, " ")); t != "" {
				paras = append(paras, t)
			}
		}
		story := rec.Triplet
		if story == "" {
			story = m[1]
		}
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		items = append(items, StoryItem{Article: storyArticle(id, rec.Title, rec.Source, parseStoryDate(rec.Date), strings.Join(paras, "\n\n")), Story: story})
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%w in %s (basil layout)", ErrNoStories, dir)
	}
	sortByDate(items)
	return items, nil
}

// ecbFile names an ECB+ article: <topic>_<n>ecb.xml or ..ecbplus.xml.
var ecbFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)_(\d+)(ecb|ecbplus)\.xml$`) })

// ReadECBPlusStories reads the ECB+ layout: the dev topics (SPLIT.txt)
// and the others (train) as two streams. The gold story of an article is
// its topic and its half (ecb or ecbplus: one seminal event each). The
// files carry no dates, so each stream is in an order fixed by a hash of
// the file names: topics and events interleaved as in a real feed.
func ReadECBPlusStories(dir string) (dev, train []StoryItem, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(files)
	for _, f := range files {
		m := ecbFile().FindStringSubmatch(filepath.Base(f))
		if m == nil {
			continue
		}
		text, err := readECBText(f, m[3] == "ecbplus")
		if err != nil {
			return nil, nil, err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".xml")
		it := StoryItem{Article: storyArticle(id, "", "", time.Time{}, text), Story: m[1] + m[3]}
		if ECBDevTopic(m[1]) {
			dev = append(dev, it)
		} else {
			train = append(train, it)
		}
	}
	if len(dev)+len(train) == 0 {
		return nil, nil, fmt.Errorf("%w in %s (ecbplus layout)", ErrNoStories, dir)
	}
	shuffleByName(dev)
	shuffleByName(train)
	return dev, train, nil
}

func shuffleByName(items []StoryItem) {
	h := func(s string) uint64 {
		f := fnv.New64a()
		f.Write([]byte(s))
		return f.Sum64()
	}
	sort.SliceStable(items, func(i, j int) bool { return h(items[i].Article.ID) < h(items[j].Article.ID) })
}

// readECBText rebuilds an ECB+ article's text from its tokens. The ecbplus files hold the page's URL as
// sentence 0, which is dropped.
func readECBText(path string, dropFirst bool) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var sents [][]string
	var cur []string
	curSent := ""
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
		}
		cur = nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("eval: %s: %w", path, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		var t struct {
			Sentence string `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		}
		if err := dec.DecodeElement(&t, &se); err != nil {
			return "", fmt.Errorf("eval: %s: %w", path, err)
		}
		if t.Sentence != curSent {
			flush()
			curSent = t.Sentence
		}
		if dropFirst && t.Sentence == "0" {
			continue
		}
		cur = append(cur, t.Text)
	}
	flush()
	return detokenize(sents).Text, nil
}

// ReadDUCStories reads DUC/TREC topic folders (as ReadSummarization) as
// one stream in date order; the gold story is the topic.
func ReadDUCStories(dir string) ([]StoryItem, error) {
	cs, _, err := ReadSummarization(dir)
	if err != nil {
		return nil, err
	}
	var items []StoryItem
	for _, c := range cs {
		for _, d := range c.Docs {
			items = append(items, StoryItem{Article: storyArticle(d.ID, d.Title, "", d.Date, d.Text), Story: c.ID})
		}
	}
	sortByDate(items)
	return items, nil
}

// SemEvalPair is a pair of articles scored by people for telling the
// same story: Overall from 1 (very similar) to 4 (very dissimilar).
type SemEvalPair struct {
	ID           string
	Lang1, Lang2 string
	A, B         news.Article
	Overall      float64
}

// ReadSemEvalPairs reads the SemEval-2022 task 8 CSV (pair_id, lang1,
// lang2, text1, text2, Overall, ...). A row that cannot be read is
// reported in skipped and left out.
func ReadSemEvalPairs(path string) (pairs []SemEvalPair, skipped []error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"pair_id", "lang1", "lang2", "text1", "text2", "Overall"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("eval: %s: no %q column", path, need)
		}
	}
	row := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		row++
		if err != nil {
			skipped = append(skipped, fmt.Errorf("eval: %s: row %d: %w", path, row, err))
			continue
		}
		if len(rec) < len(head) {
			skipped = append(skipped, fmt.Errorf("eval: %s: row %d: %d fields", path, row, len(rec)))
			continue
		}
		o, err := strconv.ParseFloat(rec[col["Overall"]], 64)
		if err != nil {
			skipped = append(skipped, fmt.Errorf("eval: %s: row %d: Overall: %w", path, row, err))
			continue
		}
		id := rec[col["pair_id"]]
		mk := func(k int, text string) news.Article {
			paras := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n")
			var keep []string
			for _, p := range paras {
				if p = strings.TrimSpace(p); p != "" {
					keep = append(keep, p)
				}
			}
			return storyArticle(id+"/"+strconv.Itoa(k), "", "", time.Time{}, strings.Join(keep, "\n\n"))
		}
		pairs = append(pairs, SemEvalPair{ID: id, Lang1: rec[col["lang1"]], Lang2: rec[col["lang2"]],
			A: mk(1, rec[col["text1"]]), B: mk(2, rec[col["text2"]]), Overall: o})
	}
	if len(pairs) == 0 {
		return nil, skipped, fmt.Errorf("%w in %s (semeval pairs)", ErrNoStories, path)
	}
	return pairs, skipped, nil
}
