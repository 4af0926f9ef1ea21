package analyze

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
)

func TestOpinion(t *testing.T) {
	tests := []struct {
		name  string
		title string
		url   string
		text  string
		// want are the texts of the opinion sections.
		want []string
	}{
		{name: "none", text: "Iran and Iraq met.\n\nThey talked.", want: nil},
		{name: "comment to end", text: "A delegation arrived.\n\nComment: This is a view.\n\nMore view.",
			want: []string{"Comment: This is a view.\n\nMore view."}},
		{name: "analysis label", text: "Report.\n\nAnalysis: Why it matters.", want: []string{"Analysis: Why it matters."}},
		{name: "editor's note without colon", text: "Editor’s note This piece argues.\n\nIt does.", want: []string{"Editor’s note This piece argues.\n\nIt does."}},
		{name: "ends at dateline", text: "News.\n\nOpinion: we think so.\n\nTEHRAN, Sept. 27 (Xinhua) -- Talks went on.",
			want: []string{"Opinion: we think so.\n\n"}},
		{name: "op-ed title", title: "Opinion | The referendum was a mistake", text: "Body.\n\nMore.", want: []string{"Body.\n\nMore."}},
		{name: "OP-ED in title", title: "OP-ED: Iraq's borders", text: "Body.", want: []string{"Body."}},
		{name: "op-ed address", url: "https://example.com/opinion/2017/09/27/borders", text: "Body.", want: []string{"Body."}},
		{name: "first line label", text: "Opinion\n\nWe argue.", want: []string{"Opinion\n\nWe argue."}},
		{name: "word not label", text: "Opinion polls show a lead.\n\nCommentators differ.", want: nil},
		{name: "comment inside paragraph", text: "He declined to comment: no reason given.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &news.Doc{Article: news.Article{Title: tt.title, URL: tt.url, Text: tt.text}}
			if err := Opinion.Apply(d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Opinion {
				got = append(got, s.In(d.Text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, s := range d.Opinion {
				if !d.InOpinion(s) {
					t.Errorf("InOpinion(%v) is false", s)
				}
			}
		})
	}
}

func BenchmarkOpinion(b *testing.B) {
	text := strings.Repeat("A delegation arrived in Tehran on Wednesday.\n\n", 50) + "Comment: This is a view.\n\n" + strings.Repeat("More view here.\n\n", 20)
	d := &news.Doc{Article: news.Article{Title: "Talks", Text: text}}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = Opinion.Apply(d)
	}
}
