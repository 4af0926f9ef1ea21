package sentence

import (
	"fmt"
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

// checkBounded checks that the sentences of s are in order, at most
// MaxBytes long, whole runes, and together hold every non-space byte.
func checkBounded(t *testing.T, s string) []string {
	t.Helper()
	var got []string
	prev, covered := 0, 0
	for _, sp := range Split(s) {
		if sp.Start < prev || sp.End <= sp.Start || sp.End-sp.Start > MaxBytes {
			t.Fatalf("bad span %v after %d (max %d)", sp, prev, MaxBytes)
		}
		if !utf8.ValidString(sp.In(s)) {
			t.Fatalf("span %v cuts a rune", sp)
		}
		if strings.TrimSpace(s[prev:sp.Start]) != "" {
			t.Fatalf("text %q between sentences is lost", s[prev:sp.Start])
		}
		covered += len(strings.Join(strings.Fields(sp.In(s)), ""))
		got = append(got, sp.In(s))
		prev = sp.End
	}
	if want := len(strings.Join(strings.Fields(s), "")); covered != want {
		t.Fatalf("sentences hold %d non-space bytes, text %d", covered, want)
	}
	return got
}

func TestSplitBoundsLength(t *testing.T) {
	t.Run("no punctuation", func(t *testing.T) {
		s := strings.Repeat("word after word ", 5000)
		got := checkBounded(t, s)
		if len(got) < len(s)/MaxBytes {
			t.Errorf("%d sentences for %d bytes", len(got), len(s))
		}
	})
	t.Run("cut at a comma", func(t *testing.T) {
		// A comma in the second half of the run is preferred to the last
		// space before the limit.
		s := strings.Repeat("x ", MaxBytes/3) + "list, " + strings.Repeat("y ", MaxBytes/2)
		got := checkBounded(t, s)
		if len(got) != 2 || !strings.HasSuffix(got[0], "list,") {
			t.Errorf("cut at %q, want after \"list,\"", got[0][max(0, len(got[0])-10):])
		}
	})
	t.Run("one word", func(t *testing.T) {
		s := strings.Repeat("é", 3*MaxBytes) + " end."
		got := checkBounded(t, s)
		if len(got) < 6 {
			t.Errorf("%d sentences, want the word cut into pieces", len(got))
		}
	})
	t.Run("long real sentence kept", func(t *testing.T) {
		// A long sentence under the limit is not cut.
		s := "The minister said " + strings.Repeat("that the talks, which began in May, would go on ", 15) + "until the end. Next one."
		if len(s) > MaxBytes {
			t.Fatalf("test sentence is %d bytes", len(s))
		}
		if got := checkBounded(t, s); len(got) != 2 {
			t.Errorf("%d sentences, want 2", len(got))
		}
	})
}

// benchInputs are the awkward inputs of issue 21, made at run time: news
// text, the same text flattened onto one line, and a paragraph without
// punctuation.
func benchInputs(size int) map[string]string {
	para := "TEHRAN, Sept. 27 (Xinhua) -- Maj. Gen. Mohammad Baqeri met his Iraqi counterpart on Wednesday. " +
		"\"We are so pleased,\" he said, adding that the U.S. had no role. The talks, held in Tehran, lasted three hours.\n\n"
	text := strings.Repeat(para, size/len(para)+1)[:size]
	words := strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune(".,\"-()", r) {
			return -1
		}
		return r
	}, para))
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.ToLower(words[i%len(words)]))
		b.WriteByte(' ')
	}
	return map[string]string{
		"text":         text,
		"oneline":      strings.Join(strings.Fields(text), " "),
		"unpunctuated": b.String(),
		"oneword":      strings.Repeat("x", size),
	}
}

// BenchmarkSplit runs Split over inputs of growing size; ns/op divided by
// the size (shown as MB/s) stays flat when Split is linear.
func BenchmarkSplit(b *testing.B) {
	for _, size := range []int{400 << 10, 8 << 20} {
		for name, s := range benchInputs(size) {
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					Split(s)
				}
			})
		}
	}
}
