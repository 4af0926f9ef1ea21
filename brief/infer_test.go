package brief

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/ingest"
	"github.com/storyline-news/storyline/internal/testutil"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/timex"
)

// TestInferBasil measures date inference on BASIL, where three outlets
// report one story: the second article's date is hidden and inferred from
// its text and the other two. The test holds the share inferred within a
// day of the truth above a floor a little below what it measures (88.6%
// on the 70 readable development stories; 90% before the brief kept its
// date judgements to the docs of one story), checks that no true stated
// date is rejected (but for a stated date that its URL shows to be early),
// and that a stated date moved two months off is mostly
// caught (62.9% measured; 64% before).
func TestInferBasil(t *testing.T) {
	root := testutil.Data(t, "stories/basil")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*_1.json"))
	if len(files) == 0 {
		t.Skipf("brief: BASIL data missing at %s", root)
	}
	sort.Strings(files)
	chain := analyze.Chain{analyze.Segment, timex.Stage{}}
	n, near, caught := 0, 0, 0
	for _, f := range files {
		base := f[:len(f)-len("_1.json")]
		s := &news.Story{}
		for k := 1; k <= 3; k++ {
			for a, err := range ingest.Read(fmt.Sprintf("%s_%d.json", base, k)) {
				if err != nil {
					continue
				}
				d, err := chain.Doc(a)
				if err != nil {
					t.Fatal(err)
				}
				s.Docs = append(s.Docs, d)
			}
		}
		if len(s.Docs) != 3 || s.Docs[1].StatedDate.IsZero() {
			continue
		}
		truth := day0(s.Docs[1].StatedDate)
		// A wrong stated date, two months early.
		s.Docs[1].StatedDate, s.Docs[1].DatelineDate, s.Docs[1].PageStamp = truth.AddDate(0, 0, -60), time.Time{}, time.Time{}
		if datedDocs(s.Docs)[1].DateStatus != news.DateStated {
			caught++
		}
		// No date at all.
		s.Docs[1].StatedDate = time.Time{}
		s.Docs = datedDocs(s.Docs)
		n++
		if d := s.Docs[1].Date; !d.IsZero() && d.Sub(truth).Abs() <= 24*time.Hour {
			near++
		} else if testing.Verbose() {
			t.Logf("%s: inferred %s, truth %s: %s", filepath.Base(base), day(d), day(truth), s.Docs[1].DateNote)
		}
		for _, x := range []*news.Doc{s.Docs[0], s.Docs[2]} {
			if !x.StatedDate.IsZero() && x.DateStatus != news.DateStated {
				// BASIL's date is now and then a day or two before
				// the article's own: its URL, when it names a later
				// day, bears the rejection out.
				if u, ok := urlDay(x.URL); ok && u.After(day0(x.StatedDate)) && !x.Date.Before(day0(x.StatedDate)) && !x.Date.After(u) {
					continue
				}
				t.Errorf("%s: true stated date %s rejected: %s", x.ID, day(x.StatedDate), x.DateNote)
			}
		}
	}
	if n < 20 {
		t.Skipf("brief: only %d BASIL stories could be read", n)
	}
	share := float64(near) / float64(n)
	t.Logf("%d of %d hidden dates inferred within a day (%.1f%%); %d of %d wrong dates caught", near, n, 100*share, caught, n)
	if share < 0.85 {
		t.Errorf("inferred within a day: %.1f%%, want >= 85%%", 100*share)
	}
	if c := float64(caught) / float64(n); c < 0.55 {
		t.Errorf("wrong stated dates caught: %.1f%%, want >= 55%%", 100*c)
	}
}

var urlDayRe = regexp.MustCompile(`/(20\d\d)/(\d\d)/(\d\d)/`)

// urlDay is the day an article's URL names (…/2010/05/28/…), if any.
func urlDay(u string) (time.Time, bool) {
	m := urlDayRe.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	return t, err == nil
}
