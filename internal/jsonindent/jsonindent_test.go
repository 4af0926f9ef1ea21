package jsonindent

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzAppend: Append lays out compact JSON as json.Indent does.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{},[],"x\"y\\",{"b":null}],"c":"{[,:]}"}` + "\n", `"\u00e9"`, `[[[]],{"":{}}]`, `-1.5e3`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("Append(%q) = %q, want %q", compact.Bytes(), got, want.Bytes())
		}
	})
}
