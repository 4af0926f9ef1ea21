package summarize_test

import (
	"fmt"

	"github.com/storyline-news/storyline/summarize"
)

func ExampleDocuments() {
	docs := []summarize.Document{
		{ID: "wire", Text: "A magnitude 6.1 earthquake struck the coastal town of Marrow Bay on Tuesday, killing at least 12 people.\n\n" +
			"He said rescue teams were still searching two collapsed apartment blocks near the harbour."},
		{ID: "paper", Text: "At least 12 people were killed when a magnitude 6.1 earthquake struck the coastal town of Marrow Bay on Tuesday.\n\n" +
			"Power was cut to more than 20,000 homes, and landslides closed the main coastal road."},
		{ID: "radio", Text: "The earthquake that struck Marrow Bay on Tuesday killed at least 12 people, officials said.\n\n" +
			"Landslides closed the main coastal road and power was cut to more than 20,000 homes."},
	}
	lines, err := summarize.Documents(docs, summarize.Options{Words: 40})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range lines {
		fmt.Println(l.Text, l.Sources)
	}
	// Output:
	// A magnitude 6.1 earthquake struck the coastal town of Marrow Bay on Tuesday, killing at least 12 people. [wire paper radio]
	// Power was cut to more than 20,000 homes, and landslides closed the main coastal road. [paper radio]
}
