package sqlstore

import (
	"bytes"
	"encoding/gob"
	"io"
	"reflect"
	"sync"

	"github.com/storyline-news/storyline/news"
)

// A doc stored before the binary format (see appendBinDoc), which is
// still read, is a whole gob stream: the type descriptors of news.Doc
// (its preamble) and then the doc's value, as a new gob.Encoder writes
// it. Making a new encoder for each doc sends the descriptors again (two
// thirds of the cost of encoding a doc), and a new decoder parses them
// and compiles its decoding engine again (most of the cost of decoding
// one). docCodec keeps encoders and decoders that have dealt with the
// preamble once: an encoder then writes the preamble, computed once,
// followed by the value it encodes; a decoder given a stream that starts
// with that preamble reads only the value. What is written is byte for
// byte what a new encoder writes, so the stored format does not change,
// and a stream with another preamble (written by a build whose news.Doc
// or gob type numbers differ) is decoded by a new decoder, as before.
//
// This holds because news.Doc has no interface-typed field anywhere in
// it: gob sends the descriptors of every type a Doc can hold with the
// first value, and none later. newDocCodec checks that, and that a new
// encoder's stream is the preamble and the value; if either fails, the
// codec does without (fresh encoders and decoders, as before).
type docCodec struct {
	preamble []byte // nil: no reuse
	enc      sync.Pool
	dec      sync.Pool
}

// codecEncoder is an encoder that has sent the preamble, into buf.
type codecEncoder struct {
	buf bytes.Buffer
	enc *gob.Encoder
}

// codecDecoder is a decoder that has read the preamble, from r.
type codecDecoder struct {
	r   swapReader
	dec *gob.Decoder
}

// swapReader reads a byte slice that can be replaced; it is an
// io.ByteReader, so gob reads from it exactly the bytes of a message and
// no more.
type swapReader struct{ b []byte }

func (r *swapReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func (r *swapReader) ReadByte() (byte, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c, nil
}

// theDocCodec is the codec every store shares, made on its first use: its
// making has gob build news.Doc's types and encode one, which a command
// that opens no store (storyline --help) should not pay at start-up.
var theDocCodec = sync.OnceValue(newDocCodec)

func newDocCodec() *docCodec {
	c := &docCodec{}
	if hasInterface(reflect.TypeFor[news.Doc](), map[reflect.Type]bool{}) {
		return c
	}
	// A new encoder's stream of an empty doc is the preamble and the
	// empty doc's value; a second Encode writes the value alone.
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(&news.Doc{}); err != nil {
		return c
	}
	first := bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := enc.Encode(&news.Doc{}); err != nil {
		return c
	}
	value := buf.Bytes()
	if !bytes.HasSuffix(first, value) || len(first) == len(value) {
		return c
	}
	c.preamble = first[:len(first)-len(value)]
	return c
}

// hasInterface reports whether a value of type t can hold an interface
// value.
func hasInterface(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if t.Implements(reflect.TypeFor[gob.GobEncoder]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[gob.GobEncoder]()) {
		return false // encoded as bytes (time.Time)
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return hasInterface(t.Elem(), seen)
	case reflect.Map:
		return hasInterface(t.Key(), seen) || hasInterface(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && hasInterface(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// encode appends the gob stream of d to dst.
func (c *docCodec) encode(dst *bytes.Buffer, d *news.Doc) error {
	if c.preamble == nil {
		return gob.NewEncoder(dst).Encode(d)
	}
	e, _ := c.enc.Get().(*codecEncoder)
	if e == nil {
		e = &codecEncoder{}
		e.enc = gob.NewEncoder(&e.buf)
		if err := e.enc.Encode(&news.Doc{}); err != nil {
			return err
		}
	}
	e.buf.Reset()
	if err := e.enc.Encode(d); err != nil {
		return err // the encoder is dropped: its state is unknown
	}
	dst.Write(c.preamble)
	dst.Write(e.buf.Bytes())
	if e.buf.Cap() <= 1<<20 {
		c.enc.Put(e)
	}
	return nil
}

// decode decodes the gob stream b into d.
func (c *docCodec) decode(b []byte, d *news.Doc) error {
	value, ok := bytes.CutPrefix(b, c.preamble)
	if c.preamble == nil || !ok {
		return gob.NewDecoder(bytes.NewReader(b)).Decode(d)
	}
	dd, _ := c.dec.Get().(*codecDecoder)
	if dd == nil {
		dd = &codecDecoder{}
		dd.dec = gob.NewDecoder(&dd.r)
		var empty bytes.Buffer
		if err := gob.NewEncoder(&empty).Encode(&news.Doc{}); err != nil {
			return err
		}
		dd.r.b = empty.Bytes()
		if err := dd.dec.Decode(new(news.Doc)); err != nil || len(dd.r.b) != 0 {
			return gob.NewDecoder(bytes.NewReader(b)).Decode(d)
		}
	}
	dd.r.b = value
	err := dd.dec.Decode(d)
	dd.r.b = nil // what follows the value, if anything, is ignored, as by a new decoder
	if err != nil {
		return err // the decoder is dropped: its state is unknown
	}
	c.dec.Put(dd)
	return nil
}
