package eval

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// TestTimexDiag is a diagnostic, not a check: with TIMEXDIAG set to a
// TimeML or MEANTIME folder it prints every value mismatch, missed,
// spurious and inexact expression in context, grouped by pattern (gold and
// system value shapes) and largest group first. Run it with
//
//	TIMEXDIAG=../shared/data/time/tbaq go test ./eval -run TestTimexDiag -v
func TestTimexDiag(t *testing.T) {
	dir := os.Getenv("TIMEXDIAG")
	if dir == "" {
		t.Skip("TIMEXDIAG not set")
	}
	files, err := TimeMLFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string][]string{}
	seen := map[string]bool{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		td, dsp, err := readTimeDoc(f, b)
		if err != nil || seen[td.ID] {
			continue
		}
		seen[td.ID] = true
		d, err := TimeMLNewsDoc(td)
		if err != nil {
			t.Fatal(err)
		}
		timex.Tag(d, td.DCT)
		sys := dropSpan(d.Timexes, dsp)
		ctx := func(s, e int) string {
			a, z := s-50, e+50
			if a < 0 {
				a = 0
			}
			if z > len(td.Text) {
				z = len(td.Text)
			}
			return strings.ReplaceAll(td.Text[a:s]+"[["+td.Text[s:e]+"]]"+td.Text[e:z], "\n", " ")
		}
		used := make([]bool, len(sys))
		hitSys := make([]bool, len(sys))
		for _, g := range td.Timexes {
			gs := news.Span{Start: g.Start, End: g.End}
			pair := -1
			for k, x := range sys {
				if x.Span.Overlaps(gs) {
					hitSys[k] = true
					if pair < 0 && !used[k] {
						pair = k
					}
				}
			}
			gt := strings.ToLower(td.Text[g.Start:g.End])
			if pair < 0 {
				groups["MISS "+g.Type] = append(groups["MISS "+g.Type], fmt.Sprintf("%s %s dct=%s  %s", g.Value, gt, td.DCT.Format("2006-01-02"), ctx(g.Start, g.End)))
				continue
			}
			used[pair] = true
			x := sys[pair]
			if x.Value != g.Value {
				key := "VAL " + g.Type + "/" + x.Type + " " + shape(g.Value) + "<-" + shape(x.Value)
				groups[key] = append(groups[key], fmt.Sprintf("gold=%s sys=%s dct=%s sys:%q  %s", g.Value, x.Value, td.DCT.Format("2006-01-02"), x.Text, ctx(g.Start, g.End)))
			} else if x.Start != g.Start || x.End != g.End {
				groups["SPAN"] = append(groups["SPAN"], fmt.Sprintf("sys=%q  %s", x.Text, ctx(g.Start, g.End)))
			}
		}
		for k, x := range sys {
			if !hitSys[k] {
				groups["SPUR "+x.Type] = append(groups["SPUR "+x.Type], fmt.Sprintf("%s  %s", x.Value, ctx(x.Start, x.End)))
			}
		}
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(groups[keys[i]]) > len(groups[keys[j]]) })
	for _, k := range keys {
		fmt.Printf("== %s (%d)\n", k, len(groups[k]))
		for _, l := range groups[k] {
			fmt.Println("   ", l)
		}
	}
}

// shape abstracts a value: digits to 9.
func shape(v string) string {
	if v == "" {
		return "∅"
	}
	b := []byte(v)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9'
		}
	}
	return string(b)
}
