package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	mathbits "math/bits"
)

// magic opens a block of weights.
const magic = "perceptron\n"

// ErrBadWeights is returned by Read and ReadRows for data that is not a
// block of weights.
var ErrBadWeights = errors.New("perceptron: not a block of weights")

// maxRows bounds the rows a block may claim, so that a corrupt count
// cannot make Read allocate without end.
const maxRows = 1 << 26

// Write writes the weights as a block (see the package documentation),
// quantised to bits: 8 or 16 with one scale, or 32 for float32 as they
// are. It writes to a bufio.Writer of its own and flushes it.
func (w *Weights) Write(dst io.Writer, bits int) error {
	if bits != 8 && bits != 16 && bits != 32 {
		return fmt.Errorf("perceptron: %d bits: want 8, 16 or 32", bits)
	}
	if w.k > 256 {
		return fmt.Errorf("perceptron: %d classes: at most 256", w.k)
	}
	scale := 1.0
	if bits != 32 {
		top := float64(int(1)<<(bits-1) - 1)
		if m := float64(w.MaxAbs()); m > 0 {
			scale = m / top
		}
	}
	// quantise first: a row whose weights all round to zero is left out
	q := make([]int32, len(w.vals))
	nrows := 0
	for i := range w.keys {
		any := false
		for l, x := range w.Row(i) {
			k := i*w.k + l
			if bits == 32 {
				if x != 0 {
					any = true
				}
				continue
			}
			q[k] = int32(math.Round(float64(x) / scale))
			any = any || q[k] != 0
		}
		if any {
			nrows++
		} else {
			q[i*w.k] = math.MinInt32 // marks the row left out
		}
	}
	bw := bufio.NewWriter(dst)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	bw.WriteString(magic)
	uv(uint64(w.k))
	bw.WriteByte(byte(bits))
	binary.Write(bw, binary.LittleEndian, math.Float64bits(scale))
	uv(uint64(nrows))
	// the keys, Rice-coded: random 64-bit hashes do not compress, and
	// their gaps so coded take about 6 bytes a key where varints take 7
	var last uint64
	for i, f := range w.keys {
		if q[i*w.k] != math.MinInt32 {
			last = f
		}
	}
	rice := uint(0)
	if nrows > 0 {
		rice = uint(max(mathbits.Len64(last/uint64(nrows))-1, 0))
	}
	bw.WriteByte(byte(rice))
	kw := bitWriter{w: bw}
	var prev uint64
	for i, f := range w.keys {
		if q[i*w.k] == math.MinInt32 {
			continue
		}
		kw.rice(f-prev, rice)
		prev = f
	}
	kw.flush()
	for i := range w.keys {
		if q[i*w.k] == math.MinInt32 {
			continue
		}
		row := w.Row(i)
		nz := func(l int) bool {
			if bits == 32 {
				return row[l] != 0
			}
			return q[i*w.k+l] != 0
		}
		if w.k > 1 {
			n := 0
			for l := range row {
				if nz(l) {
					n++
				}
			}
			bw.WriteByte(byte(n))
		}
		for l := range row {
			if !nz(l) {
				continue
			}
			if w.k > 1 {
				bw.WriteByte(byte(l))
			}
			switch bits {
			case 8:
				bw.WriteByte(byte(int8(q[i*w.k+l])))
			case 16:
				bw.Write(tmp[:binary.PutVarint(tmp[:], int64(q[i*w.k+l]))])
			default:
				binary.Write(bw, binary.LittleEndian, math.Float32bits(row[l]))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("perceptron: writing weights: %w", err)
	}
	return nil
}

// Header describes a block of weights.
type Header struct {
	Classes, Bits, Rows int
	Scale               float64
}

// ReadRows reads a block written by Write from r. It calls start with
// the block's header, before any row, and then the function start
// returns for every row, in ascending key order, with its weights
// dequantised (q×scale as float32); the row passed is reused from call
// to call. It reads nothing past the block.
func ReadRows(r *bufio.Reader, start func(Header) func(key uint64, row []float32)) (Header, error) {
	var h Header
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return h, ErrBadWeights
	}
	bad := func(err error) (Header, error) { return h, fmt.Errorf("%w: %w", ErrBadWeights, err) }
	k, err := binary.ReadUvarint(r)
	if err != nil {
		return bad(err)
	}
	if k < 1 || k > 256 {
		return bad(fmt.Errorf("%d classes", k))
	}
	bits, err := r.ReadByte()
	if err != nil {
		return bad(err)
	}
	if bits != 8 && bits != 16 && bits != 32 {
		return bad(fmt.Errorf("%d bits", bits))
	}
	var sb [8]byte
	if _, err := io.ReadFull(r, sb[:]); err != nil {
		return bad(err)
	}
	scale := math.Float64frombits(binary.LittleEndian.Uint64(sb[:]))
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return bad(err)
	}
	if n > maxRows {
		return bad(fmt.Errorf("%d rows", n))
	}
	h = Header{Classes: int(k), Bits: int(bits), Rows: int(n), Scale: scale}
	rice, err := r.ReadByte()
	if err != nil {
		return bad(err)
	}
	if rice > 63 {
		return bad(fmt.Errorf("Rice parameter %d", rice))
	}
	// the keys first; trust the count only so far, the keys must be
	// there to be read
	keys := make([]uint64, 0, min(n, 1<<16))
	kr := bitReader{r: r}
	var key uint64
	for i := uint64(0); i < n; i++ {
		d, err := kr.rice(uint(rice))
		if err != nil {
			return bad(err)
		}
		if key+d < key {
			return bad(errors.New("keys past 2^64"))
		}
		key += d
		keys = append(keys, key)
	}
	each := start(h)
	row := make([]float32, k)
	for _, key := range keys {
		clear(row)
		nnz := uint64(1)
		if k > 1 {
			b, err := r.ReadByte()
			if err != nil {
				return bad(err)
			}
			nnz = uint64(b)
			if nnz > k {
				return bad(fmt.Errorf("row of %d weights", nnz))
			}
		}
		for j := uint64(0); j < nnz; j++ {
			l := 0
			if k > 1 {
				b, err := r.ReadByte()
				if err != nil {
					return bad(err)
				}
				if uint64(b) >= k {
					return bad(fmt.Errorf("class %d", b))
				}
				l = int(b)
			}
			switch bits {
			case 8:
				b, err := r.ReadByte()
				if err != nil {
					return bad(err)
				}
				row[l] = float32(float64(int8(b)) * scale)
			case 16:
				x, err := binary.ReadVarint(r)
				if err != nil {
					return bad(err)
				}
				row[l] = float32(float64(x) * scale)
			default:
				var fb [4]byte
				if _, err := io.ReadFull(r, fb[:]); err != nil {
					return bad(err)
				}
				row[l] = math.Float32frombits(binary.LittleEndian.Uint32(fb[:]))
			}
		}
		each(key, row)
	}
	return h, nil
}

