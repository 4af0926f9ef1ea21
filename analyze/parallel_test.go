package analyze_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/news"
)

func articles(n int, failEvery int) iter.Seq2[*news.Article, error] {
	return func(yield func(*news.Article, error) bool) {
		for i := range n {
			var ok bool
			if failEvery > 0 && i%failEvery == 0 {
				ok = yield(nil, fmt.Errorf("input %d unreadable", i))
			} else {
				a := article(fmt.Sprintf("Article %d says hello. It ends.", i))
				a.ID = fmt.Sprint(i)
				ok = yield(a, nil)
			}
			if !ok {
				return
			}
		}
	}
}

func TestAllKeepsOrder(t *testing.T) {
	chain, err := analyze.Default()
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for r := range chain.All(context.Background(), articles(200, 7), 4) {
		if i%7 == 0 {
			if r.Err == nil || r.Doc != nil {
				t.Fatalf("result %d: want the read error passed through, got %+v", i, r)
			}
		} else if r.Err != nil || r.Doc == nil || r.Doc.ID != fmt.Sprint(i) || len(r.Doc.Sentences) != 2 {
			t.Fatalf("result %d: got %+v", i, r)
		}
		i++
	}
	if i != 200 {
		t.Errorf("got %d results, want 200", i)
	}
}

func TestAllStopsEarly(t *testing.T) {
	n := 0
	for range (analyze.Chain{analyze.Segment}).All(context.Background(), articles(1000, 0), 2) {
		n++
		if n == 5 {
			break
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for r := range (analyze.Chain{analyze.Segment}).All(ctx, articles(1000, 0), 2) {
		_ = r
	}
}

func TestAllStageError(t *testing.T) {
	boom := analyze.StageFunc{StageName: "boom", Fn: func(*news.Doc) error { return errors.New("bad") }}
	for r := range (analyze.Chain{boom}).All(context.Background(), articles(3, 0), 2) {
		if r.Err == nil || r.Doc != nil {
			t.Errorf("want stage error and no doc, got %+v", r)
		}
	}
}
