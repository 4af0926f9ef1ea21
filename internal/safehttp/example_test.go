package safehttp_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/storyline-news/storyline/internal/safehttp"
)

// A client for URLs from untrusted input refuses a server on the loopback
// address, after resolving its name; with AllowPrivate it reaches it.
func ExampleNewClient() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "internal admin page")
	}))
	defer srv.Close()

	client, err := safehttp.NewClient(safehttp.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = client.Get(strings.Replace(srv.URL, "127.0.0.1", "localhost", 1))
	var ae *safehttp.AddressError
	if errors.As(err, &ae) {
		fmt.Println("refused:", ae.Host, "is a", ae.Reason, "address")
	}

	trusting, _ := safehttp.NewClient(safehttp.Options{AllowPrivate: true})
	resp, err := trusting.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, err := safehttp.ReadAll(resp.Body, 1<<20)
	fmt.Println(string(body), err)
	// Output:
	// refused: localhost is a loopback address
	// internal admin page <nil>
}
