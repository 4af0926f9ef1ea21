package quote

import "testing"

// TestAttributionSentences checks layouts of an attribution whose source
// is not written right before its cue: a quotation closed by a period and
// followed by a short sentence with the source, the cue and where it was
// said; a passive raising verb between the source and the cue; and an
// apposition left unclosed before the cue.
func TestAttributionSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       want
	}{
		{"a short attribution sentence after a closed quotation",
			"Barack Obama spoke on Monday.\n\n\"Our armed forces may find themselves subject to lawsuits abroad.\" Obama wrote in a letter delivered Tuesday.",
			want{"Barack Obama", "Obama", "wrote", "\"Our armed forces may find themselves subject to lawsuits abroad.\"", true}},
		{"a raising verb before the cue",
			"Mr Garzon boasted on his page.\n\nIn one posting, he is alleged to have said: \"It would be amazing to go alongside police.\"",
			want{"Garzon", "he", "said", "\"It would be amazing to go alongside police.\"", true}},
		{"an apposition whose closing comma is missing",
			"The quake hit Ercis.\n\n\"There are so many dead,\" Zulfikar Arapoglu, the mayor of Ercis told NTV television.",
			want{"Zulfikar Arapoglu", "Zulfikar Arapoglu, the mayor of Ercis", "told", "\"There are so many dead,\"", true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(tc.text)
			found := false
			for _, q := range Find(d) {
				if q.Content.In(d.Text) != tc.want.content {
					continue
				}
				found = true
				got := want{q.Speaker, q.Source.In(d.Text), q.Cue.In(d.Text), q.Content.In(d.Text), q.Direct}
				if got != tc.want {
					t.Errorf("got %+v, want %+v", got, tc.want)
				}
			}
			if !found {
				t.Errorf("no quote %q in %+v", tc.want.content, Find(d))
			}
		})
	}
}
