package sentence

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/news"
)

// paragraphsByRune is Paragraphs as it was written before it looked for
// the newlines with strings.IndexByte: it reads every rune. It is the
// oracle of TestParagraphsOracle.
func paragraphsByRune(text string) []news.Span {
	var out []news.Span
	start := -1
	lastNonSpace := 0
	lineBlank := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			if lineBlank && start >= 0 {
				out = append(out, news.Span{Start: start, End: lastNonSpace})
				start = -1
			}
			lineBlank = true
		case isSpace(r):
		default:
			if start < 0 {
				start = i
			}
			lineBlank = false
			i += size
			lastNonSpace = i
			continue
		}
		i += size
	}
	if start >= 0 {
		out = append(out, news.Span{Start: start, End: lastNonSpace})
	}
	return out
}

// chunksByByte is chunks as it was written before it read the runs of
// ASCII bytes eight at a time (wordEnd).
func chunksByByte(text string, p news.Span, out []chunk) []chunk {
	start := -1
	for i := p.Start; i < p.End; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isSpace(r) {
			if start >= 0 {
				out = append(out, chunk{start, i})
				start = -1
			}
		} else {
			if start < 0 {
				start = i
			} else if i+size-start > MaxBytes {
				out = append(out, chunk{start, i})
				start = i
			}
			i += size
			for end := min(p.End, start+MaxBytes); i < end && text[i] > ' ' && text[i] < utf8.RuneSelf; {
				i++
			}
			continue
		}
		i += size
	}
	if start >= 0 {
		out = append(out, chunk{start, p.End})
	}
	return out
}

// splitParagraphAll is splitParagraph as it was written before it passed
// the chunks ending on a letter or digit without asking softBreak and
// endsSentence.
func splitParagraphAll(text string, cs []chunk, out []news.Span) []news.Span {
	first := -1
	soft := -1
	for i, c := range cs {
		if first < 0 {
			first, soft = i, -1
		}
		for i > first && c.end-cs[first].start > MaxBytes {
			cut := i - 1
			if soft >= first && (cs[soft].end-cs[first].start)*2 >= MaxBytes {
				cut = soft
			}
			out = append(out, news.Span{Start: cs[first].start, End: cs[cut].end})
			first, soft = cut+1, -1
			for k := first; k < i; k++ {
				if softBreak(text[cs[k].start:cs[k].end]) {
					soft = k
				}
			}
		}
		if softBreak(text[c.start:c.end]) {
			soft = i
		}
		next := ""
		if i+1 < len(cs) {
			next = text[cs[i+1].start:cs[i+1].end]
		}
		if i+1 == len(cs) || endsSentence(text[c.start:c.end], next) {
			out = append(out, news.Span{Start: cs[first].start, End: c.end})
			first = -1
		}
	}
	return out
}

// TestParagraphsOracle checks Paragraphs, chunks and splitParagraph against the
// rune-by-rune versions on random text of spaces, newlines, Unicode
// spaces, control bytes, broken UTF-8 and words (some over MaxBytes).
func TestParagraphsOracle(t *testing.T) {
	pieces := []string{"\n", "\n\n", " ", "  ", "\t", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2028", "\u3000",
		"word", "Sept.", "a", "Gen.", "U.S.", "Mr.", "No.", "5", "end.", "end!", "He", "the", ",", ";", ":", "-", "”", ".\"", "x-y", "\x00", "\x1f", "\xe2\x80", "\xc2", "\xa0", "é", "—", "\"", "12345678", "abcdefghijk",
		strings.Repeat("z", MaxBytes-3), strings.Repeat("é", MaxBytes/2+1)}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			p := pieces[rng.Intn(len(pieces))]
			if len(p) > 100 && rng.Intn(8) != 0 {
				continue
			}
			b.WriteString(p)
		}
		text := b.String()
		got, want := Paragraphs(text), paragraphsByRune(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Paragraphs(%q) = %v, want %v", text, got, want)
		}
		for _, p := range append(want, news.Span{Start: 0, End: len(text)}) {
			got, want := chunks(text, p, nil), chunksByByte(text, p, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("chunks(%q, %v) = %v, want %v", text, p, got, want)
			}
			if got, want := splitParagraph(text, want, nil), splitParagraphAll(text, want, nil); !reflect.DeepEqual(got, want) {
				t.Fatalf("splitParagraph(%q, %v) = %v, want %v", text, p, got, want)
			}
		}
	}
}
