package eval

import (
	"reflect"
	"strings"
	"testing"
)

func newTestRouge(t testing.TB, opt RougeOptions, dir string) *Rouge {
	t.Helper()
	r, err := NewRouge(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRougeScores(t *testing.T) {
	opt := RougeOptions{N: 2, LCS: true, Skip: true, SkipDistance: 4, SkipUnigrams: true, Alpha: 0.5}
	r := newTestRouge(t, opt, "")
	peer := r.PrepareText("The cat sat on the mat.")
	model := r.PrepareText("The cat was on the mat.")
	models := []*RougeText{model}
	for _, tc := range []struct {
		name string
		got  Score
		want Score
	}{
		{"ROUGE-1", r.N(1, peer, models), Score{0.83333, 0.83333, 0.83333}},
		{"ROUGE-2", r.N(2, peer, models), Score{0.6, 0.6, 0.6}},
		// 5 unigrams (the last word's is left out, as ROUGE does) and 15
		// skip bigrams each; 4 + 10 match.
		{"ROUGE-SU4", r.S(peer, models), Score{0.7, 0.7, 0.7}},
		{"ROUGE-L", r.L(peer, models), Score{0.83333, 0.83333, 0.83333}},
		{"ROUGE-1 self", r.N(1, model, models), Score{1, 1, 1}},
		{"ROUGE-1 empty peer", r.N(1, r.Prepare(nil), models), Score{}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
}

func TestRougeModelAverageAndBest(t *testing.T) {
	peer := []string{"a b c"}
	models := []string{"a b c", "a d e f"}
	for _, tc := range []struct {
		best bool
		want Score
	}{
		// -f A: hits 3+1 over model counts 3+4 and peer counts 3+3.
		{false, Score{0.57143, 0.66667, 0.61539}},
		// -f B: the first model matches fully.
		{true, Score{1, 1, 1}},
	} {
		r := newTestRouge(t, RougeOptions{N: 1, BestModel: tc.best, Alpha: 0.5}, "")
		var ms []*RougeText
		for _, m := range models {
			ms = append(ms, r.PrepareText(m))
		}
		if got := r.N(1, r.PrepareText(peer[0]), ms); got != tc.want {
			t.Errorf("best=%v: got %+v, want %+v", tc.best, got, tc.want)
		}
	}
}

func TestRougePrepare(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opt   RougeOptions
		lines []string
		want  []string
	}{
		{"tokenisation", RougeOptions{}, []string{"U.S.-led forces' $5 bill"}, []string{"u", "s", "led", "forces", "5", "bill"}},
		{"word limit", RougeOptions{Words: 4}, []string{"A b c.", "D e f."}, []string{"a", "b", "c", "d"}},
		{"word limit at a sentence end", RougeOptions{Words: 3}, []string{"A b c.", "D e f."}, []string{"a", "b", "c"}},
		{"byte limit", RougeOptions{Bytes: 8}, []string{"abc def", "ghi"}, []string{"abc", "def", "g"}},
		{"empty lines", RougeOptions{}, []string{"", "x y", ""}, []string{"x", "y"}},
	} {
		r := newTestRouge(t, tc.opt, "")
		if got := r.Prepare(tc.lines).Tokens; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: tokens %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestRougeStemAndStopwords(t *testing.T) {
	dir := rougeSharedData(t, "summarization/rouge")
	r := newTestRouge(t, RougeOptions{N: 1, Stem: true, RemoveStopwords: true}, dir)
	got := r.PrepareText("The tribes' gambling agreement cut the axes and geese of the Hualapai").Tokens
	want := strings.Fields("tribe gambl agreem cut ax goose hualapai")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

func TestRougeOptionsValidate(t *testing.T) {
	for _, o := range []RougeOptions{{Words: 1, Bytes: 1}, {Words: -1}, {Alpha: 2}, {Confidence: 101}, {Samples: -1}} {
		if o.Validate() == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	if err := DUCRougeOptions(100).Validate(); err != nil {
		t.Error(err)
	}
	if _, err := NewRouge("/nonexistent", RougeOptions{Stem: true}); err == nil {
		t.Error("NewRouge without data: no error")
	}
}

func TestRougeAverage(t *testing.T) {
	inst := []Instance{{"b", Score{0.2, 0.4, 0.3}}, {"a", Score{0.4, 0.2, 0.3}}, {"c", Score{0.3, 0.3, 0.3}}}
	plain := newTestRouge(t, RougeOptions{}, "").Average(inst)
	if want := (Score{0.3, 0.3, 0.3}); plain.Mean != want || plain.Low != want {
		t.Errorf("plain average %+v, want %+v", plain, want)
	}
	boot := newTestRouge(t, RougeOptions{Confidence: 95, Samples: 1000}, "").Average(inst)
	if boot.Low.R > boot.Mean.R || boot.Mean.R > boot.High.R || boot.Low.R < 0.2 || boot.High.R > 0.4 {
		t.Errorf("bootstrap %+v: mean outside its interval or interval outside the data", boot)
	}
	if boot.Mean.F != 0.3 || boot.Low.F != 0.3 || boot.High.F != 0.3 {
		t.Errorf("constant F: %+v", boot)
	}
	if again := newTestRouge(t, RougeOptions{Confidence: 95, Samples: 1000}, "").Average(inst); again != boot {
		t.Errorf("bootstrap not deterministic: %+v then %+v", boot, again)
	}
}

func FuzzRougePrepare(f *testing.F) {
	f.Add("The cat sat on the mat.\nU.S.-led $5", 3, 0)
	f.Add("  leading space\n\n-- - --", 0, 5)
	f.Fuzz(func(t *testing.T, text string, words, bytes int) {
		opt := RougeOptions{N: 2, LCS: true, Skip: true, SkipDistance: 4, SkipUnigrams: true, Alpha: 0.5}
		if words > 0 && words < 1000 {
			opt.Words = words
		} else if bytes > 0 && bytes < 10000 {
			opt.Bytes = bytes
		}
		r := newTestRouge(t, opt, "")
		p := r.PrepareText(text)
		s := r.N(1, p, []*RougeText{p})
		if s.R < 0 || s.R > 1 || s.P < 0 || s.P > 1 {
			t.Fatalf("score out of range: %+v", s)
		}
		r.S(p, []*RougeText{p})
		r.L(p, []*RougeText{p})
	})
}

func BenchmarkRouge(b *testing.B) {
	r := newTestRouge(b, RougeOptions{N: 2, LCS: true, Skip: true, SkipDistance: 4, SkipUnigrams: true, Alpha: 0.5}, "")
	text := strings.Repeat("Flooding on the Yangtze River left thousands dead and millions homeless. ", 8)
	models := []*RougeText{r.PrepareText(text), r.PrepareText(strings.ToUpper(text))}
	for b.Loop() {
		p := r.PrepareText(text)
		r.N(1, p, models)
		r.N(2, p, models)
		r.S(p, models)
	}
}
