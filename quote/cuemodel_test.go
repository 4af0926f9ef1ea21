package quote

import (
	"bytes"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestCueModelRoundTrip(t *testing.T) {
	text := "Smith railed against the plan. Jones railed against the tax. Brown ate the cake."
	var cues []news.Span
	for _, w := range []string{"railed against the plan", "railed against the tax"} {
		i := strings.Index(text, w)
		cues = append(cues, news.Span{Start: i, End: i + len("railed")})
	}
	var buf bytes.Buffer
	if err := TrainCueModel([]CueDoc{{Text: text, Cues: cues}}, TrainOptions{Epochs: 5, Veto: -1e38}, &buf); err != nil {
		t.Fatal(err)
	}
	m, err := ReadCueModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold != 0 {
		t.Errorf("threshold %v, want 0", m.Threshold)
	}
	p := newPara(text, news.Span{Start: 0, End: len(text)}, m)
	for i, tk := range p.ts {
		s := m.score(p, i)
		switch tk.low {
		case "railed":
			if s <= 0 {
				t.Errorf("railed scored %v", s)
			}
		case "ate":
			if s > 0 {
				t.Errorf("ate scored %v", s)
			}
		}
	}
}

func TestReadCueModelErrors(t *testing.T) {
	if _, err := ReadCueModel(strings.NewReader("not gzip")); err == nil {
		t.Error("no error for a file that is not gzipped")
	}
	var buf bytes.Buffer
	if err := TrainCueModel(nil, TrainOptions{Epochs: 1}, &buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCueModel(&buf); err != nil {
		t.Errorf("empty model: %v", err)
	}
	if defaultModel() == nil {
		t.Error("the embedded cue model does not load")
	}
}
