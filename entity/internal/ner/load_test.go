package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad reads the shipped model: what the first entity tagging
// of a process pays.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repoRoot(b), "entity", "model.bin.gz"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data)), "file-bytes")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
