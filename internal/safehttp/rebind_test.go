package safehttp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// fakeDNS answers every A query with the next address of its list (the last
// one once the list is used up) and every other query with no answer.
type fakeDNS struct {
	mu    sync.Mutex
	addrs []netip.Addr
	conn  net.PacketConn
}

func startFakeDNS(t *testing.T, addrs ...string) *fakeDNS {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &fakeDNS{conn: pc}
	for _, a := range addrs {
		d.addrs = append(d.addrs, netip.MustParseAddr(a))
	}
	t.Cleanup(func() { pc.Close() })
	go d.serve()
	return d
}

func (d *fakeDNS) serve() {
	buf := make([]byte, 1500)
	for {
		n, from, err := d.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		var p dnsmessage.Parser
		h, err := p.Start(buf[:n])
		if err != nil {
			continue
		}
		q, err := p.Question()
		if err != nil {
			continue
		}
		b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true})
		b.StartQuestions()
		b.Question(q)
		b.StartAnswers()
		if q.Type == dnsmessage.TypeA {
			d.mu.Lock()
			ip := d.addrs[0]
			if len(d.addrs) > 1 {
				d.addrs = d.addrs[1:]
			}
			d.mu.Unlock()
			b.AResource(dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 0}, dnsmessage.AResource{A: ip.As4()})
		}
		msg, err := b.Finish()
		if err == nil {
			d.conn.WriteTo(msg, from)
		}
	}
}

func (d *fakeDNS) resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var dl net.Dialer
		return dl.DialContext(ctx, "udp", d.conn.LocalAddr().String())
	}}
}

// TestDNSRebinding serves the same host and port on 127.0.0.2, which the
// test's Allow hook treats as a public address, and on 127.0.0.1. The name
// first resolves to the "public" address, then rebinds to loopback: the
// second fetch is refused, because the check is made on the address
// dialled, not on an earlier lookup.
func TestDNSRebinding(t *testing.T) {
	public, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	port := public.Addr().(*net.TCPAddr).Port
	private, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		public.Close()
		t.Skipf("port %d not free on 127.0.0.1: %v", port, err)
	}
	serve := func(ln net.Listener, body string) {
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) })}
		go srv.Serve(ln)
		t.Cleanup(func() { srv.Close() })
	}
	serve(public, "public page")
	serve(private, "internal secret")

	dns := startFakeDNS(t, "127.0.0.2", "127.0.0.1")
	c, err := NewClient(Options{
		Resolver: dns.resolver(),
		Allow:    func(_ string, ap netip.AddrPort) bool { return ap.Addr() == netip.MustParseAddr("127.0.0.2") },
	})
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("http://rebind.test:%d/", port)
	if body, err := get(t, c, url); err != nil || body != "public page" {
		t.Fatalf("first fetch: got %q, %v", body, err)
	}
	c.CloseIdleConnections() // the next fetch dials, and so resolves, again
	body, err := get(t, c, url)
	var ae *AddressError
	if !errors.As(err, &ae) || ae.Host != "rebind.test" || ae.IP != netip.MustParseAddr("127.0.0.1") {
		t.Fatalf("after rebinding: got %q, %v; want the loopback address refused", body, err)
	}
}
