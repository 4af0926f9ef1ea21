// Package safehttp builds HTTP clients for fetching addresses that come from
// untrusted input (feed lists, URLs posted to the API) without letting them
// reach the machine itself or its private network.
//
// The check is made in the dialer, on the IP address a connection is about to
// be made to, after DNS resolution: a name that resolves to a public address
// when it is checked and to 127.0.0.1 when it is fetched (DNS rebinding)
// cannot get around it, and since every redirect dials again, neither can a
// redirect. Refused are loopback (127.0.0.0/8, ::1), private (10.0.0.0/8,
// 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fec0::/10), link-local
// (169.254.0.0/16, fe80::/10), multicast (224.0.0.0/4, ff00::/8), unspecified
// ("this network" 0.0.0.0/8, ::), shared-address (100.64.0.0/10) and other
// reserved or special-purpose targets (240.0.0.0/4 and the broadcast address,
// 192.0.0.0/24, benchmarking 198.18.0.0/15, documentation ranges, discard
// 100::/64). IPv4 addresses written inside IPv6 ones (IPv4-mapped ::ffff:a.b.c.d,
// NAT64 64:ff9b::/96 and 6to4 2002::/16) are judged by the IPv4 address they
// carry. Options.AllowPrivate turns the check off.
//
// The client also refuses schemes other than http and https (on the first
// request and on every redirect), stops after Options.MaxRedirects redirects,
// never uses a proxy from the environment (a proxy would be dialled instead of
// the target and so escape the check), and has a timeout for the whole
// exchange, body included. ReadAll and LimitReader cap the size of a body.
package safehttp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Defaults for the zero fields of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 10
)

var (
	// ErrForbiddenAddress is wrapped by every *AddressError: a connection to
	// a loopback, private, link-local, multicast, unspecified, shared or
	// reserved address was refused.
	ErrForbiddenAddress = errors.New("safehttp: forbidden address")
	// ErrForbiddenScheme is returned for a URL whose scheme is not http or https.
	ErrForbiddenScheme = errors.New("safehttp: scheme not allowed")
	// ErrTooManyRedirects is returned when a request is redirected more than
	// Options.MaxRedirects times.
	ErrTooManyRedirects = errors.New("safehttp: too many redirects")
	// ErrTooLarge is returned by ReadAll and LimitReader when a body is
	// larger than its limit.
	ErrTooLarge = errors.New("safehttp: body too large")
)

// AddressError is a refused connection: the host that was asked for, the IP
// address it resolved to, and why that address is refused.
type AddressError struct {
	Host   string     // the host name or address literal in the URL
	IP     netip.Addr // the address a connection was about to be made to
	Reason string     // "loopback", "private", "link-local", ...
}

// Error names the host, the address and the reason.
func (e *AddressError) Error() string {
	if e.Host == "" || e.Host == e.IP.String() {
		return fmt.Sprintf("safehttp: refusing to connect to %s: %s address", e.IP, e.Reason)
	}
	return fmt.Sprintf("safehttp: refusing to connect to %s (%s): %s address", e.Host, e.IP, e.Reason)
}

// Is reports whether target is ErrForbiddenAddress.
func (e *AddressError) Is(target error) bool { return target == ErrForbiddenAddress }

// Options configures NewClient. The zero value of a field means its default.
type Options struct {
	// Timeout bounds a whole request: dialling, redirects, headers and
	// reading the body. DefaultTimeout when zero.
	Timeout time.Duration
	// MaxRedirects is the number of redirects followed before giving up;
	// DefaultMaxRedirects when zero, none when negative.
	MaxRedirects int
	// AllowPrivate turns the address check off: every address may be
	// dialled (the server's --allow-private-urls).
	AllowPrivate bool
	// Allow, when set, is asked about each address the check would refuse,
	// with the host as written in the URL; true lets the connection through.
	// It is an allow-list for particular hosts (and a hook for tests), and
	// is consulted after DNS resolution like the check itself.
	Allow func(host string, addr netip.AddrPort) bool
	// Resolver looks host names up; net.DefaultResolver when nil.
	Resolver *net.Resolver
}

