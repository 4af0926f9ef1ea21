package fnv1a_test

import (
	"fmt"
	"hash/fnv"
	"testing"

	"github.com/storyline-news/storyline/internal/fnv1a"
)

// TestAsHashFNV checks every way of continuing a hash against
// hash/fnv's New64a over the same bytes.
func TestAsHashFNV(t *testing.T) {
	for _, s := range []string{"", "a", "w=said", "p1c+s3=Cap|ing", "Ünïcödé\x00\xff"} {
		ref := fnv.New64a()
		ref.Write([]byte(s))
		want := ref.Sum64()
		if got := fnv1a.Of(s); got != want {
			t.Errorf("Of(%q) = %#x, want %#x", s, got, want)
		}
		if got := uint64(fnv1a.Offset.Bytes([]byte(s))); got != want {
			t.Errorf("Bytes(%q) = %#x, want %#x", s, got, want)
		}
		h := fnv1a.Offset
		for i := 0; i < len(s); i++ {
			h = h.Byte(s[i])
		}
		if uint64(h) != want {
			t.Errorf("Byte over %q = %#x, want %#x", s, uint64(h), want)
		}
		if len(s) > 1 {
			if got := uint64(fnv1a.Offset.Str(s[:1]).Str(s[1:])); got != want {
				t.Errorf("Str(%q).Str(%q) = %#x, want %#x", s[:1], s[1:], got, want)
			}
		}
	}
}

func ExampleHash() {
	// The key of the feature "w=said|n1=that", built in parts.
	h := fnv1a.Offset.Str("w=").Str("said").Byte('|').Str("n1=that")
	fmt.Println(uint64(h) == fnv1a.Of("w=said|n1=that"))
	// Output: true
}

// TestMix: Mix of a number below 256 is Byte of it, and Mix chains as
// the xor-multiply it names.
func TestMix(t *testing.T) {
	for _, x := range []uint64{0, 1, 'a', 255} {
		if got, want := fnv1a.Offset.Mix(x), fnv1a.Offset.Byte(byte(x)); got != want {
			t.Errorf("Mix(%d) = %#x, want Byte's %#x", x, got, want)
		}
	}
	h := fnv1a.Offset.Str("word")
	if got, want := h.Mix(1<<40+7), (h^(1<<40+7))*fnv1a.Prime; got != want {
		t.Errorf("Mix(1<<40+7) = %#x, want %#x", got, want)
	}
}
