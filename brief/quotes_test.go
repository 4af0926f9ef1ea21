package brief

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

// quoteDoc makes a doc whose quotes are the given (speaker, content)
// pairs, each content a direct quotation written into the text.
func quoteDoc(id string, opinionFrom int, qs ...[2]string) *news.Doc {
	d := &news.Doc{Article: news.Article{ID: id}}
	var b strings.Builder
	for i, q := range qs {
		start := b.Len()
		b.WriteString("“" + q[1] + ",” he said. ")
		content := news.Span{Start: start, End: start + len("“"+q[1]+",”")}
		cue := news.Span{Start: content.End + 4, End: content.End + 8}
		d.Quotes = append(d.Quotes, news.Quote{Content: content, Cue: cue, Source: news.Span{Start: content.End + 1, End: content.End + 3},
			Direct: true, Speaker: q[0], SpeakerMention: -1, Sentence: -1})
		if i == opinionFrom {
			d.Opinion = []news.Span{{Start: start, End: 1 << 20}}
		}
	}
	d.Text = b.String()
	return d
}

func TestQuotes(t *testing.T) {
	ents := []news.Entity{
		{Name: "Mohammad Baqeri", Type: news.Person, Forms: []string{"Mohammad Baqeri", "Mohamed Bagheri", "Bagheri", "Hossein Bagheri"}},
		{Name: "Othman al-Ghanmi", Type: news.Person, Forms: []string{"Othman al-Ghanmi", "Othman al-Ghanemi", "al-Ghanemi"}},
	}
	s := &news.Story{Docs: []*news.Doc{
		quoteDoc("a", -1,
			[2]string{"Mohammad Baqeri", "We held talks on the common threats to the two countries"},
			[2]string{"Othman al-Ghanmi", "We believe that the Islamic republic has ever been by the side of Iraq"}),
		quoteDoc("b", 1,
			[2]string{"Mohamed Bagheri", "We held talks on common threats to the two countries"},
			[2]string{"Hossein Bagheri", "The Zionist regime is behind this"}),
		quoteDoc("c", -1,
			[2]string{"Othman al-Ghanemi", "We believe the Islamic republic has always been by the side of Iraq"},
			[2]string{"", "Nobody knows who said this"}),
	}}
	got := quotes(s, ents)
	type row struct {
		speaker, text, sources string
		opinion                bool
	}
	want := []row{
		{"Mohammad Baqeri", "We held talks on the common threats to the two countries", "a,b", false},
		{"Mohammad Baqeri", "The Zionist regime is behind this", "b", true},
		{"Othman al-Ghanmi", "We believe that the Islamic republic has ever been by the side of Iraq", "a,c", false},
		{"unknown", "Nobody knows who said this", "c", false}, // the contract: an unresolved speaker is "unknown"
	}
	if len(got) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Speaker != w.speaker || g.Text != w.text || strings.Join(g.Sources, ",") != w.sources || g.Opinion != w.opinion {
			t.Errorf("quote %d: got %q %q %v opinion=%v, want %q %q %s opinion=%v", i, g.Speaker, g.Text, g.Sources, g.Opinion, w.speaker, w.text, w.sources, w.opinion)
		}
	}
}

