package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestLoadSave saves the shipped model as loaded, its weights kept as
// integers (see quant.go), and checks that the bytes are the file's.
func TestLoadSave(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "entity", "model.bin.gz"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if m.c.qt == nil || m.c.dense != nil {
		t.Fatal("the shipped model is not kept as integers")
	}
	var buf bytes.Buffer
	if err := m.Save(&buf, Bits); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Errorf("saved %d bytes, the file has %d, or they differ", buf.Len(), len(data))
	}
}
