package cluster_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/storyline-news/storyline/analyze"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/news"
	"github.com/storyline-news/storyline/sentence"
)

// Example places four articles as they arrive: two reports of one flood,
// a reprint of the first, and a budget story.
func Example() {
	day := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	wire := "Floodwaters swept through Carver on Monday, forcing hundreds of families from their homes as the river burst its banks after three days of rain, officials said."
	arts := []news.Article{
		{ID: "wire", Title: "Flood hits Carver", StatedDate: day, Text: wire},
		{ID: "reprint", Title: "Flood hits Carver", StatedDate: day, Text: strings.Replace(wire, "officials said", "county officials said", 1)},
		{ID: "local", Title: "Carver families flee river flood", StatedDate: day.AddDate(0, 0, 1), Text: "Hundreds of families fled their homes in Carver after the river burst its banks and floodwaters swept through the town."},
		{ID: "budget", Title: "State budget signed", StatedDate: day.AddDate(0, 0, 2), Text: "The governor signed the state budget, raising teacher pay and cutting the fuel tax."},
	}
	c := cluster.New(cluster.DefaultConfig())
	for i := range arts {
		arts[i].Paragraphs = sentence.Paragraphs(arts[i].Text)
		d, err := analyze.Chain{analyze.Segment}.Doc(&arts[i])
		if err != nil {
			panic(err)
		}
		a := c.Add(d)
		fmt.Printf("%s → story %s new=%v duplicate of %q\n", d.ID, a.Story, a.New, a.DuplicateOf)
	}
	// Output:
	// wire → story wire new=true duplicate of ""
	// reprint → story wire new=false duplicate of "wire"
	// local → story wire new=false duplicate of ""
	// budget → story budget new=true duplicate of ""
}