func TestSameQuote(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"We held talks on the common threats", "we held talks on common threats", true},
		{"We held talks on the common threats", "The armed forces do not recognize any authority", false},
		{"We believe", "We believe that the Islamic republic has ever been by the side of Iraq and will stay", false},
	}
	for _, tt := range tests {
		if got := overlap(contentWords(tt.a), contentWords(tt.b)) >= quoteSimilarity; got != tt.same {
			t.Errorf("%q ~ %q: got %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func BenchmarkQuotes(b *testing.B) {
	ents := []news.Entity{{Name: "Mohammad Baqeri", Type: news.Person, Forms: []string{"Mohammad Baqeri", "Bagheri"}}}
	s := &news.Story{}
	for i := 0; i < 20; i++ {
		s.Docs = append(s.Docs, quoteDoc("d", -1,
			[2]string{"Bagheri", "We held talks on the common threats to the two countries"},
			[2]string{"Mohammad Baqeri", "The armed forces of both countries do not recognize any authority"}))
	}
	for b.Loop() {
		quotes(s, ents)
	}
}

func TestCanonicalSpeaker(t *testing.T) {
	ents := []news.Entity{
		{Name: "Mohammad Baqeri", Type: news.Person, Forms: []string{"Mohamed Bagheri", "Bagheri"}},
		{Name: "Turkey", Type: news.Place, Forms: []string{"Turkey"}},
		{Name: "Iran", Type: news.Place, Forms: []string{"Iran"}},
	}
	d := &news.Doc{}
	for sp, want := range map[string]string{
		"Mohamed Bagheri": "Mohammad Baqeri",
		"Hossein Bagheri": "Mohammad Baqeri",
		"Turkey and Iran": "Iran and Turkey",
		"Iran and Turkey": "Iran and Turkey",
		// Two people who spoke together are not the one whose surname
		// ends the pair.
		"Othman al-Ghanemi and Mohamed Bagheri": "Mohammad Baqeri and Othman al-Ghanemi",
		"Tasnim":                                "Tasnim",
		"":                                      "",
	} {
		if got := canonicalSpeaker(d, news.Quote{Speaker: sp, SpeakerMention: -1}, ents); got != want {
			t.Errorf("canonicalSpeaker(%q) = %q, want %q", sp, got, want)
		}
	}
}

// TestOrganisationSpeaker checks that an unnamed official of an
// organisation named in the source speaks for it, and that nothing else
// does: a source naming a person, or one that is not a spokesperson.
func TestOrganisationSpeaker(t *testing.T) {
	ents := []news.Entity{
		{Name: "Nato", Type: news.Organisation, Forms: []string{"NATO", "Nato"}},
		{Name: "Anna Holm", Type: news.Person, Forms: []string{"Anna Holm"}},
	}
	for _, tc := range []struct {
		text, source, want string
	}{
		{"A NATO official said the strike hit two vehicles.", "A NATO official", "Nato"},
		{"NATO warplanes attacked the convoy.", "NATO warplanes", ""},
		{"NATO official Anna Holm said the strike hit two vehicles.", "NATO official Anna Holm", ""},
	} {
		d := &news.Doc{Article: news.Article{Text: tc.text}}
		d.Mentions = append(d.Mentions, news.Mention{Span: news.Span{Start: strings.Index(tc.text, "NATO"), End: strings.Index(tc.text, "NATO") + 4}, Text: "NATO", Type: news.Organisation, Entity: -1})
		if i := strings.Index(tc.text, "Anna Holm"); i >= 0 {
			d.Mentions = append(d.Mentions, news.Mention{Span: news.Span{Start: i, End: i + 9}, Text: "Anna Holm", Type: news.Person, Entity: -1})
		}
		i := strings.Index(tc.text, tc.source)
		q := news.Quote{Source: news.Span{Start: i, End: i + len(tc.source)}, SpeakerMention: -1}
		if got := canonicalSpeaker(d, q, ents); got != tc.want {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestHeadlineWordSpeaker checks that a speaker must be named in its
// article: a capitalised word that opens a sentence or a caption and that
// no mention holds is no speaker, a name written inside a sentence is.
func TestHeadlineWordSpeaker(t *testing.T) {
	text := "Freed in exchange for prisoners, Shalit struggled to breathe. \"Until we see him,\" Shalit's father, Noam, told the radio."
	d := &news.Doc{Article: news.Article{Text: text}}
	i := strings.Index(text, "Shalit")
	d.Mentions = []news.Mention{{Span: news.Span{Start: i, End: i + 6}, Text: "Shalit", Type: news.Person, Entity: -1}}
	ents := []news.Entity{{Name: "Gilad Shalit", Type: news.Person, Forms: []string{"Gilad Shalit", "Shalit"}}}
	for sp, want := range map[string]string{"Freed": "", "Noam": "Noam", "Shalit": "Gilad Shalit"} {
		if got := canonicalSpeaker(d, news.Quote{Speaker: sp, SpeakerMention: -1}, ents); got != want {
			t.Errorf("speaker %q: got %q, want %q", sp, got, want)
		}
	}
}
