//go:build !amd64 || purego

package ner

// addRow adds row to sc, label by label.
func addRow(sc, row *[NumLabels]float32) { addRowGo(sc, row) }
