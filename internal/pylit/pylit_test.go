package pylit

import (
	"reflect"
	"testing"
)

func TestStrings(t *testing.T) {
	got := Strings(`['one \'two\'', "it's", 'a\nb', 'caf\xe9 \u2014']`)
	want := []string{"one 'two'", "it's", "a\nb", "café —"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzStrings(f *testing.F) {
	f.Add(`['a', "b", 'c\'d\n\x41\u00e9']`)
	f.Fuzz(func(t *testing.T, s string) { Strings(s) })
}
