package safehttp

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		reason string
	}{
		{"8.8.8.8", ""},
		{"93.184.216.34", ""},
		{"1.1.1.1", ""},
		{"2606:4700:4700::1111", ""},
		{"100.63.255.255", ""},
		{"100.128.0.0", ""},
		{"172.15.255.255", ""},
		{"172.32.0.0", ""},
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"::1", "loopback"},
		{"10.0.0.1", "private"},
		{"10.255.255.255", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"fd12:3456::1", "private"},
		{"fec0::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"ff02::1", "multicast"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "unspecified"},
		{"::", "unspecified"},
		{"100.64.0.1", "shared"},
		{"100.127.255.255", "shared"},
		{"255.255.255.255", "reserved"},
		{"240.0.0.1", "reserved"},
		{"198.18.0.1", "reserved"},
		{"192.0.2.1", "reserved"},
		{"2001:db8::1", "reserved"},
		// IPv4 carried in IPv6 is judged as IPv4.
		{"::ffff:127.0.0.1", "loopback"},
		{"::ffff:10.1.2.3", "private"},
		{"::ffff:169.254.169.254", "link-local"},
		{"::ffff:100.64.0.1", "shared"},
		{"::ffff:0.0.0.0", "unspecified"},
		{"::ffff:8.8.8.8", ""},
		{"64:ff9b::7f00:1", "loopback"},
		{"64:ff9b::808:808", ""},
		{"2002:c0a8:0101::1", "private"},
		{"2002:0808:0808::1", ""},
	} {
		ip := netip.MustParseAddr(tc.ip)
		if got := Check(ip); got != tc.reason {
			t.Errorf("Check(%s) = %q, want %q", tc.ip, got, tc.reason)
		}
	}
	if got := Check(netip.Addr{}); got == "" {
		t.Error("Check(invalid address) allowed it")
	}
}

func hello(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }

func get(t *testing.T, c *http.Client, url string) (string, error) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func TestLoopbackRefusedByDefault(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	c, err := NewClient(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = get(t, c, srv.URL)
	var ae *AddressError
	if !errors.As(err, &ae) || !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("got %v, want an *AddressError", err)
	}
	if ae.Reason != "loopback" || ae.IP != netip.MustParseAddr("127.0.0.1") {
		t.Errorf("got %+v", ae)
	}
	// The name is resolved before the check: localhost is refused by the
	// address it resolves to, and the error names both.
	u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	_, err = get(t, c, u)
	if !errors.As(err, &ae) || ae.Host != "localhost" || ae.Reason != "loopback" {
		t.Fatalf("got %v, want localhost refused", err)
	}
	if !strings.Contains(err.Error(), "localhost (") {
		t.Errorf("error %q does not name the host and the address", err)
	}
}

func TestAllowPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	c, err := NewClient(Options{AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	body, err := get(t, c, srv.URL)
	if err != nil || body != "hello" {
		t.Fatalf("got %q, %v", body, err)
	}
}

// allowOnly lets through only the loopback server listening at addr: it
// stands for a public host in these tests.
func allowOnly(addr string) func(string, netip.AddrPort) bool {
	want := netip.MustParseAddrPort(addr)
	return func(_ string, ap netip.AddrPort) bool { return ap == want }
}

func TestRedirectToForbiddenAddress(t *testing.T) {
	private := httptest.NewServer(http.HandlerFunc(hello))
	defer private.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/self" {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		if r.URL.Path == "/ok" {
			hello(w, r)
			return
		}
		http.Redirect(w, r, private.URL+"/secret", http.StatusFound)
	}))
	defer public.Close()
	c, err := NewClient(Options{Allow: allowOnly(public.Listener.Addr().String())})
	if err != nil {
		t.Fatal(err)
	}
	if body, err := get(t, c, public.URL+"/self"); err != nil || body != "hello" {
		t.Fatalf("redirect within the allowed host: got %q, %v", body, err)
	}
	_, err = get(t, c, public.URL+"/go")
	var ae *AddressError
	if !errors.As(err, &ae) || ae.Reason != "loopback" {
		t.Fatalf("redirect to a private server: got %v, want it refused", err)
	}
	if _, err := get(t, c, private.URL); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("private server directly: got %v", err)
	}
}

func TestRedirectLimitAndScheme(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			var n int
			fmt.Sscanf(r.URL.Path, "/%d", &n)
			if n == 0 {
				hello(w, r)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/%d", n-1), http.StatusFound)
		}
	}))
	defer srv.Close()
	c, err := NewClient(Options{AllowPrivate: true, MaxRedirects: 3})
	if err != nil {
		t.Fatal(err)
	}
	if body, err := get(t, c, srv.URL+"/3"); err != nil || body != "hello" {
		t.Errorf("3 redirects with a limit of 3: got %q, %v", body, err)
	}
	if _, err := get(t, c, srv.URL+"/4"); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("4 redirects with a limit of 3: got %v", err)
	}
	if _, err := get(t, c, srv.URL+"/loop"); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("redirect loop: got %v", err)
	}
	if _, err := get(t, c, srv.URL+"/file"); !errors.Is(err, ErrForbiddenScheme) {
		t.Errorf("redirect to file: got %v", err)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/"} {
		if _, err := get(t, c, u); !errors.Is(err, ErrForbiddenScheme) {
			t.Errorf("%s: got %v", u, err)
		}
	}
	none, err := NewClient(Options{AllowPrivate: true, MaxRedirects: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := get(t, none, srv.URL+"/1"); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("no redirects allowed: got %v", err)
	}
}

// TestDialerRefusesResolvedAddress dials through the exported DialContext
// directly, as another transport would.
func TestDialerRefusesResolvedAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dial := DialContext(&net.Dialer{}, Options{})
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	conn, err := dial(t.Context(), "tcp", net.JoinHostPort("localhost", port))
	if err == nil {
		conn.Close()
		t.Fatal("dialled localhost")
	}
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("got %v", err)
	}
}

func TestReadAll(t *testing.T) {
	for _, tc := range []struct {
		size, limit int
		ok          bool
	}{
		{0, 0, true}, {10, 10, true}, {11, 10, false}, {9, 10, true},
		{1 << 20, 1 << 16, false}, {100000, 100000, true}, {100001, 100000, false},
	} {
		b, err := ReadAll(strings.NewReader(strings.Repeat("x", tc.size)), int64(tc.limit))
		if tc.ok && (err != nil || len(b) != tc.size) {
			t.Errorf("%d bytes, limit %d: got %d bytes, %v", tc.size, tc.limit, len(b), err)
		}
		if !tc.ok && (!errors.Is(err, ErrTooLarge) || len(b) > tc.limit) {
			t.Errorf("%d bytes, limit %d: got %d bytes, %v; want ErrTooLarge", tc.size, tc.limit, len(b), err)
		}
	}
}

// endless is a body that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestLimitReaderEndless(t *testing.T) {
	_, err := io.Copy(io.Discard, LimitReader(endless{}, 1<<20))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1048576") {
		t.Fatalf("got %v", err)
	}
}
