package ner

// Types are the entity types, in label order.
var Types = [NumTypes]string{"PER", "ORG", "LOC", "MISC"}

// NumTypes is the number of entity types.
const NumTypes = 4

// NumLabels is the number of BILOU labels: O, then B, I, L, U of each type.
const NumLabels = 1 + 4*NumTypes

// Label positions within a type.
const (
	posB = 0
	posI = 1
	posL = 2
	posU = 3
)

func label(typ, pos int) uint8 { return uint8(1 + 4*typ + pos) }

func labelType(l uint8) int { return (int(l) - 1) / 4 }
func labelPos(l uint8) int  { return (int(l) - 1) % 4 }

// allowed[prev][l] reports whether label l may follow prev (prev NumLabels
// is the sentence start).
var allowed [NumLabels + 1][NumLabels]bool

func init() {
	for p := 0; p <= NumLabels; p++ {
		for l := 0; l < NumLabels; l++ {
			open := p != NumLabels && p != 0 && (labelPos(uint8(p)) == posB || labelPos(uint8(p)) == posI)
			switch {
			case open:
				allowed[p][l] = l != 0 && labelType(uint8(l)) == labelType(uint8(p)) &&
					(labelPos(uint8(l)) == posI || labelPos(uint8(l)) == posL)
			default:
				allowed[p][l] = l == 0 || labelPos(uint8(l)) == posB || labelPos(uint8(l)) == posU
			}
		}
	}
}

// Chunk is an entity span of a sentence: tokens [Start, End) of type Type
// (an index into Types).
type Chunk struct {
	Start, End int
	Type       int
}

func typeIndex(s string) int {
	for i, t := range Types {
		if t == s {
			return i
		}
	}
	return -1
}

// ChunksIOB returns the chunks of a sentence tagged in IOB1 or IOB2, read
// as conlleval reads them: an I- tag after O or after another type starts
// a chunk.
func ChunksIOB(tags []string) []Chunk {
	var out []Chunk
	cur := -1
	start := 0
	for i, t := range tags {
		pfx, typ := "O", ""
		if t != "O" && len(t) > 2 && t[1] == '-' {
			pfx, typ = t[:1], t[2:]
		}
		ti := typeIndex(typ)
		if pfx == "O" || ti < 0 {
			if cur >= 0 {
				out = append(out, Chunk{start, i, cur})
			}
			cur = -1
			continue
		}
		if pfx == "B" || ti != cur {
			if cur >= 0 {
				out = append(out, Chunk{start, i, cur})
			}
			cur, start = ti, i
		}
	}
	if cur >= 0 {
		out = append(out, Chunk{start, len(tags), cur})
	}
	return out
}

// bilou turns IOB tags into BILOU labels.
func bilou(tags []string) []uint8 {
	out := make([]uint8, len(tags))
	for _, c := range ChunksIOB(tags) {
		if c.End-c.Start == 1 {
			out[c.Start] = label(c.Type, posU)
			continue
		}
		out[c.Start] = label(c.Type, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = label(c.Type, posI)
		}
		out[c.End-1] = label(c.Type, posL)
	}
	return out
}

// chunksBILOU reads chunks from BILOU labels, leniently: a chunk left open
// at a type change or at the end is closed there.
func chunksBILOU(ls []uint8) []Chunk { return appendChunks(nil, ls) }

// appendChunks appends the chunks of BILOU labels to out, as chunksBILOU
// reads them.
func appendChunks(out []Chunk, ls []uint8) []Chunk {
	cur, start := -1, 0
	for i, l := range ls {
		if l == 0 {
			if cur >= 0 {
				out = append(out, Chunk{start, i, cur})
			}
			cur = -1
			continue
		}
		t, p := labelType(l), labelPos(l)
		if cur >= 0 && (t != cur || p == posB || p == posU) {
			out = append(out, Chunk{start, i, cur})
			cur = -1
		}
		if cur < 0 {
			cur, start = t, i
		}
		if p == posL || p == posU {
			out = append(out, Chunk{start, i + 1, cur})
			cur = -1
		}
	}
	if cur >= 0 {
		out = append(out, Chunk{start, len(ls), cur})
	}
	return out
}

// IOB2 renders chunks as IOB2 tags for n tokens.
func IOB2(chunks []Chunk, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunks {
		for i := c.Start; i < c.End; i++ {
			p := "I-"
			if i == c.Start {
				p = "B-"
			}
			out[i] = p + Types[c.Type]
		}
	}
	return out
}
