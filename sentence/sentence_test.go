package sentence

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(text string) []string {
	var out []string
	for _, s := range Split(text) {
		out = append(out, s.In(text))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One here. Two there! Three? Four.", []string{"One here.", "Two there!", "Three?", "Four."}},
		{"ranks", "Maj. Gen. Mohammad Baqeri met Lt. Gen. Othman al-Ghanmi. They talked.",
			[]string{"Maj. Gen. Mohammad Baqeri met Lt. Gen. Othman al-Ghanmi.", "They talked."}},
		{"month", "TEHRAN, Sept. 27 (Xinhua) -- Iran spoke. Iraq listened.",
			[]string{"TEHRAN, Sept. 27 (Xinhua) -- Iran spoke.", "Iraq listened."}},
		{"acronym inside", "The U.S. State Department and the P.M.F. commanders met.",
			[]string{"The U.S. State Department and the P.M.F. commanders met."}},
		{"acronym final", "It wants a presence in the U.S. The plan failed.",
			[]string{"It wants a presence in the U.S.", "The plan failed."}},
		{"initial", "John F. Kennedy spoke. He left.", []string{"John F. Kennedy spoke.", "He left."}},
		{"closing quote", `"We are so pleased," he said. "We won." Then he left.`,
			[]string{`"We are so pleased," he said.`, `"We won."`, "Then he left."}},
		{"curly quote", "“It is over.” The crowd cheered.", []string{"“It is over.”", "The crowd cheered."}},
		{"question in quote", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"lowercase after period", "They bought apples, pears, etc. and left.", []string{"They bought apples, pears, etc. and left."}},
		{"company", "Shares of Apple Inc. rose. The company said so.", []string{"Shares of Apple Inc. rose.", "The company said so."}},
		{"paragraphs", "A headline\n\nBody one. Body two.\n\n  Indented para.", []string{"A headline", "Body one.", "Body two.", "Indented para."}},
		{"wrapped", "The minister said on\nWednesday that talks\nwould go on. Next.", []string{"The minister said on\nWednesday that talks\nwould go on.", "Next."}},
		{"number start", "Turnout was high. 90 percent voted yes.", []string{"Turnout was high.", "90 percent voted yes."}},
		{"ellipsis", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"decimal", "Growth was 3.5 percent. Good.", []string{"Growth was 3.5 percent.", "Good."}},
		{"number abbreviation", "He is No. 5 in the list. They said no. That was it.", []string{"He is No. 5 in the list.", "They said no.", "That was it."}},
		{"camel case start", "It goes live on July 1. iPhone sales rose.", []string{"It goes live on July 1.", "iPhone sales rose."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	in := "\n  first line\nstill first\n \t\nsecond\n\n\nthird  "
	var got []string
	for _, p := range Paragraphs(in) {
		got = append(got, p.In(in))
	}
	want := []string{"first line\nstill first", "second", "third"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"One. Two.", "Gen. X said: “No.” Then.", "a\n\nb", "\xff\xfe.", "U.S. . . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(sp.In(s)) {
				t.Fatalf("span %v cuts a rune in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
