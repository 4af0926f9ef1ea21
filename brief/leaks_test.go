package brief

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

func TestFurniture(t *testing.T) {
	for _, s := range []string{
		"Libya's leader Muammar Gaddafi poses after an interview with TRT Turkish television reporter Mehmet Akif Ersoy at the Rixos hotel in Tripoli March 8, 2011.",
		"Libyan leader Moamer Kadhafi stands outside his tent in the garden of his residence after his meeting with African leaders in Tripoli on April 10, 2011.",
		"Alex Lantier, World Socialist Web Site, October 19, 2011 Yesterday Hamas released captured Israeli soldier Gilad Shalit.",
		"Rescue workers search the rubble in Ercis 24 October 2011.",
	} {
		if !furniture(s) {
			t.Errorf("furniture(%q) = false", s)
		}
	}
	for _, s := range []string{
		"The commission announced the final results on April 30, 2019.",
		"Poroshenko, who was elected on May 25, 2014, conceded defeat on Sunday.",
		"The quake struck on Sunday, October 23, 2011, killing 217 people.",
		"Zelensky will take office no later than June 3.",
		"A 7.2 magnitude earthquake struck eastern Turkey on Sunday.",
	} {
		if furniture(s) {
			t.Errorf("furniture(%q) = true", s)
		}
	}
}

// TestSplicedParagraph checks that a page's last paragraph telling
// another story (a person no other paragraph names, words the story
// does not use) is found, and that a last paragraph about the story is
// not.
func TestSplicedParagraph(t *testing.T) {
	s := analysedStory(t,
		"Representative Bob Etheridge apologized on Monday for grabbing a student on a sidewalk in Washington.\n\n"+
			"The video of the confrontation spread quickly online, and Republicans called on Etheridge to resign.\n\n"+
			"Etheridge said in a statement that he regretted his reaction to the student.\n\n"+
			"Vice President Joseph R. Biden Jr. resumed the White House campaign for gun control on Tuesday by reporting on executive action taken unilaterally by the administration.",
		"Bob Etheridge, a Democrat of North Carolina, apologized after a video showed him grabbing a student who asked about his politics.\n\n"+
			"The student had approached Etheridge on a sidewalk in Washington with a camera.\n\n"+
			"Republicans said the video showed a congressman out of touch, and Etheridge apologized for his reaction.",
	)
	for _, d := range s.Docs {
		d.Paragraphs = sentence.Paragraphs(d.Text)
	}
	got := splicedParagraphs(s)
	if len(got) != 1 || !strings.HasPrefix(got[0], "Vice President Joseph R. Biden Jr.") {
		t.Fatalf("spliced paragraphs %q, want the Biden paragraph alone", got)
	}
	b := &news.Brief{
		Summary:  []news.SummaryLine{{Text: "Etheridge said in a statement that he regretted his reaction to the student."}},
		Timeline: []news.TimelineEntry{{Date: "2010-06-15", Text: "Vice President Joseph R. Biden Jr. resumed the White House campaign for gun control on Tuesday by reporting on executive action taken unilaterally by the administration."}},
	}
	dropFurniture(b, s)
	if len(b.Summary) != 1 || len(b.Timeline) != 0 {
		t.Errorf("summary %v, timeline %v: want the story's line kept and the spliced one dropped", b.Summary, b.Timeline)
	}
}
