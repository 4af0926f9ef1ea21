//go:build amd64 && !purego

package ner

// addRow adds row to sc, label by label: addRowGo in SSE, whose
// additions of single-precision floats are the same IEEE additions lane
// by lane (TestAddRowMatchesGo).
//
//go:noescape
func addRow(sc, row *[NumLabels]float32)