// Validate reports whether the options make sense.
func (o Options) Validate() error {
	if o.Timeout < 0 {
		return fmt.Errorf("safehttp: negative timeout %s", o.Timeout)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	return o
}

// NewClient returns an http.Client that refuses forbidden addresses (unless
// o.AllowPrivate), schemes other than http and https, more than
// o.MaxRedirects redirects, and exchanges longer than o.Timeout.
func NewClient(o Options) (*http.Client, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	dial := &net.Dialer{Timeout: min(o.Timeout, 30*time.Second), KeepAlive: 30 * time.Second, Resolver: o.Resolver}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would be dialled instead of the target
		DialContext:           DialContext(dial, o),
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   min(o.Timeout, 10*time.Second),
		ResponseHeaderTimeout: o.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	maxRedirects := o.MaxRedirects
	return &http.Client{
		Transport: schemeCheck{tr},
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d, the last to %s", ErrTooManyRedirects, max(maxRedirects, 0), req.URL.Redacted())
			}
			return checkScheme(req)
		},
	}, nil
}

// schemeCheck refuses requests whose scheme is not http or https before they
// reach the transport.
type schemeCheck struct{ rt http.RoundTripper }

func (s schemeCheck) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := checkScheme(req); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	return s.rt.RoundTrip(req)
}

// CloseIdleConnections closes the transport's idle connections.
func (s schemeCheck) CloseIdleConnections() {
	if c, ok := s.rt.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func checkScheme(req *http.Request) error {
	if req.URL == nil {
		return fmt.Errorf("%w: request without URL", ErrForbiddenScheme)
	}
	switch req.URL.Scheme {
	case "http", "https":
		return nil
	}
	return fmt.Errorf("%w: %q in %s", ErrForbiddenScheme, req.URL.Scheme, req.URL.Redacted())
}

// DialContext returns a dial function for an http.Transport that dials with d
// and refuses, after resolution, every address Check forbids, unless
// o.AllowPrivate or o.Allow permits it. It sets d.Control, so d's own
// Control, if any, is replaced. Use it to make another transport safe.
func DialContext(d *net.Dialer, o Options) func(ctx context.Context, network, addr string) (net.Conn, error) {
	if o.AllowPrivate {
		return d.DialContext
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			host = addr
		}
		dd := *d
		dd.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("safehttp: cannot check address %q of %s: %w", address, host, err)
			}
			reason := Check(ap.Addr())
			if reason == "" || o.Allow != nil && o.Allow(host, ap) {
				return nil
			}
			return &AddressError{Host: host, IP: ap.Addr().WithZone(""), Reason: reason}
		}
		return dd.DialContext(ctx, network, addr)
	}
}

var reserved = []struct {
	p      netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("192.0.2.0/24"), "reserved"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved"},
	{netip.MustParsePrefix("198.51.100.0/24"), "reserved"},
	{netip.MustParsePrefix("203.0.113.0/24"), "reserved"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"}, // includes 255.255.255.255
	{netip.MustParsePrefix("fec0::/10"), "private"},    // deprecated site-local
	{netip.MustParsePrefix("100::/64"), "reserved"},    // discard
	{netip.MustParsePrefix("2001:db8::/32"), "reserved"},
}

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// Check returns why a connection to ip is refused ("loopback", "private",
// "link-local", "multicast", "unspecified", "shared" or "reserved"), or ""
// when it is allowed. An IPv4 address carried in an IPv6 one (IPv4-mapped,
// NAT64, 6to4) is judged as that IPv4 address; an invalid address is refused.
func Check(ip netip.Addr) string {
	if !ip.IsValid() {
		return "invalid"
	}
	ip = ip.WithZone("").Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return Check(netip.AddrFrom4([4]byte(b[12:16])))
		case sixTo4.Contains(ip):
			return Check(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	switch {
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast():
		return "multicast"
	}
	for _, r := range reserved {
		if r.p.Contains(ip) {
			return r.reason
		}
	}
	return ""
}

// LimitReader returns a reader of r that fails with an error wrapping
// ErrTooLarge as soon as more than n bytes have been read, rather than
// silently stopping at n as io.LimitReader does.
func LimitReader(r io.Reader, n int64) io.Reader {
	return &limited{r: r, left: n, limit: n}
}

type limited struct {
	r     io.Reader
	left  int64
	limit int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, tooLarge(l.limit)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n + int(l.left), tooLarge(l.limit)
	}
	return n, err
}

func tooLarge(n int64) error {
	return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, n)
}

// ReadAll reads r to the end, or fails with an error wrapping ErrTooLarge
// once more than n bytes have been read.
func ReadAll(r io.Reader, n int64) ([]byte, error) {
	return io.ReadAll(LimitReader(r, n))
}
