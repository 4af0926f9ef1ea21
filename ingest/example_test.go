package ingest_test

import (
	"fmt"
	"strings"

	"github.com/storyline-news/storyline/ingest"
)

// A plain-text article as it might be saved from a news site: a date
// header, a metadata line, a dateline, a page widget and a tag line.
func ExampleReader_ReadFrom() {
	page := ` date 2019-03-15 Source: Example Wire| 2019-03-15 08:12:40|Editor: kim

NAIROBI, March 14 (Example Wire) -- Kenya's parliament on Thursday approved a bill to finance new roads.

"These roads will pay for themselves," the majority leader said.

Share on Facebook
roads, Kenya, parliament, debt
`
	r, err := ingest.New(ingest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for a, err := range r.ReadFrom("kenya.txt", strings.NewReader(page)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println("outlet:  ", a.Outlet)
		fmt.Println("stated:  ", a.StatedDate.Format("2006-01-02"))
		fmt.Println("dateline:", a.Dateline, "→", a.DatelinePlace, a.DatelineDate.Format("2006-01-02"))
		fmt.Println(a.Text)
	}
	// Output:
	// outlet:   Example Wire
	// stated:   2019-03-15
	// dateline: NAIROBI, March 14 (Example Wire) -- → NAIROBI 2019-03-14
	// Kenya's parliament on Thursday approved a bill to finance new roads.
	//
	// "These roads will pay for themselves," the majority leader said.
}

// Reading a folder, a URL or stdin ("-") is the same loop; errors name the
// input and the rest of the batch goes on.
func ExampleRead() {
	for a, err := range ingest.Read("testdata/does-not-exist.txt") {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.ID)
	}
	// Output:
	// ingest: testdata/does-not-exist.txt: no such file or directory
}
