package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"time"

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

// ReadAllContext stops when its context is done (Ctrl-C, a deadline): a
// fetch under way is cancelled and nothing more is read. Warnings about
// inputs kept after a repair go to Options.Warn.
func ExampleReader_ReadAllContext() {
	r, err := ingest.New(ingest.Options{
		Warn:  func(err error) { fmt.Println(err) },
		Stdin: strings.NewReader("The council met on Monday \x81 and voted to reopen the harbour, officials said. " + strings.Repeat("Boats went out at dawn. ", 10)),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for a, err := range r.ReadAllContext(ctx, []string{"-"}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.ID, len(a.Text))
	}
	// Output:
	// ingest: -: warning: 1 invalid UTF-8 byte replaced with U+FFFD; the article is kept
	// stdin 318
}

// ReadContext is Read that stops when its context is done (Ctrl-C, a
// deadline): a fetch under way is cancelled and nothing more is yielded.
// Here the context is done before the read begins, so nothing of the
// folder is read; ctx.Err() tells the caller why.
func ExampleReadContext() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for a, err := range ingest.ReadContext(ctx, "testdata") {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.ID)
	}
	fmt.Println(ctx.Err())
	// Output:
	// context canceled
}