// Read reads a block written by Write.
func Read(r *bufio.Reader) (*Weights, Header, error) {
	var w *Weights
	h, err := ReadRows(r, func(h Header) func(uint64, []float32) {
		// room for the rows the header claims, up to a bound: their
		// keys were there to be read, their weights may not be
		n := min(h.Rows, 1<<20)
		w = &Weights{k: h.Classes, keys: make([]uint64, 0, n), vals: make([]float32, 0, min(n*h.Classes, 1<<22))}
		return func(key uint64, row []float32) {
			w.keys = append(w.keys, key)
			w.vals = append(w.vals, row...)
		}
	})
	if err != nil {
		return nil, h, err
	}
	return w, h, nil
}

// bitWriter writes bits to a byte stream, the lowest first.
type bitWriter struct {
	w   *bufio.Writer
	acc uint64
	n   uint
}

// put writes the low width bits of x, width at most 32.
func (b *bitWriter) put(x uint64, width uint) {
	b.acc |= (x & (1<<width - 1)) << b.n
	b.n += width
	for b.n >= 8 {
		b.w.WriteByte(byte(b.acc))
		b.acc >>= 8
		b.n -= 8
	}
}

// rice writes x Rice-coded with parameter k: x>>k in unary (ones ended
// by a zero), then the low k bits.
func (b *bitWriter) rice(x uint64, k uint) {
	for q := x >> k; q > 0; q-- {
		b.put(1, 1)
	}
	b.put(0, 1)
	for k > 32 {
		b.put(x, 32)
		x >>= 32
		k -= 32
	}
	b.put(x, k)
}

// flush writes the last bits, the byte padded with zeros.
func (b *bitWriter) flush() {
	if b.n > 0 {
		b.put(0, 8-b.n)
	}
}

// bitReader reads what bitWriter writes.
type bitReader struct {
	r   *bufio.Reader
	acc uint64
	n   uint
}

// get reads width bits, width at most 32.
func (b *bitReader) get(width uint) (uint64, error) {
	for b.n < width {
		c, err := b.r.ReadByte()
		if err != nil {
			return 0, err
		}
		b.acc |= uint64(c) << b.n
		b.n += 8
	}
	x := b.acc & (1<<width - 1)
	b.acc >>= width
	b.n -= width
	return x, nil
}

// rice reads a number written by bitWriter.rice with parameter k.
func (b *bitReader) rice(k uint) (uint64, error) {
	// the unary part, the ones below the first zero of the bits held
	var q uint64
	for {
		if b.n == 0 {
			c, err := b.r.ReadByte()
			if err != nil {
				return 0, err
			}
			b.acc, b.n = uint64(c), 8
		}
		// the bits above n are zero, so ones is at most n
		ones := uint(mathbits.TrailingZeros64(^b.acc))
		if ones < b.n {
			q += uint64(ones)
			b.acc >>= ones + 1
			b.n -= ones + 1
			break
		}
		q += uint64(b.n)
		b.acc, b.n = 0, 0
		if q>>(64-k) != 0 || q > 1<<32 {
			return 0, errors.New("rice code too long")
		}
	}
	if q>>(64-k) != 0 {
		return 0, errors.New("rice code too long")
	}
	x, sh := uint64(0), uint(0)
	for k > 0 {
		w := min(k, 32)
		v, err := b.get(w)
		if err != nil {
			return 0, err
		}
		x |= v << sh
		sh += w
		k -= w
	}
	return q<<sh | x, nil
}
